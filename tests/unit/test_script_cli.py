"""``agentdesk-admin script``: listing, exporting, importing and measuring script versions."""

from __future__ import annotations

import copy
import json
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agentdesk import cli
from agentdesk.domain.calls import CallDirection, FinishedCall
from agentdesk.domain.campaigns import CampaignDirection
from agentdesk.domain.errors import ValidationError
from agentdesk.domain.ids import new_id
from agentdesk.domain.people import Role
from agentdesk.domain.script_walk import ScriptWalk, walk_path
from agentdesk.domain.scripts import ScriptProblem, script_from_data
from agentdesk.services.clock import FixedClock
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.script_files import ScriptFileError, read_script_file
from agentdesk.services.scripts import ScriptService
from agentdesk.services.workspace import Workspace, open_workspace
from agentdesk.store.call_results import record_finished_call
from agentdesk.store.schema.catalogue import campaigns, disposition_codes
from tests.conftest import NOW
from tests.helpers.admin_cli import run
from tests.helpers.call_center import CallCenter, add_call_center
from tests.helpers.factories import add_user
from tests.helpers.scripts import SALES_SCRIPT, add_article, add_script

EXAMPLE = (Path(__file__).resolve().parents[2] / "resources" / "examples" / "scripts"
           / "outbound-5g.yaml")
FILE: dict[str, Any] = {"campaign": "OB", "direction": "outbound", "name": "5G 升级外呼",
                        "change_note": "", **SALES_SCRIPT}


@pytest.fixture(autouse=True)
def _no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGENTDESK_SERVER_URL", raising=False)


@contextmanager
def opened(profile: Path) -> Iterator[Workspace]:
    ws = open_workspace(profile, FixedClock(NOW), hasher=fast_hasher())
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def center(profile: Path) -> CallCenter:
    """Campaigns OB and IB, the article the test script opens, OB outbound v1 published."""
    with opened(profile) as ws:
        made = add_call_center(ws, NOW, [])
        add_article(ws, NOW)
        add_script(ws, made.outbound_id, NOW)
    return made


def versions(profile: Path) -> list[tuple[str, int, bool]]:
    with opened(profile) as ws:
        return [(v.direction.value, v.number, v.draft)
                for v in ws.scripts_for(cli.CLI_ADMINISTRATOR).versions()]


def file_with(tmp_path: Path, data: Any, name: str = "script.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return str(path)


# ------------------------------------------------------------------------------ list

def test_list_shows_each_version_newest_first(
        profile: Path, center: CallCenter, capsys: pytest.CaptureFixture[str]) -> None:
    with opened(profile) as ws:
        add_script(ws, center.outbound_id, NOW, number=2, published=False, name="5G 升级 v2")
        add_script(ws, center.inbound_id, NOW, direction="inbound", name="热线")
        service = ws.scripts_for(cli.CLI_ADMINISTRATOR)
        draft = next(v for v in service.versions() if v.draft)
        service.save_draft(draft.id, draft.row_version, draft.name,
                           service.load(draft.id).script, "更短的开场")
    code, out, err = run(capsys, "script", "list", "--profile", str(profile))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "IB  inbound   v1   2026-11-23 06:30 UTC  热线",
        "OB  outbound  v2   draft                 5G 升级 v2  (更短的开场)",
        "OB  outbound  v1   2026-11-23 06:30 UTC  5G 升级外呼",
    ]
    code, out, _ = run(capsys, "script", "list", "--profile", str(profile), "--campaign", "OB",
                       "--json")
    rows = json.loads(out)
    assert [(r["campaign"], r["direction"], r["version"], r["published_at"], r["change_note"])
            for r in rows] == [("OB", "outbound", 2, None, "更短的开场"),
                               ("OB", "outbound", 1, "2026-11-23T06:30:00+00:00", "")]
    assert set(rows[0]) == {"campaign", "direction", "version", "name", "published_at",
                            "change_note", "id"}


