"""The script panel's words and looks: action names, colours, and step text as safe HTML."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QObject

from agentdesk.domain.script_walk import ScriptWalk
from agentdesk.domain.scripts import ActionKind, Answer, Piece, Rendered, ScriptAction, Step

GREY = "#5f6368"
HINT_COLOURS = {
    ActionKind.DISPOSITION: "#2e7d32",
    ActionKind.ORDER: "#1565c0",
    ActionKind.CALLBACK: "#1565c0",
    ActionKind.ARTICLE: "#00796b",
}
ANSWER_STYLE = """
QPushButton {{ text-align: left; padding: 7px 10px 7px 12px; font-size: 12pt;
  border: 1px solid #c9ced6; border-left: 4px solid {edge}; border-radius: 5px;
  background: #ffffff; color: #202124; }}
QPushButton:hover {{ background: #f1f5fb; border-color: #1565c0; border-left-color: {edge}; }}
QPushButton:pressed {{ background: #dfe8f5; }}
QPushButton:focus {{ border-color: #1565c0; }}
QPushButton:disabled {{ color: #9aa0a6; background: #f6f7f8; }}
"""
OBJECTION_STYLE = """
QPushButton { padding: 3px 10px; border: 1px solid #f0a04b; border-radius: 11px;
  background: #fff8ef; color: #a3510c; }
QPushButton:hover { background: #ffecd2; }
QPushButton:checked { background: #f0a04b; color: #ffffff; }
QPushButton:disabled { color: #b9a38d; border-color: #e6d2bd; }
"""
BADGE_STYLE = ("background: #ef6c00; color: #ffffff; font-weight: bold; border-radius: 4px;"
               " padding: 2px 8px;")
VALUE_STYLE = "color:#0d47a1; font-weight:600; background-color:#e8f0fe;"
MISSING_STYLE = "color:#c62828; font-weight:700; background-color:#fdecea;"
# Control characters and bidi overrides/isolates would garble the line the agent reads aloud.
_UNSAFE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
CRUMB_LIMIT = 6


def clean(text: str) -> str:
    """Return ``text`` without control characters and bidi overrides (newlines stay)."""
    return _UNSAFE_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def mnemonic_free(text: str) -> str:
    """Return ``text`` cleaned for a button or menu entry: "&" shown, never a mnemonic."""
    return clean(text).replace("&", "&&")


def escaped(text: str) -> str:
    """Return ``text`` cleaned and HTML-escaped, line breaks kept."""
    return html.escape(clean(text)).replace("\n", "<br>")


def step_html(rendered: Rendered) -> str:
    """Return a step's rendered text as HTML: values highlighted, missing ones marked.

    Every piece is escaped, so whatever a value holds (markup, braces) is shown as text.
    """
    parts = []
    for kind, text in rendered.pieces:
        if kind is Piece.VALUE:
            parts.append(f'<span style="{VALUE_STYLE}">{escaped(text)}</span>')
        elif kind is Piece.MISSING:
            parts.append(f'<span style="{MISSING_STYLE}">[{escaped(text)}?]</span>')
        else:
            parts.append(escaped(text))
    return "".join(parts)


def step_title(step: Step, language: str) -> str:
    """Return a step's title in ``language`` (``zh`` or ``en``; Chinese when no English)."""
    return step.title_en if language == "en" and step.title_en.strip() else step.title


def short_title(title: str) -> str:
    """A title without a short lead such as "Objection: " or "异议：", for tight places."""
    for mark in ("：", ": "):
        lead, found, rest = title.partition(mark)
        if found and rest.strip() and len(lead) <= 12:
            return rest.strip()
    return title


def step_text(step: Step, language: str) -> str:
    """Return a step's text in ``language`` (``zh`` or ``en``; Chinese when no English)."""
    return step.text_en if language == "en" and step.text_en.strip() else step.text


def answer_label(answer: Answer, language: str) -> str:
    """Return an answer's label in ``language`` (``zh`` or ``en``; Chinese when no English)."""
    return answer.label_en if language == "en" and answer.label_en.strip() else answer.label


def return_step(walk: ScriptWalk) -> str | None:
    """Return the step an answer without a next step goes back to, while in an objection."""
    returns: list[str] = []
    steps = walk.script.steps
    for entry in walk.path:
        if entry.objection:
            returns.append(entry.step)
            continue
        answers = steps[entry.step].answers if entry.step in steps else ()
        if not 0 <= entry.answer < len(answers):
            continue
        answer = answers[entry.answer]
        if (answer.next is None or answer.next not in steps) and returns and not answer.ends_call:
            returns.pop()
    return returns[-1] if returns else None


def breadcrumb_html(walk: ScriptWalk, language: str, limit: int = CRUMB_LIMIT) -> str:
    """Return the path as HTML: visited titles joined by " › ", the current one bold.

    Passed required steps get a check mark, objection steps are in italics, and only the
    last ``limit`` entries are shown after an ellipsis.
    """
    script = walk.script
    visited = walk.visited
    passed = walk.passed
    crumbs = []
    for position, step_id in enumerate(visited):
        step = script.steps.get(step_id)
        title = step_title(step, language) if step is not None else step_id
        text = escaped(title).replace(" ", "&nbsp;")  # wrap between the steps, not inside
        if step is not None and step.required and step_id in passed:
            text = f'<span style="color:#2e7d32;">✓</span>\u00a0{text}'
        if step_id in script.objections:
            text = f"<i>{text}</i>"
        if position == len(visited) - 1:
            text = f'<b style="color:#202124;">{text}</b>'
        crumbs.append(text)
    if len(crumbs) > limit:
        crumbs = ["…", *crumbs[-(limit - 1):]]
    return ' <span style="color:#9aa0a6;">›</span> '.join(crumbs)


class ScriptWords(QObject):
    """Words for what an answer does, looked up at display time (language switch)."""

    def action(self, action: ScriptAction) -> str:
        """Return what an answer's action does, e.g. "Disposition: SALE"."""
        if action.kind is ActionKind.ORDER:
            return self.tr("Order form")
        if action.kind is ActionKind.CALLBACK:
            return self.tr("Book a callback")
        if action.kind is ActionKind.DISPOSITION:
            return self.tr("Disposition: %1").replace("%1", action.value)
        return self.tr("Article: %1").replace("%1", action.value)
