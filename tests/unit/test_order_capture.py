"""Order capture through the service: prices, discounts, details, rounds, capacity, storage."""

from __future__ import annotations

import atexit
import json
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from agentdesk.domain.calls import CallDirection, FinishedCall
from agentdesk.domain.customers import Customer
from agentdesk.domain.errors import (
    AuthenticationError,
    KnownError,
    NotFoundError,
    ValidationError,
)
from agentdesk.domain.ids import new_id
from agentdesk.domain.order_form import DiscountApproval, OrderDraft, RoundFullError
from agentdesk.domain.orders import (
    DeliveryMethod,
    OrderStatus,
    PaymentMethod,
    SavedOrder,
    order_number,
)
from agentdesk.domain.people import Role, User
from agentdesk.domain.pricing import OrderLineDraft, OrderTotals
from agentdesk.services.clock import FixedClock
from agentdesk.services.orders import OrderService
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.workspace import Workspace, open_workspace
from agentdesk.store import migrate
from agentdesk.store import orders as order_store
from agentdesk.store.call_results import record_finished_call
from agentdesk.store.database import Database
from agentdesk.store.schema.local import outbox
from agentdesk.store.schema.orders import (
    business_halls,
    delivery_closures,
    delivery_rounds,
    order_events,
    order_lines,
    orders,
)
from tests.helpers.call_center import add_call_center
from tests.helpers.factories import PASSWORD, add_customer, add_user, count
from tests.helpers.orders import MINOR_ID, RESIDENT_ID, Catalogue, add_catalogue

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)  # Monday 14:30 in Shanghai
TODAY = date(2026, 11, 23)
ADDRESS = "北京市朝阳区建国路 88 号 2 单元 1201"
PHONE = "13812345678"
NUMBER = re.compile(r"SO\d{6}-[0-9A-HJKMNP-TV-Z]{8}")  # Crockford: no I, L, O, U


def shanghai(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    """A moment of 2026 on the center's clock, as the UTC time the clock reports."""
    return datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


# ---------------------------------------------------------------------- the shop
@dataclass(frozen=True)
class Template:
    """A migrated workspace with people, a customer and the catalogue, copied per test."""

    directory: Path
    agent: User
    other_agent: User
    supervisor: User
    customer: Customer
    catalogue: Catalogue


def build_template(directory: Path) -> Template:
    """Make the workspace every test starts from (migrating once is the slow part)."""
    ws = open_workspace(directory, FixedClock(NOW), hasher=fast_hasher())
    try:
        agent = add_user(ws, "agent01")
        other = add_user(ws, "agent02")
        supervisor = add_user(ws, "sup01", Role.SUPERVISOR)
        customer = add_customer(ws, agent)
        catalogue = add_catalogue(ws, NOW)
    finally:
        ws.close()  # the last connection checkpoints the WAL into the file
    return Template(directory, agent, other, supervisor, customer, catalogue)


@dataclass
class Shop:
    """One test's workspace and who works in it."""

    ws: Workspace
    clock: FixedClock
    agent: User
    other_agent: User
    supervisor: User
    customer: Customer
    catalogue: Catalogue

    @property
    def orders(self) -> OrderService:
        return self.ws.orders_for(self.agent)

    def move_to(self, moment: datetime) -> None:
        self.clock.at = moment

    def counts(self) -> dict[str, int]:
        return {t.name: count(self.ws, t) for t in (orders, order_lines, order_events, outbox)}

    def outbox_rows(self, after: int = 0) -> list[Any]:
        with self.ws.database.read() as conn:
            return conn.execute(sa.select(outbox).where(outbox.c.seq > after)
                                .order_by(outbox.c.seq)).all()

    def last_seq(self) -> int:
        with self.ws.database.read() as conn:
            return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(outbox.c.seq), 0)))
                       .scalar_one())

    def row(self, order: SavedOrder) -> Any:
        with self.ws.database.read() as conn:
            return conn.execute(sa.select(orders).where(orders.c.id == order.id)).one()

    def set_round_capacity(self, capacity: int) -> None:
        with self.ws.database.write() as conn:
            conn.execute(delivery_rounds.update().values(capacity=capacity))

    def set_hall_capacity(self, hall_id: uuid.UUID, capacity: int | None) -> None:
        with self.ws.database.write() as conn:
            conn.execute(business_halls.update().where(business_halls.c.id == hall_id)
                         .values(daily_capacity=capacity))

    def close_weekdays(self, *weekdays: int) -> None:
        with self.ws.database.write() as conn:
            for weekday in weekdays:
                conn.execute(delivery_closures.insert(), {
                    "id": new_id(), "site": "default", "version": 1, "updated_at": NOW,
                    "deleted_at": None, "day": None, "weekday": weekday, "name": "周末"})

    def close_days(self, *days: date) -> None:
        with self.ws.database.write() as conn:
            for day in days:
                conn.execute(delivery_closures.insert(), {
                    "id": new_id(), "site": "default", "version": 1, "updated_at": NOW,
                    "deleted_at": None, "day": day, "weekday": None, "name": "节假日"})


def open_shop(template: Template, directory: Path, clock: FixedClock) -> Shop:
    """Copy the template workspace to ``directory`` and open it (already at head)."""
    shutil.copytree(template.directory, directory)
    ws = open_workspace(directory, clock, hasher=fast_hasher())
    return Shop(ws, clock, template.agent, template.other_agent, template.supervisor,
                template.customer, template.catalogue)


_TEMPLATES: dict[str, Any] = {}


def _scratch(prefix: str) -> Path:
    directory = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, directory, True)
    return directory


def shared_template() -> Template:
    """The template workspace, built once per test run for every module that needs it."""
    if "shop" not in _TEMPLATES:
        _TEMPLATES["shop"] = build_template(_scratch("agentdesk-orders-") / "ws")
    made: Template = _TEMPLATES["shop"]
    return made


@pytest.fixture(scope="module")
def template() -> Template:
    return shared_template()


@pytest.fixture
def shop(template: Template, tmp_path: Path) -> Iterator[Shop]:
    made = open_shop(template, tmp_path / "ws", FixedClock(NOW))
    yield made
    made.ws.close()


def mate(discount: str) -> OrderTotals:
    """The totals of one Mate 60 Pro (¥6,499.00) with ``discount`` off, as a supervisor sees."""
    gross = Decimal("6499.00")
    return OrderTotals(gross, Decimal(discount), gross - Decimal(discount))


