"""``agentdesk-admin dispatch sheet --format pdf``: Qt paints it, with or without a display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtWidgets import QApplication

from agentdesk.services.clock import FixedClock
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.workspace import open_workspace
from tests.conftest import NOW
from tests.helpers.admin_cli import run
from tests.helpers.dispatch import Deliveries, add_orders

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def orders(profile: Path) -> Deliveries:
    ws = open_workspace(profile, FixedClock(NOW), hasher=fast_hasher())
    try:
        return add_orders(ws, 2)
    finally:
        ws.close()


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
    return "".join(text.split())  # a narrow cell may wrap an order number


def test_sheet_pdf_in_the_console_process(
        capsys: pytest.CaptureFixture[str], qapp: QApplication, profile: Path,
        orders: Deliveries, tmp_path: Path) -> None:
    code, out, _err = run(capsys, "dispatch", "sheet", "--profile", str(profile), "--round",
                          "17:30", "--date", "2026-11-23", "--format", "pdf", "--lang", "en",
                          "--output", str(tmp_path))

    target = tmp_path / "dispatch-2026-11-23-1730-home.pdf"
    assert code == 0
    assert f"2 orders, cash to collect CNY {orders.orders[0].total + orders.orders[1].total:,.2f}"\
        f", 1 page to {target}" in out
    text = pdf_text(target)
    assert "Dispatchsheet" in text
    assert all(o.order_no in text for o in orders.orders)


def test_sheet_pdf_without_a_display(profile: Path, orders: Deliveries, tmp_path: Path) -> None:
    """A server has no display: the command paints off-screen on its own."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    target = tmp_path / "sheet.pdf"
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from agentdesk.cli import main; sys.exit(main())",
         "dispatch", "sheet", "--profile", str(profile), "--round", "17:30 批次（次日送达）",
         "--date", "2026-11-23", "--format", "pdf", "--output", str(target)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)

    assert done.returncode == 0, done.stderr
    text = pdf_text(target)
    assert "派送交接单" in text  # the default language is the delivery team's
    assert orders.orders[0].order_no in text
