"""A call in progress, played on the demo console for screenshots of the call workflow."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from agentdesk.domain.telephony import CallState, Phone

if TYPE_CHECKING:
    from agentdesk.services.workspace import Workspace
    from agentdesk.ui.calls.call_area import CallArea
    from agentdesk.ui.calls.controller import LiveCall
    from agentdesk.ui.calls.phone_bridge import QtScheduler

TALK_MS = 4200  # how long the call runs before the picture is taken


def answering_phone(workspace: Workspace, scheduler: QtScheduler,
                    callers: Callable[[], str]) -> Phone:
    """A simulated phone whose customers answer at once."""
    from agentdesk.services.calls import open_phone

    options = {"answer": "1", "busy": "0", "no_answer": "0", "failed": "0",
               "dial_seconds": "0.2", "ring_seconds": "0.5-0.5"}
    return open_phone("simulated", scheduler, workspace.clock, options, callers)


class CallScene:
    """Ready → next contact → dial → connected with consent, then ``done`` is called."""

    def __init__(self, area: CallArea, done: Callable[[], None],
                 nothing: Callable[[], None] | None = None) -> None:
        self._area = area
        self._done = done
        self._nothing = nothing
        self._dialled = False
        self._finished = False
        area.phone_factory = answering_phone

    def play(self) -> None:
        """Start once the console is ready (signed in, record shown)."""
        controller = self._area.controller
        controller.preview_ready.connect(self._previewed)
        controller.call_changed.connect(self._call_changed)
        controller.nothing_to_call.connect(lambda _n: (self._nothing or self._finish)())
        controller.go_ready()
        controller.next_contact()

    def _previewed(self, _preview: object) -> None:
        if not self._dialled:
            self._dialled = True
            QTimer.singleShot(600, lambda: self._area.controller.dial(
                self._area.bar.number.text()))

    def _call_changed(self, call: LiveCall | None) -> None:
        if call is not None and call.state is CallState.CONNECTED and call.consent is None:
            self._area.controller.set_consent(True)
            QTimer.singleShot(TALK_MS, self._finish)

    def _finish(self) -> None:
        if not self._finished:
            self._finished = True
            self._done()
