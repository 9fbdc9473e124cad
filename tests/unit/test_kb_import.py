"""Knowledge-base import from Markdown and CSV files: good files, hostile files, re-imports."""

from __future__ import annotations

import codecs
import os
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.knowledge import BODY_MAX, ArticleKind, ArticleStatus
from agentdesk.domain.people import Role
from agentdesk.services.kb_import import (
    MAX_FILE_BYTES,
    FileProblem,
    import_articles,
    read_articles,
)
from agentdesk.services.knowledge import KnowledgeService, NotAllowedError
from agentdesk.services.workspace import Workspace
from tests.helpers.factories import add_user

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples" / "kb"
BOMB = """---
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
title: [*g, *g, *g, *g, *g, *g, *g, *g, *g]
---
body
"""


@pytest.fixture
def trainer(workspace: Workspace) -> KnowledgeService:
    return workspace.knowledge_for(add_user(workspace, "trainer1", Role.TRAINER))


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """A directory for the files to import, beside (not around) the workspace."""
    directory = tmp_path / "files"
    directory.mkdir()
    return directory


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def codes(problems: tuple[FileProblem, ...]) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in problems]


# ------------------------------------------------------------------------- good files

def test_the_examples_import_and_search_finds_them(trainer: KnowledgeService) -> None:
    report = import_articles(trainer, [EXAMPLES])
    assert report.problems == ()
    assert (report.saved, report.changed, report.files_read) == (6, 6, 3)
    assert report.summary() == "Imported 6 articles (6 new or changed) from 3 files; 0 problems"
    hits = trainer.search("套餐")
    assert hits[0].slug == "plan-change" and hits[0].in_title
    assert {"bill-query", "roaming", "too-expensive"} <= {h.slug for h in hits}
    assert [h.slug for h in trainer.search("porting")] == ["porting-in"]
    assert trainer.search("downgrade")[0].slug == "plan-change.en"


def test_markdown_front_matter_fills_every_field(trainer: KnowledgeService) -> None:
    import_articles(trainer, [EXAMPLES])
    article = trainer.article_by_slug("plan-change").article.draft
    assert article.title == "如何变更套餐"
    assert article.body.startswith("客户可以在每月")  # the heading became the title
    assert article.tags == ("套餐变更", "改套餐", "降档")
    assert article.products == ("PLAN-58", "PLAN-88")
    assert (article.language, article.category, article.kind) == ("zh", "套餐", ArticleKind.FAQ)
    assert article.answer.startswith("每月 1 日至 25 日")
    row = trainer.article_by_slug("roaming").article.draft
    assert (row.kind, row.tags, row.products) == (ArticleKind.PRODUCT, ("漫游", "出国"),
                                                  ("ROAM-DAY",))
    assert "\r" not in trainer.article_by_slug("bill-query").article.draft.body


def test_translations_are_linked(trainer: KnowledgeService) -> None:
    import_articles(trainer, [EXAMPLES])
    english = trainer.article_by_slug("plan-change", "en")
    assert english.article.slug == "plan-change.en"
    chinese = trainer.article_by_slug("plan-change")
    assert chinese.translations == (("en", english.article.id),)


def test_reimport_changes_nothing_and_an_edit_changes_one(
        trainer: KnowledgeService, files: Path) -> None:
    for source in EXAMPLES.iterdir():
        write(files, source.name, source.read_bytes())
    assert import_articles(trainer, [files]).changed == 6
    again = import_articles(trainer, [files])
    assert (again.saved, again.changed, again.problems) == (6, 0, ())
    english = files / "plan-change.en.md"
    english.write_text(english.read_text("utf-8").replace("at once", "right away"), "utf-8")
    assert import_articles(trainer, [files]).changed == 1


