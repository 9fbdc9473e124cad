"""Two weeks of work before ``now``: calls, dispositions, callbacks and agent states."""

from __future__ import annotations

import heapq
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from agentdesk.domain.agent_states import NotReadyReason
from agentdesk.domain.calls import (
    AgentStateKind,
    CallbackScope,
    CallbackStatus,
    CallDirection,
    ContactStatus,
    DispositionCategory,
)
from agentdesk.services.demo import outcomes
from agentdesk.services.demo.call_lists import HISTORY_DAYS, CallLists
from agentdesk.services.demo.catalogue import Campaign, Catalogue
from agentdesk.services.demo.context import SHANGHAI, DemoContext, local, synced
from agentdesk.services.demo.customers import CustomerBook, DemoCustomer
from agentdesk.services.demo.dialer import CallQueues, Task
from agentdesk.services.demo.outcomes import CallResult
from agentdesk.services.demo.people import AgentProfile, Staff
from agentdesk.services.demo.shifts import Pause, Shift, plan_day
from agentdesk.store.schema.people import agent_state_events
from agentdesk.store.schema.work import callbacks, calls, dispositions

NEW_CONTACT_SHARE = 0.8  # of each list dialled by now, when agents have the time
CALLERS_PER_CUSTOMER_DAY = 0.05  # service-line demand with the whole team at work
_LAST_CALL = timedelta(minutes=12)


@dataclass(frozen=True, slots=True)
class Sale:
    """A call that ended in a sale; the order generator turns it into an order."""

    call_id: uuid.UUID
    customer: DemoCustomer
    agent: AgentProfile
    at: datetime
    campaign: Campaign
    e164: str


@dataclass(frozen=True, slots=True)
class Complaint:
    """A service-line call that opened a case (a complaint or a fault to escalate)."""

    call_id: uuid.UUID
    customer: DemoCustomer
    agent: AgentProfile
    at: datetime
    code: str


@dataclass(slots=True)
class _AgentDay:
    shift: Shift
    t: datetime
    skill: float
    pauses: deque[Pause]
    state: str = ""


@dataclass
class History:
    """Everything the simulated fortnight produced; :meth:`write` inserts the rows."""

    calls: list[dict[str, Any]] = field(default_factory=list)
    dispositions: list[dict[str, Any]] = field(default_factory=list)
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    states: list[dict[str, Any]] = field(default_factory=list)
    sales: list[Sale] = field(default_factory=list)
    complaints: list[Complaint] = field(default_factory=list)

    def write(self, ctx: DemoContext) -> None:
        """Insert calls, dispositions, callbacks and agent state events (after the contacts)."""
        ctx.insert(calls, self.calls)
        ctx.insert(dispositions, self.dispositions)
        ctx.insert(callbacks, self.callbacks)
        ctx.insert(agent_state_events, self.states)


