"""A console's phone for GUI tests: the simulated phone with short ring times, kept at hand."""

from __future__ import annotations

from collections.abc import Callable

from agentdesk.domain.telephony import Phone
from agentdesk.services.workspace import Workspace
from agentdesk.telephony import PhoneSetup, create_phone
from agentdesk.telephony.simulated import SimulatedPhone
from agentdesk.ui.calls.phone_bridge import QtScheduler
from agentdesk.ui.main_window import MainWindow

FAST = {"dial_seconds": "0.02", "ring_seconds": "0.03-0.03", "no_answer_seconds": "0.05",
        "inbound_ring_seconds": "1.5"}


def use_simulated_phones(window: MainWindow) -> list[SimulatedPhone]:
    """Give ``window`` fast simulated phones; return the list that collects each one made."""
    phones: list[SimulatedPhone] = []

    def factory(ws: Workspace, scheduler: QtScheduler, callers: Callable[[], str]) -> Phone:
        phone = create_phone("simulated", PhoneSetup(scheduler, ws.clock, FAST,
                                                     callers=callers))
        assert isinstance(phone, SimulatedPhone)
        phones.append(phone)
        return phone

    window.calls.phone_factory = factory
    return phones
