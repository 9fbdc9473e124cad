from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.domain.errors import KnownError
from agentdesk.domain.ids import new_id
from agentdesk.domain.people import Role, User
from agentdesk.services import my_day
from agentdesk.services.clock import FixedClock
from agentdesk.services.my_day import MyDay, MyDayService, day_bounds, weekdays_between
from agentdesk.services.workspace import Workspace
from agentdesk.store.schema.catalogue import campaigns, disposition_codes, targets
from agentdesk.store.schema.people import teams, users
from agentdesk.store.schema.work import calls, dispositions
from agentdesk.store.users import SqlUserRepository

SHANGHAI = ZoneInfo("Asia/Shanghai")
MIDNIGHT = datetime(2026, 11, 23, tzinfo=SHANGHAI)  # a Monday; the conftest clock's day
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))  # 21 weekdays


def has_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except ZoneInfoNotFoundError:
        return False
    return True


needs_tz_database = pytest.mark.skipif(
    not (has_zone("Europe/Berlin") and has_zone("America/New_York")),
    reason="no time-zone database on this system")


def synced(now: datetime) -> dict[str, Any]:
    return {"id": new_id(), "site": "default", "version": 1, "updated_at": now,
            "deleted_at": None}


@dataclass
class Center:
    """A small call center on a workstation database: one campaign, its codes, some teams."""

    ws: Workspace
    clock: FixedClock
    campaign_id: uuid.UUID = field(init=False)
    codes: dict[str, uuid.UUID] = field(init=False)

    def __post_init__(self) -> None:
        now = self.clock.now()
        campaign = {**synced(now), "code": "5G", "name": "5G 套餐升级", "name_en": "5G upgrade",
                    "direction": "outbound", "status": "running", "wrapup_seconds": 30,
                    "max_attempts": 5}
        codes = {code: {**synced(now), "campaign_id": campaign["id"], "code": code.upper(),
                        "label": code, "label_en": code, "category": category}
                 for code, category in (("sale", "sale"), ("contact", "contact"),
                                        ("busy", "no_contact"), ("later", "callback"))}
        with self.ws.database.write() as conn:
            conn.execute(campaigns.insert(), campaign)
            conn.execute(disposition_codes.insert(), list(codes.values()))
        self.campaign_id = campaign["id"]
        self.codes = {code: row["id"] for code, row in codes.items()}

    def team(self, name: str = "一组") -> uuid.UUID:
        row = {**synced(self.clock.now()), "name": name, "supervisor_id": None}
        with self.ws.database.write() as conn:
            conn.execute(teams.insert(), row)
        return uuid.UUID(str(row["id"]))

    def agent(self, username: str, team_id: uuid.UUID | None = None,
              role: Role = Role.AGENT) -> User:
        return SqlUserRepository(self.ws.database, self.clock).add(
            username, username, role, "$argon2id$unused", team_id)

    def call(self, agent: User, started_at: datetime, *, talk: int | None = 120,
             code: str | None = "contact", direction: str = "outbound",
             corrections: tuple[str, ...] = ()) -> uuid.UUID:
        """Add a call; ``talk`` None means nobody answered. Returns the call id."""
        now = self.clock.now()
        started = started_at.astimezone(UTC)
        answered = None if talk is None else started + timedelta(seconds=20)
        ended = (answered or started + timedelta(seconds=30)) + timedelta(seconds=talk or 0)
        row = {**synced(now), "campaign_id": self.campaign_id, "agent_id": agent.id,
               "direction": direction, "e164": "+8613800138000", "started_at": started,
               "answered_at": answered, "ended_at": ended, "end_reason": "hangup",
               "talk_seconds": talk or 0}
        with self.ws.database.write() as conn:
            conn.execute(calls.insert(), row)
            for n, chosen in enumerate((code, *corrections) if code else ()):
                conn.execute(dispositions.insert(), {
                    **synced(now), "call_id": row["id"], "disposition_code_id": self.codes[chosen],
                    "agent_id": agent.id, "notes": "", "at": ended + timedelta(minutes=n)})
        return uuid.UUID(str(row["id"]))

    def sales(self, agent: User, count: int, contacts: int, talk_each: int = 100,
              at: datetime = MIDNIGHT + timedelta(hours=9)) -> None:
        """Give ``agent`` ``contacts`` answered calls of which ``count`` were sales."""
        for n in range(contacts):
            self.call(agent, at + timedelta(minutes=n), talk=talk_each,
                      code="sale" if n < count else "contact")

    def target(self, metric: str, value: int, *, agent: User | None = None,
               team_id: uuid.UUID | None = None, period: tuple[date, date] = NOVEMBER,
               deleted: bool = False) -> None:
        row = {**synced(self.clock.now()), "campaign_id": self.campaign_id,
               "team_id": team_id, "agent_id": None if agent is None else agent.id,
               "metric": metric, "period_start": period[0], "period_end": period[1],
               "value": value}
        if deleted:
            row["deleted_at"] = self.clock.now()
        with self.ws.database.write() as conn:
            conn.execute(targets.insert(), row)

    def today(self, agent: User, zone: str = "Asia/Shanghai") -> MyDay:
        return MyDayService(self.ws.database, self.clock, agent, zone).today()


