"""Script files: call scripts read from and written to YAML or JSON, safely and losslessly."""

from __future__ import annotations

import codecs
import json
import math
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

from agentdesk.domain.errors import KnownError
from agentdesk.domain.scripts import MAX_VALUE_CHARS, Script, ScriptProblem
from agentdesk.services.scripts import MAX_NAME, MAX_NOTE

MAX_FILE_BYTES = 2 * 1024 * 1024
# A script is five levels deep (file, steps, step, answers, answer); more is a mistake or
# an attack, and is refused before it can exhaust the stack.
MAX_DEPTH = 32
_TOO_BIG = f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB and was not read"
_TOO_DEEP = f"nested too deeply (more than {MAX_DEPTH} levels of lists and mappings)"
FORMATS = ("yaml", "json")
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


class ScriptFileError(KnownError):
    """A script file that cannot be read or written; the message names the file and place.

    Attributes:
        path: The file, as given.
        line: The line concerned (1-based), if known.
        column: The column concerned (1-based), if known.
        detail: What is wrong, in English.
    """

    code = "script_file"

    def __init__(self, path: str | os.PathLike[str], detail: str, line: int | None = None,
                 column: int | None = None) -> None:
        where = str(path)
        if line is not None:
            where += f":{line}" if column is None else f":{line}:{column}"
        super().__init__(f"{where}: {detail}", path=str(path), line=line, column=column,
                         detail=detail)
        self.path = str(path)
        self.line = line
        self.column = column
        self.detail = detail


def file_format(path: Path, fmt: str | None = None) -> str:
    """Return ``fmt`` or the format the file's extension names ("yaml" or "json").

    Raises:
        ScriptFileError: neither names a script file format.
    """
    if fmt is not None:
        if fmt not in FORMATS:
            raise ScriptFileError(path, f"unknown format {fmt!r}: use yaml or json")
        return fmt
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise ScriptFileError(path, "not a script file: the name must end in .yaml, .yml or "
                                    ".json")
    return found


# --------------------------------------------------------------------------- reading

def read_script_file(path: Path) -> dict[str, Any]:
    """Read a script file (``.yaml``, ``.yml`` or ``.json``) into plain data.

    YAML is read without aliases, anchors or custom tags, and without YAML 1.1's guessing:
    a plain scalar is text (``no``, ``on``, ``1e3``, ``2026-01-01``, ``0123`` stay as
    written), except the null forms (``~``, ``null``, nothing), the words yes/no, true/false
    and on/off as a step's ``required``, and a whole number as the file's ``version``.
    Keys must be text and unique.

    Raises:
        ScriptFileError: the file is missing, too big, not UTF-8, empty, not valid YAML or
            JSON, nested too deeply, or its top level is not a mapping.
    """
    fmt = file_format(path)
    text = _read_text(path)
    data = _parse_json(path, text) if fmt == "json" else _parse_yaml(path, text)
    if data is None:
        raise ScriptFileError(path, "the file holds no script (only comments or null)")
    if not isinstance(data, dict):
        kind = "list" if isinstance(data, list) else "single value"
        raise ScriptFileError(path, "the top level must be a mapping (campaign:, direction:, "
                                    f"steps: ...), not a {kind}", 1 if fmt == "yaml" else None)
    return data


