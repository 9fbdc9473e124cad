"""A call walked a few steps into its script, played on the demo console for screenshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from agentdesk.ui.calls.scene import CallScene

if TYPE_CHECKING:
    from agentdesk.ui.calls.call_area import CallArea
    from agentdesk.ui.scripts.area import ScriptArea

# Speaking, verified, agrees to recording, runs out of data: the upgrade offer.
ANSWERS = (0, 0, 0, 0)
SETTLE_MS = 400


class ScriptScene:
    """A connected call whose agent answered the first steps, then ``done`` is called."""

    def __init__(self, calls: CallArea, scripts: ScriptArea, done: Callable[[], None]) -> None:
        self._scripts = scripts
        self._done = done
        self._call = CallScene(calls, self._talking)

    def play(self) -> None:
        """Start once the console is ready (signed in, record shown)."""
        self._call.play()

    def _talking(self) -> None:
        panel = self._scripts.panel
        walk = panel.walk
        if walk is not None:
            for index in ANSWERS:
                if index < len(walk.current.answers):
                    panel.choose(index)
        QTimer.singleShot(SETTLE_MS, self._done)
