"""Knowledge-base search on a workstation: recall, ranking, hostile input, index upkeep."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import agentdesk.services.demo
from agentdesk.domain.knowledge import ArticleDraft, ArticleStatus
from agentdesk.domain.people import Role, User
from agentdesk.services.knowledge import KnowledgeService
from agentdesk.services.workspace import Workspace
from agentdesk.store import kb_index
from agentdesk.store.schema.knowledge import kb_articles
from agentdesk.store.sync_state import write_value
from tests.helpers.factories import add_user

CJK = re.compile(r"[\u4e00-\u9fff]")
FAQ = json.loads((Path(agentdesk.services.demo.__file__).parent / "data" / "faq.json")
                 .read_text("utf-8"))["faqs"]


@pytest.fixture
def trainer(workspace: Workspace) -> KnowledgeService:
    return workspace.knowledge_for(add_user(workspace, "trainer1", Role.TRAINER))


@pytest.fixture
def agent(workspace: Workspace) -> KnowledgeService:
    return workspace.knowledge_for(add_user(workspace, "agent01", Role.AGENT))


def article(slug: str, title: str, body: str, **fields: object) -> ArticleDraft:
    return ArticleDraft(slug=slug, title=title, body=body, **fields)  # type: ignore[arg-type]


@pytest.fixture
def faq_library(trainer: KnowledgeService) -> dict[str, ArticleDraft]:
    """The demo's 35 FAQ entries, each in Chinese and in English."""
    drafts = {}
    for item in FAQ:
        drafts[item["key"]] = article(item["key"], item["q"], "\n\n".join(item["a"]),
                                      tags=tuple(item["tags"]))
        drafts[item["key"] + ".en"] = article(item["key"] + ".en", item["q_en"],
                                              "\n\n".join(item["a_en"]), language="en")
    trainer.save_articles(list(drafts.values()))
    return drafts


def slugs_found(workspace: Workspace, text: str, limit: int = 1000) -> list[str]:
    from agentdesk.domain.kb_text import parse_query
    from agentdesk.store.knowledge import load_articles

    with workspace.database.read() as conn:
        matches = kb_index.search(conn, parse_query(text), limit)
        articles = load_articles(conn, [m.article_id for m in matches])
    return [articles[m.article_id].slug for m in matches]


# ------------------------------------------------------------------------------ recall

def test_every_chinese_substring_of_one_to_three_characters_finds_its_article(
        workspace: Workspace, faq_library: dict[str, ArticleDraft]) -> None:
    rng = random.Random(5)
    sampled = rng.sample([s for s in faq_library if not s.endswith(".en")], 8)
    checked = 0
    for slug in sampled:
        draft = faq_library[slug]
        for text in (draft.title, draft.body):
            for run in re.findall(r"[\u4e00-\u9fff]+", text):
                for length in (1, 2, 3):
                    for start in range(len(run) - length + 1):
                        needle = run[start:start + length]
                        assert slug in slugs_found(workspace, needle), needle
                        checked += 1
    assert checked > 1000