def line(sku: str, quantity: Any = 1, discount: Any = "0.00", *, price: Any = "0",
         options: str = "") -> OrderLineDraft:
    """A form line; the price is what the form shows, which the service ignores."""
    return OrderLineDraft(sku, "", _amount(price), quantity, _amount(discount), options)


def _amount(value: Any) -> Any:
    return Decimal(value) if isinstance(value, str) else value


def home(shop: Shop, *lines: OrderLineDraft, **values: Any) -> OrderDraft:
    """A home delivery for the shop's customer, with the real-name details filled in."""
    options: dict[str, Any] = {
        "customer_id": shop.customer.id, "lines": list(lines) or [line("HW-M60P")],
        "delivery_method": DeliveryMethod.HOME_DELIVERY,
        "payment_method": PaymentMethod.CASH_ON_DELIVERY, "address": ADDRESS,
        "contact_phone": PHONE, "real_name": "张三", "resident_id": RESIDENT_ID}
    return OrderDraft(**(options | values))


def pickup(shop: Shop, hall_id: uuid.UUID | None, *lines: OrderLineDraft,
           **values: Any) -> OrderDraft:
    """A pick-up at ``hall_id``, paid at the hall."""
    return home(shop, *lines, **({"delivery_method": DeliveryMethod.HALL_PICKUP,
                                  "payment_method": PaymentMethod.PAY_AT_HALL, "address": "",
                                  "hall_id": hall_id} | values))


def refused(shop: Shop, draft: OrderDraft, orders_for: OrderService | None = None
            ) -> dict[str, str]:
    """Capture ``draft``, expect a ValidationError and that nothing was written."""
    before = shop.counts()
    with pytest.raises(ValidationError) as caught:
        (orders_for or shop.orders).capture(draft)
    assert shop.counts() == before
    return caught.value.problems


# ---------------------------------------------------------------------- prices and totals
def test_prices_come_from_the_catalogue_whatever_the_form_sends(shop: Shop) -> None:
    saved = shop.orders.capture(home(shop, line("P5G169", price="1.00"),
                                     line("HW-M60P", price="-5"),
                                     line("INS-SCREEN", price=Decimal("NaN"))))
    assert [(li.sku, li.unit_price, li.line_total) for li in saved.lines] == [
        ("P5G169", Decimal("135.20"), Decimal("135.20")),  # today's offer, not the list price
        ("HW-M60P", Decimal("6499.00"), Decimal("6499.00")),
        ("INS-SCREEN", Decimal("99.00"), Decimal("99.00"))]
    assert [li.name for li in saved.lines] == ["5G 畅享套餐 169元", "华为 Mate 60 Pro", "碎屏保障"]
    with shop.ws.database.read() as conn:
        offers = conn.execute(sa.select(order_lines.c.offer_id).order_by(order_lines.c.id)
                              ).scalars().all()
    assert offers == [shop.catalogue.offer_id, None, None]


def test_gross_discount_and_total_add_up_to_the_fen_over_lines_with_options(shop: Shop) -> None:
    saved = shop.orders.capture(home(
        shop, line("P5G169"), line("HW-M60P", 2, "30.00", options="256GB 黑"),
        line("INS-SCREEN", 3, "19.99", options="两年")))
    assert (saved.gross, saved.discount, saved.total) == (
        Decimal("13430.20"), Decimal("49.99"), Decimal("13380.21"))
    assert all(isinstance(v, Decimal) for v in (saved.gross, saved.discount, saved.total))
    assert [(li.quantity, li.unit_price, li.discount, li.line_total, li.options)
            for li in saved.lines] == [
        (1, Decimal("135.20"), Decimal("0.00"), Decimal("135.20"), ""),
        (2, Decimal("6499.00"), Decimal("30.00"), Decimal("12968.00"), "256GB 黑"),
        (3, Decimal("99.00"), Decimal("19.99"), Decimal("277.01"), "两年")]
    assert saved.items == "5G 畅享套餐 169元 ×1；华为 Mate 60 Pro ×2；碎屏保障 ×3"
    assert (saved.status, saved.approved_by, saved.agent_id) == (
        OrderStatus.CONFIRMED, None, shop.agent.id)
    row = shop.row(saved)
    assert (row.gross, row.discount, row.total) == (
        Decimal("13430.20"), Decimal("49.99"), Decimal("13380.21"))
    assert OrderTotals.from_lines([line("INS-SCREEN", 3, "19.99", price="99.00")]).total == \
        Decimal("277.01")


# ---------------------------------------------------------------------- order numbers
def test_order_numbers_read_so_the_day_and_eight_crockford_characters(shop: Shop) -> None:
    taken = [shop.orders.capture(home(shop)).order_no for _ in range(25)]
    assert all(NUMBER.fullmatch(no) for no in taken), taken
    assert {no[:9] for no in taken} == {"SO261123-"}
    assert len(set(taken)) == 25
    shop.move_to(shanghai(24, 0, 1))  # just after midnight on the center's clock
    assert shop.orders.capture(home(shop)).order_no.startswith("SO261124-")
    found = shop.orders.order(f"  {taken[3]} ")
    assert found.order_no == taken[3]
    with pytest.raises(NotFoundError) as caught:
        shop.orders.order("SO261123-00000000")
    assert caught.value.code == "order_not_found"


def test_2000_orders_numbered_back_to_back_on_one_day_are_all_different() -> None:
    # Numbers come from the random bits of the order's UUIDv7, never from its clock part:
    # thousands of ids made within the same milliseconds still give distinct numbers.
    # 2,000 real captures into one day's rounds take minutes, not seconds: each capture
    # reads every order of the coming handovers (store.orders.booked_slots).
    numbers = {order_number(new_id(), TODAY) for _ in range(2000)}
    assert len(numbers) == 2000
    assert all(NUMBER.fullmatch(n) for n in numbers)


