"""Qt timers for phone backends, and phone events turned into queued Qt signals."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from agentdesk.domain.telephony import CallSnapshot


class _Timer:
    """One scheduled call on a single-shot QTimer; ``cancel`` stops it."""

    def __init__(self, parent: QObject, seconds: float, fn: Callable[[], None]) -> None:
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._fn: Callable[[], None] | None = fn
        self._timer.start(max(0, round(seconds * 1000)))

    def _fire(self) -> None:
        fn, self._fn = self._fn, None
        self._timer.deleteLater()
        if fn is not None:
            fn()

    def cancel(self) -> None:
        if self._fn is not None:
            self._fn = None
            self._timer.stop()
            self._timer.deleteLater()


class QtScheduler(QObject):
    """A :class:`~agentdesk.domain.telephony.Scheduler` on the GUI thread's event loop."""

    def call_later(self, seconds: float, fn: Callable[[], None]) -> _Timer:
        """Run ``fn`` on the GUI thread after ``seconds``."""
        return _Timer(self, seconds, fn)


class PhoneBridge(QObject):
    """A phone listener whose events reach the GUI thread as signals, from any thread.

    Signals:
        call_changed(object): a :class:`CallSnapshot`.
        digits_sent(object, str): the phone's call id and the DTMF digits sent.
    """

    call_changed = Signal(object)
    digits_sent = Signal(object, str)

    def call_changed_event(self, call: CallSnapshot) -> None:
        """Forward a call change (the listener method, under its protocol name below)."""
        self.call_changed.emit(call)

    def digits_sent_event(self, call_id: uuid.UUID, digits: str) -> None:
        """Forward digits sent."""
        self.digits_sent.emit(call_id, digits)


class BridgeListener:
    """Adapts :class:`PhoneBridge` to :class:`~agentdesk.domain.telephony.PhoneListener`."""

    def __init__(self, bridge: PhoneBridge) -> None:
        self._bridge = bridge

    def call_changed(self, call: CallSnapshot) -> None:
        """Emit the bridge's signal (queued when called off the GUI thread)."""
        self._bridge.call_changed_event(call)

    def digits_sent(self, call_id: uuid.UUID, digits: str) -> None:
        """Emit the bridge's signal (queued when called off the GUI thread)."""
        self._bridge.digits_sent_event(call_id, digits)
