"""``agentdesk-admin``: set up and look after AgentDesk databases from the command line."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from agentdesk import __version__
from agentdesk.config import (
    DEMO_SERVER_DB,
    LOCAL_DB,
    SERVER_ENV,
    data_directory,
    ensure_settings,
    load_settings,
    password_for,
    store_server_password,
)
from agentdesk.domain.errors import KnownError, ValidationError
from agentdesk.domain.people import Role, User
from agentdesk.services.clock import SystemClock
from agentdesk.services.workspace import Workspace, create_demo_workspace, open_workspace
from agentdesk.store import migrate
from agentdesk.sync.connection import (
    DEMO_PREFIX,
    display_url,
    server_engine,
    unavailable_as_known,
)

EXIT_KNOWN_ERROR = 2

# Who the knowledge-base commands act as: an administrator that exists only in this
# process (articles do not refer to users).
CLI_ADMINISTRATOR = User(id=uuid.UUID("00000000-0000-4000-8000-00000000ad01"),
                         username="agentdesk-admin", display_name="agentdesk-admin",
                         role=Role.ADMIN, team_id=None)


def _password(args: argparse.Namespace, url: str) -> str | None:
    """Return the server password: asked for with --ask-password, else from the keyring.

    A URL without a password and no keyring entry connects without one (trust, peer or
    certificate authentication); the server says so if it wants a password.
    """
    if getattr(args, "ask_password", False):
        return getpass.getpass(f"Password for {display_url(url)}: ")
    return password_for(url)


def _server_engine(args: argparse.Namespace, url: str) -> sa.Engine:
    """Return an engine on the server database at ``url``."""
    return server_engine(url, password=_password(args, url))


def cmd_server_password(args: argparse.Namespace) -> int:
    """Keep the server password in the OS keyring (asked for, never on the command line)."""
    url = _server_url(args)
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass(
        "Server password: ")
    store_server_password(url, password)
    print("Password kept in the system keyring")
    return 0


def _server_url(args: argparse.Namespace) -> str:
    url = args.server or os.environ.get(SERVER_ENV, "")
    if not url:
        raise KnownError(f"Give the server database with --server URL or ${SERVER_ENV}",
                         code="no_server")
    return str(url)


def cmd_init_server(args: argparse.Namespace) -> int:
    """Create or upgrade the server schema."""
    url = _server_url(args)
    engine = _server_engine(args, url)
    try:
        with unavailable_as_known():
            before = migrate.current_revision(engine)
            migrate.upgrade(engine)
            after = migrate.current_revision(engine)
    finally:
        engine.dispose()
    print(f"{display_url(url)}: schema {before or 'empty'} -> {after}")
    return 0


def _workspace_server(args: argparse.Namespace, directory: Path) -> str:
    """Return the server a workspace syncs with ("" if none).

    That is --server, else $AGENTDESK_SERVER_URL, else its settings, else the demo's
    embedded server.
    """
    url = args.server or os.environ.get(SERVER_ENV) or load_settings(directory).server_url
    if not url and (directory / DEMO_SERVER_DB).exists():
        url = DEMO_PREFIX + str(directory / DEMO_SERVER_DB)
    return str(url)


def cmd_sync(args: argparse.Namespace) -> int:
    """Run one sync round for a workspace and print what moved."""
    directory = data_directory(args.profile)
    if not (directory / LOCAL_DB).exists():
        raise KnownError(f"No workspace in {directory}", code="missing")
    url = _workspace_server(args, directory)
    if not url:
        raise KnownError("This workspace has no server: give --server URL or set "
                         f"${SERVER_ENV}", code="no_server")
    settings = ensure_settings(directory)
    workspace = open_workspace(directory, SystemClock(), server_url=url,
                               workstation_id=settings.workstation_id,
                               server_password=_password(args, url))
    try:
        assert workspace.sync is not None
        report = workspace.sync.run_round()
        status = workspace.status.snapshot()
    finally:
        workspace.close()
    figures = {"server": display_url(url), **report.as_dict(),
               "outbox": status.outbox_depth, "conflicts": status.conflicts,
               "rejected_total": status.rejected}
    print(json.dumps(figures, ensure_ascii=False, indent=2) if args.json else
          f"{figures['server']}: pushed {report.pushed} (merged {report.merged}, rejected "
          f"{report.rejected}), pulled {report.pulled} rows, cursor {report.cursor}, "
          f"{report.seconds:.2f} s; outbox {status.outbox_depth}, conflicts "
          f"{status.conflicts}, rejected in all {status.rejected}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Print a workspace's sync figures without contacting the server."""
    directory = data_directory(args.profile)
    if not (directory / LOCAL_DB).exists():
        raise KnownError(f"No workspace in {directory}", code="missing")
    workspace = open_workspace(directory, SystemClock())
    try:
        status = workspace.status.snapshot()
    finally:
        workspace.close()
    url = _workspace_server(args, directory)
    figures = {
        "server": display_url(url) if url else "",
        "outbox": status.outbox_depth,
        "oldest_unpushed_seconds": None if status.oldest_unpushed is None
        else int(status.oldest_unpushed.total_seconds()),
        "cursor": status.cursor,
        "last_sync": status.last_sync_at.isoformat() if status.last_sync_at else None,
        "conflicts": status.conflicts,
        "rejected": status.rejected,
    }
    print(json.dumps(figures, ensure_ascii=False, indent=2) if args.json else
          "\n".join(f"{k}: {'-' if v is None else v}" for k, v in figures.items()))
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    """Run the load simulator against a server; exit 1 if an invariant breaks."""
    from agentdesk.services.simulate import simulate

    url = _server_url(args)
    with tempfile.TemporaryDirectory(prefix="agentdesk-sim-") as work:
        report = simulate(url, agents=args.agents, seconds=args.seconds, work_dir=Path(work),
                          seed=args.seed, call_seconds=args.call_seconds,
                          password=_password(args, url), keep=args.keep,
                          progress=lambda text: print(f"  {text}", file=sys.stderr))
    figures = report.as_dict()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        latency = figures["sync_latency_ms"]
        print(f"{display_url(url)} ({figures['backend']}): {figures['agents']} agents, "
              f"{figures['seconds']} s")
        print(f"  calls        {figures['calls']} ({figures['calls_per_s']}/s)")
        print(f"  sync latency p50 {latency['p50']} ms, p99 {latency['p99']} ms")
        print(f"  leases       {figures['leases']} ({figures['leases_per_s']}/s)")
        print(f"  sync rounds  {figures['sync_rounds']} ({figures['failed_rounds']} failed)")
        for name, held in figures["invariants"].items():
            print(f"  {'PASS' if held else 'FAIL'}  {name.replace('_', ' ')}")
        for problem in figures["problems"]:
            print(f"  ! {problem}")
    return 0 if report.passed else 1


