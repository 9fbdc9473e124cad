"""The JSON source data of the demo workspace, shipped in the package's data folder."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def load(name: str) -> Any:
    """Return the parsed contents of ``data/<name>.json``.

    Args:
        name: File name without the extension, e.g. ``"cities"``.
    """
    source = resources.files("agentdesk.services.demo").joinpath("data", f"{name}.json")
    return json.loads(source.read_text(encoding="utf-8"))
