"""``agentdesk-admin``: set up and look after AgentDesk databases from the command line."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa

from agentdesk import __version__
from agentdesk.config import SERVER_ENV, data_directory, server_password, store_server_password
from agentdesk.domain.errors import KnownError, ValidationError
from agentdesk.domain.people import Role
from agentdesk.services.clock import SystemClock
from agentdesk.services.workspace import create_demo_workspace, open_workspace
from agentdesk.store import migrate

EXIT_KNOWN_ERROR = 2


def _server_engine(url: str) -> sa.Engine:
    """Return an engine on the server database, with its password from the keyring if kept.

    A URL without a password and no keyring entry connects without one (trust, peer or
    certificate authentication); the server says so if it wants a password.
    """
    parsed = sa.engine.make_url(url)
    if parsed.password is None and parsed.username and not parsed.drivername.startswith("sqlite"):
        try:
            password = server_password(url)
        except KnownError:
            password = None
        if password:
            parsed = parsed.set(password=password)
    return sa.create_engine(parsed, hide_parameters=True)


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
    engine = _server_engine(url)
    try:
        before = migrate.current_revision(engine)
        migrate.upgrade(engine)
        after = migrate.current_revision(engine)
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
        raise KnownError(f"Cannot reach the server database: {exc.orig}",
                         code="server_unreachable") from exc
    finally:
        engine.dispose()
    masked = sa.engine.make_url(url).render_as_string(hide_password=True)
    print(f"{masked}: schema {before or 'empty'} -> {after}")
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

    init = commands.add_parser("init-server", help="create or upgrade the server schema")
    init.add_argument("--server", metavar="URL", help=f"SQLAlchemy URL (or ${SERVER_ENV})")
    init.set_defaults(run=cmd_init_server)

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


