"""Call scripts as data: loading, checking, rendering variables and walking a call."""

from __future__ import annotations

import json
from collections import deque
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import agentdesk.services.demo
from agentdesk.domain.errors import ValidationError
from agentdesk.domain.script_walk import (
    PathEntry,
    ScriptError,
    ScriptWalk,
    passed_steps,
    path_from_data,
    walk_path,
)
from agentdesk.domain.scripts import (
    MAX_VALUE_CHARS,
    ActionKind,
    Piece,
    Script,
    ScriptAction,
    ScriptContext,
    check_script,
    parse_action,
    reachable,
    render,
    sale_gates,
    script_from_data,
    script_to_data,
)

SOURCES = json.loads((Path(agentdesk.services.demo.__file__).parent / "data" / "scripts.json")
                     .read_text("utf-8"))["scripts"]
OUTBOUND = next(s for s in SOURCES if s["direction"] == "outbound")
INBOUND = next(s for s in SOURCES if s["direction"] == "inbound")


def route_to(script: Script, start: str, wanted: Any) -> list[int]:
    """Answer indexes leading from ``start`` to an answer for which ``wanted`` holds."""
    queue: deque[tuple[str, list[int]]] = deque([(start, [])])
    seen = {start}
    while queue:
        step_id, route = queue.popleft()
        for index, answer in enumerate(script.steps[step_id].answers):
            if wanted(answer):
                return [*route, index]
            if answer.next and answer.next not in seen:
                seen.add(answer.next)
                queue.append((answer.next, [*route, index]))
    raise AssertionError(f"no route from {start}")


def test_the_demo_scripts_load_round_trip_and_pass_the_checks() -> None:
    for source in SOURCES:
        script = script_from_data(source)
        assert check_script(script) == []
        assert script_from_data(script_to_data(script)) == script


def test_actions_are_parsed_strictly() -> None:
    assert parse_action("disposition:SALE") == ScriptAction(ActionKind.DISPOSITION, "SALE")
    assert str(parse_action(" article:porting ")) == "article:porting"
    assert parse_action("order") == ScriptAction(ActionKind.ORDER)
    for bad in ("", "sell", "disposition", "disposition: ", "order:now", "article"):
        with pytest.raises(ValueError):  # noqa: PT011
            parse_action(bad)


def test_a_sale_walk_passes_the_required_steps_first() -> None:
    script = script_from_data(OUTBOUND)
    walk = ScriptWalk(script)
    assert walk.current.id == "greeting"
    actions = [walk.choose(i) for i in route_to(
        script, "greeting", lambda a: a.action == ScriptAction(ActionKind.DISPOSITION, "SALE"))]
    assert ScriptAction(ActionKind.ORDER) in actions
    assert actions[-1] == ScriptAction(ActionKind.DISPOSITION, "SALE")
    assert {"identity", "recording", "order_readback"} <= set(walk.visited)
    assert walk.sale_blockers({"SALE"}) == ()
    assert [p["step"] for p in walk_path(walk)][:3] == ["greeting", "identity", "recording"]


def test_an_objection_raised_early_cannot_skip_the_compliance_steps() -> None:
    script = script_from_data(OUTBOUND)
    assert sale_gates(script, {"SALE"}) == ("identity", "recording", "order_readback")
    walk = ScriptWalk(script)
    walk.raise_objection("obj_price")
    assert walk.choose(0) is None and walk.current.id == "order_form"  # "Accepts"
    assert walk.choose(0) == ScriptAction(ActionKind.ORDER)
    assert walk.sale_blockers({"SALE"}) == ("identity", "recording", "order_readback")


def test_an_objection_without_a_next_step_returns_where_it_was_raised() -> None:
    script = script_from_data(OUTBOUND)
    walk = ScriptWalk(script)
    walk.choose(0)  # Speaking -> identity
    walk.raise_objection("obj_price")
    article = next(i for i, a in enumerate(walk.current.answers)
                   if a.action is not None and a.action.kind is ActionKind.ARTICLE)
    assert walk.choose(article) == ScriptAction(ActionKind.ARTICLE, "too_expensive")
    assert walk.current.id == "identity"