def test_defaults_aliases_and_list_forms(trainer: KnowledgeService, files: Path) -> None:
    write(files, "Roaming Charges.md", "Intro line\n\n# Roaming charges #\n\nDaily fee.\n")
    write(files, "套餐.markdown", "---\nlanguage: zh-CN\ntags: 甲、乙，丙, 丁\n"
                                   "status: Draft\n---\n# 套餐说明\n正文\n")
    write(files, "sub/en.md", "---\ntitle: Billing\nlanguage: en_US\nkind: POLICY\n"
                                 "tags:\n  - one\n  - 2\n---\nText\n")
    write(files, "notes.txt", "not an article")
    write(files, ".hidden/x.md", "# Hidden\nbody")
    batch = read_articles([files])
    assert batch.problems == ()
    assert (batch.files_read, batch.files_skipped) == (3, 1)
    drafts = {d.slug: d for d in batch.drafts}
    roaming = drafts["roaming-charges"]
    assert (roaming.title, roaming.body) == ("Roaming charges", "Intro line\n\n\nDaily fee.")
    (plan,) = (d for d in batch.drafts if d.title == "套餐说明")
    assert plan.slug.startswith("kb-") and plan.tags == ("甲", "乙", "丙", "丁")
    assert (plan.language, plan.status) == ("zh", ArticleStatus.DRAFT)
    assert read_articles([files / "套餐.markdown"]).drafts[0].slug == plan.slug  # stable
    assert (drafts["en"].language, drafts["en"].kind, drafts["en"].tags) == (
        "en", ArticleKind.POLICY, ("one", "2"))


def test_a_heading_in_a_code_block_is_not_the_title(files: Path) -> None:
    path = write(files, "code.md", "```\n# comment\n```\n# Real title\ntext\n")
    (draft,) = read_articles([path]).drafts
    assert draft.title == "Real title" and draft.body == "```\n# comment\n```\ntext"


def test_csv_with_a_utf8_bom_and_utf16_with_a_bom_are_read(files: Path) -> None:
    table = "title,body,slug\nFirst,one,first\nSecond,two,second\n"
    write(files, "a.csv", codecs.BOM_UTF8 + table.encode("utf-8"))
    write(files, "b.md", "---\ntitle: 宽字符\n---\n正文".encode("utf-16"))
    batch = read_articles([files])
    assert batch.problems == ()
    assert [d.slug for d in batch.drafts] == ["first", "second", "b"]
    assert batch.drafts[2].title == "宽字符"


def test_dry_run_saves_nothing(trainer: KnowledgeService) -> None:
    report = import_articles(trainer, [EXAMPLES], dry_run=True)
    assert (report.saved, report.changed, report.dry_run) == (6, 0, True)
    assert report.summary().startswith("Would import 6 articles from 3 files; 0 problems")
    assert trainer.search("套餐") == []


def test_agents_may_not_import(workspace: Workspace) -> None:
    agent = workspace.knowledge_for(add_user(workspace, "agent01", Role.AGENT))
    with pytest.raises(NotAllowedError):
        import_articles(agent, [EXAMPLES])


def test_ten_thousand_rows_import(trainer: KnowledgeService, files: Path) -> None:
    rows = [f"row-{i},Article {i},Body of article number {i} about 套餐 {i % 7},faq"
            for i in range(10_000)]
    write(files, "big.csv", "slug,title,body,kind\n" + "\n".join(rows) + "\n")
    started = time.perf_counter()
    report = import_articles(trainer, [files])
    assert (report.saved, report.changed, report.problems) == (10_000, 10_000, ())
    assert time.perf_counter() - started < 60
    assert trainer.search("Article 9876", limit=1)[0].slug == "row-9876"


# --------------------------------------------------------------------- hostile files

