"""The softphone bar: agent state, the number field with its dial pad, call controls, timers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from agentdesk.domain.agent_states import AgentState, logged_out
from agentdesk.domain.calls import AgentStateKind, CallDirection
from agentdesk.domain.phones import format_phone
from agentdesk.domain.telephony import CallState
from agentdesk.ui.calls.words import CallWords, clock_text

if TYPE_CHECKING:
    from agentdesk.domain.ports import Clock
    from agentdesk.ui.actions import ConsoleActions
    from agentdesk.ui.calls.controller import LiveCall

# Background colours of the state chip, by agent state.
STATE_COLOURS = {
    AgentStateKind.LOGGED_OUT: "#9e9e9e",
    AgentStateKind.READY: "#2e7d32",
    AgentStateKind.NOT_READY: "#c62828",
    AgentStateKind.ON_CALL: "#1565c0",
    AgentStateKind.WRAP_UP: "#6a1b9a",
}
DIAL_KEYS = "123456789*0#"


class DialPad(QWidget):
    """Twelve keys; each press emits its digit.

    Signals:
        pressed(str): a key was pressed.
    """

    pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialPad")
        grid = QGridLayout(self)
        grid.setSpacing(4)
        for n, key in enumerate(DIAL_KEYS):
            button = QToolButton(self)
            button.setObjectName(f"dialKey{key}")
            button.setText(key)
            button.setMinimumSize(44, 40)
            button.clicked.connect(lambda _=False, k=key: self.pressed.emit(k))
            grid.addWidget(button, n // 3, n % 3)


class SoftphoneBar(QFrame):
    """Large, readable call bar, fully keyboard-operable through the console's actions.

    Typing digits in the number field during a connected call sends them as DTMF.

    Signals:
        dial_requested(str): Enter in the number field (dial what it holds).
        digits_typed(str): digits to send as DTMF on the connected call.
    """

    dial_requested = Signal(str)
    digits_typed = Signal(str)

    def __init__(self, actions: ConsoleActions, clock: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("softphoneBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._clock = clock
        self._words = CallWords(self)
        self._state: AgentState = logged_out(clock.now())
        self._call: LiveCall | None = None
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)

        self.state_chip = QToolButton(self)
        self.state_chip.setObjectName("agentState")
        self.state_chip.setFont(big)
        self.state_chip.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.state_chip.setMinimumHeight(40)
        state_menu = QMenu(self.state_chip)
        state_menu.addAction(actions.ready)
        state_menu.addAction(actions.not_ready)
        self.state_chip.setMenu(state_menu)
        self.state_timer = QLabel(self)
        self.state_timer.setObjectName("stateTimer")

        self.call_status = QLabel(self)
        self.call_status.setObjectName("callStatus")
        self.call_status.setFont(big)
        self.call_timer = QLabel(self)
        self.call_timer.setObjectName("callTimer")
        timer_font = QFont(big)
        timer_font.setFamilies(["monospace"])
        self.call_timer.setFont(timer_font)
        self.caller = QLabel(self)
        self.caller.setObjectName("callerLabel")
        self.caller.setFont(big)
        self.caller.setTextFormat(Qt.TextFormat.PlainText)
        self.caller.setMinimumWidth(40)  # long names are cut rather than widening the window
        self.caller.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.number = QLineEdit(self)
        self.number.setObjectName("numberField")
        self.number.setFont(big)
        self.number.setMinimumWidth(150)
        self.number.setMaxLength(40)
        self.number.setClearButtonEnabled(True)
        self.number.returnPressed.connect(lambda: self.dial_requested.emit(self.number.text()))
        self.number.textEdited.connect(self._typed)
        self._typed_before = ""
        self.pad_button = QToolButton(self)
        self.pad_button.setObjectName("dialPadButton")
        self.pad_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pad = DialPad(self)
        pad_menu = QMenu(self.pad_button)
        holder = QWidgetAction(pad_menu)
        holder.setDefaultWidget(self.pad)
        pad_menu.addAction(holder)
        self.pad_button.setMenu(pad_menu)
        self.pad.pressed.connect(self._pad_pressed)

        self.buttons: dict[str, QToolButton] = {}
        controls = QHBoxLayout()
        controls.setSpacing(4)
        for name, action in (("next", actions.next_contact), ("dial", actions.dial),
                             ("hangUp", actions.hang_up), ("hold", actions.hold),
                             ("mute", actions.mute), ("transfer", actions.transfer)):
            controls.addWidget(self._button(name, action))

        # Two rows: who and what is on the line above, the number and the controls below.
        line = QHBoxLayout()
        line.setSpacing(10)
        line.addWidget(self.state_chip)
        line.addWidget(self.state_timer)
        line.addWidget(self._separator())
        line.addWidget(self.call_status)
        line.addWidget(self.call_timer)
        line.addWidget(self.caller, 1)
        dialing = QHBoxLayout()
        dialing.setSpacing(6)
        dialing.addWidget(self.number)
        dialing.addWidget(self.pad_button)
        dialing.addLayout(controls)
        dialing.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(line)
        layout.addLayout(dialing)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self.retranslate_ui()
        self.show_state(self._state)
        self.show_call(None)

    def _button(self, name: str, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"{name}Button")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumHeight(40)
        self.buttons[name] = button
        return button

    def _separator(self) -> QFrame:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        return line

    # ------------------------------------------------------------------ showing
    def show_state(self, state: AgentState) -> None:
        """Show the agent's state on the coloured chip."""
        self._state = state
        colour = STATE_COLOURS[state.kind]
        self.state_chip.setStyleSheet(
            f"QToolButton#agentState {{ background: {colour}; color: white; "
            "border-radius: 6px; padding: 4px 12px; }")
        self.state_chip.setText(self._words.state(state))
        self._tick()

    def show_call(self, call: LiveCall | None) -> None:
        """Show the line: state, caller, timer."""
        self._call = call
        if call is None:
            self.call_status.setText(self.tr("Line free"))
            self.caller.setText("")
            self.call_timer.setText("")
            return
        inbound = call.direction is CallDirection.INBOUND
        status = self._words.call_state(call.state, inbound)
        if call.snapshot is not None and call.snapshot.muted:
            status += " · " + self.tr("Muted")
        self.call_status.setText(status)
        number = format_phone(call.e164) if call.e164 else self.tr("Withheld number")
        who = call.customer_name or (self.tr("Unknown caller") if inbound else "")
        self.caller.setText(f"{who}  {number}".strip())
        self._tick()

    def set_number(self, number: str) -> None:
        """Put ``number`` in the number field (a previewed contact's, an alternative)."""
        self.number.setText(number)
        self._typed_before = number

    def focus_number(self) -> None:
        """Put the cursor in the number field (Ctrl+D)."""
        self.number.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.number.selectAll()

    def _tick(self) -> None:
        now = self._clock.now()
        self.state_timer.setText(clock_text((now - self._state.since).total_seconds()))
        call = self._call
        if call is None or call.snapshot is None:
            return
        snapshot = call.snapshot
        if snapshot.answered_at is not None:
            end = snapshot.ended_at or now
            self.call_timer.setText(clock_text((end - snapshot.answered_at).total_seconds()))
        else:
            self.call_timer.setText(clock_text((now - snapshot.started_at).total_seconds()))

    # ------------------------------------------------------------------ typing
    def _on_call(self) -> bool:
        call = self._call
        return call is not None and call.state is CallState.CONNECTED

    def _typed(self, text: str) -> None:
        """During a connected call, newly typed dial characters go down the line as DTMF."""
        if self._on_call() and text.startswith(self._typed_before):
            added = "".join(c for c in text[len(self._typed_before):] if c in DIAL_KEYS)
            if added:
                self.digits_typed.emit(added)
        self._typed_before = text

    def _pad_pressed(self, key: str) -> None:
        if self._on_call():
            self.digits_typed.emit(key)
        self.number.insert(key)
        self._typed_before = self.number.text()

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.number.setPlaceholderText(self.tr("Number to dial (Ctrl+D)"))
        self.number.setToolTip(self.tr("Type a number and press Enter to dial. During a "
                                       "call, digits typed here are sent as tones."))
        self.pad_button.setText(self.tr("Keypad"))
        self.pad_button.setToolTip(self.tr("Dial pad"))
        self.state_chip.setToolTip(self.tr("Your state: Ready (Ctrl+Shift+R) or Not ready "
                                           "with a reason (Ctrl+Shift+P)"))
        self.show_state(self._state)
        self.show_call(self._call)
