"""The knowledge-base analyzer: folding, bigram tokens, query parts, snippets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from agentdesk.domain.kb_text import (
    MAX_QUERY_CHARS,
    MAX_QUERY_PARTS,
    fold,
    highlight,
    index_tokens,
    parse_query,
    snippet,
)


def test_cjk_runs_become_bigrams_and_their_last_character() -> None:
    assert index_tokens("携号转网") == "携号 号转 转网 网"
    assert index_tokens("套") == "套"
    assert index_tokens("5G套餐，月租 129元") == "5g 套餐 餐 月租 租 129 元"


def test_latin_text_becomes_folded_words() -> None:
    assert index_tokens("Reset the PASSWORD!") == "reset the password"
    assert index_tokens("Café ＡＢＣ") == "cafe abc"  # diacritics and full-width folded
    assert index_tokens("snake_case-word") == "snake case word"


def test_japanese_and_korean_are_bigrammed_too() -> None:
    assert index_tokens("カタカナ") == "カタ タカ カナ ナ"
    assert index_tokens("한국어") == "한국 국어 어"


def test_an_endless_word_is_cut() -> None:
    assert len(index_tokens("x" * 10_000)) == 64


def test_one_character_is_a_prefix_query() -> None:
    (part,) = parse_query("套").parts
    assert part.tokens == ("套",) and part.prefix


def test_longer_chinese_queries_are_phrases_of_bigrams() -> None:
    (two,) = parse_query("套餐").parts
    assert two.tokens == ("套餐",) and not two.prefix
    (three,) = parse_query("携号转").parts
    assert three.tokens == ("携号", "号转") and not three.prefix


def test_a_run_inside_a_query_keeps_its_last_character() -> None:
    # In the text, a run that ends before a word ends with its lone last character.
    (part,) = parse_query("套餐5G").parts
    assert part.tokens == ("套餐", "餐", "5g") and part.prefix


def test_parts_are_anded_and_the_whole_is_a_phrase() -> None:
    query = parse_query("reset  Pass")
    assert [p.tokens for p in query.parts] == [("reset",), ("pass",)]
    assert query.phrase is not None and query.phrase.tokens == ("reset", "pass")
    assert query.needles[0] == "reset pass"


def test_blank_and_punctuation_queries_are_empty() -> None:
    for text in ("", "   ", "！？。", '"*()', "\x00\x01"):
        assert parse_query(text).empty


def test_queries_are_bounded() -> None:
    query = parse_query(" ".join(f"w{i}" for i in range(100)))
    assert len(query.parts) == MAX_QUERY_PARTS
    assert len(parse_query("套" * 5000).parts[0].tokens) == MAX_QUERY_CHARS - 1


@given(st.text(max_size=400))
def test_any_query_text_is_analysed_without_error(text: str) -> None:
    query = parse_query(text)
    for part in (*query.parts, *([query.phrase] if query.phrase else [])):
        assert part.tokens and all(token and " " not in token for token in part.tokens)


@given(st.text(max_size=400))
def test_index_tokens_never_fail_and_hold_no_separators(text: str) -> None:
    tokens = index_tokens(text)
    assert all(token for token in tokens.split(" ")) or tokens == ""


def test_fold_maps_back_to_the_original_characters() -> None:
    text = "ﬁle Ⅻ 携号"  # ligature and roman numeral fold to several characters
    folded = fold(text)
    assert folded.text == "file xii 携号"
    start = folded.text.index("携号")
    assert folded.original_span(start, start + 2, len(text)) == (text.index("携"), len(text))


def test_snippet_centres_on_the_first_match_and_marks_it() -> None:
    body = "开头" * 100 + "携号转网需要本人持身份证办理" + "结尾" * 100
    cut = snippet(body, parse_query("携号转").needles, width=40)
    assert cut.text.startswith("…") and cut.text.endswith("…")
    (start, end), = cut.spans
    assert cut.text[start:end] == "携号转"


def test_highlight_marks_every_occurrence_case_insensitively() -> None:
    marked = highlight("Plan A and PLAN B", parse_query("plan").needles)
    assert [marked.text[s:e] for s, e in marked.spans] == ["Plan", "PLAN"]


def test_highlight_finds_the_parts_when_the_text_has_a_space_between_them() -> None:
    marked = highlight("5G 套餐", parse_query("5G套餐").needles)
    assert [marked.text[s:e] for s, e in marked.spans] == ["5G", "套餐"]


@given(st.text(max_size=300), st.text(max_size=30), st.integers(min_value=1, max_value=200))
def test_snippet_spans_stay_inside_the_text(text: str, query: str, width: int) -> None:
    cut = snippet(text, parse_query(query).needles, width)
    previous = 0
    for start, end in cut.spans:
        assert previous <= start < end <= len(cut.text)
        previous = end


def test_decomposed_queries_match_composed_text() -> None:
    import unicodedata

    for word in ("한국", "요금", "ガス", "Café"):
        decomposed = unicodedata.normalize("NFD", word)
        assert parse_query(decomposed).parts[0].tokens[0] == index_tokens(word).split()[0]


def test_invisible_characters_neither_split_nor_stop_a_match() -> None:
    assert index_tokens("携号\u200b转网") == index_tokens("携号转网")
    assert index_tokens("葛\U000e0100飾区") == index_tokens("葛飾区")  # a variation selector
    assert index_tokens("in\u00adstall") == "install"  # soft hyphen
    assert parse_query("携号\u200b转").parts[0].tokens == ("携号", "号转")


def test_cjk_punctuation_is_not_a_token() -> None:
    assert parse_query("・").empty and parse_query("゛").empty
    assert index_tokens("カタ・カナ") == "カタ タ カナ ナ"


def test_highlights_never_overlap_when_one_character_folds_to_several() -> None:
    marked = highlight("Straße ㍻元年", parse_query("s 平成").needles)
    assert marked.spans == ((0, 1), (4, 5), (7, 8))
    marked = highlight("Cafe\u0301 Straße", parse_query("strasse").needles)
    assert [marked.text[s:e] for s, e in marked.spans] == ["Straße"]