HOSTILE: list[tuple[str, str | bytes, list[tuple[str, str]], int | None]] = [
    ("junk.md", bytes(range(256)) * 8, [("file", "not_utf8")], 2),
    ("nul.md", b"---\ntitle: x\n---\nbody\x00text", [("file", "not_utf8")], 4),
    ("latin1.csv", b"title,body\nok,caf\xe9\n", [("file", "not_utf8")], 2),
    ("empty.md", b"", [("file", "empty")], None),
    ("blank.csv", b" \r\n\r\n", [("file", "empty")], None),
    ("bomb.md", BOMB, [("front_matter", "bad_front_matter")], 3),
    ("python.md", "---\ntitle: ok\nx: !!python/object/apply:os.system ['echo hi']\n---\nb",
     [("front_matter", "bad_front_matter")], 3),
    ("list.md", "---\n- a\n- b\n---\n# T\nbody", [("front_matter", "bad_front_matter")], 2),
    ("scalar.md", "---\njust text\n---\n# T\nbody", [("front_matter", "bad_front_matter")], 2),
    ("syntax.md", "---\ntitle: ok\ntags: [a, b\n---\nbody",
     [("front_matter", "bad_front_matter")], None),
    ("open.md", "---\ntitle: x\n\nbody", [("front_matter", "bad_front_matter")], 1),
    ("nested.md", "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\nbody",
     [("front_matter", "bad_front_matter")], 1),
    ("date.md", "---\ntitle: !!timestamp 2024-13-45\n---\nbody",
     [("front_matter", "bad_front_matter")], 1),
    ("huge.md", "---\nanswer: " + "x" * 70_000 + "\n---\nbody",
     [("front_matter", "bad_front_matter")], 1),
    ("untitled.md", "---\nslug: no-title\n---\nno heading here", [("title", "required")], 1),
    ("long-slug.md", f"---\nslug: {'a' * 300}\n---\n# T\nbody", [("slug", "too_long")], 2),
    ("bad-slug.md", "---\nslug: Bad Slug!\n---\n# T\nbody", [("slug", "invalid")], 2),
    ("nobody.md", "---\ntitle: Empty\n---\n\n", [("body", "required")], 4),
    ("kind.md", "---\nkind: rumour\nstatus: gone\nlanguage: fr\n---\n# T\nbody",
     [("kind", "invalid"), ("status", "invalid"), ("language", "invalid")], 2),
    ("tags.md", "---\ntags: {a: 1}\ntitle: [a, b]\n---\n# T\nbody",
     [("title", "invalid"), ("tags", "invalid")], 3),
    ("many.md", "---\ntags: [" + ", ".join(f"t{i}" for i in range(30)) + "]\n---\n# T\nb",
     [("tags", "too_many")], 2),
    ("self.md", "---\nslug: me\ntranslation_of: me\n---\n# T\nbody",
     [("translation_of", "invalid")], 3),
    ("columns.csv", "slug,title\na,b\n", [("body", "missing_column")], 1),
    ("twice.csv", "title,body,title\na,b,c\n", [("title", "bad_csv")], 1),
    ("cells.csv", "title,body\nA,b,extra\nB\n",
     [("row", "bad_row"), ("row", "bad_row")], 2),
    ("quote.csv", 'title,body\nGood,fine\nBad,"x"y\nNever,read\n', [("file", "bad_csv")], 3),
    ("unclosed.csv", 'title,body\nBad,"never closed\nmore\n', [("file", "bad_csv")], 2),
    ("kind.csv", "title,body,kind\nT,b,rumour\n", [("kind", "invalid")], 2),
]


@pytest.mark.parametrize(("name", "content", "expected", "line"), HOSTILE,
                         ids=[h[0] for h in HOSTILE])
def test_a_hostile_file_is_reported_and_the_others_still_import(
        trainer: KnowledgeService, files: Path, name: str, content: str | bytes,
        expected: list[tuple[str, str]], line: int | None) -> None:
    write(files, name, content)
    write(files, "zz-good.md", "# Good article\nFine.")
    report = import_articles(trainer, [files])
    assert codes(report.problems) == expected
    if line is not None:
        assert report.problems[0].line == line
    assert all(str(p).startswith(str(files / name)) for p in report.problems)
    assert report.saved >= 1 and trainer.search("Good article")[0].slug == "zz-good"
    assert report.summary().endswith(f"; {len(expected)} problem" + "s" * (len(expected) > 1))


