"""Dispatch sheet files: the sheet's columns and words in both languages, the CSV, file names.

A dispatch sheet (:class:`~agentdesk.domain.dispatch.DispatchSheet`) goes out as a CSV file
that spreadsheets open and re-import cleanly, and as a printable PDF (made in the UI layer, from
the same rows and words). Both take the language as an argument: the admin CLI may ask for a
sheet in a language other than the console's, so the words are held here, not in Qt's
translations.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from agentdesk.domain.dispatch import DispatchSheet, SheetLine
from agentdesk.domain.errors import KnownError
from agentdesk.domain.orders import CENT

LANGUAGES = ("zh_CN", "en")

#: The sheet's columns, as stable keys; :data:`SHEET_COLUMNS` holds their headers.
COLUMN_KEYS = ("no", "order_no", "customer", "customer_no", "contact", "address", "items",
               "total", "payment", "preferred_time", "id_check", "notes", "status", "agent",
               "taken_at")

#: Column headers per language, in the order of :data:`COLUMN_KEYS`.
SHEET_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "zh_CN": ("序号", "订单号", "客户", "客户编号", "联系电话", "配送地址", "商品", "金额（元）",
              "付款方式", "期望时段", "实名核验", "备注", "状态", "受理坐席", "受理时间"),
    "en": ("No.", "Order no.", "Customer", "Customer no.", "Contact phone", "Address", "Items",
           "Total (CNY)", "Payment", "Preferred time", "ID check", "Notes", "Status", "Taken by",
           "Taken at"),
}

#: Labels of the printed sheet (title block, footer, signature block) per language.
SHEET_LABELS: Mapping[str, Mapping[str, str]] = {
    "zh_CN": {
        "title": "派送交接单", "delivery_team": "配送团队", "handover": "交接时间",
        "booking_calls": "预约外呼", "delivery_date": "送达日期", "orders": "订单数",
        "cash_to_collect": "应收现金", "hall_address": "营业厅地址", "generated": "生成时间",
        "page": "第 {page} / {pages} 页", "handed_over_by": "交接人（签字）",
        "received_by": "接收人（签字）", "time": "交接时间", "signature": "签收",
        "confirm": "以上 {orders} 单已当面清点交接，应收现金 {cash}。",
    },
    "en": {
        "title": "Dispatch sheet", "delivery_team": "Delivery team", "handover": "Handover",
        "booking_calls": "Booking calls", "delivery_date": "Delivery date", "orders": "Orders",
        "cash_to_collect": "Cash to collect", "hall_address": "Hall address",
        "generated": "Generated", "page": "Page {page} / {pages}",
        "handed_over_by": "Handed over by (signature)", "received_by": "Received by (signature)",
        "time": "Time", "signature": "Signed",
        "confirm": "The {orders} orders above were counted and handed over in person; cash to "
                   "collect {cash}.",
    },
}

# The words of the enumerations and the few values the sheet spells out, per language.
_WORDS: Mapping[str, Mapping[str, str]] = {
    "zh_CN": {
        "cash_on_delivery": "货到付款", "pay_at_hall": "营业厅付款",
        "any": "不限", "morning": "上午", "afternoon": "下午", "evening": "晚上",
        "confirmed": "已确认", "dispatched": "已派送", "delivered": "已送达",
        "failed": "派送失败", "refused": "拒收", "rescheduled": "改期", "cancelled": "已取消",
        "pickup": "营业厅自提",
    },
    "en": {
        "cash_on_delivery": "Cash on delivery", "pay_at_hall": "Pay at hall",
        "any": "Any time", "morning": "Morning", "afternoon": "Afternoon", "evening": "Evening",
        "confirmed": "Confirmed", "dispatched": "Dispatched", "delivered": "Delivered",
        "failed": "Failed", "refused": "Refused", "rescheduled": "Rescheduled",
        "cancelled": "Cancelled", "pickup": "Pick-up at hall",
    },
}
_WEEKDAYS = {"zh_CN": "一二三四五六日", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}

# Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_EXTENSION = re.compile(r"[a-z0-9]{1,8}")
_SLUG_MAX = 40


def check_language(language: str) -> str:
    """Return ``language`` if the sheets are written in it.

    Raises:
        ValueError: not one of :data:`LANGUAGES`.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown sheet language {language!r}: use {' or '.join(LANGUAGES)}")
    return language