class Fortnight:
    """Simulates the center's last two weeks, agent by agent, in time order.

    Agents share the call list: due callbacks first (personal, then the team's), then due
    retries, then new contacts up to a daily allowance; a contact is only ever in one queue,
    so no two agents call it at once. Some calls are inbound on the service line.

    Args:
        ctx: The generation run.
        staff: The agents.
        catalogue: Campaigns and their disposition codes.
        book: The customers (inbound callers are drawn from them).
        lists: The call lists; their contacts are updated in place.
        demo_agent: Username who must be signed out at ``now``.
    """

    def __init__(self, ctx: DemoContext, staff: Staff, catalogue: Catalogue,
                 book: CustomerBook, lists: CallLists, demo_agent: str) -> None:
        self._ctx = ctx
        self._now = ctx.now
        self._rng = ctx.rng("history")
        self._ids = ctx.ids("history")
        self._staff = staff
        self._out = catalogue.outbound
        self._in = catalogue.inbound
        self._book = book
        self._lists = lists
        self._demo_agent = demo_agent
        self._queues = CallQueues(ctx.rng("queues"), staff, lists.contacts)
        self._per_agent_day = 0.0
        self._callers = 0.0
        self._callbacks_booked: dict[uuid.UUID, int] = {}
        self.history = History()

    def run(self) -> History:
        """Simulate every day from two weeks ago up to ``now`` and return what happened."""
        first = self._ctx.today - timedelta(days=HISTORY_DAYS)
        plan_rng = self._ctx.rng("shifts")
        days = [first + timedelta(days=n) for n in range(HISTORY_DAYS + 1)]
        plans = [plan_day(plan_rng, self._staff.agents, day, n) for n, day in enumerate(days)]
        agent_days = sum(1 for shifts in plans for s in shifts if s.start <= self._now)
        self._per_agent_day = NEW_CONTACT_SHARE * len(self._lists.contacts) / max(agent_days, 1)
        for shifts in plans:
            self._day(shifts)
        return self.history

    # ------------------------------------------------------------------ the day loop
    def _day(self, shifts: list[Shift]) -> None:
        heap: list[tuple[datetime, int, _AgentDay]] = []
        present = sum(1 for shift in shifts if shift.login <= self._now)
        self._callers = (CALLERS_PER_CUSTOMER_DAY * len(self._book.customers) * present
                         / len(self._staff.agents))
        for shift in shifts:
            if shift.login > self._now:
                continue
            self._queues.allowance += self._per_agent_day
            agent = shift.agent
            skill = agent.conversion
            if agent.improving:
                skill *= 0.5 + 0.9 * shift.day_index / HISTORY_DAYS
            day = _AgentDay(shift, shift.start, skill, deque(shift.pauses))
            self._state(day, AgentStateKind.NOT_READY, NotReadyReason.SIGNED_IN.value,
                        shift.login)
            heap.append((day.t, agent.index, day))
        heapq.heapify(heap)
        while heap:
            _, _, day = heapq.heappop(heap)
            if self._step(day):
                heapq.heappush(heap, (day.t, day.shift.agent.index, day))

    def _step(self, day: _AgentDay) -> bool:
        """Advance one agent by one pause or one call; return False when their day is over."""
        t, shift, rng = day.t, day.shift, self._rng
        if t > self._now:
            return self._stop(day)
        if day.pauses and t >= day.pauses[0].start:
            pause = day.pauses.popleft()
            back = t + timedelta(seconds=round(pause.minutes * 60))
            if back > self._now and shift.agent.username == self._demo_agent:
                return self._stop(day)
            self._state(day, AgentStateKind.NOT_READY, pause.reason, t)
            if back > self._now:
                return False
            day.t = back
            self._state(day, AgentStateKind.READY, "", back)
            return True
        if day.state != AgentStateKind.READY:
            self._state(day, AgentStateKind.READY, "", t)
        if t >= shift.end - _LAST_CALL:
            out = max(t, shift.end)
            if out > self._now:
                return self._stop(day)
            self._state(day, AgentStateKind.LOGGED_OUT, "", out)
            return False
        weekend = t.astimezone(SHANGHAI).weekday() >= 5
        callers = self._callers >= 1
        inbound = callers and rng.random() < shift.agent.inbound_share * (0.6 if weekend else 1)
        task = None if inbound else self._queues.next_task(shift.agent, t)
        if task is not None:
            gap = rng.uniform(15, 60) * shift.agent.pace
        elif inbound:
            gap = rng.uniform(5, 90)
        elif callers and rng.random() < 0.15:
            gap, inbound = rng.uniform(60, 300), True
        else:
            day.t = t + timedelta(seconds=rng.randrange(120, 600))
            return True
        if inbound:
            self._callers -= 1
        start = t + timedelta(seconds=round(gap))
        if task is not None and task.callback is not None and rng.random() < 0.04:
            self._cancel_callback(task, start)
            day.t = start
            return True
        result, customer, e164 = self._place(day.shift.agent, task, inbound, day.skill)
        end = start + timedelta(seconds=result.ring + result.talk)
        campaign = self._in if inbound or task is None or task.contact is None else self._out
        # Unanswered calls are dispositioned by the dialer itself, with no wrap-up.
        wrap = rng.randrange(8, campaign.wrapup_seconds + 1) if result.answered else 0
        ready = end + timedelta(seconds=wrap)
        if ready > self._now:
            if task is not None:
                self._queues.give_back(task, start)
            return self._stop(day)
        call_id = self._record_call(day, campaign, task, customer, e164, inbound, start, end,
                                    ready, result)
        self._consequences(day.shift.agent, campaign, task, customer, e164, call_id, result, ready)
        day.t = ready
        return True

    def _stop(self, day: _AgentDay) -> bool:
        if day.shift.agent.username == self._demo_agent and day.state != AgentStateKind.LOGGED_OUT:
            self._state(day, AgentStateKind.LOGGED_OUT, "", min(day.t, self._now))
        return False

    def _state(self, day: _AgentDay, state: AgentStateKind, reason: str, at: datetime) -> None:
        day.state = state
        self.history.states.append({**synced(self._ids.at(at), at),
                                    "agent_id": day.shift.agent.user_id, "state": state.value,
                                    "reason": reason, "at": at})

    def _cancel_callback(self, task: Task, at: datetime) -> None:
        assert task.callback is not None
        task.callback.update(status=CallbackStatus.CANCELLED.value, updated_at=at)
        contact = task.contact
        if contact is not None:
            contact.status, contact.next_attempt_at, contact.updated_at = (
                ContactStatus.RETRY, at, at)
            self._queues.add_retry(contact, at)

    # ------------------------------------------------------------------ one call
    def _place(self, agent: AgentProfile, task: Task | None, inbound: bool,
               skill: float) -> tuple[CallResult, DemoCustomer | None, str]:
        rng = self._rng
        if inbound or task is None:
            if rng.random() < 0.9:
                customer = rng.choice(self._book.customers)
                return (outcomes.answer_inbound(rng, agent, known=True, skill=skill), customer,
                        customer.primary)
            number = self._book.numbers.mobile()
            return outcomes.answer_inbound(rng, agent, known=False, skill=skill), None, number
        if task.contact is None:
            return (outcomes.return_call(rng, agent, skill=skill), task.customer,
                    task.customer.primary)
        contact = task.contact
        may_book = (self._callbacks_booked.get(contact.id, 0) < 2
                    and contact.attempts + 1 < self._out.max_attempts)
        result = outcomes.dial(rng, agent, contact, skill=skill, callback=task.callback is not None,
                               may_book_callback=may_book)
        return result, contact.customer, contact.e164

    def _record_call(self, day: _AgentDay, campaign: Campaign, task: Task | None,
                     customer: DemoCustomer | None, e164: str, inbound: bool, start: datetime,
                     end: datetime, ready: datetime, result: CallResult) -> uuid.UUID:
        agent = day.shift.agent
        call_id = self._ids.at(start)
        answered = start + timedelta(seconds=result.ring) if result.answered else None
        contact = None if task is None else task.contact
        direction = CallDirection.INBOUND if inbound else CallDirection.OUTBOUND
        self.history.calls.append({
            **synced(call_id, ready), "campaign_id": campaign.id,
            "contact_id": None if contact is None else contact.id,
            "customer_id": None if customer is None else customer.id, "agent_id": agent.user_id,
            "direction": direction.value, "e164": e164, "started_at": start,
            "answered_at": answered, "ended_at": end, "end_reason": result.end_reason,
            "talk_seconds": result.talk, "recording_consent": result.consent,
            "lease_token": None,
        })
        self._state(day, AgentStateKind.ON_CALL, "", start)
        if ready > end:
            self._state(day, AgentStateKind.WRAP_UP, "", end)
        notes = outcomes.notes_for(result.code, campaign is self._in)
        self.history.dispositions.append({
            **synced(self._ids.at(ready), ready), "call_id": call_id,
            "disposition_code_id": campaign.codes[result.code].id, "agent_id": agent.user_id,
            "notes": self._rng.choice(notes) if notes else "", "at": ready,
        })
        self._state(day, AgentStateKind.READY, "", ready)
        return call_id

    def _consequences(self, agent: AgentProfile, campaign: Campaign, task: Task | None,
                      customer: DemoCustomer | None, e164: str, call_id: uuid.UUID,
                      result: CallResult, at: datetime) -> None:
        category = campaign.codes[result.code].category
        if task is not None and task.callback is not None:
            task.callback.update(status=CallbackStatus.DONE.value, updated_at=at)
        if customer is not None and category is DispositionCategory.SALE:
            self.history.sales.append(Sale(call_id, customer, agent, at, campaign, e164))
        elif customer is not None and (result.code == "COMPLAINT" or (
                result.code == "FAULT" and self._rng.random() < 0.25)):
            self.history.complaints.append(Complaint(call_id, customer, agent, at, result.code))
        if category is DispositionCategory.DNC and e164 not in self._lists.dnc:
            self._lists.dnc.add(e164)
            self._lists.dnc_rows.append({
                **synced(self._ids.at(at), at), "e164": e164,
                "reason": "通话中客户要求不再接收营销电话", "source": "call", "expires_at": None})
        contact = None if task is None else task.contact
        if contact is None:
            if category is DispositionCategory.CALLBACK and customer is not None:
                self._book_callback(agent, Task(customer), at, service=True)
            return
        contact.attempts += 1
        contact.last_disposition = result.code
        contact.updated_at = at
        contact.next_attempt_at = None
        contact.callback_agent = None
        if category is DispositionCategory.SALE or category is DispositionCategory.CONTACT:
            contact.status = ContactStatus.DONE
        elif category is DispositionCategory.DNC:
            contact.status = ContactStatus.DNC
        elif category is DispositionCategory.WRONG_NUMBER:
            contact.status = ContactStatus.INVALID
        elif category is DispositionCategory.CALLBACK:
            contact.status = ContactStatus.CALLBACK
            self._callbacks_booked[contact.id] = self._callbacks_booked.get(contact.id, 0) + 1
            booked = Task(contact.customer, contact)
            contact.next_attempt_at = self._book_callback(agent, booked, at, service=False)
            assert booked.callback is not None
            contact.callback_agent = booked.callback["agent_id"]  # None: the team's
        elif contact.attempts >= self._out.max_attempts:
            contact.status = ContactStatus.DONE
        else:
            contact.status = ContactStatus.RETRY
            retry = campaign.codes[result.code].retry_minutes or 120
            due = self._queues.retry_time(contact, at, at + timedelta(minutes=retry))
            contact.next_attempt_at = due
            self._queues.add_retry(contact, due)

    def _book_callback(self, agent: AgentProfile, task: Task, at: datetime, *,
                       service: bool) -> datetime:
        rng = self._rng
        if rng.random() < 0.4 and at.astimezone(SHANGHAI).hour < 17:
            due = at + timedelta(seconds=rng.randrange(2 * 3600, 4 * 3600, 300))
        else:
            day = at.astimezone(SHANGHAI).date() + timedelta(days=rng.choice((1, 1, 2, 3)))
            due = local(day, time(rng.randrange(10, 20), rng.choice((0, 15, 30, 45))))
        personal = rng.random() < (0.5 if service else 0.75)
        row = {
            **synced(self._ids.at(at), at),
            "contact_id": None if task.contact is None else task.contact.id,
            "customer_id": task.customer.id,
            "agent_id": agent.user_id if personal else None,
            "team_id": None if personal else self._staff.team_ids[agent.team],
            "due_at": due,
            "scope": (CallbackScope.PERSONAL if personal else CallbackScope.TEAM).value,
            "status": CallbackStatus.PENDING.value,
            "notes": ("客户来电要求回电" if service
                      else f"客户约 {due.astimezone(SHANGHAI):%m-%d %H:%M} 再联系"),
        }
        self.history.callbacks.append(row)
        task.callback = row
        self._queues.add_callback(task)
        return due
