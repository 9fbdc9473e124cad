"""How a single call goes: answered or not, how long it rings and talks, and its disposition."""

from __future__ import annotations

import random
from dataclasses import dataclass

from agentdesk.services.demo.call_lists import DemoContact
from agentdesk.services.demo.people import AgentProfile

MIN_TALK = 30
MAX_TALK = 600
BASE_SALE_RATE = 0.028
CALLBACK_RATE = 0.14

NOTES: dict[str, tuple[str, ...]] = {
    "NOT_INTERESTED": ("客户表示暂不需要", "客户流量够用，不考虑升级", "客户对 5G 没有需求",
                       "客户说正在开车，不想了解"),
    "TOO_EXPENSIVE": ("客户认为 169 元偏贵", "客户只接受 100 元以内的套餐", "客户觉得合约机价格高"),
    "HAS_SIMILAR": ("客户已在营业厅办理 5G 套餐", "家中已有其他运营商宽带，未到期",
                    "客户单位统一办理了套餐"),
    "SALE": ("客户同意办理，订单已复述确认", "客户办理升级，已告知次月生效",
             "客户同意办理并选择送货上门"),
    "DNC": ("客户要求不再来电，已登记免打扰",),
    "WRONG_NUMBER": ("接听人表示不认识该客户", "号码已易主"),
    "EMPTY_NUMBER": ("系统提示空号",),
    "HUNG_UP": ("接通后客户直接挂断",),
    "INQUIRY": ("咨询套餐内容与资费", "咨询剩余流量", "咨询携号转网流程", "咨询副卡办理",
                "咨询营业厅营业时间", "咨询订单配送进度"),
    "BILLING": ("查询上月话费明细，已解释超出流量费用", "咨询扣费时间", "查询余额并指导缴费"),
    "FAULT": ("家中室内信号弱，已建故障工单", "宽带无法上网，已派单装维", "指导重启光猫后恢复"),
    "COMPLAINT": ("客户投诉，已建工单并升级", "客户不满，已记录并承诺时限内回复"),
    "DROPPED": ("通话中断",),
    "inbound:SALE": ("客户来电办理升级，订单已复述确认", "客户来电加办副卡"),
    "inbound:WRONG_NUMBER": ("来电误拨",),
    "inbound:DNC": ("客户来电要求不再接收营销电话，已登记免打扰",),
    "inbound:CALLBACK": ("客户要求稍后回电",),
    "inbound:NO_ANSWER": ("回电无人接听",),
}


def notes_for(code: str, service_line: bool) -> tuple[str, ...]:
    """Return the wrap-up notes agents typically write for ``code``, or an empty tuple."""
    if service_line and f"inbound:{code}" in NOTES:
        return NOTES[f"inbound:{code}"]
    return NOTES.get(code, ())


@dataclass(frozen=True, slots=True)
class CallResult:
    """What happened on one call.

    Attributes:
        code: Disposition code of the call's campaign.
        answered: Whether someone picked up.
        ring: Seconds from dialing to answer or give-up.
        talk: Seconds connected (0 when unanswered).
        end_reason: Why the call ended.
        consent: Recording consent, None when nobody was asked.
    """

    code: str
    answered: bool
    ring: int
    talk: int
    end_reason: str
    consent: bool | None


def _talk(rng: random.Random, agent: AgentProfile, low: int, high: int) -> int:
    seconds = rng.triangular(low, high, low + (high - low) * 0.35) * agent.talk
    return max(MIN_TALK, min(MAX_TALK, round(seconds)))


def _hangup(rng: random.Random) -> str:
    return "customer_hangup" if rng.random() < 0.55 else "agent_hangup"


def _unanswered(rng: random.Random, retry_friendly: bool = True) -> CallResult:
    roll = rng.random()
    if roll < 0.68 or not retry_friendly:
        return CallResult("NO_ANSWER", False, rng.randrange(25, 46), 0, "no_answer", None)
    if roll < 0.82:
        return CallResult("BUSY", False, rng.randrange(2, 6), 0, "busy", None)
    return CallResult("POWER_OFF", False, rng.randrange(4, 11), 0, "unreachable", None)