def test_problems_read_as_path_line_field_message(files: Path) -> None:
    write(files, "a.md", f"---\nslug: {'a' * 300}\n---\n# T\nbody")
    write(files, "b.md", "---\ntitle: x\nx: !!python/object:os.system {}\n---\nb")
    problems = [str(p) for p in read_articles([files]).problems]
    assert problems[0] == f"{files / 'a.md'}:2: slug: too long: at most 100 characters"
    assert problems[1].startswith(f"{files / 'b.md'}:3: front_matter: bad front matter: "
                                  "could not determine a constructor")


def test_an_alias_bomb_is_refused_quickly(files: Path) -> None:
    started = time.perf_counter()
    (problem,) = read_articles([write(files, "bomb.md", BOMB)]).problems
    assert time.perf_counter() - started < 1
    assert "aliases" in problem.detail


def test_a_file_over_5_mb_is_not_read(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = files / "big.md"
    with path.open("wb") as stream:
        stream.truncate(6 * 1024 * 1024)
    assert path.stat().st_size > MAX_FILE_BYTES

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("opened")

    monkeypatch.setattr(Path, "open", refuse)
    (problem,) = read_articles([path]).problems
    assert (problem.code, problem.message) == ("too_big",
                                               "the file is larger than 5 MB and was not read")


def test_unknown_fields_are_reported_but_the_article_imports(files: Path) -> None:
    write(files, "a.md", "---\ntitle: Hi\nauthor: me\n---\nbody")
    write(files, "b.csv", "title,body,colour\nCSV row,text,red\n")
    batch = read_articles([files])
    assert [(Path(p.path).name, p.line, p.field, p.code) for p in batch.problems] == [
        ("a.md", 3, "author", "unknown_field"), ("b.csv", 1, "colour", "unknown_field")]
    assert [d.title for d in batch.drafts] == ["Hi", "CSV row"]


def test_a_duplicate_slug_keeps_the_first(files: Path) -> None:
    write(files, "a.md", "---\nslug: same\n---\n# First\nbody")
    write(files, "b.csv", "slug,title,body\nsame,Second,x\nsame,Third,y\nother,Fourth,z\n")
    batch = read_articles([files])
    assert [d.title for d in batch.drafts] == ["First", "Fourth"]
    assert [(p.line, p.code) for p in batch.problems] == [(2, "duplicate_slug"),
                                                         (3, "duplicate_slug")]
    assert batch.problems[0].detail == f"same is already taken by {files / 'a.md'}:1"


def test_a_missing_path_and_a_missing_original_are_reported(
        trainer: KnowledgeService, files: Path) -> None:
    write(files, "t.md", "---\nslug: t.en\ntranslation_of: nowhere\n---\n# T\nbody")
    report = import_articles(trainer, [files, files / "absent"])
    assert codes(report.problems) == [("file", "missing"), ("translation_of", "not_found")]
    assert report.saved == 1


def test_front_matter_values_stay_as_written(files: Path) -> None:
    write(files, "a.md", "---\ntitle: No\nslug: 0123\ncategory: 12:30\nanswer:\n"
                         "tags: [on, off, 1_000, 2024-01-02T10:00:00Z, 1.50, ~]\n"
                         "products: [YES, 0x1F, .inf]\nyes: unknown\n---\nbody\n")
    write(files, "b.md", "---\ntitle:\nanswer: Null\n---\n# From the heading\nbody\n")
    batch = read_articles([files])
    assert codes(batch.problems) == [("yes", "unknown_field")]
    first, second = batch.drafts
    assert (first.title, first.slug, first.category, first.answer) == ("No", "0123", "12:30", "")
    assert first.tags == ("on", "off", "1_000", "2024-01-02T10:00:00Z", "1.50", "~")
    assert first.products == ("YES", "0x1F", ".inf")
    assert (second.title, second.answer) == ("From the heading", "Null")


def test_a_csv_body_longer_than_the_csv_module_allows_is_read(files: Path) -> None:
    long, too_long = "x" * 150_000, "y" * (BODY_MAX + 1)
    write(files, "long.csv", f"title,body\nLong,{long}\nToo long,{too_long}\nAfter,fine\n")
    batch = read_articles([files])
    assert [(p.line, p.field, p.code) for p in batch.problems] == [(3, "body", "too_long")]
    assert [(d.title, len(d.body)) for d in batch.drafts] == [("Long", 150_000), ("After", 4)]


def test_a_bad_byte_after_a_utf8_bom_is_placed_right(files: Path) -> None:
    text = b"---\ntitle: x\n---\nfirst line\nbad \xff here\n"
    plain = read_articles([write(files, "plain.md", text)]).problems
    marked = read_articles([write(files, "bom.md", codecs.BOM_UTF8 + text)]).problems
    where = text.index(b"\xff") + 1
    assert [(p.line, p.detail.split(" cannot")[0]) for p in (*plain, *marked)] == [
        (5, f"byte {where}"), (5, f"byte {where + 3}")]


def test_blank_csv_columns_are_ignored(files: Path) -> None:
    write(files, "excel.csv", "title,body,slug,,\r\nA,a body,a,,\r\nB,b body,b,, note\r\n"
                              "C,c body,c\r\nD,d body\r\n")
    batch = read_articles([files])
    assert [(p.line, p.field, p.code, p.detail) for p in batch.problems] == [
        (3, "row", "bad_row", "cell 5 has text, but its column has no name"),
        (5, "row", "bad_row", "2 cells, the header has 5")]
    assert [d.slug for d in batch.drafts] == ["a", "c"]


def test_an_unreadable_directory_is_reported(files: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    write(files, "a.md", "# A\nbody")
    write(files, "locked/b.md", "# B\nbody")
    locked, scandir = files / "locked", os.scandir

    def refuse(path: str | os.PathLike[str]) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    batch = read_articles([files])
    assert [(p.path, p.field, p.code, p.detail) for p in batch.problems] == [
        (str(locked), "file", "unreadable", "Permission denied")]
    assert [d.title for d in batch.drafts] == ["A"]


# ------------------------------------------------------------------------ properties

YAMLISH = st.lists(st.sampled_from([
    "---", "title: x", "tags: [a, b", "&a [1]", "*a", "- x", "!!python/object:os.system", "? [a]",
    ": b", "<<: {a: 1}", "slug: A B", "2024-13-45", "!!binary x", "!!timestamp 1", "!!set",
    "\ufeff", "\r", "'", '"', "# T", "{", "}", "[", "]", ",", "kind:", "language: fr", "\t",
]), max_size=30).map(lambda parts: "".join(p + ("\n" if i % 3 else " ")
                                           for i, p in enumerate(parts)))


@settings(max_examples=200, deadline=None)
@given(content=st.binary(max_size=2000), text=st.one_of(YAMLISH, st.text(max_size=400)))
def test_read_articles_never_raises(content: bytes, text: str) -> None:
    with tempfile.TemporaryDirectory() as work:
        directory = Path(work)
        (directory / "random.md").write_bytes(content)
        (directory / "random.csv").write_bytes(content)
        (directory / "front.md").write_text(f"---\n{text}\n---\n{text}", "utf-8",
                                            errors="replace")
        (directory / "table.csv").write_text(f"title,body,tags\n{text}", "utf-8",
                                             errors="replace")
        batch = read_articles([directory])
    assert batch.files_read == 4
    assert all(isinstance(p, FileProblem) for p in batch.problems)
