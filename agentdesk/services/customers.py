"""The customer record: search it, pop it for a caller, read its history, edit it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from agentdesk.domain.calls import ContactHistoryItem
from agentdesk.domain.customers import (
    Customer,
    CustomerDraft,
    CustomerSummary,
    understand_query,
    validate_customer,
)
from agentdesk.domain.errors import KnownError
from agentdesk.domain.orders import OrderSummary
from agentdesk.domain.people import Capability, User
from agentdesk.domain.phones import try_normalize_phone
from agentdesk.domain.ports import CustomerRepository

SEARCH_LIMIT = 50
HISTORY_LIMIT = 100


@dataclass(frozen=True, slots=True)
class CustomerRecord:
    """Everything the record panel shows about one customer."""

    customer: Customer
    contacts: Sequence[ContactHistoryItem]
    orders: Sequence[OrderSummary]


class CustomerService:
    """Customer look-ups and edits for the signed-in user.

    Args:
        customers: The customer repository.
        user: Who is signed in; decides whether edits are allowed.
    """

    def __init__(self, customers: CustomerRepository, user: User) -> None:
        self._customers = customers
        self._user = user

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> Sequence[CustomerSummary]:
        """Find customers by phone (any format), the last digits of a phone, number or name."""
        query = understand_query(text)
        if query is None:
            return []
        return self._customers.search(query, limit)

    def screen_pop(self, caller_id: str) -> Customer | None:
        """Return the customer calling from ``caller_id`` (normalized like a typed number)."""
        e164 = try_normalize_phone(caller_id)
        return None if e164 is None else self._customers.find_by_phone(e164)

    def record(self, customer_id: uuid.UUID) -> CustomerRecord:
        """Return the customer with their contact and order history."""
        return CustomerRecord(
            customer=self._customers.get(customer_id),
            contacts=self._customers.contact_history(customer_id, HISTORY_LIMIT),
            orders=self._customers.order_history(customer_id, HISTORY_LIMIT),
        )

    def save(
        self, customer_id: uuid.UUID | None, base_version: int | None, draft: CustomerDraft
    ) -> Customer:
        """Validate and store an edit (or a new customer, when ``customer_id`` is None).

        Raises:
            ValidationError: the draft breaks a rule; nothing was stored.
            StaleRecordError: someone else saved the customer first; nothing was stored.
            KnownError: the signed-in user may not edit customers.
        """
        if not self._user.can(Capability.EDIT_CUSTOMERS):
            raise KnownError("You may not edit customers", code="not_allowed")
        valid = validate_customer(draft)
        return self._customers.save(customer_id, base_version, valid, self._user.id)
