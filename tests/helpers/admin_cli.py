"""Run ``agentdesk-admin`` in-process and capture what it printed."""

from __future__ import annotations

import pytest

from agentdesk import cli


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Return the exit code, standard output and standard error of one command."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
