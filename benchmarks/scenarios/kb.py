"""Knowledge-base search beside the call: 100,000 articles in Chinese and English.

The workstation database holds 100,000 published articles (20,000 with ``--quick``), half in
Chinese and half in English, written from a call center's vocabulary (套餐, 流量, 携号转网,
宽带 ... and plan, data, porting, broadband ...) with a Zipf-like word distribution, so common
words and characters are in most articles and the long tail in a few. The articles go into
``kb_articles`` with raw ``sqlite3`` (cached under ``benchmarks/.cache``); every run copies
them and times ``kb_index.rebuild``, then times ``KnowledgeService.search`` (what the agent
waits for, snippets included) for classes of queries sampled from the articles themselves.
"""

from __future__ import annotations

import itertools
import random
import re
import shutil
import sqlite3
import statistics
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from agentdesk.domain.kb_text import KbQuery, parse_query
from agentdesk.domain.people import Role, User
from agentdesk.services.clock import FixedClock
from agentdesk.services.knowledge import KnowledgeService
from agentdesk.services.workspace import LOCAL_DB
from agentdesk.store import kb_index
from agentdesk.store.database import Database
from benchmarks.kb_corpus import SEED, ZH_COMMON, ArticleDatabase, ensure_database
from benchmarks.registry import RunContext, scenario
from benchmarks.results import MS, Goal, Result
from benchmarks.timing import Samples, time_each

SEARCH_GOAL = Goal(max_value=10.0)
RECALL_GOAL = Goal(min_value=100.0)
FLOOR_NAME = "raw FTS5 word query"
MB = "MB"
PERCENT = "%"
RECALL_PAIRS = 200
RECALL_LIMIT = kb_index.MAX_RESULTS  # fewer results than this: every matching article came
LIKE_RUNS = 3
NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)

# ------------------------------------------------------------------ the queries
CLASSES = ("zh1_common", "zh1_rare", "zh2", "zh3", "zh4", "en_word", "en_prefix3", "mixed")
"""Query classes: one Chinese character (among the 20 commonest, or one in few articles),
2-4 Chinese characters as they stand in an article, an English word of 4+ letters and its
first 3 letters (the agent still typing), and a product name or amount with a Chinese word of
the same article ("5G 套餐", "eSIM开通", "流量 30GB")."""

_CJK_RE = re.compile("[\u4e00-\u9fff]+")
_WORD_RE = re.compile("[A-Za-z]{4,}")
_LATIN_RE = re.compile("[0-9]*[A-Za-z][A-Za-z0-9]*")
_ZH_QUERY_WORDS = tuple(word for word in ZH_COMMON[12:] if len(word) > 1)


@dataclass(frozen=True, slots=True)
class Sample:
    """An article drawn for queries: its id (hex), language and body."""

    key: str
    language: str
    body: str


def _sample_articles(conn: sqlite3.Connection, count: int, size: int,
                     rng: random.Random) -> list[Sample]:
    rowids = rng.sample(range(1, count + 1), min(size, count))
    marks = ", ".join("?" * len(rowids))
    rows = conn.execute(f"SELECT id, language, body FROM kb_articles WHERE rowid IN ({marks})",
                        rowids).fetchall()
    found = {row[0]: Sample(*row) for row in rows}
    return sorted(found.values(), key=lambda s: s.key)


def _cjk_substring(rng: random.Random, body: str, length: int) -> str | None:
    runs = [run for run in _CJK_RE.findall(body) if len(run) >= length]
    if not runs:
        return None
    run = rng.choice(runs)
    start = rng.randrange(len(run) - length + 1)
    return run[start:start + length]


