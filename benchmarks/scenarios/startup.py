"""Start-up: the console's first paint and readiness against a bare PySide6 window."""

from __future__ import annotations

import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.launch import Launch, launch, offscreen_environment
from benchmarks.registry import RunContext, scenario
from benchmarks.results import MS, Goal, Result

BARE_WINDOW = Path(__file__).resolve().parent.parent / "bare_window.py"
FLOOR_NAME = "bare PySide6 window"
LAUNCH_TIMEOUT = 45.0
DEMO_TIMEOUT = 900.0
FIRST_PAINT_GOAL = Goal(max_ratio=1.5)
READY_GOAL = Goal(max_ratio=5.0)


@dataclass(frozen=True, slots=True)
class StartupFigures:
    """Median start-up times of the console and of the bare window, in milliseconds."""

    app: Launch
    bare: Launch


def app_command(profile: Path) -> list[str]:
    """Return the command that starts the demo console and reports its start-up."""
    return [sys.executable, "-m", "agentdesk.app", "--demo", "--profile", str(profile),
            "--startup-report"]


def create_demo_profile(profile: Path) -> None:
    """Create the demo workspace in ``profile`` (not measured).

    Raises:
        RuntimeError: ``agentdesk-admin demo-data`` failed; the message has its output.
    """
    command = [sys.executable, "-m", "agentdesk.cli", "demo-data", "--profile", str(profile)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=DEMO_TIMEOUT,
                          env=offscreen_environment(), check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n"
                           f"{done.stdout[-2000:]}{done.stderr[-4000:]}")


def _median(launches: list[Launch]) -> Launch:
    return Launch(
        first_paint_ms=statistics.median(x.first_paint_ms for x in launches),
        ready_ms=statistics.median(x.ready_ms for x in launches),
        launch_to_ready_ms=statistics.median(x.launch_to_ready_ms for x in launches),
    )


def measure_startup(context: RunContext) -> StartupFigures:
    """Start the console and the bare window alternately and take the medians.

    One unmeasured start of each comes first, so both are measured with warm file caches.
    """
    profile = context.work_dir / "startup-profile"
    create_demo_profile(profile)
    env = offscreen_environment()
    log = profile / "logs" / "agentdesk.log"

    def start_app() -> Launch:
        return launch(app_command(profile), env=env, timeout=LAUNCH_TIMEOUT, log_file=log)

    def start_bare() -> Launch:
        return launch([sys.executable, str(BARE_WINDOW)], env=env, timeout=LAUNCH_TIMEOUT)

    start_app()
    start_bare()
    app_runs: list[Launch] = []
    bare_runs: list[Launch] = []
    for _ in range(context.pick(quick=3, full=5)):
        app_runs.append(start_app())
        bare_runs.append(start_bare())
    return StartupFigures(app=_median(app_runs), bare=_median(bare_runs))


def _figures(context: RunContext) -> StartupFigures:
    return context.shared("startup", lambda: measure_startup(context))


@scenario("startup.first_paint", MS)
def first_paint(context: RunContext) -> Result:
    figures = _figures(context)
    return Result("startup.first_paint", figures.app.first_paint_ms, MS,
                  floor=figures.bare.first_paint_ms, floor_name=FLOOR_NAME,
                  goal=FIRST_PAINT_GOAL)


@scenario("startup.ready", MS)
def ready(context: RunContext) -> Result:
    figures = _figures(context)
    return Result("startup.ready", figures.app.ready_ms, MS, floor=figures.bare.ready_ms,
                  floor_name=FLOOR_NAME, goal=READY_GOAL)


@scenario("startup.launch_to_ready", MS)
def launch_to_ready(context: RunContext) -> Result:
    figures = _figures(context)
    return Result("startup.launch_to_ready", figures.app.launch_to_ready_ms, MS,
                  floor=figures.bare.launch_to_ready_ms, floor_name=FLOOR_NAME)
