"""Convergence: every workstation ends with exactly the server's rows.

Whatever three workstations do offline, and however their rounds are cut short, once everyone
has synced they all hold the same customers and phones as the server.
"""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agentdesk.store.schema.local import outbox, rejected
from agentdesk.store.schema.sync import change_log
from agentdesk.sync.protocol import ServerUnavailable
from agentdesk.sync.server import ServerStore
from tests.helpers.sync_env import Station
from tests.helpers.sync_ops import (
    count,
    customer,
    delete_row,
    live_ids,
    local_rows,
    new_server,
    new_station,
    next_customer_no,
    outbox_mutations,
    phone,
    server_rows,
)

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)
# Each workstation pushes and pulls in batches and pages of its own size.
STATIONS: dict[str, dict[str, int]] = {
    "ws-1": {"push_batch": 1, "pull_page": 2}, "ws-2": {"push_batch": 3, "pull_page": 5},
    "ws-3": {}}
SYNCED = ("customers", "customer_phones")
VALUES = {
    "name": ("王小明", "李四", "Anna Müller"),
    "city": ("北京", "上海", ""),
    "notes": ("", "周末联系", "勿在午休时间来电"),
    "tags": ("", "VIP", "VIP\t老客户"),
}
PHONES = ("+8613800138000", "+8613912345678", "+862161234567", "+8618600000001")
PHONE_CHANGES = ({"label": "工作"}, {"kind": "landline", "label": ""}, {"is_primary": False})


WS = st.integers(0, len(STATIONS) - 1)
PICK = st.integers(0, 50)
CREATE = st.tuples(st.just("create"), WS, st.sampled_from(VALUES["name"]))
operations = st.lists(st.one_of(
    CREATE, CREATE,  # twice as likely: offline creations are what collide
    st.tuples(st.just("edit"), WS, PICK, st.sampled_from(sorted(VALUES)), st.integers(0, 2)),
    st.tuples(st.just("delete"), WS, PICK),
    st.tuples(st.just("add_phone"), WS, PICK, st.sampled_from(PHONES)),
    st.tuples(st.just("edit_phone"), WS, PICK, st.integers(0, len(PHONE_CHANGES) - 1)),
    st.tuples(st.just("delete_phone"), WS, PICK),
    st.tuples(st.just("round"), WS),
    st.tuples(st.just("crash_after_push"), WS),
    st.tuples(st.just("drop"), WS, st.sampled_from(("push", "pull")), st.integers(0, 2)),
    st.tuples(st.just("pull"), WS),
    st.tuples(st.just("replay_page"), WS),
), min_size=6, max_size=30)


class Dropping:
    """The server as one workstation reaches it: the connection drops during a round.

    In ``push`` mode the chosen push commits on the server and its answer is lost; in
    ``pull`` mode the chosen page never arrives.
    """

    def __init__(self, server: ServerStore, phase: str, calls: int) -> None:
        self._server = server
        self._phase = phase
        self._calls = calls

    def __getattr__(self, name: str) -> Any:
        return getattr(self._server, name)

    def _count(self) -> bool:
        self._calls -= 1
        return self._calls < 0

    def push(self, *args: Any, **kwargs: Any) -> Any:
        answer = self._server.push(*args, **kwargs)
        if self._phase == "push" and self._count():
            raise ServerUnavailable("Server connection lost: reading the answer")
        return answer

    def pull(self, *args: Any, **kwargs: Any) -> Any:
        if self._phase == "pull" and self._count():
            raise ServerUnavailable("Server connection lost: reading a page")
        return self._server.pull(*args, **kwargs)


