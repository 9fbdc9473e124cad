from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.domain.phones import (
    InvalidPhoneError,
    PhoneKind,
    digits_of,
    format_phone,
    mask_phone,
    normalize_phone,
    parse_phone,
    try_normalize_phone,
)


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "+86-138-0013-8000",
        "0086 13800138000",
        "8613800138000",
        "(+86) 138.0013.8000",
        "１３８ ００１３ ８０００",  # full-width digits from a Chinese IME
        "＋８６１３８００１３８０００",
        " 138 0013 8000\t",
    ],
)
def test_every_way_of_typing_a_mobile_gives_one_e164(typed: str) -> None:
    number = parse_phone(typed)
    assert number.e164 == "+8613800138000"
    assert number.kind is PhoneKind.MOBILE
    assert number.region == "CN"


@pytest.mark.parametrize(
    ("typed", "e164"),
    [("010-6552 9988", "+861065529988"), ("(021) 6888 1234", "+862168881234"),
     ("020 8888 6666", "+862088886666")],
)
def test_landlines_keep_their_area_code(typed: str, e164: str) -> None:
    number = parse_phone(typed)
    assert number.e164 == e164
    assert number.kind is PhoneKind.FIXED


def test_foreign_numbers_keep_their_country() -> None:
    assert normalize_phone("+1 650 253 0000") == "+16502530000"
    assert format_phone("+16502530000") == "+1 650-253-0000"


@pytest.mark.parametrize(
    ("typed", "code"),
    [("", "phone_empty"), ("   ", "phone_empty"), ("12345", "invalid_phone"),
     ("1380013800", "invalid_phone"), ("138001380001", "invalid_phone"),
     ("hello", "invalid_phone"), ("'; DROP TABLE customers; --", "invalid_phone"),
     ("<script>alert(1)</script>", "invalid_phone"), ("1" * 65, "phone_too_long")],
)
def test_malformed_numbers_are_refused_with_a_reason(typed: str, code: str) -> None:
    with pytest.raises(InvalidPhoneError) as caught:
        parse_phone(typed)
    assert caught.value.code == code
    assert try_normalize_phone(typed) is None


def test_error_messages_never_carry_the_full_number() -> None:
    with pytest.raises(InvalidPhoneError) as caught:
        parse_phone("1380013800")
    assert "1380013800" not in str(caught.value)


def test_masking_hides_the_middle_digits() -> None:
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone("+8613800138000") == "+86138****8000"
    assert mask_phone("1234") == "**34"
    assert mask_phone("") == ""


def test_national_format_for_display() -> None:
    assert format_phone("+8613800138000") == "138 0013 8000"
    assert parse_phone("13800138000").national == "138 0013 8000"
    assert format_phone("not a number") == "not a number"


def test_digits_of_reads_full_width_digits() -> None:
    assert digits_of("１３８-0013") == "1380013"


@given(st.text(max_size=80))
def test_any_text_parses_or_fails_cleanly(text: str) -> None:
    try:
        number = parse_phone(text)
    except InvalidPhoneError:
        return
    assert number.e164.startswith("+")
    assert number.e164[1:].isdigit()
    assert normalize_phone(number.e164) == number.e164  # idempotent


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_normalizing_is_idempotent(digits: str) -> None:
    e164 = try_normalize_phone(digits)
    if e164 is not None:
        assert normalize_phone(e164) == e164
        assert normalize_phone(format_phone(e164)) == e164
