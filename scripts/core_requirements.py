"""Print the Qt-free runtime requirements of AgentDesk, one per line, from pyproject.toml."""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QT_PREFIXES = ("pyside6", "shiboken6", "pyqtgraph")
TEST_TOOLS = ("pytest", "pytest-xdist", "hypothesis")
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")


def normalize(name: str) -> str:
    """Return a distribution name in its PEP 503 normalized form.

    Args:
        name: A distribution name as written in a requirement.

    Returns:
        The lower-cased name with runs of ``-``, ``_`` and ``.`` turned into ``-``.
    """
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> tuple[str, list[str]]:
    """Split a PEP 508 requirement into its normalized name and its extras.

    Args:
        requirement: A requirement string such as ``"psycopg[binary]>=3.2"``.

    Returns:
        The normalized name and the list of extras named in brackets.

    Raises:
        ValueError: If the string does not start with a distribution name.
    """
    match = _NAME.match(requirement)
    if match is None:
        raise ValueError(f"not a requirement: {requirement!r}")
    extras = [e.strip() for e in (match.group(2) or "").split(",") if e.strip()]
    return normalize(match.group(1)), extras


def expand(project: dict[str, Any], requirements: list[str], seen: set[str]) -> list[str]:
    """Resolve references to the project's own extras (``agentdesk[server]``).

    Args:
        project: The ``[project]`` table of pyproject.toml.
        requirements: Requirement strings, possibly naming the project itself.
        seen: Extras already expanded, to stop cycles.

    Returns:
        The requirements with every self-reference replaced by the extra's entries.
    """
    own_name = normalize(project["name"])
    extras_table: dict[str, list[str]] = project.get("optional-dependencies", {})
    result: list[str] = []
    for requirement in requirements:
        name, extras = requirement_name(requirement)
        if name != own_name:
            result.append(requirement.strip())
            continue
        for extra in extras:
            if extra not in seen:
                seen.add(extra)
                result.extend(expand(project, extras_table.get(extra, []), seen))
    return result


def core_requirements(pyproject: Path, with_test_tools: bool = False) -> list[str]:
    """Return the dependencies plus the ``server`` extra, without Qt packages.

    Args:
        pyproject: Path of the pyproject.toml to read.
        with_test_tools: Also return the pytest, pytest-xdist and hypothesis entries of the ``dev``
            extra.

    Returns:
        Requirement strings in their original spelling, environment markers kept, no duplicates.
    """
    with pyproject.open("rb") as handle:
        project: dict[str, Any] = tomllib.load(handle)["project"]
    extras_table: dict[str, list[str]] = project.get("optional-dependencies", {})
    wanted = list(project.get("dependencies", [])) + list(extras_table.get("server", []))
    requirements = expand(project, wanted, {"server"})
    if with_test_tools:
        dev = expand(project, list(extras_table.get("dev", [])), {"dev"})
        requirements += [r for r in dev if requirement_name(r)[0] in TEST_TOOLS]
    result: list[str] = []
    for requirement in requirements:
        if requirement_name(requirement)[0].startswith(QT_PREFIXES):
            continue
        if requirement not in result:
            result.append(requirement)
    return result


def main(argv: list[str] | None = None) -> int:
    """Print the requirements; see ``--help``.

    Args:
        argv: Command-line arguments without the program name; ``sys.argv[1:]`` when None.

    Returns:
        The process exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--with-test-tools",
        action="store_true",
        help="also print the pytest, pytest-xdist and hypothesis requirements of the dev extra",
    )
    parser.add_argument(
        "--pyproject", type=Path, default=ROOT / "pyproject.toml", help="pyproject.toml to read"
    )
    args = parser.parse_args(argv)
    for requirement in core_requirements(args.pyproject, args.with_test_tools):
        print(requirement)
    return 0


if __name__ == "__main__":
    sys.exit(main())
