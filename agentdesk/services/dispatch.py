"""The delivery desk: round loads, dispatch sheets, hand-overs and delivery results.

Used by supervisors (load against capacity, sheets, results entered by hand or from the
delivery team's file) and by ``agentdesk-admin dispatch``. Every result is appended to the
order's history; a failed or rescheduled delivery books a callback for the agent who took
the order, in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from agentdesk.domain.delivery import RoundLoad, RoundSlot, booked_in, slot_on
from agentdesk.domain.dialing import center_today
from agentdesk.domain.dispatch import DispatchSheet, ResultReport
from agentdesk.domain.errors import KnownError, NotFoundError, ValidationError
from agentdesk.domain.orders import Hall
from agentdesk.domain.people import Capability, User
from agentdesk.domain.ports import Clock
from agentdesk.services.result_files import FileProblem, ResultsFile
from agentdesk.store import dispatch as store
from agentdesk.store import orders as order_store
from agentdesk.store.database import Database
from agentdesk.store.schema.base import DEFAULT_SITE

#: Days before today whose handovers the desk lists (results still come in).
PAST_DAYS = 3
#: Handovers after the next one that the desk lists.
AHEAD = 6
#: Every hall's sheet, not one hall's: the whole round.
WHOLE_ROUND = "all"


@dataclass(frozen=True, slots=True)
class HallLoad:
    """Pick-ups a hall hands out on a day against its daily capacity."""

    hall: Hall
    day: date
    booked: int

    @property
    def full(self) -> bool:
        """True when the hall cannot take another pick-up that day."""
        capacity = self.hall.daily_capacity
        return capacity is not None and self.booked >= capacity


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What a results file did: results stored, rows refused (with their line)."""

    recorded: tuple[store.RecordedResult, ...]
    problems: tuple[FileProblem, ...]
    rows: int
    dry_run: bool = False


