"""Script files: reading YAML and JSON safely, writing them losslessly, explaining problems."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.errors import KnownError, ValidationError
from agentdesk.domain.scripts import ScriptProblem, check_script, script_from_data
from agentdesk.services import script_files
from agentdesk.services.script_files import (
    MAX_FILE_BYTES,
    ScriptFileError,
    describe_problem,
    describe_script_problem,
    read_script_file,
    script_text,
    write_script_file,
)
from tests.helpers.scripts import SALES_SCRIPT

EXAMPLE = (Path(__file__).resolve().parents[2] / "resources" / "examples" / "scripts"
           / "outbound-5g.yaml")
FILE_DATA: dict[str, Any] = {"campaign": "OB", "direction": "outbound", "name": "5G 升级外呼",
                             "change_note": "", "version": 1, **SALES_SCRIPT}


def written(tmp_path: Path, text: str | bytes, name: str = "script.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, "utf-8")
    else:
        path.write_bytes(text)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(ScriptFileError) as caught:
        read_script_file(path)
    assert isinstance(caught.value, KnownError) and caught.value.code == "script_file"
    return str(caught.value)


# ---------------------------------------------------------------------------- reading

def test_yaml_keeps_text_as_written_and_types_only_the_formats_own_fields(
        tmp_path: Path) -> None:
    path = written(tmp_path, """\
# comments are fine
campaign: OB
version: 3
start: greeting
values: {operator.hotline: 10086, operator.since: 2001-01-01}
steps:
  greeting:
    title: no
    title_en: On
    text: 1e3
    text_en: "0123"
    required: yes
    answers:
      - {label: 是, label_en: Yes, next: ~, action: null}
      - label: 否
        label_en: No
        next:
  other:
    required: Off
    text: |
      line one
      line two
