"""A call walked a few steps into its script, played on the demo console for screenshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from agentdesk.domain.calls import CallDirection
from agentdesk.domain.telephony import CallState
from agentdesk.ui.calls.scene import CallScene

if TYPE_CHECKING:
    from agentdesk.ui.calls.call_area import CallArea
    from agentdesk.ui.calls.live_call import LiveCall
    from agentdesk.ui.scripts.area import ScriptArea

# Speaking, verified, agrees to recording, runs out of data: the upgrade offer.
ANSWERS = (0, 0, 0, 0)
SETTLE_MS = 400


class ScriptScene:
    """A connected call whose agent answered the first steps, then ``done`` is called.

    Outside calling hours (nothing to dial) a customer calls the service line instead.
    """

    def __init__(self, calls: CallArea, scripts: ScriptArea, done: Callable[[], None]) -> None:
        self._calls = calls
        self._scripts = scripts
        self._done = done
        self._call = CallScene(calls, self._talking, nothing=self._ring_in)

    def play(self) -> None:
        """Start once the console is ready (signed in, record shown)."""
        self._call.play()

    def _ring_in(self) -> None:
        controller = self._calls.controller
        controller.call_changed.connect(self._answer)
        controller.ring_in(self._calls.pick_caller(known=True))

    def _answer(self, call: LiveCall | None) -> None:
        if call is not None and call.direction is CallDirection.INBOUND \
                and call.state is CallState.RINGING:
            self._calls.controller.answer()

    def _talking(self) -> None:
        panel = self._scripts.panel
        walk = panel.walk
        if walk is not None:
            for index in ANSWERS:
                if index < len(walk.current.answers):
                    panel.choose(index)
        QTimer.singleShot(SETTLE_MS, self._done)
