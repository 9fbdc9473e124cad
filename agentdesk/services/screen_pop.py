"""Inbound screen pop: recognize the caller by the number the phone reports (B2 inbound)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from agentdesk.domain.phones import MAX_PHONE_INPUT, try_normalize_phone
from agentdesk.domain.ports import CustomerRepository

#: What switches and phones report instead of a number when the caller hides it.
WITHHELD_CALLER_IDS = frozenset({"", "anonymous", "unknown", "private", "withheld",
                                 "restricted", "unavailable"})


def is_withheld(caller_id: str) -> bool:
    """Return True if ``caller_id`` says the number was withheld rather than giving one."""
    return len(caller_id) <= MAX_PHONE_INPUT and caller_id.strip().lower() in WITHHELD_CALLER_IDS


@dataclass(frozen=True, slots=True)
class ScreenPop:
    """Who is calling, as far as the workstation knows.

    Attributes:
        raw: The caller id exactly as the phone reported it.
        e164: The number normalized like a typed one; "" when withheld or not a valid number.
        customer_id: The customer owning the number, None for an unknown caller.
        customer_name: Their name, "" for an unknown caller.
        customer_no: Their customer number, "" for an unknown caller.
        known: True when the number belongs to a customer.
    """

    raw: str
    e164: str
    customer_id: uuid.UUID | None
    customer_name: str
    customer_no: str
    known: bool

    @property
    def withheld(self) -> bool:
        """True when the caller hid their number."""
        return is_withheld(self.raw)


class ScreenPopService:
    """Looks up inbound callers by caller id.

    Args:
        customers: The customer repository of the workstation.
    """

    def __init__(self, customers: CustomerRepository) -> None:
        self._customers = customers

    def lookup(self, caller_id: str) -> ScreenPop:
        """Return who is calling from ``caller_id``.

        Any caller id is accepted: a withheld, malformed or hostile one (too long, control
        characters, text) gives an unknown caller without touching the database. Numbers in
        national, ``+86``, ``0086``, ``86`` or trunk-``0`` form, with full-width digits or
        separators, are normalized to E.164 first.
        """
        e164 = None if is_withheld(caller_id) else try_normalize_phone(caller_id)
        if e164 is None:
            return ScreenPop(caller_id, "", None, "", "", known=False)
        customer = self._customers.find_by_phone(e164)
        if customer is None:
            return ScreenPop(caller_id, e164, None, "", "", known=False)
        return ScreenPop(caller_id, e164, customer.id, customer.name, customer.customer_no,
                         known=True)
