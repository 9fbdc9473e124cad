"""``agentdesk-admin dispatch``: handover loads, dispatch sheets, hand-overs, results files."""

from __future__ import annotations

import argparse
import json
import uuid
from datetime import date
from pathlib import Path

from agentdesk.cli import CLI_ADMINISTRATOR
from agentdesk.config import LOCAL_DB, data_directory
from agentdesk.domain.errors import KnownError, NotFoundError
from agentdesk.domain.people import Capability, User
from agentdesk.services.clock import SystemClock
from agentdesk.services.dispatch import WHOLE_ROUND, DispatchService
from agentdesk.services.dispatch_files import (
    LANGUAGES,
    cash_text,
    round_name,
    sheet_file_name,
    write_sheet_csv,
)
from agentdesk.services.result_files import FileProblem, read_results_file
from agentdesk.services.workspace import Workspace, open_workspace

EXIT_REFUSED = 1
EXIT_UNUSABLE = 2
FORMATS = ("csv", "pdf")
#: ``--hall`` values that are not a hall's name.
TEAM = "team"

# What a result breaks, by the code import_results gives it (the detail is the order number).
_RULES = {
    "status_closed": "the order is already closed (delivered, refused or cancelled)",
    "status_not_allowed": "this result cannot follow the order's current status",
    "reason_required": "a reason is required for a failed, refused or rescheduled delivery",
    "reason_too_long": "the reason is too long",
    "collected_invalid": "the amount collected is not a valid amount",
    "collected_mismatch": "cash on delivery: the amount collected must be the order total",
    "collected_not_expected": "an amount collected is given only for a delivered order",
    "reschedule_date_required": "a rescheduled delivery needs its new date",
    "reschedule_date_past": "the new date must be after today",
    "reschedule_date_too_far": "the new date is too far ahead",
    "reschedule_date_not_expected": "a new date is given only for a rescheduled delivery",
    "reporter_too_long": "the reporter's name is too long",
}


def _open(args: argparse.Namespace) -> Workspace:
    """Open an existing workspace (never creating one)."""
    directory = data_directory(args.profile)
    if not (directory / LOCAL_DB).exists():
        raise KnownError(f"No workspace in {directory}", code="missing")
    return open_workspace(directory, SystemClock())


def _acting(workspace: Workspace, username: str) -> User:
    """The user named by ``--as``, who must be allowed to manage deliveries.

    Hand-overs and results are recorded under a real user's name, so the command needs one.
    """
    from agentdesk.store.users import SqlUserRepository

    found = SqlUserRepository(workspace.database, workspace.clock).find_credentials(username)
    if found is None:
        raise NotFoundError(f"--as: no user {username[:40]!r} in this workspace")
    user = found[0]
    if not user.active:
        raise KnownError(f"--as: the account {user.username!r} is disabled",
                         code="not_allowed")
    if not user.can(Capability.MANAGE_DELIVERIES):
        raise KnownError(f"--as: {user.username} ({user.role.value}) cannot manage "
                         "deliveries; use a supervisor's account", code="not_allowed")
    return user


def _round(service: DispatchService, name: str) -> uuid.UUID:
    """The round called ``name`` (either language, or its handover time), with a clear error."""
    try:
        return service.round_by_name(name)
    except NotFoundError:
        rounds = {load.slot.round.id: load.slot.round for load in service.loads()}
        known = "; ".join(f"{r.handover_at:%H:%M} ({r.name_en or r.name})"
                          for r in sorted(rounds.values(), key=lambda r: r.handover_at))
        raise NotFoundError(f"--round: no round {name[:40]!r} (rounds: {known or 'none'})",
                            code="round_not_found") from None


def _hall(service: DispatchService, value: str) -> uuid.UUID | str | None:
    """The ``--hall`` chosen: None for the delivery team, ``all``, or a hall's id."""
    wanted = value.strip().casefold()
    if wanted == TEAM:
        return None
    if wanted == WHOLE_ROUND:
        return WHOLE_ROUND
    halls = service.halls()
    for hall in halls:
        if wanted in (hall.name.casefold(), hall.name_en.casefold(), str(hall.id)):
            return hall.id
    known = ", ".join(hall.name_en or hall.name for hall in halls)
    raise NotFoundError(f"--hall: no hall {value[:40]!r} (halls: {known or 'none'}; or "
                        f"{TEAM}, {WHOLE_ROUND})", code="hall_not_found")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


