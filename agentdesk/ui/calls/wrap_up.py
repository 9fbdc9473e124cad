"""Wrap-up: one-key dispositions (F1-F12), notes, a callback in the customer's time, the timer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.calls import CallbackRequest, CallbackScope, DispositionCategory
from agentdesk.ui.calls.words import CallWords, clock_text
from agentdesk.ui.labels import bilingual

if TYPE_CHECKING:
    from agentdesk.domain.ports import Clock
    from agentdesk.services.dialing_views import DispositionOption
    from agentdesk.ui.calls.controller import LiveCall

NOTES_LIMIT = 4000
DISPOSITION_KEYS = tuple(f"F{n}" for n in range(1, 13))
CATEGORY_COLOURS = {
    DispositionCategory.SALE: "#2e7d32",
    DispositionCategory.CALLBACK: "#1565c0",
    DispositionCategory.DNC: "#c62828",
    DispositionCategory.WRONG_NUMBER: "#6d4c41",
}


def _qt_local(value: datetime) -> QDateTime:
    """The wall-clock reading of ``value`` (in its own zone) for a date-time editor."""
    return QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute))


class WrapUpPanel(QGroupBox):
    """Notes during the call; after it, the disposition is required before the next call.

    An F-key stores its disposition at once (with the notes typed so far); a callback
    disposition first asks when, in the customer's local time. Ctrl+Enter stores the
    selected (or suggested) disposition.

    A disposition chosen during the call (by the script) is selected when wrap-up starts;
    a callback planned during the call keeps the time picked then.

    Signals:
        submitted(object, str, object): the disposition option, the notes, and a
            :class:`CallbackRequest` or None.
        callback_time_changed(str): the callback time being booked, as the customer's
            local wall-clock time ("" when none).
    """

    submitted = Signal(object, str, object)
    callback_time_changed = Signal(str)

    def __init__(self, host: QWidget, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wrapUpPanel")
        self._host = host
        self._clock = clock
        self._words = CallWords(self)
        self._call: LiveCall | None = None
        self._options: tuple[DispositionOption, ...] = ()
        self._selected: DispositionOption | None = None
        self._zone = "Asia/Shanghai"
        self._deadline: datetime | None = None
        self._saving = False
        self._key_actions: list[QAction] = []

        self.summary = QLabel(self)
        self.summary.setObjectName("wrapUpSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.countdown = QLabel(self)
        self.countdown.setObjectName("wrapUpTimer")
        self.buttons_box = QWidget(self)
        self._grid = QGridLayout(self.buttons_box)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: list[QPushButton] = []
        self.notes_label = QLabel(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("callNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(self._limit_notes)
        self.notes_label.setBuddy(self.notes)

        self.callback_box = QGroupBox(self)
        self.callback_box.setObjectName("callbackBox")
        self.callback_when = QDateTimeEdit(self.callback_box)
        self.callback_when.setObjectName("callbackWhen")
        self.callback_when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.callback_when.setCalendarPopup(True)
        self.callback_when.dateTimeChanged.connect(self._callback_time_edited)
        self.callback_zone = QLabel(self.callback_box)
        self.callback_zone.setObjectName("callbackZone")
        self.callback_mine = QRadioButton(self.callback_box)
        self.callback_mine.setObjectName("callbackPersonal")
        self.callback_mine.setChecked(True)
        self.callback_team = QRadioButton(self.callback_box)
        self.callback_team.setObjectName("callbackTeam")
        self.callback_when_label = QLabel(self.callback_box)
        self.callback_when_label.setBuddy(self.callback_when)
        form = QFormLayout(self.callback_box)
        form.addRow(self.callback_when_label, self.callback_when)
        form.addRow("", self.callback_zone)
        scope = QHBoxLayout()
        scope.addWidget(self.callback_mine)
        scope.addWidget(self.callback_team)
        scope.addStretch(1)
        form.addRow(scope)
        self.callback_box.hide()

        self.error = QLabel(self)
        self.error.setObjectName("wrapUpError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # may quote script step titles
        self.error.hide()
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveWrapUp")
        self.save_action = QAction(host)
        self.save_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.save_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.save_action.triggered.connect(self.save)
        host.addAction(self.save_action)
        self.save_button.clicked.connect(self.save)

        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.countdown)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.buttons_box)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.callback_box)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self.retranslate_ui()
        self._set_wrapping(False)

    # ------------------------------------------------------------------ state
    @property
    def call(self) -> LiveCall | None:
        """The call awaiting its disposition, if any."""
        return self._call

    @property
    def wrapping(self) -> bool:
        """Whether a disposition is awaited."""
        return self._call is not None

    def call_started(self) -> None:
        """A call began: notes may be typed while talking."""
        self.notes.setEnabled(True)

    def begin(self, call: LiveCall, suggested: DispositionOption | None, zone: str) -> None:
        """Ask for the disposition of ``call`` (the campaign's codes, F1-F12)."""
        self._call = call
        self._options = call.campaign.dispositions if call.campaign else ()
        self._selected = None
        self._saving = False
        self.error.hide()
        keep_time = (suggested is not None and suggested.category is DispositionCategory.CALLBACK
                     and self.callback_box.isVisible())
        if keep_time and zone != self._zone:
            self._move_to_zone(zone)
        self._zone = zone
        if not keep_time:
            self.clear_plan()
        self._build_buttons()
        if suggested is not None:
            self._select(suggested)
            if suggested.category is DispositionCategory.CALLBACK and not keep_time:
                self._ask_callback_time()
        seconds = call.campaign.wrapup_seconds if call.campaign else 0
        self._deadline = self._clock.now() + timedelta(seconds=seconds)
        self._summarize()
        self._set_wrapping(True)
        self._ticker.start()
        self._tick()

    def finish(self) -> None:
        """The disposition is stored: clear for the next call."""
        self._call = None
        self._selected = None
        self._saving = False
        self._deadline = None
        self._ticker.stop()
        self.notes.clear()
        self.callback_box.hide()
        self.callback_time_changed.emit("")
        self.error.hide()
        self._build_buttons()
        self._set_wrapping(False)
        self.summary.setText(self.tr("No call to wrap up."))
        self.countdown.setText("")

    def failed(self, text: str) -> None:
        """Storing failed: show why; the choices and notes stay."""
        self._saving = False
        self.error.setText(text)
        self.error.show()

    def _set_wrapping(self, on: bool) -> None:
        self.buttons_box.setEnabled(on)
        self.save_button.setEnabled(on)
        self.save_action.setEnabled(on)
        for action in self._key_actions:
            action.setEnabled(on)

    # ------------------------------------------------------------------ choices
    def _build_buttons(self) -> None:
        for action in self._key_actions:
            self._host.removeAction(action)
            action.deleteLater()
        self._key_actions = []
        for button in self._buttons:
            self._group.removeButton(button)
            button.deleteLater()
        self._buttons = []
        for n, option in enumerate(self._options):
            button = QPushButton(self.buttons_box)
            button.setObjectName(f"disposition_{option.code}")
            button.setCheckable(True)
            button.setMinimumHeight(34)
            colour = CATEGORY_COLOURS.get(option.category)
            if colour:
                button.setStyleSheet(f"QPushButton {{ color: {colour}; font-weight: bold; }}")
            button.clicked.connect(lambda _=False, o=option: self.choose(o))
            self._group.addButton(button)
            self._grid.addWidget(button, n // 3, n % 3)
            self._buttons.append(button)
            if n < len(DISPOSITION_KEYS):
                action = QAction(self._host)
                action.setShortcut(QKeySequence(DISPOSITION_KEYS[n]))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                action.triggered.connect(lambda _=False, o=option: self.choose(o))
                self._host.addAction(action)
                self._key_actions.append(action)
        self._label_buttons()

    def _label_buttons(self) -> None:
        for n, (button, option) in enumerate(zip(self._buttons, self._options, strict=True)):
            label = bilingual(option.label, option.label_en)
            key = DISPOSITION_KEYS[n] if n < len(DISPOSITION_KEYS) else ""
            button.setText(f"{key}  {label}".strip())
            button.setToolTip(self._words.category(option.category))

    def _select(self, option: DispositionOption) -> None:
        self._selected = option
        for button, candidate in zip(self._buttons, self._options, strict=True):
            button.setChecked(candidate.id == option.id)

    def choose(self, option: DispositionOption) -> None:
        """Pick ``option``: stored at once, or after asking when for a callback."""
        if self._call is None or self._saving:
            return
        self._select(option)
        if option.category is DispositionCategory.CALLBACK:
            if self.callback_box.isVisible():  # a time agreed on the call stays
                self.callback_when.setFocus(Qt.FocusReason.ShortcutFocusReason)
            else:
                self._ask_callback_time()
            return
        self.callback_box.hide()
        self.save()

    def preselect(self, option: DispositionOption, zone: str = "") -> None:
        """Select ``option`` without storing it (the script chose it); Ctrl+Enter stores.

        During the call only a callback shows here at once, to pick its time; the call
        itself carries the choice into wrap-up. A time already picked is kept.
        """
        if self._call is None:
            if option.category is DispositionCategory.CALLBACK \
                    and not self.callback_box.isVisible():
                self._zone = zone or self._zone
                self._ask_callback_time()
            return
        if self._saving:
            return
        self._select(option)
        if option.category is DispositionCategory.CALLBACK:
            if not self.callback_box.isVisible():
                self._ask_callback_time()
        else:
            self.callback_box.hide()
            self._callback_time_edited()

    def clear_plan(self) -> None:
        """Forget a callback time picked during a call (a new call, or none to wrap up)."""
        if self.callback_box.isVisible():
            self.callback_box.hide()
            self._callback_time_edited()

    def _move_to_zone(self, zone: str) -> None:
        """Keep the picked moment when the customer's zone becomes known: same instant."""
        when = self.callback_when.dateTime()
        old = datetime(when.date().year(), when.date().month(), when.date().day(),
                       when.time().hour(), when.time().minute(), tzinfo=ZoneInfo(self._zone))
        moved = old.astimezone(ZoneInfo(zone))
        self.callback_when.setMinimumDateTime(_qt_local(
            self._clock.now().astimezone(ZoneInfo(zone))))
        self.callback_when.setDateTime(_qt_local(moved))
        self.callback_zone.setText(self.tr("Customer's local time (%1), now %2").replace(
            "%1", zone).replace("%2", self._clock.now().astimezone(ZoneInfo(zone))
            .strftime("%H:%M")))

    def planned_callback_time(self) -> str:
        """The callback time being booked (customer's local time), "" when none."""
        if not self.callback_box.isVisible():
            return ""
        return self.callback_when.dateTime().toString("yyyy-MM-dd HH:mm")

    def _callback_time_edited(self) -> None:
        self.callback_time_changed.emit(self.planned_callback_time())

    def _ask_callback_time(self) -> None:
        zone = ZoneInfo(self._zone)
        local_now = self._clock.now().astimezone(zone)
        start = (local_now + timedelta(hours=1)).replace(second=0, microsecond=0)
        start += timedelta(minutes=(15 - start.minute % 15) % 15)
        self.callback_when.setDateTime(_qt_local(start))
        self.callback_when.setMinimumDateTime(_qt_local(local_now))
        self.callback_zone.setText(self.tr("Customer's local time (%1), now %2").replace(
            "%1", self._zone).replace("%2", local_now.strftime("%H:%M")))
        self.callback_box.show()
        self.callback_when.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._callback_time_edited()

    def callback_request(self) -> CallbackRequest | None:
        """The callback being booked, in UTC, if a callback disposition is selected."""
        option = self._selected
        if option is None or option.category is not DispositionCategory.CALLBACK:
            return None
        when = self.callback_when.dateTime()
        local = datetime(when.date().year(), when.date().month(), when.date().day(),
                         when.time().hour(), when.time().minute(), tzinfo=ZoneInfo(self._zone))
        scope = CallbackScope.PERSONAL if self.callback_mine.isChecked() else CallbackScope.TEAM
        return CallbackRequest(local.astimezone(UTC), scope, self.notes.toPlainText()[:2000])

    def save(self) -> None:
        """Store the selected disposition (Ctrl+Enter)."""
        option = self._selected
        if self._call is None or self._saving:
            return
        if option is None:
            self.failed(self.tr("Choose a disposition: press its F-key."))
            return
        self._saving = True
        self.error.hide()
        self.submitted.emit(option, self.notes.toPlainText(), self.callback_request())

    def _limit_notes(self) -> None:
        text = self.notes.toPlainText()
        if len(text) > NOTES_LIMIT:
            self.notes.setPlainText(text[:NOTES_LIMIT])
            cursor = self.notes.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.notes.setTextCursor(cursor)

    # ------------------------------------------------------------------ display
    def _summarize(self) -> None:
        call = self._call
        if call is None:
            return
        snapshot = call.snapshot
        if snapshot is not None and snapshot.answered_at is not None and snapshot.ended_at:
            talk = clock_text((snapshot.ended_at - snapshot.answered_at).total_seconds())
            text = self.tr("Talked %1").replace("%1", talk)
        else:
            text = self._words.end_reason(snapshot.end_reason if snapshot else None)
        who = call.customer_name or call.e164
        self.summary.setText(f"{who} · {text}" if who else text)

    def _tick(self) -> None:
        if self._deadline is None:
            return
        left = (self._deadline - self._clock.now()).total_seconds()
        if left >= 0:
            self.countdown.setText(self.tr("%1 left").replace("%1", clock_text(left)))
            self.countdown.setStyleSheet("")
        else:
            self.countdown.setText(self.tr("%1 over").replace("%1", clock_text(-left)))
            self.countdown.setStyleSheet("color: #c62828; font-weight: bold;")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setTitle(self.tr("Wrap-up"))
        self.notes_label.setText(self.tr("Call &notes"))
        self.notes.setPlaceholderText(self.tr("Notes may be typed during the call "
                                              "(Ctrl+Shift+N)."))
        self.callback_box.setTitle(self.tr("Callback"))
        self.callback_when_label.setText(self.tr("Call &back at"))
        self.callback_mine.setText(self.tr("&Only me"))
        self.callback_team.setText(self.tr("Anyone in my &team"))
        self.save_button.setText(self.tr("Save (Ctrl+Enter)"))
        self._label_buttons()
        if self._call is None:
            self.summary.setText(self.tr("No call to wrap up."))
        else:
            self._summarize()
        self._tick()
