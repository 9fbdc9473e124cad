"""Text analysis of the knowledge base: folding, CJK bigram tokens, queries and snippets.

Chinese has no spaces between words, so a word index finds nothing in it, and an index of
three-character grams finds nothing shorter than three characters. Like Lucene's CJK
analyzer, AgentDesk indexes each run of CJK characters as its overlapping two-character
grams, plus the run's last character on its own::

    携号转网服务  ->  携号 号转 转网 网服 服务 务

Every character of a run then starts a token (a gram, or the lone last character), so:

- a one-character query is the prefix query ``套*``;
- a query of n >= 2 characters is the phrase of its n-1 grams (``携号转`` -> ``携号 号转``),
  which matches exactly where the characters stand side by side;
- other text (Latin letters, digits) becomes folded words; a word the agent is still
  typing is a prefix query.

A query is tokenized the way the text was, except at its end: the text may continue the
last run of CJK characters or the last word, so the query leaves out that run's lone last
character and turns its last token into a prefix. The store turns :class:`QueryPart`
tokens into full-text expressions; nothing here knows about SQL.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Bumped whenever the tokens of a text change: the local index is rebuilt on start-up.
ANALYZER_VERSION = 2

#: Queries longer than this are cut (a pasted paragraph is not a search).
MAX_QUERY_CHARS = 200
#: A query uses at most this many parts; the rest are ignored.
MAX_QUERY_PARTS = 8

_CJK_RANGES = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3100-\u312f"  # Bopomofo
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\U00020000-\U0003134f"  # Extensions B-G
)
# A CJK letter: punctuation in those blocks (・, ゛) and unassigned code points are not.
_CJK = f"(?:(?=[^\\W_])[{_CJK_RANGES}])"
# A CJK run, or a run of letters and digits that are not CJK.
_TOKEN_RE = re.compile(rf"({_CJK}+)|((?:(?!{_CJK})[^\W_])+)")
_WORD_LIMIT = 64  # longer "words" (hashes, base64) are cut to keep the index small


# Diacritics of Latin, Greek and Cyrillic letters (not the kana voicing marks, which NFKC
# puts back together), and characters that are invisible in text: zero-width spaces and
# joiners, the soft hyphen, the byte-order mark and variation selectors.
_DROPPED_RE = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def _fold_text(text: str) -> str:
    stripped = _DROPPED_RE.sub("", unicodedata.normalize("NFKD", text))
    return unicodedata.normalize("NFKC", stripped).casefold()


class _FoldTable(dict[int, str]):
    """``str.translate`` table folding one character at a time, filled as characters come."""

    def __missing__(self, code: int) -> str:
        folded = _fold_text(chr(code))
        self[code] = folded
        return folded


class _UnevenTable(dict[int, str]):
    """``str.translate`` table keeping only characters that do not fold to exactly one."""

    def __missing__(self, code: int) -> str:
        kept = "" if len(_FOLDS[code]) == 1 else chr(code)
        self[code] = kept
        return kept


_FOLDS = _FoldTable()
_UNEVEN = _UnevenTable()


@dataclass(frozen=True, slots=True)
class Folded:
    """Text folded for matching, with the way back to the original characters.

    Attributes:
        text: Compatibility-normalized, case-folded text without diacritics (full-width
            ``ＡＢＣ`` is ``abc``, ``Café`` is ``cafe``).
        origin: For each character of ``text``, the index of the original character it
            came from; None when every character folded to exactly one character.
    """

    text: str
    origin: tuple[int, ...] | None

    def original_span(self, start: int, end: int, original_length: int) -> tuple[int, int]:
        """Map ``text[start:end]`` back to indexes of the original text."""
        if self.origin is None:
            return start, end
        first = self.origin[start] if start < len(self.origin) else original_length
        last = self.origin[end - 1] + 1 if 0 < end <= len(self.origin) else first
        return first, max(first, last)


def fold(text: str) -> Folded:
    """Fold ``text`` for matching (see :class:`Folded`)."""
    if text.isascii():
        return Folded(text.lower(), None)
    folded = text.translate(_FOLDS)
    if not text.translate(_UNEVEN):  # every character folded to exactly one
        return Folded(folded, None)
    origin: list[int] = []
    for index, char in enumerate(text):
        origin.extend([index] * len(_FOLDS[ord(char)]))
    return Folded(folded, tuple(origin))


def _runs(folded: str) -> list[tuple[str, bool]]:
    """Split folded text into (run, is_cjk) pairs, separators dropped."""
    return [(m.group(1), True) if m.group(1) else (m.group(2)[:_WORD_LIMIT], False)
            for m in _TOKEN_RE.finditer(folded)]


def _cjk_tokens(run: str) -> list[str]:
    grams = [run[i:i + 2] for i in range(len(run) - 1)]
    grams.append(run[-1])
    return grams


def index_tokens(text: str) -> str:
    """Return the tokens of ``text`` for the full-text index, separated by spaces."""
    tokens: list[str] = []
    for run, cjk in _runs(text.lower() if text.isascii() else _fold_text(text)):
        if cjk:
            tokens.extend(_cjk_tokens(run))
        else:
            tokens.append(run)
    return " ".join(tokens)


@dataclass(frozen=True, slots=True)
class QueryPart:
    """One whitespace-separated part of a query: tokens that must stand side by side.

    Attributes:
        tokens: Index tokens in order.
        prefix: True when the last token may be the start of a longer token.
        needle: The folded text of the part, for highlighting.
    """

    tokens: tuple[str, ...]
    prefix: bool
    needle: str


@dataclass(frozen=True, slots=True)
class KbQuery:
    """A search as the agent typed it, analysed.

    Attributes:
        parts: The parts, each of which must match (AND).
        phrase: The whole query as one part, when it has several parts: articles holding
            the exact phrase rank first.
    """

    parts: tuple[QueryPart, ...]
    phrase: QueryPart | None

    @property
    def empty(self) -> bool:
        """True when nothing searchable was typed (blank, punctuation only)."""
        return not self.parts

    @property
    def needles(self) -> tuple[str, ...]:
        """The folded strings to highlight, longest first."""
        found = {part.needle for part in self.parts if part.needle}
        if self.phrase is not None:
            found.add(self.phrase.needle)
        return tuple(sorted(found, key=lambda n: (-len(n), n)))


def _query_part(text: str) -> QueryPart | None:
    runs = _runs(text)
    if not runs:
        return None
    tokens: list[str] = []
    for position, (run, cjk) in enumerate(runs):
        last = position == len(runs) - 1
        if not cjk:
            tokens.append(run)
        elif not last:
            tokens.extend(_cjk_tokens(run))
        elif len(run) == 1:
            tokens.append(run)  # as a prefix: the gram it starts, or itself at a run's end
        else:
            tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
    last_run, last_cjk = runs[-1]
    # A lone CJK character or a word may continue in the text; a gram is complete.
    prefix = not last_cjk or len(last_run) == 1
    # The folded text from the first run to the end of the last one, for highlighting.
    start = text.find(runs[0][0])
    end = text.rfind(runs[-1][0]) + len(runs[-1][0])
    return QueryPart(tuple(tokens), prefix, text[start:end])


def parse_query(text: str) -> KbQuery:
    """Analyse what the agent typed; never raises, whatever the input."""
    folded = _fold_text(text[:MAX_QUERY_CHARS])
    parts: list[QueryPart] = []
    for chunk in folded.split():
        part = _query_part(chunk)
        if part is not None and part not in parts:
            parts.append(part)
        if len(parts) == MAX_QUERY_PARTS:
            break
    phrase = None
    if len(parts) > 1:
        whole = " ".join(folded.split())
        phrase = _query_part(whole)
    return KbQuery(tuple(parts), phrase)


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of text with the places that matched.

    Attributes:
        text: The text shown (original characters; "…" marks cut ends).
        spans: ``(start, end)`` character ranges of ``text`` to highlight, in order and
            not overlapping.
    """

    text: str
    spans: tuple[tuple[int, int], ...]