# ---------------------------------------------------------------------- one transaction
def test_the_order_its_lines_and_first_event_are_queued_with_it(shop: Shop) -> None:
    seq = shop.last_seq()
    saved = shop.orders.capture(home(shop, line("P5G169"), line("HW-M60P", 1, "20.00")))
    queued = shop.outbox_rows(seq)
    assert [(q.table_name, q.op, q.base_version) for q in queued] == [
        ("orders", "upsert", None), ("order_lines", "upsert", None),
        ("order_lines", "upsert", None), ("order_events", "upsert", None)]
    order_payload, *line_payloads, event_payload = (json.loads(q.payload) for q in queued)
    assert queued[0].row_id == saved.id
    assert (order_payload["order_no"], order_payload["total"], order_payload["gross"],
            order_payload["discount"], order_payload["version"]) == (
        saved.order_no, "6614.20", "6634.20", "20.00", 1)
    assert {p["order_id"] for p in line_payloads} == {str(saved.id)}
    assert (event_payload["order_id"], event_payload["status"], event_payload["source"]) == (
        str(saved.id), "confirmed", "capture")
    with shop.ws.database.read() as conn:
        stored = {i for t in (order_lines, order_events) for i in conn.execute(
            sa.select(t.c.id).where(t.c.id.in_([q.row_id for q in queued]))).scalars()}
    assert stored == {q.row_id for q in queued[1:]}


