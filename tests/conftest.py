"""Test configuration shared by every suite: offscreen Qt, a fixed clock, temp workspaces."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Before any Qt import: GUI tests render off-screen, on any machine.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from agentdesk.services.clock import FixedClock  # noqa: E402
from agentdesk.services.passwords import fast_hasher  # noqa: E402
from agentdesk.services.workspace import Workspace, open_workspace  # noqa: E402

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)  # 14:30 in Shanghai, a Monday


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def workspace(tmp_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "ws", clock, hasher=fast_hasher())
    yield ws
    ws.close()