def _read_text(path: Path) -> str:
    """Return the file's text: UTF-8 (with or without a byte-order mark) or UTF-16 with one."""
    try:
        if not path.is_file():
            raise ScriptFileError(path, "no such file" if not path.exists()
                                  else "not a regular file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ScriptFileError(path, _TOO_BIG)
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ScriptFileError(path, f"cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:  # it grew while we looked, or /proc-like sizes
        raise ScriptFileError(path, _TOO_BIG)
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:
        text = data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as error:
        # The UTF-8 decoder counts from after a byte-order mark; the UTF-16 one from the start.
        start = error.start + (len(codecs.BOM_UTF8) if not utf16
                               and data.startswith(codecs.BOM_UTF8) else 0)
        line = None if utf16 else data[:start].count(b"\n") + 1
        raise ScriptFileError(path, f"not UTF-8 text: byte {start + 1} cannot be decoded; "
                                    "save the file as UTF-8", line) from None
    if "\x00" in text:
        raise ScriptFileError(path, "not UTF-8 text: NUL characters (a binary file, or UTF-16 "
                                    "without a byte-order mark)",
                              text[:text.index("\x00")].count("\n") + 1)
    if not text.strip():
        raise ScriptFileError(path, "the file is empty")
    return text


def _parse_json(path: Path, text: str) -> Any:
    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key, value in pairs:
            if key in mapping:
                raise ValueError(f"duplicate key {key[:40]!r}")
            mapping[key] = value
        return mapping

    def no_constant(name: str) -> NoReturn:
        raise ValueError(f"{name} is not a number JSON allows")

    try:
        data = json.loads(text, object_pairs_hook=unique, parse_constant=no_constant)
    except json.JSONDecodeError as error:
        raise ScriptFileError(path, error.msg, error.lineno, error.colno) from None
    except ValueError as error:  # the above, or a number of more than 4300 digits
        raise ScriptFileError(path, str(error)) from None
    except RecursionError:
        raise ScriptFileError(path, _TOO_DEEP) from None
    if _depth(data) > MAX_DEPTH:
        raise ScriptFileError(path, _TOO_DEEP)
    return data


def _depth(data: Any) -> int:
    """How deeply lists and mappings nest in ``data`` (counted without recursion)."""
    deepest, todo = 0, [(data, 1)]
    while todo and deepest <= MAX_DEPTH:
        item, level = todo.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            todo += [(c, level + 1) for c in (item.values() if isinstance(item, dict) else item)]
    return deepest


_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT = (_TAG + name for name in ("str", "null", "bool", "int",
                                                              "float"))
_ALLOWED_TAGS = frozenset({_STR, _NULL, _BOOL, _INT, _FLOAT, _TAG + "seq", _TAG + "map"})
_INT_RE = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,17})")
_FLOAT_RE = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


class _ScriptLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases, anchors, custom tags, deep nesting or guessing.

    Only the null forms are recognised by their look; every other plain scalar is text.
    Explicit standard tags (``!!str``, ``!!bool``, ``!!int``, ``!!float``, ``!!null``)
    are honoured, so that any data written by :func:`write_script_file` reads back.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag == _NULL]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        event = self.peek_event()
        mark: Any = event.start_mark
        tag = getattr(event, "tag", None)
        refused = ("aliases (*name) are not allowed" if isinstance(event, yaml.AliasEvent)
                   else "anchors (&name) are not allowed" if getattr(event, "anchor", None)
                   else f"the tag {str(tag)[:60]} is not allowed"
                   if tag not in (None, "!") and tag not in _ALLOWED_TAGS
                   else _TOO_DEEP if self._depth >= MAX_DEPTH else "")
        if refused:
            raise ComposerError(None, None, refused, mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode,
                          deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, yaml.Mark] = {}
            for key, _ in node.value:
                if not isinstance(key, yaml.ScalarNode) or key.tag != _STR:
                    raise ConstructorError(None, None, "a key must be text (quote it)",
                                           key.start_mark)
                if key.value in seen:
                    raise ConstructorError(
                        None, None, f"duplicate key {key.value[:40]!r} (first on line "
                                    f"{seen[key.value].line + 1})", key.start_mark)
                seen[key.value] = key.start_mark
        return super().construct_mapping(node, deep)

    def _scalar(self, node: yaml.ScalarNode, value: Any, problem: str) -> Any:
        if value is None:
            raise ConstructorError(None, None, problem, node.start_mark)
        return value

    def _bool(self, node: yaml.ScalarNode) -> bool:  # yes/no, true/false, on/off
        text = str(self.construct_scalar(node)).lower()
        return bool(self._scalar(node, self.bool_values.get(text), "not true or false"))

    def _int(self, node: yaml.ScalarNode) -> int:  # decimal, at most 18 digits
        text = str(self.construct_scalar(node))
        return int(self._scalar(node, text if _INT_RE.fullmatch(text) else None,
                                "not a whole number"))

    def _float(self, node: yaml.ScalarNode) -> float:  # finite, no .inf or .nan
        text = str(self.construct_scalar(node))
        number = float(text) if _FLOAT_RE.fullmatch(text) else math.nan
        return float(self._scalar(node, number if math.isfinite(number) else None,
                                  "not a finite number"))


_ScriptLoader.add_constructor(_BOOL, _ScriptLoader._bool)
_ScriptLoader.add_constructor(_INT, _ScriptLoader._int)
_ScriptLoader.add_constructor(_FLOAT, _ScriptLoader._float)


