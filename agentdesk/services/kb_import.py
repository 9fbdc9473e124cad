"""Knowledge-base import: Markdown files with YAML front matter and CSV tables."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from yaml.composer import ComposerError

from agentdesk.domain.errors import NotFoundError, ValidationError
from agentdesk.domain.knowledge import (
    ANSWER_MAX,
    BODY_MAX,
    CATEGORY_MAX,
    SLUG_MAX,
    TAG_MAX,
    TAGS_MAX,
    TITLE_MAX,
    ArticleDraft,
    ArticleKind,
    ArticleStatus,
    slug_from,
    validate_article,
)
from agentdesk.services.knowledge import KnowledgeService, NotAllowedError

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FRONT_MATTER_BYTES = 64 * 1024
MARKDOWN_SUFFIXES = (".md", ".markdown")
CSV_SUFFIXES = (".csv",)
TEXT_FIELDS = ("slug", "title", "answer", "category", "translation_of")
LIST_FIELDS = ("tags", "products")
CHOICE_FIELDS = ("kind", "language", "status")
FIELDS = frozenset((*TEXT_FIELDS, *LIST_FIELDS, *CHOICE_FIELDS))
# The first choice is the default.
_CHOICES = {"kind": [k.value for k in ArticleKind],
            "status": [ArticleStatus.PUBLISHED.value, ArticleStatus.DRAFT.value,
                       ArticleStatus.ARCHIVED.value],
            "language": ["zh", "en"]}
_SPLIT_RE = re.compile(r"[,，、;；]")
# Every cell of a file that may be read must fit: more than BODY_MAX (so that a long body is
# reported as too long, not as bad CSV) and at most a C long.
_CSV_FIELD_LIMIT = min(max(BODY_MAX * 4, MAX_FILE_BYTES), 2**31 - 1)
_LIMITS = {"slug": SLUG_MAX, "title": TITLE_MAX, "body": BODY_MAX, "answer": ANSWER_MAX,
           "category": CATEGORY_MAX, "tags": TAG_MAX}

_MESSAGES = {
    "missing": "no such file or directory",
    "unreadable": "cannot be read",
    "not_utf8": "not UTF-8 text",
    "too_big": "the file is larger than 5 MB and was not read",
    "empty": "the file is empty",
    "bad_front_matter": "bad front matter",
    "unknown_field": "unknown field, ignored",
    "invalid": "invalid value",
    "required": "missing, but required",
    "too_long": "too long",
    "too_many": "too many",
    "duplicate_slug": "slug already used in this import",
    "missing_column": "the header row has no such column, but it is required",
    "bad_row": "wrong number of cells",
    "bad_csv": "not valid CSV",
    "not_found": "no such article",
}


@dataclass(frozen=True, slots=True)
class FileProblem:
    """Something wrong in one file or row of an import.

    Attributes:
        path: The file, as found.
        line: The line in it (a CSV row's first line), if known.
        field: The field or column concerned, or ``file`` for the whole file.
        code: Stable problem code (``not_utf8``, ``too_big``, ``bad_front_matter``,
            ``invalid``, ``required``, ``duplicate_slug``, ...).
        detail: More about it, in English.
    """

    path: str
    line: int | None
    field: str
    code: str
    detail: str = ""

    @property
    def message(self) -> str:
        """The problem in readable English."""
        text = _MESSAGES.get(self.code, self.code.replace("_", " "))
        return f"{text}: {self.detail}" if self.detail else text

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """What a set of files holds, validated and ready to save.

    Attributes:
        drafts: The good articles, in file order.
        translation_of: Slug of a translation -> slug of its original.
        problems: What was wrong, file by file.
        files_read: How many Markdown and CSV files were read (or tried).
        files_skipped: How many other files were passed over.
        sources: Slug -> (path, line) it came from.
    """

    drafts: list[ArticleDraft]
    translation_of: dict[str, str]
    problems: tuple[FileProblem, ...]
    files_read: int
    files_skipped: int
    sources: dict[str, tuple[str, int | None]]


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did.

    Attributes:
        saved: Articles saved (on a dry run: that would be saved).
        changed: How many of them were new or different (0 on a dry run).
        problems: What was wrong; the files and rows concerned were left out.
        files_read: How many Markdown and CSV files were read.
        synced: False when a server has the articles but this workstation could not pull
            them yet.
        dry_run: True if nothing was saved.
    """

    saved: int
    changed: int
    problems: tuple[FileProblem, ...]
    files_read: int
    synced: bool = True
    dry_run: bool = False

    def summary(self) -> str:
        """One English line about the import."""
        files, problems = _count(self.files_read, "file"), _count(len(self.problems), "problem")
        if self.dry_run:
            return (f"Would import {_count(self.saved, 'article')} from {files}; {problems} "
                    "(dry run, nothing saved)")
        text = (f"Imported {_count(self.saved, 'article')} ({self.changed} new or changed) "
                f"from {files}; {problems}")
        if not self.synced:
            text += "; the server has them, this workstation gets them with the next sync"
        return text


@dataclass(slots=True)
class _Parsed:
    draft: ArticleDraft | None
    translation_of: str
    line: int | None
    problems: list[FileProblem]


def read_articles(paths: Sequence[Path]) -> ImportBatch:
    """Read and validate the articles in ``paths`` (files, or directories searched deeply).

    Takes ``*.md``, ``*.markdown`` and ``*.csv`` files and passes over others. Never raises
    on bad content: each bad file or row becomes a problem and the others are still read.
    """
    files, skipped, problems = _collect(paths)
    drafts: list[ArticleDraft] = []
    translation_of: dict[str, str] = {}
    sources: dict[str, tuple[str, int | None]] = {}
    for path in files:
        for parsed in _read_file(path, problems):
            problems.extend(parsed.problems)
            draft = parsed.draft
            if draft is None:
                continue
            if draft.slug in sources:
                first, line = sources[draft.slug]
                where = first if line is None else f"{first}:{line}"
                problems.append(FileProblem(str(path), parsed.line, "slug", "duplicate_slug",
                                            f"{draft.slug} is already taken by {where}"))
                continue
            sources[draft.slug] = (str(path), parsed.line)
            drafts.append(draft)
            if parsed.translation_of:
                translation_of[draft.slug] = parsed.translation_of
    return ImportBatch(drafts, translation_of, tuple(problems), len(files), skipped, sources)


def import_articles(service: KnowledgeService, paths: Sequence[Path], *,
                    dry_run: bool = False) -> ImportReport:
    """Read the articles in ``paths`` and save the good ones in one go.

    Raises:
        NotAllowedError: the service's user may not write articles.
        ValidationError: the server refused the articles (nothing saved).
        ServerUnavailable: there is a server and it cannot be reached (nothing saved).
    """
    if not service.can_author:
        raise NotAllowedError("Only trainers and administrators may import articles")
    batch = read_articles(paths)
    problems = [*batch.problems, *_missing_originals(service, batch)]
    if dry_run or not batch.drafts:
        return ImportReport(len(batch.drafts) if dry_run else 0, 0, tuple(problems),
                            batch.files_read, dry_run=dry_run)
    saved = service.save_articles(batch.drafts, translation_of=batch.translation_of)
    return ImportReport(len(saved.ids), saved.changed, tuple(problems), batch.files_read,
                        synced=saved.synced)


def _missing_originals(service: KnowledgeService, batch: ImportBatch) -> list[FileProblem]:
    """Problems for translations whose original is neither imported nor stored."""
    problems = []
    for slug, original in batch.translation_of.items():
        if original in batch.sources:
            continue
        try:
            service.article_by_slug(original)
        except NotFoundError:
            path, line = batch.sources[slug]
            problems.append(FileProblem(path, line, "translation_of", "not_found",
                                        f"{original} is neither in these files nor stored"))
    return problems


def _collect(paths: Sequence[Path]) -> tuple[list[Path], int, list[FileProblem]]:
    """Return the files to read, how many others were passed over, and missing paths."""
    files: list[Path] = []
    skipped = 0
    problems: list[FileProblem] = []

    def unreadable(error: OSError) -> None:  # a directory os.walk cannot list
        problems.append(FileProblem(str(error.filename), None, "file", "unreadable",
                                    error.strerror or str(error)))

    for path in paths:
        if path.is_dir():
            candidates: list[Path] = []
            for root, dirs, names in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                candidates.extend(Path(root) / n for n in sorted(names) if not n.startswith("."))
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            problems.append(FileProblem(str(path), None, "file", "missing"))
            continue
        for candidate in candidates:
            if candidate.suffix.lower() in (*MARKDOWN_SUFFIXES, *CSV_SUFFIXES):
                files.append(candidate)
            else:
                skipped += 1
    return files, skipped, problems


# Tags that YAML gives plain scalars by their look: yes/no/on/off, 0123, 12:30, 1_000, dates,
# null, "=". Without them every plain scalar is text, as written (a title "No", a slug "0123").
_GUESSED_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in
                          ("bool", "int", "float", "timestamp", "null", "value", "yaml"))


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases and without guessing types.

    Without aliases a small document cannot grow huge; without guessing every plain scalar
    stays the text it is.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _GUESSED_TAGS]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise ComposerError(None, None, "aliases (*name) are not allowed",
                                self.peek_event().start_mark)
        return super().compose_node(parent, index)