def word(value: str, language: str) -> str:
    """Return the word for a payment, preferred time or status value (the value if unknown)."""
    return _WORDS[check_language(language)].get(value, value)


def cny(amount: Decimal, *, grouped: bool = False) -> str:
    """Return ``amount`` in yuan with two places, e.g. ``"1234.50"`` (``"1,234.50"`` grouped)."""
    value = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    return f"{value:,.2f}" if grouped else f"{value:.2f}"


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    if zone is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(zone)


def _stamp(moment: datetime, zone: tzinfo | None) -> str:
    return f"{_local(moment, zone):%Y-%m-%d %H:%M}"


def _day(day: date, language: str) -> str:
    weekday = _WEEKDAYS[language][day.weekday()]
    return f"{day:%Y-%m-%d}（周{weekday}）" if language == "zh_CN" else f"{weekday} {day:%Y-%m-%d}"


def _id_check(line: SheetLine) -> str:
    if not line.id_check:
        return line.real_name
    return f"{line.real_name} {line.id_check}".strip()


def sheet_row(number: int, line: SheetLine, language: str, zone: tzinfo | None = None) -> list[str]:
    """Return one line of the sheet as texts, in the order of :data:`COLUMN_KEYS`.

    Args:
        number: The row number shown in the first column (from 1).
        line: The order.
        language: One of :data:`LANGUAGES`.
        zone: The center's zone, in which the time the order was taken is shown.
    """
    words = _WORDS[check_language(language)]
    return [
        str(number), line.order_no, line.customer_name, line.customer_no, line.contact,
        line.address or words["pickup"], line.items, cny(line.total),
        words.get(line.payment.value, line.payment.value),
        words.get(line.preferred_time, line.preferred_time), _id_check(line), line.notes,
        words.get(line.status.value, line.status.value), line.agent_name,
        _stamp(line.taken_at, zone),
    ]


def sheet_rows(sheet: DispatchSheet, language: str) -> list[list[str]]:
    """Return the sheet's lines as rows of text under :data:`SHEET_COLUMNS` ``[language]``.

    Times are shown in the zone of the sheet's handover (the center's); amounts in yuan with
    two places; payment, preferred time and status in the language's words.

    Raises:
        ValueError: ``language`` is not one of :data:`LANGUAGES`.
    """
    zone = sheet.handover.tzinfo
    return [sheet_row(number, line, language, zone)
            for number, line in enumerate(sheet.lines, start=1)]


def sheet_recipient(sheet: DispatchSheet, language: str) -> str:
    """Return who receives the sheet: the hall's name, or the delivery team, in the language."""
    labels = SHEET_LABELS[check_language(language)]
    if language == "en":
        return sheet.hall_name_en or sheet.hall_name or labels["delivery_team"]
    return sheet.hall_name or sheet.hall_name_en or labels["delivery_team"]


def round_name(sheet: DispatchSheet, language: str) -> str:
    """Return the round's name in the language (the other one if that is empty)."""
    if check_language(language) == "en":
        return sheet.round_name_en or sheet.round_name
    return sheet.round_name or sheet.round_name_en


def cash_text(sheet: DispatchSheet, language: str) -> str:
    """Return the cash to collect as the sheet shows it: ``¥1,234.00`` or ``CNY 1,234.00``."""
    cash = cny(sheet.cash_to_collect, grouped=True)
    return f"¥{cash}" if check_language(language) == "zh_CN" else f"CNY {cash}"


def sheet_facts(sheet: DispatchSheet, language: str) -> list[tuple[str, str]]:
    """Return the title block's (label, value) pairs: handover, booking, delivery, counts.

    A hall's sheet also names the hall's address.
    """
    labels = SHEET_LABELS[check_language(language)]
    zone = sheet.handover.tzinfo
    handover = _local(sheet.handover, zone)
    booking = (f"{_local(sheet.booking_from, zone):%H:%M}-"
               f"{_local(sheet.booking_until, zone):%H:%M}")
    facts = [
        (labels["handover"], f"{_day(handover.date(), language)} {handover:%H:%M}"),
        (labels["booking_calls"], booking),
        (labels["delivery_date"], _day(sheet.delivery_date, language)),
        (labels["orders"], str(len(sheet.lines))),
        (labels["cash_to_collect"], cash_text(sheet, language)),
    ]
    if sheet.hall_address:
        facts.append((labels["hall_address"], sheet.hall_address))
    return facts


