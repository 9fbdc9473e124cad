"""The workstation's full-text index of published articles (SQLite FTS5 over CJK bigrams).

The index is derived data: two FTS5 tables hold the tokens of
:func:`agentdesk.domain.kb_text.index_tokens` (so FTS5 itself only splits on the spaces
between them), and it is rebuilt from ``kb_articles`` whenever it is missing or was built by
another analyzer version or in another layout. Every local write of articles (pulled pages,
a workstation without a server) refreshes the rows it touched in the same transaction.

- ``kb_title_ix`` (title, tags and category) and ``kb_body_ix`` (answer and body) are
  separate, so title matches rank above body matches without scoring both.
- A row's rowid starts with the length of what it indexes (``length << 32 | seq``): FTS5
  returns matches in rowid order, so ``ORDER BY rowid LIMIT n`` yields the shortest titles
  (where the query covers most of the title) first, without scoring every match.
- Bodies are ranked by bm25 when at most :data:`BM25_LIMIT` of them match; a query that
  matches more (one common character) lists the shortest matching bodies first.
- Both tables keep a one-character prefix index: a one-character query is the prefix query
  ``套*``, which FTS5 would otherwise answer by merging the whole doclist of every gram
  starting with that character (hundreds of milliseconds for 的 in 100,000 articles).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agentdesk.domain.kb_text import ANALYZER_VERSION, KbQuery, QueryPart, index_tokens
from agentdesk.domain.knowledge import ArticleStatus
from agentdesk.store.schema.base import split_tags
from agentdesk.store.schema.knowledge import kb_articles
from agentdesk.store.sync_state import read_value, write_value

TITLE_IX = "kb_title_ix"
BODY_IX = "kb_body_ix"
DOCS = "kb_ix_docs"
ANALYZER_KEY = "kb_index_analyzer"
LAYOUT_KEY = "kb_index_layout"
LAYOUT_VERSION = 2
"""Bumped whenever the tables of the index change: the local index is rebuilt on start-up."""
BM25_LIMIT = 200
MAX_RESULTS = 1000
_LENGTH_SHIFT = 32
_MAX_LENGTH = (1 << 30) - 1

_CREATE = (
    # FTS5 sees only our tokens; unicode61 without diacritic folding keeps them as they are.
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLE_IX} USING fts5("
    "title, tags, tokenize = 'unicode61 remove_diacritics 0', prefix = '1')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {BODY_IX} USING fts5("
    "body, tokenize = 'unicode61 remove_diacritics 0', prefix = '1')",
    f"CREATE TABLE IF NOT EXISTS {DOCS} ("
    "article_id CHAR(32) PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, "
    "title_rowid INTEGER NOT NULL UNIQUE, body_rowid INTEGER NOT NULL UNIQUE)",
)


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What the index holds.

    Attributes:
        articles: Articles indexed (published, not deleted).
        bytes: Pages used by the index tables, in bytes (0 when SQLite cannot tell).
    """

    articles: int
    bytes: int


def ensure_index(conn: Connection) -> bool:
    """Create the index if missing and rebuild it if another analyzer or layout made it.

    Returns:
        True if the index was (re)built.
    """
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = ?", (DOCS,)).first() is not None
    if (exists and read_value(conn, ANALYZER_KEY) == str(ANALYZER_VERSION)
            and read_value(conn, LAYOUT_KEY) == str(LAYOUT_VERSION)):
        return False
    rebuild(conn)
    return True


