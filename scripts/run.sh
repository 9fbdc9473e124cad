#!/usr/bin/env bash
# Start AgentDesk from the source tree, setting up .venv first when needed.
# Arguments go to the app, e.g. scripts/run.sh --demo, scripts/run.sh --profile /tmp/agent1
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
# Progress goes to stderr so that the app's own output (--version) stays clean.
bash "$root/scripts/bootstrap.sh" >&2
exec "$root/.venv/bin/agentdesk" "$@"
