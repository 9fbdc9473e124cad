from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.domain.errors import ValidationError
from agentdesk.domain.orders import money
from agentdesk.domain.pricing import (
    DEFAULT_MAX_QUANTITY,
    DEFAULT_TIERS,
    MAX_LINES,
    MAX_UNIT_PRICE,
    Authority,
    AuthorityTiers,
    OrderLineDraft,
    OrderTotals,
    check_lines,
    discount_authority,
    price_order,
)

D = Decimal


def line(
    price: object = "99.00", quantity: object = 1, discount: object = "0", code: object = "P-1"
) -> OrderLineDraft:
    price = D(price) if isinstance(price, str) else price
    discount = D(discount) if isinstance(discount, str) else discount
    return OrderLineDraft(code, "畅享套餐", price, quantity, discount)  # type: ignore[arg-type]


def problems(lines: list[OrderLineDraft], **options: int) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        check_lines(lines, **options)
    return caught.value.problems


def refusal(lines: list[OrderLineDraft], *, approved: bool = False) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        price_order(lines, DEFAULT_TIERS, approved_by_supervisor=approved)
    return caught.value.problems


# ---------------------------------------------------------------------- lines and rounding


@pytest.mark.parametrize(
    ("price", "quantity", "gross"),
    [
        ("0.005", 1, "0.01"),  # half-up, not half-even
        ("0.015", 1, "0.02"),
        ("0.025", 1, "0.03"),  # half-even would give 0.02
        ("2.675", 1, "2.68"),  # float(2.675) is 2.67499..., which would round to 2.67
        ("0.125", 1, "0.13"),
        ("0.004", 1, "0.00"),
        ("33.333", 3, "100.00"),  # 99.999
        ("33.33", 3, "99.99"),
        ("1.0049", 1, "1.00"),
        ("0.333333", 3, "1.00"),
        ("1000000", DEFAULT_MAX_QUANTITY, "10000000.00"),
    ],
)
def test_line_gross_is_rounded_half_up_to_the_fen(price: str, quantity: int, gross: str) -> None:
    drafted = line(price, quantity)
    assert check_lines([drafted]) == [drafted]
    assert str(drafted.line_gross) == gross
    assert str(drafted.line_total) == gross


def test_line_total_is_gross_less_discount() -> None:
    drafted = line("1299.00", 2, "100.50")
    assert drafted.line_gross == D("2598.00")
    assert drafted.line_total == D("2497.50")
    assert drafted.line_total == money(drafted.unit_price * drafted.quantity - drafted.discount)


def test_a_discount_of_the_whole_rounded_gross_leaves_zero_not_minus_a_fen() -> None:
    drafted = line("0.005", 1, "0.01")
    check_lines([drafted])
    assert str(drafted.line_total) == "0.00"
    assert money(drafted.unit_price - drafted.discount) == D("-0.01")  # the naive formula


def test_negative_zero_never_shows() -> None:
    drafted = line(D("-0"), 1, D("-0.00"))
    check_lines([drafted])
    assert str(drafted.line_gross) == "0.00"
    assert str(drafted.line_total) == "0.00"
    assert str(OrderTotals.from_lines([drafted]).total) == "0.00"


def test_int_amounts_are_exact_and_accepted() -> None:
    drafted = line(199, 2, 10)
    check_lines([drafted])
    assert str(drafted.line_total) == "388.00"


@pytest.mark.parametrize("field", ["unit_price", "discount"])
def test_float_amounts_are_refused_outright(field: str) -> None:
    values: dict[str, object] = {"unit_price": D("2.675"), "quantity": 1, "discount": D("0")}
    values[field] = 2.675
    with pytest.raises(TypeError, match="float"):
        OrderLineDraft("P-1", "畅享套餐", **values)  # type: ignore[arg-type]