@pytest.fixture
def center(workspace: Workspace, clock: FixedClock) -> Center:
    return Center(workspace, clock)


def test_the_day_counts_both_directions_contacts_talk_and_sales(center: Center) -> None:
    team = center.team()
    agent, colleague = center.agent("agent01", team), center.agent("agent02", team)
    nine = MIDNIGHT + timedelta(hours=9)
    center.call(agent, nine, talk=300, code="sale")
    center.call(agent, nine + timedelta(minutes=10), talk=None, code="busy")
    center.call(agent, nine + timedelta(minutes=20), talk=60, code="contact",
                direction="inbound")
    center.call(agent, nine + timedelta(minutes=30), talk=45, code="later")
    center.call(agent, nine + timedelta(minutes=40), talk=200, code="sale", direction="inbound")
    center.call(agent, nine + timedelta(minutes=50), talk=None, code=None)  # not disposed yet
    center.call(colleague, nine, talk=999, code="sale")
    center.call(agent, MIDNIGHT - timedelta(hours=3), talk=500, code="sale")  # yesterday

    day = center.today(agent)
    assert (day.calls, day.contacts, day.talk_seconds, day.sales) == (6, 4, 605, 2)
    assert day.conversion == pytest.approx(0.5)
    assert (day.rank, day.team_size) == (1, 2)
    assert (day.sales_target_today, day.calls_target_today) == (None, None)


def test_an_empty_day_has_no_conversion(center: Center) -> None:
    agent = center.agent("agent01")
    center.call(agent, MIDNIGHT + timedelta(hours=9), talk=None, code="busy")
    day = center.today(agent)
    assert day == MyDay(calls=1, contacts=0, talk_seconds=0, sales=0, conversion=None,
                        sales_target_today=None, calls_target_today=None, rank=None,
                        team_size=0)


def test_the_day_runs_from_local_midnight_to_the_last_second(
    center: Center, clock: FixedClock
) -> None:
    clock.at = (MIDNIGHT + timedelta(hours=23, minutes=59, seconds=59, microseconds=500_000)
                ).astimezone(UTC)
    agent = center.agent("agent01")
    center.call(agent, MIDNIGHT, talk=10)  # 00:00:00 today
    center.call(agent, MIDNIGHT + timedelta(hours=23, minutes=59, seconds=59), talk=20)
    center.call(agent, MIDNIGHT - timedelta(microseconds=1), talk=400)  # just before: yesterday
    center.call(agent, MIDNIGHT - timedelta(seconds=1), talk=800)
    center.call(agent, MIDNIGHT + timedelta(days=1), talk=1600)  # tomorrow
    day = center.today(agent)
    assert (day.calls, day.talk_seconds) == (2, 30)


def test_deleted_calls_do_not_count(center: Center) -> None:
    agent = center.agent("agent01")
    call_id = center.call(agent, MIDNIGHT + timedelta(hours=9), code="sale")
    center.call(agent, MIDNIGHT + timedelta(hours=10), code="sale")
    with center.ws.database.write() as conn:
        conn.execute(calls.update().where(calls.c.id == call_id)
                     .values(deleted_at=center.clock.now()))
    assert (center.today(agent).calls, center.today(agent).sales) == (1, 1)


def test_a_corrected_disposition_decides_whether_the_call_was_a_sale(center: Center) -> None:
    agent = center.agent("agent01")
    nine = MIDNIGHT + timedelta(hours=9)
    center.call(agent, nine, code="contact", corrections=("sale",))
    center.call(agent, nine + timedelta(hours=1), code="sale", corrections=("contact",))
    center.call(agent, nine + timedelta(hours=2), code="sale", corrections=("later", "sale"))
    day = center.today(agent)
    assert (day.calls, day.sales) == (3, 2)