def generated_stamp(sheet: DispatchSheet) -> str:
    """Return when the sheet was made, in the center's zone, e.g. ``"2026-12-01 17:31"``."""
    return _stamp(sheet.generated_at, sheet.handover.tzinfo)


def spreadsheet_safe(text: str) -> str:
    """Return ``text`` so a spreadsheet shows it instead of running it as a formula.

    A cell starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe,
    unless it is a plain number such as ``-1.00``.
    """
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def sheet_csv_text(sheet: DispatchSheet, language: str) -> str:
    """Return the CSV text: the header row, then one row per line, CRLF line ends, no title."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SHEET_COLUMNS[check_language(language)])
    for row in sheet_rows(sheet, language):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return buffer.getvalue()


def export_failed(target: Path, reason: str) -> KnownError:
    """Return the error of a sheet file that could not be written, with the reason in English."""
    return KnownError(f"Cannot write {target}: {reason}", code="export_failed",
                      path=str(target), reason=reason)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield a temporary file beside ``target`` that replaces ``target`` once filled.

    The file is flushed to disk before it takes the target's name, so other programs see the
    old file or the whole new one; on any failure the temporary file is removed and nothing
    is left at ``target``'s name that was not there before.

    Raises:
        KnownError: ``export_failed`` when the file cannot be created, written or renamed.
    """
    try:
        handle, name = tempfile.mkstemp(prefix=".dispatch-", suffix=".part", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise export_failed(target, _reason(error)) from None
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o644)
        with open(temporary, "r+b") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        raise export_failed(target, _reason(error)) from None
    finally:
        temporary.unlink(missing_ok=True)


def write_sheet_csv(sheet: DispatchSheet, target: Path, language: str) -> None:
    """Write the sheet as a CSV file that Excel opens in UTF-8 and that re-imports cleanly.

    UTF-8 with a byte-order mark, the header row then the data rows (no title block), CRLF
    line ends, cells that a spreadsheet would run as formulas neutralised
    (:func:`spreadsheet_safe`). The file is written atomically (:func:`replacing`).

    Raises:
        KnownError: ``export_failed`` (with ``path`` and ``reason``) if it cannot be written.
        ValueError: ``language`` is not one of :data:`LANGUAGES`.
    """
    data = sheet_csv_text(sheet, language).encode("utf-8-sig", errors="replace")
    with replacing(target) as temporary, open(temporary, "wb") as stream:
        stream.write(data)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:_SLUG_MAX].strip("-")


def sheet_file_name(sheet: DispatchSheet, extension: str) -> str:
    """Return a file name for the sheet, e.g. ``dispatch-2026-12-01-1730-home.csv``.

    The date and time are the handover's; a hall's sheet ends in ``hall-<slug>`` made of the
    hall's English name (``hall-beijing-jianguomen-hall``). A hall without an ASCII name gets
    ``hall-`` and six hex digits of its Chinese name, so two halls' sheets never share a name.
    The name holds only ASCII letters, digits, ``-`` and one ``.``: safe on every system.

    Raises:
        ValueError: ``extension`` is not 1-8 letters or digits (a leading dot is allowed).
    """
    suffix = extension.removeprefix(".").lower()
    if not _EXTENSION.fullmatch(suffix):
        raise ValueError(f"not a file extension: {extension!r}")
    if sheet.hall_name or sheet.hall_name_en:
        slug = _slug(sheet.hall_name_en)
        if not slug and sheet.hall_name:
            slug = hashlib.sha256(sheet.hall_name.encode("utf-8", "replace")).hexdigest()[:6]
        part = f"hall-{slug}" if slug else "hall"
    else:
        part = "home"
    return f"dispatch-{sheet.handover:%Y-%m-%d-%H%M}-{part}.{suffix}"