def _read_text(path: Path) -> str | FileProblem:
    """The text of a file (UTF-8, with or without BOM, or UTF-16 with BOM), or its problem."""
    where = str(path)
    try:
        if not path.is_file():
            return FileProblem(where, None, "file", "unreadable", "not a regular file")
        if path.stat().st_size > MAX_FILE_BYTES:
            return FileProblem(where, None, "file", "too_big")
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return FileProblem(where, None, "file", "unreadable", error.strerror or str(error))
    if len(data) > MAX_FILE_BYTES:
        return FileProblem(where, None, "file", "too_big")
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:
        text = data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as error:
        # The UTF-8 decoder counts from after a byte-order mark; the UTF-16 one from the start.
        start = error.start + (0 if utf16 or not data.startswith(codecs.BOM_UTF8)
                               else len(codecs.BOM_UTF8))
        line = None if utf16 else data[:start].count(b"\n") + 1
        return FileProblem(where, line, "file", "not_utf8",
                           f"byte {start + 1} cannot be decoded; save the file as UTF-8")
    if "\x00" in text:
        return FileProblem(where, text[:text.index("\x00")].count("\n") + 1, "file", "not_utf8",
                           "NUL characters: a binary file, or UTF-16 without a byte-order mark")
    if not text.strip():
        return FileProblem(where, None, "file", "empty")
    return text