def cmd_purge(args: argparse.Namespace) -> int:
    """Remove tombstones older than --days from the server."""
    from datetime import timedelta

    from agentdesk.sync.server import ServerStore
    from agentdesk.sync.tombstones import purge_tombstones

    url = _server_url(args)
    server = ServerStore(_server_engine(args, url))
    try:
        report = purge_tombstones(server, timedelta(days=args.days))
    finally:
        server.dispose()
    total = sum(report.removed.values())
    print(f"{display_url(url)}: removed {total} tombstone(s) older than {args.days} days"
          + "".join(f"\n  {name}: {n}" for name, n in sorted(report.removed.items()))
          + (f"\n  kept {report.kept_referenced} still referenced" if report.kept_referenced
             else ""))
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    """Create the demo workspace in the data directory."""
    directory = data_directory(args.profile)
    if (directory / "agentdesk.db").exists() and not args.force:
        raise KnownError(f"{directory} already holds a workspace; add --force to replace it",
                         code="exists")
    started = time.perf_counter()
    server = create_demo_workspace(
        directory, seed=args.seed, now=datetime.now(UTC), customers=args.customers,
        progress=lambda step: print(f"  {step}…", file=sys.stderr),
    )
    print(f"Demo workspace in {directory} (server copy {server.name}) "
          f"in {time.perf_counter() - started:.1f} s")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    """Add a user to a workspace."""
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass(
        "Password: ")
    url = args.server or os.environ.get(SERVER_ENV, "")
    if url:  # reference data: added on the server, pulled by every workstation
        from agentdesk.services.auth import check_new_user
        from agentdesk.services.passwords import PasswordHasher
        from agentdesk.sync.server import ServerStore
        from agentdesk.sync.users import add_server_user

        username = check_new_user(args.username, password)
        server = ServerStore(_server_engine(args, url))
        try:
            server.handshake()
            add_server_user(server, username=username, display_name=args.name or username,
                            role=Role(args.role).value,
                            password_hash=PasswordHasher().hash(password))
        finally:
            server.dispose()
        print(f"Added {username} ({args.role}) on {display_url(url)}")
        return 0
    workspace = open_workspace(data_directory(args.profile), SystemClock())
    try:
        user = workspace.auth.add_user(args.username, args.name or args.username,
                                       Role(args.role), password)
    finally:
        workspace.close()
    print(f"Added {user.username} ({user.role.value})")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    """List the users of a workspace."""
    from agentdesk.store.users import SqlUserRepository

    workspace = open_workspace(data_directory(args.profile), SystemClock())
    try:
        users = SqlUserRepository(workspace.database, workspace.clock).list_users()
    finally:
        workspace.close()
    if args.json:
        print(json.dumps([{"username": u.username, "name": u.display_name, "role": u.role.value,
                           "active": u.active} for u in users], ensure_ascii=False, indent=2))
    else:
        for u in users:
            print(f"{u.username:<16} {u.role.value:<11} {u.display_name}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Check a workspace database: integrity, schema revision, outbox."""
    workspace = open_workspace(data_directory(args.profile), SystemClock())
    try:
        problems = workspace.database.check_integrity()
        status = workspace.status.snapshot()
        revision = migrate.current_revision(workspace.database.engine)
    finally:
        workspace.close()
    report = {"database": str(workspace.database.path), "schema": revision,
              "integrity": problems or "ok", "outbox": status.outbox_depth,
              "rejected": status.rejected}
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else
          "\n".join(f"{k}: {v}" for k, v in report.items()))
    return 1 if problems else 0


