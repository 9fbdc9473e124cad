"""``agentdesk-admin script``: list, export, import and measure call script versions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from agentdesk.cli import CLI_ADMINISTRATOR, _kb_workspace
from agentdesk.config import LOCAL_DB, data_directory
from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.errors import KnownError, NotFoundError, ValidationError
from agentdesk.domain.script_versions import Funnel, ScriptNotPublishable, ScriptVersion
from agentdesk.domain.scripts import Script, ScriptProblem, script_from_data
from agentdesk.services.clock import SystemClock
from agentdesk.services.script_files import (
    FORMATS,
    describe_problem,
    describe_script_problem,
    read_script_file,
    script_text,
    write_script_file,
)
from agentdesk.services.scripts import ScriptCampaign, ScriptService
from agentdesk.services.workspace import Workspace, open_workspace

EXIT_PROBLEMS = 1
DIRECTIONS = [d.value for d in CampaignDirection]


def _open(args: argparse.Namespace) -> Workspace:
    """Open an existing workspace to read from (never creating one)."""
    directory = data_directory(args.profile)
    if not (directory / LOCAL_DB).exists():
        raise KnownError(f"No workspace in {directory}", code="missing")
    return open_workspace(directory, SystemClock())


def _campaign(service: ScriptService, code: str) -> ScriptCampaign:
    campaigns = service.campaigns()
    found = next((c for c in campaigns if c.code == code), None)
    if found is None:
        known = ", ".join(c.code for c in campaigns) or "none"
        raise NotFoundError(f"No campaign {code!r} (campaigns: {known})")
    return found


def _version(service: ScriptService, args: argparse.Namespace) -> ScriptVersion:
    """The version --campaign, --direction, --version/--draft name (newest published)."""
    campaign = _campaign(service, args.campaign)
    versions = [v for v in service.versions(campaign.id) if v.direction.value == args.direction]
    what = f"{campaign.code} {args.direction}"
    if getattr(args, "draft", False):
        found = next((v for v in versions if v.draft), None)
        if found is None:
            raise NotFoundError(f"{what} has no draft")
        return found
    if args.version is not None:
        found = next((v for v in versions if v.number == args.version), None)
        if found is None:
            numbers = ", ".join(str(v.number) for v in sorted(versions, key=lambda v: v.number))
            raise NotFoundError(f"{what} has no version {args.version} (versions: "
                                f"{numbers or 'none'})")
        return found
    published = [v for v in versions if not v.draft]
    if not published:
        hint = "; export the draft with --draft" if versions else ""
        raise NotFoundError(f"{what} has no published version{hint}")
    return max(published, key=lambda v: v.number)


# ------------------------------------------------------------------------------ list

def cmd_script_list(args: argparse.Namespace) -> int:
    """List the script versions per campaign and direction, newest first."""
    workspace = _open(args)
    try:
        service = workspace.scripts_for(CLI_ADMINISTRATOR)
        codes = {c.id: c.code for c in service.campaigns()}
        campaign_id = _campaign(service, args.campaign).id if args.campaign else None
        versions = service.versions(campaign_id)
    finally:
        workspace.close()
    def code(version: ScriptVersion) -> str:
        return codes.get(version.campaign_id, str(version.campaign_id))

    versions.sort(key=lambda v: (code(v), v.direction.value, -v.number))
    if args.json:
        print(json.dumps([{
            "campaign": code(v), "direction": v.direction.value, "version": v.number,
            "name": v.name, "published_at": v.published_at.isoformat() if v.published_at
            else None, "change_note": v.change_note, "id": str(v.id)} for v in versions],
            ensure_ascii=False, indent=2))
        return 0
    if not versions:
        print("No script versions")
    width = max((len(code(v)) for v in versions), default=0)
    for v in versions:
        when = v.published_at.strftime("%Y-%m-%d %H:%M UTC") if v.published_at else "draft"
        note = f"  ({_printable(v.change_note)})" if v.change_note else ""
        print(f"{code(v):<{width}}  {v.direction.value:<8}  v{v.number:<3} {when:<20}  "
              f"{_printable(v.name)}{note}")
    return 0


# ---------------------------------------------------------------------------- export

def cmd_script_export(args: argparse.Namespace) -> int:
    """Write a version in the import format, to a file or standard output."""
    workspace = _open(args)
    try:
        service = workspace.scripts_for(CLI_ADMINISTRATOR)
        version = _version(service, args)
        data = service.export_data(version.id)
    finally:
        workspace.close()
    if args.output is None:
        sys.stdout.write(script_text(data, args.format or "yaml"))
        return 0
    write_script_file(data, Path(args.output), args.format)
    print(f"Wrote {data['campaign']} {data['direction']} v{version.number}"
          f"{' (draft)' if version.draft else ''} to {args.output}")
    return 0


# ---------------------------------------------------------------------------- import

def cmd_script_import(args: argparse.Namespace) -> int:
    """Import a script file as the campaign's draft (and publish it with --publish)."""
    data = read_script_file(Path(args.file))
    workspace = _kb_workspace(args)
    try:
        if workspace.sync is not None:
            workspace.sync.run_round()  # this campaign's draft as the server has it
        service = workspace.scripts_for(CLI_ADMINISTRATOR)
        try:
            result = service.import_data(data, publish=args.publish, dry_run=args.dry_run)
        except ValidationError as error:
            known = [c.code for c in service.campaigns()]
            for field, code in error.problems.items():
                line = describe_problem(field, code)
                if (field, code) == ("campaign", "unknown"):
                    line = (f"campaign: no campaign {str(data.get('campaign'))[:40]!r} "
                            f"(campaigns: {', '.join(known) or 'none'})")
                print(f"{args.file}: {_printable(line)}")
            print(f"not imported: {_count(len(error.problems), 'problem')} in the file")
            return EXIT_PROBLEMS
        except ScriptNotPublishable as refused:  # a check failed between saving and publishing
            return _report(args, refused.problems, data, "saved as the draft but not "
                                                         "published: {n} to fix")
    finally:
        workspace.close()
    if args.dry_run:
        return _report(args, result.problems, data, "checked: {n} (dry run, nothing saved)")
    if result.version is None:
        return _report(args, result.problems, data, "not published: {n} to fix "
                                                    "(nothing saved)")
    what = f"v{result.version.number} of {data['campaign']} {result.version.direction.value}"
    if result.published:
        return _report(args, result.problems, data, f"published {what}")
    return _report(args, result.problems, data, f"saved draft {what} " + (
        "({n} to fix before publishing)" if result.problems else "(ready to publish)"))