def test_back_undoes_the_last_answer() -> None:
    walk = ScriptWalk(script_from_data(INBOUND))
    first = walk.current.id
    assert not walk.back()
    walk.choose(0)
    assert walk.current.id != first
    assert walk.back() and walk.current.id == first and walk.path == []
    with pytest.raises(ScriptError):
        walk.choose(len(walk.current.answers))
    with pytest.raises(ScriptError):
        walk.raise_objection(first)


def test_a_required_step_holding_the_sale_answer_counts_once_chosen() -> None:
    script = script_from_data(INBOUND)
    walk = ScriptWalk(script)
    for index in route_to(script, script.start, lambda a: a.ends_call
                          and a.action == ScriptAction(ActionKind.DISPOSITION, "SALE")):
        walk.choose(index)
    assert walk.sale_blockers({"SALE"}) == ()


# ---------------------------------------------------------------------------- checking

def script(steps: dict[str, Any], start: str = "a", **extra: Any) -> Script:
    return script_from_data({"start": start, "steps": steps, **extra})


def step(*answers: tuple[str | None, str | None], text: str = "说", required: bool = False
         ) -> dict[str, Any]:
    return {"title": "步骤", "text": text, "required": required,
            "answers": [{"label": "答", "next": n, "action": a} for n, a in answers]}


def codes(problems: list[Any]) -> set[tuple[str, str]]:
    return {(p.step, p.code) for p in problems}


def test_the_checks_find_what_keeps_a_script_from_being_published() -> None:
    broken = script({
        "a": step(("b", None), (None, "disposition:NO")),
        "b": step(("c", None)),  # b -> c -> b: a cycle without an exit
        "c": step(("b", None)),
        "d": step((None, "disposition:NO")),  # nothing leads here
        "e": step((None, None)),  # a button that does nothing
        "f": step(("zzz", None), (None, "disposition:GONE"), (None, "article:nope"),
                  text="{customer.name} {secret.value}"),
    }, objections=["f", "missing"])
    found = codes(check_script(broken, ScriptContext(
        variables=frozenset({"customer.name"}), dispositions=frozenset({"NO"}),
        articles=frozenset({"porting"}))))
    assert {("b", "no_way_out"), ("c", "no_way_out"), ("d", "unreachable"),
            ("e", "unreachable"), ("e", "dead_end"), ("f", "unknown_step"),
            ("f", "unknown_disposition"), ("f", "unknown_article"),
            ("f", "unknown_variable"), ("", "missing_objection")} <= found
    assert ("a", "no_way_out") not in found
    assert codes(check_script(script({"x": step((None, "disposition:NO"))}))) == {
        ("", "missing_start"), ("x", "unreachable")}


@pytest.mark.parametrize(("data", "where"), [
    (None, "script"), ([], "script"), ({"start": "a"}, "steps"),
    ({"start": "a", "steps": {"a": "text"}}, "steps.a"),
    ({"start": "a", "steps": {"a": {"title": "", "text": "x"}}}, "steps.a.title"),
    ({"start": "a", "steps": {"a": {"title": "t", "text": 5}}}, "steps.a.text"),
    ({"start": "a", "steps": {"a": {"title": "t", "text": "x", "answers": {}}}},
     "steps.a.answers"),
    ({"start": "a", "steps": {"a": {"title": "t", "text": "x", "answers": [
        {"label": "l", "action": "sell"}]}}}, "steps.a.answers[0].action"),
    ({"start": 3, "steps": {"a": {"title": "t", "text": "x"}}}, "start"),
])
def test_a_malformed_script_names_the_place(data: Any, where: str) -> None:
    with pytest.raises(ValidationError) as caught:
        script_from_data(data)
    assert where in caught.value.problems


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=4),
    max_leaves=20)