class DispatchService:
    """The delivery desk for one signed-in user.

    Args:
        database: The workstation's database.
        clock: The clock.
        user: Who works the desk; results and hand-overs need ``manage_deliveries``.
        site: The site new events belong to.
    """

    def __init__(self, database: Database, clock: Clock, user: User,
                 site: str = DEFAULT_SITE) -> None:
        self._database = database
        self._clock = clock
        self._user = user
        self._site = site

    @property
    def can_manage(self) -> bool:
        """True if the user may hand orders over and record results."""
        return self._user.can(Capability.MANAGE_DELIVERIES)

    def _require(self) -> None:
        if not self.can_manage:
            raise KnownError("Only the delivery desk can do this", code="not_allowed")

    # ------------------------------------------------------------------ loads
    def loads(self, past_days: int = PAST_DAYS, ahead: int = AHEAD) -> list[RoundLoad]:
        """Return recent and coming handovers with their load against capacity, by time."""
        now = self._clock.now()
        with self._database.read() as conn:
            rounds, calendar = order_store.delivery_setup(conn)
            if not rounds:
                return []
            today = center_today(now)
            slots: list[RoundSlot] = []
            for offset in range(-past_days, ahead + 2):
                day = date.fromordinal(today.toordinal() + offset)
                if calendar.is_working_day(day):
                    slots.extend(slot_on(r, day, calendar) for r in rounds)
            upcoming = [s for s in slots if s.handover >= now][:ahead]
            slots = [s for s in slots if s.handover < now] + upcoming
            unique = {s.key: s for s in slots}
            ordered = sorted(unique.values(), key=lambda s: s.handover)
            booked = order_store.booked_slots(
                conn, ordered[0].handover_date, ordered[-1].handover_date, rounds,
                calendar) if ordered else {}
        return [RoundLoad(s, booked_in(booked, s)) for s in ordered]

    def hall_loads(self, day: date) -> list[HallLoad]:
        """Return each hall's pick-ups on ``day``."""
        with self._database.read() as conn:
            return [HallLoad(h, day, order_store.hall_bookings(conn, h.id, day))
                    for h in order_store.halls(conn)]

    def halls(self) -> list[Hall]:
        """Return the halls."""
        with self._database.read() as conn:
            return order_store.halls(conn)

    # ------------------------------------------------------------------ sheets
    def sheet(self, round_id: uuid.UUID, day: date,
              hall: uuid.UUID | str | None = None) -> DispatchSheet:
        """Return the sheet of a round's handover on ``day``.

        Args:
            round_id: The round.
            day: The handover day.
            hall: None for the delivery team's sheet (home deliveries), a hall's id for its
                pick-ups, :data:`WHOLE_ROUND` for every order of the handover.

        Raises:
            NotFoundError: ``round_not_found`` or ``hall_not_found``.
        """
        with self._database.read() as conn:
            rounds, calendar = order_store.delivery_setup(conn)
            round_ = next((r for r in rounds if r.id == round_id), None)
            if round_ is None:
                raise NotFoundError(f"No round {round_id}", code="round_not_found")
            chosen_hall = None
            if isinstance(hall, uuid.UUID):
                chosen_hall = next((h for h in order_store.halls(conn) if h.id == hall), None)
                if chosen_hall is None:
                    raise NotFoundError(f"No hall {hall}", code="hall_not_found")
            orders = store.slot_orders(conn, round_id, day, rounds, calendar)
            if hall is None:
                orders = [o for o in orders if o.row.hall_id is None]
            elif chosen_hall is not None:
                orders = [o for o in orders if o.row.hall_id == chosen_hall.id]
            lines = store.sheet_lines(conn, orders)
        slot = slot_on(round_, day, calendar)
        return DispatchSheet(
            round_name=round_.name, round_name_en=round_.name_en, handover=slot.handover,
            booking_from=slot.booking_from, booking_until=slot.booking_until,
            delivery_date=slot.delivery_date,
            hall_name="" if chosen_hall is None else chosen_hall.name,
            hall_name_en="" if chosen_hall is None else chosen_hall.name_en,
            hall_address="" if chosen_hall is None else chosen_hall.address,
            lines=tuple(lines), generated_at=self._clock.now())

    def round_by_name(self, name: str) -> uuid.UUID:
        """Return the id of the round called ``name`` (either language, or its handover HH:MM).

        Raises:
            NotFoundError: ``round_not_found``.
        """
        wanted = name.strip().casefold()
        with self._database.read() as conn:
            rounds, _calendar = order_store.delivery_setup(conn)
        for round_ in rounds:
            names = {round_.name.casefold(), round_.name_en.casefold(),
                     f"{round_.handover_at:%H:%M}", f"{round_.handover_at:%H%M}",
                     str(round_.id)}
            if wanted in names:
                assert round_.id is not None
                return round_.id
        raise NotFoundError(f"No round {name[:40]!r}", code="round_not_found")

    def hand_over(self, round_id: uuid.UUID, day: date,
                  hall: uuid.UUID | str | None = WHOLE_ROUND, *,
                  order_ids: Collection[uuid.UUID] | None = None) -> int:
        """Record that a sheet's orders went to the delivery team or hall; return how many.

        Args:
            round_id: The round.
            day: The handover day.
            hall: As for :meth:`sheet`.
            order_ids: The orders on the sheet as printed; orders that joined the slot since
                (synced late, rescheduled into it) are left for the next sheet. None: all.
        """
        self._require()
        now = self._clock.now()
        with self._database.write() as conn:
            rounds, calendar = order_store.delivery_setup(conn)
            orders = store.slot_orders(conn, round_id, day, rounds, calendar)
            if hall is None:
                orders = [o for o in orders if o.row.hall_id is None]
            elif isinstance(hall, uuid.UUID):
                orders = [o for o in orders if o.row.hall_id == hall]
            if order_ids is not None:
                orders = [o for o in orders if o.row.id in order_ids]
            return store.mark_dispatched(conn, orders, user_id=self._user.id, site=self._site,
                                         now=now)

    # ------------------------------------------------------------------ results
    def record_result(self, report: ResultReport) -> store.RecordedResult:
        """Store one result entered by hand.

        Raises:
            NotFoundError: ``order_not_found``.
            ValidationError: See :func:`agentdesk.domain.dispatch.check_result`.
        """
        self._require()
        now = self._clock.now()
        with self._database.write() as conn:
            return store.record_result(conn, report, user_id=self._user.id, source="result",
                                       today=center_today(now), now=now)

    def import_results(self, results: ResultsFile, *, dry_run: bool = False) -> ImportOutcome:
        """Store the good rows of a results file in one transaction; report the others.

        A row is refused when its order is unknown or the result breaks a rule
        (:func:`agentdesk.domain.dispatch.check_result`); every other row is stored. With
        ``dry_run`` nothing is stored and the outcome says what would have been.
        """
        self._require()
        now = self._clock.now()
        today = center_today(now)
        problems = list(results.problems)
        recorded: list[store.RecordedResult] = []
        try:
            with self._database.write() as conn:
                for report in results.reports:
                    try:
                        with conn.begin_nested():
                            recorded.append(store.record_result(
                                conn, report, user_id=self._user.id, source="import",
                                today=today, now=now))
                    except NotFoundError:
                        problems.append(FileProblem(report.line, "order_not_found",
                                                    report.order_no[:40]))
                    except ValidationError as error:
                        for name, code in error.problems.items():
                            problems.append(FileProblem(report.line, f"{name}_{code}",
                                                        report.order_no[:40]))
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        problems.sort(key=lambda p: p.line)
        return ImportOutcome(tuple(recorded), tuple(problems), results.rows, dry_run)

    def cancel(self, order_no: str, reason: str) -> None:
        """Cancel an order that has not gone out (the agent who took it, or the desk).

        Raises:
            NotFoundError: ``order_not_found``.
            ValidationError: ``status`` ``closed``/``not_allowed``, ``reason`` ``required``.
            KnownError: ``not_allowed`` for someone else's order without the desk's rights.
        """
        now = self._clock.now()
        with self._database.write() as conn:
            order = order_store.load_order(conn, order_no=order_no.strip()[:40])
            if order.agent_id != self._user.id and not self.can_manage:
                raise KnownError("Only the agent who took the order can cancel it",
                                 code="not_allowed")
            store.cancel_order(conn, order.order_no, user_id=self._user.id, reason=reason,
                               now=now)


class _DryRun(Exception):
    """Rolls a dry run's transaction back."""


def sheet_keys(loads: Sequence[RoundLoad]) -> list[tuple[uuid.UUID | None, date]]:
    """The (round id, handover date) of each load, for choosing a sheet."""
    return [(load.slot.round.id, load.slot.handover_date) for load in loads]
