"""The delivery desk: round loads, dispatch sheets, hand-overs, results, follow-ups, cancels."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.calls import CallbackScope, CallbackStatus
from agentdesk.domain.delivery import slot_delivering
from agentdesk.domain.dispatch import NEXT_STATUSES, DeliveryResult, ResultReport
from agentdesk.domain.errors import KnownError, NotFoundError, ValidationError
from agentdesk.domain.ids import new_id
from agentdesk.domain.orders import OrderStatus, PaymentMethod, SavedOrder
from agentdesk.domain.people import User
from agentdesk.services.clock import FixedClock
from agentdesk.services.dialing import DialingService
from agentdesk.services.dispatch import WHOLE_ROUND, DispatchService, sheet_keys
from agentdesk.services.result_files import FileProblem, read_results
from agentdesk.store import orders as order_store
from agentdesk.store.schema.local import outbox
from agentdesk.store.schema.orders import order_events
from agentdesk.store.schema.people import teams, users
from agentdesk.store.schema.work import callbacks
from tests.helpers.factories import count
from tests.unit.test_order_capture import (
    ADDRESS,
    NOW,
    RESIDENT_ID,
    TODAY,
    Shop,
    home,
    line,
    open_shop,
    pickup,
    shanghai,
    shared_template,
)

HEADER = "order_no,result,reason,collected,reschedule_date,reported_by"


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Shop]:
    made = open_shop(shared_template(), tmp_path / "ws", FixedClock(NOW))
    yield made
    made.ws.close()


def desk(shop: Shop, user: User | None = None) -> DispatchService:
    return shop.ws.dispatch_for(user or shop.supervisor)


def evening(shop: Shop) -> uuid.UUID:
    return shop.catalogue.rounds["evening"]


def noon(shop: Shop) -> uuid.UUID:
    return shop.catalogue.rounds["noon"]


def nov(day: int) -> date:
    return date(2026, 11, day)


def status(shop: Shop, order: SavedOrder) -> OrderStatus:
    return shop.orders.order(order.order_no).status


def written(shop: Shop) -> tuple[int, int, int]:
    """What a refused result must not have changed: events, callbacks, outbox."""
    return count(shop.ws, order_events), count(shop.ws, callbacks), count(shop.ws, outbox)


def callback_row(shop: Shop, callback_id: uuid.UUID | None) -> Any:
    with shop.ws.database.read() as conn:
        return conn.execute(sa.select(callbacks).where(callbacks.c.id == callback_id)).one()


def last_event(shop: Shop, order: SavedOrder) -> Any:
    with shop.ws.database.read() as conn:
        return conn.execute(sa.select(order_events).where(order_events.c.order_id == order.id)
                            .order_by(order_events.c.at.desc(), order_events.c.id.desc())
                            ).first()


def sheet_orders(shop: Shop, round_id: uuid.UUID, day: date,
                 hall: uuid.UUID | str | None = WHOLE_ROUND) -> list[str]:
    return [li.order_no for li in desk(shop).sheet(round_id, day, hall).lines]


# ---------------------------------------------------------------------- loads
def test_loads_list_recent_and_coming_handovers_with_their_bookings(shop: Shop) -> None:
    service = shop.orders
    for _ in range(2):
        service.capture(home(shop))
    service.capture(home(shop, round_id=noon(shop), round_date=nov(24)))
    dropped = service.capture(home(shop))
    desk(shop).cancel(dropped.order_no, "重复下单")
    loads = desk(shop).loads()
    e, n = evening(shop), noon(shop)
    assert [(ld.slot.round.id, ld.slot.handover_date, ld.booked, ld.capacity)
            for ld in loads] == [
        (n, nov(20), 0, 120), (e, nov(20), 0, 120), (n, nov(21), 0, 120),
        (e, nov(21), 0, 120), (n, nov(22), 0, 120), (e, nov(22), 0, 120),
        (n, nov(23), 0, 120),  # the past: results still come in
        (e, nov(23), 2, 120), (n, nov(24), 1, 120), (e, nov(24), 0, 120),
        (n, nov(25), 0, 120), (e, nov(25), 0, 120), (n, nov(26), 0, 120)]
    assert sheet_keys(loads)[7] == (e, nov(23))
    assert [(ld.slot.round.id, ld.slot.handover_date) for ld in
            desk(shop).loads(past_days=0, ahead=2)] == [(n, nov(23)), (e, nov(23)),
                                                        (n, nov(24))]
    shop.set_round_capacity(2)
    shop.close_weekdays(5, 6)
    loads = desk(shop).loads()
    assert [(ld.slot.round.id, ld.slot.handover_date) for ld in loads[:3]] == [
        (n, nov(20)), (e, nov(20)), (n, nov(23))]  # no handover at the weekend
    full = next(ld for ld in loads if ld.slot.key == (e, nov(23)))
    assert (full.booked, full.full, full.over, full.share) == (2, True, False, 1.0)


def test_hall_loads_count_each_halls_pick_ups_of_a_day(shop: Shop) -> None:
    vip, hall = shop.catalogue.vip_room_id, shop.catalogue.hall_id
    service = shop.orders
    service.capture(pickup(shop, vip))
    service.capture(pickup(shop, vip))
    dropped = service.capture(pickup(shop, hall))
    service.capture(pickup(shop, hall))
    desk(shop).cancel(dropped.order_no, "客户改到网上营业厅办理")
    assert [(h.hall.id, h.booked, h.full) for h in desk(shop).hall_loads(nov(24))] == [
        (hall, 1, False), (vip, 2, True)]
    assert [h.booked for h in desk(shop).hall_loads(nov(25))] == [0, 0]
    assert [h.name_en for h in desk(shop).halls()] == ["Chaoyangmen hall", "Guomao VIP room"]


# ---------------------------------------------------------------------- sheets
def test_a_sheet_is_the_teams_a_halls_or_the_whole_rounds(shop: Shop) -> None:
    service = shop.orders
    door = service.capture(home(shop, line("P5G169"), line("HW-M60P", 1, options="256GB 黑"),
                                notes="请先电话联系", contact_phone="010 6500 1234"))
    hall = service.capture(pickup(shop, shop.catalogue.hall_id, line("INS-SCREEN")))
    vip = service.capture(pickup(shop, shop.catalogue.vip_room_id, line("BB-1000")))
    service.capture(home(shop, round_id=noon(shop), round_date=nov(24)))

    team = desk(shop).sheet(evening(shop), TODAY)
    (first,) = team.lines
    assert (first.order_id, first.order_no, first.customer_name, first.customer_no,
            first.contact, first.address, first.items, first.total, first.payment,
            first.preferred_time, first.id_check, first.real_name, first.notes, first.status,
            first.agent_name, first.taken_at) == (
        door.id, door.order_no, "王小明", shop.customer.customer_no, "010 6500 1234", ADDRESS,
        "5G 畅享套餐 169元 ×1；华为 Mate 60 Pro（256GB 黑） ×1", Decimal("6634.20"),
        PaymentMethod.CASH_ON_DELIVERY, "any", RESIDENT_ID[:6] + "********" + RESIDENT_ID[-4:],
        "张三", "请先电话联系", OrderStatus.CONFIRMED, "agent01 名字", NOW)
    assert (team.round_name_en, team.handover, team.booking_from, team.booking_until,
            team.delivery_date, team.hall_name, team.generated_at, team.cash_to_collect) == (
        "17:30 round (next-day delivery)", shanghai(23, 17, 30), shanghai(23, 17, 30),
        shanghai(23, 18, 0), nov(24), "", NOW, Decimal("6634.20"))

    at_hall = desk(shop).sheet(evening(shop), TODAY, shop.catalogue.hall_id)
    assert [li.order_no for li in at_hall.lines] == [hall.order_no]
    assert (at_hall.hall_name, at_hall.hall_name_en, at_hall.hall_address,
            at_hall.lines[0].address, at_hall.lines[0].payment) == (
        "朝阳门营业厅", "Chaoyangmen hall", "北京市朝阳区朝阳门外大街 8 号", "",
        PaymentMethod.PAY_AT_HALL)
    whole = desk(shop).sheet(evening(shop), TODAY, WHOLE_ROUND)
    assert [li.order_no for li in whole.lines] == [door.order_no, hall.order_no, vip.order_no]
    assert whole.cash_to_collect == Decimal("7933.20")
    assert sheet_orders(shop, evening(shop), nov(24)) == []
    with pytest.raises(NotFoundError) as caught:
        desk(shop).sheet(uuid.uuid4(), TODAY)
    assert caught.value.code == "round_not_found"
    with pytest.raises(NotFoundError) as caught:
        desk(shop).sheet(evening(shop), TODAY, uuid.uuid4())
    assert caught.value.code == "hall_not_found"
    assert desk(shop, shop.agent).sheet(evening(shop), TODAY).lines == team.lines


@pytest.mark.parametrize(("name", "key"), [
    ("17:30 批次（次日送达）", "evening"), ("17:30 ROUND (next-day delivery) ", "evening"),
    ("17:30", "evening"), ("1130", "noon"), (" 11:30 ", "noon"),
])
def test_a_round_is_found_by_either_name_or_its_handover_time(
        shop: Shop, name: str, key: str) -> None:
    assert desk(shop).round_by_name(name) == shop.catalogue.rounds[key]


def test_a_round_is_found_by_its_id_and_an_unknown_one_is_not(shop: Shop) -> None:
    assert desk(shop).round_by_name(str(noon(shop))) == noon(shop)
    for name in ("12:00", "", "x" * 10_000):
        with pytest.raises(NotFoundError) as caught:
            desk(shop).round_by_name(name)
        assert caught.value.code == "round_not_found"


# ---------------------------------------------------------------------- hand-over
def test_hand_over_dispatches_confirmed_and_rescheduled_orders_but_not_failed_ones(
        shop: Shop) -> None:
    service, office = shop.orders, desk(shop)
    moved = service.capture(home(shop))  # today's 17:30 round, moved to Thursday
    office.record_result(ResultReport(moved.order_no, DeliveryResult.RESCHEDULED, "客户出差",
                                      reschedule_date=nov(26)))
    taken = {name: service.capture(home(shop, round_id=evening(shop), round_date=nov(25)))
             for name in ("waiting", "failed", "cancelled")}
    at_hall = service.capture(pickup(shop, shop.catalogue.hall_id, round_id=evening(shop),
                                     round_date=nov(25)))
    office.record_result(ResultReport(taken["failed"].order_no, DeliveryResult.FAILED, "地址错误"))
    office.cancel(taken["cancelled"].order_no, "客户取消")
    assert sheet_orders(shop, evening(shop), nov(25)) == [
        moved.order_no, taken["waiting"].order_no, taken["failed"].order_no, at_hall.order_no]

    assert office.hand_over(evening(shop), nov(25), None) == 2  # the delivery team's sheet
    assert [status(shop, o) for o in (moved, taken["waiting"], taken["failed"],
                                      taken["cancelled"], at_hall)] == [
        OrderStatus.DISPATCHED, OrderStatus.DISPATCHED, OrderStatus.FAILED,
        OrderStatus.CANCELLED, OrderStatus.CONFIRMED]
    assert office.hand_over(evening(shop), nov(25), shop.catalogue.vip_room_id) == 0
    assert office.hand_over(evening(shop), nov(25)) == 1  # the hall's pick-up
    assert office.hand_over(evening(shop), nov(25)) == 0  # nothing goes out twice
    event = last_event(shop, at_hall)
    assert (event.status, event.source, event.user_id, event.callback_id) == (
        "dispatched", "dispatch", shop.supervisor.id, None)
    with pytest.raises(KnownError) as caught:
        desk(shop, shop.agent).hand_over(evening(shop), TODAY)
    assert caught.value.code == "not_allowed"


# ---------------------------------------------------------------------- results
@pytest.mark.parametrize(("values", "problems"), [
    ({"result": DeliveryResult.DELIVERED, "collected": Decimal("6498.99")},
     {"collected": "mismatch"}),
    ({"result": DeliveryResult.DELIVERED, "collected": Decimal("6499.01")},
     {"collected": "mismatch"}),
    ({"result": DeliveryResult.DELIVERED, "collected": Decimal("-6499.00")},
     {"collected": "invalid"}),
    ({"result": DeliveryResult.DELIVERED, "collected": Decimal("6499.001")},
     {"collected": "invalid"}),
    ({"result": DeliveryResult.DELIVERED, "collected": Decimal("NaN")}, {"collected": "invalid"}),
    ({"result": DeliveryResult.DELIVERED, "collected": 6499.0}, {"collected": "invalid"}),
    ({"result": DeliveryResult.DELIVERED, "reporter": "刘" * 101}, {"reporter": "too_long"}),
    ({"result": DeliveryResult.FAILED}, {"reason": "required"}),
    ({"result": DeliveryResult.FAILED, "reason": " \t "}, {"reason": "required"}),
    ({"result": DeliveryResult.FAILED, "reason": "长" * 501}, {"reason": "too_long"}),
    ({"result": DeliveryResult.FAILED, "reason": "无人", "collected": Decimal("0.00")},
     {"collected": "not_expected"}),
    ({"result": DeliveryResult.FAILED, "reason": "无人", "reschedule_date": date(2026, 11, 25)},
     {"reschedule_date": "not_expected"}),
    ({"result": DeliveryResult.REFUSED}, {"reason": "required"}),
    ({"result": DeliveryResult.RESCHEDULED}, {"reason": "required",
                                              "reschedule_date": "required"}),
    ({"result": DeliveryResult.RESCHEDULED, "reason": "出差", "reschedule_date": TODAY},
     {"reschedule_date": "past"}),
    ({"result": DeliveryResult.RESCHEDULED, "reason": "出差", "reschedule_date": nov(1)},
     {"reschedule_date": "past"}),
    ({"result": DeliveryResult.RESCHEDULED, "reason": "出差",
      "reschedule_date": TODAY + timedelta(days=31)}, {"reschedule_date": "too_far"}),
])
def test_results_that_break_the_rules_are_refused_and_nothing_is_written(
        shop: Shop, values: dict[str, Any], problems: dict[str, str]) -> None:
    order = shop.orders.capture(home(shop))
    before = written(shop)
    with pytest.raises(ValidationError) as caught:
        desk(shop).record_result(ResultReport(order.order_no, **values))
    assert caught.value.problems == problems
    assert written(shop) == before
    assert status(shop, order) is OrderStatus.CONFIRMED


@pytest.mark.parametrize(("values", "stored"), [
    ({"result": DeliveryResult.DELIVERED}, ("delivered", Decimal("6499.00"), None, "")),
    ({"result": DeliveryResult.DELIVERED, "collected": Decimal("6499"),
      "reporter": "  刘师傅  "}, ("delivered", Decimal("6499.00"), None, "刘师傅")),
    ({"result": DeliveryResult.REFUSED, "reason": " 客户嫌贵 "},
     ("refused", None, None, "")),
    ({"result": DeliveryResult.RESCHEDULED, "reason": "出差",
      "reschedule_date": TODAY + timedelta(days=30)},
     ("rescheduled", None, TODAY + timedelta(days=30), "")),
])
def test_a_result_is_appended_to_the_orders_history(
        shop: Shop, values: dict[str, Any], stored: tuple[Any, ...]) -> None:
    order = shop.orders.capture(home(shop))
    recorded = desk(shop).record_result(ResultReport(f"  {order.order_no} ", **values))
    assert (recorded.order_id, recorded.order_no, recorded.status.value) == (
        order.id, order.order_no, stored[0])
    event = last_event(shop, order)
    assert (event.status, event.collected, event.reschedule_date, event.reporter,
            event.source, event.user_id, event.at) == (*stored, "result", shop.supervisor.id,
                                                       NOW)
    assert event.reason == values.get("reason", "").strip()
    history = shop.orders.order(order.order_no)
    assert [e.status.value for e in history.events] == ["confirmed", stored[0]]
    assert history.status.value == stored[0]


def test_closed_orders_take_no_more_results(shop: Shop) -> None:
    service, office = shop.orders, desk(shop)
    delivered, refused, cancelled, failed = (service.capture(home(shop)) for _ in range(4))
    office.record_result(ResultReport(delivered.order_no, DeliveryResult.DELIVERED))
    office.record_result(ResultReport(refused.order_no, DeliveryResult.REFUSED, "不要了"))
    office.cancel(cancelled.order_no, "客户取消")
    office.record_result(ResultReport(failed.order_no, DeliveryResult.FAILED, "无人"))
    before = written(shop)
    for order in (delivered, refused, cancelled):
        for result in DeliveryResult:
            with pytest.raises(ValidationError) as caught:
                office.record_result(ResultReport(order.order_no, result, "再试一次",
                                                  reschedule_date=nov(26) if result
                                                  is DeliveryResult.RESCHEDULED else None))
            assert caught.value.problems == {"status": "closed"}
    with pytest.raises(ValidationError) as caught:  # a failed delivery is not failed twice
        office.record_result(ResultReport(failed.order_no, DeliveryResult.FAILED, "又无人"))
    assert caught.value.problems == {"status": "not_allowed"}
    assert written(shop) == before
    office.record_result(ResultReport(failed.order_no, DeliveryResult.DELIVERED))  # second try
    assert status(shop, failed) is OrderStatus.DELIVERED
    with pytest.raises(NotFoundError) as missing:
        office.record_result(ResultReport("SO261123-ZZZZZZZZ", DeliveryResult.DELIVERED))
    assert missing.value.code == "order_not_found"
    with pytest.raises(KnownError) as caught_agent:
        desk(shop, shop.agent).record_result(ResultReport(failed.order_no,
                                                          DeliveryResult.DELIVERED))
    assert caught_agent.value.code == "not_allowed"
    assert (desk(shop).can_manage, desk(shop, shop.agent).can_manage) == (True, False)


# ---------------------------------------------------------------------- follow-up callbacks
@pytest.mark.parametrize(("reported", "due"), [
    (shanghai(23, 14, 30), shanghai(23, 15, 0)),
    (shanghai(23, 20, 29), shanghai(23, 20, 59)),
    (shanghai(23, 20, 31), shanghai(24, 9, 0)),  # calling hours are over: tomorrow morning
    (shanghai(24, 2, 0), shanghai(24, 9, 0)),
    (shanghai(24, 8, 30), shanghai(24, 9, 0)),
])
def test_a_failed_delivery_books_the_agents_callback_within_calling_hours(
        shop: Shop, reported: datetime, due: datetime) -> None:
    order = shop.orders.capture(home(shop))
    shop.move_to(reported)
    recorded = desk(shop).record_result(ResultReport(order.order_no, DeliveryResult.FAILED,
                                                     " 客户不在家 ", reporter="刘师傅"))
    assert recorded.callback_id is not None
    booked = callback_row(shop, recorded.callback_id)
    assert (booked.agent_id, booked.team_id, booked.scope, booked.status, booked.customer_id,
            booked.contact_id, booked.due_at) == (
        shop.agent.id, None, CallbackScope.PERSONAL.value, CallbackStatus.PENDING.value,
        shop.customer.id, None, due)
    assert booked.notes == f"订单 {order.order_no} 配送失败，请联系客户重新安排：客户不在家"
    assert last_event(shop, order).callback_id == recorded.callback_id
    dialing = DialingService(shop.ws.database, shop.clock, shop.agent, None)
    (waiting,) = dialing.upcoming_callbacks()
    assert (waiting.id, waiting.notes) == (recorded.callback_id, booked.notes)
    assert DialingService(shop.ws.database, shop.clock, shop.other_agent,
                          None).upcoming_callbacks() == []


def test_a_rescheduled_delivery_books_a_callback_and_other_results_none(shop: Shop) -> None:
    service, office = shop.orders, desk(shop)
    moved, delivered, refused = (service.capture(home(shop)) for _ in range(3))
    recorded = office.record_result(ResultReport(moved.order_no, DeliveryResult.RESCHEDULED,
                                                 "客户出差", reschedule_date=nov(26)))
    assert callback_row(shop, recorded.callback_id).notes == (
        f"订单 {moved.order_no} 客户改期至 2026-11-26，请确认新的送货时间和地址：客户出差")
    before = count(shop.ws, callbacks)
    for order, result in ((delivered, DeliveryResult.DELIVERED),
                          (refused, DeliveryResult.REFUSED)):
        assert office.record_result(ResultReport(order.order_no, result, "拒收")
                                    ).callback_id is None
        assert last_event(shop, order).callback_id is None
    assert count(shop.ws, callbacks) == before


def _leave(shop: Shop) -> uuid.UUID:
    """Put both agents in one team and switch the first one off; return the team."""
    team = new_id()
    with shop.ws.database.write() as conn:
        conn.execute(teams.insert(), {"id": team, "site": "default", "version": 1,
                                      "updated_at": NOW, "deleted_at": None, "name": "一组",
                                      "supervisor_id": shop.supervisor.id})
        conn.execute(users.update().where(users.c.id.in_([shop.agent.id, shop.other_agent.id]))
                     .values(team_id=team))
        conn.execute(users.update().where(users.c.id == shop.agent.id).values(active=False))
    return team


def test_an_inactive_agents_follow_up_goes_to_the_team(shop: Shop) -> None:
    order = shop.orders.capture(home(shop))
    _leave(shop)
    recorded = desk(shop).record_result(ResultReport(order.order_no, DeliveryResult.FAILED,
                                                     "无人"))
    booked = callback_row(shop, recorded.callback_id)
    assert (booked.scope, booked.agent_id) == (CallbackScope.TEAM.value, None)


def test_an_inactive_agents_follow_up_reaches_a_teammate(shop: Shop) -> None:
    order = shop.orders.capture(home(shop))
    team = _leave(shop)
    recorded = desk(shop).record_result(ResultReport(order.order_no, DeliveryResult.FAILED,
                                                     "无人"))
    teammate = replace(shop.other_agent, team_id=team)
    waiting = DialingService(shop.ws.database, shop.clock, teammate, None).upcoming_callbacks()
    assert [w.id for w in waiting] == [recorded.callback_id]


# ---------------------------------------------------------------------- rescheduled orders
def test_a_rescheduled_order_goes_out_with_the_first_round_delivering_its_new_day(
        shop: Shop) -> None:
    order = shop.orders.capture(home(shop))
    desk(shop).record_result(ResultReport(order.order_no, DeliveryResult.RESCHEDULED, "出差",
                                          reschedule_date=nov(26)))
    # Thursday is delivered first by Wednesday's 17:30 round (Thursday's 11:30 comes later).
    assert sheet_orders(shop, evening(shop), nov(25)) == [order.order_no]
    assert sheet_orders(shop, evening(shop), TODAY) == []
    assert sheet_orders(shop, noon(shop), nov(26)) == []
    desk(shop).record_result(ResultReport(order.order_no, DeliveryResult.RESCHEDULED, "又出差",
                                          reschedule_date=nov(28)))
    assert sheet_orders(shop, evening(shop), nov(25)) == []
    assert sheet_orders(shop, evening(shop), nov(27)) == [order.order_no]


def test_a_rescheduled_order_stays_on_its_new_sheet_once_handed_over(shop: Shop) -> None:
    order = shop.orders.capture(home(shop))
    office = desk(shop)
    office.record_result(ResultReport(order.order_no, DeliveryResult.RESCHEDULED, "出差",
                                      reschedule_date=nov(26)))
    assert office.hand_over(evening(shop), nov(25)) == 1
    assert sheet_orders(shop, evening(shop), TODAY) == []
    assert sheet_orders(shop, evening(shop), nov(25)) == [order.order_no]


def test_a_rescheduled_order_takes_a_place_in_the_slot_that_carries_it(shop: Shop) -> None:
    order = shop.orders.capture(home(shop))
    desk(shop).record_result(ResultReport(order.order_no, DeliveryResult.RESCHEDULED, "出差",
                                          reschedule_date=nov(26)))
    booked = {ld.slot.key: ld.booked for ld in desk(shop).loads()}
    assert len(desk(shop).sheet(evening(shop), nov(25)).lines) == 1
    assert (booked[(evening(shop), TODAY)], booked[(evening(shop), nov(25))]) == (0, 1)


# ---------------------------------------------------------------------- cancelling
def test_the_agent_who_took_an_order_or_the_desk_may_cancel_it_before_it_goes_out(
        shop: Shop) -> None:
    service = shop.orders
    mine, theirs, gone, done, failed = (service.capture(home(shop)) for _ in range(5))
    shop.ws.dispatch_for(shop.agent).cancel(f" {mine.order_no} ", "  客户改主意了  ")
    event = last_event(shop, mine)
    assert (event.status, event.source, event.reason, event.user_id) == (
        "cancelled", "cancel", "客户改主意了", shop.agent.id)

    with pytest.raises(KnownError) as caught:
        shop.ws.dispatch_for(shop.other_agent).cancel(theirs.order_no, "帮同事取消")
    assert caught.value.code == "not_allowed"
    with pytest.raises(ValidationError) as invalid:
        shop.ws.dispatch_for(shop.agent).cancel(theirs.order_no, " \n ")
    assert invalid.value.problems == {"reason": "required"}
    assert status(shop, theirs) is OrderStatus.CONFIRMED
    desk(shop).cancel(theirs.order_no, "主管取消")  # the desk may cancel anyone's order

    desk(shop).hand_over(evening(shop), TODAY, None)
    desk(shop).record_result(ResultReport(done.order_no, DeliveryResult.DELIVERED))
    desk(shop).record_result(ResultReport(failed.order_no, DeliveryResult.FAILED, "无人"))
    with pytest.raises(ValidationError) as invalid:
        shop.ws.dispatch_for(shop.agent).cancel(gone.order_no, "太晚了")
    assert invalid.value.problems == {"status": "not_allowed"}
    for closed in (done, mine):
        with pytest.raises(ValidationError) as invalid:
            desk(shop).cancel(closed.order_no, "再取消")
        assert invalid.value.problems == {"status": "closed"}
    shop.ws.dispatch_for(shop.agent).cancel(failed.order_no, "客户不要了")
    assert [status(shop, o) for o in (mine, theirs, gone, done, failed)] == [
        OrderStatus.CANCELLED, OrderStatus.CANCELLED, OrderStatus.DISPATCHED,
        OrderStatus.DELIVERED, OrderStatus.CANCELLED]
    with pytest.raises(NotFoundError) as missing:
        desk(shop).cancel("SO261123-ZZZZZZZZ", "没有")
    assert missing.value.code == "order_not_found"


# ---------------------------------------------------------------------- results files
def test_a_results_file_keeps_its_good_rows_and_reports_the_others_by_line(
        shop: Shop) -> None:
    taken = [shop.orders.capture(home(shop)) for _ in range(5)]
    a, b, c, d, e = (o.order_no for o in taken)
    data = "\r\n".join([
        HEADER,
        f"{a},已签收,,\"6,499.00\",,刘师傅",
        "SO261123-ZZZZZZZZ,delivered,,,,刘师傅",
        f"{b},failed,,,,刘师傅",
        f"{c},delivered,,1.00,,刘师傅",
        f"{d},改期,客户出差,,2026-11-26,刘师傅",
        f"{e},丢件,,,,刘师傅",
        "",
    ]).encode("utf-8")
    results = read_results(data)
    before = written(shop)
    trial = desk(shop).import_results(results, dry_run=True)
    assert written(shop) == before  # a dry run stores nothing
    assert [status(shop, o) for o in taken] == [OrderStatus.CONFIRMED] * 5

    outcome = desk(shop).import_results(results)
    for seen in (trial, outcome):
        assert [(r.order_no, r.status) for r in seen.recorded] == [
            (a, OrderStatus.DELIVERED), (d, OrderStatus.RESCHEDULED)]
        assert [(p.line, p.code) for p in seen.problems] == [
            (3, "order_not_found"), (4, "reason_required"), (5, "collected_mismatch"),
            (7, "result_unknown")]
        assert seen.rows == 6
    assert (trial.dry_run, outcome.dry_run) == (True, False)
    assert outcome.problems[0] == FileProblem(3, "order_not_found", "SO261123-ZZZZZZZZ")
    assert [status(shop, o) for o in taken] == [
        OrderStatus.DELIVERED, OrderStatus.CONFIRMED, OrderStatus.CONFIRMED,
        OrderStatus.RESCHEDULED, OrderStatus.CONFIRMED]
    event = last_event(shop, taken[0])
    assert (event.source, event.reporter, event.collected) == (
        "import", "刘师傅", Decimal("6499.00"))
    assert outcome.recorded[1].callback_id is not None
    assert written(shop) == (before[0] + 2, before[1] + 1, before[2] + 3)
    with pytest.raises(KnownError) as caught:
        desk(shop, shop.agent).import_results(results)
    assert caught.value.code == "not_allowed"


# ---------------------------------------------------------------------- property
ACTIONS = st.lists(st.sampled_from(["delivered", "failed", "refused", "rescheduled", "cancel",
                                    "hand_over"]), min_size=1, max_size=5)


def _hand_over(shop: Shop, order: SavedOrder) -> None:
    """Hand over the sheet that carries ``order`` now, if one does."""
    office = desk(shop)
    with shop.ws.database.read() as conn:
        rounds, calendar = order_store.delivery_setup(conn)
        moved = conn.execute(sa.select(order_events.c.reschedule_date, order_events.c.at).where(
            order_events.c.order_id == order.id, order_events.c.reschedule_date.is_not(None))
            .order_by(order_events.c.at.desc(), order_events.c.id.desc())).first()
    candidates = [(order.round_id, order.round_date)]
    if moved is not None:
        slot = slot_delivering(moved.reschedule_date, moved.at, rounds, calendar)
        assert slot is not None and slot.round.id is not None
        candidates.insert(0, (slot.round.id, slot.handover_date))
    for round_id, day in candidates:
        assert round_id is not None and day is not None
        if order.order_no in sheet_orders(shop, round_id, day):
            office.hand_over(round_id, day)
            return


def _attempt(order: SavedOrder, action: str, new_day: date, office: DispatchService
             ) -> dict[str, str] | None:
    """Cancel or record a result; return the problems it was refused with, None if stored."""
    try:
        if action == "cancel":
            office.cancel(order.order_no, "客户取消")
        else:
            office.record_result(ResultReport(
                order.order_no, DeliveryResult(action), "原因",
                reschedule_date=new_day if action == "rescheduled" else None))
    except ValidationError as error:
        return error.problems
    return None


def test_random_results_only_ever_move_an_order_to_a_next_status(tmp_path: Path) -> None:
    shop = open_shop(shared_template(), tmp_path / "ws", FixedClock(NOW))
    shop.set_round_capacity(10_000)
    office = desk(shop)

    @settings(max_examples=20, deadline=None, derandomize=True)
    @given(ACTIONS, st.integers(1, 30))
    def play(actions: list[str], days: int) -> None:
        order = shop.orders.capture(home(shop))
        now = OrderStatus.CONFIRMED
        for action in actions:
            if action == "hand_over":
                target = OrderStatus.DISPATCHED
                _hand_over(shop, order)
                if now in (OrderStatus.CONFIRMED, OrderStatus.RESCHEDULED):
                    now = target
            else:
                target = (OrderStatus.CANCELLED if action == "cancel"
                          else DeliveryResult(action).status)
                problems = _attempt(order, action, TODAY + timedelta(days=days), office)
                if target in NEXT_STATUSES[now]:
                    assert problems is None
                    now = target
                else:
                    assert problems == {
                        "status": "not_allowed" if NEXT_STATUSES[now] else "closed"}
            assert shop.orders.order(order.order_no).status is now
        history = [e.status for e in shop.orders.order(order.order_no).events]
        assert history[0] is OrderStatus.CONFIRMED
        assert all(b in NEXT_STATUSES[a] for a, b in zip(history, history[1:], strict=False))
        assert history[-1] is now

    try:
        play()
    finally:
        shop.ws.close()
