#!/usr/bin/env bash
# The whole check: lint, types, layer contracts, the full test suite, then the unit tests again
# in an environment without Qt. Extra arguments go to the full pytest run.
# Exits non-zero if any step fails; every step runs even after a failure.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export QT_QPA_PLATFORM=offscreen

started=$SECONDS
passed=""
failed=""

step() {
    # step NAME COMMAND...: run one check and record its outcome.
    local name=$1 begun=$SECONDS status=0
    shift
    printf '\n==> %s\n' "$name"
    "$@" || status=$?
    if [ "$status" = 0 ]; then
        passed="$passed $name"
        printf '<== %s ok (%ss)\n' "$name" $((SECONDS - begun))
    else
        failed="$failed $name"
        printf '<== %s FAILED, exit %s (%ss)\n' "$name" "$status" $((SECONDS - begun))
    fi
}

# Test processes: one per CPU, at most 4 (the PostgreSQL and MariaDB servers are shared).
workers=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
[ "$workers" -gt 4 ] 2>/dev/null && workers=4
[ "$workers" -ge 1 ] 2>/dev/null || workers=2

pytest_step() {
    # Runs pytest; "no tests collected" (exit 5) is a failure with its own message.
    local status=0
    "$@" || status=$?
    if [ "$status" = 5 ]; then
        echo "pytest collected no tests" >&2
    fi
    return "$status"
}

core_has_no_qt() {
    if .venv-core/bin/python -c "import PySide6" >/dev/null 2>&1; then
        echo "PySide6 is importable in .venv-core; the layer proof needs an environment without Qt" >&2
        return 1
    fi
    .venv-core/bin/python - <<'PY' || return 1
import importlib.util
import sys

present = [m for m in ("shiboken6", "pyqtgraph", "pytestqt") if importlib.util.find_spec(m)]
if present:
    sys.exit(f"installed in .venv-core but must not be: {', '.join(present)}")
PY
    echo "core environment has no Qt: ok"
}

core_pytest() {
    # pyproject.toml configures pytest-qt (qt_api, qt_log_level_fail) under --strict-config.
    # scripts/pytest_noqt.py declares those keys as inert, so the same configuration applies
    # unchanged in the environment that has neither Qt nor pytest-qt.
    PYTHONPATH="$root/scripts${PYTHONPATH:+:$PYTHONPATH}" \
        pytest_step .venv-core/bin/python -m pytest -p pytest_noqt -n "$workers" tests/unit
}

bash scripts/bootstrap.sh
bash scripts/ensure_services.sh

step ruff .venv/bin/ruff check .
step mypy .venv/bin/mypy
step import-linter .venv/bin/lint-imports
step pytest pytest_step .venv/bin/python -m pytest -n "$workers" "$@"

step core-bootstrap bash scripts/bootstrap.sh --core
case " $failed " in
    *" core-bootstrap "*) failed="$failed core-no-qt core-pytest" ;;
    *)
        step core-no-qt core_has_no_qt
        step core-pytest core_pytest
        ;;
esac

echo
total=$((SECONDS - started))
if [ -n "$failed" ]; then
    echo "test.sh: FAILED:$failed (ok:${passed:- none}) in ${total}s"
    exit 1
fi
echo "test.sh: all checks ok:$passed in ${total}s"
