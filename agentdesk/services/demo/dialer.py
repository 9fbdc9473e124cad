"""The shared work queues of the simulated dialer: callbacks, retries and new contacts."""

from __future__ import annotations

import heapq
import itertools
import random
import uuid
from collections import deque
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from agentdesk.domain.calls import CallbackScope
from agentdesk.services.demo.call_lists import DemoContact
from agentdesk.services.demo.context import SHANGHAI, local
from agentdesk.services.demo.customers import DemoCustomer
from agentdesk.services.demo.people import AgentProfile, Staff

LAST_DIAL = time(20, 45)
DIALS_PER_DAY = 2


@dataclass(slots=True)
class Task:
    """Outbound work for one agent: a contact to dial, or a customer to call back.

    Attributes:
        customer: Whom the call is for.
        contact: The list row, None for a service-line callback.
        callback: The callback row being worked, if any.
        fresh: Whether the contact was never dialled before.
    """

    customer: DemoCustomer
    contact: DemoContact | None = None
    callback: dict[str, Any] | None = None
    fresh: bool = False


class CallQueues:
    """Hands out work so that a contact is in at most one queue and never with two agents.

    Order of preference: the agent's own due callbacks, the team's due callbacks, due
    retries, then new contacts while the daily allowance lasts (the bought list mixed in
    once it is imported).

    Args:
        rng: The random source.
        staff: Agents and teams.
        contacts: Every contact of the call lists.
    """

    def __init__(self, rng: random.Random, staff: Staff, contacts: list[DemoContact]) -> None:
        self._rng = rng
        self._staff = staff
        self._seq = itertools.count()
        self._personal: dict[uuid.UUID, list[tuple[datetime, int, Task]]] = {
            a.user_id: [] for a in staff.agents}
        self._team: dict[uuid.UUID, list[tuple[datetime, int, Task]]] = {
            t: [] for t in staff.team_ids}
        self._retry: list[tuple[datetime, int, DemoContact]] = []
        order = {c.id: (-c.priority, rng.random()) for c in contacts}
        self._fresh = [deque(sorted((c for c in contacts if c.batch == batch),
                                    key=lambda c: order[c.id])) for batch in (0, 1)]
        self._dials: dict[uuid.UUID, tuple[date, int]] = {}
        self.allowance = 0.0

    def next_task(self, agent: AgentProfile, t: datetime) -> Task | None:
        """Return the work ``agent`` should do at ``t``, or None if nothing is due."""
        team = self._staff.team_ids[agent.team]
        for queue in (self._personal[agent.user_id], self._team[team]):
            if queue and queue[0][0] <= t:
                return heapq.heappop(queue)[2]
        if self._retry and self._retry[0][0] <= t:
            contact = heapq.heappop(self._retry)[2]
            return Task(contact.customer, contact)
        if self.allowance < 1:
            return None
        main, bought = self._fresh
        use_bought = bool(bought) and bought[0].available_from <= t and (
            not main or self._rng.random() < 0.35)
        source = bought if use_bought else main
        if not source:
            return None
        self.allowance -= 1
        contact = source.popleft()
        return Task(contact.customer, contact, fresh=True)

    def give_back(self, task: Task, at: datetime) -> None:
        """Return a task that was taken but not worked, as if it had never been handed out."""
        contact = task.contact
        if task.fresh and contact is not None:
            self._fresh[contact.batch].appendleft(contact)
            self.allowance += 1
        elif task.callback is not None:
            self.add_callback(task)
        elif contact is not None:
            self.add_retry(contact, at)

    def add_callback(self, task: Task) -> None:
        """Queue ``task`` (whose callback row is set) for its agent or its team."""
        row = task.callback
        assert row is not None
        entry = (row["due_at"], next(self._seq), task)
        if row["scope"] == CallbackScope.PERSONAL.value:
            heapq.heappush(self._personal[row["agent_id"]], entry)
        else:
            heapq.heappush(self._team[row["team_id"]], entry)

    def add_retry(self, contact: DemoContact, due: datetime) -> None:
        """Queue ``contact`` to be dialled again from ``due``."""
        heapq.heappush(self._retry, (due, next(self._seq), contact))

    def retry_time(self, contact: DemoContact, dialled: datetime, due: datetime) -> datetime:
        """Move a retry into calling hours, and to the next day after two dials in one day.

        Args:
            contact: The contact just dialled.
            dialled: When it was dialled.
            due: When the disposition's retry rule would call again.
        """
        today = dialled.astimezone(SHANGHAI).date()
        last_day, count = self._dials.get(contact.id, (today, 0))
        count = count + 1 if last_day == today else 1
        self._dials[contact.id] = (today, count)
        wanted = due.astimezone(SHANGHAI)
        if wanted.date() > today and time(9) <= wanted.time() <= LAST_DIAL:
            return due
        if wanted.date() == today and count < DIALS_PER_DAY and wanted.time() <= LAST_DIAL:
            return due
        if wanted.date() > today and wanted.time() < time(9):
            day = wanted.date()
        else:
            day = max(wanted.date(), today) + timedelta(days=1)
        return local(day, time(9)) + timedelta(seconds=self._rng.randrange(0, 11 * 3600))