def test_list_of_an_unknown_campaign_or_workspace_is_a_known_error(
        profile: Path, center: CallCenter, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "script", "list", "--profile", str(profile), "--campaign", "X")
    assert (code, out, err) == (2, "", "agentdesk-admin: No campaign 'X' (campaigns: IB, OB)\n")
    code, _, err = run(capsys, "script", "list", "--profile", str(tmp_path / "none"))
    assert code == 2 and err.startswith("agentdesk-admin: No workspace in ")
    assert not (tmp_path / "none").exists()


# ---------------------------------------------------------------------------- export

def test_export_writes_the_newest_published_version(
        profile: Path, center: CallCenter, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    with opened(profile) as ws:
        add_script(ws, center.outbound_id, NOW, number=2, published=False, name="草稿")
    code, out, _ = run(capsys, "script", "export", "--profile", str(profile), "--campaign",
                       "OB", "--direction", "outbound")
    assert code == 0 and out.startswith("campaign: OB\ndirection: outbound\nname: 5G 升级外呼\n"
                                        "version: 1\n")
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "script", "export", "--profile", str(profile), "--campaign",
                       "OB", "--direction", "outbound", "-o", str(target))
    assert (code, out) == (0, f"Wrote OB outbound v1 to {target}\n")
    exported = read_script_file(target)
    assert script_from_data(exported) == script_from_data(SALES_SCRIPT)
    assert {k: exported[k] for k in ("campaign", "direction", "name", "version")} == {
        "campaign": "OB", "direction": "outbound", "name": "5G 升级外呼", "version": 1}
    code, out, _ = run(capsys, "script", "export", "--profile", str(profile), "--campaign",
                       "OB", "--direction", "outbound", "--draft", "--format", "json")
    assert (code, json.loads(out)["name"], json.loads(out)["version"]) == (0, "草稿", 2)


@pytest.mark.parametrize(("options", "message"), [
    (["--campaign", "XX", "--direction", "outbound"], "No campaign 'XX' (campaigns: IB, OB)"),
    (["--campaign", "OB", "--direction", "outbound", "--version", "7"],
     "OB outbound has no version 7 (versions: 1)"),
    (["--campaign", "OB", "--direction", "outbound", "--draft"], "OB outbound has no draft"),
    (["--campaign", "IB", "--direction", "inbound"], "IB inbound has no published version"),
    (["--campaign", "OB", "--direction", "outbound", "-o", "out.txt"],
     "out.txt: not a script file: the name must end in .yaml, .yml or .json"),
])
def test_export_refuses_what_does_not_exist(
        profile: Path, center: CallCenter, capsys: pytest.CaptureFixture[str],
        options: list[str], message: str) -> None:
    code, out, err = run(capsys, "script", "export", "--profile", str(profile), *options)
    assert (code, out, err) == (2, "", f"agentdesk-admin: {message}\n")


# ---------------------------------------------------------------------------- import