def cmd_find_customer(args: argparse.Namespace) -> int:
    """Search the customers of a workspace the way the console does."""
    from agentdesk.domain.customers import understand_query

    workspace = open_workspace(data_directory(args.profile), SystemClock())
    try:
        query = understand_query(args.query)
        rows = workspace.customer_repository.search(query, args.limit) if query else []
    finally:
        workspace.close()
    if args.json:
        print(json.dumps([{"id": str(r.id), "customer_no": r.customer_no, "name": r.name,
                           "phone": r.primary_e164, "city": r.city} for r in rows],
                         ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r.customer_no}  {r.name}  {r.primary_e164}  {r.city}")
    return 0


def _kb_workspace(args: argparse.Namespace) -> Workspace:
    """Open the workspace, syncing with its server (if any) so that imports reach it."""
    directory = data_directory(args.profile)
    url = _workspace_server(args, directory) if not args.dry_run else ""
    if not url:
        return open_workspace(directory, SystemClock())
    return open_workspace(directory, SystemClock(), server_url=url,
                          workstation_id=ensure_settings(directory).workstation_id,
                          server_password=_password(args, url))


def cmd_kb_import(args: argparse.Namespace) -> int:
    """Import articles from Markdown and CSV files; exit 1 if some files or rows were bad."""
    from agentdesk.services.kb_import import import_articles

    workspace = _kb_workspace(args)
    try:
        report = import_articles(workspace.knowledge_for(CLI_ADMINISTRATOR),
                                 [Path(p) for p in args.paths], dry_run=args.dry_run)
    finally:
        workspace.close()
    for problem in report.problems:
        print(problem)
    print(report.summary())
    return 1 if report.problems else 0


def cmd_kb_search(args: argparse.Namespace) -> int:
    """Search the published articles of a workspace the way the console does."""
    from agentdesk.domain.kb_text import Snippet

    def marked(snippet: Snippet) -> str:
        parts, at = [], 0
        for start, end in snippet.spans:
            parts += [snippet.text[at:start], "[", snippet.text[start:end], "]"]
            at = end
        return "".join(parts) + snippet.text[at:]

    workspace = open_workspace(data_directory(args.profile), SystemClock())
    try:
        hits = workspace.knowledge_for(CLI_ADMINISTRATOR).search(args.query, args.limit)
    finally:
        workspace.close()
    if args.json:
        print(json.dumps([{"rank": rank, "slug": h.slug, "title": h.title.text,
                           "kind": h.kind.value, "category": h.category,
                           "language": h.language, "in_title": h.in_title,
                           "snippet": h.snippet.text,
                           "title_spans": [list(s) for s in h.title.spans],
                           "snippet_spans": [list(s) for s in h.snippet.spans]}
                          for rank, h in enumerate(hits, 1)], ensure_ascii=False, indent=2))
    else:
        for rank, h in enumerate(hits, 1):
            print(f"{rank}. [{h.kind.value}] {marked(h.title)} ({h.slug}) — {marked(h.snippet)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the command line parser of ``agentdesk-admin``."""
    parser = argparse.ArgumentParser(prog="agentdesk-admin",
                                     description="Administer AgentDesk databases")
    parser.add_argument("--version", action="version", version=f"AgentDesk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    def profiled(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--profile", metavar="DIR", help="data directory of the workspace")
        return sub

    def served(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--server", metavar="URL", help=f"SQLAlchemy URL (or ${SERVER_ENV})")
        sub.add_argument("--ask-password", action="store_true",
                         help="ask for the server password instead of using the keyring")
        return sub

    init = served("init-server", "create or upgrade the server schema")
    init.set_defaults(run=cmd_init_server)

    sync = profiled("sync", "run one sync round for a workspace")
    sync.add_argument("--server", metavar="URL",
                      help="server database (default: the workspace's)")
    sync.add_argument("--ask-password", action="store_true",
                      help="ask for the server password instead of using the keyring")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(run=cmd_sync)

    status = profiled("status", "show a workspace's outbox, cursor, last sync and issues")
    status.add_argument("--server", metavar="URL", help=argparse.SUPPRESS)
    status.add_argument("--json", action="store_true")
    status.set_defaults(run=cmd_status)

    sim = served("simulate", "load-test a server with simulated agents")
    sim.add_argument("--agents", type=int, default=50)
    sim.add_argument("--seconds", type=float, default=60.0)
    sim.add_argument("--call-seconds", type=float, default=2.0,
                     help="mean simulated call length (wall-clock seconds)")
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--keep", action="store_true",
                     help="leave the simulated call center's rows on the server")
    sim.add_argument("--json", action="store_true")
    sim.set_defaults(run=cmd_simulate)

    purge = served("purge-tombstones", "remove deleted rows older than --days from the server")
    purge.add_argument("--days", type=int, default=30)
    purge.set_defaults(run=cmd_purge)

    secret = commands.add_parser("server-password",
                                 help="keep the server password in the system keyring")
    secret.add_argument("--server", metavar="URL", help=f"SQLAlchemy URL (or ${SERVER_ENV})")
    secret.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of standard input")
    secret.set_defaults(run=cmd_server_password)

    demo = profiled("demo-data", "create the demo workspace")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--customers", type=int, default=5000)
    demo.add_argument("--force", action="store_true", help="replace an existing workspace")
    demo.set_defaults(run=cmd_demo_data)

    user = commands.add_parser("user", help="manage users")
    user_commands = user.add_subparsers(dest="user_command", required=True)
    add = user_commands.add_parser("add", help="add a user (asks for the password)")
    add.add_argument("--profile", metavar="DIR")
    add.add_argument("--server", metavar="URL",
                     help=f"add the user on the server database (or ${SERVER_ENV})")
    add.add_argument("--ask-password", action="store_true",
                     help="ask for the server password instead of using the keyring")
    add.add_argument("username")
    add.add_argument("--name", help="display name")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.AGENT.value)
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input")
    add.set_defaults(run=cmd_user_add)
    listing = user_commands.add_parser("list", help="list users")
    listing.add_argument("--profile", metavar="DIR")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=cmd_user_list)

    check = profiled("check", "check a workspace database")
    check.add_argument("--json", action="store_true")
    check.set_defaults(run=cmd_check)

    find = profiled("find-customer", "search customers as the console does")
    find.add_argument("query")
    find.add_argument("--limit", type=int, default=20)
    find.add_argument("--json", action="store_true")
    find.set_defaults(run=cmd_find_customer)

    kb = commands.add_parser("kb", help="knowledge base: import and search articles")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True)
    kb_import = kb_commands.add_parser(
        "import", help="import articles from Markdown (with front matter) and CSV files")
    kb_import.add_argument("paths", nargs="+", metavar="PATH", help="file or directory")
    kb_import.add_argument("--profile", metavar="DIR")
    kb_import.add_argument("--dry-run", action="store_true",
                           help="check the files and report, save nothing")
    kb_import.add_argument("--server", metavar="URL",
                           help="server database (default: the workspace's)")
    kb_import.add_argument("--ask-password", action="store_true",
                           help="ask for the server password instead of using the keyring")
    kb_import.set_defaults(run=cmd_kb_import)
    kb_search = kb_commands.add_parser("search", help="search published articles")
    kb_search.add_argument("query")
    kb_search.add_argument("--profile", metavar="DIR")
    kb_search.add_argument("--limit", type=int, default=20)
    kb_search.add_argument("--json", action="store_true")
    kb_search.set_defaults(run=cmd_kb_search)
    from agentdesk.cli_scripts import add_script_commands

    add_script_commands(commands)
    from agentdesk.cli_dispatch import add_dispatch_commands

    add_dispatch_commands(commands)
    return parser


def _explain(error: KnownError) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(f"{field}: {problem}" for field, problem in error.problems.items())
    return str(error)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``agentdesk-admin``; return the exit code (2 for a known error)."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KnownError as error:
        print(f"agentdesk-admin: {_explain(error)}", file=sys.stderr)
        return EXIT_KNOWN_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())


