"""Dispatch sheet PDFs: pages, text that copies and searches, a page that is not blank."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agentdesk.domain.dispatch import DispatchSheet, SheetLine
from agentdesk.domain.errors import KnownError
from agentdesk.domain.orders import OrderStatus, PaymentMethod
from agentdesk.ui.orders import dispatch_pdf
from agentdesk.ui.orders.dispatch_pdf import CELL_LIMIT, cjk_family, write_sheet_pdf
from agentdesk.ui.tasks import TaskRunner

CENTER = timezone(timedelta(hours=8))
HANDOVER = datetime(2026, 12, 1, 17, 30, tzinfo=CENTER)
NAMES = ("王小明", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴芳")
ADDRESSES = ("北京市朝阳区建国路88号SOHO现代城3号楼1502室",
             "北京市海淀区中关村大街27号中关村大厦8层",
             "北京市东城区东直门南大街5号中青旅大厦1201",
             "北京市昌平区回龙观西大街9号院11号楼3单元402")
NOTES = ("", "请下午三点后送达，提前半小时电话联系", "小区门禁，到了打电话",
         "客户要求核对身份证原件后再签收；老人在家，请耐心讲解套餐内容")
# Kangxi radicals and CJK radicals that fonts draw with the glyphs of common ideographs.
RADICALS = {*range(0x2E80, 0x2F00), *range(0x2F00, 0x2FE0)}


def sheet_line(number: int, *, hall: bool = False) -> SheetLine:
    return SheetLine(
        order_id=uuid.UUID(int=number), order_no=f"SO20261201{number:04d}",
        customer_name=NAMES[number % len(NAMES)], customer_no=f"C{10000000 + number:08d}",
        contact=f"138 {1000 + number:04d} 8000",
        address="" if hall else ADDRESSES[number % len(ADDRESSES)],
        items="5G 畅享套餐 169 元 ×1；华为 Mate 60 Pro ×1", total=Decimal("6999.00"),
        payment=PaymentMethod.PAY_AT_HALL if hall else PaymentMethod.CASH_ON_DELIVERY,
        preferred_time=("any", "morning", "afternoon", "evening")[number % 4],
        id_check="110105********123X" if number % 3 == 0 else "",
        real_name=NAMES[number % len(NAMES)] if number % 3 == 0 else "",
        notes=NOTES[number % len(NOTES)], status=OrderStatus.CONFIRMED, agent_name="林晓",
        taken_at=datetime(2026, 12, 1, 3, 5, tzinfo=UTC))


def make_sheet(count: int, *, hall: bool = False) -> DispatchSheet:
    return DispatchSheet(
        round_name="17:30 批次（次日送达）", round_name_en="17:30 round (next-day delivery)",
        handover=HANDOVER, booking_from=HANDOVER, booking_until=HANDOVER + timedelta(minutes=30),
        delivery_date=date(2026, 12, 2), hall_name="北京建国门营业厅" if hall else "",
        hall_name_en="Beijing Jianguomen hall" if hall else "",
        hall_address="北京市东城区建国门内大街18号" if hall else "",
        lines=tuple(sheet_line(number, hall=hall) for number in range(1, count + 1)),
        generated_at=HANDOVER - timedelta(minutes=2))


@pytest.fixture
def opened(qapp: QApplication) -> Iterator[list[pdfium.PdfDocument]]:
    """PDF documents the test opens, closed after it (Windows keeps open files locked)."""
    documents: list[pdfium.PdfDocument] = []
    yield documents
    for document in documents:
        document.close()


def page_texts(path: Path, opened: list[pdfium.PdfDocument]) -> list[str]:
    """Return each page's text, without the line breaks of wrapped cells."""
    document = pdfium.PdfDocument(str(path))
    opened.append(document)
    return [document[index].get_textpage().get_text_range().replace("\r\n", "")
            for index in range(len(document))]


def first_page_image(path: Path, opened: list[pdfium.PdfDocument]) -> QImage:
    document = pdfium.PdfDocument(str(path))
    opened.append(document)
    bitmap = document[0].render(scale=1.5, fill_color=(255, 255, 255, 255), rev_byteorder=True,
                                force_bitmap_format=pdfium.raw.FPDFBitmap_BGRA)
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGBA8888)
    return image.copy()  # own the pixels: the bitmap's buffer goes away with it


def ink(image: QImage) -> float:
    """Return the share of the page's pixels that are not white, from a sample of them."""
    samples = [image.pixelColor(x, y) for y in range(0, image.height(), 4)
               for x in range(0, image.width(), 4)]
    marked = sum(1 for color in samples if color.lightness() < 200)
    return marked / len(samples)


def test_a_small_sheet_is_one_landscape_page_with_its_text(
    tmp_path: Path, opened: list[pdfium.PdfDocument]
) -> None:
    sheet = make_sheet(3, hall=True)
    target = tmp_path / "sheet.pdf"
    assert write_sheet_pdf(sheet, target, "zh_CN") == 1
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]
    document = pdfium.PdfDocument(str(target))
    opened.append(document)
    width, height = document[0].get_size()
    assert width > height and abs(width - 842) < 2 and abs(height - 595) < 2  # A4 landscape

    text = page_texts(target, opened)[0]
    for line in sheet.lines:
        assert line.order_no in text
        assert line.customer_name in text
        assert line.contact in text
    for words in ("派送交接单", "17:30 批次（次日送达）", "北京建国门营业厅", "营业厅付款",
                  "订单号", "实名核验", "110105********123X", "应收现金", "¥20,997.00",
                  "交接人（签字）", "接收人（签字）", "第 1 / 1 页",
                  "生成时间 2026-12-01 17:28", "以上 3 单已当面清点交接"):
        assert words in text, words
    assert not {ord(character) for character in text} & RADICALS
    assert "配送地址" not in text  # every order is picked up at the hall: no address column

    image = first_page_image(target, opened)
    assert image.width() > image.height()
    assert 0.01 < ink(image) < 0.5
    assert image.save(str(tmp_path / "page1.png"))
    assert (tmp_path / "page1.png").stat().st_size > 10_000


