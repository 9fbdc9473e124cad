"""The funnel of a script version as tables: calls per step, and the answers losing most."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from agentdesk.ui.models.rows import Column, RowsModel

BAR_COLUMN = 4


@dataclass(frozen=True, slots=True)
class FunnelStepRow:
    """A step with the calls that reached it.

    Attributes:
        title: The step's title (its id when the version has no such step any more).
        reached: Calls that reached the step.
        sales: Of those, how many ended in a sale.
        share: ``reached`` per call of the version (the bar's length, 0-1).
    """

    title: str
    reached: int
    sales: int
    share: float

    @property
    def conversion(self) -> float:
        """Sales per call that reached the step."""
        return self.sales / self.reached if self.reached else 0.0


@dataclass(frozen=True, slots=True)
class AnswerLossRow:
    """An answer and the calls that chose it without ending in a sale."""

    step: str
    answer: str
    chosen: int
    lost: int

    @property
    def share(self) -> float:
        """Calls lost per call that chose the answer."""
        return self.lost / self.chosen if self.chosen else 0.0


def percent(value: float) -> str:
    """Return a share as a percentage with one decimal: ``12.5 %``."""
    return f"{value * 100:.1f} %"


class FunnelHeaders(QObject):
    """Translated column headers of the funnel tables."""

    def step(self) -> str:  # noqa: D102
        return self.tr("Step")

    def reached(self) -> str:  # noqa: D102
        return self.tr("Reached")

    def sales(self) -> str:  # noqa: D102
        return self.tr("Sales")

    def conversion(self) -> str:  # noqa: D102
        return self.tr("Conversion")

    def share(self) -> str:  # noqa: D102
        return self.tr("Share of calls")

    def answer(self) -> str:  # noqa: D102
        return self.tr("Answer")

    def chosen(self) -> str:  # noqa: D102
        return self.tr("Chosen")

    def lost(self) -> str:  # noqa: D102
        return self.tr("Lost")

    def lost_share(self) -> str:  # noqa: D102
        return self.tr("Lost %")


def funnel_steps_model(parent: QObject | None = None) -> RowsModel[FunnelStepRow]:
    """Return the model of the steps table; column :data:`BAR_COLUMN` is drawn as a bar."""
    headers = FunnelHeaders(parent)
    return RowsModel([
        Column(headers.step, lambda r: r.title, tooltip=lambda r: r.title),
        Column(headers.reached, lambda r: str(r.reached), align_right=True),
        Column(headers.sales, lambda r: str(r.sales), align_right=True),
        Column(headers.conversion, lambda r: percent(r.conversion), align_right=True),
        Column(headers.share, lambda r: percent(r.share)),
    ], parent)


def answer_losses_model(parent: QObject | None = None) -> RowsModel[AnswerLossRow]:
    """Return the model of the answers losing most calls."""
    headers = FunnelHeaders(parent)
    return RowsModel([
        Column(headers.step, lambda r: r.step, tooltip=lambda r: r.step),
        Column(headers.answer, lambda r: r.answer, tooltip=lambda r: r.answer),
        Column(headers.chosen, lambda r: str(r.chosen), align_right=True),
        Column(headers.lost, lambda r: str(r.lost), align_right=True),
        Column(headers.lost_share, lambda r: percent(r.share), align_right=True),
    ], parent)
