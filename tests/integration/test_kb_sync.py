"""The knowledge base across workstations: articles written on the server, the FAQ loop."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from agentdesk.domain.knowledge import ArticleDraft, ArticleStatus, QuestionStatus
from agentdesk.domain.people import Role, User
from agentdesk.services.clock import FixedClock
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.workspace import Workspace, open_workspace
from agentdesk.store.users import SqlUserRepository
from agentdesk.sync.users import add_server_user
from tests.helpers.sync_env import init_server

pytestmark = pytest.mark.integration

NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


@pytest.fixture
def center(sync_server_url: str, tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    """A trainer's and an agent's workstation around one server."""
    server = init_server(sync_server_url)
    secret = fast_hasher().hash("correct horse")
    for name, role in (("trainer1", Role.TRAINER), ("trainer2", Role.TRAINER),
                       ("agent01", Role.AGENT)):
        add_server_user(server, username=name, display_name=name, role=role.value,
                        password_hash=secret)
    server.engine.dispose()
    opened = []
    for name in ("trainer", "agent"):
        ws = open_workspace(tmp_path / name, FixedClock(NOW), hasher=fast_hasher(),
                            server_url=sync_server_url, workstation_id=f"ws-{name}")
        assert ws.sync is not None
        ws.sync.run_round()
        opened.append(ws)
    yield opened[0], opened[1]
    for ws in opened:
        ws.close()


def user(ws: Workspace, username: str) -> User:
    found = SqlUserRepository(ws.database, ws.clock).find_credentials(username)
    assert found is not None
    return found[0]


def sync(*workspaces: Workspace) -> None:
    for ws in workspaces:
        assert ws.sync is not None
        ws.sync.run_round()


def test_an_article_written_on_the_server_is_searchable_on_every_workstation(
        center: tuple[Workspace, Workspace]) -> None:
    trainer_ws, agent_ws = center
    trainer = trainer_ws.knowledge_for(user(trainer_ws, "trainer1"))
    agent = agent_ws.knowledge_for(user(agent_ws, "agent01"))
    saved = trainer.save_articles([
        ArticleDraft(slug="porting", title="携号转网须知", body="转网前请结清话费。"),
        ArticleDraft(slug="porting.en", title="Porting in", body="Settle the bill first.",
                     language="en"),
    ], translation_of={"porting.en": "porting"})
    assert saved.synced and saved.changed == 2
    assert [h.slug for h in trainer.search("转网")] == ["porting"]  # pulled back at once
    sync(agent_ws)
    assert [h.slug for h in agent.search("携号转")] == ["porting"]
    assert agent.article_by_slug("porting", "en").article.title == "Porting in"

    article = trainer.article_by_slug("porting").article
    archived = ArticleDraft(slug="porting", title="携号转网须知", body="转网前请结清话费。",
                            status=ArticleStatus.ARCHIVED)
    trainer.save_article(archived, article_id=article.id, base_version=article.version)
    sync(agent_ws)
    assert agent.search("携号转") == []


def test_a_question_travels_to_the_trainer_and_its_answer_back(
        center: tuple[Workspace, Workspace]) -> None:
    trainer_ws, agent_ws = center
    trainer = trainer_ws.knowledge_for(user(trainer_ws, "trainer1"))
    agent = agent_ws.knowledge_for(user(agent_ws, "agent01"))
    asked = agent.ask("携号转网后积分还在吗？")
    sync(agent_ws, trainer_ws)
    (queued,) = trainer.question_queue()
    assert queued.id == asked.id and queued.asked_by_name == "agent01"

    view = trainer.publish_question(queued, ArticleDraft(
        slug="points-after-porting", title="携号转网后的积分", body="积分转出后清零。",
        answer="转出前请兑换积分。"))
    sync(trainer_ws, agent_ws)
    (mine,) = agent.my_questions()
    assert mine.status is QuestionStatus.PUBLISHED and mine.article_id == view.article.id
    assert mine.answer == "转出前请兑换积分。" and mine.answered_by_name == "trainer1"
    assert [h.slug for h in agent.search("积分")] == ["points-after-porting"]


def test_two_trainers_handling_one_question_leave_one_consistent_outcome(
        center: tuple[Workspace, Workspace]) -> None:
    first_ws, second_ws = center
    agent = second_ws.knowledge_for(user(second_ws, "agent01"))
    agent.ask("副卡能单独停机吗？")
    sync(second_ws, first_ws)
    first = first_ws.knowledge_for(user(first_ws, "trainer1"))
    second = second_ws.knowledge_for(user(second_ws, "trainer2"))
    (seen_by_first,) = first.question_queue()
    (seen_by_second,) = second.question_queue()
    first.publish_question(seen_by_first, ArticleDraft(
        slug="extra-sim-suspend", title="副卡停机", body="副卡可单独停机。"))
    sync(first_ws)
    second.answer_question(seen_by_second, "请到营业厅办理。", decline=True)
    sync(second_ws, first_ws)
    for ws in (first_ws, second_ws):
        (final,) = ws.knowledge_for(user(ws, "agent01")).my_questions()
        # The later decision wins whole: never "declined" with a published article attached.
        assert final.status is QuestionStatus.DECLINED
        assert (final.answer, final.article_id) == ("请到营业厅办理。", None)
    assert second_ws.sync is not None and second_ws.sync.conflicts()
