"""The call guides of both campaigns, checked for dangling steps, codes and articles."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import timedelta
from typing import Any

from agentdesk.services.demo.catalogue import Campaign, Catalogue
from agentdesk.services.demo.context import DemoContext, synced
from agentdesk.services.demo.sources import load
from agentdesk.store.schema.knowledge import scripts

SCRIPT_VERSION = 1


def script_problems(body: dict[str, Any], campaign: Campaign,
                    topics: Collection[str]) -> list[str]:
    """Return what is wrong with a script body: unknown steps, codes or article topics.

    Args:
        body: The script as stored: ``start``, ``steps`` and ``objections``.
        campaign: The campaign whose disposition codes the script may use.
        topics: Knowledge topic keys the script may open.
    """
    steps: dict[str, Any] = body["steps"]
    problems = [] if body["start"] in steps else [f"start step {body['start']!r} is missing"]
    problems += [f"objection step {s!r} is missing" for s in body["objections"] if s not in steps]
    for step_id, step in steps.items():
        for answer in step["answers"]:
            target, action = answer["next"], answer["action"]
            if target is not None and target not in steps:
                problems.append(f"{step_id}: next step {target!r} is missing")
            if action is None or action in ("order", "callback"):
                continue
            kind, _, value = action.partition(":")
            if kind == "disposition" and value not in campaign.codes:
                problems.append(f"{step_id}: unknown disposition {value!r}")
            elif kind == "article" and value not in topics:
                problems.append(f"{step_id}: unknown article topic {value!r}")
            elif kind not in ("disposition", "article"):
                problems.append(f"{step_id}: unknown action {action!r}")
    return problems


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
