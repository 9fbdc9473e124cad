"""Table models of the sync issues: changes the server refused, and conflicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from agentdesk.ui.labels import Labels
from agentdesk.ui.models.rows import Column, RowsModel

if TYPE_CHECKING:
    from agentdesk.services.sync import Conflict, Rejection

VALUE_WIDTH = 60


class SyncIssueWords(QObject):
    """Translated headers, conflict kinds and record names of the sync issue tables."""

    def table(self) -> str:  # noqa: D102
        return self.tr("Record")

    def when(self) -> str:  # noqa: D102
        return self.tr("When")

    def reason(self) -> str:  # noqa: D102
        return self.tr("Reason")

    def kind(self) -> str:  # noqa: D102
        return self.tr("Kind")

    def field(self) -> str:  # noqa: D102
        return self.tr("Field")

    def kept(self) -> str:  # noqa: D102
        return self.tr("Kept value")

    def lost(self) -> str:  # noqa: D102
        return self.tr("Overwritten value")

    def workstation(self) -> str:  # noqa: D102
        return self.tr("Workstation")

    def conflict_kind(self, kind: str) -> str:
        """Return a conflict kind in words."""
        return {
            "field": self.tr("Field conflict"),
            "double_contact": self.tr("Possible double contact"),
            "renumbered": self.tr("Customer renumbered"),
        }.get(kind, kind)

    def table_name(self, name: str) -> str:
        """Return what a synced table holds, in words (its own name if not known here)."""
        return {
            "customers": self.tr("Customer"),
            "customer_phones": self.tr("Customer phone"),
            "customer_addresses": self.tr("Customer address"),
            "contacts": self.tr("Contact"),
            "callbacks": self.tr("Callback"),
            "calls": self.tr("Call"),
            "dispositions": self.tr("Call result"),
            "orders": self.tr("Order"),
            "order_lines": self.tr("Order line"),
            "order_events": self.tr("Order status"),
            "cases": self.tr("Case"),
            "case_events": self.tr("Case event"),
            "agent_state_events": self.tr("Agent state"),
        }.get(name, name)


def _short(value: str) -> str:
    flat = value.replace("\n", " ")
    return flat if len(flat) <= VALUE_WIDTH else flat[:VALUE_WIDTH - 1] + "…"


def rejections_model(parent: QObject | None = None) -> RowsModel[Rejection]:
    """Return the model of the changes the server refused."""
    w = SyncIssueWords(parent)
    return RowsModel(
        [
            Column(w.table, lambda r: w.table_name(r.table_name), tooltip=lambda r: r.table_name),
            Column(w.when, lambda r: Labels.when(r.rejected_at)),
            Column(w.reason, lambda r: _short(r.reason), tooltip=lambda r: r.reason),
        ],
        parent,
    )


def conflicts_model(parent: QObject | None = None) -> RowsModel[Conflict]:
    """Return the model of the conflicts in this workstation's data."""
    w = SyncIssueWords(parent)
    return RowsModel(
        [
            Column(w.kind, lambda c: w.conflict_kind(c.kind)),
            Column(w.table, lambda c: w.table_name(c.table_name), tooltip=lambda c: c.table_name),
            Column(w.field, lambda c: c.field),
            Column(w.kept, lambda c: _short(c.kept_value), tooltip=lambda c: c.kept_value),
            Column(w.lost, lambda c: _short(c.lost_value), tooltip=lambda c: c.lost_value),
            Column(w.workstation, lambda c: c.workstation_id),
            Column(w.when, lambda c: Labels.when(c.detected_at)),
        ],
        parent,
    )
