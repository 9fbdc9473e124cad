"""The call guides of both campaigns, checked for dangling steps, codes and articles."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Collection
from datetime import timedelta
from typing import Any

from agentdesk.domain.script_walk import ScriptWalk, walk_path
from agentdesk.domain.scripts import (
    CONSOLE_VARIABLES,
    Script,
    ScriptContext,
    check_script,
    script_from_data,
)
from agentdesk.services.demo.catalogue import Campaign, Catalogue
from agentdesk.services.demo.context import DemoContext, synced
from agentdesk.services.demo.sources import load
from agentdesk.store.schema.knowledge import scripts

MAX_ROUTES = 48  # ways to each disposition the demo's calls are spread over
MAX_DEPTH = 14

SCRIPT_VERSION = 1


def script_problems(body: dict[str, Any], campaign: Campaign,
                    topics: Collection[str]) -> list[str]:
    """Return what keeps a script body from being published, as readable lines.

    Args:
        body: The script as stored: ``start``, ``steps`` and ``objections``.
        campaign: The campaign whose disposition codes the script may use.
        topics: Knowledge topic keys (article slugs) the script may open.
    """
    context = ScriptContext(variables=CONSOLE_VARIABLES,
                            dispositions=frozenset(campaign.codes), articles=frozenset(topics))
    return [f"{p.step or 'script'}: {p.code} {p.detail}".strip()
            for p in check_script(script_from_data(body), context)]


def create_scripts(ctx: DemoContext, catalogue: Catalogue, topics: Collection[str]
                   ) -> dict[tuple[uuid.UUID, str], tuple[uuid.UUID, Script]]:
    """Insert the published outbound and inbound scripts (version 1 of each).

    Returns:
        (campaign id, direction) -> (script id, script), for tracing the history's calls.

    Raises:
        ValueError: a script refers to a step, disposition code or article that does not exist.
    """
    ids = ctx.ids("scripts")
    published = ctx.now - timedelta(days=22)
    campaigns = {c.code: c for c in (catalogue.outbound, catalogue.inbound)}
    rows = []
    made = {}
    for source in load("scripts")["scripts"]:
        campaign = campaigns[source["campaign"]]
        body = {"start": source["start"], "steps": source["steps"],
                "objections": source["objections"], "values": source.get("values", {})}
        problems = script_problems(body, campaign, topics)
        if problems:
            raise ValueError(f"script {source['name']}: " + "; ".join(problems))
        row_id = ids.at(published)
        made[campaign.id, source["direction"]] = (row_id, script_from_data(body))
        rows.append({
            **synced(row_id, published), "campaign_id": campaign.id,
            "name": source["name"], "direction": source["direction"],
            "script_version": SCRIPT_VERSION, "body": json.dumps(body, ensure_ascii=False),
            "published_at": published,
        })
    ctx.insert(scripts, rows)
    return made


def routes_to(script: Script, code: str) -> list[list[int]]:
    """Return up to :data:`MAX_ROUTES` answer sequences from the start to ``code``.

    Each visits a step at most once, so every route is a way an agent could have gone.
    """
    found: list[list[int]] = []

    def visit(step_id: str, seen: frozenset[str], route: list[int]) -> None:
        if len(found) >= MAX_ROUTES or len(route) > MAX_DEPTH:
            return
        for index, answer in enumerate(script.steps[step_id].answers):
            if answer.action is not None and answer.ends_call and answer.action.value == code:
                found.append([*route, index])
            elif answer.next and answer.next in script.steps and answer.next not in seen:
                visit(answer.next, seen | {answer.next}, [*route, index])

    visit(script.start, frozenset({script.start}), [])
    return found


def trace_calls(ctx: DemoContext, calls: list[dict[str, Any]],
                dispositions: list[dict[str, Any]], catalogue: Catalogue,
                made: dict[tuple[uuid.UUID, str], tuple[uuid.UUID, Script]]) -> None:
    """Give each answered history call its script and a path that ends in its code.

    The script is the one of the call's campaign and direction (a callback made on the
    service line is an outbound call with no script). The call went one of the ways to
    its disposition (chosen at random), or stayed on the first step when the script has
    no answer setting it. Unanswered calls followed no script, as in the console.
    """
    rng = random.Random(f"agentdesk-demo/{ctx.seed}/script-paths")
    code_of = {code.id: code.code for campaign in (catalogue.outbound, catalogue.inbound)
               for code in campaign.codes.values()}
    disposed = {d["call_id"]: code_of.get(d["disposition_code_id"], "") for d in dispositions}
    cache: dict[tuple[uuid.UUID, str], list[list[int]]] = {}
    for call in calls:
        traced = made.get((call["campaign_id"], call["direction"]))
        if traced is None or call["answered_at"] is None:
            call["script_id"] = call["script_path"] = None
            continue
        script_id, script = traced
        walk = ScriptWalk(script)
        code = disposed.get(call["id"], "")
        key = (script_id, code)
        if key not in cache:
            cache[key] = routes_to(script, code)
        if cache[key]:
            for index in rng.choice(cache[key]):
                walk.choose(index)
        call["script_id"] = script_id
        call["script_path"] = json.dumps(walk_path(walk), ensure_ascii=False,
                                         separators=(",", ":"))
