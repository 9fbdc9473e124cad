"""Campaigns and the reference data around them: knowledge articles, cases, escalation."""

from __future__ import annotations

from enum import StrEnum


class CampaignDirection(StrEnum):
    """Whether a campaign calls out or answers calls."""

    OUTBOUND = "outbound"
    INBOUND = "inbound"


class CampaignStatus(StrEnum):
    """Where a campaign stands in its lifecycle."""

    PREPARING = "preparing"
    RUNNING = "running"
    PAUSED = "paused"
    CLOSED = "closed"


class CaseStatus(StrEnum):
    """Where a customer case (feedback or complaint) stands."""

    OPEN = "open"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"