def test_the_issue_examples_find_porting(trainer: KnowledgeService,
                                         agent: KnowledgeService) -> None:
    trainer.save_articles([
        article("porting", "携号转网办理须知", "客户办理携号转网前需结清话费。"),
        article("plans", "5G 套餐一览", "各档套餐的月租与流量。"),
    ])
    for query in ("套", "套餐", "携号转网", "携号转", "携", "网", "须知"):
        assert agent.search(query), query
    assert [h.slug for h in agent.search("携号转")] == ["porting"]
    assert [h.slug for h in agent.search("套")] == ["plans"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_substring_starting_at_a_chinese_character_finds_the_article(
        workspace: Workspace, faq_library: dict[str, ArticleDraft], data: st.DataObject) -> None:
    slug = data.draw(st.sampled_from(sorted(s for s in faq_library if not s.endswith(".en"))))
    text = faq_library[slug].body
    starts = [m.start() for m in CJK.finditer(text)]
    start = data.draw(st.sampled_from(starts))
    length = data.draw(st.integers(min_value=1, max_value=14))
    needle = text[start:start + length]
    assert slug in slugs_found(workspace, needle), needle


def test_english_words_and_their_prefixes_find_the_article(
        workspace: Workspace, faq_library: dict[str, ArticleDraft]) -> None:
    for slug in ("bill_date.en", FAQ[7]["key"] + ".en"):
        words = set(re.findall(r"[A-Za-z]{3,}", faq_library[slug].body))
        for word in words:
            for length in range(1, len(word) + 1):
                assert slug in slugs_found(workspace, word[:length].upper()), word[:length]


def test_mixed_chinese_and_english_queries(trainer: KnowledgeService,
                                           agent: KnowledgeService) -> None:
    trainer.save_articles([
        article("p5g", "5G畅享套餐 129 元", "含 30GB 通用流量，iPhone 用户可选合约。"),
        article("p4g", "4G套餐", "老用户专享。"),
    ])
    assert [h.slug for h in agent.search("5G 套餐")] == ["p5g"]
    assert [h.slug for h in agent.search("5g畅")] == ["p5g"]
    assert [h.slug for h in agent.search("4G套餐")] == ["p4g"]
    assert [h.slug for h in agent.search("iphone 合约")] == ["p5g"]
    assert [h.slug for h in agent.search("iPh 流量")] == ["p5g"]


# ----------------------------------------------------------------------------- ranking

def test_a_title_match_ranks_above_a_body_match(trainer: KnowledgeService,
                                                agent: KnowledgeService) -> None:
    trainer.save_articles([
        article("body", "宽带安装", "如客户要求积分兑换，请说明积分规则。" * 3),
        article("title", "积分兑换规则", "兑换礼品需在营业厅办理。"),
    ])
    hits = agent.search("积分")
    assert [h.slug for h in hits] == ["title", "body"]
    assert hits[0].in_title and not hits[1].in_title


def test_the_exact_phrase_ranks_above_scattered_words(trainer: KnowledgeService,
                                                      agent: KnowledgeService) -> None:
    trainer.save_articles([
        article("scattered", "Password help", "Reset the modem first. A password is needed."),
        article("phrase", "Password reset", "How to reset password for the service hall."),
        article("title-words", "Reset your service password", "Bring the ID card."),
    ])
    ranked = [h.slug for h in agent.search("password reset")]
    assert ranked[0] == "phrase"  # the exact phrase in the title
    assert ranked.index("title-words") < ranked.index("scattered")  # both words in the title


def test_the_exact_phrase_in_bodies_ranks_above_scattered_words(
        trainer: KnowledgeService, agent: KnowledgeService) -> None:
    trainer.save_articles([
        article("scattered", "Note A", "The plan has data; the family gets extra minutes."),
        article("phrase", "Note B", "The family plan shares data between four SIMs."),
    ])
    assert [h.slug for h in agent.search("family plan")] == ["phrase", "scattered"]


def test_shorter_titles_rank_first_among_title_matches(trainer: KnowledgeService,
                                                       agent: KnowledgeService) -> None:
    trainer.save_articles([
        article("long", "流量包叠加使用说明与常见问题汇总", "正文"),
        article("short", "流量包", "正文"),
    ])
    assert [h.slug for h in agent.search("流量包")] == ["short", "long"]


def test_results_carry_highlighted_titles_and_snippets(trainer: KnowledgeService,
                                                      agent: KnowledgeService) -> None:
    trainer.save_articles([article("porting", "携号转网", "## 条件\n" + "前言" * 80
                                   + "\n- 客户须**本人**持身份证到营业厅办理携号转网。")])
    (hit,) = agent.search("身份证")
    spans = [hit.snippet.text[s:e] for s, e in hit.snippet.spans]
    assert spans == ["身份证"] and "**" not in hit.snippet.text and "## " not in hit.snippet.text
    (titled,) = agent.search("转网")
    assert [titled.title.text[s:e] for s, e in titled.title.spans] == ["转网"]


# ----------------------------------------------------------------------- hostile input

HOSTILE = [
    '"', '""', "'", "*", "**", "\"*\"", "NEAR", "NEAR(a b, 2)", "a NEAR/2 b", "AND", "OR NOT",
    "title:套餐", "{title body}: x", "^start", "a + b", "(((", ")))", "-x", "套餐\" OR \"1",
    "'; DROP TABLE kb_articles; --", "\x00", "\u202e\u200b", "🙂🙂", "𠀀𠀁", "%", "_", "\\",
    "套" * 100_000, "a " * 50_000, "携号转网 " * 1000,
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_never_raise(faq_library: dict[str, ArticleDraft],
                                     agent: KnowledgeService, query: str) -> None:
    hits = agent.search(query)
    assert len(hits) <= 20


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_can_be_searched(faq_library: dict[str, ArticleDraft],
                                  agent: KnowledgeService, query: str) -> None:
    agent.search(query)


def test_hostile_article_content_is_indexed_and_found(trainer: KnowledgeService,
                                                      agent: KnowledgeService) -> None:
    body = '<script>alert("x")</script> NEAR("a" *) \x00 套餐 ' + "长" * 150_000
    trainer.save_articles([article("hostile", 'Title "quoted" *', body)])
    assert [h.slug for h in agent.search("套餐")] == ["hostile"]
    assert [h.slug for h in agent.search("quoted")] == ["hostile"]


# ------------------------------------------------------------------------ index upkeep

def test_drafts_and_archived_articles_are_not_found(trainer: KnowledgeService,
                                                    agent: KnowledgeService) -> None:
    trainer.save_articles([
        article("draft", "草稿套餐", "正文", status=ArticleStatus.DRAFT),
        article("live", "在售套餐", "正文"),
    ])
    assert [h.slug for h in agent.search("套餐")] == ["live"]
    trainer.save_articles([article("live", "在售套餐", "正文", status=ArticleStatus.ARCHIVED)])
    assert agent.search("套餐") == []
    trainer.save_articles([article("draft", "草稿套餐", "正文")])
    assert [h.slug for h in agent.search("套餐")] == ["draft"]


def test_an_edited_article_is_found_by_its_new_words_only(trainer: KnowledgeService,
                                                          agent: KnowledgeService) -> None:
    saved = trainer.save_article(article("a", "旧标题", "旧正文"))
    trainer.save_article(article("a", "新标题", "新正文"), article_id=saved.id,
                         base_version=saved.version)
    assert agent.search("旧") == [] and [h.slug for h in agent.search("新")] == ["a"]


def test_the_index_is_rebuilt_when_the_analyzer_changes(
        workspace: Workspace, faq_library: dict[str, ArticleDraft]) -> None:
    with workspace.database.write() as conn:
        write_value(conn, kb_index.ANALYZER_KEY, "0")
        conn.exec_driver_sql(f"DELETE FROM {kb_index.BODY_IX}")  # a stale, broken index
        assert kb_index.ensure_index(conn)
        assert not kb_index.ensure_index(conn)
        stats = kb_index.stats(conn)
    assert stats.articles == len(faq_library)
    assert "bill_date" in slugs_found(workspace, "扣除")


def test_rows_written_behind_the_index_are_picked_up_by_refresh(
        workspace: Workspace, faq_library: dict[str, ArticleDraft]) -> None:
    with workspace.database.write() as conn:
        conn.execute(kb_articles.update().where(kb_articles.c.slug == "bill_date")
                     .values(deleted_at=sa.func.current_timestamp()))
        ids = conn.execute(sa.select(kb_articles.c.id).where(
            kb_articles.c.slug == "bill_date")).scalars().all()
        kb_index.refresh(conn, ids)
    assert "bill_date" not in slugs_found(workspace, "扣除")


# ------------------------------------------------------------------------- the service

def test_agents_cannot_author(agent: KnowledgeService) -> None:
    from agentdesk.services.knowledge import NotAllowedError

    with pytest.raises(NotAllowedError):
        agent.save_articles([article("x", "标题", "正文")])
    with pytest.raises(NotAllowedError):
        agent.question_queue()


def test_an_article_opens_by_slug_in_the_wanted_language(
        trainer: KnowledgeService, agent: KnowledgeService) -> None:
    trainer.save_articles([article("porting", "携号转网", "中文正文"),
                           article("porting.en", "Porting in", "English body", language="en")],
                          translation_of={"porting.en": "porting"})
    assert agent.article_by_slug("porting").article.title == "携号转网"
    assert agent.article_by_slug("porting", "en").article.title == "Porting in"
    assert agent.article_by_slug("porting.en", "zh").article.title == "携号转网"


def test_agents_do_not_open_drafts(trainer: KnowledgeService, agent: KnowledgeService) -> None:
    from agentdesk.domain.errors import NotFoundError

    trainer.save_articles([article("draft", "草稿", "正文", status=ArticleStatus.DRAFT)])
    with pytest.raises(NotFoundError):
        agent.article_by_slug("draft")
    assert trainer.article_by_slug("draft").article.title == "草稿"


def test_the_faq_loop_on_one_workstation(workspace: Workspace, trainer: KnowledgeService,
                                         agent: KnowledgeService) -> None:
    from agentdesk.domain.errors import StaleRecordError
    from agentdesk.domain.knowledge import QuestionStatus

    asked = agent.ask("  客户问：携号转网后积分还在吗？ ")
    assert asked.text == "客户问：携号转网后积分还在吗？" and asked.status is QuestionStatus.OPEN
    second = agent.ask("副卡可以单独停机吗？")
    (queued_first, queued_second) = trainer.question_queue()  # longest waiting first
    assert (queued_first.id, queued_second.id) == (asked.id, second.id)

    answered = trainer.answer_question(queued_second, "可以，副卡可单独办理停机保号。")
    assert answered.status is QuestionStatus.ANSWERED and answered.answered_by_name
    with pytest.raises(StaleRecordError):
        trainer.answer_question(queued_second, "重复回答")

    view = trainer.publish_question(queued_first, article(
        "points-after-porting", "携号转网后积分如何处理", "积分在转出前可兑换，转出后清零。",
        answer="积分转出后清零，请提前兑换。", status=ArticleStatus.DRAFT))
    assert view.article.draft.status is ArticleStatus.PUBLISHED
    mine = {q.id: q for q in agent.my_questions()}
    assert mine[asked.id].status is QuestionStatus.PUBLISHED
    assert mine[asked.id].article_id == view.article.id
    assert mine[second.id].answer == "可以，副卡可单独办理停机保号。"
    assert [h.slug for h in agent.search("积分")] == ["points-after-porting"]
    assert trainer.question_queue() == []
    assert len(trainer.question_queue(include_done=True)) == 2


def test_questions_are_checked(agent: KnowledgeService) -> None:
    from agentdesk.domain.errors import ValidationError

    for text in ("", "   \n", "问" * 1001):
        with pytest.raises(ValidationError):
            agent.ask(text)


def test_questions_go_to_the_outbox(workspace: Workspace, agent: KnowledgeService) -> None:
    from agentdesk.store.schema.local import outbox

    agent.ask("问题")
    with workspace.database.read() as conn:
        tables = conn.execute(sa.select(outbox.c.table_name)).scalars().all()
    assert "kb_questions" in tables


def test_an_article_saved_meanwhile_is_not_overwritten(trainer: KnowledgeService) -> None:
    from agentdesk.domain.errors import StaleRecordError, ValidationError

    first = trainer.save_article(article("a", "标题", "正文"))
    trainer.save_article(article("a", "标题二", "正文"), article_id=first.id,
                         base_version=first.version)
    with pytest.raises(StaleRecordError):
        trainer.save_article(article("a", "标题三", "正文"), article_id=first.id,
                             base_version=first.version)
    trainer.save_article(article("b", "别的", "正文"))
    with pytest.raises(ValidationError) as caught:
        trainer.save_article(article("b", "标题", "正文"), article_id=first.id)
    assert caught.value.problems == {"slug": "taken"}


def test_a_user_without_the_capability_sees_published_articles_only(
        workspace: Workspace, trainer: KnowledgeService) -> None:
    supervisor: User = add_user(workspace, "sup1", Role.SUPERVISOR)
    service = workspace.knowledge_for(supervisor)
    assert not service.can_author and trainer.can_author


def test_a_new_article_does_not_take_over_a_used_slug(trainer: KnowledgeService) -> None:
    from agentdesk.domain.errors import ValidationError

    trainer.save_article(article("a", "原文", "正文"))
    with pytest.raises(ValidationError) as caught:
        trainer.save_article(article("a", "另一篇", "正文"))
    assert caught.value.problems == {"slug": "taken"}
    assert trainer.article_by_slug("a").article.title == "原文"


def test_publishing_a_question_handled_meanwhile_writes_no_article(
        trainer: KnowledgeService, agent: KnowledgeService) -> None:
    from agentdesk.domain.errors import StaleRecordError

    agent.ask("问题？")
    (queued,) = trainer.question_queue()
    trainer.answer_question(queued, "已答复。")
    with pytest.raises(StaleRecordError):
        trainer.publish_question(queued, article("new", "新文章", "正文"))
    assert trainer.list_articles() == []