def test_of_two_dispositions_at_one_instant_the_later_made_counts(center: Center) -> None:
    agent = center.agent("agent01")
    nine = MIDNIGHT + timedelta(hours=9)
    first, second = center.call(agent, nine, code=None), center.call(agent, nine, code=None)
    at = nine.astimezone(UTC) + timedelta(minutes=5)
    earlier, later = uuid.UUID(int=7 << 76), uuid.UUID(int=(7 << 76) + 1)  # ids order them
    rows = [(first, earlier, "contact"), (first, later, "sale"),
            (second, earlier, "sale"), (second, later, "contact")]
    with center.ws.database.write() as conn:
        conn.execute(dispositions.insert(), [
            {**synced(at), "id": uuid.UUID(int=row_id.int + n * 2**64), "call_id": call_id,
             "disposition_code_id": center.codes[code], "agent_id": agent.id, "notes": "",
             "at": at}
            for n, (call_id, row_id, code) in enumerate(rows)])
    assert center.today(agent).sales == 1
    with center.ws.database.write() as conn:  # a tombstoned correction no longer counts
        conn.execute(dispositions.update().where(
            dispositions.c.call_id == second, dispositions.c.disposition_code_id
            == center.codes["contact"]).values(deleted_at=at))
    assert center.today(agent).sales == 2


@needs_tz_database
def test_today_follows_the_zone_given(center: Center, clock: FixedClock) -> None:
    agent = center.agent("agent01")
    # 2026-11-23 01:00 UTC: 09:00 on the 23rd in Shanghai, 20:00 on the 22nd in New York.
    center.call(agent, datetime(2026, 11, 23, 1, 0, tzinfo=UTC), talk=100)
    # 2026-11-23 14:00 UTC: 22:00 on the 23rd in Shanghai, 09:00 on the 23rd in New York.
    center.call(agent, datetime(2026, 11, 23, 14, 0, tzinfo=UTC), talk=200)
    clock.at = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)  # the 23rd in both zones
    assert center.today(agent).talk_seconds == 300
    assert center.today(agent, "America/New_York").talk_seconds == 200


@needs_tz_database
def test_a_day_with_a_daylight_saving_change_has_25_hours(
    center: Center, clock: FixedClock
) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    clock.at = datetime(2026, 10, 25, 12, 0, tzinfo=berlin)  # clocks went back at 03:00
    day, start, end = day_bounds(clock.now(), berlin)
    assert day == date(2026, 10, 25)
    assert end - start == timedelta(hours=25)
    agent = center.agent("agent01")
    center.call(agent, datetime(2026, 10, 25, 0, 0, tzinfo=berlin), talk=1)  # 22:00 UTC
    center.call(agent, datetime(2026, 10, 25, 23, 59, 59, tzinfo=berlin), talk=2)
    center.call(agent, datetime(2026, 10, 24, 23, 59, 59, tzinfo=berlin), talk=4)
    center.call(agent, datetime(2026, 10, 26, 0, 0, tzinfo=berlin), talk=8)
    assert center.today(agent, "Europe/Berlin").talk_seconds == 3
    # Seen from Shanghai (UTC+8 all year) the 25th holds the calls of 06:00 and 05:59:59.
    assert center.today(agent).talk_seconds == 1 + 4