def test_float_amounts_are_refused_everywhere_else_too() -> None:
    with pytest.raises(TypeError, match="float"):
        discount_authority(100.0, D("1"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="float"):
        discount_authority(D("100"), 1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="float"):
        AuthorityTiers(D("5"), 50.0, D("20"))  # type: ignore[arg-type]


# ---------------------------------------------------------------------- line problems


def test_no_lines_and_too_many_lines_are_refused() -> None:
    assert problems([]) == {"lines": "required"}
    assert problems([line()] * (MAX_LINES + 1)) == {"lines": "too_many"}
    assert len(check_lines([line()] * MAX_LINES)) == MAX_LINES


@pytest.mark.parametrize(
    ("quantity", "code"),
    [
        (None, "required"),
        (0, "too_small"),
        (-1, "too_small"),
        (DEFAULT_MAX_QUANTITY + 1, "too_large"),
        (10**30, "too_large"),
        (True, "invalid"),
        (False, "invalid"),
        (2.0, "invalid"),
        ("2", "invalid"),
        (D("2"), "invalid"),
    ],
)
def test_quantity_problems(quantity: object, code: str) -> None:
    assert problems([line(quantity=quantity)]) == {"lines[0].quantity": code}


def test_quantity_limits_are_inclusive_and_configurable() -> None:
    assert check_lines([line(quantity=1), line(quantity=DEFAULT_MAX_QUANTITY)])
    assert problems([line(quantity=3)], max_quantity=2) == {"lines[0].quantity": "too_large"}
    assert check_lines([line(quantity=500)], max_quantity=500)


@pytest.mark.parametrize(
    ("price", "code"),
    [
        (None, "required"),
        (D("-0.01"), "too_small"),
        (-1, "too_small"),
        (D("1000000.01"), "too_large"),
        (D("1E+50"), "too_large"),
        (D("NaN"), "invalid"),
        (D("Infinity"), "invalid"),
        (D("-Infinity"), "invalid"),
        (D("0.0000001"), "invalid"),  # finer than a millionth of a yuan
        (True, "invalid"),
    ],
)
def test_unit_price_problems(price: object, code: str) -> None:
    assert problems([line(price=price)]) == {"lines[0].unit_price": code}


def test_a_price_as_text_is_a_bug_reported_as_invalid() -> None:
    drafted = OrderLineDraft("P-1", "畅享套餐", "99.00", 1)  # type: ignore[arg-type]
    assert problems([drafted]) == {"lines[0].unit_price": "invalid"}


def test_unit_price_limits_are_inclusive() -> None:
    assert check_lines([line(price=D("0")), line(price=MAX_UNIT_PRICE), line(price="0.000001")])
    assert check_lines([line(price=D("5.000000000000000000000000000000000000"))])


@pytest.mark.parametrize(
    ("price", "quantity", "discount", "code"),
    [
        ("10.00", 1, None, "required"),
        ("10.00", 1, D("-0.01"), "too_small"),
        ("10.00", 1, D("10.01"), "too_large"),
        ("10.00", 2, D("20.01"), "too_large"),
        ("0.005", 1, D("0.02"), "too_large"),
        ("10.00", 1, D("0.001"), "invalid"),  # discounts are whole fen
        ("10.00", 1, D("NaN"), "invalid"),
        ("10.00", 1, "1", "invalid"),
    ],
)
def test_discount_problems(price: str, quantity: int, discount: object, code: str) -> None:
    drafted = OrderLineDraft("P-1", "畅享套餐", D(price), quantity, discount)  # type: ignore[arg-type]
    assert problems([drafted]) == {"lines[0].discount": code}


def test_a_discount_may_take_the_whole_line() -> None:
    assert check_lines([line("10.00", 2, "20.00"), line("33.333", 3, "100.00")])
    assert check_lines([line("10.00", 1, "5.000")])  # trailing zeros are still whole fen


def test_problems_name_the_line_and_field() -> None:
    lines = [line(), line(), line(price=D("-1"), quantity=0, discount=D("-1"), code="  ")]
    assert problems(lines) == {
        "lines[2].product_code": "required",
        "lines[2].quantity": "too_small",
        "lines[2].unit_price": "too_small",
        "lines[2].discount": "too_small",
    }


def test_a_discount_is_not_compared_with_a_gross_that_could_not_be_worked_out() -> None:
    assert problems([line(price=None, discount="5.00")]) == {"lines[0].unit_price": "required"}
    assert problems([line(quantity=11, discount="5000")]) == {"lines[0].quantity": "too_large"}


def test_a_blank_product_code_is_refused() -> None:
    assert problems([line(code="")]) == {"lines[0].product_code": "required"}
    assert problems([line(code=None)]) == {"lines[0].product_code": "required"}


# ---------------------------------------------------------------------- discount authority


@pytest.mark.parametrize(
    ("gross", "discount", "authority"),
    [
        ("100.00", "0", Authority.AGENT),
        ("100.00", "5.00", Authority.AGENT),  # exactly 5 %
        ("100.00", "5.01", Authority.SUPERVISOR),  # 5.01 %
        ("10000.00", "50.00", Authority.AGENT),  # exactly ¥50, 0.5 %
        ("10000.00", "50.01", Authority.SUPERVISOR),  # ¥50.01
        ("1000.00", "50.00", Authority.AGENT),  # both limits at once
        ("1000.00", "50.01", Authority.SUPERVISOR),
        ("100.00", "20.00", Authority.SUPERVISOR),  # exactly 20 %
        ("100.00", "20.01", Authority.REFUSED),  # 20.01 %
        ("100000.00", "20000.00", Authority.SUPERVISOR),
        ("100000.00", "20000.01", Authority.REFUSED),  # 20.00001 %
        ("100.00", "100.00", Authority.REFUSED),
        ("0.00", "0.00", Authority.AGENT),
        ("0.00", "0.01", Authority.REFUSED),
        ("33.33", "1.66", Authority.AGENT),  # 4.98 %
        ("33.33", "1.67", Authority.SUPERVISOR),  # 5.01 %
    ],
)
def test_discount_authority_at_the_limits(gross: str, discount: str, authority: Authority) -> None:
    assert discount_authority(D(gross), D(discount), DEFAULT_TIERS) is authority


def test_authority_tiers_can_be_configured() -> None:
    strict = AuthorityTiers(agent_percent=D("0"), agent_amount=D("0"), supervisor_percent=D("10"))
    assert discount_authority(D("100"), D("0.01"), strict) is Authority.SUPERVISOR
    assert discount_authority(D("100"), D("10.00"), strict) is Authority.SUPERVISOR
    assert discount_authority(D("100"), D("10.01"), strict) is Authority.REFUSED
    generous = AuthorityTiers(D("100"), D("1E+9"), D("100"))
    assert discount_authority(D("100"), D("100"), generous) is Authority.AGENT


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ((D("-1"), D("50"), D("20")), ValueError),
        ((D("5"), D("-50"), D("20")), ValueError),
        ((D("25"), D("50"), D("20")), ValueError),  # agents above supervisors
        ((D("5"), D("50"), D("101")), ValueError),
        ((D("NaN"), D("50"), D("20")), TypeError),
        (("5", D("50"), D("20")), TypeError),
        ((None, D("50"), D("20")), TypeError),
    ],
)
def test_nonsense_tiers_are_refused(values: tuple[object, ...], error: type[Exception]) -> None:
    with pytest.raises(error):
        AuthorityTiers(*values)  # type: ignore[arg-type]