class QuerySampler:
    """Draws queries of every class from sampled articles."""

    def __init__(self, samples: Sequence[Sample], rng: random.Random) -> None:
        self._rng = rng
        self._zh = [s for s in samples if s.language == "zh"]
        self._en = [s for s in samples if s.language == "en"]
        in_articles = Counter(char for s in self._zh  # dict, not set: the same order every run
                              for char in dict.fromkeys("".join(_CJK_RE.findall(s.body))))
        ranked = [char for char, _ in in_articles.most_common()]
        self.common_chars = ranked[:20]
        self.rare_chars = ranked[-300:]  # in a few of the sampled articles each

    def draw(self, kind: str, count: int) -> list[str]:
        """``count`` queries of class ``kind`` (see :data:`CLASSES`)."""
        rng = self._rng
        if kind == "zh1_common":
            return rng.choices(self.common_chars, k=count)
        if kind == "zh1_rare":
            return rng.choices(self.rare_chars, k=count)
        make: Callable[[], str | None] = {
            "zh2": lambda: _cjk_substring(rng, rng.choice(self._zh).body, 2),
            "zh3": lambda: _cjk_substring(rng, rng.choice(self._zh).body, 3),
            "zh4": lambda: _cjk_substring(rng, rng.choice(self._zh).body, 4),
            "en_word": self._en_word,
            "en_prefix3": lambda: (self._en_word() or "")[:3] or None,
            "mixed": self._mixed,
        }[kind]
        queries: list[str] = []
        while len(queries) < count:
            query = make()
            if query:
                queries.append(query)
        return queries

    def _en_word(self) -> str | None:
        words = _WORD_RE.findall(self._rng.choice(self._en).body)
        return self._rng.choice(words) if words else None

    def _mixed(self) -> str | None:
        """A product name or amount and a word of the same article: ``5G 套餐``, ``eSIM开通``."""
        rng = self._rng
        body = rng.choice(self._zh).body
        names = _LATIN_RE.findall(body)
        words = [word for word in _ZH_QUERY_WORDS if word in body]
        if not names or not words:
            return None
        name, word = rng.choice(names), rng.choice(words)
        roll = rng.random()
        if roll < 0.6:
            return f"{name} {word}"
        return f"{name}{word}" if roll < 0.8 else f"{word} {name}"

    def recall_pair(self) -> tuple[str, str] | None:
        """An article and a piece of its body: 2-4 Chinese characters, or 1-2 English words."""
        rng = self._rng
        if rng.random() < 0.5:
            sample = rng.choice(self._zh)
            piece = _cjk_substring(rng, sample.body, rng.choice((2, 3, 4)))
        else:
            sample = rng.choice(self._en)
            words = re.findall("[A-Za-z0-9]+", sample.body)
            if len(words) < 2:
                return None
            start = rng.randrange(len(words) - 1)
            piece = " ".join(words[start:start + rng.choice((1, 2))])
        return (sample.key, piece) if piece else None


# ------------------------------------------------------------------ the measurements
@dataclass(frozen=True, slots=True)
class KbFigures:
    """What one run measured."""

    database: ArticleDatabase
    indexed: int
    index_build_ms: float
    index_bytes: int
    db_bytes: int
    by_class: dict[str, Samples]
    overall: Samples
    index_only: Samples
    floor: Samples
    like_ms: float
    like_matches: int
    recall: float
    recall_note: str


def _read_through(path: Path) -> None:
    """Read ``path`` once so that every figure starts with the file in the OS cache."""
    with path.open("rb") as file:
        while file.read(1 << 24):
            pass


def _recall(database: Database, sampler: QuerySampler) -> tuple[float, str]:
    """Percent of (article, piece of its body) pairs whose search finds the article."""
    found = checked = too_common = 0
    with database.read() as conn:
        for _ in range(RECALL_PAIRS * 20):
            pair = sampler.recall_pair()
            if pair is None:
                continue
            key, piece = pair
            matches = kb_index.search(conn, parse_query(piece), RECALL_LIMIT)
            if len(matches) >= RECALL_LIMIT:
                too_common += 1
                continue
            checked += 1
            found += any(m.article_id.hex == key for m in matches)
            if checked == RECALL_PAIRS:
                break
    note = f"{found}/{checked} pairs, {too_common} in >= {RECALL_LIMIT:,} articles skipped"
    return 100 * found / max(checked, 1), note


