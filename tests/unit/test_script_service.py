"""Script versions: the one a call follows, drafts and publishing, paths, the sale gate, funnels."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agentdesk.domain.calls import CallDirection, FinishedCall
from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.errors import StaleRecordError, ValidationError
from agentdesk.domain.people import Role, User
from agentdesk.domain.script_versions import RequiredStepsMissing, ScriptNotPublishable
from agentdesk.domain.script_walk import ScriptWalk, walk_path
from agentdesk.domain.scripts import script_from_data
from agentdesk.services.clock import FixedClock
from agentdesk.services.knowledge import NotAllowedError
from agentdesk.services.scripts import ScriptService
from agentdesk.services.workspace import Workspace
from agentdesk.store.call_results import record_finished_call
from agentdesk.store.schema.work import calls
from agentdesk.store.scripts import path_json, read_path
from tests.helpers.call_center import CallCenter, add_call_center
from tests.helpers.factories import add_customer, add_user
from tests.helpers.scripts import SALES_SCRIPT, add_article, add_script


class Center:
    def __init__(self, ws: Workspace, now: datetime) -> None:
        self.ws = ws
        self.now = now
        self.author = add_user(ws, "dev", Role.SCRIPT_DEVELOPER)
        self.agent = add_user(ws, "agent", Role.AGENT)
        self.customer = add_customer(ws, self.agent, name="王小明", phones=["13800138000"])
        self.center: CallCenter = add_call_center(ws, now, [self.customer])
        add_article(ws, now)
        self.script_id = add_script(ws, self.center.outbound_id, now)

    def service(self, user: User | None = None) -> ScriptService:
        return self.ws.scripts_for(user or self.author)

    def record(self, code: str, path: list[dict[str, object]] | None,
               script_id: uuid.UUID | None = None) -> uuid.UUID:
        return record_finished_call(self.ws.database, FinishedCall(
            direction=CallDirection.OUTBOUND, agent_id=self.agent.id,
            campaign_id=self.center.outbound_id, e164="+8613800138000",
            started_at=self.now - timedelta(minutes=5),
            answered_at=self.now - timedelta(minutes=4), ended_at=self.now,
            end_reason="hangup", disposition_code_id=self.center.codes[f"outbound:{code}"],
            customer_id=self.customer.id, script_id=script_id or self.script_id,
            script_path=tuple(path or ())), now=self.now)


@pytest.fixture
def center(workspace: Workspace, clock: FixedClock) -> Center:
    return Center(workspace, clock.now())


def walk(answers: list[int], objection_at: dict[int, str] | None = None) -> ScriptWalk:
    result = ScriptWalk(script_from_data(SALES_SCRIPT))
    for n, index in enumerate(answers):
        if objection_at and n in objection_at:
            result.raise_objection(objection_at[n])
        result.choose(index)
    return result


SALE_ROUTE = [0, 0, 0, 0, 0]  # speaking, verified, wants it, confirms, end call


# --------------------------------------------------------------------- the call's version

def test_a_call_follows_the_newest_published_version_and_keeps_it(center: Center) -> None:
    agent_view = center.service(center.agent)
    first = agent_view.for_call(center.center.outbound_id, CampaignDirection.OUTBOUND)
    assert first is not None
    assert first.version.id == center.script_id
    assert agent_view.for_call(center.center.outbound_id, CampaignDirection.INBOUND) is None

    service = center.service()
    draft = service.edit(center.script_id)
    assert draft.version.draft and draft.version.number == 2
    steps = dict(SALES_SCRIPT["steps"])
    steps["greeting"] = {**steps["greeting"], "title": "新开场"}
    changed = dict(SALES_SCRIPT, steps=steps)
    saved = service.save_draft(draft.version.id, draft.version.row_version, "第二版",
                               script_from_data(changed), "从核实开始")
    # A draft is not followed by calls; publishing makes it the one new calls get.
    current = agent_view.for_call(center.center.outbound_id, CampaignDirection.OUTBOUND)
    assert current is not None
    assert current.version.id == center.script_id
    published = service.publish(saved.version.id, saved.version.row_version)
    assert published.version.published_at is not None
    assert published.version.change_note == "从核实开始"
    newest = agent_view.for_call(center.center.outbound_id, CampaignDirection.OUTBOUND)
    assert newest is not None
    assert newest.version.number == 2
    assert newest.script.steps["greeting"].title == "新开场"
    # The version a call started with is unchanged, whatever was published since.
    assert service.load(center.script_id).script == first.script


def test_a_published_version_never_changes_and_one_draft_at_a_time(center: Center) -> None:
    service = center.service()
    stored = service.load(center.script_id)
    with pytest.raises(ValidationError) as refused:
        service.save_draft(center.script_id, 1, "x", stored.script)
    assert refused.value.problems == {"script": "published"}
    draft = service.edit(center.script_id)
    assert service.edit(center.script_id).version.id == draft.version.id  # same draft again
    with pytest.raises(ValidationError) as second:
        service.new_script(center.center.outbound_id, CampaignDirection.OUTBOUND, "另一个")
    assert second.value.problems == {"draft": "exists"}


def test_a_draft_saved_meanwhile_is_not_overwritten(center: Center) -> None:
    service = center.service()
    draft = service.edit(center.script_id)
    script = draft.script
    service.save_draft(draft.version.id, draft.version.row_version, "甲", script)
    with pytest.raises(StaleRecordError):
        service.save_draft(draft.version.id, draft.version.row_version, "乙", script)
    with pytest.raises(StaleRecordError):
        service.publish(draft.version.id, draft.version.row_version)
    assert service.load(draft.version.id).version.name == "甲"


def test_publishing_is_refused_with_every_problem(center: Center) -> None:
    service = center.service()
    draft = service.new_script(center.center.inbound_id, CampaignDirection.INBOUND, "热线")
    assert service.check(center.center.inbound_id, draft.script) == []
    data = dict(SALES_SCRIPT)
    bad = script_from_data({**data, "steps": {**data["steps"], "orphan": {
        "title": "孤立", "text": "{customer.shoe_size}", "answers": [
            {"label": "x", "action": "disposition:NOPE"}]}}})
    saved = service.save_draft(draft.version.id, draft.version.row_version, "热线", bad)
    with pytest.raises(ScriptNotPublishable) as refused:
        service.publish(saved.version.id, saved.version.row_version)
    codes = {(p.step, p.code) for p in refused.value.problems}
    assert {("orphan", "unreachable"), ("orphan", "unknown_variable"),
            ("orphan", "unknown_disposition")} <= codes
    # The inbound campaign has no NOT_INTERESTED or NO_ANSWER codes either.
    assert ("greeting", "unknown_disposition") in codes
    assert service.load(saved.version.id).version.draft


def test_only_script_authors_write(center: Center) -> None:
    agent_view = center.service(center.agent)
    assert not agent_view.can_author
    with pytest.raises(NotAllowedError):
        agent_view.edit(center.script_id)
    with pytest.raises(NotAllowedError):
        agent_view.new_script(center.center.inbound_id, CampaignDirection.INBOUND, "x")
    supervisor = center.service(add_user(center.ws, "sup", Role.SUPERVISOR))
    assert supervisor.can_author


def test_call_values_fill_the_customer_agent_and_campaign(center: Center) -> None:
    values = center.service(center.agent).call_values(center.center.outbound_id,
                                                      center.customer.id)
    assert values["customer.name"] == "王小明"
    assert values["agent.no"] == "agent"
    assert values["campaign.name"] == "5G 套餐升级"
    assert all(value for value in values.values())
    english = center.service(center.agent).call_values(center.center.outbound_id, None, "en")
    assert english["campaign.name"] == "5G plan upgrade"
    assert "customer.name" not in english


# ------------------------------------------------------------------------ paths and gates

def test_the_path_is_stored_with_the_call(center: Center) -> None:
    route = walk(SALE_ROUTE, {2: "obj_price"})
    path = walk_path(route)
    call_id = center.record("SALE", path)
    with center.ws.database.read() as conn:
        row = conn.execute(sa.select(calls.c.script_id, calls.c.script_path)
                           .where(calls.c.id == call_id)).one()
    assert row.script_id == center.script_id
    assert json.loads(row.script_path) == path
    assert {"step": "offer", "objection": "obj_price"} in path


def test_a_sale_without_the_required_steps_is_refused_and_nothing_is_stored(
        center: Center) -> None:
    skipped = walk([0])  # greeting -> identity, never answered
    with pytest.raises(RequiredStepsMissing) as refused:
        center.record("SALE", walk_path(skipped))
    assert refused.value.steps == ("identity", "order_readback")
    with center.ws.database.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(calls)).scalar_one() == 0
    # Other outcomes do not need them; a sale after passing them is stored.
    center.record("NOT_INTERESTED", walk_path(skipped))
    center.record("SALE", walk_path(walk(SALE_ROUTE)))


def test_a_call_without_a_script_is_not_gated(center: Center) -> None:
    record_finished_call(center.ws.database, FinishedCall(
        direction=CallDirection.OUTBOUND, agent_id=center.agent.id,
        campaign_id=center.center.outbound_id, e164="+8613800138000",
        started_at=center.now, answered_at=center.now, ended_at=center.now,
        end_reason="hangup", disposition_code_id=center.center.codes["outbound:SALE"]),
        now=center.now)


def test_stored_paths_are_bounded_and_read_back_defensively() -> None:
    long = [{"step": f"s{n}", "answer": 0} for n in range(5000)]
    stored = path_json(long)
    assert stored is not None
    assert len(stored) <= 60_000
    assert read_path(stored)[-1].step == "s4999"
    assert read_path("not json") == []
    assert read_path('{"step": 1}') == []
    assert [e.step for e in read_path(
        '[{"step": "a", "answer": true}, {"step": "b", "answer": 2}, 7, {"step": "c"}]')] \
        == ["b", "c"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=5)
                    | st.dictionaries(st.sampled_from(["step", "answer", "objection", "x"]),
                                      inner, max_size=4), max_leaves=30))
def test_any_stored_path_reads_without_raising(data: Any) -> None:
    for entry in read_path(json.dumps(data)):
        assert isinstance(entry.step, str)


# --------------------------------------------------------------------------- the funnel

def test_the_funnel_counts_calls_per_step_and_the_answers_that_lose_them(
        center: Center) -> None:
    center.record("SALE", walk_path(walk(SALE_ROUTE)))
    center.record("SALE", walk_path(walk(SALE_ROUTE, {2: "obj_price"})))
    center.record("NOT_INTERESTED", walk_path(walk([0, 0, 2])))  # offer -> not interested
    center.record("NOT_INTERESTED", walk_path(walk([0, 0, 2])))
    center.record("NOT_INTERESTED", walk_path(walk([0, 1])))  # identity not verified
    center.record("NO_ANSWER", [])  # hung up before anything was chosen
    funnel = center.service(center.agent).funnel(center.script_id)
    assert (funnel.calls, funnel.sales) == (6, 2)
    steps = {s.step: s for s in funnel.steps}
    assert (steps["greeting"].reached, steps["greeting"].sales) == (5, 2)
    assert (steps["offer"].reached, steps["offer"].sales) == (4, 2)
    assert (steps["obj_price"].reached, steps["obj_price"].sales) == (1, 1)
    assert (steps["close_sale"].reached, steps["close_sale"].sales) == (2, 2)
    assert steps["offer"].conversion == 0.5
    worst = funnel.answers[0]
    assert (worst.step, worst.answer, worst.chosen, worst.lost) == ("offer", 2, 2, 2)
    assert list(steps)[:3] == ["greeting", "identity", "offer"]


def test_a_corrected_disposition_counts_once(center: Center, clock: FixedClock) -> None:
    from agentdesk.domain.ids import new_id
    from agentdesk.store.schema.work import dispositions

    call_id = center.record("NOT_INTERESTED", walk_path(walk(SALE_ROUTE)))
    with center.ws.database.write() as conn:
        conn.execute(dispositions.insert().values(
            id=new_id(), site="default", version=1, updated_at=center.now, deleted_at=None,
            call_id=call_id, disposition_code_id=center.center.codes["outbound:SALE"],
            agent_id=center.agent.id, notes="", at=center.now + timedelta(minutes=1)))
    funnel = center.service().funnel(center.script_id)
    assert (funnel.calls, funnel.sales) == (1, 1)


def test_a_draft_whose_body_no_longer_loads_is_replaced_not_a_dead_lock(
        center: Center) -> None:
    service = center.service()
    draft = service.edit(center.script_id)
    from agentdesk.store.schema.knowledge import scripts

    with center.ws.database.write() as conn:
        conn.execute(scripts.update().where(scripts.c.id == draft.version.id)
                     .values(body="{not json"))
    again = service.edit(center.script_id)
    assert again.version.id == draft.version.id
    assert again.script == service.load(center.script_id).script
    imported = service.import_data({"campaign": "OB", "name": "导入", **SALES_SCRIPT})
    assert imported.version is not None
    assert imported.version.id == draft.version.id


def test_a_dry_run_reports_what_the_import_would_refuse(center: Center) -> None:
    with pytest.raises(ValidationError) as refused:
        center.service().import_data({"campaign": "OB", "name": "名" * 101, **SALES_SCRIPT},
                                     dry_run=True)
    assert refused.value.problems == {"name": "too_long"}
    with pytest.raises(ValidationError) as unknown:
        center.service().import_data({"campaign": "NOPE", "name": "x", **SALES_SCRIPT})
    assert unknown.value.problems == {"campaign": "unknown"}