def _front_matter_and_body(
    path: Path, text: str
) -> FileProblem | tuple[dict[str, object], dict[str, int], str, int]:
    """Split Markdown into its front matter fields, their lines, the body and its line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].rstrip() != "---":
        return {}, {}, "\n".join(lines), 1
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)

    def problem(line: int, detail: str) -> FileProblem:
        return FileProblem(str(path), line, "front_matter", "bad_front_matter", detail)

    if not end:
        return problem(1, "the --- line that opens it has no closing --- line")
    source = "\n".join(lines[1:end])
    if len(source.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        return problem(1, f"larger than {MAX_FRONT_MATTER_BYTES // 1024} KB")
    loader = None
    try:
        loader = _FrontMatterLoader(source)
        node = loader.get_single_node()
        data = {} if node is None else loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return problem(2 + mark.line if mark else 1, error.problem or str(error))
    except RecursionError:
        return problem(1, "nested too deeply")
    except Exception as error:  # PyYAML's constructors fail in many ways on hostile input
        return problem(1, str(error) or type(error).__name__)
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return problem(2, f"it must be 'field: value' lines, not a {type(data).__name__}")
    key_lines = {_key(k.value): 2 + k.start_mark.line for k, _ in node.value
                 if isinstance(k, yaml.ScalarNode)}
    return ({_key(k): v for k, v in data.items()}, key_lines, "\n".join(lines[end + 1:]),
            end + 2)


def _key(name: object) -> str:
    return str(name).strip().lower().replace("-", "_")


def _read_file(path: Path, problems: list[FileProblem]) -> list[_Parsed]:
    """Return the articles of one file; file-wide problems go to ``problems``."""
    text = _read_text(path)
    if isinstance(text, FileProblem):
        problems.append(text)
        return []
    if path.suffix.lower() in CSV_SUFFIXES:
        return _csv_articles(path, text, problems)
    split = _front_matter_and_body(path, text)
    if isinstance(split, FileProblem):
        problems.append(split)
        return []
    fields, lines, body, body_line = split
    unknown = [FileProblem(str(path), lines.get(key), key, "unknown_field")
               for key in fields if key not in FIELDS]
    if _text(fields.get("title")) == "":
        heading = _first_heading(body)
        if heading is not None:
            index, fields["title"] = heading
            lines["title"] = body_line + index
            body = "\n".join(body.split("\n")[:index] + body.split("\n")[index + 1:])
    lines.setdefault("body", body_line)
    parsed = _article(path, fields, body, _default_slug(path.stem), lines, 1)
    parsed.problems[:0] = unknown
    return [parsed]


def _csv_articles(path: Path, text: str, problems: list[FileProblem]) -> list[_Parsed]:
    """Return one article per row of a CSV table with a header row."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    where = str(path)
    try:
        header = next(reader, [])
    except csv.Error as error:
        problems.append(FileProblem(where, 1, "file", "bad_csv", _csv_detail(error)))
        return []
    # Blank columns (trailing commas of spreadsheet exports) are ignored.
    columns = [c.strip().lower().replace("-", "_") for c in header]
    doubled = sorted({c for c in columns if c and columns.count(c) > 1})
    if doubled:
        problems.append(FileProblem(where, 1, doubled[0], "bad_csv", "the column appears twice"))
        return []
    missing = [FileProblem(where, 1, name, "missing_column")
               for name in ("title", "body") if name not in columns]
    if missing:
        problems.extend(missing)
        return []
    problems.extend(FileProblem(where, 1, c, "unknown_field") for c in columns
                    if c and c not in FIELDS and c != "body")
    articles = []
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(FileProblem(where, line, "file", "bad_csv",
                                        f"{_csv_detail(error)}; the rest of the file was not read"))
            break
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(columns) and not any(columns[len(row):]):
            row += [""] * (len(columns) - len(row))  # only cells of blank columns are missing
        if len(row) != len(columns):
            problems.append(FileProblem(where, line, "row", "bad_row",
                                        f"{len(row)} cells, the header has {len(columns)}"))
            continue
        stray = next((i for i, (c, cell) in enumerate(zip(columns, row, strict=True))
                      if not c and cell.strip()), None)
        if stray is not None:
            problems.append(FileProblem(where, line, "row", "bad_row",
                                        f"cell {stray + 1} has text, but its column has no name"))
            continue
        fields: dict[str, object] = {c: cell for c, cell in zip(columns, row, strict=True) if c}
        body = str(fields.pop("body"))
        fields = {k: v for k, v in fields.items() if k in FIELDS}
        default = _default_slug(str(fields.get("title", "")))
        articles.append(_article(path, fields, body, default, {}, line))
    return articles