def test_an_exported_file_imports_as_the_draft_then_publishes(
        profile: Path, center: CallCenter, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    exported = tmp_path / "ob.yaml"
    assert run(capsys, "script", "export", "--profile", str(profile), "--campaign", "OB",
               "--direction", "outbound", "-o", str(exported))[0] == 0
    code, out, err = run(capsys, "script", "import", "--profile", str(profile), str(exported))
    assert (code, out, err) == (0, "saved draft v2 of OB outbound (ready to publish)\n", "")
    again = run(capsys, "script", "import", "--profile", str(profile), str(exported))
    assert again == (0, "saved draft v2 of OB outbound (ready to publish)\n", "")  # replaced
    assert versions(profile) == [("outbound", 2, True), ("outbound", 1, False)]
    with opened(profile) as ws:
        service = ws.scripts_for(cli.CLI_ADMINISTRATOR)
        draft, first = service.versions()
        assert service.load(draft.id).script == service.load(first.id).script
        assert service.export_data(draft.id) == {**read_script_file(exported), "version": 2}

    code, out, _ = run(capsys, "script", "import", "--profile", str(profile), "--publish",
                       str(exported))
    assert (code, out) == (0, "published v2 of OB outbound\n")
    assert versions(profile) == [("outbound", 2, False), ("outbound", 1, False)]
    with opened(profile) as ws:
        stored = ws.scripts_for(cli.CLI_ADMINISTRATOR).for_call(
            center.outbound_id, CampaignDirection.OUTBOUND)
        assert stored is not None and stored.version.number == 2


def test_a_dry_run_checks_and_saves_nothing(
        profile: Path, center: CallCenter, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = file_with(tmp_path, FILE)
    code, out, _ = run(capsys, "script", "import", "--profile", str(profile), "--dry-run",
                       "--publish", path)
    assert (code, out) == (0, "checked: 0 problems (dry run, nothing saved)\n")
    broken = copy.deepcopy(FILE)
    broken["steps"]["offer"]["answers"][0]["next"] = "order_x"
    code, out, _ = run(capsys, "script", "import", "--profile", str(profile), "--dry-run",
                       file_with(tmp_path, broken, "broken.yaml"))
    assert code == 1 and out.splitlines()[-1] == "checked: 1 problem (dry run, nothing saved)"
    assert versions(profile) == [("outbound", 1, False)]


def test_a_step_leading_nowhere_keeps_the_draft_unpublished(
        profile: Path, center: CallCenter, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    broken = copy.deepcopy(FILE)
    broken["steps"]["offer"]["answers"][0]["next"] = "order_x"
    path = file_with(tmp_path, broken)
    code, out, _ = run(capsys, "script", "import", "--profile", str(profile), "--publish", path)
    assert (code, out.splitlines()) == (1, [
        f"{path}: step offer: answer 'Wants it' leads to unknown step 'order_x'",
        "not published: 1 problem to fix (nothing saved)"])
    assert versions(profile) == [("outbound", 1, False)]
    code, out, _ = run(capsys, "script", "import", "--profile", str(profile), path)
    assert (code, out.splitlines()) == (1, [
        f"{path}: step offer: answer 'Wants it' leads to unknown step 'order_x'",
        "saved draft v2 of OB outbound (1 problem to fix before publishing)"])
    assert versions(profile) == [("outbound", 2, True), ("outbound", 1, False)]


def test_a_check_failing_between_saving_and_publishing_keeps_the_draft(
        profile: Path, center: CallCenter, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([[], [ScriptProblem("obj_price", "unknown_article", "too_expensive")]])
    monkeypatch.setattr(ScriptService, "check", lambda *_args: next(answers))
    path = file_with(tmp_path, FILE)
    code, out, _ = run(capsys, "script", "import", "--profile", str(profile), "--publish", path)
    assert (code, out.splitlines()) == (1, [
        f"{path}: step obj_price: no published knowledge article 'too_expensive'",
        "saved as the draft but not published: 1 problem to fix"])
    assert versions(profile) == [("outbound", 2, True), ("outbound", 1, False)]


def test_malformed_content_is_listed_and_nothing_saved(
        profile: Path, center: CallCenter, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    bad = copy.deepcopy(FILE)
    bad.update(campaign="XX", direction="sideways")
    bad["steps"]["greeting"]["text"] = ""
    bad["steps"]["offer"]["answers"][1]["action"] = "sell:now"
    path = file_with(tmp_path, bad)
    code, out, err = run(capsys, "script", "import", "--profile", str(profile), path)
    assert (code, err) == (1, "")
    assert sorted(out.splitlines()[:-1]) == sorted([
        f"{path}: campaign: no campaign 'XX' (campaigns: IB, OB)",
        f"{path}: direction: must be outbound or inbound",
        f"{path}: steps.greeting.text: missing or empty, but required",
        f"{path}: steps.offer.answers[1].action: not an action (use order, callback, "
        "disposition:CODE or article:SLUG)"])
    assert out.splitlines()[-1] == "not imported: 4 problems in the file"
    assert versions(profile) == [("outbound", 1, False)]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.yaml", "campaign: OB\nsteps:\n  a: b: c\n", "bad.yaml:3:7: mapping values are not "
     "allowed here"),
    ("bad.json", '{"campaign": "OB",\n "steps": }', "bad.json:2:11: Expecting value"),
    ("bad.yaml", "- OB\n", "bad.yaml:1: the top level must be a mapping (campaign:, "
     "direction:, steps: ...), not a list"),
    ("bad.yaml", "a: &a [x]\nb: [*a, *a]\n", "bad.yaml:1:4: anchors (&name) are not allowed"),
    ("bad.yaml", "[" * 100_000, "bad.yaml:1:33: nested too deeply (more than 32 levels of lists "
     "and mappings)"),
    ("bad.yaml", b"name: \xff\n", "bad.yaml:1: not UTF-8 text: byte 7 cannot be decoded; save "
     "the file as UTF-8"),
    ("big.yaml", "x" * (3 * 1024 * 1024), "big.yaml: the file is larger than 2 MB and was not "
     "read"),
    ("absent.yaml", None, "absent.yaml: no such file"),
])
def test_unreadable_files_exit_with_2_and_say_where(
        profile: Path, center: CallCenter, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        name: str, content: str | bytes | None, message: str) -> None:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, "utf-8")
    elif content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "script", "import", "--profile", str(profile), str(path))
    assert (code, out, err) == (2, "", f"agentdesk-admin: {tmp_path}/{message}\n")
    assert versions(profile) == [("outbound", 1, False)]


