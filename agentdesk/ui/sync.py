"""Background sync for the console: rounds on a worker, on a timer and on demand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from agentdesk.domain.errors import KnownError
from agentdesk.ui.messages import Messages
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.services.sync import RoundProgress, RoundReport, SyncService

SYNC_INTERVAL_MS = 1500  # agent state events reach the server within 2 s while online
MAX_BACKOFF_MS = 30_000
SHOW_BUSY_AFTER_MS = 1000  # a round slower than this shows "Syncing…"
UNREACHABLE = "server_unreachable"
PROTOCOL_MISMATCH = "protocol_mismatch"


class _WorkerRelay(QObject):
    """Lives on the GUI thread; a round's worker emits, the controller hears it queued.

    Signals:
        first_sync_started(int): the round of this generation is a first sync.
        progress(int, object): generation, and the round's RoundProgress.
    """

    first_sync_started = Signal(int)
    progress = Signal(int, object)


class SyncController(QObject):
    """Runs the sync rounds of the signed-in session in the background.

    One round at a time, always on a worker thread: the next starts ``interval_ms`` after
    the last one ended while the server answers; while it does not, the wait doubles up to
    ``max_backoff_ms`` and goes back to ``interval_ms`` after a round succeeds.
    :meth:`sync_now` starts a round at once, or right after the running one. After a bug
    (reported by the task runner with its log) rounds wait for :meth:`sync_now`, so one
    fault does not report itself again every few seconds.

    Attributes:
        online: True after a round reached the server, False after it could not; None
            before the first round.
        problem: The known error of the last round, None after a success.
        failures: Rounds failed in a row.
        first_sync: True while the first sync of a new workstation runs.
        halted: True after a bug, until :meth:`sync_now`.
        next_delay_ms: The wait before the next round.

    Signals:
        round_finished(object): the RoundReport of a completed round.
        round_failed(str): a round failed with a known error; what to tell the user.
        state_changed(): online/offline, busy, first-sync or problem state changed.
        progress_changed(object): the RoundProgress of a first sync.
        upgrade_needed(str): this workstation and the server cannot sync until one of them
            is upgraded; emitted once per sync service, with the explanation.
    """

    round_finished = Signal(object)
    round_failed = Signal(str)
    state_changed = Signal()
    progress_changed = Signal(object)
    upgrade_needed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        interval_ms: int = SYNC_INTERVAL_MS,
        max_backoff_ms: int = MAX_BACKOFF_MS,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._messages = Messages(self)
        self._interval_ms = interval_ms
        self._max_backoff_ms = max_backoff_ms
        self._service: SyncService | None = None
        self._last_service: SyncService | None = None
        self._generation = 0
        self._running = False
        self._pending_now = False
        self._reached = False  # a round of this service completed: no first sync any more
        self._told_upgrade = False
        self._show_busy = False
        self.online: bool | None = None
        self.problem: KnownError | None = None
        self.failures = 0
        self.first_sync = False
        self.halted = False
        self.next_delay_ms = interval_ms
        self._relay = _WorkerRelay(self)
        self._relay.first_sync_started.connect(self._first_sync_started,
                                               Qt.ConnectionType.QueuedConnection)
        self._relay.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._begin_round)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(SHOW_BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._round_is_slow)

    # ------------------------------------------------------------------ state
    @property
    def active(self) -> bool:
        """True while a session syncs (between :meth:`start` and :meth:`stop`)."""
        return self._service is not None

    @property
    def running(self) -> bool:
        """True while a round runs on a worker."""
        return self._running

    @property
    def scheduled(self) -> bool:
        """True while the timer of the next round runs."""
        return self._timer.isActive()

    @property
    def syncing(self) -> bool:
        """True when the user should see that a round runs.

        A round shows when it is the first contact with the server, a first sync, asked for
        by the user, or slow; the routine rounds every second and a half do not flicker.
        """
        return self._running and self.active and (self._show_busy or self.online is None
                                                  or self.first_sync)

    # ------------------------------------------------------------------ control
    def start(self, service: SyncService) -> None:
        """Sync with ``service`` from now on: a round at once, then on the timer."""
        self.stop()
        if service is not self._last_service:
            self._last_service = service
            self._reached = False
            self._told_upgrade = False
        self._service = service
        self.online = service.online
        self.problem = None
        self.failures = 0
        self.halted = False
        self.next_delay_ms = self._interval_ms
        self._kick()

    def stop(self) -> None:
        """Stop syncing; a running round completes on its worker and is not reported."""
        if self._service is None:
            return
        self._service = None
        self._generation += 1
        self._timer.stop()
        self._busy_timer.stop()
        self._pending_now = False
        self._show_busy = False
        self.first_sync = False
        self.state_changed.emit()

    def sync_now(self) -> bool:
        """Run a round now, or right after the running one; return False if not syncing."""
        if self._service is None:
            return False
        self._show_busy = True
        self.halted = False
        self._kick()
        self.state_changed.emit()
        return True

    def _kick(self) -> None:
        if self._running:
            self._pending_now = True
        else:
            self._timer.stop()
            self._begin_round()

    # ------------------------------------------------------------------ rounds
    def _begin_round(self) -> None:
        service = self._service
        if service is None or self._running:
            return
        self._running = True
        generation = self._generation
        check_first = not self._reached
        relay = self._relay
        outcome: list[bool] = []

        def report(progress: RoundProgress) -> None:  # on the worker
            relay.progress.emit(generation, progress)

        def work() -> RoundReport:  # on the worker
            first = check_first and service.first_sync_needed()
            if first:
                relay.first_sync_started.emit(generation)
            return service.run_round(report if first else None)

        def succeeded(result: RoundReport) -> None:
            outcome.append(True)
            self._succeeded(generation, result)

        def failed(error: KnownError) -> None:
            outcome.append(False)
            self._failed(generation, error)

        self._busy_timer.start()
        self.state_changed.emit()
        self._runner.run(work, succeeded, failed, owner=self,
                         finished=lambda: self._finished(generation, bool(outcome)))

    def _succeeded(self, generation: int, report: RoundReport) -> None:
        if generation != self._generation:
            return
        self._reached = True
        self.online = True
        self.halted = False
        self.problem = None
        self.failures = 0
        self.next_delay_ms = self._interval_ms
        self.first_sync = False
        self.round_finished.emit(report)

    def _failed(self, generation: int, error: KnownError) -> None:
        if generation != self._generation:
            return
        self._note_failure()
        self.problem = error
        if error.code == UNREACHABLE:
            self.online = False
        elif error.code == PROTOCOL_MISMATCH:
            self.online = True  # the server answered; it cannot sync with us
        self.first_sync = False
        text = self._messages.error(error)
        if error.code == PROTOCOL_MISMATCH and not self._told_upgrade:
            self._told_upgrade = True
            self.upgrade_needed.emit(text)
        self.round_failed.emit(text)

    def _note_failure(self) -> None:
        self.failures += 1
        self.next_delay_ms = min(self._interval_ms * 2 ** (self.failures - 1),
                                 self._max_backoff_ms)

    def _finished(self, generation: int, reported: bool) -> None:
        self._running = False
        self._busy_timer.stop()
        if generation == self._generation and not reported:
            self._note_failure()  # a bug, reported by the runner
            self.problem = None
            self.halted = True
        self.first_sync = False
        self._show_busy = self._pending_now
        if self._service is not None:
            if self._pending_now:
                self._pending_now = False
                self.halted = False
                self._begin_round()
            elif not self.halted:
                self._timer.start(self.next_delay_ms)
        self.state_changed.emit()

    def _round_is_slow(self) -> None:
        if self._running and not self._show_busy:
            self._show_busy = True
            self.state_changed.emit()

    def _first_sync_started(self, generation: int) -> None:
        if generation == self._generation and self._running:
            self.first_sync = True
            self.state_changed.emit()

    def _progress(self, generation: int, progress: RoundProgress) -> None:
        if generation == self._generation and self._running:
            self.progress_changed.emit(progress)