def test_a_long_sheet_runs_over_pages_with_the_header_on_each(
    tmp_path: Path, opened: list[pdfium.PdfDocument]
) -> None:
    sheet = make_sheet(250)
    target = tmp_path / "long.pdf"
    pages = write_sheet_pdf(sheet, target, "zh_CN")
    texts = page_texts(target, opened)
    assert pages == len(texts) > 5
    for number, text in enumerate(texts, start=1):
        assert "订单号" in text and "联系电话" in text, f"no header row on page {number}"
        assert f"第 {number} / {pages} 页" in text
    everything = "".join(texts)
    for line in sheet.lines:
        assert everything.count(line.order_no) == 1
        # A row is never split: its order number, customer number and notes share a page.
        page = next(text for text in texts if line.order_no in text)
        assert line.customer_no in page
        assert line.notes[-4:] in page
    assert "以上 250 单已当面清点交接" in texts[-1]
    assert "交接人（签字）" in texts[-1]
    assert ink(first_page_image(target, opened)) > 0.01


def test_an_english_sheet_for_the_delivery_team(
    tmp_path: Path, opened: list[pdfium.PdfDocument]
) -> None:
    target = tmp_path / "sheet-en.pdf"
    assert write_sheet_pdf(make_sheet(12), target, "en") >= 1
    text = "".join(page_texts(target, opened))
    for words in ("Dispatch sheet", "17:30 round (next-day delivery)", "Delivery team",
                  "Order no.", "Cash on delivery", "Cash to collect", "CNY 83,988.00",
                  "Page 1 /", "Handed over by (signature)", "Received by (signature)"):
        assert words in text, words


def test_hostile_values_are_printed_as_text(
    tmp_path: Path, opened: list[pdfium.PdfDocument]
) -> None:
    hostile = replace(
        sheet_line(1), customer_name="<b>王</b>小明 &amp; \x00\u202e反向\u202c",
        address="</td></tr></table><h1>X</h1>\n第二行", items="<img src='file:///etc/passwd'>",
        notes="备注" * 5_000, agent_name="\ud800")
    sheet = replace(make_sheet(2), lines=(hostile, sheet_line(2)))
    target = tmp_path / "hostile.pdf"
    pages = write_sheet_pdf(sheet, target, "zh_CN")
    texts = page_texts(target, opened)
    assert pages == len(texts)
    text = "".join(texts)
    assert "<b>王</b>小明 &amp;" in text
    assert "</td></tr></table><h1>X</h1>" in text
    assert "<img src='file:///etc/passwd'>" in text
    assert "SO202612010002" in text
    # A runaway note is cut short: 250 of its 5,000 备注 are printed (and one 备注 in the header
    # row of each page, and a few more where the row's line cut by the page break is repeated).
    assert "备注…" in text and text.count("备注") < CELL_LIMIT // 2 + 20


def test_an_empty_sheet_still_prints(tmp_path: Path, opened: list[pdfium.PdfDocument]) -> None:
    target = tmp_path / "empty.pdf"
    assert write_sheet_pdf(replace(make_sheet(1), lines=()), target, "zh_CN") == 1
    text = page_texts(target, opened)[0]
    assert "订单号" in text and "以上 0 单" in text


def test_an_unwritable_target_fails_cleanly(qapp: QApplication, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "sheet.pdf"
    with pytest.raises(KnownError) as caught:
        write_sheet_pdf(make_sheet(3), target, "zh_CN")
    assert caught.value.code == "export_failed"
    assert caught.value.params["path"] == str(target)
    assert list(tmp_path.iterdir()) == []


def test_an_incomplete_pdf_is_not_kept(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cut_short(sheet: DispatchSheet, path: Path, *args: object) -> int:
        path.write_bytes(b"%PDF-1.4\n% cut short by a full disk")
        return 1

    monkeypatch.setattr(dispatch_pdf, "_paint", cut_short)
    target = tmp_path / "sheet.pdf"
    with pytest.raises(KnownError, match="incomplete") as caught:
        write_sheet_pdf(make_sheet(3), target, "zh_CN")
    assert caught.value.code == "export_failed"
    assert list(tmp_path.iterdir()) == []


def test_the_task_runner_writes_it_off_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    pages: list[int] = []
    with qtbot.waitSignal(runner.busy_changed, timeout=30_000, check_params_cb=lambda b: not b):
        runner.run(lambda: write_sheet_pdf(make_sheet(40), tmp_path / "sheet.pdf", "en"),
                   pages.append)
    assert pages and pages[0] > 1
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF-")


def test_an_unknown_language_is_refused(qapp: QApplication, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown sheet language"):
        write_sheet_pdf(make_sheet(3), tmp_path / "sheet.pdf", "de")
    assert list(tmp_path.iterdir()) == []


def test_a_font_with_chinese_glyphs_is_chosen(qapp: QApplication) -> None:
    assert cjk_family(), "install a CJK font (fonts-noto-cjk) to print Chinese sheets"
