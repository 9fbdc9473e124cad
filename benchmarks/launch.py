"""Launch a program that reports ``first_paint`` and ``ready`` lines and time it from outside."""

from __future__ import annotations

import os
import queue
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

EXIT_GRACE_SECONDS = 30.0


class LaunchError(RuntimeError):
    """The program did not report ready in time, or exited without reporting it."""


@dataclass(frozen=True, slots=True)
class Launch:
    """One start of a program, in milliseconds.

    Attributes:
        first_paint_ms: When its window first painted, as the program reports it.
        ready_ms: When it was ready, as the program reports it.
        launch_to_ready_ms: Wall time from starting the process to reading its ``ready`` line,
            interpreter start and module imports included.
    """

    first_paint_ms: float
    ready_ms: float
    launch_to_ready_ms: float


def offscreen_environment() -> dict[str, str]:
    """Return this process's environment with Qt's off-screen platform selected."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _read_lines(stream: IO[str], lines: queue.Queue[tuple[str | None, float]]) -> None:
    for line in stream:
        lines.put((line.strip(), time.perf_counter()))
    lines.put((None, time.perf_counter()))


def launch(
    command: Sequence[str],
    *,
    env: Mapping[str, str],
    timeout: float,
    log_file: Path | None = None,
) -> Launch:
    """Start ``command``, wait for its ``ready`` line and for it to exit; return the times.

    Args:
        command: The program and its arguments.
        env: Its environment.
        timeout: Seconds to wait for ``ready``.
        log_file: The program's log, quoted in the error when it fails.

    Raises:
        LaunchError: no ``ready`` line within ``timeout`` seconds, a missing ``first_paint``,
            or a failing exit status; the message ends with the program's error output.
    """
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command), stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL,
            env=dict(env), text=True, encoding="utf-8", errors="replace",
        )
        assert process.stdout is not None
        lines: queue.Queue[tuple[str | None, float]] = queue.Queue()
        reader = threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True)
        reader.start()
        reported: dict[str, float] = {}
        ready_at: float | None = None
        deadline = started + timeout
        try:
            while ready_at is None:
                remaining = deadline - time.perf_counter()
                try:
                    line, at = lines.get(timeout=max(remaining, 0.0))
                except queue.Empty:
                    raise _failure(f"no 'ready' within {timeout:g} s", command, errors,
                                   log_file) from None
                if line is None:
                    raise _failure("exited without reporting 'ready'", command, errors, log_file)
                key, _, value = line.partition(" ")
                if key in ("first_paint", "ready"):
                    reported[key] = float(value)
                    if key == "ready":
                        ready_at = at
            status = process.wait(timeout=EXIT_GRACE_SECONDS)
        except BaseException:
            process.kill()
            process.wait()
            raise
        finally:
            reader.join(timeout=5)
            process.stdout.close()
        if status != 0:
            raise _failure(f"exit status {status}", command, errors, log_file)
        if "first_paint" not in reported:
            raise _failure("reported 'ready' without 'first_paint'", command, errors,
                           log_file)
    return Launch(
        first_paint_ms=reported["first_paint"] * 1000,
        ready_ms=reported["ready"] * 1000,
        launch_to_ready_ms=(ready_at - started) * 1000,
    )


def _failure(
    what: str, command: Sequence[str], errors: IO[str], log_file: Path | None
) -> LaunchError:
    errors.flush()
    errors.seek(0)
    text = f"{' '.join(command)}: {what}\n--- its error output ---\n{errors.read()[-4000:]}"
    if log_file is not None and log_file.exists():
        log = log_file.read_text(encoding="utf-8", errors="replace")
        text += f"\n--- the end of {log_file.name} ---\n{log[-4000:]}"
    return LaunchError(text)