def measure(context: RunContext) -> KbFigures:
    """Build the index on a copy of the articles, then time the searches of every class."""
    count = context.pick(quick=20_000, full=100_000)
    per_class = context.pick(quick=100, full=200)
    built = ensure_database(context.cache_dir, count)
    work = context.work_dir / "kb"
    work.mkdir(parents=True, exist_ok=True)
    path = work / LOCAL_DB
    shutil.copy(built.path, path)
    _read_through(path)
    database = Database.open(path)
    context.on_close(database.close)
    started = time.perf_counter()
    with database.write() as conn:
        indexed = kb_index.rebuild(conn)
    index_build_ms = (time.perf_counter() - started) * 1000
    print(f"    index of {indexed:,} articles built in {index_build_ms / 1000:.1f} s",
          file=sys.stderr, flush=True)
    raw = sqlite3.connect(path, isolation_level=None)
    context.on_close(raw.close)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with database.read() as conn:
        index_bytes = kb_index.stats(conn).bytes
    db_bytes = path.stat().st_size
    _read_through(path)

    rng = random.Random(SEED)
    sampler = QuerySampler(_sample_articles(raw, count, 3_000, rng), rng)
    queries = {kind: sampler.draw(kind, per_class + 20) for kind in CLASSES}
    user = User(uuid.UUID(int=1), "bench", "坐席", Role.AGENT, None)
    service = KnowledgeService(database, FixedClock(NOW), user)

    def service_search(text: str) -> None:
        service.search(text)

    by_class = {kind: time_each(service_search, texts[20:], warmup=texts[:20])
                for kind, texts in queries.items()}
    overall = Samples.of(itertools.chain.from_iterable(s.seconds for s in by_class.values()))
    parsed = [parse_query(text) for texts in queries.values() for text in texts[20:]]

    def index_search(query: KbQuery) -> None:
        with database.read() as conn:
            kb_index.search(conn, query)

    index_only = time_each(index_search, parsed, warmup=parsed[:50])

    def raw_word(word: str) -> None:
        raw.execute("SELECT rowid FROM kb_body_ix WHERE kb_body_ix MATCH ? LIMIT 20",
                    (f'"{word.lower()}"',)).fetchall()

    words = queries["en_word"]
    floor = time_each(raw_word, words[20:] * (len(parsed) // len(words[20:])),
                      warmup=words[:20])
    like_runs = []
    like_matches = 0
    for _ in range(LIKE_RUNS):
        started = time.perf_counter()
        like_matches = len(raw.execute("SELECT id FROM kb_articles WHERE body LIKE ?",
                                       ("%套餐%",)).fetchall())
        like_runs.append((time.perf_counter() - started) * 1000)
    recall, recall_note = _recall(database, sampler)
    return KbFigures(built, indexed, index_build_ms, index_bytes, db_bytes, by_class, overall,
                     index_only, floor, statistics.median(like_runs), like_matches, recall,
                     recall_note)


def _figures(context: RunContext) -> KbFigures:
    return context.shared("kb_search.measure", lambda: measure(context))


def _note(figures: KbFigures) -> str:
    return f"{figures.indexed:,} articles"


# ------------------------------------------------------------------ the figures
def _timed(name: str, samples: Callable[[KbFigures], Samples], p: int,
           note: Callable[[KbFigures], str], goal: Goal | None = None) -> None:
    """Register ``name``: the ``p``-th percentile of ``samples`` beside the floor's."""

    def measure_figure(context: RunContext) -> Result:
        figures = _figures(context)
        return Result(name, samples(figures).percentile_ms(p), MS,
                      floor=figures.floor.percentile_ms(p), floor_name=FLOOR_NAME, goal=goal,
                      note=note(figures))

    scenario(name, MS)(measure_figure)


def _of_class(kind: str) -> Callable[[KbFigures], Samples]:
    return lambda figures: figures.by_class[kind]


for _p in (99, 50):
    _timed(f"kb_search.p{_p}", lambda f: f.overall, _p, _note,
           SEARCH_GOAL if _p == 99 else None)
for _kind in CLASSES:
    for _p in (99, 50):
        _timed(f"kb_search.{_kind}.p{_p}", _of_class(_kind), _p,
               lambda f: f"{len(f.overall) // len(CLASSES)} queries")
for _p in (99, 50):
    _timed(f"kb_search.index_only.p{_p}", lambda f: f.index_only, _p,
           lambda f: "kb_index.search alone")


def _info(name: str, unit: str, value: Callable[[KbFigures], float],
          note: Callable[[KbFigures], str], goal: Goal | None = None) -> None:
    """Register ``name``: a figure without a floor."""

    def measure_figure(context: RunContext) -> Result:
        figures = _figures(context)
        return Result(name, value(figures), unit, goal=goal, note=note(figures))

    scenario(name, unit)(measure_figure)


_info("kb_search.naive_like.p50", MS, lambda f: f.like_ms,
      lambda f: f"body LIKE '%套餐%', {f.like_matches:,} rows, {LIKE_RUNS} runs")
_info("kb_search.recall", PERCENT, lambda f: f.recall, lambda f: f.recall_note, RECALL_GOAL)
_info("kb_search.index_build", MS, lambda f: f.index_build_ms, _note)
_info("kb_search.index_size", MB, lambda f: f.index_bytes / 1e6, _note)
_info("kb_search.db_size", MB, lambda f: f.db_bytes / 1e6,
      lambda f: "articles and index, after a checkpoint")
_info("kb_search.db_build", MS, lambda f: f.database.build_ms,
      lambda f: f"{f.database.articles:,} articles" + (", cached" if f.database.cached else ""))
