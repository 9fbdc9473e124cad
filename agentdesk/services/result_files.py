"""Delivery results files: the CSV the delivery team and the halls send back, read safely.

A results file has one row per order: what happened to its delivery. Spreadsheets save it as
UTF-8 (with or without a byte-order mark) or, in Chinese Excel, as GBK/GB18030; both are read.
Nothing here looks at the database: the reports that come out are checked later, one by one,
with :func:`agentdesk.domain.dispatch.check_result`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from agentdesk.domain.dispatch import MAX_REASON, MAX_REPORTER, DeliveryResult, ResultReport
from agentdesk.domain.errors import KnownError
from agentdesk.domain.orders import CENT

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
#: The longest order number the orders table holds.
MAX_ORDER_NO = 24
#: The largest amount a courier may report as collected for one order.
MAX_COLLECTED = Decimal("1000000")

#: The columns, as stable keys, and the headers each may have in a file. Headers are compared
#: without case, spaces, ``_``, ``-`` and ``.`` (``Order No.`` is ``order_no``).
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "order_no": ("order_no", "order no", "订单号", "订单编号"),
    "result": ("result", "结果", "配送结果"),
    "reason": ("reason", "原因", "备注"),
    "collected": ("collected", "amount collected", "实收金额", "收款金额"),
    "reschedule_date": ("reschedule_date", "new date", "改期日期"),
    "reporter": ("reported_by", "reporter", "courier", "配送员", "经办人"),
}
REQUIRED_COLUMNS = ("order_no", "result")

#: The words a file may use for each result, besides the English values in any case.
RESULT_WORDS: Mapping[str, DeliveryResult] = {
    **{word: DeliveryResult.DELIVERED for word in ("已送达", "送达", "签收", "已签收")},
    **{word: DeliveryResult.FAILED for word in ("失败", "派送失败", "配送失败", "未送达")},
    **{word: DeliveryResult.REFUSED for word in ("拒收", "客户拒收")},
    **{word: DeliveryResult.RESCHEDULED for word in ("改期", "延期", "改约")},
    **{result.value: result for result in DeliveryResult},
}

_HEADER_NOISE = re.compile(r"[\s_\-.]+")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_KEEP_FORMAT = frozenset("\u200c\u200d")  # zero-width (non-)joiners shape emoji and scripts
_AMOUNT = re.compile(r"¥?\s*(?P<whole>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<fen>[0-9]+))?"
                     r"\s*元?")
_DATE = re.compile(r"(?P<y>[0-9]{4})(?:(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
                   r"|年\s*(?P<cm>[0-9]{1,2})\s*月\s*(?P<cd>[0-9]{1,2})\s*日?)")
_UNDECODABLE = ("neither UTF-8 nor GB18030 text: byte {offset} (line {line}) cannot be "
                "decoded; save the file again as \"CSV UTF-8\"")


@dataclass(frozen=True, slots=True)
class FileProblem:
    """Something wrong in a results file; the rows concerned are left out of the reports.

    Attributes:
        line: The physical line where the row starts (1-based); 0 for the whole file.
        code: Stable problem code for the UI's messages: ``too_large``, ``empty``,
            ``encoding``, ``no_header``, ``missing_column``, ``duplicate_column``,
            ``too_many_rows``, ``unclosed_quote`` (whole-file or header problems: nothing is
            read), or ``order_no_required``, ``result_unknown``, ``amount_invalid``,
            ``date_invalid``, ``duplicate_order``, ``too_long``, ``extra_cells`` (one row).
        detail: What is wrong, in English, for logs and the admin CLI.
    """

    line: int
    code: str
    detail: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return f"{where}: {self.code}: {self.detail}" if self.detail else f"{where}: {self.code}"


@dataclass(frozen=True, slots=True)
class ResultsFile:
    """What a results file holds.

    Attributes:
        reports: The good rows, in file order, each with its line.
        problems: What was wrong, in file order; a row with a problem is not in ``reports``.
        rows: The data rows read, blank rows not counted; 0 when the whole file is refused.
    """

    reports: tuple[ResultReport, ...]
    problems: tuple[FileProblem, ...]
    rows: int


def read_results_file(path: Path) -> ResultsFile:
    """Read the results file at ``path``; a file over :data:`MAX_FILE_BYTES` is not read.

    Raises:
        KnownError: ``file_unreadable`` (with ``path``) when it is missing, not a regular
            file, or cannot be read.
    """
    try:
        if not path.is_file():
            raise KnownError(f"{path}: not a file that can be read", code="file_unreadable",
                             path=str(path))
        if path.stat().st_size > MAX_FILE_BYTES:
            return _refused("too_large", _too_large())
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat()
    except OSError as error:
        raise KnownError(f"{path}: cannot be read: {error.strerror or error}",
                         code="file_unreadable", path=str(path)) from None
    return read_results(data)


def read_results(data: bytes) -> ResultsFile:
    """Read a results file's bytes: one report per good row, one problem per bad field.

    The first row that is not blank is the header; the columns are found by their names
    (:data:`COLUMNS`), in any order, and other columns are ignored. A whole-file problem
    (too large, not text, no header or a required column missing, more than
    :data:`MAX_ROWS` data rows, a quote never closed in the header) refuses the whole file
    with that one problem: a part of a file that is too long is never recorded as if it were
    the whole. Otherwise each bad row is left out with one problem per bad field, and every
    good row is kept; blank rows are skipped. A row's line is the physical line it starts on
    (a quoted cell may span lines). Never raises on bad content.
    """
    if len(data) > MAX_FILE_BYTES:
        return _refused("too_large", _too_large())
    text = _decode(data)
    if isinstance(text, FileProblem):
        return ResultsFile((), (text,), 0)
    if csv.field_size_limit() <= MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES + 1)  # a cell is never larger than the file
    lines = io.StringIO(text, newline="").readlines()  # ends: \r\n, \r or \n, as csv sees them
    rows = _rows(lines)
    header = next(rows, None)
    if header is None:
        return _refused("empty", "the file holds only blank rows")
    header_line, names, unclosed = header
    if any(unicodedata.category(c) == "Cc" and c not in "\t\r\n" for n in names for c in n):
        return _refused("encoding", "control characters in the header row: a binary file, or "
                                    "text in an encoding other than UTF-8 or GB18030")
    if unclosed:
        return _refused("unclosed_quote", f"the quote opened in the header row on line "
                                          f"{header_line} is never closed", header_line)
    columns = _columns(names, header_line)
    if isinstance(columns, list):
        return ResultsFile((), tuple(columns), 0)
    reports: list[ResultReport] = []
    problems: list[FileProblem] = []
    seen: dict[str, int] = {}
    count = 0
    for line, cells, unclosed in rows:
        count += 1
        if count > MAX_ROWS:
            return _refused("too_many_rows", f"more than {MAX_ROWS:,} data rows: split the "
                                             "file and read each part")
        if unclosed:
            problems.append(FileProblem(line, "unclosed_quote",
                                        f"the quote opened on line {line} is never closed; "
                                        f"lines {line}-{len(lines)} were not read"))
            break
        report, found = _report(line, cells, names, columns, seen)
        problems.extend(found)
        if report is not None:
            reports.append(report)
    if not count:
        return _refused("empty", "the file has a header row but no data rows")
    return ResultsFile(tuple(reports), tuple(problems), count)


def _refused(code: str, detail: str, line: int = 0) -> ResultsFile:
    return ResultsFile((), (FileProblem(line, code, detail),), 0)


def _too_large() -> str:
    return f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB and was not read"


def _decode(data: bytes) -> str | FileProblem:
    """Return the file's text (UTF-8, else GB18030), or its problem."""
    if not data.strip():
        return FileProblem(0, "empty", "the file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return FileProblem(0, "encoding", "UTF-16 text (Excel's \"Unicode text\"); save the "
                                          "file as \"CSV UTF-8\"")
    # A file with a UTF-8 byte-order mark is UTF-8; without one, the decoder that gets
    # further is the likelier encoding, and names the place of the problem.
    bom = data.startswith(codecs.BOM_UTF8)
    text: str | None = None
    offset = 0
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8:  # counted from after a byte-order mark
        offset = utf8.start + (len(codecs.BOM_UTF8) if bom else 0)
    if text is None and not bom:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as gb18030:
            offset = max(offset, gb18030.start)
    if text is None:
        before = data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        return FileProblem(0, "encoding", _UNDECODABLE.format(
            offset=offset + 1, line=before.count(b"\n") + 1))
    text = text.lstrip("\ufeff")  # a GB18030 byte-order mark, or a doubled UTF-8 one
    if not text.strip():
        return FileProblem(0, "empty", "the file is empty")
    return text


def _rows(lines: list[str]) -> Iterator[tuple[int, list[str], bool]]:
    """Yield each row that is not blank: its first line, its cells, and whether it is unclosed.

    Only the last row can be unclosed: a quote it opens and never closes takes the rest of
    the file into one cell.
    """
    reader = csv.reader(lines)
    line = 1
    try:
        for cells in reader:
            if cells and any(_text(cell) for cell in cells):
                yield line, cells, reader.line_num >= len(lines) and _unclosed(lines, line)
            line = reader.line_num + 1
    except csv.Error:  # the lenient reader's only error: a cell over the size limit, which is
        return  # set above the file's size


def _unclosed(lines: list[str], line: int) -> bool:
    """Whether the last row, starting on ``line``, opens a quote that is never closed.

    Such a row runs to the end of the file. A line is added after it: a closed row leaves
    that line as a row of its own; an open quote takes it into its cell.
    """
    tail = csv.reader([*lines[line - 1:], "\n", "\x00"])
    return [*tail][-1:] != [["\x00"]]


def _header_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))
    return _HEADER_NOISE.sub("", text).casefold()