def test_a_failure_while_saving_leaves_no_order_and_nothing_queued(
        shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    real_insert = order_store.insert

    def failing(conn: Any, table: sa.Table, row: dict[str, Any], now: datetime) -> None:
        if table is order_events:
            raise OSError("disk trouble")
        real_insert(conn, table, row, now)

    before = shop.counts()
    monkeypatch.setattr(order_store, "insert", failing)
    with pytest.raises(OSError, match="disk trouble"):
        shop.orders.capture(home(shop, line("P5G169"), line("HW-M60P")))
    assert shop.counts() == before
    monkeypatch.undo()
    saved = shop.orders.capture(home(shop))  # the workspace is unharmed
    assert shop.counts() == {"orders": before["orders"] + 1,
                             "order_lines": before["order_lines"] + 1,
                             "order_events": before["order_events"] + 1,
                             "outbox": before["outbox"] + 3}
    assert saved.status is OrderStatus.CONFIRMED


def test_writes_commit_with_synchronous_full_in_wal_mode(shop: Shop) -> None:
    with shop.ws.database.write() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


# ---------------------------------------------------------------------- discounts
@pytest.mark.parametrize(("lines", "allowed"), [
    # 5 % of 990.00 is 49.50: the percentage limit binds.
    ([line("INS-SCREEN", 10, "49.50")], True),
    ([line("INS-SCREEN", 10, "49.51")], False),
    # 5 % of 6,499.00 is 324.95: the ¥50 limit binds, over the whole order.
    ([line("HW-M60P", 1, "50.00")], True),
    ([line("HW-M60P", 1, "50.01")], False),
    ([line("HW-M60P", 1, "25.00"), line("HW-M60P", 1, "25.01")], False),
])
def test_an_agent_alone_gives_up_to_5_percent_and_50_yuan(
        shop: Shop, lines: list[OrderLineDraft], allowed: bool) -> None:
    draft = home(shop, *lines)
    if allowed:
        saved = shop.orders.capture(draft)
        assert saved.approved_by is None
        assert shop.row(saved).approval_note == ""
    else:
        assert refused(shop, draft) == {"discount": "needs_approval"}


@pytest.mark.parametrize(("discount", "problems"), [
    ("1299.80", None),  # 20 % of 6,499.00, inclusive
    ("1299.81", {"discount": "too_high"}),
])
def test_a_supervisor_approves_up_to_20_percent(
        shop: Shop, discount: str, problems: dict[str, str] | None) -> None:
    service = shop.orders
    approval = service.approve_discount("sup01", PASSWORD, mate(discount), "  老客户续约  ")
    assert approval.supervisor_id == shop.supervisor.id
    draft = home(shop, line("HW-M60P", 1, discount), approval=approval)
    if problems is not None:
        assert refused(shop, draft, service) == problems
        return
    saved = service.capture(draft)
    assert (saved.discount, saved.total, saved.approved_by) == (
        Decimal("1299.80"), Decimal("5199.20"), shop.supervisor.id)
    row = shop.row(saved)
    assert (row.approved_by, row.approval_note) == (shop.supervisor.id, "老客户续约")


def test_a_wrong_password_approves_nothing(shop: Shop) -> None:
    service = shop.orders
    with pytest.raises(AuthenticationError) as caught:
        service.approve_discount("sup01", "wrong horse", mate("100.00"))
    assert caught.value.code == "wrong_credentials"
    assert refused(shop, home(shop, line("HW-M60P", 1, "100.00")), service) == {
        "discount": "needs_approval"}
    assert service.totals([line("HW-M60P", 1, "50.00", price="6499.00")]).total == \
        Decimal("6449.00")


def test_an_agent_cannot_approve_nor_a_supervisor_their_own_order(shop: Shop) -> None:
    with pytest.raises(KnownError) as caught:
        shop.orders.approve_discount("agent02", PASSWORD, mate("100.00"))
    assert caught.value.code == "cannot_approve"
    own = shop.ws.orders_for(shop.supervisor)
    with pytest.raises(KnownError) as caught:
        own.approve_discount("sup01", PASSWORD, mate("100.00"))
    assert caught.value.code == "self_approval"
    assert refused(shop, home(shop, line("HW-M60P", 1, "100.00")), own) == {
        "discount": "needs_approval"}
    alone = OrderService(shop.ws.database, shop.clock, shop.agent, None)
    with pytest.raises(KnownError) as caught:
        alone.approve_discount("sup01", PASSWORD, mate("100.00"))
    assert caught.value.code == "cannot_approve"


def test_an_approval_this_service_did_not_issue_does_not_count(shop: Shop) -> None:
    forged = DiscountApproval(shop.supervisor.id, Decimal("6499.00"), Decimal("100.00"), "主管同意")
    assert refused(shop, home(shop, line("HW-M60P", 1, "100.00"), approval=forged)) == {
        "discount": "needs_approval"}
    elsewhere = shop.ws.orders_for(shop.other_agent).approve_discount("sup01", PASSWORD,
                                                                      mate("100.00"))
    assert refused(shop, home(shop, line("HW-M60P", 1, "100.00"), approval=elsewhere)) == {
        "discount": "needs_approval"}
    service = shop.orders
    assert service.authority([line("HW-M60P", 1, "100.00", price="6499.00")]).value == \
        "supervisor"


def test_an_approval_is_spent_by_the_order_it_was_given_for(shop: Shop) -> None:
    service = shop.orders
    approval = service.approve_discount("sup01", PASSWORD, mate("600.00"), "一次")
    service.capture(home(shop, line("HW-M60P", 1, "600.00"), approval=approval))
    assert refused(shop, home(shop, line("HW-M60P", 1, "600.00"), approval=approval),
                   service) == {"discount": "needs_approval"}


def test_a_copy_of_an_issued_approval_does_not_count(shop: Shop) -> None:
    service = shop.orders
    issued = service.approve_discount("sup01", PASSWORD, mate("600.00"), "")
    copy = DiscountApproval(shop.supervisor.id, Decimal("6499.00"), Decimal("600.00"), "")
    assert (copy.supervisor_id, copy.note) == (issued.supervisor_id, issued.note)
    assert refused(shop, home(shop, line("HW-M60P", 1, "600.00"), approval=copy),
                   service) == {"discount": "needs_approval"}
    saved = service.capture(home(shop, line("HW-M60P", 1, "600.00"), approval=issued))
    assert saved.approved_by == shop.supervisor.id


def test_an_approval_covers_only_the_discount_the_supervisor_saw(shop: Shop) -> None:
    service = shop.orders
    approval = service.approve_discount("sup01", PASSWORD, mate("300.00"), "挽留")
    # The agent raised the discount after the supervisor signed: not approved.
    assert refused(shop, home(shop, line("HW-M60P", 1, "1299.00"), approval=approval),
                   service) == {"discount": "needs_approval"}
    # Another order of the same gross but a different discount: not approved either.
    assert refused(shop, home(shop, line("HW-M60P", 1, "299.00"), approval=approval),
                   service) == {"discount": "needs_approval"}
    saved = service.capture(home(shop, line("HW-M60P", 1, "300.00"), approval=approval))
    assert (saved.discount, saved.approved_by) == (Decimal("300.00"), shop.supervisor.id)


def test_a_total_that_changed_since_the_read_back_is_refused(shop: Shop) -> None:
    """The customer heard a total; if the prices now give another, nothing is saved."""
    service = shop.orders
    heard = home(shop, line("P5G169"), quoted_total=Decimal("169.00"))  # the list price
    assert refused(shop, heard, service) == {"total": "changed"}  # the offer gives 135.20
    saved = service.capture(home(shop, line("P5G169"), quoted_total=Decimal("135.20")))
    assert saved.total == Decimal("135.20")


# ---------------------------------------------------------------------- real name
@pytest.mark.parametrize(("skus", "name", "resident_id", "problems"), [
    (("P5G169",), "", "", {"real_name": "required", "resident_id": "required"}),
    (("HW-M60P", "ADD-CARD"), "  ", "  ", {"real_name": "required",
                                          "resident_id": "required"}),
    (("P5G169",), "张三", RESIDENT_ID[:-1] + ("0" if RESIDENT_ID[-1] != "0" else "1"),
     {"resident_id": "checksum"}),
    (("P5G169",), "张三", MINOR_ID, {"resident_id": "under_age"}),
    (("P5G169",), "张3", RESIDENT_ID, {"real_name": "invalid"}),
    (("P5G169",), "张" * 31, RESIDENT_ID, {"real_name": "too_long"}),
    (("P5G169",), "张三", "110105199003071", {"resident_id": "old_format"}),
])
def test_real_name_products_need_the_holders_name_and_a_valid_adult_id(
        shop: Shop, skus: tuple[str, ...], name: str, resident_id: str,
        problems: dict[str, str]) -> None:
    draft = home(shop, *(line(s) for s in skus), real_name=name, resident_id=resident_id)
    assert refused(shop, draft) == problems


def test_real_name_details_are_stored_and_masked_and_not_asked_for_other_products(
        shop: Shop) -> None:
    spaced = " ".join((RESIDENT_ID[:6], RESIDENT_ID[6:14], RESIDENT_ID[14:]))
    saved = shop.orders.capture(home(shop, line("P5G169"), real_name=" 张三 ",
                                     resident_id=spaced))
    assert (saved.real_name, saved.resident_id_masked) == (
        "张三", RESIDENT_ID[:6] + "********" + RESIDENT_ID[-4:])
    assert shop.row(saved).resident_id == RESIDENT_ID
    plain = shop.orders.capture(home(shop, line("HW-M60P"), line("BB-1000"), real_name="",
                                     resident_id=MINOR_ID))
    assert (plain.real_name, plain.resident_id_masked, shop.row(plain).resident_id) == (
        "", "", "")


# ---------------------------------------------------------------------- delivery details
@pytest.mark.parametrize(("address", "code"), [
    ("", "required"),
    (" \t\u3000 \n", "required"),
    ("北京1号楼", "too_short"),  # five letters
    ("北京市朝阳区建国路", "no_number"),
    ("北京市朝阳区建国路88号" + "楼" * 289, "too_long"),  # 301 characters
    ("北京市朝阳区建国路88号" + "楼" * 9_988, "too_long"),  # 10,000 characters
    ("！？。，、；：……——（）《》", "too_short"),  # only punctuation
    ("\x00\x01\x02\x1b\x7f\x00\x01", "required"),  # only control characters
])
def test_addresses_a_courier_cannot_use_are_refused(shop: Shop, address: str, code: str
                                                    ) -> None:
    assert refused(shop, home(shop, address=address)) == {"address": code}


@pytest.mark.parametrize(("typed", "stored"), [
    ("北京市朝阳区建国路88号" + "楼" * 288, None),  # 300 characters: the most there is room for
    ("北京市朝阳区\x00建国路\x1b88号\x7f", "北京市朝阳区建国路88号"),
    ("  北京市 朝阳区\n建国路\t88 号  ", "北京市 朝阳区 建国路 88 号"),
    ("<b>北京市朝阳区</b>建国路88号<script>alert(1)</script>", None),  # plain text, kept
    ("'); DROP TABLE orders;-- 朝阳区 8 号", None),
    ("上海市浦东新区世纪大道一百号", None),  # a number in Chinese numerals
])
def test_addresses_are_cleaned_up_and_kept_as_typed_text(
        shop: Shop, typed: str, stored: str | None) -> None:
    saved = shop.orders.capture(home(shop, address=typed))
    assert saved.address == (typed if stored is None else stored)
    assert shop.row(saved).delivery_address == saved.address


@pytest.mark.parametrize(("values", "problems"), [
    ({"contact_phone": ""}, {"contact_phone": "required"}),
    ({"contact_phone": " \t "}, {"contact_phone": "required"}),
    ({"contact_phone": "12345"}, {"contact_phone": "invalid"}),
    ({"contact_phone": "一三八一二三四五六七八"}, {"contact_phone": "invalid"}),
    ({"contact_phone": "1" * 10_000}, {"contact_phone": "invalid"}),
    ({"payment_method": PaymentMethod.PAY_AT_HALL}, {"payment_method": "mismatch"}),
    ({"notes": "备" * 501}, {"notes": "too_long"}),
])
def test_contact_payment_and_notes_of_a_home_delivery(
        shop: Shop, values: dict[str, Any], problems: dict[str, str]) -> None:
    assert refused(shop, home(shop, **values)) == problems


def test_a_pick_up_needs_a_known_hall_and_payment_at_the_hall(shop: Shop) -> None:
    assert refused(shop, pickup(shop, None)) == {"hall": "required"}
    assert refused(shop, pickup(shop, uuid.uuid4())) == {"hall": "unknown"}
    assert refused(shop, pickup(shop, shop.catalogue.hall_id,
                                payment_method=PaymentMethod.CASH_ON_DELIVERY)) == {
        "payment_method": "mismatch"}
    saved = shop.orders.capture(pickup(shop, shop.catalogue.hall_id, address=ADDRESS,
                                       contact_phone="+86 138-1234-5678"))
    assert saved.hall is not None and saved.hall.id == shop.catalogue.hall_id
    assert (saved.address, saved.contact_e164, saved.payment_method) == (
        "", "+8613812345678", PaymentMethod.PAY_AT_HALL)
    assert shop.row(saved).hall_id == shop.catalogue.hall_id


def test_a_home_delivery_never_keeps_a_hall(shop: Shop) -> None:
    saved = shop.orders.capture(home(shop, hall_id=shop.catalogue.vip_room_id))
    assert (saved.hall, shop.row(saved).hall_id) == (None, None)


# ---------------------------------------------------------------------- lines
@pytest.mark.parametrize(("lines", "problems"), [
    ([line("HW-M60P", 0)], {"lines[0].quantity": "too_small"}),
    ([line("HW-M60P", -1)], {"lines[0].quantity": "too_small"}),
    ([line("HW-M60P", 11)], {"lines[0].quantity": "too_large"}),
    ([line("HW-M60P", True)], {"lines[0].quantity": "invalid"}),
    ([line("HW-M60P", 10**30)], {"lines[0].quantity": "too_large"}),
    ([line("HW-M60P", None)], {"lines[0].quantity": "required"}),
    ([line("HW-M60P", "2")], {"lines[0].quantity": "invalid"}),
    ([line("HW-M60P", 1, "-0.01")], {"lines[0].discount": "too_small"}),
    ([line("HW-M60P", 1, Decimal("NaN"))], {"lines[0].discount": "invalid"}),
    ([line("HW-M60P", 1, Decimal("Infinity"))], {"lines[0].discount": "invalid"}),
    ([line("HW-M60P", 1, "0.001")], {"lines[0].discount": "invalid"}),
    ([line("INS-SCREEN", 1, "99.01")], {"lines[0].discount": "too_large"}),
    ([line("INS-SCREEN", 1, "1", options="色" * 101)], {"lines[0].options": "too_long"}),
    ([line("HW-M60P"), line("NOPE"), line(" ")], {"lines[1].product_code": "unknown",
                                                  "lines[2].product_code": "unknown"}),
    ([line("hw-m60p")], {"lines[0].product_code": "unknown"}),
    ([], {"lines": "required"}),
    ([line("INS-SCREEN")] * 51, {"lines": "too_many"}),
])
def test_lines_that_break_the_rules_are_refused(
        shop: Shop, lines: list[OrderLineDraft], problems: dict[str, str]) -> None:
    assert refused(shop, home(shop, lines=lines)) == problems


def test_a_float_amount_is_a_type_error_on_the_form_line() -> None:
    with pytest.raises(TypeError, match="discount"):
        OrderLineDraft("HW-M60P", "", Decimal("6499.00"), 1, 0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unit_price"):
        OrderLineDraft("HW-M60P", "", 6499.0, 1)  # type: ignore[arg-type]


def test_fifty_lines_and_a_whitespace_padded_code_are_taken(shop: Shop) -> None:
    saved = shop.orders.capture(home(shop, *([line("INS-SCREEN")] * 49 + [line(" ADD-CARD ")])))
    assert len(saved.lines) == 50
    assert saved.total == Decimal("4861.00")


@pytest.mark.parametrize("field", ["customer_id", "call_id"])
def test_an_unknown_customer_or_call_is_a_known_error(shop: Shop, field: str) -> None:
    with pytest.raises(KnownError):
        shop.orders.capture(home(shop, **{field: uuid.uuid4()}))


# ---------------------------------------------------------------------- rounds
@pytest.mark.parametrize(("taken", "round_key", "handover", "delivered"), [
    ((23, 10, 59), "noon", (23, 11, 30), 23),
    ((23, 11, 0), "evening", (23, 17, 30), 24),
    ((23, 16, 59), "evening", (23, 17, 30), 24),
    ((23, 17, 0), "noon", (24, 11, 30), 24),
    ((23, 23, 59), "noon", (24, 11, 30), 24),
    ((24, 0, 0), "noon", (24, 11, 30), 24),
])
def test_the_order_goes_with_the_round_of_its_cut_off(
        shop: Shop, taken: tuple[int, int, int], round_key: str,
        handover: tuple[int, int, int], delivered: int) -> None:
    shop.move_to(shanghai(*taken))
    saved = shop.orders.capture(home(shop))
    expected_handover = shanghai(*handover)
    assert (saved.round_id, saved.round_date, saved.handover_at, saved.delivery_date) == (
        shop.catalogue.rounds[round_key], expected_handover.astimezone(SHANGHAI).date(),
        expected_handover, date(2026, 11, delivered))
    assert saved.handover_at is not None and saved.handover_at.utcoffset() == timedelta(0)
    row = shop.row(saved)
    assert (row.round_id, row.round_date, row.handover_at, row.delivery_date) == (
        saved.round_id, saved.round_date, saved.handover_at, saved.delivery_date)


@pytest.mark.parametrize(("taken", "round_key", "handover", "delivered"), [
    ((27, 14, 30), "evening", (27, 17, 30), 30),  # Friday's round delivers on Monday
    ((27, 16, 59), "evening", (27, 17, 30), 30),
    ((27, 17, 0), "noon", (30, 11, 30), 30),  # Saturday's handover moves to Monday
    ((28, 14, 30), "noon", (30, 11, 30), 30),
    ((29, 23, 59), "noon", (30, 11, 30), 30),
    ((30, 10, 59), "noon", (30, 11, 30), 30),
])
def test_no_handover_or_delivery_on_closed_weekdays(
        shop: Shop, taken: tuple[int, int, int], round_key: str,
        handover: tuple[int, int, int], delivered: int) -> None:
    shop.close_weekdays(5, 6)
    shop.move_to(shanghai(*taken))
    saved = shop.orders.capture(home(shop))
    assert (saved.round_id, saved.handover_at, saved.delivery_date) == (
        shop.catalogue.rounds[round_key], shanghai(*handover), date(2026, 11, delivered))


def test_holidays_move_the_handover_and_the_delivery(shop: Shop) -> None:
    shop.close_days(date(2026, 11, 24), date(2026, 11, 25))
    saved = shop.orders.capture(home(shop))  # Monday 14:30: 17:30 round, Tuesday is closed
    assert (saved.round_id, saved.handover_at, saved.delivery_date) == (
        shop.catalogue.rounds["evening"], shanghai(23, 17, 30), date(2026, 11, 26))
    shop.move_to(shanghai(23, 17, 0))
    saved = shop.orders.capture(home(shop))
    assert (saved.round_id, saved.handover_at, saved.delivery_date) == (
        shop.catalogue.rounds["noon"], shanghai(26, 11, 30), date(2026, 11, 26))


def test_a_chosen_round_must_still_be_offered(shop: Shop) -> None:
    rounds = shop.catalogue.rounds
    saved = shop.orders.capture(home(shop, round_id=rounds["evening"],
                                     round_date=date(2026, 11, 25)))
    assert (saved.handover_at, saved.delivery_date) == (shanghai(25, 17, 30),
                                                        date(2026, 11, 26))
    assert refused(shop, home(shop, round_id=rounds["noon"], round_date=TODAY)) == {
        "round": "past"}  # 11:30 today has gone
    assert refused(shop, home(shop, round_id=rounds["noon"], round_date=None)) == {
        "round": "past"}
    assert refused(shop, home(shop, round_id=uuid.uuid4(), round_date=TODAY)) == {
        "round": "unknown"}


def test_without_rounds_nothing_can_be_promised(shop: Shop) -> None:
    with shop.ws.database.write() as conn:
        conn.execute(delivery_rounds.update().values(deleted_at=NOW))
    before = shop.counts()
    with pytest.raises(KnownError) as caught:
        shop.orders.capture(home(shop))
    assert caught.value.code == "no_rounds"
    assert shop.counts() == before
    service = shop.orders
    assert service.promise(service.setup(None)).choices == ()


# ---------------------------------------------------------------------- capacity
def test_a_full_round_names_the_next_one_with_room(shop: Shop) -> None:
    shop.set_round_capacity(2)
    service = shop.orders
    first, second = (service.capture(home(shop)) for _ in range(2))
    assert first.round_date == second.round_date == TODAY
    before = shop.counts()
    with pytest.raises(RoundFullError) as caught:
        service.capture(home(shop))
    assert shop.counts() == before
    noon = shop.catalogue.rounds["noon"]
    params = dict(caught.value.params)
    assert caught.value.code == "round_full"
    assert {k: params[k] for k in ("full_round_en", "full_date", "hall_full", "next_round_id",
                                   "next_round_date", "delivery_date", "handover",
                                   "round_en")} == {
        "full_round_en": "17:30 round (next-day delivery)", "full_date": "2026-11-23",
        "hall_full": False, "next_round_id": str(noon), "next_round_date": "2026-11-24",
        "delivery_date": "2026-11-24", "handover": "11:30",
        "round_en": "11:30 round (same-afternoon delivery)"}
    third = service.capture(home(shop, round_id=uuid.UUID(params["next_round_id"]),
                                 round_date=date.fromisoformat(params["next_round_date"])))
    assert (third.round_id, third.round_date, third.delivery_date) == (
        noon, date(2026, 11, 24), date(2026, 11, 24))

    shop.ws.dispatch_for(shop.agent).cancel(first.order_no, "客户不要了")
    fourth = service.capture(home(shop))  # the cancelled order gave its place back
    assert (fourth.round_id, fourth.round_date) == (shop.catalogue.rounds["evening"], TODAY)
    with pytest.raises(RoundFullError):
        service.capture(home(shop))


def test_the_promise_shows_each_handover_with_its_load(shop: Shop) -> None:
    shop.set_round_capacity(2)
    service = shop.orders
    setup = service.setup(None)
    assert [(i.sku, i.price, i.requires_real_name) for i in setup.items] == [
        ("ADD-CARD", Decimal("10.00"), True), ("BB-1000", Decimal("1200.00"), False),
        ("HW-M60P", Decimal("6499.00"), False), ("P5G169", Decimal("135.20"), True),
        ("INS-SCREEN", Decimal("99.00"), False)]
    assert setup.item("P5G169") is not None and setup.item("nope") is None
    assert service.promise(setup).first_with_room() == 0
    for _ in range(2):
        service.capture(home(shop))
    service.capture(home(shop, round_id=shop.catalogue.rounds["noon"],
                         round_date=date(2026, 11, 24)))
    promise = service.promise(setup)
    assert [(c.slot.round.id, c.slot.handover_date, c.slot.delivery_date, c.booked, c.full)
            for c in promise.choices] == [
        (shop.catalogue.rounds["evening"], TODAY, date(2026, 11, 24), 2, True),
        (shop.catalogue.rounds["noon"], date(2026, 11, 24), date(2026, 11, 24), 1, False),
        (shop.catalogue.rounds["evening"], date(2026, 11, 24), date(2026, 11, 25), 0, False),
        (shop.catalogue.rounds["noon"], date(2026, 11, 25), date(2026, 11, 25), 0, False),
        (shop.catalogue.rounds["evening"], date(2026, 11, 25), date(2026, 11, 26), 0, False),
        (shop.catalogue.rounds["noon"], date(2026, 11, 26), date(2026, 11, 26), 0, False)]
    assert promise.first_with_room() == 1
    assert (promise.hall_booked, promise.hall_capacity) == ((), None)


def test_a_vip_room_takes_as_many_pick_ups_a_day_as_it_has_room_for(shop: Shop) -> None:
    vip = shop.catalogue.vip_room_id
    shop.set_hall_capacity(vip, 1)
    service = shop.orders
    first = service.capture(pickup(shop, vip))
    assert first.delivery_date == date(2026, 11, 24)
    before = shop.counts()
    with pytest.raises(RoundFullError) as caught:
        service.capture(pickup(shop, vip))
    assert shop.counts() == before
    params = caught.value.params
    # Tuesday's 11:30 round also hands out on Tuesday: the next day with room is Wednesday.
    assert (params["hall_full"], params["next_round_id"], params["next_round_date"],
            params["delivery_date"]) == (True, str(shop.catalogue.rounds["evening"]),
                                         "2026-11-24", "2026-11-25")
    promise = service.promise(service.setup(None), vip)
    assert (promise.hall_booked[:4], promise.hall_capacity) == ((1, 1, 0, 0), 1)
    assert promise.first_with_room() == 2
    later = service.capture(pickup(shop, vip, round_id=shop.catalogue.rounds["evening"],
                                   round_date=date(2026, 11, 24)))
    assert later.delivery_date == date(2026, 11, 25)
    other = service.capture(pickup(shop, shop.catalogue.hall_id))  # no limit at the hall
    assert other.delivery_date == date(2026, 11, 24)
    assert service.capture(home(shop)).delivery_date == date(2026, 11, 24)


# ---------------------------------------------------------------------- the call
def test_recording_the_call_links_its_orders_as_a_new_version(shop: Shop) -> None:
    center = add_call_center(shop.ws, NOW, [shop.customer])
    service = shop.orders
    first = service.capture(home(shop))
    second = service.capture(home(shop, line("INS-SCREEN")))
    seq = shop.last_seq()
    call = FinishedCall(
        direction=CallDirection.INBOUND, agent_id=shop.agent.id,
        campaign_id=center.inbound_id, e164="+8613800138000",
        started_at=NOW - timedelta(minutes=6), answered_at=NOW - timedelta(minutes=6),
        ended_at=NOW, end_reason="agent_hangup", disposition_code_id=center.codes["inbound:SALE"],
        customer_id=shop.customer.id, order_ids=(first.id, second.id))
    call_id = record_finished_call(shop.ws.database, call, now=NOW)
    for order in (first, second):
        row = shop.row(order)
        assert (row.call_id, row.version) == (call_id, 2)
        assert service.order(order.order_no).call_id == call_id
    linked = [q for q in shop.outbox_rows(seq) if q.table_name == "orders"]
    assert [(q.row_id, q.base_version) for q in linked] == [(first.id, 1), (second.id, 1)]
    assert json.loads(linked[0].base_payload) == {"call_id": None}
    assert json.loads(linked[0].payload)["call_id"] == str(call_id)

    again = record_finished_call(shop.ws.database, call, now=NOW)  # linked once only
    assert again != call_id
    assert (shop.row(first).call_id, shop.row(first).version) == (call_id, 2)


# ---------------------------------------------------------------------- script values
def test_order_values_for_the_script_in_both_languages(shop: Shop) -> None:
    service = shop.orders
    saved = service.capture(home(shop, line("P5G169"), line("HW-M60P", 2)))
    address = saved.address
    assert service.order_values(saved) == {
        "order.no": saved.order_no, "order.items": "5G 畅享套餐 169元 ×1；华为 Mate 60 Pro ×2",
        "order.total": "¥13,133.20", "order.delivery": "2026-11-24", "order.address": address,
        "order.payment": "货到付款", "order.round": "17:30 批次（次日送达）"}
    assert service.order_values(saved, "en_US") == {
        "order.no": saved.order_no, "order.items": "5G Enjoy plan 169 ×1; Huawei Mate 60 Pro ×2",
        "order.total": "¥13,133.20", "order.delivery": "2026-11-24", "order.address": address,
        "order.payment": "Cash on delivery", "order.round": "17:30 round (next-day delivery)"}
    picked = service.capture(pickup(shop, shop.catalogue.vip_room_id, line("INS-SCREEN")))
    zh, en = service.order_values(picked), service.order_values(picked, "en")
    assert (zh["order.address"], en["order.address"], en["order.total"], zh["order.payment"]) == (
        "国贸 VIP 室（北京市朝阳区建国门外大街 1 号 3 层）",
        "Guomao VIP room (北京市朝阳区建国门外大街 1 号 3 层)", "¥99.00", "营业厅付款")
    # Every value is one the script editor knows, so a script may use it.
    from agentdesk.domain.scripts import CONSOLE_VARIABLES

    assert set(zh) | set(en) <= CONSOLE_VARIABLES


# ---------------------------------------------------------------------- migration 0008
def _database_at_0007(path: Path) -> dict[str, uuid.UUID]:
    """Copy a 0007 database with a delivered order (its result in ``dispatches``) and a new one."""
    if "0007" not in _TEMPLATES:
        built = _scratch("agentdesk-0007-") / "agentdesk.db"
        _TEMPLATES["0007"] = (built, _build_0007(built))
    built, ids = _TEMPLATES["0007"]
    shutil.copy(built, path)
    return dict(ids)


def _build_0007(path: Path) -> dict[str, uuid.UUID]:
    db = Database.open(path)
    migrate.upgrade_local(db, "0007")
    ids = {name: uuid.uuid4() for name in ("customer", "agent", "supervisor", "delivered",
                                           "confirmed", "dispatch")}
    taken, reported = "2026-11-20 06:30:00.000000", "2026-11-21 08:15:00.000000"
    with db.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customers (id, site, version, updated_at, customer_no, name, gender,"
            " language, notes, created_at) VALUES (?, 'default', 1, ?, 'C00000001', '王小明',"
            " 'male', 'zh', '', ?)", (ids["customer"].hex, taken, taken))
        for key, name, role in (("agent", "agent01", "agent"),
                                ("supervisor", "sup01", "supervisor")):
            conn.exec_driver_sql(
                "INSERT INTO users (id, site, version, updated_at, username, display_name, role,"
                " password_hash, active) VALUES (?, 'default', 1, ?, ?, ?, ?, '!', 1)",
                (ids[key].hex, taken, name, f"{name} 名字", role))
        for key, status, total in (("delivered", "delivered", 663420),
                                   ("confirmed", "confirmed", 9900)):
            conn.exec_driver_sql(
                "INSERT INTO orders (id, site, version, updated_at, order_no, customer_id,"
                " agent_id, status, total, delivery_method, payment_method, delivery_address,"
                " created_at) VALUES (?, 'default', 1, ?, ?, ?, ?, ?, ?, 'home_delivery',"
                " 'cash_on_delivery', '北京市朝阳区建国路88号', ?)",
                (ids[key].hex, reported, f"SO20261120{total % 10_000:04d}", ids["customer"].hex,
                 ids["agent"].hex, status, total, taken))
        conn.exec_driver_sql(
            "INSERT INTO dispatches (id, site, version, updated_at, order_id, result, reason,"
            " reported_at, reported_by) VALUES (?, 'default', 1, ?, ?, 'delivered',"
            " '已签收，回执已收回', ?, '刘师傅')",
            (ids["dispatch"].hex, reported, ids["delivered"].hex, reported))
    db.close()
    return ids


def test_upgrading_to_0008_turns_results_into_the_order_history(tmp_path: Path) -> None:
    ids = _database_at_0007(tmp_path / "agentdesk.db")
    db = Database.open(tmp_path / "agentdesk.db")
    migrate.upgrade_local(db)
    try:
        with db.read() as conn:
            delivered = order_store.load_order(conn, order_id=ids["delivered"])
            waiting = order_store.load_order(conn, order_id=ids["confirmed"])
            event_ids = conn.execute(sa.select(order_events.c.id).order_by(
                order_events.c.at)).scalars().all()
        assert (delivered.gross, delivered.discount, delivered.total) == (
            Decimal("6634.20"), Decimal("0.00"), Decimal("6634.20"))
        assert delivered.status is OrderStatus.DELIVERED
        assert [(e.status, e.at, e.source, e.who, e.reason) for e in delivered.events] == [
            (OrderStatus.CONFIRMED, datetime(2026, 11, 20, 6, 30, tzinfo=UTC), "capture",
             "agent01 名字", ""),
            (OrderStatus.DELIVERED, datetime(2026, 11, 21, 8, 15, tzinfo=UTC), "result",
             "刘师傅", "已签收，回执已收回")]
        assert [(e.status, e.source) for e in waiting.events] == [
            (OrderStatus.CONFIRMED, "capture")]
        assert (waiting.gross, waiting.total, waiting.preferred_time, waiting.notes) == (
            Decimal("99.00"), Decimal("99.00"), "any", "")
        assert ids["dispatch"] in event_ids
    finally:
        db.close()


def test_downgrading_to_0007_puts_the_results_back_in_dispatches(tmp_path: Path) -> None:
    from alembic import command

    ids = _database_at_0007(tmp_path / "agentdesk.db")
    db = Database.open(tmp_path / "agentdesk.db")
    migrate.upgrade_local(db)
    config = migrate.alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    try:
        assert migrate.current_revision(db.engine) == "0007"
        with db.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, order_id, result, reason, reported_by, reported_at FROM dispatches"
            ).all()
            tables = set(sa.inspect(conn).get_table_names())
            columns = {c["name"] for c in sa.inspect(conn).get_columns("orders")}
        assert [(uuid.UUID(r[0]), uuid.UUID(r[1]), *r[2:]) for r in rows] == [
            (ids["dispatch"], ids["delivered"], "delivered", "已签收，回执已收回", "刘师傅",
             "2026-11-21 08:15:00.000000")]
        assert {"order_events", "delivery_closures"} & tables == set()
        assert {"gross", "discount", "handover_at"} & columns == set()
    finally:
        db.close()


def test_downgrading_keeps_results_imported_from_a_file(tmp_path: Path) -> None:
    from alembic import command

    from agentdesk.domain.dispatch import DeliveryResult, ResultReport
    from agentdesk.services.dispatch import DispatchService
    from agentdesk.services.result_files import ResultsFile

    ids = _database_at_0007(tmp_path / "agentdesk.db")
    db = Database.open(tmp_path / "agentdesk.db")
    migrate.upgrade_local(db)
    desk = DispatchService(db, FixedClock(NOW),
                           User(ids["supervisor"], "sup01", "主管", Role.SUPERVISOR, None))
    outcome = desk.import_results(ResultsFile((ResultReport(
        "SO202611209900", DeliveryResult.FAILED, "无人在家", line=2),), (), 1))
    assert len(outcome.recorded) == 1
    config = migrate.alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    try:
        with db.read() as conn:
            results = sorted(conn.exec_driver_sql("SELECT result FROM dispatches").scalars())
        assert results == ["delivered", "failed"]
    finally:
        db.close()


def test_every_copy_of_a_database_gets_the_same_history_ids(tmp_path: Path) -> None:
    ids = _database_at_0007(tmp_path / "a.db")
    db = Database.open(tmp_path / "a.db")
    with db.write() as conn:
        conn.exec_driver_sql("UPDATE orders SET status = 'cancelled' WHERE id = ?",
                             (ids["confirmed"].hex,))
    db.close()
    shutil.copy(tmp_path / "a.db", tmp_path / "b.db")
    histories = []
    for name in ("a.db", "b.db"):
        db = Database.open(tmp_path / name)
        migrate.upgrade_local(db)
        with db.read() as conn:
            histories.append(sorted(conn.execute(sa.select(order_events.c.id)).scalars()))
        db.close()
    assert len(histories[0]) == 4
    assert histories[0] == histories[1]


def test_the_order_capture_returns_is_the_order_as_stored(shop: Shop) -> None:
    """capture() builds its answer from what it wrote; reading the order back gives the same."""
    service = shop.orders
    for draft in (home(shop, line("P5G169"), line("HW-M60P", 2)),
                  pickup(shop, shop.catalogue.vip_room_id, line("INS-SCREEN"))):
        saved = service.capture(draft)
        assert service.order(saved.order_no) == saved


def test_a_server_upgraded_to_0008_logs_the_history_for_new_workstations(
        tmp_path: Path) -> None:
    """On the server the derived history rows get change-log entries after the existing ones."""
    from agentdesk.store.schema.sync import change_log, sync_sequencer

    _database_at_0007(tmp_path / "server.db")
    db = Database.open(tmp_path / "server.db")
    try:
        with db.read() as conn:
            before = conn.execute(sa.select(sa.func.max(change_log.c.seq))).scalar() or 0
        migrate.upgrade_local(db, role=migrate.SERVER)
        with db.read() as conn:
            logged = conn.execute(sa.select(change_log.c.row_id, change_log.c.seq).where(
                change_log.c.table_name == "order_events")).all()
            events = set(conn.execute(sa.select(order_events.c.id)).scalars())
            last = conn.execute(sa.select(sync_sequencer.c.last_seq).where(
                sync_sequencer.c.scope == "default")).scalar_one()
        assert {row_id for row_id, _ in logged} == events and events
        assert min(seq for _, seq in logged) > before
        assert last == max(seq for _, seq in logged)
    finally:
        db.close()
