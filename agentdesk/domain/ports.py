"""The doors the domain needs to the outside world, implemented by store/, sync/ and telephony/."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from agentdesk.domain.auth import LoginAttempts
from agentdesk.domain.calls import ContactHistoryItem
from agentdesk.domain.customers import Customer, CustomerQuery, CustomerSummary, ValidCustomer
from agentdesk.domain.orders import OrderSummary
from agentdesk.domain.people import Role, User


class Clock(Protocol):
    """Tells the time; swapped for a fixed clock in tests."""

    def now(self) -> datetime:
        """Return the current time, timezone-aware UTC."""
        ...


class CustomerRepository(Protocol):
    """Customers as stored on this workstation."""

    def search(self, query: CustomerQuery, limit: int) -> Sequence[CustomerSummary]:
        """Return up to ``limit`` customers matching ``query``, best match first."""
        ...

    def get(self, customer_id: uuid.UUID) -> Customer:
        """Return the full record; raise NotFoundError if there is none."""
        ...

    def find_by_phone(self, e164: str) -> Customer | None:
        """Return the customer owning ``e164`` (screen pop), or None."""
        ...

    def contact_history(
        self, customer_id: uuid.UUID, limit: int
    ) -> Sequence[ContactHistoryItem]:
        """Return the customer's most recent calls, newest first."""
        ...

    def order_history(self, customer_id: uuid.UUID, limit: int) -> Sequence[OrderSummary]:
        """Return the customer's most recent orders, newest first."""
        ...

    def save(
        self,
        customer_id: uuid.UUID | None,
        base_version: int | None,
        customer: ValidCustomer,
        actor_id: uuid.UUID,
    ) -> Customer:
        """Create (``customer_id`` None) or update a customer and queue the change for sync.

        Raises:
            StaleRecordError: the stored version is no longer ``base_version``.
        """
        ...


class UserRepository(Protocol):
    """Users known to this workstation."""

    def find_credentials(self, username: str) -> tuple[User, str] | None:
        """Return the user and their argon2 password hash, or None for an unknown name."""
        ...

    def get(self, user_id: uuid.UUID) -> User:
        """Return one user; raise NotFoundError if there is none."""
        ...

    def list_users(self) -> Sequence[User]:
        """Return all active and disabled users, by username."""
        ...

    def add(
        self,
        username: str,
        display_name: str,
        role: Role,
        password_hash: str,
        team_id: uuid.UUID | None,
    ) -> User:
        """Create a user; raise ValidationError if the username is taken."""
        ...

    def set_password_hash(self, user_id: uuid.UUID, password_hash: str) -> None:
        """Replace a user's password hash (after a rehash or a password change)."""
        ...


class LoginAttemptStore(Protocol):
    """Remembers failed sign-ins per username on this workstation."""

    def get(self, username: str) -> LoginAttempts:
        """Return the attempts recorded for ``username``."""
        ...

    def put(self, username: str, attempts: LoginAttempts) -> None:
        """Record the attempts for ``username``."""
        ...