# ----------------------------------------------------------------------------- loads

def cmd_dispatch_loads(args: argparse.Namespace) -> int:
    """List recent and coming handovers with their orders against capacity."""
    workspace = _open(args)
    try:
        loads = workspace.dispatch_for(CLI_ADMINISTRATOR).loads()
    finally:
        workspace.close()
    rows = [{"round": load.slot.round.name_en or load.slot.round.name,
             "round_zh": load.slot.round.name,
             "handover": f"{load.slot.handover:%Y-%m-%d %H:%M}",
             "delivery_date": load.slot.delivery_date.isoformat(),
             "booked": load.booked, "capacity": load.capacity,
             "state": "over" if load.over else "full" if load.full else ""} for load in loads]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No delivery rounds")
        return 0
    header = ["round", "handover", "delivery", "booked/capacity", ""]
    cells = [header] + [[_printable(str(r["round"])), r["handover"], r["delivery_date"],
                         f"{r['booked']}/{r['capacity']}", str(r["state"]).upper()]
                        for r in rows]
    widths = [max(len(str(row[i])) for row in cells) for i in range(len(header))]
    for row in cells:
        print("  ".join(str(cell).rjust(w) if i == 3 else str(cell).ljust(w)
                        for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip())
    return 0


# ----------------------------------------------------------------------------- sheet

def cmd_dispatch_sheet(args: argparse.Namespace) -> int:
    """Write a handover's dispatch sheet as CSV or PDF."""
    workspace = _open(args)
    try:
        service = workspace.dispatch_for(CLI_ADMINISTRATOR)
        round_id = _round(service, args.round)
        hall = _hall(service, args.hall)
        sheet = service.sheet(round_id, args.date, hall)
    finally:
        workspace.close()
    name = sheet_file_name(sheet, args.format)
    if hall == WHOLE_ROUND:  # the sheet itself does not say it is the whole round's
        name = name.replace("-home.", "-all.")
    target = Path(args.output) if args.output else Path.cwd() / name
    if target.is_dir():
        target = target / name
    pages = ""
    if args.format == "pdf":
        from agentdesk.ui.orders.desk_print import write_pdf_without_display

        count = write_pdf_without_display(sheet, target, args.lang)
        pages = f", {count} page{'' if count == 1 else 's'}"
    else:
        write_sheet_csv(sheet, target, args.lang)
    orders = len(sheet.lines)
    print(f"Wrote {_printable(round_name(sheet, 'en'))} {sheet.handover:%Y-%m-%d %H:%M}: "
          f"{orders} order{'' if orders == 1 else 's'}, cash to collect "
          f"{cash_text(sheet, 'en')}{pages} to {target}")
    return 0


# ------------------------------------------------------------------------- hand-over

def cmd_dispatch_hand_over(args: argparse.Namespace) -> int:
    """Mark a sheet's orders as handed over to the delivery team or a hall."""
    workspace = _open(args)
    try:
        service = workspace.dispatch_for(_acting(workspace, args.acting_user))
        round_id = _round(service, args.round)
        hall = _hall(service, args.hall)
        handed = service.hand_over(round_id, args.date, hall)
    finally:
        workspace.close()
    if hall is None:
        who = "the delivery team"
    elif hall == WHOLE_ROUND:
        who = "the delivery team and the halls"
    else:
        who = args.hall
    print(f"Handed over {handed} order{'' if handed == 1 else 's'} to {who}")
    return 0


# ---------------------------------------------------------------------------- cancel

def cmd_dispatch_cancel(args: argparse.Namespace) -> int:
    """Cancel an order that has not gone out, with the customer's reason."""
    workspace = _open(args)
    try:
        service = workspace.dispatch_for(_acting(workspace, args.acting_user))
        service.cancel(args.order_no, args.reason)
    finally:
        workspace.close()
    print(f"Cancelled order {_printable(args.order_no.strip())}")
    return 0


# --------------------------------------------------------------------------- results

def describe(problem: FileProblem) -> str:
    """Return one problem of a results file as ``line N: reason`` (``file:`` for the file)."""
    where = f"line {problem.line}" if problem.line else "file"
    if problem.code == "order_not_found":
        reason = f"no order {problem.detail}"
    elif problem.code in _RULES:
        reason = f"order {problem.detail}: {_RULES[problem.code]}"
    else:
        reason = problem.detail or problem.code.replace("_", " ")
    return f"{where}: {_printable(reason)}"


def _printable(text: str) -> str:
    """``text`` without control characters (names and cells come from data and files)."""
    return "".join(c for c in text if c.isprintable())


def cmd_dispatch_results(args: argparse.Namespace) -> int:
    """Import a results file; exit 1 if some rows were refused, 2 if none could be saved."""
    results = read_results_file(Path(args.file))
    workspace = _open(args)
    try:
        service = workspace.dispatch_for(_acting(workspace, args.acting_user))
        outcome = service.import_results(results, dry_run=args.dry_run)
    finally:
        workspace.close()
    for problem in outcome.problems:
        print(describe(problem))
    saved, refused = len(outcome.recorded), len(outcome.problems)
    callbacks = sum(1 for r in outcome.recorded if r.callback_id is not None)
    verb = "would be saved" if args.dry_run else "saved"
    summary = (f"{outcome.rows} row{'' if outcome.rows == 1 else 's'}: {saved} "
               f"result{'' if saved == 1 else 's'} {verb}, {refused} "
               f"problem{'' if refused == 1 else 's'}")
    if callbacks:
        summary += (f", {callbacks} callback{'' if callbacks == 1 else 's'} "
                    f"{'would be ' if args.dry_run else ''}booked for the agents")
    print(summary + (" (dry run, nothing saved)" if args.dry_run else ""))
    if not saved:
        return EXIT_UNUSABLE
    return EXIT_REFUSED if refused else 0


# ---------------------------------------------------------------------------- parser

def add_dispatch_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``dispatch loads|sheet|hand-over|results`` to the ``agentdesk-admin`` commands."""
    dispatch = commands.add_parser(
        "dispatch", help="delivery desk: handover loads, dispatch sheets, hand-overs, results")
    sub = dispatch.add_subparsers(dest="dispatch_command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help_text)
        parser.add_argument("--profile", metavar="DIR", help="data directory of the workspace")
        return parser

    def handover(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--round", required=True, metavar="NAME_OR_HHMM",
                            help="the round: its name in either language or its handover "
                                 "time, e.g. 17:30")
        parser.add_argument("--date", required=True, type=_day, metavar="YYYY-MM-DD",
                            help="the handover day")
        parser.add_argument("--hall", default=TEAM, metavar="NAME|all|team",
                            help="team: the delivery team's home deliveries (default); a "
                                 "hall's name: its pick-ups; all: every order of the round")

    def acting(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--as", dest="acting_user", required=True, metavar="USERNAME",
                            help="the supervisor recorded as doing it")

    loads = command("loads", "list recent and coming handovers: orders against capacity")
    loads.add_argument("--json", action="store_true")
    loads.set_defaults(run=cmd_dispatch_loads)

    sheet = command("sheet", "write a handover's dispatch sheet as CSV or PDF")
    handover(sheet)
    sheet.add_argument("--format", choices=FORMATS, default="csv")
    sheet.add_argument("--lang", choices=LANGUAGES, default="zh_CN",
                       help="the sheet's language (default zh_CN)")
    sheet.add_argument("-o", "--output", metavar="PATH",
                       help="file or folder (default: a name like dispatch-2026-12-01-1730-"
                            "home.csv in the current folder)")
    sheet.set_defaults(run=cmd_dispatch_sheet)

    hand_over = command("hand-over", "mark a sheet's orders as handed over (dispatched)")
    handover(hand_over)
    acting(hand_over)
    hand_over.set_defaults(run=cmd_dispatch_hand_over)

    cancel = command("cancel", "cancel an order that has not gone out (its place in the round "
                               "is given back)")
    cancel.add_argument("order_no", metavar="ORDER_NO")
    cancel.add_argument("--reason", required=True, help="why, as the customer put it")
    acting(cancel)
    cancel.set_defaults(run=cmd_dispatch_cancel)

    results = command("results", "import a delivery results file; exit 1 when some rows "
                                 "are refused, 2 when none can be saved")
    results.add_argument("file", metavar="PATH", help="a results CSV file")
    results.add_argument("--dry-run", action="store_true", help="check the file, save nothing")
    acting(results)
    results.set_defaults(run=cmd_dispatch_results)
