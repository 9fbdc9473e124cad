"""The status bar's sync area: server, online state, outbox, last sync, sync issues, progress."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from agentdesk.ui.labels import Labels
from agentdesk.ui.messages import Messages
from agentdesk.ui.sync import PROTOCOL_MISMATCH, UNREACHABLE, SyncController
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.status import StatusSnapshot
    from agentdesk.services.sync import RoundProgress

REFRESH_MS = 5000
OFFLINE_STYLE = "color: #8a5a00;"
FAILED_STYLE = "color: #b3261e;"
ISSUES_STYLE = "color: #b3261e; text-decoration: underline;"


class ClickableLabel(QLabel):
    """A label that reacts to a left click like a link.

    Signals:
        clicked(): the label was clicked.
    """

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Emit ``clicked`` for a left click inside the label."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class SyncStatusArea(QWidget):
    """Shows the workstation's :class:`StatusSnapshot` and the state of background sync.

    The figures are read on a worker thread: every few seconds, and after every sync round.

    Signals:
        issues_requested(): the user clicked the conflicts and rejections count.
    """

    issues_requested = Signal()

    def __init__(
        self, runner: TaskRunner, controller: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._controller = controller
        self._messages = Messages(self)
        self._source: Callable[[], StatusSnapshot] | None = None
        self._snapshot: StatusSnapshot | None = None
        self._progress: RoundProgress | None = None
        self._in_flight = False
        self._again = False
        self.server = QLabel(self)
        self.server.setObjectName("syncServer")
        self.connection = QLabel(self)
        self.connection.setObjectName("syncConnection")
        self.outbox = QLabel(self)
        self.outbox.setObjectName("syncOutbox")
        self.last_sync = QLabel(self)
        self.last_sync.setObjectName("syncLast")
        self.issues = ClickableLabel(self)
        self.issues.setObjectName("syncIssues")
        self.issues.setStyleSheet(ISSUES_STYLE)
        self.issues.clicked.connect(self.issues_requested)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 12, 0)  # apart from the user's name
        layout.setSpacing(12)
        for widget in (self.server, self.connection, self.progress, self.outbox,
                       self.last_sync, self.issues):
            layout.addWidget(widget)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        controller.state_changed.connect(self._state_changed)
        controller.progress_changed.connect(self._show_progress)
        controller.round_finished.connect(lambda _report: self.refresh())
        controller.round_failed.connect(lambda _message: self.refresh())

    def set_source(self, source: Callable[[], StatusSnapshot] | None) -> None:
        """Read figures from ``source`` (None: signed out, nothing to show)."""
        self._source = source
        self._snapshot = None
        self._progress = None
        if source is None:
            self._timer.stop()
        else:
            self._timer.start()
            self.refresh()
        self.retranslate_ui()

    def refresh(self) -> None:
        """Fetch the figures on a worker thread (again after the fetch that is running)."""
        source = self._source
        if source is None:
            return
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        self._again = False

        def done(snapshot: StatusSnapshot) -> None:
            if source is self._source:
                self._snapshot = snapshot
                self.retranslate_ui()

        def stopped() -> None:
            self._in_flight = False
            if self._again:
                self.refresh()

        self._runner.run(source, done, lambda _error: None, owner=self, finished=stopped)

    def _state_changed(self) -> None:
        if not self._controller.first_sync:
            self._progress = None
        self.retranslate_ui()

    def _show_progress(self, progress: RoundProgress) -> None:
        self._progress = progress
        self.retranslate_ui()

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
        first_sync = self._show_first_sync()
        self.setVisible(snap is not None or first_sync)
        for label in (self.server, self.outbox, self.last_sync):
            label.setVisible(snap is not None)
        if snap is None:
            self.connection.hide()
            self.issues.hide()
            return
        if not snap.server_url:
            self.server.setText(self.tr("Working locally (no server configured)"))
        elif snap.server_url.startswith("demo:"):
            self.server.setText(self.tr("Demo server (on this computer)"))
        else:
            self.server.setText(self.tr("Server: %1").replace("%1", _short(snap.server_url)))
        self.server.setToolTip(_display(snap.server_url) if snap.server_url else "")
        self._show_connection(snap)
        if snap.oldest_unpushed is None:
            self.outbox.setText(self.tr("All changes saved"))
        else:
            self.outbox.setText(
                self.tr("%n change(s) waiting to sync", "", snap.outbox_depth)
                + " · " + self.tr("oldest %1").replace("%1", self._age(snap.oldest_unpushed))
            )
        if snap.last_sync_at is None:
            self.last_sync.setText(self.tr("Never synced"))
        else:
            self.last_sync.setText(self.tr("Last sync %1").replace(
                "%1", _when(snap.last_sync_at)))
        issues = []
        if snap.conflicts:
            issues.append(self.tr("%n conflict(s)", "", snap.conflicts))
        if snap.rejected:
            issues.append(self.tr("%n rejected change(s)", "", snap.rejected))
        self.issues.setText(" · ".join(issues))
        self.issues.setToolTip(self.tr("Show the sync issues (Ctrl+Shift+Y)"))
        self.issues.setVisible(bool(issues))

    def _show_connection(self, snap: StatusSnapshot) -> None:
        controller = self._controller
        self.connection.setVisible(bool(snap.server_url))
        online = controller.online if controller.online is not None else snap.online
        problem = controller.problem if controller.active else None
        style = ""
        tooltip = self.tr("Server: %1").replace("%1", _display(snap.server_url))
        if problem is not None and problem.code == PROTOCOL_MISMATCH:
            text = self.tr("Sync stopped: upgrade needed")
            style = FAILED_STYLE
            tooltip = self._messages.error(problem)
        elif controller.syncing:
            text = self.tr("Syncing…")
        elif controller.halted and controller.active:
            text = self.tr("Sync stopped after an error")
            style = FAILED_STYLE
            tooltip = self.tr("Press F9 to try again.")
        elif problem is not None and problem.code != UNREACHABLE:
            text = self.tr("Sync failed")
            style = FAILED_STYLE
            tooltip = self._messages.error(problem)
        elif online is False:
            text = self.tr("Offline — changes kept on this computer")
            style = OFFLINE_STYLE
            tooltip = self._messages.error(problem) if problem is not None else tooltip
        elif online is True:
            text = self.tr("Online")
        else:
            text = self.tr("Not synced yet")
        self.connection.setText(text)
        self.connection.setStyleSheet(style)
        self.connection.setToolTip(tooltip)

    def _show_first_sync(self) -> bool:
        """Show the progress of a first sync; return whether one is running."""
        bar = self.progress
        if not (self._controller.first_sync and self._controller.active and self._source):
            bar.hide()
            return False
        progress = self._progress
        if progress is None or progress.total <= 0:
            bar.setRange(0, 0)  # busy until the first figures arrive
            bar.setFormat(self.tr("First sync…"))
        else:
            bar.setRange(0, progress.total)
            bar.setValue(min(progress.done, progress.total))
            bar.setFormat(self.tr("Sending changes %p%") if progress.phase == "push"
                          else self.tr("First sync %p%"))
        bar.setToolTip(self.tr("The first sync copies the call center's data to this "
                               "computer. You can keep working meanwhile."))
        sample = bar.format().replace("%p", "100")
        bar.setFixedWidth(bar.fontMetrics().horizontalAdvance(sample) + 48)
        bar.show()
        return True


def _when(value: datetime) -> str:
    """Return a sync time: the time of day if it was today, else the date too."""
    local = value.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M:%S")
    return Labels.when(value)


def _display(url: str) -> str:
    """Return a server URL fit to show: without its password."""
    return QUrl(url).toDisplayString()


def _short(url: str) -> str:
    """Return the server's host name, or the file name of a SQLite server."""
    parsed = QUrl(url)
    return parsed.host() or parsed.fileName() or _display(url)
