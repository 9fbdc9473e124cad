from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.domain.customers import (
    MAX_NAME,
    MAX_NOTES,
    AddressDraft,
    CustomerDraft,
    PhoneDraft,
    QueryKind,
    understand_query,
    validate_customer,
)
from agentdesk.domain.errors import ValidationError


def draft(**overrides: object) -> CustomerDraft:
    values: dict[str, object] = {"name": "李娜", "phones": [PhoneDraft("13800138000")]}
    values.update(overrides)
    return CustomerDraft(**values)  # type: ignore[arg-type]


def problems(candidate: CustomerDraft) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        validate_customer(candidate)
    return caught.value.problems


def test_a_clean_draft_is_normalized() -> None:
    valid = validate_customer(draft(
        name="  李娜 ", tags=["VIP", " VIP ", "", "老客户"], notes="第一行\r\n第二行",
        phones=[PhoneDraft("138 0013 8000"), PhoneDraft("010-6552 9988", "办公室")],
    ))
    assert valid.name == "李娜"
    assert valid.tags == ("VIP", "老客户")
    assert valid.notes == "第一行\n第二行"
    assert [p.e164 for p in valid.phones] == ["+8613800138000", "+861065529988"]
    assert [p.is_primary for p in valid.phones] == [True, False]  # first one becomes primary


def test_name_is_required_and_bounded() -> None:
    assert problems(draft(name="   ")) == {"name": "required"}
    assert problems(draft(name="王" * (MAX_NAME + 1))) == {"name": "too_long"}
    assert validate_customer(draft(name="王" * MAX_NAME)).name == "王" * MAX_NAME


def test_notes_are_bounded() -> None:
    assert problems(draft(notes="x" * (MAX_NOTES + 1))) == {"notes": "too_long"}


def test_control_characters_are_removed_but_markup_and_sql_are_kept_as_typed() -> None:
    valid = validate_customer(draft(
        name="<b>Bobby</b>'); DROP TABLE customers;--\x00\x1b",
        notes="<script>alert('x')</script>",
    ))
    assert valid.name == "<b>Bobby</b>'); DROP TABLE customers;--"
    assert valid.notes == "<script>alert('x')</script>"


def test_phone_problems_point_at_the_row() -> None:
    found = problems(draft(phones=[PhoneDraft("13800138000"), PhoneDraft("12345"),
                                   PhoneDraft("138-0013-8000")]))
    assert found == {"phones[1]": "invalid_phone", "phones[2]": "duplicate"}


def test_at_least_one_phone_and_one_primary() -> None:
    assert problems(draft(phones=[PhoneDraft("  ")])) == {"phones": "required"}
    two_primary = [PhoneDraft("13800138000", is_primary=True),
                   PhoneDraft("13900139000", is_primary=True)]
    assert problems(draft(phones=two_primary)) == {"phones": "several_primary"}
    assert problems(draft(phones=[PhoneDraft(str(13800138000 + i)) for i in range(11)])) == {
        "phones": "too_many"}


def test_address_rules() -> None:
    empty = AddressDraft("", "", "", "")
    assert validate_customer(draft(addresses=[empty])).addresses == ()
    no_street = AddressDraft("北京市", "北京市", "朝阳区", "")
    assert problems(draft(addresses=[no_street])) == {"addresses[0]": "street_required"}
    bad_postal = AddressDraft("北京市", "北京市", "朝阳区", "建国路1号", "10002")
    assert problems(draft(addresses=[bad_postal])) == {"addresses[0]": "invalid_postal_code"}
    good = AddressDraft("北京市", "北京市", "朝阳区", "建国路1号", "100022", is_default=True)
    assert problems(draft(addresses=[good, good])) == {"addresses": "several_default"}
    huge = AddressDraft("北京市", "北京市", "朝阳区", "路" * 201)
    assert problems(draft(addresses=[huge])) == {"addresses[0]": "too_long"}


def test_tags_are_bounded() -> None:
    assert problems(draft(tags=[f"t{i}" for i in range(21)])) == {"tags": "too_many"}
    assert problems(draft(tags=["x" * 33])) == {"tags": "too_long"}


@given(name=st.text(max_size=300), notes=st.text(max_size=5000),
       phone=st.text(max_size=70), tag=st.text(max_size=40))
def test_hostile_input_is_accepted_or_refused_never_crashes(
    name: str, notes: str, phone: str, tag: str
) -> None:
    try:
        valid = validate_customer(draft(name=name, notes=notes, tags=[tag],
                                        phones=[PhoneDraft(phone)]))
    except ValidationError as error:
        assert error.problems  # noqa: PT017 - either outcome is fine; a crash is not
        return
    assert valid.name and len(valid.name) <= MAX_NAME
    assert "\x00" not in valid.name + valid.notes


@pytest.mark.parametrize(
    ("typed", "kind", "value"),
    [
        ("138 0013 8000", QueryKind.PHONE, "+8613800138000"),
        ("+86 138-0013-8000", QueryKind.PHONE, "+8613800138000"),
        ("8000", QueryKind.PHONE_TAIL, "8000"),
        ("0013 8000", QueryKind.PHONE_TAIL, "00138000"),
        ("c00000042", QueryKind.CUSTOMER_NO, "C00000042"),
        ("王", QueryKind.NAME, "王"),
        ("Li Na", QueryKind.NAME, "Li Na"),
        ("123", QueryKind.NAME, "123"),
        ("'; DROP TABLE customers; --", QueryKind.NAME, "'; DROP TABLE customers; --"),
    ],
)
def test_the_search_box_understands_what_was_typed(typed: str, kind: QueryKind, value: str) -> None:
    query = understand_query(typed)
    assert query is not None
    assert (query.kind, query.value) == (kind, value)


def test_search_by_id_and_empty_queries() -> None:
    some_id = uuid.uuid4()
    query = understand_query(str(some_id))
    assert query is not None and query.kind is QueryKind.ID
    assert understand_query("   ") is None
    long_query = understand_query("名" * 10_000)
    assert long_query is not None and len(long_query.value) == 200


def test_addresses_read_the_chinese_way() -> None:
    from agentdesk.domain.customers import Address

    beijing = Address(uuid.uuid4(), "北京市", "北京市", "朝阳区", "建国路88号")
    assert beijing.one_line() == "北京市朝阳区建国路88号"
    suzhou = Address(uuid.uuid4(), "江苏省", "苏州市", "姑苏区", "人民路1号")
    assert suzhou.one_line() == "江苏省苏州市姑苏区人民路1号"


@pytest.mark.parametrize("typed", ["010–65529988", "010/6552 9988", "(010)6552—9988"])
def test_the_search_box_reads_numbers_with_any_separator(typed: str) -> None:
    query = understand_query(typed)
    assert query is not None
    assert (query.kind, query.value) == (QueryKind.PHONE, "+861065529988")