def rebuild(conn: Connection) -> int:
    """Drop and rebuild the whole index; return how many articles it holds."""
    for name in (TITLE_IX, BODY_IX, DOCS):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
    for statement in _CREATE:
        conn.exec_driver_sql(statement)
    # Shortest bodies first: their rowids (length << 32 | seq) then only grow, and FTS5
    # writes long sorted runs instead of flushing its buffer at every smaller rowid.
    body_length = sa.case(
        (kb_articles.c.answer == "", sa.func.length(kb_articles.c.body)),
        else_=sa.func.length(kb_articles.c.answer) + 1 + sa.func.length(kb_articles.c.body))
    ids = conn.execute(sa.select(kb_articles.c.id).where(*_searchable())
                       .order_by(body_length, kb_articles.c.id)).scalars().all()
    _index(conn, ids)
    for table in (TITLE_IX, BODY_IX):  # one segment per table: fewer lookups per query
        conn.exec_driver_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    write_value(conn, ANALYZER_KEY, str(ANALYZER_VERSION))
    write_value(conn, LAYOUT_KEY, str(LAYOUT_VERSION))
    return len(ids)


def refresh(conn: Connection, article_ids: Iterable[uuid.UUID]) -> None:
    """Bring the index up to date for these articles (changed, added or removed)."""
    wanted = list(dict.fromkeys(article_ids))
    if not wanted or conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = ?", (DOCS,)).first() is None:
        return  # no index yet: ensure_index builds it from the stored rows
    _drop(conn, wanted)
    searchable: list[uuid.UUID] = []
    for start in range(0, len(wanted), 500):  # within SQLite's limit of bound variables
        searchable += conn.execute(sa.select(kb_articles.c.id).where(
            kb_articles.c.id.in_(wanted[start:start + 500]), *_searchable())).scalars()
    _index(conn, searchable)


def stats(conn: Connection) -> IndexStats:
    """Return how many articles the index holds and its size on disk."""
    articles = conn.exec_driver_sql(f"SELECT count(*) FROM {DOCS}").scalar() or 0
    try:
        size = conn.exec_driver_sql(
            # The tables, FTS5's shadow tables (kb_title_ix_data ...) and their indexes.
            "SELECT sum(pgsize) FROM dbstat d JOIN sqlite_master m ON m.name = d.name "
            f"WHERE m.tbl_name LIKE '{TITLE_IX}%' OR m.tbl_name LIKE '{BODY_IX}%' "
            f"OR m.tbl_name = '{DOCS}'"
        ).scalar() or 0
    except sa.exc.OperationalError:  # SQLite built without the dbstat table
        size = 0
    return IndexStats(int(articles), int(size))


def _searchable() -> tuple[sa.ColumnElement[bool], ...]:
    return (kb_articles.c.deleted_at.is_(None),
            kb_articles.c.status == ArticleStatus.PUBLISHED.value)


def _drop(conn: Connection, article_ids: Sequence[uuid.UUID]) -> None:
    keys = [(article_id.hex,) for article_id in article_ids]
    for table, column in ((TITLE_IX, "title_rowid"), (BODY_IX, "body_rowid")):
        conn.exec_driver_sql(
            f"DELETE FROM {table} WHERE rowid IN "
            f"(SELECT {column} FROM {DOCS} WHERE article_id = ?)", keys)
    conn.exec_driver_sql(f"DELETE FROM {DOCS} WHERE article_id = ?", keys)


def _index(conn: Connection, article_ids: Sequence[uuid.UUID]) -> None:
    seq = int(conn.exec_driver_sql(f"SELECT coalesce(max(seq), 0) FROM {DOCS}").scalar() or 0)
    columns = (kb_articles.c.id, kb_articles.c.title, kb_articles.c.tags,
               kb_articles.c.category, kb_articles.c.answer, kb_articles.c.body)
    for start in range(0, len(article_ids), 500):
        part = article_ids[start:start + 500]
        docs, titles, bodies = [], [], []
        rows = {row.id: row for row in conn.execute(
            sa.select(*columns).where(kb_articles.c.id.in_(part)))}
        for row in (rows[article_id] for article_id in part if article_id in rows):
            seq += 1
            body = f"{row.answer}\n{row.body}" if row.answer else row.body
            title_rowid = min(len(row.title), _MAX_LENGTH) << _LENGTH_SHIFT | seq
            body_rowid = min(len(body), _MAX_LENGTH) << _LENGTH_SHIFT | seq
            docs.append((row.id.hex, seq, title_rowid, body_rowid))
            tags = " ".join((*split_tags(row.tags), row.category))
            titles.append((title_rowid, index_tokens(row.title), index_tokens(tags)))
            bodies.append((body_rowid, index_tokens(body)))
        titles.sort()  # in rowid order, as FTS5 writes them best
        bodies.sort()
        conn.exec_driver_sql(f"INSERT INTO {DOCS} VALUES (?, ?, ?, ?)", docs)
        conn.exec_driver_sql(f"INSERT INTO {TITLE_IX} (rowid, title, tags) VALUES (?, ?, ?)",
                             titles)
        conn.exec_driver_sql(f"INSERT INTO {BODY_IX} (rowid, body) VALUES (?, ?)", bodies)