def test_negative_amounts_have_no_authority() -> None:
    with pytest.raises(ValueError, match="negative"):
        discount_authority(D("100"), D("-1"))
    with pytest.raises(ValueError, match="negative"):
        discount_authority(D("-100"), D("1"))


# ---------------------------------------------------------------------- pricing an order


def test_an_order_within_the_agents_authority_is_priced() -> None:
    totals = price_order([line("1999.00", 1, "50.00"), line("99.00", 2)], DEFAULT_TIERS)
    assert totals == OrderTotals(gross=D("2197.00"), discount=D("50.00"), total=D("2147.00"))
    assert [str(value) for value in (totals.gross, totals.discount, totals.total)] == [
        "2197.00", "50.00", "2147.00"]


def test_the_agent_limit_applies_to_the_whole_order_not_each_line() -> None:
    lines = [line("1000.00", 1, "30.00"), line("1000.00", 1, "20.01")]
    assert refusal(lines) == {"discount": "needs_approval"}
    totals = price_order(lines, approved_by_supervisor=True)
    assert totals.discount == D("50.01")


def test_a_supervisor_approval_covers_up_to_its_limit_and_no_further() -> None:
    assert refusal([line("100.00", 1, "20.00")]) == {"discount": "needs_approval"}
    assert price_order([line("100.00", 1, "20.00")], approved_by_supervisor=True).total == D("80")
    assert refusal([line("100.00", 1, "20.01")], approved=True) == {"discount": "too_high"}
    assert refusal([line("100.00", 1, "20.01")]) == {"discount": "too_high"}


