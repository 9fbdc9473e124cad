"""Orders across workstations: taken on one, worked by the delivery desk on another."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import pytest
import sqlalchemy as sa

from agentdesk.domain.calls import CallbackScope, CallDirection, FinishedCall
from agentdesk.domain.customers import Customer
from agentdesk.domain.dispatch import DeliveryResult, ResultReport
from agentdesk.domain.order_form import OrderDraft
from agentdesk.domain.orders import DeliveryMethod, OrderStatus, PaymentMethod
from agentdesk.domain.people import Role, User
from agentdesk.domain.pricing import OrderLineDraft
from agentdesk.services.clock import FixedClock
from agentdesk.services.dialing import DialingService
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.workspace import Workspace, open_workspace
from agentdesk.store.call_results import record_finished_call
from agentdesk.store.database import Database
from agentdesk.store.schema.sync import applied_mutations, change_log
from agentdesk.store.users import SqlUserRepository
from agentdesk.sync.connection import server_engine
from agentdesk.sync.protocol import Outcome
from agentdesk.sync.server import ServerStore
from agentdesk.sync.users import add_server_user
from tests.helpers.factories import PASSWORD, add_customer
from tests.helpers.orders import RESIDENT_ID, Catalogue, add_catalogue
from tests.helpers.sync_env import init_server
from tests.helpers.sync_ops import Seed, outbox_mutations, seed_call_list, synced_rows

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)  # Monday 14:30 in Shanghai
ORDER_TABLES = ("orders", "order_lines", "order_events", "callbacks")
@pytest.fixture
def server_url(sync_server_url: str) -> str:
    """A fresh server database on PostgreSQL, MariaDB and a SQLite file."""
    return sync_server_url


@dataclass
class _ServerDatabase:
    """The part of a workspace :func:`add_catalogue` writes through: the server's tables."""

    database: Database


@dataclass
class Center:
    url: str
    agent_ws: Workspace  # the agent's workstation (A)
    desk_ws: Workspace  # the supervisor's workstation (B)
    catalogue: Catalogue
    seed: Seed

    def user(self, ws: Workspace, username: str) -> User:
        found = SqlUserRepository(ws.database, ws.clock).find_credentials(username)
        assert found is not None
        return found[0]

    def server(self) -> ServerStore:
        return ServerStore(server_engine(self.url))


@pytest.fixture
def center(server_url: str, tmp_path: Path) -> Iterator[Center]:
    server = init_server(server_url)
    seed = seed_call_list(server, NOW, contact_count=0)  # agents agent000/001, a campaign
    add_server_user(server, username="sup01", display_name="值班主管", role=Role.SUPERVISOR.value,
                    password_hash=fast_hasher().hash(PASSWORD))
    catalogue = add_catalogue(cast(Workspace, _ServerDatabase(Database(server.engine))), NOW)
    server.log_untracked_rows()
    server.engine.dispose()
    opened = []
    for name in ("agent", "desk"):
        ws = open_workspace(tmp_path / name, FixedClock(NOW), hasher=fast_hasher(),
                            server_url=server_url, workstation_id=f"ws-{name}")
        sync(ws)
        opened.append(ws)
    yield Center(server_url, opened[0], opened[1], catalogue, seed)
    for ws in opened:
        ws.close()


def sync(ws: Workspace) -> None:
    assert ws.sync is not None
    report = ws.sync.run_round()
    assert report.rejected == 0, ws.sync.rejections()


def rows(conn: sa.Connection) -> dict[str, list[dict[str, Any]]]:
    return {name: synced_rows(conn, name) for name in ORDER_TABLES}


def local_rows(ws: Workspace) -> dict[str, list[dict[str, Any]]]:
    with ws.database.read() as conn:
        return rows(conn)


def server_state(server: ServerStore) -> tuple[Any, ...]:
    with server.engine.connect() as conn:
        return (rows(conn), conn.execute(sa.select(sa.func.count()).select_from(change_log))
                .scalar_one(), conn.execute(sa.select(sa.func.count()).select_from(
                    applied_mutations)).scalar_one())


def draft(customer: Customer) -> OrderDraft:
    return OrderDraft(
        customer.id, [OrderLineDraft("P5G169", "", Decimal("169.00"), 1),
                      OrderLineDraft("HW-M60P", "", Decimal("6499.00"), 1, Decimal("50.00"),
                                     "256GB 黑")],
        DeliveryMethod.HOME_DELIVERY, PaymentMethod.CASH_ON_DELIVERY,
        address="北京市朝阳区建国路 88 号 2 单元 1201", contact_phone="13812345678",
        real_name="张三", resident_id=RESIDENT_ID, notes="请先电话联系")