_HEADER_KEYS = {_header_key(alias): key for key, aliases in COLUMNS.items() for alias in aliases}


def _columns(names: list[str], line: int) -> dict[str, int] | list[FileProblem]:
    """Map each known column to its cell index, or return the header's problems."""
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        key = _HEADER_KEYS.get(_header_key(name))
        if key is None:
            continue
        if key in columns:
            first = _text(names[columns[key]], lines=False)
            return [FileProblem(line, "duplicate_column",
                               f"{first!r} (cell {columns[key] + 1}) and {_text(name)!r} "
                               f"(cell {index + 1}) are both the {key} column")]
        columns[key] = index
    if not columns:
        return [FileProblem(line, "no_header", "the first row that is not blank has none of the "
                                               "column names; it must be the header row "
                                               "(订单号, 配送结果... or order_no, result...)")]
    missing = [key for key in REQUIRED_COLUMNS if key not in columns]
    return [FileProblem(line, "missing_column", f"{key} ({', '.join(COLUMNS[key])})")
            for key in missing] or columns


def _report(line: int, cells: list[str], names: list[str], columns: Mapping[str, int],
            seen: dict[str, int]) -> tuple[ResultReport | None, list[FileProblem]]:
    """Read one data row: its report, or its problems (one per bad field)."""
    problems: list[FileProblem] = []

    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else ""

    def problem(code: str, detail: str) -> None:
        problems.append(FileProblem(line, code, detail))

    order_no = _text(unicodedata.normalize("NFKC", cell("order_no")), lines=False)
    if not order_no:
        problem("order_no_required", "the order number is blank")
    elif len(order_no) > MAX_ORDER_NO:
        problem("too_long", f"order_no: {len(order_no):,} characters, at most {MAX_ORDER_NO}")
    elif order_no in seen:
        problem("duplicate_order", f"{order_no} is already on line {seen[order_no]}")
    else:
        seen[order_no] = line
    written = _text(cell("result"), lines=False)
    result = RESULT_WORDS.get(_word(written))
    if result is None:
        problem("result_unknown", f"{written[:40]!r}: use delivered, failed, refused or "
                                  "rescheduled (已送达, 失败, 拒收, 改期)" if written
                else "the result is blank")
    reason = _text(cell("reason"))
    reporter = _text(cell("reporter"), lines=False)
    for key, value, limit in (("reason", reason, MAX_REASON),
                              ("reporter", reporter, MAX_REPORTER)):
        if len(value) > limit:
            problem("too_long", f"{key}: {len(value):,} characters, at most {limit}")
    collected = when = None
    try:
        collected = _amount(cell("collected"))
    except ValueError:
        problem("amount_invalid", f"{_text(cell('collected'))[:40]!r}: use an amount in yuan "
                                  "such as 1299.00, not negative, at most 2 decimals and "
                                  "1,000,000")
    try:
        when = _date(cell("reschedule_date"))
    except ValueError:
        problem("date_invalid", f"{_text(cell('reschedule_date'))[:40]!r}: use a date such as "
                                "2026-12-03, 2026/12/3 or 2026年12月3日")
    stray = next((i for i, value in enumerate(cells)
                  if (i >= len(names) or not _text(names[i])) and _text(value)), None)
    if stray is not None:
        problem("extra_cells", f"cell {stray + 1} has text but no column name above it")
    if problems or result is None:
        return None, problems
    return ResultReport(order_no=order_no, result=result, reason=reason, collected=collected,
                        reschedule_date=when, reporter=reporter, line=line), problems