def _plain_text(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _STR and not node.style


def _fields(node: yaml.Node) -> list[tuple[str, yaml.Node]]:
    """The (key, value) pairs of a mapping node with a scalar key; none for other nodes."""
    return [(key.value, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)
            ] if isinstance(node, yaml.MappingNode) else []


def _type_known_fields(root: yaml.Node) -> None:
    """Give the format's typed fields their types: ``version`` and each step's ``required``."""
    for key, value in _fields(root):
        if key == "version" and _plain_text(value) and _INT_RE.fullmatch(value.value):
            value.tag = _INT
        for _, step in _fields(value) if key == "steps" else ():
            for field, flag in _fields(step):
                if (field == "required" and _plain_text(flag)
                        and flag.value.lower() in _ScriptLoader.bool_values):
                    flag.tag = _BOOL


def _parse_yaml(path: Path, text: str) -> Any:
    loader = None
    try:
        loader = _ScriptLoader(text)
        node = loader.get_single_node()
        if node is None:
            return None
        _type_known_fields(node)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        detail = re.sub(r"^but ", "", error.problem or "") or error.context or "not YAML"
        if error.context and error.problem:
            detail += f" ({error.context})"
        raise ScriptFileError(path, detail, *((mark.line + 1, mark.column + 1) if mark
                                              else ())) from None
    except yaml.reader.ReaderError as error:
        before = text[:error.position]
        raise ScriptFileError(
            path, f"unacceptable character #x{int(error.character):04x}: {error.reason}",
            before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1) from None
    except yaml.YAMLError as error:
        raise ScriptFileError(path, f"not valid YAML: {error}") from None
    except RecursionError:
        raise ScriptFileError(path, _TOO_DEEP) from None
    finally:
        if loader is not None:
            loader.dispose()


# --------------------------------------------------------------------------- writing

class _ScriptDumper(yaml.SafeDumper):
    """Block-style YAML: never anchors, multi-line text as ``|`` blocks, tuples as lists."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent_text(self, data: str) -> yaml.ScalarNode:
        """Multi-line text as a literal block, the rest as YAML chooses."""
        block = ("\n" in data.strip("\n") and self.default_style is None
                 and not any(c in data for c in "\r\x85\u2028\u2029"))
        return self.represent_scalar(_STR, data, style="|" if block else None)


_ScriptDumper.add_representer(str, _ScriptDumper.represent_text)
# YAML 1.2 reads 1e3 as a number: quote such text for other tools too.
_ScriptDumper.add_implicit_resolver(_FLOAT, re.compile(_FLOAT_RE.pattern + r"\Z"),
                                    list("-+0123456789."))


def _plain(data: Any) -> Any:
    """``data`` with mappings as dicts and tuples as lists (what reading gives back)."""
    if isinstance(data, Mapping):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_plain(item) for item in data]
    return data


def script_text(data: Mapping[str, Any], fmt: str) -> str:
    """Return ``data`` as the text of a script file in ``fmt`` ("yaml" or "json").

    Raises:
        ValueError: the data cannot be written so that it reads back the same (a NaN, a
            type neither format holds).
    """
    plain = _plain(data)
    if fmt == "json":
        return json.dumps(plain, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if fmt != "yaml":
        raise ValueError(f"unknown format {fmt!r}")
    # Plain and block styles first; then, for types the reader does not guess (a boolean or
    # number outside the format's own fields) or text those styles cannot carry, everything
    # double-quoted and tagged.
    for style in (None, '"'):
        text = yaml.dump(plain, Dumper=_ScriptDumper, allow_unicode=True, sort_keys=False,
                         default_flow_style=False, default_style=style, width=1_000_000)
        if _reads_back(text, plain):
            return text
    raise ValueError("the data cannot be written as YAML so that it reads back the same")


def _reads_back(text: str, data: Any) -> bool:
    try:
        return bool(_parse_yaml(Path("-"), text) == data)
    except ScriptFileError:
        return False


def write_script_file(data: Mapping[str, Any], path: Path, fmt: str | None = None) -> None:
    """Write a script file atomically: JSON, or block-style YAML, by ``fmt`` or extension.

    The file reads back (:func:`read_script_file`) to the same data. Another program never
    sees a half-written file: the text goes to a temporary file that then replaces ``path``.

    Raises:
        ScriptFileError: the format is unknown or the file cannot be written.
        ValueError: the data cannot be written losslessly (see :func:`script_text`).
    """
    text = script_text(data, file_format(path, fmt))
    directory = path.parent
    temporary = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                        dir=directory or None)
        temporary = Path(name)
        os.chmod(name, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise ScriptFileError(path, f"cannot be written: {error.strerror or error}") from None
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


# --------------------------------------------------------------------------- problems

_ACTIONS = "order, callback, disposition:CODE or article:SLUG"
# (last part of the path, code) -> explanation; ("", code) for any path.
_EXPLAINED = {
    ("script", "not_a_mapping"): "the file must hold a mapping (campaign:, steps: ...)",
    ("steps", "required"): "the script has no steps: map step ids to steps under steps:",
    ("start", "required"): "missing: the id of the step the script starts with",
    ("campaign", "required"): "missing: the code of the campaign the script is for",
    ("campaign", "unknown"): "no campaign with this code in the workspace",
    ("direction", "invalid"): "must be outbound or inbound",
    ("name", "required"): "missing: the script's name",
    ("name", "too_long"): f"too long (at most {MAX_NAME} characters)",
    ("change_note", "too_long"): f"too long (at most {MAX_NOTE} characters)",
    ("objections", "invalid"): "must be a list of step ids",
    ("values", "not_a_mapping"): "must map variable names to text",
    ("action", "invalid"): f"not an action (use {_ACTIONS})",
    ("next", "invalid"): "not a step id (give the id of a step, or null for none)",
    ("answers", "not_a_list"): "must be a list of answers (lines starting with -)",
    ("draft", "exists"): "the campaign already has a draft for this direction",
    ("script", "published"): "a published version never changes",
    ("", "invalid_id"): "a step id is 1-64 letters, digits, _ and - (e.g. offer_upgrade)",
    ("", "invalid_name"): "not a variable name (lower-case letters, digits and _, in parts "
                          "joined by dots, e.g. operator.name)",
    ("", "not_a_mapping"): "must be a mapping (key: value lines)",
    ("", "not_a_list"): "must be a list (lines starting with -)",
    ("", "not_text"): "must be text (put it in quotes)",
    ("", "required"): "missing or empty, but required",
    ("", "too_long"): "too long (titles and labels at most 100 characters, texts 4,000)",
    ("", "not_boolean"): "must be true or false",
    ("steps", "too_many"): "too many steps (at most 500)",
    ("answers", "too_many"): "too many answers (at most 9, one per number key)",
    ("objections", "too_many"): "too many objection steps (at most 50)",
}


def describe_problem(path: str, code: str) -> str:
    """Explain a problem of a script's content (a :class:`ValidationError` entry) in English.

    Args:
        path: Where it is, e.g. ``steps.greeting.answers[1].action``.
        code: The problem code, e.g. ``invalid``.

    Returns:
        ``path: explanation``, e.g. ``steps.greeting.answers[1].action: not an action
        (use order, callback, disposition:CODE or article:SLUG)``.
    """
    last = re.sub(r"\[\d+\]$", "", path.rsplit(".", 1)[-1])
    if path.startswith("values.") and code == "invalid":
        text = f"the value must be text of at most {MAX_VALUE_CHARS} characters"
    else:
        text = _EXPLAINED.get((last, code)) or _EXPLAINED.get(("", code)) or code.replace(
            "_", " ")
    return f"{path}: {text}"


def describe_script_problem(problem: ScriptProblem, script: Script | None = None) -> str:
    """Explain a reason a script cannot be published (a :func:`check_script` result).

    Args:
        problem: The problem.
        script: The script checked; with it an answer is named by its label.

    Returns:
        E.g. ``step offer: answer 'Wants it' leads to unknown step 'order_x'``.
    """
    step, detail = problem.step, problem.detail
    texts = {
        "missing_start": f"the start step {detail!r} is not one of the steps",
        "missing_objection": f"the objection {detail!r} is not one of the steps",
        "unknown_step": f"{_answers_to(script, step, detail)} leads to unknown step {detail!r}",
        "unreachable": "no answer leads here from the start or an objection",
        "dead_end": f"answer {detail!r} has neither a next step nor an action",
        "no_way_out": "no answer from here leads to one that sets a disposition (a dead end "
                      "or a loop)",
        "unknown_variable": f"{{{detail}}} is not a variable the console fills; define it "
                            "under values:",
        "unknown_disposition": f"disposition {detail!r} is not a code of the campaign",
        "unknown_article": f"no published knowledge article {detail!r}",
        "no_answers": "the step has no answers",
    }
    text = texts.get(problem.code, f"{problem.code.replace('_', ' ')} {detail}".strip())
    return f"step {step}: {text}" if step else text


def _answers_to(script: Script | None, step: str, target: str) -> str:
    """``answer 'Label'`` for the answers of ``step`` leading to ``target``, if known."""
    found = script.steps.get(step) if script is not None else None
    labels = [a.label_en or a.label for a in found.answers if a.next == target] if found else []
    if not labels:
        return "an answer"
    return ("answer " if len(labels) == 1 else "answers ") + ", ".join(map(repr, labels))