class World:
    """Three workstations around one server, and what the operations did."""

    def __init__(self, server: ServerStore, stations: list[Station]) -> None:
        self.server = server
        self.stations = stations
        self.created: set[Any] = set()
        # After a push whose answer was lost, the workstation's next sync pushes first.
        self.unacknowledged: set[int] = set()

    def pick(self, number: int, table: str, index: int) -> Any:
        ids = live_ids(self.stations[number], table)
        return ids[index % len(ids)] if ids else None

    def apply(self, op: tuple[Any, ...]) -> None:
        kind, number = op[0], op[1]
        ws = self.stations[number]
        if kind == "create":
            row = ws.write("customers", customer(NOW, next_customer_no(ws), op[2]))
            self.created.add(row["id"])
        elif kind == "edit":
            if (row_id := self.pick(number, "customers", op[2])) is not None:
                ws.edit("customers", row_id, **{op[3]: VALUES[op[3]][op[4]]})
        elif kind == "delete":
            if (row_id := self.pick(number, "customers", op[2])) is not None:
                delete_row(ws, "customers", row_id)
        elif kind == "add_phone":
            if (row_id := self.pick(number, "customers", op[2])) is not None:
                row = ws.write("customer_phones", phone(NOW, row_id, op[3]))
                self.created.add(row["id"])
        elif kind == "edit_phone":
            if (row_id := self.pick(number, "customer_phones", op[2])) is not None:
                ws.edit("customer_phones", row_id, **PHONE_CHANGES[op[3]])
        elif kind == "delete_phone":
            if (row_id := self.pick(number, "customer_phones", op[2])) is not None:
                delete_row(ws, "customer_phones", row_id)
        elif kind == "crash_after_push":
            # The server commits the batch; the workstation dies before deleting its outbox.
            mutations = outbox_mutations(ws.database)
            if mutations:
                self.server.push(ws.name, mutations[:3])
                self.unacknowledged.add(number)
        elif kind == "drop":
            ws.client.server = Dropping(self.server, op[2], op[3])
            try:
                ws.client.run_round()
            except ServerUnavailable:
                if op[2] == "push":
                    self.unacknowledged.add(number)
            else:
                self.unacknowledged.discard(number)
            finally:
                ws.client.server = self.server
        elif kind == "round" or number in self.unacknowledged:
            ws.client.run_round()
            self.unacknowledged.discard(number)
        elif kind == "pull":  # between a round's push and its pull, the agent saved again
            ws.client.pull_all()
        elif kind == "replay_page":
            cursor = ws.client.cursor()
            page = self.server.pull("default", cursor, 2)
            ws.client.apply_page(page, cursor)
            ws.client.apply_page(page, cursor)  # the same page again
            older = self.server.pull("default", max(0, cursor - 2), 2)
            ws.client.apply_page(older, max(0, cursor - 2))  # and an older one
        else:
            raise AssertionError(op)

    def settle(self) -> None:
        """Sync every workstation until nothing moves any more."""
        for _ in range(4):
            quiet = True
            for ws in self.stations:
                report = ws.client.run_round()
                quiet = quiet and report.pushed == 0 and report.pulled == 0
            if quiet:
                return
        raise AssertionError("sync rounds never went quiet")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          report_multiple_bugs=False)
@given(offline=st.lists(CREATE, min_size=2, max_size=5), ops=operations)
def test_every_workstation_ends_with_the_servers_rows(
    offline: list[tuple[Any, ...]], ops: list[tuple[Any, ...]]
) -> None:
    """Customers created offline first (their numbers collide), then anything, in any order."""
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as stack:
        directory = Path(scratch)
        server = new_server("sqlite:///" + str(directory / "server.db"))
        stack.callback(server.dispose)
        stations = [stack.enter_context(new_station(directory, server, NOW, name, **sizes))
                    for name, sizes in STATIONS.items()]
        world = World(server, stations)
        for op in offline + ops:
            world.apply(op)
        world.settle()

        for name in SYNCED:
            expected = server_rows(server, name)
            assert len({r["id"] for r in expected}) == len(expected)
            for ws in stations:
                assert local_rows(ws.database, name) == expected, (ws.name, name)
        stored = {r["id"] for name in SYNCED for r in server_rows(server, name)}
        assert stored == world.created  # nothing lost, nothing invented
        numbers = [r["customer_no"] for r in server_rows(server, "customers")]
        assert len(set(numbers)) == len(numbers)
        assert all(n.startswith("C") and n[1:].isdigit() for n in numbers)
        for ws in stations:
            with ws.database.read() as conn:
                assert (count(conn, outbox), count(conn, rejected)) == (0, 0)
        with server.engine.connect() as conn:
            seqs = conn.execute(sa.select(change_log.c.seq).order_by(change_log.c.seq)
                                ).scalars().all()
        assert seqs == list(range(1, len(seqs) + 1))
