"""Dispatch sheet PDFs from the command line: Qt's painting without a window system."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from agentdesk.domain.dispatch import DispatchSheet
from agentdesk.ui.orders.dispatch_pdf import write_sheet_pdf

_application: QGuiApplication | None = None


def write_pdf_without_display(sheet: DispatchSheet, target: Path, language: str) -> int:
    """Write the sheet's PDF (see ``write_sheet_pdf``); return its number of pages.

    Qt paints text only inside a ``QGuiApplication``: when there is none (the admin CLI),
    one is made on the off-screen platform, so no display is needed, and kept for the
    process's life.

    Raises:
        KnownError: ``export_failed`` if the file cannot be written.
    """
    global _application
    if QGuiApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _application = QGuiApplication(["agentdesk-admin"])
    return write_sheet_pdf(sheet, target, language)