def _match_spans(folded: str, needles: tuple[str, ...]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for needle in needles:
        if not needle:
            continue
        start = folded.find(needle)
        while start >= 0:
            end = start + len(needle)
            if all(end <= s or start >= e for s, e in spans):
                spans.append((start, end))
            start = folded.find(needle, end)
    return sorted(spans)


def _highlight_needles(needles: tuple[str, ...]) -> tuple[str, ...]:
    """The needles, plus their words and runs (``5g套餐`` also matches ``5G 套餐``)."""
    found = set(needles)
    for needle in needles:
        found.update(run for run, _ in _runs(needle))
    return tuple(sorted(found, key=lambda n: (-len(n), n)))


def _original_spans(folded: Folded, needles: tuple[str, ...], length: int
                    ) -> list[tuple[int, int]]:
    """Matches in original characters, merged where folding made them overlap (ß -> ss)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(folded.original_span(s, e, length)
                             for s, e in _match_spans(folded.text, _highlight_needles(needles))):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif start < end:
            merged.append((start, end))
    return merged


def highlight(text: str, needles: tuple[str, ...]) -> Snippet:
    """Return all of ``text`` with every occurrence of ``needles`` marked."""
    return Snippet(text, tuple(_original_spans(fold(text), needles, len(text))))


def snippet(text: str, needles: tuple[str, ...], width: int = 80) -> Snippet:
    """Return about ``width`` characters of ``text`` around its first match, marked.

    Line breaks and runs of spaces become single spaces. Without a match the snippet is
    the start of the text.
    """
    flat = " ".join(text.split())
    spans = _original_spans(fold(flat), needles, len(flat))
    if len(flat) <= width:
        return Snippet(flat, tuple(spans))
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 4, len(flat) - width))
    end = min(len(flat), start + width)
    body = flat[start:end]
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(flat) else ""
    shift = len(lead) - start
    kept = tuple((max(s, start) + shift, min(e, end) + shift)
                 for s, e in spans if s < end and e > start)
    return Snippet(lead + body + tail, kept)
