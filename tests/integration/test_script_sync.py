"""Scripts across workstations: versions written on the server, calls carrying their path."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from agentdesk.domain.calls import CallDirection, FinishedCall
from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.errors import StaleRecordError
from agentdesk.domain.people import Role, User
from agentdesk.domain.script_versions import RequiredStepsMissing
from agentdesk.domain.script_walk import ScriptWalk, walk_path
from agentdesk.domain.scripts import script_from_data
from agentdesk.services.clock import FixedClock
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.workspace import Workspace, open_workspace
from agentdesk.store.call_results import record_finished_call
from agentdesk.store.schema.work import calls
from agentdesk.store.users import SqlUserRepository
from agentdesk.sync.users import add_server_user
from tests.helpers.sync_env import init_server
from tests.helpers.sync_ops import Seed, seed_call_list

pytestmark = pytest.mark.integration

NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
SCRIPT = {
    "start": "hello", "objections": [],
    "steps": {
        "hello": {"title": "开场", "text": "您好，{customer.name}", "answers": [
            {"label": "本人", "next": "consent"}]},
        "consent": {"title": "录音告知", "text": "本次通话会录音。", "required": True,
                    "answers": [{"label": "同意", "next": "close"}]},
        "close": {"title": "成交", "text": "已办理。", "answers": [
            {"label": "结束", "action": "disposition:SALE"}]},
    },
}


@dataclass
class Center:
    server_url: str
    developer_ws: Workspace
    agent_ws: Workspace
    seed: Seed

    def user(self, ws: Workspace, username: str) -> User:
        found = SqlUserRepository(ws.database, ws.clock).find_credentials(username)
        assert found is not None
        return found[0]


@pytest.fixture
def center(sync_server_url: str, tmp_path: Path) -> Iterator[Center]:
    server = init_server(sync_server_url)
    seed = seed_call_list(server, NOW, contact_count=0)
    add_server_user(server, username="dev", display_name="流程开发",
                    role=Role.SCRIPT_DEVELOPER.value,
                    password_hash=fast_hasher().hash("correct horse"))
    server.engine.dispose()
    opened = []
    for name in ("developer", "agent"):
        ws = open_workspace(tmp_path / name, FixedClock(NOW), hasher=fast_hasher(),
                            server_url=sync_server_url, workstation_id=f"ws-{name}")
        assert ws.sync is not None
        ws.sync.run_round()
        opened.append(ws)
    yield Center(sync_server_url, opened[0], opened[1], seed)
    for ws in opened:
        ws.close()


def test_a_version_published_on_the_server_reaches_the_agents_and_their_calls_return(
        center: Center) -> None:
    campaign_id = center.seed.campaign_id
    developer = center.developer_ws.scripts_for(center.user(center.developer_ws, "dev"))
    draft = developer.new_script(campaign_id, CampaignDirection.OUTBOUND, "最小流程")
    saved = developer.save_draft(draft.version.id, draft.version.row_version, "最小流程",
                                 script_from_data(SCRIPT), "第一版")
    published = developer.publish(saved.version.id, saved.version.row_version)
    assert published.version.number == 1
    assert published.version.published_at is not None  # the server's time, pulled back

    agent_ws = center.agent_ws
    assert agent_ws.sync is not None
    agent_ws.sync.run_round()
    agent = center.user(agent_ws, "agent000")
    stored = agent_ws.scripts_for(agent).for_call(campaign_id, CampaignDirection.OUTBOUND)
    assert stored is not None
    assert stored.version.id == published.version.id

    walk = ScriptWalk(stored.script)
    walk.choose(0)
    call = FinishedCall(
        direction=CallDirection.OUTBOUND, agent_id=agent.id, campaign_id=campaign_id,
        e164="+8613900000001", started_at=NOW - timedelta(minutes=3), answered_at=NOW,
        ended_at=NOW + timedelta(minutes=2), end_reason="agent_hangup",
        disposition_code_id=center.seed.disposition_code_id, script_id=stored.version.id,
        script_path=tuple(walk_path(walk)))
    with pytest.raises(RequiredStepsMissing):  # the consent step was not passed
        record_finished_call(agent_ws.database, call, now=NOW)
    walk.choose(0)
    walk.choose(0)
    call_id = record_finished_call(agent_ws.database, _with_path(call, walk), now=NOW)
    agent_ws.sync.run_round()

    from agentdesk.sync.connection import server_engine

    engine = server_engine(center.server_url)
    try:
        with engine.connect() as conn:
            row = conn.execute(sa.select(calls.c.script_id, calls.c.script_path)
                               .where(calls.c.id == call_id)).one()
    finally:
        engine.dispose()
    assert row.script_id == stored.version.id
    assert [e["step"] for e in json.loads(row.script_path)] == ["hello", "consent", "close"]
    assert center.developer_ws.sync is not None
    center.developer_ws.sync.run_round()  # the supervisor's workstation pulls the calls
    funnel = developer.funnel(stored.version.id)
    assert (funnel.calls, funnel.sales) == (1, 1)


def _with_path(call: FinishedCall, walk: ScriptWalk) -> FinishedCall:
    from dataclasses import replace

    return replace(call, script_path=tuple(walk_path(walk)))


def test_two_authors_saving_one_draft_on_the_server_do_not_overwrite_each_other(
        center: Center) -> None:
    campaign_id = center.seed.campaign_id
    first = center.developer_ws.scripts_for(center.user(center.developer_ws, "dev"))
    assert center.agent_ws.sync is not None
    draft = first.new_script(campaign_id, CampaignDirection.OUTBOUND, "流程")
    center.agent_ws.sync.run_round()
    second = center.agent_ws.scripts_for(center.user(center.agent_ws, "dev"))
    seen = second.load(draft.version.id)
    first.save_draft(draft.version.id, draft.version.row_version, "甲的版本", draft.script)
    with pytest.raises(StaleRecordError):
        second.save_draft(seen.version.id, seen.version.row_version, "乙的版本", seen.script)
    center.agent_ws.sync.run_round()
    assert second.load(draft.version.id).version.name == "甲的版本"
