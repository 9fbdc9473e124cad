"""The call panel: campaign, the previewed contact and its numbers, consent, and wrap-up."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.phones import format_phone
from agentdesk.ui.calls.words import CallWords
from agentdesk.ui.calls.wrap_up import WrapUpPanel
from agentdesk.ui.labels import bilingual

if TYPE_CHECKING:
    from agentdesk.domain.ports import Clock
    from agentdesk.services.dialing_views import (
        CampaignSetup,
        ContactPreview,
        NothingToCall,
        PendingCallback,
    )
    from agentdesk.ui.actions import ConsoleActions
    from agentdesk.ui.calls.controller import LiveCall


class CallPanel(QWidget):
    """What the agent needs around the current call, above the wrap-up form.

    Signals:
        campaign_chosen(object): the id of the outbound campaign to work.
        number_chosen(str): the agent picked another of the customer's numbers.
    """

    campaign_chosen = Signal(object)
    number_chosen = Signal(str)

    def __init__(self, actions: ConsoleActions, host: QWidget, clock: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callPanel")
        self._clock = clock
        self._words = CallWords(self)
        self._campaigns: list[CampaignSetup] = []
        self._preview: ContactPreview | PendingCallback | None = None
        self._nothing: NothingToCall | None = None
        self._call: LiveCall | None = None

        self.campaign_label = QLabel(self)
        self.campaign = QComboBox(self)
        self.campaign.setObjectName("campaignBox")
        self.campaign_label.setBuddy(self.campaign)
        self.campaign.activated.connect(self._campaign_activated)

        self.preview_box = QGroupBox(self)
        self.preview_box.setObjectName("previewBox")
        self.customer = QLabel(self.preview_box)
        self.customer.setObjectName("previewCustomer")
        self.customer.setTextFormat(Qt.TextFormat.PlainText)
        font = self.customer.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.customer.setFont(font)
        self.details = QLabel(self.preview_box)
        self.details.setObjectName("previewDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.local_time = QLabel(self.preview_box)
        self.local_time.setObjectName("previewLocalTime")
        self.numbers_label = QLabel(self.preview_box)
        self.numbers = QComboBox(self.preview_box)
        self.numbers.setObjectName("numberChoice")
        self.numbers_label.setBuddy(self.numbers)
        self.numbers.activated.connect(self._number_activated)
        self.callback_notes = QLabel(self.preview_box)
        self.callback_notes.setObjectName("previewCallbackNotes")
        self.callback_notes.setTextFormat(Qt.TextFormat.PlainText)
        self.callback_notes.setWordWrap(True)
        form = QFormLayout(self.preview_box)
        form.addRow(self.customer)
        form.addRow(self.details)
        form.addRow(self.local_time)
        form.addRow(self.numbers_label, self.numbers)
        form.addRow(self.callback_notes)

        self.hint = QLabel(self)
        self.hint.setObjectName("callHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)

        self.consent_label = QLabel(self)
        self.consent_label.setObjectName("consentLabel")
        self.consent_label.setWordWrap(True)  # the panel shares the width with the script
        consent = QHBoxLayout()
        consent.addWidget(self.consent_label, 1)
        for name, action in (("consentYes", actions.consent_yes),
                             ("consentNo", actions.consent_no)):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setDefaultAction(action)
            consent.addWidget(button)

        self.wrap_up = WrapUpPanel(host, clock, self)

        top = QHBoxLayout()
        top.addWidget(self.campaign_label)
        top.addWidget(self.campaign, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.preview_box)
        layout.addLayout(consent)
        layout.addWidget(self.wrap_up, 1)
        self.retranslate_ui()
        self.show_preview(None)

    # ------------------------------------------------------------------ campaigns
    def set_campaigns(self, campaigns: list[CampaignSetup],
                      current: CampaignSetup | None) -> None:
        """List the outbound campaigns the agent can work."""
        self._campaigns = [c for c in campaigns if c.direction is CampaignDirection.OUTBOUND]
        self._fill_campaigns(current)

    def _fill_campaigns(self, current: CampaignSetup | None) -> None:
        self.campaign.clear()
        for campaign in self._campaigns:
            self.campaign.addItem(bilingual(campaign.name, campaign.name_en), campaign.id)
        if current is not None:
            index = self.campaign.findData(current.id)
            self.campaign.setCurrentIndex(max(index, 0))

    def _campaign_activated(self, index: int) -> None:
        campaign_id = self.campaign.itemData(index)
        if campaign_id is not None:
            self.campaign_chosen.emit(campaign_id)

    # ------------------------------------------------------------------ preview
    def show_preview(self, preview: ContactPreview | PendingCallback | None) -> None:
        """Show the contact (or callback) about to be dialled; None clears it."""
        from agentdesk.services.dialing_views import ContactPreview

        self._preview = preview
        self._nothing = None
        self.numbers.clear()
        if preview is None:
            self.preview_box.hide()
            self._show_hint()
            return
        self.preview_box.show()
        if isinstance(preview, ContactPreview):
            self.customer.setText(f"{preview.customer_name}  ({preview.customer_no})")
            campaign = bilingual(preview.campaign.name, preview.campaign.name_en)
            parts = [campaign, self._words.contact_status(preview.status),
                     self.tr("Attempt %1 of %2").replace("%1", str(preview.attempts + 1))
                     .replace("%2", str(preview.campaign.max_attempts)),
                     self.tr("Priority %1").replace("%1", str(preview.priority))]
            if preview.last_disposition:
                parts.append(self.tr("Last result: %1").replace("%1", self._code_label(
                    preview.campaign, preview.last_disposition)))
            self.details.setText(" · ".join(parts))
            zone = preview.time_zone
            model = self.numbers.model()
            for choice in preview.numbers:
                text = format_phone(choice.e164)
                if choice.label or choice.kind:
                    text += f"  ({choice.label or choice.kind})"
                if choice.on_list:
                    text += " · " + self.tr("on the list")
                if choice.dnc:
                    text += " · " + self.tr("do not call")
                self.numbers.addItem(text, choice.e164)
                if choice.dnc and isinstance(model, QStandardItemModel):
                    item = model.item(self.numbers.count() - 1)
                    if item is not None:
                        item.setEnabled(False)
            first = next((n for n, c in enumerate(preview.numbers) if not c.dnc), -1)
            self.numbers.setCurrentIndex(first)
            callback = preview.callback
        else:
            self.customer.setText(preview.customer_name)
            self.details.setText(self.tr("Callback (%1)").replace(
                "%1", self._words.scope(preview.scope)))
            zone = preview.time_zone
            self.numbers.addItem(format_phone(preview.e164), preview.e164)
            callback = preview
        local = self._clock.now().astimezone(ZoneInfo(zone or "Asia/Shanghai"))
        self.local_time.setText(self.tr("Customer's local time: %1 (%2)").replace(
            "%1", local.strftime("%H:%M")).replace("%2", zone))
        if callback is not None:
            due = callback.due_at.astimezone(ZoneInfo(zone or "Asia/Shanghai"))
            text = self.tr("Callback due %1").replace("%1", due.strftime("%m-%d %H:%M"))
            if callback.notes:
                text += ": " + callback.notes
            self.callback_notes.setText(text)
            self.callback_notes.show()
        else:
            self.callback_notes.hide()
        self._show_hint()

    def _code_label(self, campaign: CampaignSetup, code: str) -> str:
        for option in campaign.dispositions:
            if option.code == code:
                return bilingual(option.label, option.label_en)
        return code

    def _title(self) -> None:
        self.preview_box.setTitle(self.tr("On the line") if self._call is not None
                                  else self.tr("Next contact"))

    def chosen_number(self) -> str:
        """The number selected for dialing ("" if none)."""
        data = self.numbers.currentData()
        return data if isinstance(data, str) else ""

    def _number_activated(self, _index: int) -> None:
        number = self.chosen_number()
        if number:
            self.number_chosen.emit(number)

    def show_nothing(self, nothing: NothingToCall) -> None:
        """Explain why there is no contact to call."""
        self.show_preview(None)
        self._nothing = nothing
        self._show_hint()

    def show_call(self, call: LiveCall | None) -> None:
        """Follow the live call (consent answer, hints)."""
        self._call = call
        if call is not None:
            self.wrap_up.call_started()
        self._title()
        self._show_consent()
        self._show_hint()

    def _show_consent(self) -> None:
        call = self._call if self._call is not None else self.wrap_up_call()
        if call is None or call.consent is None:
            answer = self.tr("not asked yet")
        else:
            answer = self.tr("yes") if call.consent else self.tr("no")
        self.consent_label.setText(self.tr("Recording consent: %1").replace("%1", answer))

    def wrap_up_call(self) -> LiveCall | None:
        """The call in wrap-up, if any."""
        return self.wrap_up.call

    def consent_changed(self) -> None:
        """Show a new consent answer."""
        self._show_consent()

    def _show_hint(self) -> None:
        from agentdesk.services.dialing_views import NothingToCallReason

        nothing = self._nothing
        if nothing is not None:
            if nothing.reason is NothingToCallReason.OUTSIDE_HOURS:
                opens = nothing.opens_at.astimezone().strftime("%H:%M") \
                    if nothing.opens_at else "?"
                text = self.tr("Nothing to call now: every remaining contact is outside "
                               "calling hours. Calling opens again at %1.").replace("%1", opens)
            elif nothing.reason is NothingToCallReason.OFFLINE:
                text = self.tr("Nothing to call: the server cannot be reached and no "
                               "contacts are held on this computer. Calls you receive still "
                               "work.")
            elif nothing.reason is NothingToCallReason.CAMPAIGN_NOT_RUNNING:
                text = self.tr("Nothing to call: this campaign is not running.")
            else:
                text = self.tr("Nothing to call: every contact of this campaign is done or "
                               "not due yet. Due callbacks appear in the Callbacks list.")
        elif self._call is not None:
            text = self.tr("On a call: F4 hang up · F6 hold · F7 mute · F8 transfer · "
                           "Alt+Y/Alt+N consent")
        elif self.wrap_up.wrapping:
            text = self.tr("Choose the disposition with its F-key (F1-F12); Ctrl+Enter "
                           "saves the selected one.")
        elif self._preview is not None:
            text = self.tr("Check the record, then press F3 to dial.")
        else:
            text = self.tr("Press F2 for the next contact.")
        self.hint.setText(text)

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Retranslate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.campaign_label.setText(self.tr("Ca&mpaign"))
        self._title()
        self.numbers_label.setText(self.tr("N&umber"))
        current = None
        data = self.campaign.currentData()
        for campaign in self._campaigns:
            if campaign.id == data:
                current = campaign
        self._fill_campaigns(current)
        nothing = self._nothing
        self.show_preview(self._preview)
        self._nothing = nothing
        self._show_consent()
        self._show_hint()