def _report(args: argparse.Namespace, problems: tuple[ScriptProblem, ...],
            data: dict[str, Any], summary: str) -> int:
    """Print each problem, then the summary; return 1 if there were problems."""
    script: Script | None = script_from_data(data) if problems else None
    for problem in problems:
        print(f"{args.file}: {_printable(describe_script_problem(problem, script))}")
    print(summary.replace("{n}", _count(len(problems), "problem")))
    return EXIT_PROBLEMS if problems else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# ---------------------------------------------------------------------------- funnel

def cmd_script_funnel(args: argparse.Namespace) -> int:
    """Show how far the calls of a version got and which answers lost the most."""
    workspace = _open(args)
    try:
        service = workspace.scripts_for(CLI_ADMINISTRATOR)
        version = _version(service, args)
        script = service.load(version.id).script
        funnel = service.funnel(version.id)
    finally:
        workspace.close()
    report = _funnel_report(args.campaign, version, script, funnel, args.top)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"{args.campaign} {version.direction.value} v{version.number} "
          f"{_printable(version.name)}: "
          f"{_count(funnel.calls, 'call')}, {_count(funnel.sales, 'sale')}, conversion "
          f"{report['conversion']:.1%}")
    if not funnel.calls:
        return 0
    _table(["step", "title", "reached", "sales", "conversion"],
           [[s["step"], s["title_en"] or s["title"], s["reached"], s["sales"],
             f"{s['conversion']:.1%}"] for s in report["steps"]])
    if report["answers"]:
        print("\nAnswers that lost the most calls:")
        _table(["step", "answer", "chosen", "lost"],
               [[a["step"], a["label_en"] or a["label"], a["chosen"], a["lost"]]
                for a in report["answers"]])
    return 0