def _text(cell: str, *, lines: bool = True) -> str:
    """A cell as text: NFC, control and direction characters removed, trimmed.

    Line breaks become newlines (or spaces when ``lines`` is false) and tabs spaces; the
    apostrophe a spreadsheet puts before text it must not run as a formula is removed once.
    """
    text = unicodedata.normalize("NFC", cell)
    if not text.isprintable():
        text = _LINE_BREAK.sub("\n" if lines else " ", text).replace("\t", " ")
        text = "".join(c for c in text if c == "\n" or c in _KEEP_FORMAT
                       or unicodedata.category(c) not in ("Cc", "Cf"))
    text = text.strip()
    return text[1:].strip() if text.startswith("'") else text


def _word(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _amount(cell: str) -> Decimal | None:
    """An amount in yuan with two places; None when blank.

    Raises:
        ValueError: not a plain amount of at most 2 decimals between 0 and 1,000,000.
    """
    text = unicodedata.normalize("NFKC", _text(cell, lines=False))
    if not text:
        return None
    match = _AMOUNT.fullmatch(text) if len(text) <= 40 else None
    if match is None or len(match["fen"] or "") > 2:
        raise ValueError(text)
    amount = Decimal(match["whole"].replace(",", "") + "." + (match["fen"] or "0"))
    if amount > MAX_COLLECTED:
        raise ValueError(text)
    return amount.quantize(CENT)


def _date(cell: str) -> date | None:
    """A date written year first; None when blank.

    Raises:
        ValueError: not a date in one of the accepted forms, or no such day.
    """
    text = unicodedata.normalize("NFKC", _text(cell, lines=False))
    if not text:
        return None
    match = _DATE.fullmatch(text) if len(text) <= 40 else None
    if match is None:
        raise ValueError(text)
    return date(int(match["y"]), int(match["m"] or match["cm"]), int(match["d"] or match["cd"]))
