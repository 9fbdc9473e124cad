from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.domain.customers import Gender
from agentdesk.domain.errors import ValidationError
from agentdesk.domain.resident_id import (
    REGION_CODES,
    ResidentId,
    check_digit,
    check_resident_id,
    normalize_resident_id,
)

TODAY = date(2026, 11, 23)
CHECK_CHARACTERS = "0123456789X"


def check_char(first_17: str) -> str:
    """MOD 11-2 computed here from its definition, independently of the module."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first_17))
    return "10X98765432"[total % 11]


def make_id(region: str = "110105", birth: str = "19491231", sequence: str = "002") -> str:
    first_17 = region + birth + sequence
    return first_17 + check_char(first_17)


def code_for(text: str, today: date = TODAY) -> str:
    with pytest.raises(ValidationError) as caught:
        check_resident_id(text, today=today)
    assert list(caught.value.problems) == ["resident_id"]
    return caught.value.problems["resident_id"]


def test_the_standards_example_is_accepted_and_read() -> None:
    # GB 11643-1999's own example: 北京市朝阳区, born 1949-12-31, sequence 002, check X.
    assert make_id() == "11010519491231002X"
    rid = check_resident_id("11010519491231002X", today=TODAY)
    assert rid == ResidentId("11010519491231002X", date(1949, 12, 31), Gender.FEMALE, "110105")
    assert not rid.is_residence_permit


def test_the_sequence_number_gives_the_gender() -> None:
    assert check_resident_id(make_id(sequence="001"), today=TODAY).gender is Gender.MALE
    assert check_resident_id(make_id(sequence="124"), today=TODAY).gender is Gender.FEMALE
    assert check_resident_id(make_id(sequence="999"), today=TODAY).gender is Gender.MALE


def test_the_weights_are_those_of_the_standard() -> None:
    assert [2 ** (17 - i) % 11 for i in range(17)] == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10,
                                                       5, 8, 4, 2]
    assert check_digit("11010519491231002") == "X"
    assert check_digit("44052418800101001") == "4"


@pytest.mark.parametrize("bad", ["", "1101051949123100", "110105194912310021", "１２３"])
def test_check_digit_wants_17_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="17 ASCII digits"):
        check_digit(bad)


@pytest.mark.parametrize(
    "typed",
    [
        "11010519491231002x",
        " 11010519491231002X ",
        "110105 19491231 002X",
        "110105-19491231-002X",
        "110105\u201419491231\u2013002X",
        "\t110105\u300019491231\u3000002X\n",
        "１１０１０５１９４９１２３１００２Ｘ",
        "１１０１０５１９４９１２３１００２ｘ",
    ],
)
def test_typing_and_pasting_variants_are_normalized(typed: str) -> None:
    assert normalize_resident_id(typed) == "11010519491231002X"
    assert check_resident_id(typed, today=TODAY).number == "11010519491231002X"


def test_normalizing_leaves_other_characters_for_the_check_to_refuse() -> None:
    assert normalize_resident_id("1101051949123100２a") == "11010519491231002a"
    assert normalize_resident_id("①") == "①"


@pytest.mark.parametrize("empty", ["", "   ", "\u3000", "--", "\n\t"])
def test_nothing_typed_is_required(empty: str) -> None:
    assert code_for(empty) == "required"


def test_first_generation_15_digit_numbers_have_their_own_code() -> None:
    assert code_for("110105491231002") == "old_format"
    assert code_for("110105 491231 002") == "old_format"
    assert code_for("11010549123100X") == "length"


@pytest.mark.parametrize(
    "text", ["1", make_id()[:17], make_id() + "0", make_id()[:14], make_id() * 2, "1" * 65,
             " " * 100 + make_id()],
)
def test_wrong_lengths_are_refused(text: str) -> None:
    assert code_for(text) == "length"


@pytest.mark.parametrize(
    "text",
    [
        "11010519491231002A",
        "1101051949123100X2",  # X only as the last character
        "X10105194912310021",
        "11010519491231002/",
        "11010519491231002\u00b2",  # superscript two, which str.isdigit() accepts
        "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X",  # Arabic-Indic digits, which int() accepts
        "1101051949\u200b1231002",  # a zero-width space hidden in a pasted number
        "11010519491231002①",
        "<script>alert(1)</",
    ],
)
def test_anything_but_digits_and_a_final_x_is_refused(text: str) -> None:
    assert len(normalize_resident_id(text)) == 18
    assert code_for(text) == "characters"


@pytest.mark.parametrize("region", ["000000", "100000", "160000", "200000", "240000", "300000",
                                    "380000", "470000", "550000", "660000", "710000", "840000",
                                    "910000", "990000"])
def test_unused_province_codes_are_refused(region: str) -> None:
    assert code_for(make_id(region=region)) == "region"


@pytest.mark.parametrize("region", ["110000", "150100", "230100", "370200", "460100", "500101",
                                    "540100", "650100"])
def test_mainland_province_codes_are_accepted(region: str) -> None:
    rid = check_resident_id(make_id(region=region), today=TODAY)
    assert rid.region_code == region
    assert not rid.is_residence_permit


@pytest.mark.parametrize("region", ["810000", "820000", "830000"])
def test_hong_kong_macao_and_taiwan_residence_permits_are_accepted(region: str) -> None:
    assert check_resident_id(make_id(region=region), today=TODAY).is_residence_permit


def test_region_set_is_the_one_documented() -> None:
    mainland = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45,
                46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65}
    assert len(mainland) == 31  # the 31 provinces, autonomous regions and municipalities
    assert {int(code) for code in REGION_CODES} == mainland | {81, 82, 83}


@pytest.mark.parametrize(
    ("birth", "accepted"),
    [
        ("18991231", False),
        ("19000101", True),
        ("18800101", False),  # the standard's second example, 440524188001010014
        ("20000229", True),  # 2000 is a leap year
        ("20240229", True),
        ("19000229", False),  # 1900 is not: divisible by 100 and not by 400
        ("20010229", False),
        ("20230229", False),
        ("19490230", False),
        ("19491131", False),
        ("19491301", False),
        ("19490001", False),
        ("19490100", False),
        ("00000000", False),
        ("99999999", False),
    ],
)
def test_the_birth_date_must_be_a_real_date_since_1900(birth: str, accepted: bool) -> None:
    number = make_id(birth=birth)
    if accepted:
        assert check_resident_id(number, today=TODAY).birth_date.strftime("%Y%m%d") == birth
    else:
        assert code_for(number) == "birth_date"


def test_the_standards_1880_example_has_a_valid_check_but_is_too_old() -> None:
    assert make_id("440524", "18800101", "001") == "440524188001010014"
    assert code_for("440524188001010014") == "birth_date"


def test_no_one_is_born_after_today() -> None:
    assert check_resident_id(make_id(birth="20261123"), today=TODAY).age(TODAY) == 0
    assert code_for(make_id(birth="20261124")) == "birth_date"
    assert code_for(make_id(birth="20270101")) == "birth_date"
    assert check_resident_id(make_id(birth="20261124"), today=TODAY + timedelta(days=1))


def test_a_check_character_off_by_one_is_refused() -> None:
    good = make_id(sequence="003")
    index = CHECK_CHARACTERS.index(good[-1])
    for wrong in {CHECK_CHARACTERS[index - 1], CHECK_CHARACTERS[(index + 1) % 11]}:
        assert code_for(good[:-1] + wrong) == "checksum"
    assert code_for("110105194912310020") == "checksum"
    assert code_for("110105194912310021") == "checksum"


def test_problems_are_reported_in_a_fixed_order() -> None:
    # Unused region, impossible date and wrong check at once: the region is reported.
    assert code_for("99010519491341002X") == "region"
    assert code_for("11010519491341002X") == "birth_date"


def test_age_counts_full_years() -> None:
    rid = check_resident_id(make_id(birth="19900615"), today=TODAY)
    assert rid.age(date(1990, 6, 15)) == 0
    assert rid.age(date(2008, 6, 14)) == 17
    assert rid.age(date(2008, 6, 15)) == 18
    assert rid.age(date(2008, 12, 31)) == 18
    assert rid.age(TODAY) == 36


def test_a_leap_day_birthday_comes_on_the_first_of_march_in_common_years() -> None:
    rid = check_resident_id(make_id(birth="20080229"), today=TODAY)
    assert rid.age(date(2026, 2, 28)) == 17
    assert rid.age(date(2026, 3, 1)) == 18
    assert rid.age(date(2028, 2, 28)) == 19
    assert rid.age(date(2028, 2, 29)) == 20


def test_age_before_birth_is_a_bug() -> None:
    rid = check_resident_id(make_id(birth="19900615"), today=TODAY)
    with pytest.raises(ValueError, match="before"):
        rid.age(date(1990, 6, 14))


def test_the_number_is_masked_on_screen_and_in_logs() -> None:
    number = make_id(sequence="123")
    rid = check_resident_id(number, today=TODAY)
    assert rid.masked == "110105********123" + number[-1]
    assert len(rid.masked) == 18
    assert number not in repr(rid)
    assert number not in str(rid)
    assert number not in f"{rid!r} {[rid]} {({'id': rid})}"
    assert repr(rid) == f"ResidentId({rid.masked})"


def test_a_refusal_does_not_repeat_the_number() -> None:
    with pytest.raises(ValidationError) as caught:
        check_resident_id("110105194912310021", today=TODAY)
    assert "1949" not in str(caught.value)
    assert caught.value.code == "invalid_input"


def test_a_checked_number_is_frozen() -> None:
    rid = check_resident_id(make_id(), today=TODAY)
    with pytest.raises(AttributeError):
        rid.number = "x"  # type: ignore[misc]


# ---------------------------------------------------------------------- properties

FIRST_DAY = date(1900, 1, 1)


@st.composite
def valid_numbers(draw: st.DrawFn) -> str:
    region = draw(st.sampled_from(sorted(REGION_CODES)))
    county = draw(st.text("0123456789", min_size=4, max_size=4))
    born = draw(st.dates(min_value=FIRST_DAY, max_value=TODAY))
    sequence = draw(st.text("0123456789", min_size=3, max_size=3))
    return make_id(region + county, born.strftime("%Y%m%d"), sequence)


@given(valid_numbers())
def test_any_number_with_a_valid_region_date_and_check_is_accepted(number: str) -> None:
    rid = check_resident_id(number, today=TODAY)
    assert rid.number == number
    assert rid.region_code == number[:6]
    assert rid.birth_date.strftime("%Y%m%d") == number[6:14]
    assert rid.gender is (Gender.MALE if int(number[16]) % 2 else Gender.FEMALE)
    assert rid.masked == number[:6] + "********" + number[14:]
    assert check_resident_id(number.lower(), today=TODAY) == rid


@given(valid_numbers(), st.integers(0, 17), st.sampled_from(CHECK_CHARACTERS))
def test_changing_any_one_character_is_always_refused(
    number: str, position: int, replacement: str
) -> None:
    # Every weight is non-zero modulo the prime 11, so a changed digit always changes the
    # weighted sum; the check characters are all different, so a changed check never matches.
    if number[position] == replacement:
        replacement = CHECK_CHARACTERS[(CHECK_CHARACTERS.index(replacement) + 1) % 11]
    changed = number[:position] + replacement + number[position + 1:]
    code = code_for(changed)
    if position >= 14 and replacement != "X" or position == 17:
        assert code == "checksum"  # region and date are untouched: only the check catches it
    else:
        assert code in {"characters", "region", "birth_date", "checksum"}


@given(valid_numbers(), st.integers(0, 15))
def test_swapping_two_adjacent_digits_is_always_refused(number: str, position: int) -> None:
    a, b = number[position], number[position + 1]
    swapped = number[:position] + b + a + number[position + 2:]
    if a == b:
        assert check_resident_id(swapped, today=TODAY).number == number
    else:
        assert code_for(swapped) in {"region", "birth_date", "checksum"}
