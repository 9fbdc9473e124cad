"""Call script use cases: the version a call follows, its variables, authoring, the funnel."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.calls import DispositionCategory
from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.dialing import center_today
from agentdesk.domain.errors import KnownError, NotFoundError, ValidationError
from agentdesk.domain.knowledge import ArticleStatus
from agentdesk.domain.orders import money
from agentdesk.domain.people import Capability, User
from agentdesk.domain.ports import Clock
from agentdesk.domain.script_versions import (
    Funnel,
    ScriptNotPublishable,
    ScriptVersion,
    StoredScript,
    funnel_of,
)
from agentdesk.domain.scripts import (
    CONSOLE_VARIABLES,
    Script,
    ScriptContext,
    ScriptProblem,
    check_script,
    script_from_data,
    script_to_data,
)
from agentdesk.services.knowledge import NotAllowedError
from agentdesk.services.sync import SyncService
from agentdesk.store import scripts as store
from agentdesk.store.database import Database
from agentdesk.store.schema.base import DEFAULT_SITE
from agentdesk.store.schema.catalogue import campaigns, disposition_codes, offers
from agentdesk.store.schema.contacts import customer_addresses, customers
from agentdesk.store.schema.knowledge import kb_articles, scripts
from agentdesk.sync.connection import retrying
from agentdesk.sync.server import server_now

T = TypeVar("T")
MAX_NAME = 100
MAX_NOTE = 500


@dataclass(frozen=True, slots=True)
class ScriptCampaign:
    """A campaign a script can be written for, with the codes its answers may set.

    Attributes:
        dispositions: (code, label, label_en, category) in the campaign's order.
    """

    id: uuid.UUID
    code: str
    name: str
    name_en: str
    direction: CampaignDirection
    dispositions: tuple[tuple[str, str, str, DispositionCategory], ...]


@dataclass(frozen=True, slots=True)
class ImportedScript:
    """What importing a script file did.

    Attributes:
        version: The draft written (or published); None for a dry run or when refused.
        problems: The checks before publishing that failed (a draft is still written
            unless ``publish`` was asked for).
        published: Whether the version was published.
    """

    version: ScriptVersion | None
    problems: tuple[ScriptProblem, ...]
    published: bool


class ScriptService:
    """Scripts as one user sees them.

    Every agent reads the published version a call follows. Script developers and
    supervisors (the ``author_scripts`` capability) write drafts and publish them; a
    published version never changes, a call keeps the version it started with. With a
    server, versions are written there (reference data) and pulled back at once.

    Args:
        database: The workstation database.
        clock: Time of versions written without a server.
        user: The signed-in user.
        sync: Sync with the server; None when the workstation works alone.
    """

    def __init__(self, database: Database, clock: Clock, user: User,
                 sync: SyncService | None = None) -> None:
        self._database = database
        self._clock = clock
        self._user = user
        self._sync = sync

    @property
    def can_author(self) -> bool:
        """True if the user may write and publish scripts."""
        return self._user.can(Capability.AUTHOR_SCRIPTS)

    # ------------------------------------------------------------------ calls
    def for_call(self, campaign_id: uuid.UUID,
                 direction: CampaignDirection) -> StoredScript | None:
        """Return the newest published version for a call of the campaign, if any."""
        with self._database.read() as conn:
            return store.published_script(conn, campaign_id, direction)

    def call_values(self, campaign_id: uuid.UUID | None, customer_id: uuid.UUID | None,
                    language: str = "zh") -> dict[str, str]:
        """Return the console's variable values for a call (missing ones are left out).

        Args:
            campaign_id: The call's campaign (its name and current offer).
            customer_id: The customer talked to, once known.
            language: "en" for English names where they exist.
        """
        english = language.startswith("en")
        now = self._clock.now()
        values = {"agent.name": self._user.display_name, "agent.no": self._user.username,
                  "today": center_today(now).isoformat()}
        with self._database.read() as conn:
            if campaign_id is not None:
                values.update(_campaign_values(conn, campaign_id, center_today(now), english))
            if customer_id is not None:
                values.update(_customer_values(conn, customer_id, now))
        return {name: value for name, value in values.items() if value}

    # ------------------------------------------------------------------ authoring
    def campaigns(self) -> list[ScriptCampaign]:
        """Return the campaigns scripts can be written for, by code."""
        with self._database.read() as conn:
            rows = conn.execute(sa.select(campaigns).where(campaigns.c.deleted_at.is_(None))
                                .order_by(campaigns.c.code)).all()
            codes = conn.execute(sa.select(disposition_codes).where(
                disposition_codes.c.deleted_at.is_(None))
                .order_by(disposition_codes.c.sort_order, disposition_codes.c.code)).all()
        by_campaign: dict[uuid.UUID, list[tuple[str, str, str, DispositionCategory]]] = {}
        for code in codes:
            by_campaign.setdefault(code.campaign_id, []).append(
                (code.code, code.label, code.label_en, DispositionCategory(code.category)))
        return [ScriptCampaign(r.id, r.code, r.name, r.name_en, CampaignDirection(r.direction),
                               tuple(by_campaign.get(r.id, ()))) for r in rows]

    def versions(self, campaign_id: uuid.UUID | None = None) -> list[ScriptVersion]:
        """Return the script versions (drafts included), per campaign and direction."""
        with self._database.read() as conn:
            return store.list_versions(conn, campaign_id)

    def load(self, script_id: uuid.UUID) -> StoredScript:
        """Return a version with its body.

        Raises:
            NotFoundError: there is no such version (or its body does not load).
        """
        with self._database.read() as conn:
            stored = store.load_script(conn, script_id)
        if stored is None:
            raise NotFoundError("No such script version")
        return stored

    def context(self, campaign_id: uuid.UUID) -> ScriptContext:
        """What a script of the campaign may refer to: variables, codes, published articles."""
        with self._database.read() as conn:
            codes = conn.execute(sa.select(disposition_codes.c.code).where(
                disposition_codes.c.campaign_id == campaign_id,
                disposition_codes.c.deleted_at.is_(None))).scalars().all()
            slugs = conn.execute(sa.select(kb_articles.c.slug).where(
                kb_articles.c.status == ArticleStatus.PUBLISHED.value,
                kb_articles.c.deleted_at.is_(None))).scalars().all()
        return ScriptContext(variables=CONSOLE_VARIABLES, dispositions=frozenset(codes),
                             articles=frozenset(slugs))

    def check(self, campaign_id: uuid.UUID, script: Script) -> list[ScriptProblem]:
        """Return what keeps ``script`` from being published for the campaign."""
        return check_script(script, self.context(campaign_id))

    def edit(self, script_id: uuid.UUID) -> StoredScript:
        """Return the draft to edit for a version.

        A draft is returned as it is. For a published version, the campaign's draft for
        that direction is returned when one is being written, else a new draft copying
        the version is saved and returned.
        """
        self._require_author()
        stored = self.load(script_id)
        if stored.version.draft:
            return stored
        version = stored.version
        with self._database.read() as conn:
            draft = store.current_draft(conn, version.campaign_id, version.direction)
            slot = store.draft_slot(conn, version.campaign_id, version.direction)
        if draft is not None:
            return draft
        # No draft, or one whose body no longer loads: the copy replaces it.
        return self._save(version.campaign_id, version.direction, version.name, stored.script,
                          "", slot[0] if slot else None, slot[1] if slot else None)

    def new_script(self, campaign_id: uuid.UUID, direction: CampaignDirection,
                   name: str) -> StoredScript:
        """Start a script for a campaign: a draft with one greeting step.

        Raises:
            ValidationError: ``name`` empty or too long; ``draft``: ``exists`` when the
                campaign already has a draft for the direction.
        """
        self._require_author()
        campaign = next((c for c in self.campaigns() if c.id == campaign_id), None)
        if campaign is None:
            raise NotFoundError("No such campaign")
        ending = next((c for c in campaign.dispositions if c[3] is DispositionCategory.CONTACT),
                      campaign.dispositions[0] if campaign.dispositions else None)
        answers = [] if ending is None else [{"label": "结束通话", "label_en": "End the call",
                                              "action": f"disposition:{ending[0]}"}]
        script = script_from_data({"start": "greeting", "steps": {"greeting": {
            "title": "开场", "title_en": "Greeting",
            "text": "您好，请问是{customer.name}吗？我是{agent.name}。",
            "text_en": "Hello, am I speaking with {customer.name}? This is {agent.name}.",
            "answers": answers}}})
        return self._save(campaign_id, direction, name, script, "", None, None)

    def save_draft(self, script_id: uuid.UUID, base_version: int, name: str, script: Script,
                   change_note: str = "") -> StoredScript:
        """Save the editor's draft over ``script_id`` (started from ``base_version``).

        Raises:
            ValidationError: ``name``/``change_note`` empty or too long; ``script``:
                ``published``.
            StaleRecordError: someone saved the draft meanwhile.
        """
        self._require_author()
        stored = self.load(script_id)
        version = stored.version
        return self._save(version.campaign_id, version.direction, name, script, change_note,
                          script_id, base_version)

    def publish(self, script_id: uuid.UUID, base_version: int) -> StoredScript:
        """Publish a draft: calls started from now on follow it.

        Raises:
            ScriptNotPublishable: the checks failed (nothing changed).
            StaleRecordError: someone saved the draft meanwhile.
        """
        self._require_author()
        stored = self.load(script_id)
        problems = self.check(stored.version.campaign_id, stored.script)
        if problems:
            raise ScriptNotPublishable(problems)
        self._write(lambda conn, now: store.publish(conn, script_id, base_version, now),
                    script_id)
        return self.load(script_id)

    def _save(self, campaign_id: uuid.UUID, direction: CampaignDirection, name: str,
              script: Script, change_note: str, script_id: uuid.UUID | None,
              base_version: int | None) -> StoredScript:
        name, change_note = name.strip(), change_note.strip()
        problems = _label_problems(name, change_note)
        if problems:
            raise ValidationError(problems)

        def write(conn: Connection, now: datetime) -> uuid.UUID:
            return store.save_draft(conn, campaign_id=campaign_id, direction=direction,
                                    name=name, script=script, change_note=change_note,
                                    now=now, script_id=script_id, base_version=base_version)

        return self.load(self._write(write, script_id))

    def _write(self, work: Callable[[Connection, datetime], T],
               script_id: uuid.UUID | None) -> T:
        """Run a write on the server (logged for every workstation, pulled back) or here."""
        sync = self._sync
        if sync is None:
            with self._database.write() as conn:
                return work(conn, self._clock.now())
        server = sync.client.server

        def on_server() -> T:
            with server.engine.begin() as conn:
                result = work(conn, server_now(conn))
                written = result if isinstance(result, uuid.UUID) else script_id
                assert written is not None
                site = conn.execute(sa.select(scripts.c.site).where(
                    scripts.c.id == written)).scalar() or DEFAULT_SITE
                server.log_rows(conn, [(site, "scripts", written)])
                return result

        result = retrying(on_server)
        try:
            sync.run_round()  # the new version must be here before the editor reloads it
        except KnownError as error:
            raise KnownError("Saved on the server, not yet on this workstation",
                             code="saved_not_pulled") from error
        return result

    def _require_author(self) -> None:
        if not self.can_author:
            raise NotAllowedError("Only script developers and supervisors may do this")

    # ------------------------------------------------------------------ files
    def export_data(self, script_id: uuid.UUID) -> dict[str, Any]:
        """Return a version as an import file holds it (campaign by code)."""
        stored = self.load(script_id)
        version = stored.version
        with self._database.read() as conn:
            code = conn.execute(sa.select(campaigns.c.code).where(
                campaigns.c.id == version.campaign_id)).scalar_one()
        return {"campaign": code, "direction": version.direction.value, "name": version.name,
                "version": version.number, "change_note": version.change_note,
                **script_to_data(stored.script)}

    def import_data(self, data: Any, *, publish: bool = False,
                    dry_run: bool = False) -> ImportedScript:
        """Write a script file's content as the campaign's draft (replacing its draft).

        Args:
            data: The parsed file: ``campaign`` (code), ``direction``, ``name``,
                ``change_note`` (optional) and the script (``start``, ``steps``...).
            publish: Publish it too; refused (nothing written) when a check fails.
            dry_run: Only load and check.

        Raises:
            ValidationError: the file's content does not load, one problem per path;
                ``campaign``: ``unknown``; ``direction``: ``invalid``.
        """
        if not dry_run:
            self._require_author()
        if not isinstance(data, Mapping):
            raise ValidationError({"script": "not_a_mapping"})
        problems: dict[str, str] = {}
        code = data.get("campaign")
        campaign = next((c for c in self.campaigns() if c.code == code), None)
        if campaign is None:
            problems["campaign"] = "unknown" if code else "required"
        try:
            direction = CampaignDirection(data.get("direction") or (
                campaign.direction.value if campaign else ""))
        except ValueError:
            if campaign is not None or data.get("direction"):
                problems["direction"] = "invalid"
        name, note = data.get("name"), data.get("change_note") or ""
        if not isinstance(name, str):
            problems["name"] = "required"
        if not isinstance(note, str):
            problems["change_note"] = "not_text"
        if isinstance(name, str) and isinstance(note, str):
            problems.update(_label_problems(name.strip(), note.strip()))
        try:
            script = script_from_data(data)
        except ValidationError as error:
            problems.update(error.problems)
        if problems:
            raise ValidationError(problems)
        assert campaign is not None
        assert isinstance(name, str)
        assert isinstance(note, str)
        found = self.check(campaign.id, script)
        if dry_run or (publish and found):
            return ImportedScript(None, tuple(found), False)
        with self._database.read() as conn:
            slot = store.draft_slot(conn, campaign.id, direction)
        stored = self._save(campaign.id, direction, name, script, note,
                            slot[0] if slot else None, slot[1] if slot else None)
        if publish:
            stored = self.publish(stored.version.id, stored.version.row_version)
        return ImportedScript(stored.version, tuple(found), publish)

    # ------------------------------------------------------------------ funnel
    def funnel(self, script_id: uuid.UUID) -> Funnel:
        """Return how far the calls of a version got and where they were lost."""
        stored = self.load(script_id)
        with self._database.read() as conn:
            sale_codes = set(conn.execute(sa.select(disposition_codes.c.code).where(
                disposition_codes.c.campaign_id == stored.version.campaign_id,
                disposition_codes.c.category == DispositionCategory.SALE.value)).scalars())
            return funnel_of(stored.script, sale_codes, store.funnel_rows(conn, script_id))


def _label_problems(name: str, change_note: str) -> dict[str, str]:
    problems = {}
    if not name:
        problems["name"] = "required"
    elif len(name) > MAX_NAME:
        problems["name"] = "too_long"
    if len(change_note) > MAX_NOTE:
        problems["change_note"] = "too_long"
    return problems


def _campaign_values(conn: Connection, campaign_id: uuid.UUID, today: Any,
                     english: bool) -> dict[str, str]:
    row = conn.execute(sa.select(campaigns.c.name, campaigns.c.name_en).where(
        campaigns.c.id == campaign_id)).first()
    if row is None:
        return {}
    values = {"campaign.name": (row.name_en if english and row.name_en else row.name)}
    current = sa.and_(offers.c.campaign_id == campaign_id, offers.c.deleted_at.is_(None),
                      sa.or_(offers.c.valid_from.is_(None), offers.c.valid_from <= today),
                      sa.or_(offers.c.valid_until.is_(None), offers.c.valid_until >= today))
    offer = conn.execute(sa.select(offers.c.name, offers.c.name_en, offers.c.price,
                                   offers.c.valid_until).where(current)
                         .order_by(offers.c.price, offers.c.name)).first()
    if offer is not None:
        values["offer.name"] = offer.name_en if english and offer.name_en else offer.name
        values["offer.price"] = f"¥{money(Decimal(offer.price))}"
        if offer.valid_until is not None:
            values["offer.valid_until"] = offer.valid_until.isoformat()
    return values


def _customer_values(conn: Connection, customer_id: uuid.UUID, now: datetime) -> dict[str, str]:
    row = conn.execute(sa.select(customers.c.customer_no, customers.c.name, customers.c.city,
                                 customers.c.created_at).where(
        customers.c.id == customer_id)).first()
    if row is None:
        return {}
    address = conn.execute(sa.select(customer_addresses).where(
        customer_addresses.c.customer_id == customer_id,
        customer_addresses.c.deleted_at.is_(None))
        .order_by(customer_addresses.c.is_default.desc())).first()
    years = max(0, (now - row.created_at).days // 365) if row.created_at else 0
    values = {"customer.name": row.name, "customer.no": row.customer_no,
              "customer.city": row.city or "", "customer.tenure": str(years) if years else ""}
    if address is not None:
        values["customer.address"] = "".join(
            part for part in (address.province, address.city, address.district,
                              address.street) if part)
    return values



