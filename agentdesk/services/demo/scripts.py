"""The call guides of both campaigns, checked for dangling steps, codes and articles."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import timedelta
from typing import Any

from agentdesk.domain.scripts import ScriptContext, check_script, script_from_data
from agentdesk.services.demo.catalogue import Campaign, Catalogue
from agentdesk.services.demo.context import DemoContext, synced
from agentdesk.services.demo.sources import load
from agentdesk.store.schema.knowledge import scripts

SCRIPT_VERSION = 1


def script_problems(body: dict[str, Any], campaign: Campaign,
                    topics: Collection[str]) -> list[str]:
    """Return what keeps a script body from being published, as readable lines.

    Args:
        body: The script as stored: ``start``, ``steps`` and ``objections``.
        campaign: The campaign whose disposition codes the script may use.
        topics: Knowledge topic keys (article slugs) the script may open.
    """
    context = ScriptContext(dispositions=frozenset(campaign.codes),
                            articles=frozenset(topics))
    return [f"{p.step or 'script'}: {p.code} {p.detail}".strip()
            for p in check_script(script_from_data(body), context)]


def create_scripts(ctx: DemoContext, catalogue: Catalogue, topics: Collection[str]) -> None:
    """Insert the published outbound and inbound scripts (version 1 of each).

    Raises:
        ValueError: a script refers to a step, disposition code or article that does not exist.
    """
    ids = ctx.ids("scripts")
    published = ctx.now - timedelta(days=22)
    campaigns = {c.code: c for c in (catalogue.outbound, catalogue.inbound)}
    rows = []
    for source in load("scripts")["scripts"]:
        campaign = campaigns[source["campaign"]]
        body = {"start": source["start"], "steps": source["steps"],
                "objections": source["objections"]}
        problems = script_problems(body, campaign, topics)
        if problems:
            raise ValueError(f"script {source['name']}: " + "; ".join(problems))
        rows.append({
            **synced(ids.at(published), published), "campaign_id": campaign.id,
            "name": source["name"], "direction": source["direction"],
            "script_version": SCRIPT_VERSION, "body": json.dumps(body, ensure_ascii=False),
            "published_at": published,
        })
    ctx.insert(scripts, rows)