def dial(rng: random.Random, agent: AgentProfile, contact: DemoContact, *, skill: float,
         callback: bool, may_book_callback: bool) -> CallResult:
    """Return the result of dialing ``contact`` on the outbound campaign.

    Args:
        rng: The random source.
        agent: Who dials; their skill drives sales and talk time.
        contact: The list row dialled (its hidden quality decides who answers).
        skill: The agent's conversion factor on this day.
        callback: Whether this is a booked callback (answered and converted more often).
        may_book_callback: Whether another callback may be booked (attempts and callbacks
            left).
    """
    if contact.out_of_service:
        return CallResult("EMPTY_NUMBER", False, rng.randrange(3, 9), 0, "invalid_number", None)
    answer = 0.8 if callback else contact.answer_rate * (1 - 0.07 * contact.attempts)
    if rng.random() >= answer:
        return _unanswered(rng)
    ring = rng.randrange(5, 26)
    if contact.wrong_person:
        return CallResult("WRONG_NUMBER", True, ring, _talk(rng, agent, 30, 60),
                          _hangup(rng), None)
    roll = rng.random()
    if roll < 0.07 and not callback:
        return CallResult("HUNG_UP", True, ring, MIN_TALK, "customer_hangup", None)
    consent = rng.random() >= 0.02
    sale = BASE_SALE_RATE * skill * (2.6 if callback else 1.0)
    if "VIP" in contact.customer.tags or "老客户" in contact.customer.tags:
        sale *= 1.25
    roll = rng.random()
    if roll < 0.02:
        return CallResult("DNC", True, ring, _talk(rng, agent, 30, 90), "customer_hangup", True)
    roll -= 0.02
    if consent and roll < sale:
        return CallResult("SALE", True, ring, _talk(rng, agent, 300, 600), _hangup(rng), True)
    roll -= sale
    if roll < CALLBACK_RATE and may_book_callback:
        return CallResult("CALLBACK", True, ring, _talk(rng, agent, 60, 240), _hangup(rng),
                          consent)
    code = rng.choices(("NOT_INTERESTED", "TOO_EXPENSIVE", "HAS_SIMILAR"), (55, 25, 20))[0]
    return CallResult(code, True, ring, _talk(rng, agent, 40, 260), _hangup(rng), consent)


_INBOUND = (("INQUIRY", 40, 60, 300), ("BILLING", 22, 90, 400), ("FAULT", 12, 120, 500),
            ("COMPLAINT", 5, 180, 600), ("SALE", 2.5, 300, 600), ("CALLBACK", 4, 60, 180),
            ("DNC", 1, 30, 60), ("WRONG_NUMBER", 2, 30, 40), ("DROPPED", 4, 30, 120))


def answer_inbound(rng: random.Random, agent: AgentProfile, *, known: bool,
                   skill: float) -> CallResult:
    """Return the result of a call on the service line from a known or unknown number."""
    weights = [w * (skill if code == "SALE" else 1.0) for code, w, _, _ in _INBOUND]
    # Unknown numbers only ask, misdial or drop; known customers do not misdial.
    allowed = ({c for c, _, _, _ in _INBOUND} - {"WRONG_NUMBER"} if known
               else {"INQUIRY", "WRONG_NUMBER", "DROPPED"})
    weights = [w if code in allowed else 0.0
               for (code, _, _, _), w in zip(_INBOUND, weights, strict=True)]
    code, _, low, high = rng.choices(_INBOUND, weights)[0]
    reason = "dropped" if code == "DROPPED" else _hangup(rng)
    return CallResult(code, True, rng.randrange(2, 13), _talk(rng, agent, low, high), reason, True)


def return_call(rng: random.Random, agent: AgentProfile, *, skill: float) -> CallResult:
    """Return the result of calling back a customer who asked for it on the service line."""
    if rng.random() >= 0.8:
        return _unanswered(rng, retry_friendly=False)
    result = answer_inbound(rng, agent, known=True, skill=skill)
    if result.code == "CALLBACK":
        return CallResult("INQUIRY", True, result.ring, result.talk, result.end_reason, True)
    return result
