"""Script versions in the database: the published one a call follows, drafts, the funnel rows."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from agentdesk.domain.calls import DispositionCategory
from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.errors import NotFoundError, StaleRecordError, ValidationError
from agentdesk.domain.ids import new_id
from agentdesk.domain.script_versions import RequiredStepsMissing, ScriptVersion, StoredScript
from agentdesk.domain.script_walk import MAX_PATH, PathEntry, passed_steps, path_from_data
from agentdesk.domain.scripts import Script, sale_gates, script_from_data, script_to_data
from agentdesk.store.schema.base import DEFAULT_SITE
from agentdesk.store.schema.catalogue import disposition_codes
from agentdesk.store.schema.knowledge import scripts
from agentdesk.store.schema.work import calls, dispositions

log = logging.getLogger(__name__)

_LIVE = scripts.c.deleted_at.is_(None)


def _version(row: RowMapping) -> ScriptVersion:
    return ScriptVersion(
        id=row["id"], campaign_id=row["campaign_id"],
        direction=CampaignDirection(row["direction"]), name=row["name"],
        number=int(row["script_version"]), published_at=row["published_at"],
        change_note=row["change_note"] or "", row_version=int(row["version"]))


def _stored(row: RowMapping) -> StoredScript | None:
    """The version with its body; None (logged) for a body that no longer loads."""
    try:
        return StoredScript(_version(row), script_from_data(json.loads(row["body"])))
    except (ValueError, ValidationError) as error:
        log.error("Script %s version %s does not load: %s", row["name"], row["script_version"],
                  error)
        return None


def load_script(conn: Connection, script_id: uuid.UUID) -> StoredScript | None:
    """Return a version by id (None if missing or unreadable)."""
    row = conn.execute(sa.select(scripts).where(scripts.c.id == script_id, _LIVE)).mappings() \
        .first()
    return None if row is None else _stored(row)


def published_script(conn: Connection, campaign_id: uuid.UUID,
                     direction: CampaignDirection) -> StoredScript | None:
    """Return the newest published version a call of the campaign follows, if any.

    A version whose body does not load is passed over for the one before it.
    """
    rows = conn.execute(sa.select(scripts).where(
        scripts.c.campaign_id == campaign_id, scripts.c.direction == direction.value,
        scripts.c.published_at.is_not(None), _LIVE)
        .order_by(scripts.c.script_version.desc())).mappings()
    for row in rows:
        stored = _stored(row)
        if stored is not None:
            return stored
    return None


def list_versions(conn: Connection, campaign_id: uuid.UUID | None = None) -> list[ScriptVersion]:
    """Return the versions (of one campaign, or all), by campaign, direction, newest first."""
    query = sa.select(scripts.c.id, scripts.c.campaign_id, scripts.c.direction,
                      scripts.c.name, scripts.c.script_version, scripts.c.published_at,
                      scripts.c.change_note, scripts.c.version).where(_LIVE)
    if campaign_id is not None:
        query = query.where(scripts.c.campaign_id == campaign_id)
    rows = conn.execute(query.order_by(scripts.c.campaign_id, scripts.c.direction,
                                       scripts.c.script_version.desc())).mappings()
    return [_version(row) for row in rows]


def current_draft(conn: Connection, campaign_id: uuid.UUID,
                  direction: CampaignDirection) -> StoredScript | None:
    """Return the draft being written for the campaign and direction, if any."""
    row = conn.execute(sa.select(scripts).where(
        scripts.c.campaign_id == campaign_id, scripts.c.direction == direction.value,
        scripts.c.published_at.is_(None), _LIVE)
        .order_by(scripts.c.script_version.desc())).mappings().first()
    return None if row is None else _stored(row)


def save_draft(conn: Connection, *, campaign_id: uuid.UUID, direction: CampaignDirection,
               name: str, script: Script, change_note: str, now: datetime,
               script_id: uuid.UUID | None = None, base_version: int | None = None,
               site: str = DEFAULT_SITE) -> uuid.UUID:
    """Save a draft: a new version number, or over the draft ``script_id``.

    Returns:
        The draft's id.

    Raises:
        ValidationError: ``script``: ``published`` (a published version never changes);
            ``draft``: ``exists`` (a new draft while the campaign has one).
        StaleRecordError: the draft was saved by someone else since ``base_version``.
        NotFoundError: no script ``script_id``.
    """
    body = json.dumps(script_to_data(script), ensure_ascii=False)
    if script_id is None:
        if current_draft_id(conn, campaign_id, direction) is not None:
            raise ValidationError({"draft": "exists"})
        number = conn.execute(sa.select(sa.func.max(scripts.c.script_version)).where(
            scripts.c.campaign_id == campaign_id,
            scripts.c.direction == direction.value)).scalar()
        new = new_id()
        conn.execute(scripts.insert().values(
            id=new, site=site, version=1, updated_at=now, deleted_at=None,
            campaign_id=campaign_id, name=name, direction=direction.value,
            script_version=int(number or 0) + 1, body=body, published_at=None,
            change_note=change_note))
        return new
    current = _row_for_update(conn, script_id, base_version)
    conn.execute(scripts.update().where(scripts.c.id == script_id).values(
        name=name, body=body, change_note=change_note, version=current["version"] + 1,
        updated_at=now))
    return script_id


def publish(conn: Connection, script_id: uuid.UUID, base_version: int | None,
            now: datetime) -> None:
    """Publish the draft ``script_id``: calls started from now on follow it.

    Raises:
        ValidationError, StaleRecordError, NotFoundError: as :func:`save_draft`.
    """
    current = _row_for_update(conn, script_id, base_version)
    conn.execute(scripts.update().where(scripts.c.id == script_id).values(
        published_at=now, version=current["version"] + 1, updated_at=now))


def current_draft_id(conn: Connection, campaign_id: uuid.UUID,
                     direction: CampaignDirection) -> uuid.UUID | None:
    """Return the id of the campaign's draft for ``direction``, if any."""
    slot = draft_slot(conn, campaign_id, direction)
    return None if slot is None else slot[0]


