"""The "my day" strip: calls, contacts, talk time, sales against target, conversion, rank."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from agentdesk.ui.calls.words import clock_text

if TYPE_CHECKING:
    from agentdesk.services.my_day import MyDay


class MyDayStrip(QWidget):
    """Today's figures of the signed-in agent, refreshed after every call."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myDayStrip")
        self._day: MyDay | None = None
        self.title = QLabel(self)
        self.title.setObjectName("myDayTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.figures: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(18)
        layout.addWidget(self.title)
        for name in ("calls", "contacts", "talk", "sales", "conversion", "rank"):
            label = QLabel(self)
            label.setObjectName(f"myDay_{name}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.figures[name] = label
            layout.addWidget(label)
        layout.addStretch(1)
        self.retranslate_ui()

    def show_day(self, day: MyDay | None) -> None:
        """Show ``day`` (None clears the strip)."""
        self._day = day
        labels = self.figures
        if day is None:
            for label in labels.values():
                label.setText("")
            return
        calls = self.tr("Calls %1").replace("%1", str(day.calls))
        if day.calls_target_today:
            calls += f" / {day.calls_target_today}"
        labels["calls"].setText(calls)
        labels["contacts"].setText(self.tr("Contacts %1").replace("%1", str(day.contacts)))
        labels["talk"].setText(self.tr("Talk time %1").replace(
            "%1", clock_text(day.talk_seconds)))
        sales = self.tr("Sales %1").replace("%1", str(day.sales))
        if day.sales_target_today:
            sales += " / " + self.tr("target %1").replace("%1", str(day.sales_target_today))
        labels["sales"].setText(sales)
        met = day.sales_target_today is not None and day.sales >= day.sales_target_today > 0
        labels["sales"].setStyleSheet("color: #2e7d32; font-weight: bold;" if met else "")
        conversion = "–" if day.conversion is None else f"{day.conversion:.0%}"
        labels["conversion"].setText(self.tr("Conversion %1").replace("%1", conversion))
        if day.rank is None:
            labels["rank"].setText("")
        else:
            labels["rank"].setText(self.tr("Rank %1 of %2 today").replace(
                "%1", str(day.rank)).replace("%2", str(day.team_size)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("My day"))
        self.show_day(self._day)
