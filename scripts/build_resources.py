"""Compile translations and copy icons from resources/ into the agentdesk package."""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources"
TARGET = ROOT / "agentdesk" / "resources"
APP_ICON = SOURCE / "icons" / "agentdesk.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


class BuildError(Exception):
    """A resource could not be built; the message says why."""


@dataclass(frozen=True)
class Unfinished:
    """One message of a .ts file that still lacks a finished translation.

    Attributes:
        ts_file: The translation source holding the message.
        context: The Qt translation context (usually a class name).
        source: The untranslated source text.
        reason: ``"unfinished"`` or ``"empty"``.
    """

    ts_file: Path
    context: str
    source: str
    reason: str


def is_stale(target: Path, sources: Iterable[Path]) -> bool:
    """Tell whether ``target`` is missing or older than any of ``sources``.

    Args:
        target: The generated file.
        sources: The files it is generated from.

    Returns:
        True when the target has to be (re)built.
    """
    if not target.exists():
        return True
    built = target.stat().st_mtime
    return any(source.stat().st_mtime > built for source in sources)


def find_lrelease() -> Path | None:
    """Locate Qt's lrelease as shipped with PySide6.

    Looks next to the running interpreter (a virtual environment's ``bin`` or ``Scripts``),
    then inside the installed PySide6 package, then on PATH.

    Returns:
        The executable, or None when none is found.
    """
    exe = ".exe" if os.name == "nt" else ""
    candidates = [Path(sys.executable).parent / f"pyside6-lrelease{exe}"]
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidates.append(Path(location) / f"lrelease{exe}")
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    for name in ("pyside6-lrelease", "lrelease-qt6", "lrelease"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def compile_translations(source_dir: Path, target_dir: Path) -> int:
    """Compile every ``*.ts`` under ``source_dir`` into a ``*.qm`` in ``target_dir``.

    Args:
        source_dir: Directory holding the Qt Linguist sources.
        target_dir: Directory receiving the compiled catalogues; created when missing.

    Returns:
        The number of catalogues compiled (up-to-date ones are not counted).

    Raises:
        BuildError: If lrelease is missing or fails.
    """
    target_dir.mkdir(parents=True, exist_ok=True)
    sources = sorted(source_dir.glob("*.ts"))
    wanted = {ts.with_suffix(".qm").name for ts in sources}
    for orphan in target_dir.glob("*.qm"):
        if orphan.name not in wanted:
            orphan.unlink()
    stale = [ts for ts in sources if is_stale(target_dir / ts.with_suffix(".qm").name, [ts])]
    if not stale:
        return 0
    lrelease = find_lrelease()
    if lrelease is None:
        raise BuildError(
            "pyside6-lrelease not found: install PySide6-Essentials in this environment "
            '(pip install -e ".[dev]") or put lrelease on PATH'
        )
    for ts in stale:
        qm = target_dir / ts.with_suffix(".qm").name
        result = subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not qm.exists():
            details = (result.stderr or result.stdout).strip()
            raise BuildError(
                f"lrelease failed on {_display(ts)} (exit {result.returncode})"
                + (f":\n{details}" if details else "")
            )
    return len(stale)


def copy_if_newer(files: Iterable[Path], target_dir: Path, prune_glob: str | None = None) -> int:
    """Copy files into ``target_dir`` unless the copy there is already up to date.

    Args:
        files: The files to copy.
        target_dir: The destination directory; created when missing.
        prune_glob: When given, files in ``target_dir`` matching it that have no source are
            removed.

    Returns:
        The number of files copied.
    """
    target_dir.mkdir(parents=True, exist_ok=True)
    files = list(files)
    if prune_glob is not None:
        names = {f.name for f in files}
        for orphan in target_dir.glob(prune_glob):
            if orphan.name not in names:
                orphan.unlink()
    copied = 0
    for source in files:
        target = target_dir / source.name
        if is_stale(target, [source]):
            shutil.copy2(source, target)
            copied += 1
    return copied


def build(source: Path = SOURCE, target: Path = TARGET) -> list[str]:
    """Bring ``target`` up to date with ``source``.

    Args:
        source: The repository's resources directory.
        target: The package's generated resources directory.

    Returns:
        Short descriptions of the work done; empty when everything was up to date.

    Raises:
        BuildError: If a translation cannot be compiled.
    """
    done: list[str] = []
    compiled = compile_translations(source / "translations", target / "translations")
    if compiled:
        done.append(f"{compiled} translation(s) compiled")
    icons = copy_if_newer(sorted((source / "icons").glob("*.svg")), target / "icons", "*.svg")
    if icons:
        done.append(f"{icons} icon(s) copied")
    desktop = [p for p in [source / "agentdesk.desktop"] if p.exists()]
    if copy_if_newer(desktop, target):
        done.append("desktop entry copied")
    return done


def write_ico(svg: Path, ico: Path, sizes: Iterable[int] = ICO_SIZES) -> None:
    """Render an SVG into a Windows .ico holding one PNG image per size.

    Uses PySide6's SVG renderer, so it needs the full (Qt) environment.

    Args:
        svg: The source image.
        ico: The icon file to write; its directory is created when missing.
        sizes: Edge lengths in pixels, each at most 256.

    Raises:
        BuildError: If the SVG cannot be read.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"{_display(svg)}: not a valid SVG")
    images: list[tuple[int, bytes]] = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QImageWriter(buffer, QByteArray(b"png"))
        if not writer.write(image):
            raise BuildError(f"cannot encode the icon as PNG: {writer.errorString()}")
        buffer.close()
        images.append((size, bytes(data.data())))
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, png in images:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    ico.parent.mkdir(parents=True, exist_ok=True)
    ico.write_bytes(header + entries + b"".join(png for _, png in images))
    del app


def _display(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _text(element: ET.Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def _language(code: str) -> str:
    return code.replace("-", "_").lower()


def is_source_language(root: ET.Element) -> bool:
    """Tell whether a .ts file is the catalogue of the source texts' own language.

    Its messages need no translation: Qt shows the source text, which is already right.

    Args:
        root: The ``<TS>`` element of the file.

    Returns:
        True when the ``language`` attribute equals ``sourcelanguage`` (English when absent).
    """
    language = root.get("language")
    return language is not None and _language(language) == _language(
        root.get("sourcelanguage") or "en"
    )


def unfinished_messages(ts_file: Path) -> list[Unfinished]:
    """List the messages of a .ts file that are unfinished or have no translation.

    Obsolete and vanished messages are ignored, as lrelease ignores them, and so is the whole
    catalogue of the source language.

    Args:
        ts_file: A Qt Linguist translation source.

    Returns:
        The messages still to translate, in file order.

    Raises:
        BuildError: If the file is not well-formed XML.
    """
    try:
        root = ET.parse(ts_file).getroot()
    except ET.ParseError as error:
        raise BuildError(f"{_display(ts_file)}: not valid XML: {error}") from error
    if is_source_language(root):
        return []
    found: list[Unfinished] = []
    for context in root.iter("context"):
        context_name = _text(context.find("name"))
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else ""
            if kind in ("obsolete", "vanished"):
                continue
            source_text = _text(message.find("source"))
            if kind == "unfinished":
                found.append(Unfinished(ts_file, context_name, source_text, "unfinished"))
            elif not _text(translation):
                found.append(Unfinished(ts_file, context_name, source_text, "empty"))
    return found


def check(source: Path = SOURCE) -> int:
    """Report every untranslated message of every .ts file.

    Args:
        source: The repository's resources directory.

    Returns:
        0 when all translations are finished, 1 otherwise.
    """
    problems: list[Unfinished] = []
    ts_files = sorted((source / "translations").glob("*.ts"))
    for ts in ts_files:
        problems.extend(unfinished_messages(ts))
    for problem in problems:
        where = _display(problem.ts_file)
        print(f"{where}: {problem.reason}: [{problem.context}] {problem.source!r}")
    if problems:
        print(f"{len(problems)} message(s) not translated", file=sys.stderr)
        return 1
    print(f"translations complete ({len(ts_files)} file(s))")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Build the package resources, or check the translations with ``--check``.

    Args:
        argv: Command-line arguments without the program name; ``sys.argv[1:]`` when None.

    Returns:
        The process exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--check",
        action="store_true",
        help="build nothing; exit 1 if any .ts file has unfinished or empty translations",
    )
    parser.add_argument(
        "--ico",
        type=Path,
        metavar="PATH",
        help="also render the app icon into a Windows .ico file at PATH (needs PySide6)",
    )
    args = parser.parse_args(argv)
    try:
        if args.check:
            return check()
        done = build()
        if args.ico is not None:
            write_ico(APP_ICON, args.ico)
            done.append(f"icon written to {args.ico}")
    except BuildError as error:
        print(f"build_resources: {error}", file=sys.stderr)
        return 1
    print("resources: " + (", ".join(done) if done else "up to date"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
