"""The agent's call workflow on the GUI thread: state, phone, preview, wrap-up, callbacks."""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from agentdesk.domain.agent_states import AgentState, AgentStateError, NotReadyReason, logged_out
from agentdesk.domain.calls import (
    AgentStateKind,
    CallbackRequest,
    CallDirection,
)
from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.dialing import contact_time_zone
from agentdesk.domain.errors import KnownError
from agentdesk.domain.phones import format_phone
from agentdesk.domain.telephony import CallSnapshot, CallState, EndReason, Phone, PhoneError
from agentdesk.ui.calls.day_watch import DayWatch
from agentdesk.ui.calls.live_call import LiveCall, finished_call, suggested_disposition
from agentdesk.ui.calls.phone_bridge import BridgeListener, PhoneBridge
from agentdesk.ui.calls.state_events import StateEventWriter
from agentdesk.ui.messages import Messages
from agentdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from agentdesk.domain.people import User
    from agentdesk.domain.ports import Clock
    from agentdesk.services.calls import CallServices
    from agentdesk.services.dialing_views import (
        CampaignSetup,
        ContactPreview,
        DispositionOption,
        NothingToCall,
        PendingCallback,
    )
    from agentdesk.services.screen_pop import ScreenPop

log = logging.getLogger(__name__)

