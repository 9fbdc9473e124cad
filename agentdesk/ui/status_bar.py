"""The status bar's sync area: server, outbox depth and age, last sync, rejections."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from agentdesk.ui.labels import Labels
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.status import StatusSnapshot

REFRESH_MS = 5000


class SyncStatusArea(QWidget):
    """Shows the workstation's :class:`StatusSnapshot`, refreshed in the background."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._source: Callable[[], StatusSnapshot] | None = None
        self._snapshot: StatusSnapshot | None = None
        self._in_flight = False
        self.server = QLabel(self)
        self.server.setObjectName("syncServer")
        self.outbox = QLabel(self)
        self.outbox.setObjectName("syncOutbox")
        self.last_sync = QLabel(self)
        self.last_sync.setObjectName("syncLast")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.server, self.outbox, self.last_sync):
            layout.addWidget(label)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

    def set_source(self, source: Callable[[], StatusSnapshot] | None) -> None:
        """Read figures from ``source`` (None: signed out, nothing to show)."""
        self._source = source
        self._snapshot = None
        if source is None:
            self._timer.stop()
        else:
            self._timer.start()
            self.refresh()
        self.retranslate_ui()

    def refresh(self) -> None:
        """Fetch the figures on a worker thread, unless a fetch is still running."""
        source = self._source
        if source is None or self._in_flight:
            return
        self._in_flight = True

        def done(snapshot: StatusSnapshot) -> None:
            self._snapshot = snapshot
            self.retranslate_ui()

        def stopped() -> None:
            self._in_flight = False

        self._runner.run(source, done, lambda _error: None, owner=self, finished=stopped)

    def _age(self, delta: timedelta) -> str:
        seconds = int(delta.total_seconds())
        if seconds < 60:
            return self.tr("%n second(s)", "", seconds)
        if seconds < 120 * 60:
            return self.tr("%n minute(s)", "", seconds // 60)
        return self.tr("%n hour(s)", "", seconds // 3600)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        snap = self._snapshot
        self.setVisible(snap is not None)
        if snap is None:
            return
        if not snap.server_url:
            self.server.setText(self.tr("Working locally (no server configured)"))
        elif snap.server_url.startswith("demo:"):
            self.server.setText(self.tr("Demo server (on this computer)"))
        else:
            self.server.setText(self.tr("Server: %1").replace("%1", snap.server_url))
        if snap.oldest_unpushed is None:
            self.outbox.setText(self.tr("All changes saved"))
        else:
            self.outbox.setText(
                self.tr("%n change(s) waiting to sync", "", snap.outbox_depth)
                + " · " + self.tr("oldest %1").replace("%1", self._age(snap.oldest_unpushed))
            )
        if snap.rejected:
            self.outbox.setText(self.outbox.text() + " · "
                                + self.tr("%n rejected", "", snap.rejected))
        if snap.last_sync_at is None:
            self.last_sync.setText(self.tr("Never synced"))
        else:
            when = Labels.when(snap.last_sync_at)
            self.last_sync.setText(self.tr("Last sync %1").replace("%1", when))