def test_china_time_works_without_a_time_zone_database(
    center: Center, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(key: str) -> ZoneInfo:
        raise ZoneInfoNotFoundError(key)

    monkeypatch.setattr(my_day, "ZoneInfo", missing)
    agent = center.agent("agent01")
    center.call(agent, MIDNIGHT, talk=10)
    center.call(agent, MIDNIGHT - timedelta(seconds=1), talk=20)
    assert center.today(agent).talk_seconds == 10
    with pytest.raises(KnownError) as raised:
        MyDayService(center.ws.database, center.clock, agent, "Europe/Berlin")
    assert raised.value.code == "unknown_time_zone"


def test_an_unknown_zone_is_a_known_error(center: Center) -> None:
    agent = center.agent("agent01")
    with pytest.raises(KnownError):
        MyDayService(center.ws.database, center.clock, agent, "Mars/Olympus_Mons")


def test_todays_targets_divide_the_month_over_its_weekdays(center: Center) -> None:
    team = center.team()
    agent, colleague = center.agent("agent01", team), center.agent("agent02", team)
    center.target("sales", 200, agent=agent)  # 200 / 21 = 9.52
    center.target("calls", 1785, agent=agent)  # 1785 / 21 = 85 exactly
    center.target("revenue_fen", 16_000_000, agent=agent)
    center.target("sales", 500, team_id=team)  # the team's target is not the agent's
    center.target("sales", 999, agent=colleague)
    center.target("sales", 150, agent=agent, period=(date(2026, 10, 1), date(2026, 10, 31)))
    center.target("calls", 3000, agent=agent, deleted=True)
    day = center.today(agent)
    assert (day.sales_target_today, day.calls_target_today) == (10, 85)
    assert center.today(colleague).sales_target_today == 48  # 999 / 21 = 47.57
    assert center.today(colleague).calls_target_today is None


def test_targets_of_two_campaigns_add_up(center: Center) -> None:
    agent = center.agent("agent01")
    center.target("sales", 42, agent=agent)  # 2 a day
    center.target("sales", 10, agent=agent, period=(date(2026, 11, 23), date(2026, 11, 29)))
    assert center.today(agent).sales_target_today == 2 + 2  # 10 over 5 weekdays


def test_a_period_of_weekend_days_divides_over_its_days(
    center: Center, clock: FixedClock
) -> None:
    clock.at = datetime(2026, 11, 28, 10, 0, tzinfo=SHANGHAI)  # a Saturday
    agent = center.agent("agent01")
    center.target("calls", 300, agent=agent, period=(date(2026, 11, 28), date(2026, 11, 29)))
    center.target("sales", 200, agent=agent)
    day = center.today(agent)
    assert (day.calls_target_today, day.sales_target_today) == (150, 10)


def test_rank_orders_by_sales_then_conversion_then_talk_time(center: Center) -> None:
    team, other_team = center.team("一组"), center.team("二组")
    a, b, c, d = (center.agent(name, team) for name in ("a", "b", "c", "d"))
    center.sales(a, 3, contacts=10, talk_each=100)  # 3 sales, 30 %
    center.sales(b, 3, contacts=6, talk_each=50)  # 3 sales, 50 %: ahead of a and c
    center.sales(c, 3, contacts=10, talk_each=120)  # as a, but more talk time
    center.sales(d, 0, contacts=2)
    center.sales(center.agent("sup", team, Role.SUPERVISOR), 9, contacts=9)  # not ranked
    center.sales(center.agent("x", other_team), 9, contacts=9)  # another team
    inactive = center.agent("gone", team)
    with center.ws.database.write() as conn:
        conn.execute(users.update().where(users.c.id == inactive.id).values(active=False))
    center.sales(inactive, 9, contacts=9)
    ranks = {user.username: center.today(user).rank for user in (a, b, c, d)}
    assert ranks == {"b": 1, "c": 2, "a": 3, "d": 4}
    assert {center.today(user).team_size for user in (a, b, c, d)} == {4}


def test_agents_level_on_everything_share_a_place(center: Center) -> None:
    team = center.team()
    leader, twin1, twin2, last = (center.agent(name, team) for name in ("l", "t1", "t2", "z"))
    center.sales(leader, 5, contacts=10)
    center.sales(twin1, 2, contacts=8, talk_each=90)
    center.sales(twin2, 2, contacts=8, talk_each=90)
    center.sales(last, 1, contacts=8)
    assert [center.today(u).rank for u in (leader, twin1, twin2, last)] == [1, 2, 2, 4]


def test_reaching_nobody_ranks_below_reaching_someone_without_a_sale(center: Center) -> None:
    team = center.team()
    talked, idle, silent = (center.agent(name, team) for name in ("talked", "idle", "silent"))
    center.sales(talked, 0, contacts=1, talk_each=0)
    center.call(silent, MIDNIGHT + timedelta(hours=9), talk=None, code="busy")
    assert [center.today(u).rank for u in (talked, idle, silent)] == [1, 2, 2]


def test_a_supervisor_taking_calls_is_ranked_with_the_team(center: Center) -> None:
    team = center.team()
    agent = center.agent("agent01", team)
    supervisor = center.agent("sup01", team, Role.SUPERVISOR)
    center.sales(agent, 1, contacts=3)
    center.sales(supervisor, 2, contacts=3)
    assert (center.today(supervisor).rank, center.today(supervisor).team_size) == (1, 2)
    assert (center.today(agent).rank, center.today(agent).team_size) == (1, 1)


def test_the_day_is_read_through_the_agent_and_start_time_index(center: Center) -> None:
    team = center.team()
    agent = center.agent("agent01", team)
    center.agent("agent02", team)
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if "FROM calls" in statement:
            statements.append((statement, parameters))

    engine = center.ws.database.engine
    sa.event.listen(engine, "before_cursor_execute", capture)
    try:
        center.today(agent)
    finally:
        sa.event.remove(engine, "before_cursor_execute", capture)
    ((statement, parameters),) = statements
    with center.ws.database.read() as conn:
        plan = [row[-1] for row in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + statement, parameters)]
    assert any("USING INDEX ix_calls_agent_started (agent_id=? AND started_at>? AND "
               "started_at<?)" in step for step in plan), plan
    assert any("USING INDEX ix_dispositions_call_id" in step for step in plan), plan
    assert not any(step.startswith("SCAN") and "disposition_codes" not in step
                   for step in plan), plan


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
       st.integers(min_value=-3, max_value=400))
def test_weekdays_between_counts_mondays_to_fridays(first: date, length: int) -> None:
    last = first + timedelta(days=length)
    expected = sum(1 for n in range(length + 1) if (first + timedelta(days=n)).weekday() < 5)
    assert weekdays_between(first, last) == expected
