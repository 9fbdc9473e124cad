"""``agentdesk-admin kb``: importing articles and searching them from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agentdesk import cli
from tests.helpers.admin_cli import run

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples" / "kb"


@pytest.fixture(autouse=True)
def _no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGENTDESK_SERVER_URL", raising=False)


@pytest.fixture
def profile(tmp_path: Path) -> str:
    return str(tmp_path / "profile")


def test_import_the_examples(profile: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "kb", "import", "--profile", profile, str(EXAMPLES))
    assert (code, out, err) == (
        0, "Imported 6 articles (6 new or changed) from 3 files; 0 problems\n", "")
    code, out, _ = run(capsys, "kb", "import", "--profile", profile, str(EXAMPLES))
    assert (code, out) == (0, "Imported 6 articles (0 new or changed) from 3 files; 0 problems\n")


def test_bad_files_are_listed_and_the_good_ones_imported(
        profile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = tmp_path / "files"
    files.mkdir()
    (files / "good.md").write_text("# 套餐外流量\n按 0.29 元/MB 计费。", "utf-8")
    (files / "bad.md").write_text("---\n- a list\n---\n# T\nbody", "utf-8")
    (files / "rows.csv").write_text("title,body\nOne,first\nTwo,second,third\n", "utf-8")
    (files / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, out, _ = run(capsys, "kb", "import", "--profile", profile, str(files),
                       str(tmp_path / "absent.csv"))
    assert code == 1
    assert out.splitlines() == [
        f"{tmp_path / 'absent.csv'}: file: no such file or directory",
        f"{files / 'bad.md'}:2: front_matter: bad front matter: it must be 'field: value' "
        "lines, not a list",
        f"{files / 'binary.md'}:1: file: not UTF-8 text: byte 1 cannot be decoded; "
        "save the file as UTF-8",
        f"{files / 'rows.csv'}:3: row: wrong number of cells: 3 cells, the header has 2",
        "Imported 2 articles (2 new or changed) from 4 files; 4 problems",
    ]
    code, out, _ = run(capsys, "kb", "search", "--profile", profile, "流量", "--json")
    assert [hit["slug"] for hit in json.loads(out)] == ["good"]


def test_dry_run_saves_nothing(profile: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "import", "--dry-run", "--profile", profile,
                       str(EXAMPLES))
    assert (code, out.strip()) == (
        0, "Would import 6 articles from 3 files; 0 problems (dry run, nothing saved)")
    code, out, _ = run(capsys, "kb", "search", "--profile", profile, "套餐", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_a_known_error_exits_with_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "agentdesk.db").write_bytes(b"garbage" * 1000)
    code, out, err = run(capsys, "kb", "import", "--profile", str(tmp_path), str(EXAMPLES))
    assert (code, out) == (cli.EXIT_KNOWN_ERROR, "")
    assert err.startswith("agentdesk-admin: ") and "not an AgentDesk database" in err


def test_search_as_json_ranks_a_title_match_first(
        profile: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "kb", "import", "--profile", profile, str(EXAMPLES))
    code, out, _ = run(capsys, "kb", "search", "--profile", profile, "套餐", "--json")
    hits = json.loads(out)
    assert code == 0 and "套餐" in out  # not escaped
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    first = hits[0]
    assert (first["slug"], first["title"], first["in_title"]) == ("plan-change", "如何变更套餐",
                                                                   True)
    assert set(first) == {"rank", "slug", "title", "kind", "category", "language", "in_title",
                          "snippet", "title_spans", "snippet_spans"}
    assert [first["title"][s:e] for s, e in first["title_spans"]] == ["套餐"]
    assert all(h["snippet"][s:e] == "套餐" for h in hits for s, e in h["snippet_spans"])
    assert not any(h["in_title"] for h in hits[1:])
    assert {h["slug"] for h in hits} >= {"bill-query", "roaming", "too-expensive"}


def test_search_prints_one_marked_line_per_hit(
        profile: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "kb", "import", "--profile", profile, str(EXAMPLES))
    code, out, _ = run(capsys, "kb", "search", "--profile", profile, "porting", "--limit", "5")
    assert code == 0
    (line,) = out.splitlines()
    assert line.startswith("1. [policy] [Porting] a number in (porting-in) — ")
    assert "Ask for the [porting] code" in line
    code, out, _ = run(capsys, "kb", "search", "--profile", profile, "套餐", "--limit", "2")
    assert out.splitlines()[0].startswith("1. [faq] 如何变更[套餐] (plan-change) — ")
    assert len(out.splitlines()) == 2


def test_with_a_server_the_import_goes_there_and_comes_back(
        profile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENTDESK_SERVER_URL", f"sqlite:///{tmp_path / 'server.db'}")
    assert run(capsys, "init-server")[0] == 0
    code, out, _ = run(capsys, "kb", "import", "--profile", profile, str(EXAMPLES))
    assert (code, out) == (0, "Imported 6 articles (6 new or changed) from 3 files; 0 problems\n")
    other = str(tmp_path / "other")  # a second workstation gets them by syncing
    assert run(capsys, "check", "--profile", other)[0] == 0
    assert run(capsys, "sync", "--profile", other)[0] == 0
    code, out, _ = run(capsys, "kb", "search", "--profile", other, "漫游", "--json")
    assert [hit["slug"] for hit in json.loads(out)] == ["roaming"]
