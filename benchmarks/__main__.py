"""``python -m benchmarks [NAME_PREFIX ...] [--quick] [--json PATH]``: run and print a table."""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from benchmarks.registry import (
    CACHE_DIR,
    RunContext,
    Scenario,
    SharedStepFailed,
    load_scenarios,
    select,
)
from benchmarks.results import Result, crashed, render_table, write_json

EXIT_CRASHED = 1
EXIT_USAGE = 2


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Return the parsed command line."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure AgentDesk against floors measured in the same run.",
    )
    parser.add_argument("names", nargs="*", metavar="NAME_PREFIX",
                        help="run only scenarios whose name starts with one of these "
                             "(e.g. startup, screen_pop.p99); all by default")
    parser.add_argument("--quick", action="store_true",
                        help="smaller data and fewer repetitions (about a minute)")
    parser.add_argument("--json", metavar="PATH", type=Path, help="also save the results here")
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    return parser.parse_args(argv)


def run_scenario(item: Scenario, context: RunContext) -> Result:
    """Measure one scenario; a scenario that raises gives a ``crashed`` row."""
    print(f"  {item.name} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    try:
        result = item.measure(context)
    except SharedStepFailed as exc:
        print(f"{item.name} crashed: {exc}", file=sys.stderr, flush=True)
        return crashed(item.name, item.unit)
    except Exception:
        print(f"{item.name} crashed:\n{traceback.format_exc()}", file=sys.stderr, flush=True)
        return crashed(item.name, item.unit)
    print(f"  {item.name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return result


def environment_line(quick: bool) -> str:
    """Describe the machine and the run in one line."""
    return (f"AgentDesk benchmarks{' (quick)' if quick else ''}: Python "
            f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the selected scenarios; return 0, or 1 when a scenario crashed."""
    args = parse_args(argv)
    try:
        chosen = select(load_scenarios(), args.names)
    except LookupError as exc:
        print(f"python -m benchmarks: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.list:
        print("\n".join(s.name for s in chosen))
        return 0
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="agentdesk-bench-") as scratch:
        context = RunContext(quick=args.quick, cache_dir=CACHE_DIR, work_dir=Path(scratch))
        try:
            results = [run_scenario(item, context) for item in chosen]
        finally:
            context.close()
    print(environment_line(args.quick))
    print(render_table(results))
    if args.json:
        write_json(results, args.json)
    return EXIT_CRASHED if any(r.crashed for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
