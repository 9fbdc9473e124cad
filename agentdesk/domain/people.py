"""Who works in the center: users, their roles and teams."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """What a user does, which decides what the console shows them."""

    AGENT = "agent"
    SUPERVISOR = "supervisor"
    TRAINER = "trainer"
    SCRIPT_DEVELOPER = "script_developer"
    ADMIN = "admin"


class Capability(StrEnum):
    """Something a role may do or see."""

    CALL_CUSTOMERS = "call_customers"
    EDIT_CUSTOMERS = "edit_customers"
    VIEW_TEAM = "view_team"
    AUTHOR_KNOWLEDGE = "author_knowledge"
    AUTHOR_SCRIPTS = "author_scripts"
    APPROVE_DISCOUNTS = "approve_discounts"
    MANAGE_DELIVERIES = "manage_deliveries"
    ADMINISTER = "administer"


ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.AGENT: frozenset({Capability.CALL_CUSTOMERS, Capability.EDIT_CUSTOMERS}),
    Role.SUPERVISOR: frozenset({Capability.CALL_CUSTOMERS, Capability.EDIT_CUSTOMERS,
                                Capability.VIEW_TEAM, Capability.AUTHOR_SCRIPTS,
                                Capability.APPROVE_DISCOUNTS, Capability.MANAGE_DELIVERIES}),
    Role.TRAINER: frozenset({Capability.AUTHOR_KNOWLEDGE}),
    Role.SCRIPT_DEVELOPER: frozenset({Capability.AUTHOR_SCRIPTS}),
    Role.ADMIN: frozenset(Capability),
}


@dataclass(frozen=True, slots=True)
class Team:
    """A group of agents led by a supervisor."""

    id: uuid.UUID
    name: str
    supervisor_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class User:
    """A person who signs in to AgentDesk.

    Attributes:
        id: Row id.
        username: Sign-in name, unique.
        display_name: Name shown to colleagues and customers' records.
        role: What the user does.
        team_id: The team the user belongs to, if any.
        active: False when the account is disabled.
        locale: Preferred UI language, e.g. ``zh_CN``; empty for the system default.
    """

    id: uuid.UUID
    username: str
    display_name: str
    role: Role
    team_id: uuid.UUID | None
    active: bool = True
    locale: str = ""

    def can(self, capability: Capability) -> bool:
        """Return True if the user's role grants ``capability``."""
        return capability in ROLE_CAPABILITIES[self.role]
