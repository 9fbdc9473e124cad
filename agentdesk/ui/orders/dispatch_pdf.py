"""Dispatch sheet PDFs: the printed hand-over sheet, paginated, its header row on every page.

The sheet is laid out as a :class:`QTextDocument` (HTML built here, every value escaped) and
painted page by page on a :class:`QPdfWriter`, with a footer of page numbers drawn on each
page. A first layout without pages finds where each row ends, so that the orders are split
into one table per page and no order is cut in two. The words are those of
:mod:`agentdesk.services.dispatch_files`, so the PDF and the CSV agree and the language is the
caller's choice, not the console's.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import NoReturn

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextDocument,
    QTextOption,
    QTextTable,
)

from agentdesk.domain.dispatch import DispatchSheet
from agentdesk.domain.order_form import MAX_NOTES
from agentdesk.services.dispatch_files import (
    COLUMN_KEYS,
    SHEET_COLUMNS,
    SHEET_LABELS,
    cash_text,
    check_language,
    export_failed,
    generated_stamp,
    replacing,
    round_name,
    sheet_facts,
    sheet_recipient,
    sheet_rows,
)

RESOLUTION = 300  # dots per inch
MARGIN_MM = 12.0
FOOTER_MM = 7.0
BODY_POINTS = 8.0
#: Families with Simplified Chinese glyphs, best first (Linux, Windows, macOS).
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                "Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans SC", "SimHei", "SimSun")
#: Characters of one value printed at most, the longest note an order may have (the CSV file
#: holds all of a longer value).
CELL_LIMIT = MAX_NOTES

# The printed table: (column key, width in percent); "signature" is an empty column to sign.
# The customer number is printed under the name; status, agent and time taken are left out,
# and so is the address when every order is picked up at the hall.
_PRINTED = (("no", 3), ("order_no", 11), ("customer", 7), ("contact", 8), ("address", 12.75),
            ("items", 13.25), ("total", 6), ("payment", 5.5), ("preferred_time", 6),
            ("id_check", 10), ("notes", 12.5), ("signature", 5))
_BORDER = "border-collapse: collapse; border-style: solid; border-color: #6b7685"
_SMALL = 'style="color:#4a5360; font-size:7pt"'
_GAP = '<p style="font-size: 4pt">&nbsp;</p>'
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_STYLE = """
th { background-color: #dde3ea; font-weight: bold; text-align: left; }
.title { font-size: 16pt; font-weight: bold; }
.subtitle { font-size: 11pt; }
.label { color: #4a5360; }
.value { font-weight: bold; }
"""
# The ToUnicode entries of a PDF font: "<from> <to> [<u> ...]" ranges and "<code> <u>" pairs.
_UNICODE_MAP = re.compile(rb"beginbf(range|char)\n(.*?)endbf\1", re.DOTALL)
_RADICAL = re.compile(rb"<(2[EFef][0-9A-Fa-f]{2})>")


def cjk_family() -> str:
    """Return a font family with Chinese glyphs ("" when none: the default family is used)."""
    available = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in available:
            return family
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    plain = [f for f in chinese if not re.search(r"mono|serif|song|ming", f, re.IGNORECASE)]
    return (plain or chinese or [""])[0]


def _text(value: str) -> str:
    """Return ``value`` as escaped HTML: no control characters, line breaks kept, capped."""
    value = value.encode("utf-8", "replace").decode("utf-8")  # lone surrogates
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    value = _CONTROL.sub("", value)
    if len(value) > CELL_LIMIT:
        value = value[:CELL_LIMIT].rstrip() + "…"
    return html.escape(value).replace("\n", "<br/>")


def _second_line(first: str, second: str) -> str:
    if not second:
        return _text(first)
    return f"{_text(first)}<br/><span {_SMALL}>{_text(second)}</span>"


def _columns(sheet: DispatchSheet) -> list[tuple[str, float]]:
    """Return the printed columns and their widths in percent (adding up to 100)."""
    pickups = all(not line.address for line in sheet.lines)
    columns = [(key, width) for key, width in _PRINTED if not (pickups and key == "address")]
    scale = 100 / sum(width for _key, width in columns)
    return [(key, round(width * scale, 2)) for key, width in columns]


def _table_html(sheet: DispatchSheet, language: str, breaks: Collection[int]) -> str:
    """Return the orders as tables: a new one, on a new page, at each row in ``breaks``."""
    headers = dict(zip(COLUMN_KEYS, SHEET_COLUMNS[language], strict=True))
    headers["signature"] = SHEET_LABELS[language]["signature"]
    columns = _columns(sheet)
    head = "".join(f'<th width="{width}%">{_text(headers[key])}</th>' for key, width in columns)

    def table(body: list[str], *, new_page: bool) -> str:
        style = f"page-break-before: always; {_BORDER}" if new_page else _BORDER
        return (f'<table width="100%" border="1" cellspacing="0" cellpadding="2" '
                f'style="{style}"><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table>")

    tables: list[str] = []
    body: list[str] = []
    rows = sheet_rows(sheet, language)
    for index, (row, line) in enumerate(zip(rows, sheet.lines, strict=True)):
        if index in breaks and body:
            tables.append(table(body, new_page=bool(tables)))
            body = []
        cells = {key: _text(text) for key, text in zip(COLUMN_KEYS, row, strict=True)}
        cells["customer"] = _second_line(line.customer_name, line.customer_no)
        cells["id_check"] = _second_line(line.real_name, line.id_check)
        # Couriers read the number out and type it into the results file: one line.
        cells["order_no"] = f'<p style="white-space: nowrap">{cells["order_no"]}</p>'
        shade = ' bgcolor="#f2f4f7"' if index % 2 else ""
        tds = "".join(
            f'<td{shade}{" align=right" if key in ("no", "total") else ""}>'
            f'{cells.get(key, "")}</td>' for key, _width in columns)
        body.append(f"<tr>{tds}</tr>")
    tables.append(table(body, new_page=bool(tables)))
    return "".join(tables)


def _title_html(sheet: DispatchSheet, language: str) -> str:
    facts = sheet_facts(sheet, language)
    if len(facts) % 2:
        facts.append(("", ""))
    rows = "".join(
        "<tr>" + "".join(f'<td class="label" bgcolor="#eef1f5">{_text(label)}</td>'
                         f'<td class="value">{_text(value)}</td>'
                         for label, value in facts[index:index + 2]) + "</tr>"
        for index in range(0, len(facts), 2))
    subtitle = f"{_text(round_name(sheet, language))} · {_text(sheet_recipient(sheet, language))}"
    return ('<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="50%" valign="top"><p class="title">'
            f'{_text(SHEET_LABELS[language]["title"])}</p>'
            f'<p class="subtitle">{subtitle}</p></td>'
            '<td width="50%" valign="top" align="right">'
            f'<table border="1" cellspacing="0" cellpadding="2" style="{_BORDER}">{rows}'
            "</table></td>"
            f"</tr></table>{_GAP}")


def _signature_html(sheet: DispatchSheet, language: str, *, new_page: bool = False) -> str:
    labels = SHEET_LABELS[language]
    confirm = labels["confirm"].format(orders=len(sheet.lines), cash=cash_text(sheet, language))
    keys = ("handed_over_by", "received_by", "time")
    head = "".join(f'<th width="{34 if key == keys[0] else 33}%">{_text(labels[key])}</th>'
                   for key in keys)
    blank = '<td><span style="font-size: 18pt">&nbsp;</span></td>' * len(keys)
    brk = "page-break-before: always; " if new_page else ""
    return (f'<p style="{brk}margin-top: 8px; margin-bottom: 4px">{_text(confirm)}</p>'
            f'<table width="100%" border="1" cellspacing="0" cellpadding="4" style="{_BORDER}">'
            f"<tr>{head}</tr><tr>{blank}</tr></table>")


def sheet_html(sheet: DispatchSheet, language: str, *, breaks: Collection[int] = (),
               signature_page: bool = False) -> str:
    """Return the printed sheet as HTML: title block, tables of orders, signature block.

    Args:
        sheet: The sheet.
        language: One of the sheet languages.
        breaks: The rows (from 0) that start a new page.
        signature_page: Start the signature block on a new page.

    Raises:
        ValueError: ``language`` is not one of the sheet languages.
    """
    check_language(language)
    signature = _signature_html(sheet, language, new_page=signature_page)
    return (f"<html><head><style>{_STYLE}</style></head><body>{_title_html(sheet, language)}"
            f"{_table_html(sheet, language, breaks)}{signature}</body></html>")


def _page_breaks(document: QTextDocument, page_height: float) -> list[int]:
    """Return the rows that must start a page so that no row is split between two pages.

    ``document`` holds the sheet in one table, laid out without pages. A row taller than a
    page is left to the layout, which splits it and repeats the header row.
    """
    layout = document.documentLayout()
    table = document.rootFrame().childFrames()[1]
    if not isinstance(table, QTextTable) or table.rows() < 2:
        return []

    def content_top(row: int) -> float:
        return min(layout.blockBoundingRect(table.cellAt(row, column).firstCursorPosition()
                                            .block()).top() for column in range(table.columns()))

    frame = layout.frameBoundingRect(table)
    tops = [content_top(row) for row in range(1, table.rows())]
    ends = [*tops[1:], frame.bottom()]
    head = tops[0] - frame.top()  # from a table's top to its first row's text
    slack = 0.01 * page_height  # for rounding between this layout and the paginated one
    page_top = page_height * (frame.top() // page_height)
    shift = 0.0  # how much lower than here each row is printed
    breaks: list[int] = []
    for row, (laid_top, laid_end) in enumerate(zip(tops, ends, strict=True)):
        top, end = laid_top + shift, laid_end + shift
        first_on_page = top <= page_top + head + 1
        if end > page_top + page_height - slack and not first_on_page:
            breaks.append(row)
            page_top += page_height
            shift += page_top + head - top
            end += page_top + head - top
        while end > page_top + page_height:  # taller than a page: the layout splits it
            page_top += page_height
    return breaks


def _splits_signature(document: QTextDocument, page_height: float) -> bool:
    """Return True if the signature block (the last table and the line before it) is split."""
    layout = document.documentLayout()
    frames = document.rootFrame().childFrames()
    orders, signature = layout.frameBoundingRect(frames[-2]), layout.frameBoundingRect(frames[-1])
    top, bottom = orders.bottom() + 1, signature.bottom() - 1
    return int(top // page_height) != int(bottom // page_height)


def sheet_font(family: str) -> QFont:
    """Return the sheet's body font in ``family`` ("" for the default family).

    The ``locl`` feature is turned off: with it, Noto Sans CJK shapes digits next to Latin
    letters with glyphs outside its character map, which a PDF cannot map back to text (the
    order numbers would not copy or search).
    """
    font = QFont(family) if family else QFont()
    font.setPointSizeF(BODY_POINTS)
    font.setFeature(QFont.Tag("locl"), 0)
    return font


@functools.lru_cache(maxsize=8)
def _ideographs_of_radicals(family: str) -> Mapping[int, int]:
    """Map each CJK radical that shares its glyph with an ideograph in the font to it."""
    raw = QRawFont.fromFont(sheet_font(family))
    ideographs = range(0x4E00, 0xA000)
    first: dict[int, int] = {}
    glyphs = raw.glyphIndexesForString("".join(map(chr, ideographs)))
    for code, glyph in zip(ideographs, glyphs, strict=True):
        if glyph:
            first.setdefault(glyph, code)
    radicals = range(0x2E80, 0x2FE0)
    glyphs = raw.glyphIndexesForString("".join(map(chr, radicals)))
    return {code: first[glyph] for code, glyph in zip(radicals, glyphs, strict=True)
            if glyph in first}


def prefer_ideographs(pdf: bytes, family: str) -> bytes:
    """Return the PDF so that it copies and searches ideographs, not radicals that look alike.

    CJK fonts such as Noto Sans CJK draw 日 (U+65E5) and the Kangxi radical ⽇ (U+2F47) with
    one glyph; Qt's PDF writer maps each glyph back to the lowest code point that uses it, so
    日, 门, 小, 金... would be copied as radicals. Each such radical in the fonts' ToUnicode
    maps is replaced by the ideograph: four hex digits for four, so no offset moves.
    """
    table = _ideographs_of_radicals(family)
    if not table:
        return pdf

    def ideograph(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16)
        return b"<%04X>" % table.get(code, code)

    def entries(block: re.Match[bytes]) -> bytes:
        sources = 2 if block.group(1) == b"range" else 1
        lines = []
        for line in block.group(0).split(b"\n"):
            parts = line.split(b" ", sources)
            single = sources == 1 or (len(parts) > 2 and parts[0] == parts[1])
            if len(parts) > sources and (single or parts[sources].startswith(b"[")):
                parts[sources] = _RADICAL.sub(ideograph, parts[sources])
            lines.append(b" ".join(parts))
        return b"\n".join(lines)

    fixed = _UNICODE_MAP.sub(entries, pdf)
    return fixed if len(fixed) == len(pdf) else pdf


def _footer(painter: QPainter, area: QRectF, left: str, right: str) -> None:
    painter.save()
    painter.setPen(QPen(QColor("#6b7685"), 0))
    painter.drawLine(QPointF(area.left(), area.top()), QPointF(area.right(), area.top()))
    painter.setPen(QColor("#333333"))
    flags = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(area, int(flags | Qt.AlignmentFlag.AlignLeft), left)
    painter.drawText(area, int(flags | Qt.AlignmentFlag.AlignRight), right)
    painter.restore()


def _paint(sheet: DispatchSheet, path: Path, language: str, font: QFont,
           fail: Callable[[str], NoReturn]) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
    labels = SHEET_LABELS[language]
    title = (f"{labels['title']} {round_name(sheet, language)} · "
             f"{sheet_recipient(sheet, language)}")
    writer.setTitle(title)
    writer.setCreator("AgentDesk")

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    area = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
    footer = FOOTER_MM * RESOLUTION / 25.4
    page_height = area.height() - footer
    document.setTextWidth(area.width())
    document.setHtml(sheet_html(sheet, language))
    breaks = _page_breaks(document, page_height)
    document.setPageSize(QSizeF(area.width(), page_height))
    document.setHtml(sheet_html(sheet, language, breaks=breaks))
    if _splits_signature(document, page_height):
        document.setHtml(sheet_html(sheet, language, breaks=breaks, signature_page=True))
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        fail("the PDF cannot be started")
    try:
        footer_font = QFont(font)
        footer_font.setPointSizeF(7.0)
        left = f"{title} · {labels['generated']} {generated_stamp(sheet)}"
        for page in range(pages):
            if page and not writer.newPage():
                fail("a new page cannot be started")
            painter.save()
            painter.translate(0, -page * page_height)
            document.drawContents(painter, QRectF(0, page * page_height, area.width(),
                                                  page_height))
            painter.restore()
            painter.setFont(footer_font)
            _footer(painter, QRectF(0, page_height, area.width(), footer), left,
                    labels["page"].format(page=page + 1, pages=pages))
    finally:
        painter.end()
    return pages


def write_sheet_pdf(sheet: DispatchSheet, target: Path, language: str) -> int:
    """Write the sheet as an A4 landscape PDF and return its number of pages.

    The file shows the title block (round, hall or delivery team, handover, booking window,
    delivery date, number of orders, cash to collect), the orders with the header row repeated
    on every page, a footer with "page x / y" and the time the sheet was made, and a signature
    block for the handover. It is written atomically, like the CSV file. Needs a
    ``QGuiApplication``.

    Raises:
        KnownError: ``export_failed`` (with ``path`` and ``reason``) if it cannot be written.
        ValueError: ``language`` is not one of the sheet languages.
    """
    check_language(language)

    def fail(reason: str) -> NoReturn:
        raise export_failed(target, reason)

    family = cjk_family()
    with replacing(target) as temporary:
        pages = _paint(sheet, temporary, language, sheet_font(family), fail)
        pdf = temporary.read_bytes()
        if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-64:]:
            fail("the PDF came out incomplete")  # the writer cannot report a failed write
        fixed = prefer_ideographs(pdf, family)
        if fixed != pdf:
            temporary.write_bytes(fixed)
    return pages
