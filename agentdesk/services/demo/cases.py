"""Customer cases (complaints and faults) opened on the service line, with their event trail."""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from agentdesk.domain.campaigns import CaseStatus
from agentdesk.services.demo.context import SHANGHAI, DemoContext, synced
from agentdesk.services.demo.history import Complaint
from agentdesk.services.demo.people import Staff
from agentdesk.store.schema.knowledge import case_events, cases

OPENED = "opened"
ESCALATED = "escalated"
NOTE = "note"
CUSTOMER_INFORMED = "customer_informed"
RESOLVED = "resolved"
CLOSED = "closed"

Event = tuple[str, str, uuid.UUID, datetime]


def create_cases(ctx: DemoContext, complaints: list[Complaint], rules: list[dict[str, Any]],
                 rule_ids: dict[str, uuid.UUID], staff: Staff) -> None:
    """Insert a case for every complaint, classified by the OLA rule of its topic.

    A fifth are answered at the front line; the rest are escalated to the rule's department.
    Older cases are resolved or closed; recent ones are open or escalated, and a few stay
    escalated past their due time so the supervisor's view has something to chase.

    Args:
        ctx: The generation run.
        complaints: Service-line calls that opened a case.
        rules: The OLA rules' source entries.
        rule_ids: Row id of each rule by topic.
        staff: Who handles cases (the agent's supervisor closes them).
    """
    rng = ctx.rng("cases")
    ids = ctx.ids("cases")
    by_topic = {rule["topic"]: rule for rule in rules}
    weights = [rule["weight"] for rule in rules]
    per_day: dict[date, int] = defaultdict(int)
    case_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    for complaint in sorted(complaints, key=lambda c: c.at):
        if complaint.code == "FAULT":
            topic = "broadband_fault" if "宽带用户" in complaint.customer.tags else "network_fault"
            rule = by_topic[topic]
        else:
            rule = rng.choices(rules, weights)[0]
        opened = complaint.at
        day = opened.astimezone(SHANGHAI).date()
        per_day[day] += 1
        case_id = ids.at(opened)
        due = opened + timedelta(minutes=rule["response_minutes"])
        summary = rng.choice(rule["case_summaries"])
        leader = staff.leaders[complaint.agent.team]
        agent = complaint.agent.user_id
        events: list[Event] = [
            (OPENED, f"客户来电反映：{summary}。", agent, opened)]
        if rng.random() < 0.2:
            events += _front_line(rng, rule, agent, leader, opened)
        else:
            events += _escalation(rng, rule, agent, leader, opened, ctx.now)
        events = [e for e in events if e[3] <= ctx.now]
        kinds = [e[0] for e in events]
        status = (CaseStatus.CLOSED if CLOSED in kinds else CaseStatus.RESOLVED
                  if RESOLVED in kinds else CaseStatus.ESCALATED if ESCALATED in kinds
                  else CaseStatus.OPEN)
        case_rows.append({
            **synced(case_id, events[-1][3]), "case_no": f"CS{day:%Y%m%d}{per_day[day]:03d}",
            "customer_id": complaint.customer.id, "call_id": complaint.call_id,
            "rule_id": rule_ids[rule["topic"]], "status": status.value, "summary": summary,
            "description": (f"{complaint.customer.name}来电反映：{summary}。"
                            f"一线已询问：{'；'.join(rule['first_questions'][:2])}"),
            "opened_by": agent, "opened_at": opened, "due_at": due,
        })
        for kind, note, actor, at in events:
            event_rows.append({**synced(ids.at(at), at), "case_id": case_id, "kind": kind,
                               "note": note, "actor_id": actor, "at": at})
    ctx.insert(cases, case_rows)
    ctx.insert(case_events, event_rows)


def _front_line(rng: random.Random, rule: dict[str, Any], agent: uuid.UUID, leader: uuid.UUID,
                opened: datetime) -> list[Event]:
    """Return the events of a case the front line answers itself from the knowledge base."""
    answered = opened + timedelta(minutes=rng.randrange(20, 180))
    events = [(RESOLVED, f"一线按知识库答复：{rule['front_line_answers'][0]}。客户认可。", agent,
               answered)]
    if rng.random() < 0.6:
        events.append((CLOSED, "一线解决，关闭工单。", leader,
                       answered + timedelta(hours=rng.randrange(2, 24))))
    return events


def _escalation(rng: random.Random, rule: dict[str, Any], agent: uuid.UUID, leader: uuid.UUID,
                opened: datetime, now: datetime) -> list[Event]:
    """Return the events of a case escalated to the department that owns its topic."""
    escalated = opened + timedelta(minutes=rng.randrange(3, 240))
    due = opened + timedelta(minutes=rule["response_minutes"])
    events: list[Event] = [(ESCALATED, f"按 OLA“{rule['title']}”升级至{rule['department']}，"
                                       f"要求 {_hours(rule['response_minutes'])} 内回复。",
                            agent, escalated)]
    if now > due and rng.random() < 0.85:
        answered = escalated + (due - escalated) * rng.uniform(0.3, 0.95)
        events.append((NOTE, f"{rule['department']}已核实并给出处理意见。", leader, answered))
        informed = answered + timedelta(minutes=rng.randrange(20, 240))
        events.append((CUSTOMER_INFORMED, f"{rule['informs_customer']}，客户已知悉处理结果。",
                       agent, informed))
        events.append((RESOLVED, "问题已处理完毕。", agent, informed))
        if rng.random() < 0.7:
            events.append((CLOSED, "回访客户确认满意，关闭工单。", leader,
                           informed + timedelta(hours=rng.randrange(12, 48))))
    elif now > due:
        late = opened + timedelta(minutes=rule["leader_escalation_minutes"] or 2 * 60)
        events.append((NOTE, "超过响应时限未回复，已启动领导升级。", leader, late))
    return events


def _hours(minutes: int) -> str:
    return f"{minutes // 60} 小时" if minutes >= 60 else f"{minutes} 分钟"
