"""The demo workspace generator: counts, determinism and the integrity of what it writes."""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
import sqlalchemy as sa
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from agentdesk.domain.calls import ContactStatus, DispositionCategory
from agentdesk.domain.delivery import DeliveryCalendar, DeliveryRound, next_slots, slot_for
from agentdesk.domain.dispatch import NEXT_STATUSES, DeliveryResult, ResultReport, check_result
from agentdesk.domain.order_form import MIN_CONTRACT_AGE, PreferredTime
from agentdesk.domain.orders import OrderStatus, PaymentMethod
from agentdesk.domain.people import Role
from agentdesk.domain.resident_id import check_resident_id
from agentdesk.services.demo import DEMO_AGENT, DEMO_PASSWORD, DemoSummary, generate_demo
from agentdesk.services.demo.catalogue import create_catalogue
from agentdesk.services.demo.context import DemoContext
from agentdesk.services.demo.deliveries import DeliveryDesk, Placed
from agentdesk.services.demo.ids import IdMaker, uuid7_from
from agentdesk.services.passwords import fast_hasher
from agentdesk.store.database import Database
from agentdesk.store.migrate import upgrade_local
from agentdesk.store.schema.base import metadata

NOW = datetime(2026, 3, 18, 6, 30, tzinfo=UTC)  # a Wednesday, 14:30 in Shanghai
SHANGHAI = timedelta(hours=8)
NEW_YEAR = date(2027, 1, 1)  # the demo's delivery team does not work on 元旦


def _generate(path: Path | None, *, customers: int, seed: int = 2026) -> tuple[Database,
                                                                               DemoSummary]:
    database = Database.open(path)
    upgrade_local(database)
    with database.write() as conn:
        summary = generate_demo(conn, seed=seed, now=NOW, customers=customers)
    return database, summary


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    database, summary = _generate(tmp_path_factory.mktemp("demo") / "demo.db", customers=5000)
    yield database, summary
    database.close()


def _rows(database: Database, sql: str) -> list[Any]:
    with database.read() as conn:
        return list(conn.exec_driver_sql(sql))


def _table(database: Database, name: str) -> list[tuple[Any, ...]]:
    table = metadata.tables[name]
    with database.read() as conn:
        return [tuple(r) for r in conn.execute(sa.select(table).order_by(table.c.id))]


# ---------------------------------------------------------------------- counts and people
def test_counts_match_the_brief(demo: tuple[Database, DemoSummary]) -> None:
    database, summary = demo
    roles = Counter(r.role for r in _rows(database, "SELECT role FROM users"))
    assert roles == {Role.AGENT.value: 12, Role.SUPERVISOR.value: 2, Role.TRAINER.value: 1,
                     Role.ADMIN.value: 1}
    counts = summary.counts
    assert counts["teams"] == 3
    assert counts["customers"] == 5000
    assert counts["kb_articles"] == 300
    assert counts["scripts"] == 2
    assert counts["escalation_rules"] >= 10
    assert 8000 <= counts["calls"] <= 15000
    assert counts["dispositions"] == counts["calls"]
    for name, count in counts.items():
        assert _rows(database, f"SELECT count(*) FROM {name}")[0][0] == count, name
    assert _rows(database, "SELECT count(*) FROM outbox")[0][0] == 0


def test_every_user_signs_in_with_the_demo_password(demo: tuple[Database, DemoSummary]) -> None:
    database, summary = demo
    users = _rows(database, "SELECT username, password_hash, role, display_name FROM users")
    assert {u.username for u in users} == set(summary.usernames)
    assert {"sup01", "sup02", "trainer01", "admin", DEMO_AGENT} <= set(summary.usernames)
    assert len({u.password_hash for u in users}) == 1
    assert fast_hasher().verify(users[0].password_hash, DEMO_PASSWORD)
    assert all(u.display_name for u in users)
    leads = _rows(database, "SELECT u.username, count(*) FROM teams t "
                            "JOIN users u ON u.id = t.supervisor_id GROUP BY u.username")
    assert sorted(tuple(r) for r in leads) == [("sup01", 2), ("sup02", 1)]


