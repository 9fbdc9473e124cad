"""The dialing service on a real workstation database: previews, refills, results, callbacks."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from agentdesk.domain.calls import (
    CallbackRequest,
    CallbackScope,
    CallDirection,
    ContactStatus,
    DispositionCategory,
    FinishedCall,
)
from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.errors import NotFoundError, ValidationError
from agentdesk.domain.people import User
from agentdesk.services.clock import FixedClock
from agentdesk.services.dialing import DialingService
from agentdesk.services.dialing_views import (
    DialRefused,
    NothingToCall,
    NothingToCallReason,
    NumberChoice,
    PendingCallback,
)
from agentdesk.services.sync import SyncService
from agentdesk.store.schema.catalogue import call_lists
from agentdesk.store.schema.contacts import contacts, dnc_entries
from agentdesk.store.schema.local import outbox
from agentdesk.store.schema.work import callbacks, calls, dispositions
from tests.unit.test_contact_queue import NOW, SHANGHAI, CallCenter, build_center, row

NEW_YORK_NUMBER = "+12125550100"


@pytest.fixture
def center(tmp_path: Path) -> Iterator[CallCenter]:
    made = build_center(tmp_path)
    yield made
    made.database.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


def service(center: CallCenter, clock: FixedClock, agent: User | None = None,
            sync: SyncService | None = None, batch_size: int = 3) -> DialingService:
    return DialingService(center.database, clock, agent or center.agent, sync,
                          batch_size=batch_size)


def finished(center: CallCenter, code: str, contact_id: uuid.UUID | None = None,
             e164: str = "", *, agent: User | None = None, answered: bool = True,
             **values: Any) -> FinishedCall:
    started = NOW - timedelta(minutes=4)
    options: dict[str, Any] = {
        "direction": CallDirection.OUTBOUND, "agent_id": (agent or center.agent).id,
        "campaign_id": center.campaign_id, "e164": e164, "started_at": started,
        "answered_at": started + timedelta(seconds=10) if answered else None,
        "ended_at": started + timedelta(minutes=3), "end_reason": "agent_hangup",
        "disposition_code_id": center.codes[code], "contact_id": contact_id}
    return FinishedCall(**(options | values))


def table_count(center: CallCenter, table: sa.Table) -> int:
    with center.database.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


# ---------------------------------------------------------------------- campaigns
def test_campaigns_lists_the_running_ones_outbound_first_with_their_dispositions(
    center: CallCenter, clock: FixedClock,
) -> None:
    center.add_campaign("PAUSED", status="paused")
    ended = center.add_campaign("OLD")
    center.set_campaign(ended, ends_on=date(2026, 11, 22))
    future = center.add_campaign("LATER")
    center.set_campaign(future, starts_on=date(2026, 11, 24))
    found = service(center, clock).campaigns()
    assert [(c.code, c.direction) for c in found] == [
        ("5G", CampaignDirection.OUTBOUND), ("IB", CampaignDirection.INBOUND)]
    outbound = found[0]
    assert [d.code for d in outbound.dispositions] == [
        "SALE", "NO_ANSWER", "BUSY", "CALLBACK", "NOT_INTERESTED", "DNC", "WRONG"]
    busy = outbound.dispositions[2]
    assert (busy.category, busy.retry_minutes, busy.label, busy.label_en) == (
        DispositionCategory.NO_CONTACT, None, "BUSY 中文", "Busy")
    assert (outbound.calling_from, outbound.calling_until, outbound.max_attempts) == (
        time(9), time(21), 3)


# ---------------------------------------------------------------------- next contact
def test_next_contact_leases_locally_and_previews_the_best_contact(
    center: CallCenter, clock: FixedClock,
) -> None:
    dialing = service(center, clock)
    low = center.add_contact(priority=1)
    best = center.add_contact("+8613800001111", priority=5, other_phones=(
        "+8613900002222", "+8613900003333"))
    center.add_dnc("+8613900003333")
    preview = dialing.next_contact(center.campaign_id)
    assert not isinstance(preview, NothingToCall)
    assert (preview.contact_id, preview.priority, preview.status, preview.attempts) == (
        best, 5, ContactStatus.NEW, 0)
    assert preview.customer_name == "李四" and preview.customer_no.startswith("C")
    assert preview.numbers == (
        NumberChoice("+8613800001111", "mobile", "手机", True, False),
        NumberChoice("+8613900002222", "mobile", "家里", False, False),
        NumberChoice("+8613900003333", "mobile", "家里", False, True))
    assert preview.time_zone == SHANGHAI
    assert preview.local_now.utcoffset() == timedelta(hours=8)
    assert preview.local_now.replace(tzinfo=None) == datetime(2026, 11, 23, 14, 30)
    assert preview.campaign.id == center.campaign_id and preview.callback is None
    held = {r.id for r in _leased(center, dialing)}
    assert held == {low, best}  # the batch: everything there was, up to its size
    # Asking again gives the same contact until a result is recorded.
    again = dialing.next_contact(center.campaign_id)
    assert not isinstance(again, NothingToCall) and again.contact_id == best


def _leased(center: CallCenter, dialing: DialingService) -> list[Any]:
    with center.database.read() as conn:
        return conn.execute(sa.select(contacts.c.id).where(
            contacts.c.lease_agent_id == dialing._agent.id)).all()


def test_refill_tops_the_batch_up_to_its_size(center: CallCenter, clock: FixedClock) -> None:
    made = [center.add_contact() for _ in range(5)]
    dialing = service(center, clock, batch_size=3)
    assert dialing.refill(center.campaign_id) == 3
    assert dialing.refill(center.campaign_id) == 0
    held = {r.id for r in _leased(center, dialing)}
    assert held == set(made[:3])
    center.add_dnc(center.contact(made[1])["e164"])  # pulled after the grant
    assert dialing.refill(center.campaign_id) == 1  # the listed one is given back
    assert {r.id for r in _leased(center, dialing)} == {made[0], made[2], made[3]}
    other = service(center, clock, agent=center.agents[1], batch_size=3)
    assert other.refill(center.campaign_id) == 1  # what is left
    dialing.release_all()
    assert _leased(center, dialing) == []
    assert other.refill(center.campaign_id) == 2
    dialing.release_all()  # nothing held: nothing to do


def test_due_callbacks_come_first_and_another_agents_personal_callback_never(
    center: CallCenter, clock: FixedClock,
) -> None:
    me, other = center.agents[0], center.agents[1]
    center.add_contact(priority=9)
    mine = center.add_contact(status="callback", next_attempt_at=NOW - timedelta(minutes=5),
                              callback_agent_id=me.id)
    center.add_contact(status="callback", next_attempt_at=NOW, callback_agent_id=other.id,
                       priority=50)
    customer = center.contact(mine)["customer_id"]
    callback = row(NOW, contact_id=mine, customer_id=customer, agent_id=me.id, team_id=None,
                   due_at=NOW - timedelta(minutes=5), scope="personal", status="pending",
                   notes="下午再打")
    center.insert(callbacks, callback)
    preview = service(center, clock, me).next_contact(center.campaign_id)
    assert not isinstance(preview, NothingToCall)
    assert preview.contact_id == mine and preview.status is ContactStatus.CALLBACK
    assert preview.callback is not None
    assert (preview.callback.id, preview.callback.notes, preview.callback.scope,
            preview.callback.campaign_id) == (callback["id"], "下午再打",
                                              CallbackScope.PERSONAL, center.campaign_id)


def test_nothing_to_call_says_why(center: CallCenter, clock: FixedClock) -> None:
    dialing = service(center, clock)
    assert dialing.next_contact(center.campaign_id) == NothingToCall(
        NothingToCallReason.NO_CONTACTS)
    center.add_contact(status="done")
    center.add_contact(status="retry", attempts=3, next_attempt_at=NOW)
    assert dialing.next_contact(center.campaign_id) == NothingToCall(
        NothingToCallReason.NO_CONTACTS)
    center.add_contact(NEW_YORK_NUMBER, time_zone="America/New_York")  # 01:30 there
    assert dialing.next_contact(center.campaign_id) == NothingToCall(
        NothingToCallReason.OUTSIDE_HOURS, datetime(2026, 11, 23, 14, 0, tzinfo=UTC))
    assert dialing.next_contact(center.inbound_id) == NothingToCall(
        NothingToCallReason.CAMPAIGN_NOT_RUNNING)
    center.set_campaign(status="paused")
    assert dialing.next_contact(center.campaign_id) == NothingToCall(
        NothingToCallReason.CAMPAIGN_NOT_RUNNING)
    assert dialing.refill(center.campaign_id) == 0
    with pytest.raises(NotFoundError):
        dialing.next_contact(uuid.uuid4())


def test_a_held_contact_waiting_for_its_hours_gives_their_opening(
    center: CallCenter, clock: FixedClock,
) -> None:
    dialing = service(center, clock)
    abroad = center.add_contact(NEW_YORK_NUMBER, time_zone="America/New_York")
    center.lease(abroad, center.agent.id)
    assert dialing.next_contact(center.campaign_id) == NothingToCall(
        NothingToCallReason.OUTSIDE_HOURS, datetime(2026, 11, 23, 14, 0, tzinfo=UTC))
    clock.at = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    preview = dialing.next_contact(center.campaign_id)
    assert not isinstance(preview, NothingToCall) and preview.contact_id == abroad
    assert preview.local_now.replace(tzinfo=None) == datetime(2026, 11, 23, 9, 0)


def test_offline_with_an_empty_batch_is_a_reason_not_an_error(
    center: CallCenter, clock: FixedClock,
) -> None:
    center.add_contact()
    unreachable = SyncService(center.database, "postgresql+psycopg://nobody@127.0.0.1:9/none",
                              workstation_id="ws-offline", clock=clock)
    try:
        dialing = service(center, clock, sync=unreachable)
        assert dialing.refill(center.campaign_id) == 0
        assert dialing.next_contact(center.campaign_id) == NothingToCall(
            NothingToCallReason.OFFLINE)
        # A batch leased earlier still works offline.
        held = center.add_contact(priority=3)
        center.lease(held, center.agent.id)
        preview = dialing.next_contact(center.campaign_id)
        assert not isinstance(preview, NothingToCall) and preview.contact_id == held
        dialing.release_all()  # offline: forgotten here, the server lease runs out
        assert _leased(center, dialing) == []
    finally:
        unreachable.close()


# ---------------------------------------------------------------------- dial checks
def test_check_dial_normalizes_and_refuses_what_must_not_be_dialled(
    center: CallCenter, clock: FixedClock,
) -> None:
    dialing = service(center, clock)
    assert dialing.check_dial("138 0013 8000", center.campaign_id) == "+8613800138000"
    assert dialing.check_dial("+1 212 555 0100", None) == NEW_YORK_NUMBER  # no campaign
    center.add_dnc("+8613800138000")
    for typed, campaign, reason in (("138 0013 8000", center.campaign_id, "dnc"),
                                    ("12345", center.campaign_id, "invalid_number"),
                                    ("", None, "invalid_number"),
                                    ("+1 (212) 555-0100", center.campaign_id,
                                     "outside_hours")):
        with pytest.raises(DialRefused) as caught:
            dialing.check_dial(typed, campaign)
        assert caught.value.code == "dial_refused"
        assert caught.value.params["reason"] == reason
    center.add_dnc("+8613900139000", expires_at=NOW)
    assert dialing.check_dial("13900139000", center.campaign_id) == "+8613900139000"
    with pytest.raises(NotFoundError):
        dialing.check_dial("13700137000", uuid.uuid4())


# ---------------------------------------------------------------------- recording results
def outbox_rows(center: CallCenter) -> list[tuple[str, dict[str, Any]]]:
    with center.database.read() as conn:
        return [(r.table_name, json.loads(r.payload)) for r in conn.execute(
            sa.select(outbox.c.table_name, outbox.c.payload).order_by(outbox.c.seq))]


def test_a_sale_stores_call_disposition_and_contact_in_one_go_with_outbox_entries(
    center: CallCenter, clock: FixedClock,
) -> None:
    dialing = service(center, clock)
    contact_id = center.add_contact("+8613800001111")
    preview = dialing.next_contact(center.campaign_id)
    assert not isinstance(preview, NothingToCall)
    call_id = dialing.record(finished(center, "SALE", contact_id, "+8613800001111",
                                      notes="成交 <b>5G</b>", recording_consent=True))
    with center.database.read() as conn:
        call = conn.execute(sa.select(calls).where(calls.c.id == call_id)).one()
        disposition = conn.execute(sa.select(dispositions)).one()
    assert (call.direction, call.e164, call.talk_seconds, call.lease_token,
            call.recording_consent, call.end_reason, call.campaign_id) == (
        "outbound", "+8613800001111", 170, 1, True, "agent_hangup", center.campaign_id)
    assert (disposition.call_id, disposition.notes, disposition.disposition_code_id) == (
        call_id, "成交 <b>5G</b>", center.codes["SALE"])
    stored = center.contact(contact_id)
    assert (stored["status"], stored["attempts"], stored["last_disposition"],
            stored["next_attempt_at"], stored["version"]) == ("done", 1, "SALE", None, 2)
    assert stored["lease_agent_id"] is None  # finished: out of the batch
    queued = outbox_rows(center)
    assert [name for name, _ in queued] == ["calls", "dispositions", "contacts"]
    assert queued[2][1]["status"] == "done" and "lease_agent_id" not in queued[2][1]
    assert dialing.next_contact(center.campaign_id) == NothingToCall(
        NothingToCallReason.NO_CONTACTS)


def test_no_answer_schedules_a_retry_and_the_last_attempt_closes(
    center: CallCenter, clock: FixedClock,
) -> None:
    dialing = service(center, clock)
    contact_id = center.add_contact(status="retry", attempts=1, next_attempt_at=NOW)
    center.lease(contact_id, center.agent.id)
    dialing.record(finished(center, "NO_ANSWER", contact_id, answered=False,
                            end_reason="no_answer"))
    stored = center.contact(contact_id)
    ended = NOW - timedelta(minutes=1)
    assert (stored["status"], stored["attempts"], stored["next_attempt_at"]) == (
        "retry", 2, ended + timedelta(minutes=30))
    assert stored["lease_agent_id"] is None  # not callable before its retry time
    dialing.record(finished(center, "BUSY", contact_id, answered=False))
    stored = center.contact(contact_id)
    assert (stored["status"], stored["attempts"], stored["next_attempt_at"]) == (
        "done", 3, None)


def test_a_booked_callback_is_stored_with_its_contact_and_owner(
    center: CallCenter, clock: FixedClock,
) -> None:
    dialing = service(center, clock)
    contact_id = center.add_contact("+8613800001111")
    due = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 10:00 tomorrow in Shanghai
    dialing.record(finished(center, "CALLBACK", contact_id, "+8613800001111",
                            callback=CallbackRequest(due, CallbackScope.PERSONAL, "明早十点")))
    stored = center.contact(contact_id)
    assert (stored["status"], stored["next_attempt_at"], stored["callback_agent_id"]) == (
        "callback", due, center.agent.id)
    (booked,) = center.callbacks()
    assert (booked["contact_id"], booked["agent_id"], booked["team_id"], booked["due_at"],
            booked["scope"], booked["status"], booked["notes"]) == (
        contact_id, center.agent.id, None, due, "personal", "pending", "明早十点")
    assert "callbacks" in [name for name, _ in outbox_rows(center)]
    # Only its agent gets it when it is due; the callback is shown with the preview.
    clock.at = due
    colleague = service(center, clock, center.agents[1])
    assert colleague.next_contact(center.campaign_id) == NothingToCall(
        NothingToCallReason.NO_CONTACTS)
    preview = service(center, clock).next_contact(center.campaign_id)
    assert not isinstance(preview, NothingToCall) and preview.callback is not None
    # Working it marks the callback done.
    service(center, clock).record(finished(center, "SALE", contact_id, "+8613800001111",
                                           callback_id=preview.callback.id))
    assert [c["status"] for c in center.callbacks()] == ["done"]
    assert center.contact(contact_id)["callback_agent_id"] is None


def test_a_team_callback_needs_a_team_and_is_seen_by_the_team(
    center: CallCenter, clock: FixedClock,
) -> None:
    colleague, loner = center.agents[1], center.agents[3]
    contact_id = center.add_contact()
    due = NOW + timedelta(hours=2)
    service(center, clock).record(finished(center, "CALLBACK", contact_id, callback=(
        CallbackRequest(due, CallbackScope.TEAM))))
    (booked,) = center.callbacks()
    assert (booked["agent_id"], booked["team_id"]) == (None, center.team_id)
    assert center.contact(contact_id)["callback_agent_id"] is None
    assert [c.id for c in service(center, clock, colleague).upcoming_callbacks()] == [
        booked["id"]]
    assert service(center, clock, loner).upcoming_callbacks() == []
    other = center.add_contact()
    with pytest.raises(ValidationError) as caught:
        service(center, clock, loner).record(finished(
            center, "CALLBACK", other, agent=loner,
            callback=CallbackRequest(due, CallbackScope.TEAM)))
    assert caught.value.problems == {"callback_scope": "no_team"}


def test_callbacks_that_break_the_rules_are_refused_and_nothing_is_stored(
    center: CallCenter, clock: FixedClock,
) -> None:
    dialing = service(center, clock)
    contact_id = center.add_contact("+8613800001111")
    abroad = center.add_contact(NEW_YORK_NUMBER, time_zone="America/New_York")
    tomorrow_ten = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 21:00 in New York
    cases = [
        (contact_id, NOW, {"callback_due": "past"}),
        (contact_id, datetime(2026, 11, 23, 13, 0, tzinfo=UTC), {"callback_due": "outside_hours"}),
        (abroad, tomorrow_ten, {"callback_due": "outside_hours"}),
    ]
    for contact, due, problems in cases:
        with pytest.raises(ValidationError) as caught:
            dialing.record(finished(center, "CALLBACK", contact, callback=CallbackRequest(
                due, CallbackScope.PERSONAL)))
        assert caught.value.problems == problems
    with pytest.raises(ValidationError) as caught:
        dialing.record(finished(center, "CALLBACK", contact_id))
    assert caught.value.problems == {"callback_due": "missing"}
    center.add_dnc("+8613800001111")
    with pytest.raises(ValidationError) as caught:
        dialing.record(finished(center, "CALLBACK", contact_id, callback=CallbackRequest(
            tomorrow_ten, CallbackScope.PERSONAL)))
    assert caught.value.problems == {"callback_number": "dnc"}
    with pytest.raises(ValidationError) as caught:
        dialing.record(finished(center, "SERVICE", contact_id))  # the inbound campaign's code
    assert caught.value.problems == {"disposition": "wrong_campaign"}
    with pytest.raises(ValidationError) as caught:
        dialing.record(finished(center, "SALE", uuid.uuid4()))
    assert caught.value.problems == {"contact": "unknown"}
    assert (table_count(center, calls), table_count(center, outbox), center.callbacks()) == (
        0, 0, [])


def test_a_dnc_disposition_lists_the_number_and_its_other_contacts_are_skipped(
    center: CallCenter, clock: FixedClock,
) -> None:
    dialing = service(center, clock)
    shared = "+8613800001111"
    first = center.add_contact(shared, priority=5)
    center.add_contact(shared, customer_id=center.contact(first)["customer_id"],
                       list_id=center.add_list())
    second_list = center.add_contact(shared, priority=1)
    preview = dialing.next_contact(center.campaign_id)
    assert not isinstance(preview, NothingToCall) and preview.contact_id == first
    dialing.record(finished(center, "DNC", first, shared, notes="客户要求不要再打"))
    with center.database.read() as conn:
        listed = conn.execute(sa.select(dnc_entries)).one()
    assert (listed.e164, listed.source, listed.expires_at) == (shared, "call", None)
    assert center.contact(first)["status"] == "dnc"
    assert ("dnc_entries", listed.id) in [(n, uuid.UUID(p["id"])) for n, p in
                                          outbox_rows(center)]
    # The same number elsewhere in the batch is given back, and never granted again.
    assert dialing.next_contact(center.campaign_id) == NothingToCall(
        NothingToCallReason.NO_CONTACTS)
    assert second_list not in {r.id for r in _leased(center, dialing)}
    with pytest.raises(DialRefused):
        dialing.check_dial(shared, center.campaign_id)
    # A second DNC result for the same number adds no second entry.
    dialing.record(finished(center, "DNC", None, shared))
    assert table_count(center, dnc_entries) == 1


def test_an_inbound_call_is_recorded_without_a_contact(
    center: CallCenter, clock: FixedClock,
) -> None:
    customer = center.add_customer(("+8613800001111",))
    dialing = service(center, clock)
    call_id = dialing.record(finished(
        center, "IB_CALLBACK", None, "+8613800001111", direction=CallDirection.INBOUND,
        campaign_id=center.inbound_id, customer_id=customer,
        callback=CallbackRequest(NOW + timedelta(hours=1), CallbackScope.PERSONAL, "回电")))
    with center.database.read() as conn:
        call = conn.execute(sa.select(calls).where(calls.c.id == call_id)).one()
    assert (call.direction, call.contact_id, call.customer_id, call.lease_token,
            call.campaign_id) == ("inbound", None, customer, None, center.inbound_id)
    (booked,) = center.callbacks()
    assert (booked["contact_id"], booked["customer_id"]) == (None, customer)
    (due,) = dialing.upcoming_callbacks()
    assert (due.contact_id, due.campaign_id, due.e164, due.time_zone, due.notes) == (
        None, None, "+8613800001111", SHANGHAI, "回电")
    with pytest.raises(ValidationError) as caught:  # an unknown caller cannot be called back
        dialing.record(finished(center, "IB_CALLBACK", None, "", campaign_id=center.inbound_id,
                                direction=CallDirection.INBOUND, callback=CallbackRequest(
                                    NOW + timedelta(hours=1), CallbackScope.PERSONAL)))
    assert caught.value.problems == {"callback_customer": "unknown"}
    withheld = dialing.record(finished(center, "SERVICE", None, "",
                                       direction=CallDirection.INBOUND,
                                       campaign_id=center.inbound_id))
    assert withheld != call_id


def test_hostile_notes_are_stored_safely_or_refused_whole(
    center: CallCenter, clock: FixedClock,
) -> None:
    dialing = service(center, clock)
    contact_id = center.add_contact()
    nasty = "'); DROP TABLE calls;--\x00\x1b[31m<img src=x onerror=alert(1)>\r\n\ud83d" + "长" * 100
    dialing.record(finished(center, "NOT_INTERESTED", contact_id, notes=nasty))
    with center.database.read() as conn:
        stored = conn.execute(sa.select(dispositions.c.notes)).scalar_one()
    assert stored == "'); DROP TABLE calls;--[31m<img src=x onerror=alert(1)>\n\ufffd" + \
        "长" * 100
    payload = dict(outbox_rows(center))["dispositions"]
    assert payload["notes"] == stored
    for huge in ("长" * 10_001, "x" * 5_000_000):
        with pytest.raises(ValidationError) as caught:
            dialing.record(finished(center, "SALE", contact_id, notes=huge))
        assert caught.value.problems == {"notes": "too_long"}
    with pytest.raises(ValidationError) as caught:
        dialing.record(finished(center, "CALLBACK", contact_id, callback=CallbackRequest(
            NOW + timedelta(hours=1), CallbackScope.PERSONAL, "x" * 2001)))
    assert caught.value.problems == {"callback_notes": "too_long"}
    assert table_count(center, calls) == 1


def test_a_failure_halfway_leaves_nothing_behind(center: CallCenter, clock: FixedClock) -> None:
    dialing = service(center, clock)
    contact_id = center.add_contact()
    center.lease(contact_id, center.agent.id)
    with center.database.write() as conn:  # the last write of the result fails
        conn.exec_driver_sql("CREATE TRIGGER refuse BEFORE UPDATE OF status ON contacts "
                             "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    before = center.contact(contact_id)
    with pytest.raises(sa.exc.IntegrityError, match="disk trouble"):
        dialing.record(finished(center, "CALLBACK", contact_id, callback=CallbackRequest(
            NOW + timedelta(hours=1), CallbackScope.PERSONAL)))
    assert (table_count(center, calls), table_count(center, dispositions),
            table_count(center, outbox), center.callbacks()) == (0, 0, 0, [])
    assert center.contact(contact_id) == before


# ---------------------------------------------------------------------- callbacks
def test_due_and_upcoming_callbacks_are_the_agents_and_their_teams(
    center: CallCenter, clock: FixedClock,
) -> None:
    me, colleague = center.agents[0], center.agents[1]
    contact_id = center.add_contact()
    customer = center.contact(contact_id)["customer_id"]

    def book(due: datetime, agent: uuid.UUID | None, scope: str, status: str = "pending",
             contact: uuid.UUID | None = None) -> uuid.UUID:
        made = row(NOW, contact_id=contact, customer_id=customer, agent_id=agent,
                   team_id=None if agent else center.team_id, due_at=due, scope=scope,
                   status=status, notes="")
        center.insert(callbacks, made)
        return made["id"]

    overdue = book(NOW - timedelta(hours=1), me.id, "personal", contact=contact_id)
    now_due = book(NOW, None, "team")
    soon = book(NOW + timedelta(minutes=5), me.id, "personal")
    later = book(NOW + timedelta(days=1), None, "team")
    book(NOW - timedelta(hours=2), colleague.id, "personal")
    book(NOW - timedelta(hours=3), me.id, "personal", status="done")
    dialing = service(center, clock)
    assert [c.id for c in dialing.due_callbacks()] == [overdue, now_due]
    assert [c.id for c in dialing.due_callbacks(timedelta(minutes=5))] == [
        overdue, now_due, soon]
    assert [c.id for c in dialing.upcoming_callbacks()] == [soon, later]
    assert [c.id for c in dialing.upcoming_callbacks(limit=1)] == [soon]
    first = dialing.due_callbacks()[0]
    assert (first.contact_id, first.campaign_id, first.customer_name, first.scope) == (
        contact_id, center.campaign_id, "李四", CallbackScope.PERSONAL)


def test_starting_a_callback_previews_it_or_refuses_it(
    center: CallCenter, clock: FixedClock,
) -> None:
    contact_id = center.add_contact("+8613800001111")
    customer = center.contact(contact_id)["customer_id"]
    lonely = center.add_customer(("+8613900002222",), name="王五")
    abroad = center.add_contact(NEW_YORK_NUMBER, time_zone="America/New_York")

    def book(contact: uuid.UUID | None, owner: uuid.UUID) -> uuid.UUID:
        made = row(NOW, contact_id=contact, customer_id=owner, agent_id=center.agent.id,
                   team_id=None, due_at=NOW, scope="personal", status="pending", notes="")
        center.insert(callbacks, made)
        return made["id"]

    dialing = service(center, clock)
    linked = book(contact_id, customer)
    preview = dialing.start_callback(linked)
    assert not isinstance(preview, PendingCallback)
    assert preview.contact_id == contact_id and preview.callback is not None
    assert preview.callback.id == linked
    customer_only = dialing.start_callback(book(None, lonely))
    assert isinstance(customer_only, PendingCallback)
    assert (customer_only.customer_name, customer_only.e164) == ("王五", "+8613900002222")
    with pytest.raises(DialRefused) as caught:
        dialing.start_callback(book(abroad, center.contact(abroad)["customer_id"]))
    assert caught.value.params["reason"] == "outside_hours"
    center.add_dnc("+8613800001111")
    with pytest.raises(DialRefused) as caught:
        dialing.start_callback(linked)
    assert caught.value.params["reason"] == "dnc"
    with pytest.raises(NotFoundError):
        dialing.start_callback(uuid.uuid4())


def test_the_calling_zone_is_the_customers_list_zone_else_the_numbers(
    center: CallCenter, clock: FixedClock,
) -> None:
    dialing = service(center, clock)
    abroad = center.add_contact(NEW_YORK_NUMBER, time_zone="America/Chicago")
    customer = center.contact(abroad)["customer_id"]
    assert dialing.calling_zone(customer, NEW_YORK_NUMBER) == "America/Chicago"
    stranger = center.add_customer(("+442079460000",))
    assert dialing.calling_zone(stranger, "+442079460000") == "Europe/London"
    assert dialing.calling_zone(uuid.uuid4(), "+8613800138000") == SHANGHAI


def test_a_list_of_another_campaign_is_not_worked(center: CallCenter, clock: FixedClock) -> None:
    other_campaign = center.add_campaign("OTHER")
    center.add_contact(list_id=center.add_list(other_campaign))
    with center.database.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(call_lists)).scalar() == 2
    assert service(center, clock).next_contact(center.campaign_id) == NothingToCall(
        NothingToCallReason.NO_CONTACTS)
    preview = service(center, clock).next_contact(other_campaign)
    assert not isinstance(preview, NothingToCall)
