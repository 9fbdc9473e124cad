"""The order form's rules beyond prices: delivery, payment, real-name details, read-back.

:func:`check_order` turns what the agent typed into clean values or one problem code per
field, so the form can put every message beside its field at once. Prices and discounts are
:mod:`agentdesk.domain.pricing`'s; rounds and capacity :mod:`agentdesk.domain.delivery`'s.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from agentdesk.domain.customers import clean_text
from agentdesk.domain.errors import KnownError, ValidationError
from agentdesk.domain.orders import DeliveryMethod, PaymentMethod
from agentdesk.domain.phones import InvalidPhoneError, parse_phone
from agentdesk.domain.pricing import OrderLineDraft
from agentdesk.domain.resident_id import ResidentId, check_resident_id

MAX_ADDRESS = 300
MIN_ADDRESS = 6  # shorter than "X市X区X路1号" cannot be found by a courier
MAX_NAME = 30
MAX_NOTES = 500
MAX_APPROVAL_NOTE = 200
#: Age (full years) from which a customer may sign for a contract product in their own name.
MIN_CONTRACT_AGE = 18

# An address a courier can find names a place and carries a number (house, building, room).
_HAS_NUMBER = re.compile(r"[0-9０-９一二三四五六七八九十百]")
_LETTERS = re.compile(r"\w", re.UNICODE)


class PreferredTime(StrEnum):
    """When the customer would like the courier to come; the booking call settles the hour."""

    ANY = "any"
    MORNING = "morning"  # 09:00-12:00
    AFTERNOON = "afternoon"  # 13:00-18:00
    EVENING = "evening"  # 18:00-21:00


PAYMENTS: dict[DeliveryMethod, PaymentMethod] = {
    DeliveryMethod.HOME_DELIVERY: PaymentMethod.CASH_ON_DELIVERY,
    DeliveryMethod.HALL_PICKUP: PaymentMethod.PAY_AT_HALL,
}
"""The one way to pay that goes with each way of delivery (no card numbers, ever)."""


@dataclass(frozen=True, slots=True, eq=False)
class DiscountApproval:
    """A supervisor's approval of a discount beyond the agent's own authority.

    Compared by identity: only the very object the order service issued after checking the
    supervisor's password counts, not an equal one made elsewhere. It covers the discount on
    the order as it stood when the supervisor saw it, and nothing else.

    Attributes:
        supervisor_id: The supervisor who approved, after signing in on the agent's screen.
        gross: The order's gross the supervisor saw.
        discount: The discount the supervisor approved.
        note: Why, as the supervisor put it.
    """

    supervisor_id: uuid.UUID
    gross: Decimal
    discount: Decimal
    note: str = ""

    def covers(self, gross: Decimal, discount: Decimal) -> bool:
        """True if the approval is for this gross and this discount."""
        return (self.gross, self.discount) == (gross, discount)


@dataclass(frozen=True, slots=True)
class OrderDraft:
    """What the order form submits.

    Attributes:
        customer_id: The customer the order is for.
        lines: The order lines (``product_code`` is the product's SKU).
        delivery_method: Home delivery or pick-up at a business hall.
        payment_method: Cash on delivery or at the hall; must match the delivery method.
        address: Delivery address, one line (home delivery only).
        contact_phone: The number the courier or the hall calls, as typed.
        preferred_time: When the customer would like the delivery.
        hall_id: The business hall or VIP room (pick-up only).
        real_name: The holder's name as on the ID card (real-name products only).
        resident_id: The holder's resident ID number as typed (real-name products only).
        notes: Notes for the courier or the hall.
        approval: The supervisor's approval of a discount beyond the agent's authority.
        call_id: The call the order was taken on, if any.
        campaign_id: The campaign the call belongs to, if any.
        round_id: The dispatch round the agent chose (None: the first one with room).
        round_date: The handover day of the chosen round.
        quoted_total: The total read back to the customer; saving is refused if the prices
            give another one by then (an offer ended, a price changed).
    """

    customer_id: uuid.UUID
    lines: Sequence[OrderLineDraft]
    delivery_method: DeliveryMethod
    payment_method: PaymentMethod
    address: str = ""
    contact_phone: str = ""
    preferred_time: PreferredTime = PreferredTime.ANY
    hall_id: uuid.UUID | None = None
    real_name: str = ""
    resident_id: str = field(default="", repr=False)  # personal: never in logs
    notes: str = ""
    approval: DiscountApproval | None = None
    call_id: uuid.UUID | None = None
    campaign_id: uuid.UUID | None = None
    round_id: uuid.UUID | None = None
    round_date: date | None = None
    quoted_total: Decimal | None = None


@dataclass(frozen=True, slots=True)
class CheckedDetails:
    """The order's delivery, contact and real-name details after :func:`check_order`."""

    address: str
    contact_e164: str
    preferred_time: PreferredTime
    real_name: str
    resident_id: ResidentId | None
    notes: str
    approval_note: str = ""
    problems: dict[str, str] = field(default_factory=dict)


def check_address(text: str) -> str:
    """Return a delivery address cleaned up, or raise ``ValidationError({"address": code})``.

    Codes: ``required``; ``too_long`` over :data:`MAX_ADDRESS` characters; ``too_short`` under
    :data:`MIN_ADDRESS` letters; ``no_number`` without a house, building or room number.
    """
    if len(text) > MAX_ADDRESS * 4:
        raise ValidationError({"address": "too_long"})
    address = clean_text(text)
    if not address:
        raise ValidationError({"address": "required"})
    if len(address) > MAX_ADDRESS:
        raise ValidationError({"address": "too_long"})
    if len(_LETTERS.findall(address)) < MIN_ADDRESS:
        raise ValidationError({"address": "too_short"})
    if not _HAS_NUMBER.search(address):
        raise ValidationError({"address": "no_number"})
    return address


def check_order(
    draft: OrderDraft, *, needs_real_name: bool, today: date, hall_ids: frozenset[uuid.UUID]
) -> CheckedDetails:
    """Check everything on the form except prices and return the clean details.

    Args:
        draft: The form's values.
        needs_real_name: True when a line's product must be registered in the holder's name.
        today: The center's date (for the holder's age).
        hall_ids: The halls that take pick-ups.

    Raises:
        ValidationError: One code per field:

            * ``address``: see :func:`check_address` (home delivery only).
            * ``contact_phone``: ``required``, ``invalid`` (not a dialable Chinese number).
            * ``hall``: ``required`` for a pick-up; ``unknown`` when not a hall.
            * ``payment_method``: ``mismatch`` when it does not go with the delivery method.
            * ``real_name``: ``required``, ``too_long``, ``invalid`` (digits in a name).
            * ``resident_id``: the codes of :func:`check_resident_id`, or ``under_age``.
            * ``notes``: ``too_long``; ``approval``: ``too_long`` (its note).
            * ``preferred_time``: ``invalid`` when not a :class:`PreferredTime` value.
    """
    problems: dict[str, str] = {}
    address = ""
    if draft.delivery_method is DeliveryMethod.HOME_DELIVERY:
        try:
            address = check_address(draft.address)
        except ValidationError as error:
            problems.update(error.problems)
    elif draft.hall_id is None:
        problems["hall"] = "required"
    elif draft.hall_id not in hall_ids:
        problems["hall"] = "unknown"
    if PAYMENTS[draft.delivery_method] is not draft.payment_method:
        problems["payment_method"] = "mismatch"

    contact = ""
    typed_phone = clean_text(draft.contact_phone[:64])
    if not typed_phone:
        problems["contact_phone"] = "required"
    else:
        try:
            contact = parse_phone(typed_phone).e164
        except InvalidPhoneError:
            problems["contact_phone"] = "invalid"

    name, holder = "", None
    if needs_real_name:
        name = clean_text(draft.real_name[: MAX_NAME * 4])
        if not name:
            problems["real_name"] = "required"
        elif len(name) > MAX_NAME:
            problems["real_name"] = "too_long"
        elif any(ch.isdigit() for ch in name):
            problems["real_name"] = "invalid"
        try:
            holder = check_resident_id(draft.resident_id, today=today)
        except ValidationError as error:
            problems.update(error.problems)
        else:
            if holder.age(today) < MIN_CONTRACT_AGE:
                problems["resident_id"] = "under_age"

    try:
        preferred = PreferredTime(draft.preferred_time)
    except ValueError:
        problems["preferred_time"] = "invalid"
        preferred = PreferredTime.ANY
    notes = clean_text(draft.notes[: MAX_NOTES * 4], multiline=True)
    if len(notes) > MAX_NOTES:
        problems["notes"] = "too_long"
    approval_note = ""
    if draft.approval is not None:
        approval_note = clean_text(draft.approval.note[: MAX_APPROVAL_NOTE * 4])
        if len(approval_note) > MAX_APPROVAL_NOTE:
            problems["approval"] = "too_long"
    if problems:
        raise ValidationError(problems)
    return CheckedDetails(address, contact, preferred, name, holder, notes, approval_note)


class RoundFullError(KnownError):
    """The chosen round has no room left; ``params`` name the next round with room."""

    code = "round_full"
