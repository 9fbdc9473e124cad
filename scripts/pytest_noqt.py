"""Pytest plugin for the Qt-free environment: accepts pytest-qt's settings without pytest-qt."""

from __future__ import annotations

import importlib.util
from typing import Literal

import pytest

# The ini keys and markers pytest-qt 4.x declares. pyproject.toml sets some of them and runs
# with --strict-config, which rejects keys that no installed plugin declared.
QT_INI_KEYS: dict[str, Literal["string", "linelist"]] = {
    "qt_api": "string",
    "qt_no_exception_capture": "string",
    "qt_default_raising": "string",
    "qt_qapp_name": "string",
    "qt_log_level_fail": "string",
    "qt_log_ignore": "linelist",
    "qt_log_format": "string",
}
QT_MARKERS = ("qt_no_exception_capture", "qt_log_level_fail", "qt_log_ignore", "no_qt_log")


def _pytest_qt_installed() -> bool:
    return importlib.util.find_spec("pytestqt") is not None


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declare pytest-qt's ini keys as inert settings when pytest-qt is absent.

    Args:
        parser: The pytest option parser.
    """
    if _pytest_qt_installed():
        return
    for name, kind in QT_INI_KEYS.items():
        parser.addini(name, "inert: pytest-qt is not installed", type=kind)


def pytest_configure(config: pytest.Config) -> None:
    """Register pytest-qt's markers so --strict-markers accepts them.

    Args:
        config: The pytest configuration.
    """
    if _pytest_qt_installed():
        return
    for marker in QT_MARKERS:
        config.addinivalue_line("markers", f"{marker}: pytest-qt marker, inert without Qt")
