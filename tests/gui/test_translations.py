"""Every user-visible string is in the Chinese catalogue, translated, and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import update_translations  # noqa: E402


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_catalogue_matches_the_code(tmp_path: Path) -> None:
    committed = ROOT / "resources" / "translations" / "agentdesk_zh_CN.ts"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    command = update_translations.lupdate_command([fresh])
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    assert set(_messages(fresh)) == set(_messages(committed)), (
        "strings changed: run scripts/update_translations.py and translate the new ones")


def test_every_chinese_message_is_translated() -> None:
    messages = _messages(ROOT / "resources" / "translations" / "agentdesk_zh_CN.ts")
    missing = [
        source for (_context, source), message in messages.items()
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not "".join(translation.itertext()).strip()
    ]
    assert missing == []
    assert len(messages) > 100


def test_compiled_catalogues_load() -> None:
    from PySide6.QtCore import QTranslator

    from agentdesk.ui.i18n import translations_dir

    for language in ("zh_CN", "en"):
        translator = QTranslator()
        assert translator.load(str(translations_dir() / f"agentdesk_{language}.qm"))
    translator = QTranslator()
    translator.load(str(translations_dir() / "agentdesk_zh_CN.qm"))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