def _funnel_report(campaign: str, version: ScriptVersion, script: Script, funnel: Funnel,
                   top: int) -> dict[str, Any]:
    steps, answers = [], []
    for step in funnel.steps:
        known = script.steps.get(step.step)
        steps.append({"step": step.step, "title": known.title if known else "",
                      "title_en": known.title_en if known else "(not in this version)",
                      "reached": step.reached, "sales": step.sales,
                      "conversion": round(step.conversion, 4)})
    losing = [a for a in funnel.answers if a.lost]
    for loss in losing[:top] if top > 0 else losing:
        known = script.steps.get(loss.step)
        answer = known.answers[loss.answer] if known and loss.answer < len(known.answers) \
            else None
        answers.append({"step": loss.step, "answer": loss.answer,
                        "label": answer.label if answer else "",
                        "label_en": answer.label_en if answer else f"answer {loss.answer + 1}",
                        "chosen": loss.chosen, "sales": loss.sales, "lost": loss.lost})
    return {"campaign": campaign, "direction": version.direction.value,
            "version": version.number, "name": version.name, "calls": funnel.calls,
            "sales": funnel.sales,
            "conversion": round(funnel.sales / funnel.calls, 4) if funnel.calls else 0.0,
            "steps": steps, "answers": answers}


def _table(header: list[str], rows: list[list[Any]]) -> None:
    """Print rows under a header: text columns left-aligned, numbers right-aligned.

    Cells come from script data: control characters (terminal escapes) are dropped.
    """
    cells = [header, *[[_printable(str(c)) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    numeric = [all(not isinstance(row[i], str) or row[i].endswith("%") for row in rows)
               for i in range(len(header))]
    for row in cells:
        print("  ".join(cell.rjust(w) if right else cell.ljust(w)
                        for cell, w, right in zip(row, widths, numeric, strict=True)).rstrip())


def _printable(text: str) -> str:
    return "".join(ch for ch in text if ch.isprintable())


# ---------------------------------------------------------------------------- parser

def add_script_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``script list|export|import|funnel`` to the ``agentdesk-admin`` commands."""
    script = commands.add_parser("script", help="call scripts: list, export, import, funnel")
    sub = script.add_subparsers(dest="script_command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help_text)
        parser.add_argument("--profile", metavar="DIR", help="data directory of the workspace")
        return parser

    def version_options(parser: argparse.ArgumentParser, *, draft: bool = False) -> None:
        parser.add_argument("--campaign", metavar="CODE", required=True)
        parser.add_argument("--direction", choices=DIRECTIONS, required=True)
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--version", type=int, metavar="N",
                           help="version number (default: the newest published)")
        if draft:
            which.add_argument("--draft", action="store_true", help="the draft being written")

    listing = command("list", "list the versions per campaign and direction")
    listing.add_argument("--campaign", metavar="CODE", help="only this campaign")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=cmd_script_list)

    export = command("export", "write a version as a YAML or JSON script file")
    version_options(export, draft=True)
    export.add_argument("--format", choices=FORMATS,
                        help="default: from the file's extension, yaml on standard output")
    export.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export.set_defaults(run=cmd_script_export)

    load = command("import", "import a script file as the campaign's draft; exit 1 when "
                             "it has problems, 2 when it cannot be read")
    load.add_argument("file", metavar="FILE", help="a .yaml, .yml or .json script file")
    load.add_argument("--publish", action="store_true",
                      help="publish it too (nothing is saved if a check fails)")
    load.add_argument("--dry-run", action="store_true", help="check the file, save nothing")
    load.add_argument("--server", metavar="URL",
                      help="server database (default: the workspace's)")
    load.add_argument("--ask-password", action="store_true",
                      help="ask for the server password instead of using the keyring")
    load.set_defaults(run=cmd_script_import)

    funnel = command("funnel", "how far the calls of a version got, where they were lost")
    version_options(funnel)
    funnel.add_argument("--top", type=int, default=5, metavar="N",
                        help="answers losing the most calls to show (0: all; default 5)")
    funnel.add_argument("--json", action="store_true")
    funnel.set_defaults(run=cmd_script_funnel)