def draft_slot(conn: Connection, campaign_id: uuid.UUID,
               direction: CampaignDirection) -> tuple[uuid.UUID, int] | None:
    """Return (id, row version) of the campaign's draft, even one whose body does not load."""
    row = conn.execute(sa.select(scripts.c.id, scripts.c.version).where(
        scripts.c.campaign_id == campaign_id, scripts.c.direction == direction.value,
        scripts.c.published_at.is_(None), _LIVE)
        .order_by(scripts.c.script_version.desc())).first()
    return None if row is None else (row.id, int(row.version))


def _row_for_update(conn: Connection, script_id: uuid.UUID,
                    base_version: int | None) -> RowMapping:
    row = conn.execute(sa.select(scripts).where(scripts.c.id == script_id, _LIVE)) \
        .mappings().first()
    if row is None:
        raise NotFoundError("No such script version")
    if row["published_at"] is not None:
        raise ValidationError({"script": "published"})
    if base_version is not None and row["version"] != base_version:
        raise StaleRecordError("The draft was saved by someone else meanwhile")
    return row


# ---------------------------------------------------------------------------- calls

MAX_STORED_PATH_CHARS = 60_000


def path_json(path: list[dict[str, Any]] | None) -> str | None:
    """Return a call's path as stored (JSON), None without one; cut to a bounded size."""
    if not path:
        return None
    entries = list(path)[-MAX_PATH:]
    text = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    while len(text) > MAX_STORED_PATH_CHARS and len(entries) > 1:
        entries = entries[len(entries) // 4:]
        text = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= MAX_STORED_PATH_CHARS else None


def check_sale_gates(conn: Connection, script_id: uuid.UUID,
                     path: Sequence[Mapping[str, object]], campaign_id: uuid.UUID) -> None:
    """Refuse a sale whose path has not passed the script's required steps.

    Raises:
        RequiredStepsMissing: the steps not passed, in the script's order.
    """
    stored = load_script(conn, script_id)
    if stored is None:
        log.warning("A sale names script %s, which is not here; not checked", script_id)
        return
    sale_codes = set(conn.execute(sa.select(disposition_codes.c.code).where(
        disposition_codes.c.campaign_id == campaign_id,
        disposition_codes.c.category == DispositionCategory.SALE.value)).scalars())
    passed = passed_steps(path_from_data(list(path)), stored.script, sale_codes)
    missing = [s for s in sale_gates(stored.script, sale_codes) if s not in passed]
    if missing:
        raise RequiredStepsMissing(missing)


def read_path(text: str | None) -> list[PathEntry]:
    """Return a stored path (entries that are not well formed are skipped)."""
    if not text or len(text) > MAX_STORED_PATH_CHARS:
        return []
    try:
        return path_from_data(json.loads(text))
    except (ValueError, RecursionError):
        return []


def funnel_rows(conn: Connection, script_id: uuid.UUID,
                batch: int = 2000) -> Iterator[tuple[list[PathEntry], bool]]:
    """Yield (path, ended in a sale) for each call that followed the version.

    A call's latest disposition counts (a correction is a new disposition row).
    """
    # The id only tells calls apart: read as it is stored, not made into a UUID per row.
    query = (sa.select(sa.type_coerce(calls.c.id, sa.String), calls.c.script_path,
                       disposition_codes.c.category)
             .select_from(calls.outerjoin(dispositions, sa.and_(
                 dispositions.c.call_id == calls.c.id, dispositions.c.deleted_at.is_(None)))
                 .outerjoin(disposition_codes,
                            disposition_codes.c.id == dispositions.c.disposition_code_id))
             .where(calls.c.script_id == script_id, calls.c.deleted_at.is_(None))
             .order_by(calls.c.id, dispositions.c.at, dispositions.c.id))
    result = conn.execution_options(yield_per=batch).execute(query)
    last_id: object = None
    last: tuple[str | None, str | None] = (None, None)
    for call_id, path, category in result:
        if last_id is not None and call_id != last_id:
            yield read_path(last[0]), last[1] == DispositionCategory.SALE.value
        last_id, last = call_id, (path, category)
    if last_id is not None:
        yield read_path(last[0]), last[1] == DispositionCategory.SALE.value
