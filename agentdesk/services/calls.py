"""The services one agent's call workflow uses, bundled for the console."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from agentdesk.domain.ports import Clock
from agentdesk.domain.telephony import Phone, Scheduler
from agentdesk.services.agent_states import AgentStateService
from agentdesk.services.dialing import DialingService
from agentdesk.services.my_day import MyDayService
from agentdesk.services.screen_pop import ScreenPopService
from agentdesk.telephony import DEFAULT_BACKEND, PhoneSetup, create_phone

__all__ = ["DEFAULT_BACKEND", "CallServices", "open_phone"]


@dataclass(frozen=True)
class CallServices:
    """What the console needs to run an agent's calls.

    Attributes:
        dialing: Next contact, dial checks, call results and callbacks.
        states: The agent's state events.
        my_day: Today's figures.
        screen_pop: Inbound caller look-up.
    """

    dialing: DialingService
    states: AgentStateService
    my_day: MyDayService
    screen_pop: ScreenPopService


def open_phone(
    backend: str,
    scheduler: Scheduler,
    clock: Clock,
    options: Mapping[str, str],
    callers: Callable[[], str] | None = None,
) -> Phone:
    """Create the phone backend registered as ``backend``.

    Raises:
        KnownError: the backend is unknown or its options are malformed.
    """
    return create_phone(backend, PhoneSetup(scheduler, clock, dict(options), callers=callers))