def _csv_detail(error: csv.Error) -> str:
    text = str(error)
    if "unexpected end of data" in text:
        return "a quoted cell is never closed"
    return text


def _article(path: Path, fields: dict[str, object], body: str, default_slug: str,
             lines: dict[str, int], line: int | None) -> _Parsed:
    """Build and validate one article from its fields; problems instead of exceptions."""
    parsed = _Parsed(None, "", line, [])

    def problem(name: str, code: str, detail: str = "") -> None:
        parsed.problems.append(FileProblem(str(path), lines.get(name, line), name, code, detail))

    texts: dict[str, str] = {}
    for name in (*TEXT_FIELDS, *CHOICE_FIELDS):
        value = _text(fields.get(name))
        if value is None:
            problem(name, "invalid", "must be text")
        texts[name] = (value or "").strip()
    lists: dict[str, tuple[str, ...]] = {}
    for name in LIST_FIELDS:
        items = _list(fields.get(name))
        if items is None:
            problem(name, "invalid", "must be a list or comma-separated text")
        lists[name] = items or ()
    for name, allowed in _CHOICES.items():
        value = texts[name].lower()
        if name == "language":  # zh_CN, zh-CN, en_US...
            value = value.replace("-", "_").split("_")[0]
        if value and value not in allowed:
            problem(name, "invalid", f"{texts[name][:40]!r}; use one of {', '.join(allowed)}")
        texts[name] = value or allowed[0]
    if parsed.problems:
        return parsed
    draft = ArticleDraft(
        slug=texts["slug"] or default_slug, title=texts["title"], body=body,
        answer=texts["answer"], kind=ArticleKind(texts["kind"]), category=texts["category"],
        tags=lists["tags"], products=lists["products"], language=texts["language"],
        status=ArticleStatus(texts["status"]))
    try:
        parsed.draft = validate_article(draft)
    except ValidationError as error:
        for name, code in error.problems.items():
            problem(name, code, _validation_detail(name, code))
        return parsed
    original = texts["translation_of"].lower()
    if original == parsed.draft.slug:
        problem("translation_of", "invalid", "an article cannot translate itself")
        parsed.draft = None
    parsed.translation_of = original
    return parsed


def _validation_detail(name: str, code: str) -> str:
    if code == "too_long" and name in _LIMITS:
        unit = "characters each" if name == "tags" else "characters"
        return f"at most {_LIMITS[name]} {unit}"
    if code == "too_many":
        return f"at most {TAGS_MAX}"
    if name == "products" and code == "invalid":
        return f"at most {TAGS_MAX} codes of at most {TAG_MAX} characters"
    if name == "slug" and code == "invalid":
        return "use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit"
    return ""


def _text(value: object) -> str | None:
    """A scalar as text ("" for nothing); None for a list, mapping or other structure."""
    if value is None:
        return ""
    if isinstance(value, str | int | float | date):
        return str(value)
    return None


def _list(value: object) -> tuple[str, ...] | None:
    """A YAML list or a comma-separated string as a tuple; None if it is neither."""
    if isinstance(value, list):
        items = [_text(item) for item in value]
        return None if any(i is None for i in items) else tuple(i for i in items if i)
    text = _text(value)
    if text is None:
        return None
    return tuple(part.strip() for part in _SPLIT_RE.split(text) if part.strip())


def _first_heading(body: str) -> tuple[int, str] | None:
    """The line index and text of the first ``# `` heading outside code fences."""
    fenced = False
    for index, line in enumerate(body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"#[ \t]", line):
            return index, line[1:].strip().rstrip("#").strip()
    return None


def _default_slug(name: str) -> str:
    """A slug from a file name or title; a stable hash of it when it has no ASCII words."""
    digest = hashlib.sha1(name.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]
    return slug_from(name.lower(), f"kb-{digest}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