class CallController(QObject):
    """Runs one agent's calls: agent state, the phone, preview dialing, wrap-up, callbacks.

    Database work goes through the task runner; the phone is driven on the GUI thread and
    reports through a :class:`PhoneBridge`.

    Signals:
        state_changed(object): the agent's new :class:`AgentState`.
        state_recorded(object): that state's event is stored (queued for sync).
        call_changed(object): the :class:`LiveCall` changed (None: the line is free).
        preview_ready(object): a :class:`ContactPreview` to show before dialing.
        nothing_to_call(object): a :class:`NothingToCall` explaining an empty queue.
        wrap_up_started(object): the call that needs its disposition.
        wrap_up_finished(): the disposition was stored.
        wrap_up_failed(object): storing it failed (a KnownError; the form keeps its input).
        open_customer(object): show this customer id in the record panel.
        new_customer(str): open the new-customer form with this number.
        message(str): something to tell the agent in the status bar.
        my_day_changed(object): fresh :class:`MyDay` figures.
        callbacks_changed(object, object): due and upcoming callbacks.
        callbacks_due(object): callbacks that just became due (for the alert).
        campaigns_changed(object): the campaigns the agent can work.
    """

    state_changed = Signal(object)
    state_recorded = Signal(object)
    call_changed = Signal(object)
    preview_ready = Signal(object)
    nothing_to_call = Signal(object)
    wrap_up_started = Signal(object)
    wrap_up_finished = Signal()
    wrap_up_failed = Signal(object)
    open_customer = Signal(object)
    new_customer = Signal(str)
    message = Signal(str)
    my_day_changed = Signal(object)
    callbacks_changed = Signal(object, object)
    callbacks_due = Signal(object)
    campaigns_changed = Signal(object)

    def __init__(self, runner: TaskRunner, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._clock = clock
        self._messages = Messages(self)
        self.bridge = PhoneBridge(self)
        self.bridge.call_changed.connect(self._phone_reported)
        self.services: CallServices | None = None
        self.phone: Phone | None = None
        self.user: User | None = None
        self.state: AgentState = logged_out(clock.now())
        self.call: LiveCall | None = None
        self.preview: ContactPreview | None = None
        self._pending_callback: PendingCallback | None = None
        self.wrapping: LiveCall | None = None
        self.campaigns: list[CampaignSetup] = []
        self.campaign: CampaignSetup | None = None
        self.state_events = StateEventWriter(runner, self)
        self.state_events.recorded.connect(self.state_recorded)
        self.state_events.failed.connect(self._failed)
        self._busy_asking = False
        self.day = DayWatch(runner, clock, self)
        self.day.callbacks_changed.connect(self.callbacks_changed)
        self.day.callbacks_due.connect(self.callbacks_due)
        self.day.my_day_changed.connect(self.my_day_changed)
        self.day.failed.connect(self._failed)

    # ------------------------------------------------------------------ session
    def start(self, services: CallServices, phone: Phone, user: User) -> None:
        """Begin working as ``user``: not ready until the agent says Ready."""
        self.services = services
        self.phone = phone
        self.user = user
        phone.set_listener(BridgeListener(self.bridge))
        phone.set_available(False)
        self._set_state(logged_out(self._clock.now()).signed_in(self._clock.now()))
        self._runner.run(services.dialing.campaigns, self._got_campaigns, self._failed,
                         owner=self)
        self.day.start(services)

    def stop(self) -> None:
        """Sign the agent out: give back leased contacts and close the phone."""
        self.day.stop()
        services, phone = self.services, self.phone
        if services is not None and self.state.kind is not AgentStateKind.LOGGED_OUT:
            self._set_state(AgentState(AgentStateKind.LOGGED_OUT, "", self._clock.now()))
            self._runner.run(services.dialing.release_all, failure=lambda _e: None)
        if phone is not None:
            phone.set_listener(None)
            phone.close()
        self.services = None
        self.phone = None
        self.user = None
        self.call = self.preview = self.wrapping = None
        self._pending_callback = None
        self.campaigns = []
        self.campaign = None
        self.call_changed.emit(None)

    @property
    def busy(self) -> bool:
        """Whether a call is on the line or waits for its disposition."""
        return self.call is not None or self.wrapping is not None

    @property
    def active(self) -> bool:
        """Whether an agent is signed in to the workflow."""
        return self.services is not None

    def _got_campaigns(self, campaigns: list[CampaignSetup]) -> None:
        self.campaigns = campaigns
        outbound = [c for c in campaigns if c.direction is CampaignDirection.OUTBOUND]
        self.campaign = outbound[0] if outbound else None
        self.campaigns_changed.emit(campaigns)
        self._refill()

    def choose_campaign(self, campaign_id: uuid.UUID) -> None:
        """Work the outbound campaign ``campaign_id`` from the next contact on."""
        for campaign in self.campaigns:
            if campaign.id == campaign_id:
                self.campaign = campaign
                self.preview = None
                self._pending_callback = None
                self._refill()

    def inbound_campaign(self) -> CampaignSetup | None:
        """The service line inbound calls count for."""
        for campaign in self.campaigns:
            if campaign.direction is CampaignDirection.INBOUND:
                return campaign
        return self.campaign

    # ------------------------------------------------------------------ agent state
    def go_ready(self) -> None:
        """Take calls (refused with a message during a call or wrap-up)."""
        self._change(lambda s: s.ready(self._clock.now()))

    def pause(self, reason: NotReadyReason) -> None:
        """Go not ready for ``reason`` (after wrap-up if on a call)."""
        self._change(lambda s: s.pause(reason, self._clock.now()))
        if self.state.pending_pause is not None:
            self.message.emit(self.tr("You will be not ready after this call."))

    def _change(self, step: Any) -> None:
        if not self.active:
            return
        try:
            state = step(self.state)
        except KnownError as error:
            self.message.emit(self._messages.error(error))
            return
        self._set_state(state)

    def _state_refusal(self, code: str) -> str:
        return self._messages.error(AgentStateError("refused", code=code))

    def _set_state(self, state: AgentState) -> None:
        recorded_change = (state.kind, state.reason) != (self.state.kind, self.state.reason)
        self.state = state
        if self.phone is not None:
            self.phone.set_available(state.takes_calls and self.call is None)
        if recorded_change and self.services is not None:
            self.state_events.write(self.services, state)
        self.state_changed.emit(state)

    # ------------------------------------------------------------------ preview dialing
    def next_contact(self) -> None:
        """Lease and show the best due contact of the campaign (the record pops first)."""
        services = self.services
        if services is None or self._busy_asking:
            return
        if self.call is not None or self.wrapping is not None:
            self.message.emit(self._state_refusal(
                "agent_state_wrap_up" if self.wrapping else "agent_state_busy"))
            return
        if not self.state.takes_calls:
            self.message.emit(self.tr("Get ready first (Ctrl+Shift+R) to take the next "
                                      "contact."))
            return
        campaign = self.campaign
        if campaign is None:
            self.message.emit(self.tr("No outbound campaign is running."))
            return
        self._busy_asking = True

        def done() -> None:
            self._busy_asking = False

        self._runner.run(lambda: services.dialing.next_contact(campaign.id), self._next_result,
                         self._failed, owner=self, finished=done)

    def _next_result(self, result: ContactPreview | NothingToCall) -> None:
        from agentdesk.services.dialing_views import ContactPreview

        if not isinstance(result, ContactPreview):
            self.preview = None
            self._pending_callback = None
            self.nothing_to_call.emit(result)
            return
        self.preview = result
        self._pending_callback = None
        self.preview_ready.emit(result)
        self.open_customer.emit(result.customer_id)
        self._refill()

    def start_callback(self, callback_id: uuid.UUID) -> None:
        """Preview a due callback: its contact, or the customer to call back."""
        services = self.services
        if services is None:
            return
        if self.call is not None or self.wrapping is not None:
            self.message.emit(self._state_refusal("agent_state_busy"))
            return
        self._runner.run(lambda: services.dialing.start_callback(callback_id),
                         self._callback_result, self._failed, owner=self)

    def _callback_result(self, result: ContactPreview | PendingCallback) -> None:
        from agentdesk.services.dialing_views import ContactPreview

        if isinstance(result, ContactPreview):
            self._next_result(result)
            return
        self.preview = None
        self._pending_callback = result
        self.open_customer.emit(result.customer_id)
        self.preview_ready.emit(result)

    def _refill(self) -> None:
        services, campaign = self.services, self.campaign
        if services is not None and campaign is not None:
            self._runner.run(lambda: services.dialing.refill(campaign.id),
                             failure=lambda _e: None)

    # ------------------------------------------------------------------ the phone
    def dial(self, number: str) -> None:
        """Dial ``number`` (the previewed contact's, an alternative, or one typed)."""
        services, phone = self.services, self.phone
        if services is None or phone is None:
            return
        if self.call is not None:
            if self._ringing_inbound():
                self.answer()
            return
        if self.wrapping is not None:
            self.message.emit(self._state_refusal("agent_state_wrap_up"))
            return
        if self.state.kind is AgentStateKind.LOGGED_OUT:
            return
        if not number.strip():
            self.message.emit(self.tr("Enter a number to dial, or press F2 for the next "
                                      "contact."))
            return
        preview = self.preview
        callback = self._pending_callback
        campaign = preview.campaign if preview else self._campaign_of(callback)
        self.call = LiveCall(CallDirection.OUTBOUND, number, campaign, preview=preview,
                             callback=preview.callback if preview else callback)
        if preview is not None:
            self.call.customer_id = preview.customer_id
            self.call.customer_name = preview.customer_name
        elif callback is not None:
            self.call.customer_id = callback.customer_id
            self.call.customer_name = callback.customer_name
        if preview is not None:
            self.call.zone = preview.time_zone
        elif callback is not None:
            self.call.zone = callback.time_zone
        phone.set_available(False)  # no inbound call while the number is being checked
        self.call_changed.emit(self.call)
        campaign_id = campaign.id if campaign else None
        customer_id = self.call.customer_id
        self._runner.run(lambda: services.dialing.check_dial(number, campaign_id, customer_id),
                         self._dial_checked, self._dial_refused, owner=self)

    def _campaign_of(self, callback: PendingCallback | None) -> CampaignSetup | None:
        if callback is not None:
            for campaign in self.campaigns:
                if campaign.id == callback.campaign_id:
                    return campaign
        return self.campaign

    def _dial_checked(self, e164: str) -> None:
        call, phone = self.call, self.phone
        if call is None or phone is None or call.snapshot is not None:
            return
        call.e164 = e164
        self._keep_what_was_dialled(call)
        self._start_call()
        try:
            phone.dial(e164)
        except PhoneError as exc:
            log.error("The phone refused to dial: %s", exc)
            self.call = None
            self._set_state(self.state.disposed(self._clock.now()))
            self.call_changed.emit(None)

    def _keep_what_was_dialled(self, call: LiveCall) -> None:
        """A number typed over the preview's is a call of its own, not the contact's."""
        preview, callback = call.preview, call.callback
        if preview is not None and all(n.e164 != call.e164 for n in preview.numbers):
            call.preview, call.callback = None, None
            call.customer_id, call.customer_name, call.zone = None, "", ""
        elif preview is None and callback is not None and callback.e164 != call.e164:
            call.callback = None
            call.customer_id, call.customer_name, call.zone = None, "", ""

    def _start_call(self) -> None:
        """On call now; a pause chosen before (or a manual call while paused) comes after."""
        state = self.state
        if state.kind is AgentStateKind.NOT_READY:
            try:
                reason = NotReadyReason(state.reason)
            except ValueError:
                reason = NotReadyReason.BREAK
            state = replace(state, pending_pause=reason)
        self._set_state(state.call_started(self._clock.now()))

    def _dial_refused(self, error: KnownError) -> None:
        self.call = None
        if self.phone is not None:
            self.phone.set_available(self.state.takes_calls)
        self.call_changed.emit(None)
        self.message.emit(self._messages.error(error))

    def _ringing_inbound(self) -> bool:
        call = self.call
        return (call is not None and call.direction is CallDirection.INBOUND
                and call.state is CallState.RINGING)

    def answer(self) -> None:
        """Answer the ringing inbound call."""
        if self.phone is None or not self._ringing_inbound():
            return
        self._start_call()
        self._line(self.phone.answer)

    def hang_up(self) -> None:
        """End the call (reject a ringing inbound call)."""
        call, phone = self.call, self.phone
        if call is None or phone is None or call.snapshot is None:
            return
        if call.state is not CallState.ENDED:
            self._line(phone.hang_up)

    def toggle_hold(self) -> None:
        """Put the customer on hold, or take them off hold."""
        call, phone = self.call, self.phone
        if call is None or phone is None or call.state not in (CallState.CONNECTED,
                                                               CallState.HELD):
            return
        on = call.state is CallState.CONNECTED
        self._line(lambda: phone.hold(on))

    def toggle_mute(self) -> None:
        """Mute or unmute the microphone."""
        call, phone = self.call, self.phone
        if call is None or phone is None or call.state not in (CallState.CONNECTED,
                                                               CallState.HELD):
            return
        on = not (call.snapshot is not None and call.snapshot.muted)
        self._line(lambda: phone.mute(on))

    def transfer(self, number: str) -> None:
        """Hand the connected call to ``number``."""
        call, phone = self.call, self.phone
        if call is None or phone is None or call.state not in (CallState.CONNECTED,
                                                               CallState.HELD):
            return
        from agentdesk.domain.phones import try_normalize_phone

        target = try_normalize_phone(number)
        if target is None:
            self.message.emit(self.tr("That is not a valid phone number."))
            return
        self._line(lambda: phone.transfer(target))

    def _line(self, operation: Any) -> None:
        """Do ``operation`` on the phone; a call that ended meanwhile is not an error."""
        try:
            operation()
        except PhoneError:
            self.message.emit(self.tr("The call has already ended."))

    def send_digits(self, digits: str) -> None:
        """Send DTMF digits on the connected call."""
        call, phone = self.call, self.phone
        if call is None or phone is None or call.state is not CallState.CONNECTED:
            return
        try:
            phone.send_digits(digits)
        except PhoneError:
            self.message.emit(self.tr("Only 0-9, * and # can be sent."))

    def set_consent(self, given: bool) -> None:
        """Record the customer's answer to the recording-consent question."""
        call = self.call if self.call is not None else self.wrapping
        if call is None:
            return
        call.consent = given
        self.call_changed.emit(call)

    def ring_in(self, caller: str) -> None:
        """Simulate an incoming call from ``caller`` (training backends only)."""
        ring = getattr(self.phone, "ring_in", None)
        if ring is None:
            return
        if self.call is not None or self.wrapping is not None or not self.state.takes_calls:
            self.message.emit(self.tr("Incoming calls are only offered while you are ready."))
            return
        try:
            ring(caller)
        except PhoneError:
            self.message.emit(self.tr("The line is busy."))

    @property
    def can_ring_in(self) -> bool:
        """Whether the phone backend can simulate incoming calls."""
        return hasattr(self.phone, "ring_in")

    def _phone_reported(self, snapshot: CallSnapshot) -> None:
        call = self.call
        if call is not None and call.snapshot is None and snapshot.direction is not \
                call.direction and self.phone is not None:
            self._line(self.phone.hang_up)  # the line is taken by the call being set up
            return
        if call is None or (call.snapshot is not None
                            and call.snapshot.call_id != snapshot.call_id):
            if snapshot.direction is CallDirection.INBOUND and call is None:
                call = self._incoming(snapshot)
                if call is None:
                    return
            else:
                return
        call.snapshot = snapshot
        if snapshot.state is CallState.ENDED:
            self._ended(call, snapshot)
            return
        if (snapshot.direction is CallDirection.INBOUND and snapshot.state is
                CallState.CONNECTED and call.pop is not None and not call.pop.known
                and call.customer_id is None and not call.form_offered):
            call.form_offered = True
            self.new_customer.emit(call.pop.e164 or call.pop.raw)
        self.call_changed.emit(call)

    def _incoming(self, snapshot: CallSnapshot) -> LiveCall | None:
        services, phone = self.services, self.phone
        if services is None or phone is None:
            return None
        if self.wrapping is not None or not self.state.takes_calls:
            phone.hang_up()  # not routable to this agent now
            return None
        call = LiveCall(CallDirection.INBOUND, snapshot.remote, self.inbound_campaign(),
                        snapshot=snapshot)
        self.call = call
        phone.set_available(False)
        self._runner.run(lambda: services.screen_pop.lookup(snapshot.remote),
                         lambda pop: self._popped(call, pop), self._failed, owner=self)
        return call

    def _popped(self, call: LiveCall, pop: ScreenPop) -> None:
        call.pop = pop
        if call is not self.call and call is not self.wrapping:
            return  # the caller hung up before the look-up finished
        if pop.e164:
            call.e164 = pop.e164
        if pop.known and pop.customer_id is not None:
            call.customer_id = pop.customer_id
            call.customer_name = pop.customer_name
            self.open_customer.emit(pop.customer_id)
        elif call.state is CallState.CONNECTED and call.customer_id is None \
                and not call.form_offered:
            call.form_offered = True
            self.new_customer.emit(pop.e164 or pop.raw)
        self.call_changed.emit(call)

    def customer_shown(self, customer_id: uuid.UUID, name: str) -> None:
        """The agent opened or created a customer: an unknown caller becomes them."""
        call = self.call if self.call is not None else self.wrapping
        if call is not None and call.customer_id is None and call.answered:
            call.customer_id = customer_id
            call.customer_name = name
            self.call_changed.emit(call)

    def _ended(self, call: LiveCall, snapshot: CallSnapshot) -> None:
        self.call = None
        if snapshot.direction is CallDirection.INBOUND and snapshot.answered_at is None:
            # Never answered: nothing to dispose; the agent is offered calls again.
            if snapshot.end_reason is EndReason.ABANDONED:
                number = call.e164 or snapshot.remote
                shown = format_phone(number) if number.startswith("+") else number
                self.message.emit(self.tr("Missed call from %1.").replace(
                    "%1", shown or self.tr("a withheld number")))
            if self.state.kind is AgentStateKind.ON_CALL:
                self._set_state(self.state.disposed(self._clock.now()))
            elif self.phone is not None:
                self.phone.set_available(self.state.takes_calls)
            self.call_changed.emit(None)
            return
        self.wrapping = call
        self.preview = None
        self._pending_callback = None
        self._set_state(self.state.call_ended(self._clock.now()))
        self.call_changed.emit(None)
        services, customer_id = self.services, call.customer_id
        if call.zone or services is None or customer_id is None:
            call.zone = call.zone or contact_time_zone("", call.e164)
            self.wrap_up_started.emit(call)
            return

        def zone_known(zone: str) -> None:
            call.zone = zone
            if call is self.wrapping:
                self.wrap_up_started.emit(call)

        def zone_unknown(error: KnownError) -> None:
            zone_known(contact_time_zone("", call.e164))

        self._runner.run(lambda: services.dialing.calling_zone(customer_id, call.e164),
                         zone_known, zone_unknown, owner=self)

    @staticmethod
    def suggested_disposition(call: LiveCall) -> DispositionOption | None:
        """The disposition that matches how an unanswered call ended, if any."""
        return suggested_disposition(call)

    # ------------------------------------------------------------------ wrap-up
    def dispose(self, option: DispositionOption, notes: str,
                callback: CallbackRequest | None) -> None:
        """Store the call with its disposition; the agent is ready (or paused) again after."""
        call, services, user = self.wrapping, self.services, self.user
        if call is None or services is None or user is None or call.snapshot is None:
            return
        finished = finished_call(call, user.id, option, notes, callback, self._clock.now())
        self._runner.run(lambda: services.dialing.record(finished), self._disposed,
                         self.wrap_up_failed.emit, owner=self)

    def _disposed(self, _call_id: uuid.UUID) -> None:
        if self.wrapping is None or not self.active:
            return  # signed out meanwhile
        self.wrapping = None
        self._set_state(self.state.disposed(self._clock.now()))
        self.wrap_up_finished.emit()
        self.day.refresh()
        self._refill()

    def _failed(self, error: KnownError) -> None:
        self.message.emit(self._messages.error(error))
