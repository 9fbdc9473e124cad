"""The script editor's words: problems in the author's terms, version states, actions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject

from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.script_versions import ScriptVersion
from agentdesk.domain.scripts import MAX_VALUE_CHARS, ActionKind, ScriptAction, ScriptProblem
from agentdesk.services.scripts import ScriptCampaign
from agentdesk.ui.knowledge.article_view import ui_language
from agentdesk.ui.labels import Labels, bilingual
from agentdesk.ui.models.script_steps import ScriptIssue
from agentdesk.ui.scripts.words import clean

NAME_WIDTH = 40
# steps.<id>[.<field>[[<answer>][.<part>]]], as script_from_data names its problems
_STEP_PATH = re.compile(
    r"steps\.(?P<step>.*?)(?:\.(?P<field>title_en|title|text_en|text|answers)"
    r"(?:\[(?P<answer>\d+)\](?:\.(?P<part>label_en|label|next|action))?)?)?")


def fill(text: str, *values: str) -> str:
    """Return ``text`` with ``%1``, ``%2``... replaced by ``values`` in one pass."""
    return re.sub(r"%(\d)", lambda m: values[int(m[1]) - 1] if 0 < int(m[1]) <= len(values)
                  else m[0], text)


def short(text: str, width: int = NAME_WIDTH) -> str:
    """Return ``text`` cleaned, on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(clean(text).split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


def step_name(data: Mapping[str, Any], step_id: str) -> str:
    """Return how the author knows a step: its title in the UI's language, else its id."""
    step = (data.get("steps") or {}).get(step_id)
    if not isinstance(step, Mapping):
        return short(step_id)
    chinese, english = str(step.get("title") or ""), str(step.get("title_en") or "")
    title = english if ui_language() == "en" and english.strip() else chinese
    return short(title) if title.strip() else short(step_id)


def campaign_name(campaign: ScriptCampaign | None) -> str:
    """Return a campaign as the lists show it: ``OB 5G 套餐升级``."""
    if campaign is None:
        return ""
    return f"{campaign.code} {bilingual(campaign.name, campaign.name_en)}"


class EditorWords(QObject):
    """Words of the script editor, looked up at display time (language switch)."""

    def direction(self, direction: CampaignDirection, *, short: bool = False) -> str:
        """Return the name of a script's direction (``short``: "Out", "In")."""
        if direction is CampaignDirection.OUTBOUND:
            return self.tr("Out") if short else self.tr("Outbound")
        return self.tr("In") if short else self.tr("Inbound")

    @staticmethod
    def campaign(campaign: ScriptCampaign | None) -> str:
        """Return a campaign as the lists show it: ``OB 5G 套餐升级``."""
        return campaign_name(campaign)

    @staticmethod
    def short(text: str) -> str:
        """Return ``text`` on one line, cut for a list."""
        return short(text)

    def number(self, number: int) -> str:
        """Return a version number as the lists show it: ``v3``."""
        return fill(self.tr("v%1"), str(number))

    def state(self, version: ScriptVersion, *, short: bool = False) -> str:
        """Return "Draft" or "Published 2026-11-23 14:30" (``short``: the date only)."""
        if version.published_at is None:
            return self.tr("Draft")
        when = Labels.when(version.published_at)
        return fill(self.tr("Published %1"), when[:10] if short else when)

    def kind(self, kind: ActionKind | None) -> str:
        """Return the name of what an answer can do (None: nothing)."""
        return {
            None: self.tr("No action"),
            ActionKind.ORDER: self.tr("Order form"),
            ActionKind.CALLBACK: self.tr("Book a callback"),
            ActionKind.DISPOSITION: self.tr("Disposition"),
            ActionKind.ARTICLE: self.tr("Article"),
        }[kind]

    def disposition(self, code: str, campaign: ScriptCampaign | None) -> str:
        """Return a disposition code with its label: ``SALE — Sale``."""
        for known, label, label_en, _category in campaign.dispositions if campaign else ():
            if known == code:
                return f"{code} — {bilingual(label, label_en)}"
        return fill(self.tr("%1 (not a code of this campaign)"), code)

    def action(self, action: ScriptAction | None, campaign: ScriptCampaign | None) -> str:
        """Return what an answer does: "Disposition: Sale", "Article: porting"."""
        if action is None:
            return ""
        if action.kind is ActionKind.DISPOSITION:
            label = next((bilingual(label, label_en) for code, label, label_en, _ in (
                campaign.dispositions if campaign else ()) if code == action.value),
                fill(self.tr("%1 (not a code of this campaign)"), action.value))
            return fill(self.tr("Disposition: %1"), label)
        if action.kind is ActionKind.ARTICLE:
            return fill(self.tr("Article: %1"), action.value)
        return self.kind(action.kind)

    # ------------------------------------------------------------------ problems
    def issue(self, problem: ScriptProblem, data: Mapping[str, Any]) -> ScriptIssue:
        """Return a problem :func:`check_script` found, in the author's words."""
        step, code, detail = problem.step, problem.code, short(problem.detail)
        name = step_name(data, step)
        if code == "missing_start":
            text = (fill(self.tr("The start step “%1” does not exist."), detail)
                    if detail else self.tr("Choose the step the script starts with."))
            return ScriptIssue("", "start", text)
        if code == "missing_objection":
            return ScriptIssue("", "objections", fill(self.tr(
                "The objection step “%1” does not exist."), detail))
        texts = {
            "unreachable": self.tr("Step “%1” can never be reached from the start."),
            "no_answers": self.tr("Step “%1” has no answers: add at least one."),
            "no_way_out": self.tr("No disposition can be reached from step “%1” (a dead end "
                                  "or a loop without an exit)."),
            "dead_end": self.tr("Step “%1”: answer “%2” neither leads to a step nor "
                                "triggers an action."),
            "unknown_variable": self.tr("Unknown variable {%2} in step “%1”."),
            "unknown_disposition": self.tr("Step “%1”: disposition code %2 does not belong "
                                           "to this campaign."),
            "unknown_article": self.tr("Step “%1”: no published article has the key %2."),
        }
        if code == "unknown_step":
            text = fill(self.tr("Step “%1”: answer “%2” leads to a step that does not exist "
                                "(%3)."), name, self._answer(data, step, "next", problem.detail),
                        detail)
        elif code == "dead_end":
            text = fill(texts[code], name, self._answer(data, step, "label", problem.detail))
        else:
            text = fill(texts.get(code, self.tr("Step “%1”: %2")), name, detail)
        field = {"unknown_variable": "text", "dead_end": "answers", "unknown_step": "answers",
                 "unknown_disposition": "answers", "unknown_article": "answers",
                 "no_answers": "answers"}.get(code, "")
        return ScriptIssue(step, field, text)

    def path_issue(self, path: str, code: str, data: Mapping[str, Any]) -> ScriptIssue:
        """Return a problem of the data itself (``steps.x.text``: ``required``), translated."""
        match = _STEP_PATH.fullmatch(path)
        if match is None:
            return self._script_issue(path, code)
        step, field = match["step"], match["field"] or ""
        name = step_name(data, step)
        if match["answer"] is not None:
            number = int(match["answer"]) + 1
            part = match["part"] or ""
            if part == "label" and code == "required":
                text = self.tr("Step “%1”: answer %2 needs a label.")
            elif code == "too_long":
                text = self.tr("Step “%1”: the label of answer %2 is too long (at most 100 "
                               "characters).")
            elif part == "action" and self._empty_article(data, step, number - 1):
                text = self.tr("Step “%1”: answer %2 needs the key of an article.")
            else:
                text = self.tr("Step “%1”: answer %2 is not valid.")
            return ScriptIssue(step, "answers", fill(text, name, str(number)))
        if code == "required" and field in ("title", "text"):
            text = (self.tr("Step “%1” needs a title.") if field == "title"
                    else self.tr("Step “%1” needs its text: what the agent says."))
        elif code == "invalid_id":
            text = self.tr("Step “%1”: an id is 1-64 letters, digits, _ and - "
                           "(e.g. offer_upgrade).")
        elif code == "too_long":
            text = self.tr("Step “%1”: the %2 is too long (titles at most 100 characters, "
                           "texts 4,000).")
        elif code == "not_boolean":
            text = self.tr("Step “%1”: “required” must be yes or no.")
        elif code == "too_many":
            text = self.tr("Step “%1” has too many answers: at most 9, one per number key.")
        else:
            text = self.tr("Step “%1”: the %2 is not valid.")
        return ScriptIssue(step, field, fill(text, name, self._field_name(field)))

    def _field_name(self, field: str) -> str:
        """The name of a step's field as the form labels it."""
        return {
            "title": self.tr("title"), "title_en": self.tr("English title"),
            "text": self.tr("text"), "text_en": self.tr("English text"),
            "required": self.tr("required mark"), "answers": self.tr("answers"),
        }.get(field, self.tr("step"))

    def _script_issue(self, path: str, code: str) -> ScriptIssue:
        if path.startswith("values.") and code == "invalid_name":
            return ScriptIssue("", "values", fill(self.tr(
                "Script value “%1”: a name is lowercase letters, digits and _, in parts "
                "separated by dots (e.g. operator.name)."), short(path[7:])))
        if path.startswith("values."):
            return ScriptIssue("", "values", fill(self.tr(
                "Script value “%1” is too long: at most %2 characters."), short(path[7:]),
                str(MAX_VALUE_CHARS)))
        if path == "objections" and code == "too_many":
            return ScriptIssue("", "", self.tr("Too many objection steps (at most 50)."))
        if path == "steps" and code == "too_many":
            return ScriptIssue("", "", self.tr("The script has too many steps (at most 500)."))
        if path == "steps":
            return ScriptIssue("", "", self.tr("The script has no steps: add one."))
        if path == "start":
            return ScriptIssue("", "start", self.tr("Choose the step the script starts with."))
        return ScriptIssue("", "", fill(self.tr("The script is not valid (%1: %2)."),
                                        short(path), code))

    @staticmethod
    def _answer(data: Mapping[str, Any], step: str, key: str, value: str) -> str:
        """Return the label (UI language) of the first answer whose ``key`` is ``value``."""
        answers = ((data.get("steps") or {}).get(step) or {}).get("answers") or []
        for answer in answers:
            if isinstance(answer, Mapping) and answer.get(key) == value:
                chinese, english = str(answer.get("label") or ""), str(answer.get("label_en") or "")
                return short(english if ui_language() == "en" and english.strip() else chinese)
        return ""

    @staticmethod
    def _empty_article(data: Mapping[str, Any], step: str, index: int) -> bool:
        answers = ((data.get("steps") or {}).get(step) or {}).get("answers") or []
        action = answers[index].get("action") if 0 <= index < len(answers) else None
        return isinstance(action, str) and action.strip() == "article:"