# ------------------------------------------------------------------------------ search

def match_expression(part: QueryPart) -> str:
    """Return the FTS5 expression of one query part: a phrase, a prefix on its last token.

    Tokens only ever hold letters and digits, but any double quote is doubled anyway, so no
    text can reach FTS5 as syntax.
    """
    phrase = '"' + " ".join(token.replace('"', '""') for token in part.tokens) + '"'
    return phrase + " *" if part.prefix else phrase


def _all_parts(query: KbQuery) -> str:
    return " AND ".join(match_expression(part) for part in query.parts)


@dataclass(frozen=True, slots=True)
class Match:
    """One article found, in rank order.

    Attributes:
        article_id: The article.
        in_title: True when its title or tags matched.
    """

    article_id: uuid.UUID
    in_title: bool


def search(conn: Connection, query: KbQuery, limit: int = 20) -> list[Match]:
    """Return up to ``limit`` published articles matching ``query``, best first.

    The order: the exact phrase in the title, all parts in the title, the exact phrase in
    the body, all parts in the body (a phrase only exists for queries of several parts).
    """
    if query.empty or limit <= 0:
        return []
    limit = min(limit, MAX_RESULTS)
    everything = _all_parts(query)
    phrase = match_expression(query.phrase) if query.phrase is not None else None
    tiers: list[tuple[str, str]] = []
    if phrase:
        tiers.append((TITLE_IX, phrase))
    tiers.append((TITLE_IX, everything))
    if phrase:
        tiers.append((BODY_IX, phrase))
    tiers.append((BODY_IX, everything))
    found: dict[str, bool] = {}
    for table, expression in tiers:
        wanted = limit - len(found)
        if wanted <= 0:
            break
        rowids = _tier(conn, table, expression, wanted + len(found))
        column = "title_rowid" if table == TITLE_IX else "body_rowid"
        for key in _article_keys(conn, column, rowids):
            if key not in found and len(found) < limit:
                found[key] = table == TITLE_IX
    return [Match(uuid.UUID(hex=key), in_title) for key, in_title in found.items()]


def _tier(conn: Connection, table: str, expression: str, count: int) -> list[int]:
    if table == BODY_IX:
        # The probe is the start of the rowid order: when too many bodies match for bm25,
        # it already holds the answer unless more rows are wanted than it fetched.
        probe = conn.exec_driver_sql(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid LIMIT ?",
            (expression, BM25_LIMIT + 1)).scalars().all()
        if len(probe) <= BM25_LIMIT:
            return list(conn.exec_driver_sql(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT ?",
                (expression, count)).scalars())
        if count <= len(probe):
            return list(probe[:count])
    return list(conn.exec_driver_sql(
        f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid LIMIT ?",
        (expression, count)).scalars())


def _article_keys(conn: Connection, column: str, rowids: Sequence[int]) -> list[str]:
    if not rowids:
        return []
    marks = ", ".join("?" * len(rowids))
    by_rowid: dict[int, str] = dict(conn.exec_driver_sql(
        f"SELECT {column}, article_id FROM {DOCS} WHERE {column} IN ({marks})",
        tuple(rowids)).all())
    return [by_rowid[rowid] for rowid in rowids if rowid in by_rowid]