""")
    data = read_script_file(path)
    assert data == {
        "campaign": "OB", "version": 3, "start": "greeting",
        "values": {"operator.hotline": "10086", "operator.since": "2001-01-01"},
        "steps": {
            "greeting": {"title": "no", "title_en": "On", "text": "1e3", "text_en": "0123",
                         "required": True, "answers": [
                             {"label": "是", "label_en": "Yes", "next": None, "action": None},
                             {"label": "否", "label_en": "No", "next": None}]},
            "other": {"required": False, "text": "line one\nline two\n"}}}


def test_a_required_that_is_no_boolean_word_stays_text_for_the_checks(tmp_path: Path) -> None:
    data = read_script_file(written(tmp_path, "steps:\n  a:\n    required: maybe\n"))
    assert data["steps"]["a"]["required"] == "maybe"
    assert read_script_file(written(tmp_path, 'steps:\n  a:\n    required: "no"\n'))[
        "steps"]["a"]["required"] == "no"  # quoted: the author meant text


def test_json_and_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    text = json.dumps(FILE_DATA, ensure_ascii=False)
    assert read_script_file(written(tmp_path, text, "s.json")) == FILE_DATA
    assert read_script_file(written(tmp_path, b"\xef\xbb\xbf" + text.encode(), "b.json")) \
        == FILE_DATA
    assert read_script_file(written(tmp_path, "\ufeffcampaign: OB\n".encode("utf-16"),
                                    "u.yml")) == {"campaign": "OB"}


@pytest.mark.parametrize(("name", "text", "message"), [
    ("s.yaml", "campaign: OB\nsteps:\n  greeting:\n    title: a: b\n",
     "s.yaml:4:13: mapping values are not allowed here"),
    ("s.yaml", "campaign: OB\nsteps: [a\n", "s.yaml:3:1: expected ',' or ']', but got "
     "'<stream end>' (while parsing a flow sequence)"),
    ("s.json", '{"campaign": "OB",\n  "steps": {,}}', "s.json:2:13: Expecting property name "
     "enclosed in double quotes"),
    ("s.yaml", "a: &x [1]\nb: *x\n", "s.yaml:1:4: anchors (&name) are not allowed"),
    ("s.yaml", "b: *x\n", "s.yaml:1:4: aliases (*name) are not allowed"),
    ("s.yaml", "a: !!python/object/apply:os.system [ls]\n",
     "s.yaml:1:4: the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed"),
    ("s.yaml", "a: !!binary aGk=\n", "s.yaml:1:4: the tag tag:yaml.org,2002:binary is not "
     "allowed"),
    ("s.yaml", "a: !!bool maybe\n", "s.yaml:1:4: not true or false"),
    ("s.yaml", "a: !!int 0x1F\n", "s.yaml:1:4: not a whole number"),
    ("s.yaml", "a: !!float .nan\n", "s.yaml:1:4: not a finite number"),
    ("s.yaml", "steps:\n  a: {}\n  a: {}\n", "s.yaml:3:3: duplicate key 'a' (first on line 2)"),
    ("s.json", '{"steps": {"a": {}, "a": {}}}', "s.json: duplicate key 'a'"),
    ("s.json", '{"version": NaN}', "s.json: NaN is not a number JSON allows"),
    ("s.yaml", "~: x\n", "s.yaml:1:1: a key must be text (quote it)"),
    ("s.yaml", "? [a]\n: x\n", "s.yaml:1:3: a key must be text (quote it)"),
    ("s.yaml", "a: 1\n---\nb: 2\n", "s.yaml:2:1: found another document (expected a single "
     "document in the stream)"),
    ("s.yaml", "a: b\x07\n", "s.yaml:1:5: unacceptable character #x0007: special characters "
     "are not allowed"),
    ("s.yaml", "- campaign: OB\n", "s.yaml:1: the top level must be a mapping (campaign:, "
     "direction:, steps: ...), not a list"),
    ("s.json", '"OB"', "s.json: the top level must be a mapping (campaign:, direction:, "
     "steps: ...), not a single value"),
    ("s.yaml", "# nothing but a comment\n", "s.yaml: the file holds no script (only comments "
     "or null)"),
    ("s.yaml", " \n\n", "s.yaml: the file is empty"),
    ("s.json", "", "s.json: the file is empty"),
    ("s.txt", "campaign: OB\n", "s.txt: not a script file: the name must end in .yaml, .yml "
     "or .json"),
])
def test_bad_files_are_refused_with_the_place(tmp_path: Path, name: str, text: str,
                                              message: str) -> None:
    path = written(tmp_path, text, name)
    assert refusal(path) == f"{tmp_path}/{message}"


def test_a_billion_laughs_is_refused_before_it_grows(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + n)}: &{chr(98 + n)} [{','.join([f'*{chr(97 + n)}'] * 9)}]"
              for n in range(8)]
    path = written(tmp_path, "\n".join(lines))
    assert refusal(path) == f"{path}:1:4: anchors (&name) are not allowed"


@pytest.mark.parametrize("name", ["deep.yaml", "deep.json"])
@pytest.mark.parametrize("depth", [40, 100_000])
def test_deep_nesting_is_refused_clearly(tmp_path: Path, name: str, depth: int) -> None:
    message = refusal(written(tmp_path, "[" * depth + "]" * depth, name))
    assert "nested too deeply (more than 32 levels of lists and mappings)" in message
    nested = written(tmp_path, "a:\n" + "".join(f"{'  ' * n}- \n" for n in range(1, 40)))
    assert "nested too deeply" in refusal(nested)


def test_a_file_over_2_mb_is_refused_without_reading_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = written(tmp_path, "campaign: OB\nnote: " + "x" * (3 * 1024 * 1024) + "\n")
    monkeypatch.setattr(Path, "open", lambda *_a, **_k: pytest.fail("the file was read"))
    assert refusal(path) == f"{path}: the file is larger than 2 MB and was not read"
    monkeypatch.undo()
    just = written(tmp_path, "note: " + "x" * (MAX_FILE_BYTES - 7) + "\n", "just.yaml")
    assert len(read_script_file(just)["note"]) == MAX_FILE_BYTES - 7


@pytest.mark.parametrize(("data", "message"), [
    (b"campaign: OB\nname: \xb5\xe7\xbb\xb0\n", "s.yaml:2: not UTF-8 text: byte 20 cannot be "
     "decoded; save the file as UTF-8"),  # GBK
    ("campaign: OB\n".encode("utf-16-le"), "s.yaml:1: not UTF-8 text: NUL characters (a "
     "binary file, or UTF-16 without a byte-order mark)"),
])
def test_text_that_is_not_utf8_is_refused(tmp_path: Path, data: bytes, message: str) -> None:
    assert refusal(written(tmp_path, data, "s.yaml")) == f"{tmp_path}/{message}"


def test_missing_files_and_directories_are_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path / "absent.yaml") == f"{tmp_path}/absent.yaml: no such file"
    (tmp_path / "dir.json").mkdir()
    assert refusal(tmp_path / "dir.json") == f"{tmp_path}/dir.json: not a regular file"


# ---------------------------------------------------------------------------- writing

@pytest.mark.parametrize("name", ["s.yaml", "s.yml", "s.json"])
def test_written_files_read_back_the_same(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_script_file(FILE_DATA, path)
    assert read_script_file(path) == FILE_DATA
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind
    text = path.read_text("utf-8")
    assert "中国示例通信" in text  # not escaped
    if name.endswith(".json"):
        assert text.startswith('{\n  "campaign": "OB",')
    else:
        assert text.startswith("campaign: OB\ndirection: outbound\n")
        assert "  greeting:\n    title: 开场\n" in text  # block style, in the file's order


def test_the_format_can_be_forced_and_an_existing_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "script.txt"
    path.write_text("old", "utf-8")
    write_script_file(FILE_DATA, path, "json")
    assert json.loads(path.read_text("utf-8")) == FILE_DATA
    with pytest.raises(ScriptFileError, match="not a script file"):
        write_script_file(FILE_DATA, tmp_path / "script.txt")
    with pytest.raises(ScriptFileError, match="cannot be written"):
        write_script_file(FILE_DATA, tmp_path / "absent" / "script.yaml")


def test_yaml_text_that_looks_like_other_types_is_quoted(tmp_path: Path) -> None:
    data = {"version": 7, "steps": {"a": {
        "title": "no", "text": "1e3", "text_en": "2026-01-01", "required": True,
        "answers": [{"label": "null", "label_en": "一\n二\n", "next": None}]}}}
    text = script_text(data, "yaml")
    assert text.splitlines()[:5] == ["version: 7", "steps:", "  a:", "    title: 'no'",
                                     "    text: '1e3'"]
    assert "    required: true\n" in text and "label_en: |\n" in text
    assert read_script_file(written(tmp_path, text)) == data


def test_types_outside_the_format_are_written_with_tags(tmp_path: Path) -> None:
    data = {"flags": [True, 1, 1.5, None, "true"], "required": False}
    text = script_text(data, "yaml")
    assert '- !!bool "true"' in text
    assert read_script_file(written(tmp_path, text)) == data
    with pytest.raises(ValueError, match="JSON compliant"):
        script_text({"x": float("nan")}, "json")


texts = st.text(st.characters(codec="utf-8"), max_size=30)
json_data = st.recursive(
    st.none() | st.booleans() | st.integers(-10**15, 10**15) | texts
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(texts, json_data, max_size=6))
def test_any_json_data_is_written_so_that_it_reads_back(data: dict[str, Any]) -> None:
    assert script_files._parse_yaml(Path("x"), script_text(data, "yaml")) == data
    assert script_files._parse_json(Path("x"), script_text(data, "json")) == data


# ---------------------------------------------------------------------------- problems

def test_content_problems_are_explained() -> None:
    cases = {
        ("steps.greeting.answers[1].action", "invalid"):
            "not an action (use order, callback, disposition:CODE or article:SLUG)",
        ("steps.greeting.answers[1].next", "invalid"):
            "not a step id (give the id of a step, or null for none)",
        ("steps.greeting.answers[0]", "not_a_mapping"): "must be a mapping (key: value lines)",
        ("steps.greeting.answers", "not_a_list"):
            "must be a list of answers (lines starting with -)",
        ("steps.greeting.text", "required"): "missing or empty, but required",
        ("steps.greeting.title_en", "not_text"): "must be text (put it in quotes)",
        ("steps. ", "invalid_id"):
            "a step id is 1-64 letters, digits, _ and - (e.g. offer_upgrade)",
        ("steps.greeting", "not_a_mapping"): "must be a mapping (key: value lines)",
        ("steps", "required"): "the script has no steps: map step ids to steps under steps:",
        ("script", "not_a_mapping"): "the file must hold a mapping (campaign:, steps: ...)",
        ("start", "required"): "missing: the id of the step the script starts with",
        ("objections", "invalid"): "must be a list of step ids",
        ("values", "not_a_mapping"): "must map variable names to text",
        ("values.Operator", "invalid_name"): "not a variable name (lower-case letters, digits "
                                             "and _, in parts joined by dots, e.g. "
                                             "operator.name)",
        ("values.operator.name", "invalid"):
            "the value must be text of at most 200 characters",
        ("campaign", "required"): "missing: the code of the campaign the script is for",
        ("campaign", "unknown"): "no campaign with this code in the workspace",
        ("direction", "invalid"): "must be outbound or inbound",
        ("name", "required"): "missing: the script's name",
        ("name", "too_long"): "too long (at most 100 characters)",
        ("change_note", "not_text"): "must be text (put it in quotes)",
        ("change_note", "too_long"): "too long (at most 500 characters)",
        ("draft", "exists"): "the campaign already has a draft for this direction",
        ("script", "published"): "a published version never changes",
        ("steps.a.answers[0].label", "something_new"): "something new",
    }
    for (path, code), text in cases.items():
        assert describe_problem(path, code) == f"{path}: {text}"


def test_every_problem_script_from_data_gives_is_explained() -> None:
    hostile = {"start": 1, "objections": "x", "values": {"Bad": "x", "a": "x" * 201},
               "steps": {"": {}, "b": [], "c": {"title": 1, "answers": "x"},
                         "d": {"answers": [1, {"next": 2, "action": "sell"}]}}}
    with pytest.raises(ValidationError) as caught:
        script_from_data(hostile)
    assert len(caught.value.problems) == 15
    for path, code in caught.value.problems.items():
        assert describe_problem(path, code) != f"{path}: {code.replace('_', ' ')}"


def test_check_problems_are_explained() -> None:
    script = script_from_data(SALES_SCRIPT)
    cases = {
        ScriptProblem("", "missing_start", "begin"): "the start step 'begin' is not one of the "
                                                     "steps",
        ScriptProblem("", "missing_objection", "obj_x"): "the objection 'obj_x' is not one of "
                                                         "the steps",
        ScriptProblem("offer", "unknown_step", "order_readback"):
            "step offer: answer 'Wants it' leads to unknown step 'order_readback'",
        ScriptProblem("offer", "unknown_step", "order_x"):
            "step offer: an answer leads to unknown step 'order_x'",
        ScriptProblem("offer", "unreachable"):
            "step offer: no answer leads here from the start or an objection",
        ScriptProblem("offer", "dead_end", "Later"):
            "step offer: answer 'Later' has neither a next step nor an action",
        ScriptProblem("offer", "no_way_out"): "step offer: no answer from here leads to one "
                                              "that sets a disposition (a dead end or a loop)",
        ScriptProblem("offer", "unknown_variable", "offer.colour"):
            "step offer: {offer.colour} is not a variable the console fills; define it under "
            "values:",
        ScriptProblem("offer", "unknown_disposition", "WON"):
            "step offer: disposition 'WON' is not a code of the campaign",
        ScriptProblem("offer", "unknown_article", "faq"):
            "step offer: no published knowledge article 'faq'",
        ScriptProblem("offer", "no_answers"): "step offer: the step has no answers",
        ScriptProblem("offer", "brand_new", "x"): "step offer: brand new x",
    }
    for problem, text in cases.items():
        assert describe_script_problem(problem, script) == text
    assert describe_script_problem(ScriptProblem("offer", "unknown_step", "x")) == \
        "step offer: an answer leads to unknown step 'x'"


def test_the_example_file_loads_and_passes_the_checks_but_the_campaigns() -> None:
    data = read_script_file(EXAMPLE)
    assert (data["campaign"], data["direction"]) == ("OB-5G-UPGRADE", "outbound")
    script = script_from_data(data)
    assert check_script(script) == []
    assert EXAMPLE.read_text("utf-8").startswith("# ")
