"""The knowledge base (150 topics in Chinese and English) and the OLA escalation rules."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from agentdesk.domain.knowledge import ArticleStatus
from agentdesk.services.demo import kb_catalogue, kb_guidance
from agentdesk.services.demo.catalogue import Catalogue
from agentdesk.services.demo.context import DemoContext, synced
from agentdesk.services.demo.kb_topic import Topic, price
from agentdesk.services.demo.sources import load
from agentdesk.store.schema.base import TAG_SEPARATOR
from agentdesk.store.schema.knowledge import escalation_rules, kb_articles

TOPIC_COUNT = 150
# Topics still being written or reviewed by the trainer.
DRAFT_TOPICS = frozenset({"esim_watch", "battery_drain", "company_pays", "invoice",
                          "broadband_renewal", "selling_ins-screen"})


@dataclass(frozen=True, slots=True)
class Knowledge:
    """What later parts need of the knowledge base.

    Attributes:
        rules: The OLA rules' source entries.
        rule_ids: Row id of each escalation rule by topic.
        topic_keys: Every topic key (the slug of its Chinese article).
    """

    rules: list[dict[str, Any]]
    rule_ids: dict[str, uuid.UUID]
    topic_keys: frozenset[str]


def all_topics(ctx: DemoContext, catalogue: Catalogue) -> list[Topic]:
    """Return the 150 topics, composed from the source data and the catalogue."""
    offer_end = catalogue.offers["OF-UP169"].valid_until
    examples = {"bill": "150", "offer_end": f"{offer_end:%m月%d日}", "agent_no": "1001",
                "tenure": "5", "price": price(catalogue.products["P5G129"].price)}
    topics = [
        *kb_catalogue.product_topics(catalogue),
        *kb_catalogue.offer_topics(catalogue, ctx.today),
        *kb_catalogue.comparison_topics(catalogue),
        *kb_catalogue.city_topics(catalogue, load("cities")["cities"], ctx.rng("coverage")),
        *kb_catalogue.hall_topics(catalogue),
        *kb_catalogue.round_topics(catalogue),
        *kb_guidance.escalation_topics(load("escalations")["rules"]),
        *kb_guidance.objection_topics(load("objections")["objections"], examples),
        *kb_guidance.policy_topics(load("policies")["policies"]),
        *kb_guidance.faq_topics(load("faq")),
    ]
    keys = {t.key for t in topics}
    if len(topics) != TOPIC_COUNT or len(keys) != TOPIC_COUNT:
        raise ValueError(f"expected {TOPIC_COUNT} distinct topics, got {len(keys)}")
    return topics


def create_knowledge(ctx: DemoContext, catalogue: Catalogue) -> Knowledge:
    """Insert 300 articles (every topic in zh, with an en translation) and the OLA rules."""
    rng = ctx.rng("knowledge")
    ids = ctx.ids("knowledge")
    article_rows: list[dict[str, Any]] = []
    article_of: dict[str, uuid.UUID] = {}
    for topic in all_topics(ctx, catalogue):
        written = ctx.now - timedelta(days=rng.uniform(1, 90))
        written = written.replace(microsecond=0)
        version = rng.choices((1, 2, 3), (70, 20, 10))[0]
        status = (ArticleStatus.ARCHIVED if topic.archived else ArticleStatus.DRAFT
                  if topic.key in DRAFT_TOPICS else ArticleStatus.PUBLISHED)
        product = catalogue.products[topic.product_sku].id if topic.product_sku else None
        zh_id = ids.at(written)
        article_of[topic.key] = zh_id
        translated = written + timedelta(hours=rng.uniform(2, 72))
        for article_id, slug, language, title, body, answer, tags, at, original in (
            (zh_id, topic.key, "zh", topic.title, topic.body, topic.answer, topic.tags,
             written, None),
            (ids.at(translated), f"{topic.key}.en", "en", topic.title_en, topic.body_en,
             topic.answer_en, topic.tags_en, translated, zh_id),
        ):
            article_rows.append({
                **synced(article_id, at), "slug": slug, "title": title, "body": body,
                "answer": answer, "products": topic.product_sku or "",
                "kind": topic.kind.value, "category": topic.category,
                "tags": TAG_SEPARATOR.join(tags), "language": language,
                "status": status.value, "article_version": version, "product_id": product,
                "translation_of": original,
            })
    ctx.insert(kb_articles, article_rows)

    rules: list[dict[str, Any]] = load("escalations")["rules"]
    agreed = ctx.now - timedelta(days=60)
    rule_ids = {rule["topic"]: ids.at(agreed) for rule in rules}
    ctx.insert(escalation_rules, [
        {**synced(rule_ids[rule["topic"]], agreed), "topic": rule["topic"],
         "title": rule["title"], "title_en": rule["title_en"],
         "department": rule["department"], "department_en": rule["department_en"],
         "domain": rule["domain"],
         **{f"{name}{suffix}": "\n".join(rule[f"{name}{suffix}"])
            for name in ("required_info", "first_questions", "front_line_answers", "steps")
            for suffix in ("", "_en")},
         "response_minutes": rule["response_minutes"],
         "informs_customer": rule["informs_customer"],
         "informs_customer_en": rule["informs_customer_en"],
         "leader_escalation_minutes": rule["leader_escalation_minutes"],
         "article_id": article_of[rule["topic"]]}
        for rule in rules
    ])
    return Knowledge(rules, rule_ids, frozenset(article_of))