def test_an_order_reaches_the_desk_and_its_result_and_follow_up_come_back(
        center: Center) -> None:
    agent = center.user(center.agent_ws, "agent000")
    customer = add_customer(center.agent_ws, agent)
    order = center.agent_ws.orders_for(agent).capture(draft(customer))
    assert (order.total, order.gross, order.discount) == (
        Decimal("6584.20"), Decimal("6634.20"), Decimal("50.00"))
    pushed = outbox_mutations(center.agent_ws.database)
    sync(center.agent_ws)

    server = center.server()
    try:
        state = server_state(server)
        on_server = state[0]
        (row,) = on_server["orders"]
        assert (row["id"], row["order_no"], row["total"], row["gross"], row["discount"],
                row["version"], row["call_id"], row["round_id"], row["delivery_date"],
                row["resident_id"]) == (
            order.id, order.order_no, Decimal("6584.20"), Decimal("6634.20"),
            Decimal("50.00"), 1, None, center.catalogue.rounds["evening"], order.delivery_date,
            RESIDENT_ID)
        assert sorted((r["unit_price"], r["options"]) for r in on_server["order_lines"]) == [
            (Decimal("135.20"), ""), (Decimal("6499.00"), "256GB 黑")]
        assert [(e["status"], e["source"]) for e in on_server["order_events"]] == [
            ("confirmed", "capture")]
        assert on_server == local_rows(center.agent_ws)

        answers = server.push("ws-agent", pushed)  # the same push again
        assert {a.outcome for a in answers} == {Outcome.APPLIED}
        assert server_state(server) == state
    finally:
        server.dispose()

    sync(center.desk_ws)
    supervisor = center.user(center.desk_ws, "sup01")
    desk = center.desk_ws.dispatch_for(supervisor)
    sheet = desk.sheet(center.catalogue.rounds["evening"], order.round_date or NOW.date())
    assert [(li.order_no, li.items, li.total) for li in sheet.lines] == [
        (order.order_no, "5G 畅享套餐 169元 ×1；华为 Mate 60 Pro（256GB 黑） ×1",
         Decimal("6584.20"))]
    recorded = desk.record_result(ResultReport(order.order_no, DeliveryResult.FAILED,
                                               "客户不在家", reporter="刘师傅"))
    sync(center.desk_ws)

    sync(center.agent_ws)
    seen = center.agent_ws.orders_for(agent).order(order.order_no)
    assert seen.status is OrderStatus.FAILED
    assert [(e.status, e.source, e.who, e.reason) for e in seen.events] == [
        (OrderStatus.CONFIRMED, "capture", "坐席0", ""),
        (OrderStatus.FAILED, "result", "刘师傅", "客户不在家")]
    dialing = DialingService(center.agent_ws.database, center.agent_ws.clock, agent, None)
    (follow_up,) = dialing.upcoming_callbacks()
    assert (follow_up.id, follow_up.notes) == (
        recorded.callback_id, f"订单 {order.order_no} 配送失败，请联系客户重新安排：客户不在家")
    assert local_rows(center.agent_ws) == local_rows(center.desk_ws)
    with center.desk_ws.database.read() as conn:
        (booked,) = rows(conn)["callbacks"]
    assert (booked["scope"], booked["agent_id"]) == (CallbackScope.PERSONAL.value, agent.id)


def test_the_call_an_order_was_taken_on_reaches_the_server_as_its_second_version(
        center: Center) -> None:
    agent = center.user(center.agent_ws, "agent000")
    customer = add_customer(center.agent_ws, agent)
    order = center.agent_ws.orders_for(agent).capture(draft(customer))
    sync(center.agent_ws)
    sync(center.desk_ws)
    call = FinishedCall(
        direction=CallDirection.OUTBOUND, agent_id=agent.id, campaign_id=center.seed.campaign_id,
        e164=customer.phones[0].e164, started_at=NOW - timedelta(minutes=8),
        answered_at=NOW - timedelta(minutes=8), ended_at=NOW + timedelta(minutes=1),
        end_reason="agent_hangup", disposition_code_id=center.seed.disposition_code_id,
        customer_id=customer.id, order_ids=(order.id,))
    call_id = record_finished_call(center.agent_ws.database, call, now=NOW + timedelta(minutes=1))
    pushed = outbox_mutations(center.agent_ws.database)
    sync(center.agent_ws)

    server = center.server()
    try:
        state = server_state(server)
        (row,) = state[0]["orders"]
        assert (row["call_id"], row["version"], row["total"]) == (
            call_id, 2, Decimal("6584.20"))
        assert {a.outcome for a in server.push("ws-agent", pushed)} == {Outcome.APPLIED}
        assert server_state(server) == state
    finally:
        server.dispose()
    sync(center.desk_ws)
    seen = center.desk_ws.orders_for(agent).order(order.order_no)
    assert seen.call_id == call_id
    assert local_rows(center.desk_ws)["orders"] == state[0]["orders"]