def test_an_unneeded_approval_changes_nothing() -> None:
    lines = [line("100.00", 1, "5.00")]
    assert price_order(lines, approved_by_supervisor=True) == price_order(lines)


def test_line_problems_come_before_the_discount() -> None:
    assert refusal([line("100.00", 11, "90.00")]) == {"lines[0].quantity": "too_large"}


def test_huge_quantities_are_refused_by_price_order() -> None:
    with pytest.raises(ValidationError) as caught:
        price_order([line("1.00", 10**9)])
    assert caught.value.problems == {"lines[0].quantity": "too_large"}
    assert price_order([line("1.00", 10**9)], max_quantity=10**9).total == D("1000000000.00")


# ---------------------------------------------------------------------- properties


@st.composite
def valid_lines(draw: st.DrawFn) -> list[OrderLineDraft]:
    drafted = []
    for index in range(draw(st.integers(1, 8))):
        price = draw(st.decimals(min_value=0, max_value=MAX_UNIT_PRICE, places=3))
        quantity = draw(st.integers(1, DEFAULT_MAX_QUANTITY))
        gross = money(price * quantity)
        discount = draw(st.decimals(min_value=0, max_value=gross, places=2))
        drafted.append(OrderLineDraft(f"P-{index}", "商品", price, quantity, discount))
    return drafted


@given(valid_lines())
def test_totals_add_up_and_are_never_negative(lines: list[OrderLineDraft]) -> None:
    assert check_lines(lines) == lines
    totals = OrderTotals.from_lines(lines)
    assert totals.total == sum(item.line_total for item in lines)
    assert totals.gross - totals.discount == totals.total
    assert totals.total >= 0
    for amount in (totals.gross, totals.discount, totals.total,
                   *(item.line_total for item in lines)):
        assert amount >= 0
        assert not str(amount).startswith("-")
        assert amount == amount.quantize(D("0.01"))
        assert amount.as_tuple().exponent == -2
    for item in lines:
        assert item.line_total == money(item.unit_price * item.quantity - item.discount) or (
            item.discount > item.unit_price * item.quantity and item.line_total == 0)


@given(valid_lines(), st.booleans())
def test_price_order_agrees_with_the_authority(lines: list[OrderLineDraft], approved: bool) -> None:
    totals = OrderTotals.from_lines(lines)
    authority = discount_authority(totals.gross, totals.discount)
    allowed = authority is Authority.AGENT or (authority is Authority.SUPERVISOR and approved)
    if allowed:
        assert price_order(lines, approved_by_supervisor=approved) == totals
    else:
        with pytest.raises(ValidationError):
            price_order(lines, approved_by_supervisor=approved)


@given(
    st.decimals(min_value=0, max_value=10**7, places=2),
    st.decimals(min_value=0, max_value=10**7, places=2),
    st.decimals(min_value=0, max_value=10**7, places=2),
)
def test_a_larger_discount_never_needs_less_authority(
    gross: Decimal, smaller: Decimal, larger: Decimal
) -> None:
    smaller, larger = sorted((smaller, larger))
    rank = list(Authority)
    assert rank.index(discount_authority(gross, smaller)) <= rank.index(
        discount_authority(gross, larger))
