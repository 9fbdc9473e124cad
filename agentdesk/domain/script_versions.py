"""Stored script versions, the problems that block publishing, and the funnel of a version."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.errors import KnownError
from agentdesk.domain.script_walk import PathEntry
from agentdesk.domain.scripts import Script, ScriptProblem, selling_steps


@dataclass(frozen=True, slots=True)
class ScriptVersion:
    """One version of a campaign's script for one direction.

    Attributes:
        id: The row id (a call stores it: the version it followed).
        campaign_id: The campaign.
        direction: Outbound or inbound calls.
        name: The script's name.
        number: The version number (1, 2, ...), per campaign and direction.
        published_at: When it was published; None for a draft.
        change_note: What the version changed, written by its author.
        row_version: The row's version, for saving over it (drafts only).
    """

    id: uuid.UUID
    campaign_id: uuid.UUID
    direction: CampaignDirection
    name: str
    number: int
    published_at: datetime | None
    change_note: str
    row_version: int

    @property
    def draft(self) -> bool:
        """True until the version is published (then it never changes again)."""
        return self.published_at is None


@dataclass(frozen=True, slots=True)
class StoredScript:
    """A script version with its body."""

    version: ScriptVersion
    script: Script


class ScriptNotPublishable(KnownError):
    """A draft fails the checks before publishing; ``problems`` says where."""

    code = "script_problems"

    def __init__(self, problems: Sequence[ScriptProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s)", count=len(problems))
        self.problems = tuple(problems)


class RequiredStepsMissing(KnownError):
    """A sale was recorded before the script's required steps were passed."""

    code = "required_steps"

    def __init__(self, steps: Sequence[str]) -> None:
        super().__init__("required steps not passed: " + ", ".join(steps))
        self.steps = tuple(steps)


# -------------------------------------------------------------------------- the funnel

@dataclass(frozen=True, slots=True)
class FunnelStep:
    """How many calls of a version reached a step, and how many of those were sales."""

    step: str
    reached: int
    sales: int

    @property
    def conversion(self) -> float:
        """Sales per call that reached the step (0 when none did)."""
        return self.sales / self.reached if self.reached else 0.0


@dataclass(frozen=True, slots=True)
class AnswerLoss:
    """An answer, the calls that chose it, and the sales it closed off.

    Attributes:
        step: The step the answer is on.
        answer: Its index.
        chosen: Calls that chose it.
        sales: Of those, how many ended in a sale.
        lost: Calls without a sale for which this answer was the one after which no sale
            could be reached any more (the answer that lost them).
    """

    step: str
    answer: int
    chosen: int
    sales: int
    lost: int


@dataclass(frozen=True, slots=True)
class Funnel:
    """The funnel of one script version.

    Attributes:
        calls: Calls that followed the version.
        sales: Of those, how many ended in a sale.
        steps: Every step of the script in its order, then steps only old paths name.
        answers: Answers chosen at least once, the one losing most calls first.
    """

    calls: int
    sales: int
    steps: tuple[FunnelStep, ...]
    answers: tuple[AnswerLoss, ...]


def closing_answers(script: Script, sale_codes: Collection[str]) -> set[tuple[str, int]]:
    """Answers after which no sale can be reached (except the ones that set a sale)."""
    selling = selling_steps(script, sale_codes)
    closing = set()
    for step in script.steps.values():
        if step.id not in selling:
            continue
        for index, answer in enumerate(step.answers):
            sells = answer.action is not None and answer.ends_call \
                and answer.action.value in sale_codes
            stays = answer.next is None and not answer.ends_call  # an article, going back
            if not sells and not stays and (answer.next is None or answer.next not in selling):
                closing.add((step.id, index))
    return closing


def funnel_of(script: Script, sale_codes: Collection[str],
              calls: Iterable[tuple[Sequence[PathEntry], bool]]) -> Funnel:
    """Count, per step and per answer, the calls that got there and the sales among them.

    Args:
        script: The version's script (for the order of the steps and its graph).
        sale_codes: The campaign's disposition codes that are sales.
        calls: Each call's stored path and whether it ended in a sale.
    """
    closing = closing_answers(script, sale_codes)
    reached: Counter[str] = Counter()
    reached_sales: Counter[str] = Counter()
    chosen: Counter[tuple[str, int]] = Counter()
    chosen_sales: Counter[tuple[str, int]] = Counter()
    lost: Counter[tuple[str, int]] = Counter()
    total = sales = 0
    for path, sale in calls:
        total += 1
        sales += sale
        steps = {e.step for e in path} | {e.objection for e in path if e.objection}
        answers = [(e.step, e.answer) for e in path if e.answer >= 0]
        reached.update(steps)
        chosen.update(set(answers))
        if sale:
            reached_sales.update(steps)
            chosen_sales.update(set(answers))
        else:
            loser = next((a for a in answers if a in closing), None)
            if loser is not None:
                lost[loser] += 1
    order = list(script.steps) + sorted(set(reached) - set(script.steps))
    return Funnel(
        calls=total, sales=sales,
        steps=tuple(FunnelStep(s, reached[s], reached_sales[s]) for s in order),
        answers=tuple(sorted(
            (AnswerLoss(step, index, count, chosen_sales[step, index], lost[step, index])
             for (step, index), count in chosen.items()),
            key=lambda a: (-a.lost, -a.chosen, a.step, a.answer))),
    )