@given(json_values)
def test_any_data_loads_or_is_refused_clearly(data: Any) -> None:
    problems: dict[str, str] = {"loaded": ""}
    try:
        script_from_data(data)
    except ValidationError as error:
        problems = error.problems
    assert problems


# --------------------------------------------------------------------------- rendering

def test_variables_are_filled_and_missing_ones_marked() -> None:
    rendered = render("您好，{customer.name}，我是{agent.name}（{agent.no}）。{ not a var } {x",
                      {"customer.name": "王芳", "agent.name": "李娜", "agent.no": ""})
    assert rendered.plain == "您好，王芳，我是李娜（[agent.no?]）。{ not a var } {x"
    assert rendered.missing == ("agent.no",)


def test_values_stay_text_and_are_cut() -> None:
    rendered = render("{a}{b}", {"a": "<b>{b}</b>", "b": "x" * 10_000})
    assert rendered.pieces[0] == (Piece.VALUE, "<b>{b}</b>")
    assert len(rendered.pieces[1][1]) == MAX_VALUE_CHARS and rendered.pieces[1][1][-1] == "…"


@given(st.text(max_size=300), st.dictionaries(st.from_regex(r"[a-z]{1,4}(\.[a-z]{1,4})?",
                                                             fullmatch=True),
                                              st.none() | st.text(max_size=500)
                                              | st.integers(), max_size=6))
def test_rendering_never_raises(text: str, values: dict[str, Any]) -> None:
    rendered = render(text, values)
    assert all(len(piece) <= max(MAX_VALUE_CHARS, len(text)) for _, piece in rendered.pieces)


# ------------------------------------------------------- any publishable script finishes

@st.composite
def random_scripts(draw: st.DrawFn) -> Script:
    names = [f"s{i}" for i in range(draw(st.integers(min_value=1, max_value=7)))]
    steps = {}
    for name in names:
        answers = []
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            target = draw(st.none() | st.sampled_from(names))
            action = draw(st.sampled_from([None, None, "disposition:DONE", "order",
                                           "callback", "article:a"]))
            answers.append((target, action))
        steps[name] = step(*answers)
    return script(steps, start=names[0])


@settings(max_examples=300)
@given(random_scripts())
def test_every_publishable_script_can_be_walked_to_a_disposition(candidate: Script) -> None:
    if check_script(candidate):
        return
    for start in reachable(candidate):
        walk = ScriptWalk(Script(start, candidate.steps))
        actions = [walk.choose(i) for i in route_to(candidate, start, lambda a: a.ends_call)]
        assert actions[-1] is not None and actions[-1].kind is ActionKind.DISPOSITION


def test_an_objection_answer_that_goes_back_is_a_way_on_not_a_dead_end() -> None:
    data = {"start": "a", "objections": ["o"], "steps": {
        "a": {"title": "A", "text": "a", "answers": [
            {"label": "done", "action": "disposition:X"}]},
        "o": {"title": "O", "text": "o", "answers": [{"label": "back to the script"}]}}}
    checked = script_from_data(data)
    assert check_script(checked) == []
    walk = ScriptWalk(checked)
    walk.raise_objection("o")
    walk.choose(0)
    assert walk.current.id == "a"
    # The same answer in the main flow goes nowhere: a dead end.
    data["steps"]["a"]["answers"].append({"label": "stuck"})
    assert ("a", "dead_end") in {(p.step, p.code) for p in check_script(script_from_data(data))}


def test_required_is_a_boolean_and_texts_and_ids_are_bounded() -> None:
    base = {"start": "a", "steps": {"a": {"title": "A", "text": "a", "answers": [
        {"label": "x", "action": "disposition:X"}]}}}
    for value, problem in (("false", "not_boolean"), ("no", "not_boolean"), (1, "not_boolean")):
        bad = {**base, "steps": {"a": {**base["steps"]["a"], "required": value}}}
        with pytest.raises(ValidationError) as refused:
            script_from_data(bad)
        assert refused.value.problems == {"steps.a.required": problem}
    long_text = {**base, "steps": {"a": {**base["steps"]["a"], "text": "话" * 4001}}}
    with pytest.raises(ValidationError) as too_long:
        script_from_data(long_text)
    assert too_long.value.problems == {"steps.a.text": "too_long"}
    for bad_id in ("a.b", "x[0]", "", " ", "-lead", "z" * 65):
        with pytest.raises(ValidationError):
            script_from_data({**base, "start": bad_id, "steps": {bad_id: base["steps"]["a"]}})