def test_hostile_text_is_stored_as_text(
        profile: Path, center: CallCenter, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    hostile = copy.deepcopy(FILE)
    hostile["steps"]["greeting"]["title"] = "<b>开场</b><script>alert(1)</script>"
    hostile["steps"]["greeting"]["text"] = "{customer.name} {{agent.name}} ${PATH} %s \u202e"
    hostile["steps"]["greeting"]["answers"][0]["label"] = "长" * 100_000
    path = tmp_path / "hostile.yaml"
    path.write_text(json.dumps(hostile, ensure_ascii=False), "utf-8")  # JSON is YAML too
    code, out, err = run(capsys, "script", "import", "--profile", str(profile), str(path))
    assert code == 1
    assert "steps.greeting.answers[0].label: too long" in out
    assert versions(profile) == [("outbound", 1, False)]  # nothing saved

    long_label = "长" * 100
    hostile["steps"]["greeting"]["answers"][0]["label"] = long_label
    path.write_text(json.dumps(hostile, ensure_ascii=False), "utf-8")
    code, out, err = run(capsys, "script", "import", "--profile", str(profile), str(path))
    assert (code, out, err) == (0, "saved draft v2 of OB outbound (ready to publish)\n", "")
    target = tmp_path / "back.yaml"
    run(capsys, "script", "export", "--profile", str(profile), "--campaign", "OB",
        "--direction", "outbound", "--draft", "-o", str(target))
    back = read_script_file(target)
    assert back["steps"]["greeting"]["title"] == hostile["steps"]["greeting"]["title"]
    assert back["steps"]["greeting"]["text"] == hostile["steps"]["greeting"]["text"]
    assert back["steps"]["greeting"]["answers"][0]["label"] == long_label


def test_the_example_file_passes_a_dry_run_for_the_demo_campaign(
        profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo = json.loads((Path(cli.__file__).parent / "services" / "demo" / "data"
                       / "campaigns.json").read_text("utf-8"))["campaigns"][0]
    data = read_script_file(EXAMPLE)
    actions = [a["action"] for s in data["steps"].values() for a in s["answers"]
               if a["action"]]
    with opened(profile) as ws, ws.database.write() as conn:
        campaign = {"id": new_id(), "site": "default", "version": 1, "updated_at": NOW,
                    "deleted_at": None, "code": demo["code"], "name": demo["name"],
                    "name_en": demo["name_en"], "direction": "outbound", "status": "running",
                    "wrapup_seconds": 30, "max_attempts": 5}
        conn.execute(campaigns.insert(), campaign)
        conn.execute(disposition_codes.insert(), [
            {"id": new_id(), "site": "default", "version": 1, "updated_at": NOW,
             "deleted_at": None, "campaign_id": campaign["id"], "code": code, "label": label,
             "label_en": label_en, "category": category, "retry_minutes": retry,
             "sort_order": n}
            for n, (code, label, label_en, category, retry) in enumerate(demo["dispositions"])])
    with opened(profile) as ws:
        for action in actions:
            if action.startswith("article:"):
                add_article(ws, NOW, action.removeprefix("article:"), action)
    code, out, _ = run(capsys, "script", "import", "--profile", str(profile), "--dry-run",
                       str(EXAMPLE))
    assert (code, out) == (0, "checked: 0 problems (dry run, nothing saved)\n")


def test_with_a_server_the_version_is_written_there_and_reaches_others(
        profile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from agentdesk.sync.connection import server_engine
    from agentdesk.sync.server import ServerStore
    from tests.helpers.sync_ops import seed_call_list

    monkeypatch.setenv("AGENTDESK_SERVER_URL", f"sqlite:///{tmp_path / 'server.db'}")
    assert run(capsys, "init-server")[0] == 0
    server = ServerStore(server_engine(f"sqlite:///{tmp_path / 'server.db'}"))
    try:
        seed_call_list(server, NOW, contact_count=0)
    finally:
        server.dispose()
    script = {"campaign": "5G", "direction": "outbound", "name": "最小流程", "start": "hello",
              "steps": {"hello": {"title": "开场", "text": "您好", "answers": [
                  {"label": "成交", "action": "disposition:SALE"}]}}}
    code, out, _ = run(capsys, "script", "import", "--profile", str(profile), "--publish",
                       file_with(tmp_path, script))
    assert (code, out) == (0, "published v1 of 5G outbound\n")
    other = tmp_path / "other"
    assert run(capsys, "check", "--profile", str(other))[0] == 0
    assert run(capsys, "sync", "--profile", str(other))[0] == 0
    code, out, _ = run(capsys, "script", "list", "--profile", str(other), "--json")
    assert [(r["campaign"], r["version"], r["published_at"] is not None)
            for r in json.loads(out)] == [("5G", 1, True)]


# ---------------------------------------------------------------------------- funnel

def record(ws: Workspace, center: CallCenter, agent_id: uuid.UUID, script_id: uuid.UUID,
           answers: list[int], code: str) -> None:
    walk = ScriptWalk(script_from_data(SALES_SCRIPT))
    for index in answers:
        walk.choose(index)
    started = NOW - timedelta(minutes=5)
    record_finished_call(ws.database, FinishedCall(
        direction=CallDirection.OUTBOUND, agent_id=agent_id, campaign_id=center.outbound_id,
        e164="+8613800138000", started_at=started, answered_at=started,
        ended_at=started + timedelta(minutes=2), end_reason="agent_hangup",
        disposition_code_id=center.codes[f"outbound:{code}"], script_id=script_id,
        script_path=tuple(walk_path(walk))), now=NOW)


def test_funnel_counts_calls_per_step_and_the_answers_losing_most(
        profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with opened(profile) as ws:
        center = add_call_center(ws, NOW, [])
        script_id = add_script(ws, center.outbound_id, NOW)
        agent = add_user(ws, "agent01", Role.AGENT)
        record(ws, center, agent.id, script_id, [0, 0, 0, 0, 0], "SALE")
        record(ws, center, agent.id, script_id, [0, 0, 2], "NOT_INTERESTED")
        record(ws, center, agent.id, script_id, [2], "NO_ANSWER")
    code, out, _ = run(capsys, "script", "funnel", "--profile", str(profile), "--campaign",
                       "OB", "--direction", "outbound", "--top", "3")
    assert code == 0
    assert out.splitlines() == [
        "OB outbound v1 5G 升级外呼: 3 calls, 1 sale, conversion 33.3%",
        "step            title                     reached  sales  conversion",
        "greeting        Greeting                        3      1       33.3%",
        "identity        Identity check                  2      1       50.0%",
        "offer           Offer                           2      1       50.0%",
        "order_readback  Order read-back                 1      1      100.0%",
        "close_sale      Close: sale                     1      1      100.0%",
        "callback        Book a callback                 0      0        0.0%",
        "close_callback  Close: callback                 0      0        0.0%",
        "obj_price       Objection: too expensive        0      0        0.0%",
        "",
        "Answers that lost the most calls:",
        "step      answer          chosen  lost",
        "greeting  Hung up              1     1",
        "offer     Not interested       1     1",
    ]
    code, out, _ = run(capsys, "script", "funnel", "--profile", str(profile), "--campaign",
                       "OB", "--direction", "outbound", "--version", "1", "--json", "--top", "0")
    report = json.loads(out)
    assert (report["calls"], report["sales"], report["conversion"]) == (3, 1, 0.3333)
    assert report["steps"][2] == {"step": "offer", "title": "推荐", "title_en": "Offer",
                                  "reached": 2, "sales": 1, "conversion": 0.5}
    assert report["answers"] == [
        {"step": "greeting", "answer": 2, "label": "挂断", "label_en": "Hung up", "chosen": 1,
         "sales": 0, "lost": 1},
        {"step": "offer", "answer": 2, "label": "不需要", "label_en": "Not interested",
         "chosen": 1, "sales": 0, "lost": 1}]


def test_funnel_of_a_version_without_calls(
        profile: Path, center: CallCenter, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "script", "funnel", "--profile", str(profile), "--campaign",
                       "OB", "--direction", "outbound")
    assert (code, out) == (0, "OB outbound v1 5G 升级外呼: 0 calls, 0 sales, conversion 0.0%\n")


# ---------------------------------------------------------------------------- property

leaves = st.none() | st.booleans() | st.integers(-5, 5) | st.sampled_from(
    ["", "OB", "IB", "outbound", "inbound", "greeting", "offer", "order", "callback",
     "disposition:SALE", "disposition:", "article:too_expensive", "名字", "Operator",
     "operator.name", "x" * 120])
json_values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.sampled_from(
                               ["label", "next", "action", "title", "text", "answers",
                                "required", "greeting", "offer"]), inner, max_size=4),
                           max_leaves=12)


def mutated(base: dict[str, Any], path: list[str | int], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(base)
    place: Any = data
    for key in path[:-1]:
        try:
            place = place[key]
        except (KeyError, IndexError, TypeError):
            return data
    with suppress(IndexError, TypeError):
        place[path[-1]] = value
    return data


paths = st.sampled_from([
    ["campaign"], ["direction"], ["name"], ["change_note"], ["start"], ["objections"],
    ["values"], ["steps"], ["steps", "greeting"], ["steps", "greeting", "answers"],
    ["steps", "greeting", "answers", 0], ["steps", "greeting", "answers", 0, "next"],
    ["steps", "greeting", "answers", 0, "action"], ["steps", "offer", "required"],
    ["steps", "offer", "text"], ["values", "operator.name"], ["steps", "new"]])
documents = st.one_of(
    st.dictionaries(st.text(max_size=8), json_values, max_size=5),
    st.builds(mutated, st.just(FILE), paths, json_values),
)


def test_any_json_document_imports_or_is_refused_cleanly(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    with opened(profile) as ws:
        add_call_center(ws, NOW, [])
        add_article(ws, NOW)
    outcomes: set[str] = set()

    @settings(max_examples=150, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(documents, st.booleans(), st.booleans())
    @example(FILE, True, False)
    @example({"campaign": "OB"}, False, True)
    def imports_or_refuses(data: dict[str, Any], publish: bool, dry_run: bool) -> None:
        with tempfile.TemporaryDirectory() as folder, opened(profile) as ws:
            path = Path(folder) / "script.json"
            path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
            try:
                result = ws.scripts_for(cli.CLI_ADMINISTRATOR).import_data(
                    read_script_file(path), publish=publish, dry_run=dry_run)
            except (ValidationError, ScriptFileError) as error:
                outcomes.add(type(error).__name__)
                return
            outcomes.add("published" if result.published else "checked")

    imports_or_refuses()
    assert {"ValidationError", "published"} <= outcomes
    with opened(profile) as ws, ws.database.read() as conn:
        assert conn.execute(sa.text("select count(*) from scripts")).scalar_one() >= 1