def test_the_demo_agent_is_signed_out_at_now(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    last = _rows(database, "SELECT e.state, e.at FROM agent_state_events e "
                           "JOIN users u ON u.id = e.agent_id "
                           f"WHERE u.username = '{DEMO_AGENT}' ORDER BY e.at DESC LIMIT 1")
    assert last[0].state == "logged_out"


# ---------------------------------------------------------------------- integrity
def test_foreign_keys_hold(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    assert _rows(database, "PRAGMA foreign_key_check") == []


def test_every_stored_phone_is_valid_e164(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    phones = _rows(database, "SELECT customer_id, e164, tail_key, kind, is_primary "
                             "FROM customer_phones")
    assert len({p.e164 for p in phones}) == len(phones)
    primaries = Counter(p.customer_id for p in phones if p.is_primary)
    assert set(primaries.values()) == {1} and len(primaries) == 5000
    expected = {"mobile": PhoneNumberType.MOBILE, "fixed": PhoneNumberType.FIXED_LINE}
    for phone in phones:
        parsed = phonenumbers.parse(phone.e164)
        assert phonenumbers.is_valid_number(parsed), phone.e164
        assert phonenumbers.format_number(parsed, PhoneNumberFormat.E164) == phone.e164
        assert phonenumbers.number_type(parsed) == expected[phone.kind], phone.e164
        assert phone.tail_key == phone.e164[1:][::-1]
    assert Counter(p.kind for p in phones)["fixed"] > 0
    others = _rows(database, "SELECT e164 FROM contacts UNION SELECT e164 FROM calls "
                             "UNION SELECT e164 FROM dnc_entries "
                             "UNION SELECT phone_e164 FROM business_halls")
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(r.e164)) for r in others)


def test_addresses_have_one_default_and_a_postal_code(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    addresses = _rows(database, "SELECT customer_id, street, postal_code, is_default "
                                "FROM customer_addresses")
    assert Counter(a.customer_id for a in addresses if a.is_default).most_common(1)[0][1] == 1
    assert len({a.customer_id for a in addresses if a.is_default}) == 5000
    assert all(len(a.postal_code) == 6 and a.postal_code.isdigit() for a in addresses)
    assert all("号" in a.street for a in addresses)


def test_order_totals_equal_their_lines(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    with database.read() as conn:
        orders = {r.id: r for r in conn.execute(sa.select(metadata.tables["orders"]))}
        lines = list(conn.execute(sa.select(metadata.tables["order_lines"])))
    assert orders
    totals: dict[uuid.UUID, Decimal] = defaultdict(Decimal)
    for line in lines:
        assert line.line_total == line.unit_price * line.quantity - line.discount
        totals[line.order_id] += line.line_total
    for order_id, order in orders.items():
        assert order.total == totals[order_id], order.order_no
        assert re.fullmatch(r"SO\d{6}-[0-9A-HJKMNP-TV-Z]{8}", order.order_no)
        if order.delivery_method == "home_delivery":
            assert order.round_id is not None and order.round_date is not None
            assert order.payment_method == PaymentMethod.CASH_ON_DELIVERY.value
        if order.delivery_method == "hall_pickup":
            # Pick-ups travel to the hall with the round, ready from its delivery date.
            assert order.hall_id is not None and order.round_id is not None
            assert order.handover_at is not None
            assert order.delivery_date >= (order.created_at + SHANGHAI).date()
            assert order.payment_method == PaymentMethod.PAY_AT_HALL.value
    assert Counter(o.status for o in orders.values()).most_common(1)[0][0] == "delivered"


# ---------------------------------------------------------------------- orders and deliveries
@dataclass(frozen=True)
class OrderBook:
    """The demo's orders with their lines, histories (oldest first) and delivery set-up."""

    orders: dict[uuid.UUID, Any]
    lines: dict[uuid.UUID, list[Any]]
    events: dict[uuid.UUID, list[Any]]
    rounds: list[DeliveryRound]
    calendar: DeliveryCalendar


def _order_book(database: Database) -> OrderBook:
    tables = metadata.tables
    with database.read() as conn:
        orders = {r.id: r for r in conn.execute(sa.select(tables["orders"]))}
        lines: dict[uuid.UUID, list[Any]] = defaultdict(list)
        for line in conn.execute(sa.select(tables["order_lines"])):
            lines[line.order_id].append(line)
        events: dict[uuid.UUID, list[Any]] = defaultdict(list)
        table = tables["order_events"]
        for event in conn.execute(sa.select(table).order_by(table.c.at, table.c.id)):
            events[event.order_id].append(event)
        rounds = [DeliveryRound(r.id, r.name, r.name_en, r.orders_from, r.orders_until,
                                r.handover_at, r.booking_from, r.booking_until,
                                r.delivery_day_offset, r.capacity)
                  for r in conn.execute(sa.select(tables["delivery_rounds"]))]
        closures = list(conn.execute(sa.select(tables["delivery_closures"])))
    calendar = DeliveryCalendar(
        frozenset(c.weekday for c in closures if c.weekday is not None),
        frozenset(c.day for c in closures if c.day is not None))
    return OrderBook(orders, lines, events, rounds, calendar)


@pytest.fixture(scope="module")
def book(demo: tuple[Database, DemoSummary]) -> OrderBook:
    return _order_book(demo[0])


def _shanghai_day(moment: datetime) -> date:
    return moment.astimezone(timezone(SHANGHAI)).date()


def test_order_money_adds_up(book: OrderBook) -> None:
    for order_id, order in book.orders.items():
        lines = book.lines[order_id]
        assert order.gross == sum(line.unit_price * line.quantity for line in lines)
        assert order.discount == sum(line.discount for line in lines)
        assert order.total == order.gross - order.discount == sum(x.line_total for x in lines)
        assert order.approved_by is None and order.approval_note == ""
        assert order.updated_at == order.created_at
    # Offers set the unit price, as the order form prices them; they are not discounts.
    assert any(line.offer_id for lines in book.lines.values() for line in lines)
    assert not any(order.discount for order in book.orders.values())


def test_every_history_starts_with_the_capture_and_moves_forward(book: OrderBook) -> None:
    for order_id, order in book.orders.items():
        history = book.events[order_id]
        first = history[0]
        assert (first.status, first.source, first.at, first.user_id) == (
            OrderStatus.CONFIRMED.value, "capture", order.created_at, order.agent_id)
        for before, after in zip(history, history[1:], strict=False):
            assert before.at < after.at, order.order_no  # no two at once, never backwards
            assert OrderStatus(after.status) in NEXT_STATUSES[OrderStatus(before.status)]
        for event in history:
            assert event.updated_at == event.at <= NOW
            assert event.id.version == 7 and event.id.int >> 80 == int(event.at.timestamp() * 1000)
        assert history[-1].status == order.status, order.order_no


def test_every_event_follows_the_reporting_rules(book: OrderBook) -> None:
    sources: Counter[tuple[str, str]] = Counter()
    for order_id, order in book.orders.items():
        history = book.events[order_id]
        for before, event in zip(history, history[1:], strict=False):
            sources[(event.source, event.status)] += 1
            if event.source == "dispatch":
                assert order.delivery_method == "home_delivery"
                assert event.status == OrderStatus.DISPATCHED.value
            elif event.source == "cancel":
                assert event.user_id == order.agent_id and event.reason
                assert order.handover_at is None or event.at < order.handover_at
            else:
                assert event.source == "result" and event.reporter, order.order_no
                report = ResultReport(order.order_no, DeliveryResult(event.status),
                                      event.reason, event.collected, event.reschedule_date,
                                      event.reporter)
                check_result(report, status=OrderStatus(before.status), total=order.total,
                             payment=PaymentMethod(order.payment_method),
                             today=_shanghai_day(event.at))
                if event.status == OrderStatus.DELIVERED.value:
                    assert event.collected == order.total
        dispatched = [e for e in history if e.source == "dispatch"]
        if dispatched:
            assert dispatched[0].at == order.handover_at
    expected = {("dispatch", "dispatched"), ("cancel", "cancelled")} | {
        ("result", r.value) for r in DeliveryResult}
    assert set(sources) == expected


def test_home_deliveries_go_out_with_the_domain_round(book: OrderBook) -> None:
    assert book.calendar == DeliveryCalendar(holidays=frozenset({NEW_YEAR}))
    homes = [o for o in book.orders.values() if o.delivery_method == "home_delivery"]
    assert homes
    for order in homes:
        slot = slot_for(order.created_at, book.rounds, book.calendar)
        assert (order.round_id, order.round_date) == (slot.round.id, slot.handover_date)
        assert order.handover_at == slot.handover
        assert order.delivery_date == slot.delivery_date


def test_the_coming_round_has_orders_waiting(book: OrderBook) -> None:
    coming = next_slots(NOW, book.rounds, book.calendar, 1)[0]
    waiting = [o for o in book.orders.values()
               if (o.round_id, o.round_date) == (coming.round.id, coming.handover_date)]
    assert waiting and {o.status for o in waiting} <= {"confirmed", "cancelled"}
    statuses = Counter(o.status for o in book.orders.values())
    assert statuses["dispatched"] and statuses["confirmed"]


def test_real_name_holders_carry_valid_resident_ids(
        demo: tuple[Database, DemoSummary], book: OrderBook) -> None:
    database, _ = demo
    customers, products = metadata.tables["customers"], metadata.tables["products"]
    with database.read() as conn:
        people = {r.id: r for r in conn.execute(sa.select(customers))}
        needs = set(conn.execute(sa.select(products.c.id).where(
            products.c.requires_real_name)).scalars())
    numbers: dict[uuid.UUID, set[str]] = defaultdict(set)
    for order_id, order in book.orders.items():
        if not any(line.product_id in needs for line in book.lines[order_id]):
            assert (order.real_name, order.resident_id) == ("", ""), order.order_no
            continue
        person = people[order.customer_id]
        holder = check_resident_id(order.resident_id, today=_shanghai_day(NOW))
        assert holder.number == order.resident_id and order.real_name == person.name
        assert holder.age(_shanghai_day(order.created_at)) >= MIN_CONTRACT_AGE
        if person.gender != "unknown":
            assert holder.gender.value == person.gender
        numbers[order.customer_id].add(order.resident_id)
    assert numbers and all(len(held) == 1 for held in numbers.values())
    assert len({n for held in numbers.values() for n in held}) == len(numbers)


def test_orders_carry_the_order_forms_details(book: OrderBook) -> None:
    orders = list(book.orders.values())
    preferred = Counter(o.preferred_time for o in orders)
    assert set(preferred) <= {t.value for t in PreferredTime}
    assert preferred.most_common(1)[0][0] == PreferredTime.ANY.value and len(preferred) == 4
    assert 0 < sum(bool(o.notes) for o in orders) < len(orders) / 4
    options = [line.options for lines in book.lines.values() for line in lines if line.options]
    assert options and all(len(o) <= 100 and "GB " in o for o in options)


def test_the_delivery_team_rests_on_new_years_day(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "catalogue.db")
    upgrade_local(database)
    now = datetime(2027, 1, 5, 4, tzinfo=UTC)
    try:
        with database.write() as conn:
            ctx = DemoContext(conn, 2026, now)
            desk = DeliveryDesk(ctx, create_catalogue(ctx), ctx.ids("orders"))
            closures = list(conn.exec_driver_sql("SELECT day, weekday, name FROM "
                                                 "delivery_closures"))
    finally:
        database.close()
    assert [tuple(c) for c in closures] == [(NEW_YEAR.isoformat(), None, "元旦")]
    taken = datetime(2026, 12, 30, 1, tzinfo=UTC)  # 09:00 in Shanghai, every 20 minutes
    while taken < datetime(2027, 1, 2, 14, tzinfo=UTC):
        slot = desk.slot(taken)
        assert NEW_YEAR not in (slot.handover_date, slot.delivery_date)
        history = desk.history(Placed(uuid.uuid4(), taken, uuid.uuid4(), Decimal("129.00"),
                                      PreferredTime.ANY, slot))
        for event in history:
            if event["source"] in ("dispatch", "result"):
                assert _shanghai_day(event["at"]) != NEW_YEAR
            assert event["reschedule_date"] != NEW_YEAR
        taken += timedelta(minutes=20)
    assert desk.slot(datetime(2026, 12, 31, 9, tzinfo=UTC)).handover_date == date(2027, 1, 2)


def test_contacts_follow_the_dialing_rules(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    contacts = _rows(database, "SELECT e164, status, attempts, next_attempt_at FROM contacts")
    assert {c.status for c in contacts} == {s.value for s in ContactStatus}
    assert max(c.attempts for c in contacts) <= 5
    listed = _rows(database, "SELECT e164 FROM dnc_entries WHERE source != 'call'")
    assert not {r.e164 for r in listed} & {c.e164 for c in contacts}
    calls = _rows(database, "SELECT started_at FROM calls WHERE direction = 'outbound'")
    for call in calls:
        local = datetime.fromisoformat(call.started_at) + SHANGHAI
        assert 9 <= local.hour < 21
    lists = _rows(database, "SELECT c.call_list_id, avg(c.status = 'invalid') AS bad "
                            "FROM contacts c GROUP BY c.call_list_id ORDER BY bad")
    assert len(lists) == 2 and lists[1].bad > 2 * lists[0].bad


def test_dispositions_cover_every_category(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    categories = defaultdict(set)
    for row in _rows(database, "SELECT campaign_id, category, retry_minutes "
                               "FROM disposition_codes"):
        categories[row.campaign_id].add(row.category)
        if row.category == DispositionCategory.NO_CONTACT.value:
            assert row.retry_minutes
    assert len(categories) == 2
    for found in categories.values():
        assert found == {c.value for c in DispositionCategory}


def test_agents_differ_in_sales(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    sales = _rows(database, "SELECT agent_id, count(*) AS n FROM orders GROUP BY agent_id")
    counts = sorted(r.n for r in sales)
    assert len(counts) == 12 and counts[-1] >= 2 * counts[0]


def test_agent_states_match_the_calls(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    on_call = _rows(database, "SELECT agent_id, at FROM agent_state_events "
                              "WHERE state = 'on_call'")
    calls = _rows(database, "SELECT agent_id, started_at FROM calls")
    assert Counter(map(tuple, on_call)) == Counter(map(tuple, calls))
    latest = _rows(database, "SELECT max(at) FROM agent_state_events")[0][0]
    assert datetime.fromisoformat(latest).replace(tzinfo=UTC) <= NOW
    reasons = {r.reason for r in _rows(database, "SELECT DISTINCT reason FROM agent_state_events "
                                                 "WHERE state = 'not_ready'")}
    assert {"break", "lunch", "meeting", "training"} <= reasons


# ---------------------------------------------------------------------- knowledge and scripts
def test_articles_come_in_zh_en_pairs(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    articles = {r.id: r for r in _rows(
        database, "SELECT id, slug, language, translation_of, kind, category, tags, status, "
                  "body, answer FROM kb_articles")}
    chinese = [a for a in articles.values() if a.language == "zh"]
    english = [a for a in articles.values() if a.language == "en"]
    assert len(chinese) == len(english) == 150
    assert all(a.translation_of is None for a in chinese)
    assert len({a.translation_of for a in english}) == 150
    for article in english:
        original = articles[article.translation_of]
        assert original.language == "zh"
        assert (original.kind, original.category, original.status) == (
            article.kind, article.category, article.status)
        assert article.slug == f"{original.slug}.en"
    assert {a.kind for a in chinese} == {"product", "faq", "objection", "escalation", "policy"}
    statuses = Counter(a.status for a in chinese)
    assert statuses["published"] > 130 and 1 <= statuses["draft"] <= 10
    assert all(len(a.body) > (80 if a.language == "zh" else 200) and "##" in a.body
               for a in articles.values())
    answered = [a for a in articles.values() if a.answer]
    assert len(answered) >= 40 and all(a.answer in a.body for a in answered)
    assert all(a.answer for a in articles.values() if a.kind == "objection")


def test_escalation_rules_link_their_articles(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    rows = _rows(database, "SELECT r.topic, r.steps, r.steps_en, r.department_en, "
                           "r.response_minutes, a.kind, a.language, "
                           "a.slug FROM escalation_rules r "
                           "JOIN kb_articles a ON a.id = r.article_id")
    assert len(rows) >= 10
    for row in rows:
        assert (row.kind, row.language) == ("escalation", "zh")
        assert row.slug == row.topic
        assert row.response_minutes > 0 and "\n" in row.steps
        assert row.steps_en.count("\n") == row.steps.count("\n") and row.department_en


def test_script_steps_and_actions_resolve(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    scripts = _rows(database, "SELECT s.body, s.direction, s.script_version, s.published_at, "
                              "s.campaign_id FROM scripts s")
    codes = defaultdict(set)
    for row in _rows(database, "SELECT campaign_id, code FROM disposition_codes"):
        codes[row.campaign_id].add(row.code)
    topics = {r.slug for r in _rows(database, "SELECT slug FROM kb_articles")}
    assert sorted(s.direction for s in scripts) == ["inbound", "outbound"]
    for script in scripts:
        assert script.script_version == 1 and script.published_at is not None
        body = json.loads(script.body)
        steps = body["steps"]
        assert body["start"] in steps
        assert all(step in steps for step in body["objections"])
        required = [s for s in steps.values() if s["required"]]
        assert required
        for step in steps.values():
            assert step["title"] and step["title_en"] and step["text"] and step["text_en"]
            for answer in step["answers"]:
                assert answer["next"] is None or answer["next"] in steps
                action = answer["action"]
                if action and action.startswith("disposition:"):
                    assert action.split(":", 1)[1] in codes[script.campaign_id]
                elif action and action.startswith("article:"):
                    assert action.split(":", 1)[1] in topics
                else:
                    assert action in (None, "order", "callback")
    outbound = json.loads(next(s.body for s in scripts if s.direction == "outbound"))
    assert len(outbound["objections"]) >= 4
    assert "{customer.name}" in outbound["steps"][outbound["start"]]["text"]


# ---------------------------------------------------------------------- ids and determinism
def test_ids_are_uuid7() -> None:
    moment = datetime(2026, 3, 18, 6, 30, 1, 234000, tzinfo=UTC)
    value = uuid7_from(int(moment.timestamp() * 1000), (1 << 74) - 1)
    assert value.version == 7 and value.variant == uuid.RFC_4122
    assert value.int >> 80 == int(moment.timestamp() * 1000)
    first, second = IdMaker("a"), IdMaker("a")
    assert [first.at(moment) for _ in range(3)] == [second.at(moment) for _ in range(3)]
    assert IdMaker("b").at(moment) != IdMaker("a").at(moment)


def test_same_seed_gives_identical_rows_and_another_seed_does_not() -> None:
    tables = ("users", "customers", "customer_phones", "contacts", "calls", "orders",
              "order_lines", "order_events", "delivery_closures", "kb_articles",
              "agent_state_events")
    first, _ = _generate(None, customers=120)
    second, _ = _generate(None, customers=120)
    other, _ = _generate(None, customers=120, seed=7)
    try:
        for name in tables:
            rows = _table(first, name)
            assert rows == _table(second, name), name
        ids = {r[0] for r in _table(first, "customers")}
        assert all(r[0].version == 7 for r in _table(first, "calls"))
        assert not ids & {r[0] for r in _table(other, "customers")}
        assert _table(first, "customers") != _table(other, "customers")
    finally:
        for database in (first, second, other):
            database.close()


def test_naive_now_is_refused(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "naive.db")
    upgrade_local(database)
    try:
        with pytest.raises(ValueError, match="timezone-aware"), database.write() as conn:
            generate_demo(conn, now=datetime(2026, 3, 18, 14, 30), customers=10)
    finally:
        database.close()
