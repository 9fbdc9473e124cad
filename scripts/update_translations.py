"""Collect the UI's translatable strings into resources/translations/*.ts (pyside6-lupdate).

Run after changing user-visible strings, then translate the new entries (Qt Linguist opens the
.ts files). Existing translations are kept; strings no longer in the code are dropped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def ui_sources() -> list[Path]:
    """Return every Python file that may hold user-visible strings, in a stable order."""
    files = sorted((ROOT / "agentdesk" / "ui").rglob("*.py"))
    return [*files, ROOT / "agentdesk" / "app.py"]


def lupdate_command(ts_files: list[Path]) -> list[str]:
    """Return the pyside6-lupdate command that refreshes ``ts_files``."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    return [
        str(lupdate) if lupdate.exists() else "pyside6-lupdate",
        *(str(p.relative_to(ROOT)) for p in ui_sources()),
        "-locations", "none",
        "-no-obsolete",
        "-ts", *(str(p) for p in ts_files),
    ]


def main() -> int:
    """Refresh every .ts file; return lupdate's exit code."""
    ts_files = [TRANSLATIONS / f"agentdesk_{language}.ts" for language in LANGUAGES]
    return subprocess.call(lupdate_command(ts_files), cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