def test_a_refusal_on_a_required_step_does_not_pass_it() -> None:
    def answer(walk: ScriptWalk, label: str) -> ScriptAction | None:
        return walk.choose(next(i for i, a in enumerate(walk.current.answers)
                                if a.label_en == label))

    inbound = ScriptWalk(script_from_data(INBOUND), sale_codes=frozenset({"SALE"}))
    answer(inbound, "Unknown caller")
    answer(inbound, "Not the holder")
    assert "greeting" in inbound.passed
    assert "verify" not in inbound.passed  # left, but by "not the holder"

    # Declining the recording, then an objection that leads on to the order: no sale.
    outbound = script_from_data(OUTBOUND)
    walk = ScriptWalk(outbound, sale_codes=frozenset({"SALE"}))
    for label in ("Speaking", "Verified", "Declines"):
        answer(walk, label)
    walk.raise_objection("obj_price")
    for label in ("Accepts", "Fill in the order", "Confirms"):
        answer(walk, label)
    assert answer(walk, "End call") == ScriptAction(ActionKind.DISPOSITION, "SALE")
    assert walk.sale_blockers({"SALE"}) == ("recording",)
    stored = [PathEntry(e.step, e.answer, e.objection) for e in walk.path]
    assert "recording" not in passed_steps(stored, outbound, {"SALE"})
    assert "identity" in passed_steps(stored, outbound, {"SALE"})


def test_an_objection_that_leads_into_the_main_flow_is_over() -> None:
    outbound = script_from_data(OUTBOUND)
    walk = ScriptWalk(outbound)
    for label in ("Speaking", "Verified", "Agrees"):
        walk.choose(next(i for i, a in enumerate(walk.current.answers) if a.label_en == label))
    assert walk.current.id == "needs"
    walk.raise_objection("obj_trust")
    assert walk.in_objection
    walk.choose(next(i for i, a in enumerate(walk.current.answers)
                     if a.label_en == "Reassured"))
    assert walk.current.id == "offer_upgrade"
    assert not walk.in_objection  # back in the main flow
    walk.choose(next(i for i, a in enumerate(walk.current.answers)
                     if a.label_en == "Too expensive"))
    article = next(i for i, a in enumerate(walk.current.answers)
                   if a.action is not None and a.action.kind is ActionKind.ARTICLE)
    walk.choose(article)
    assert walk.current.id == "obj_price"  # stays: no objection to return from

    # In the checks, a main-flow step an objection leads to is no excuse for a dead end.
    data = {"start": "offer", "objections": ["obj"], "steps": {
        "offer": {"title": "O", "text": "o", "answers": [
            {"label": "yes", "action": "disposition:X"}, {"label": "hm", "next": "stuck"}]},
        "stuck": {"title": "S", "text": "s", "answers": [{"label": "nothing"}]},
        "obj": {"title": "J", "text": "j", "answers": [{"label": "go on", "next": "offer"}]}}}
    codes = {(p.step, p.code) for p in check_script(script_from_data(data))}
    assert ("stuck", "dead_end") in codes


def test_hostile_stored_paths_keep_only_step_ids() -> None:
    entries = path_from_data([{"step": "\x1b[31mRED\x1b[0m", "answer": 0},
                              {"step": "ok", "objection": "bad id"},
                              {"step": "a" * 65, "answer": 1}, {"step": "fine", "answer": 2}])
    assert [(e.step, e.answer, e.objection) for e in entries] == [("fine", 2, "")]
