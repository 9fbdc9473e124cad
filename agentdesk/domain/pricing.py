"""Order lines and totals in CNY, exact to the fen, and who may grant a discount.

Amounts are :class:`~decimal.Decimal` (an ``int`` is accepted too) and never ``float``: a float
cannot hold most fen amounts exactly (``2.675`` is stored as 2.67499...), so passing one is a bug
and raises ``TypeError``. Line amounts are rounded half-up to the fen with
:func:`~agentdesk.domain.orders.money`; unit prices may carry fractions of a fen (a bundle price
split over its items), discounts may not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import cast

from agentdesk.domain.errors import ValidationError
from agentdesk.domain.orders import money

MAX_UNIT_PRICE = Decimal("1000000")
MAX_PRICE_PLACES = 6  # unit prices: up to a millionth of a yuan
MAX_DISCOUNT_PLACES = 2  # discounts: whole fen
DEFAULT_MAX_QUANTITY = 10
MAX_LINES = 50
MAX_OPTIONS = 100
ZERO = Decimal("0.00")


def _reject_float(name: str, value: object) -> None:
    if isinstance(value, float):
        raise TypeError(f"{name} must be a Decimal, not a float (floats cannot hold fen exactly)")


def _fen(value: Decimal) -> Decimal:
    """Round to the fen half-up, never returning the negative zero ``-0.00``."""
    rounded = money(value)
    return rounded.copy_abs() if rounded.is_zero() else rounded


@dataclass(frozen=True, slots=True)
class OrderLineDraft:
    """One line of the order form, as the agent filled it in.

    Only a ``float`` amount is refused on construction (``TypeError``); any other wrong value
    is reported by :func:`check_lines`. :attr:`line_gross` and :attr:`line_total` are meant
    for lines that passed it.

    Attributes:
        product_code: Catalogue code of the product, plan or policy.
        name: Product name as the order shows it.
        unit_price: Price of one unit in yuan; may carry fractions of a fen.
        quantity: Number of units.
        discount: Discount on the whole line in yuan, in whole fen.
        options: What the customer chose on the line (colour, storage...).
    """

    product_code: str
    name: str
    unit_price: Decimal
    quantity: int
    discount: Decimal = ZERO
    options: str = ""

    def __post_init__(self) -> None:
        _reject_float("unit_price", self.unit_price)
        _reject_float("discount", self.discount)

    @property
    def line_gross(self) -> Decimal:
        """Unit price times quantity, rounded half-up to the fen."""
        return _fen(self.unit_price * self.quantity)

    @property
    def line_total(self) -> Decimal:
        """What the customer pays for the line: gross less discount, never below zero.

        Equal to ``money(unit_price * quantity - discount)`` for every checked line, except that
        a discount of the whole rounded gross (``0.01`` off ``0.005``) gives ``0.00`` here where
        that formula would give ``-0.01``.
        """
        return _fen(self.line_gross - self.discount)


def _has_places(value: Decimal, places: int) -> bool:
    """Whether a finite ``value`` needs at most ``places`` decimal places (``5.000`` needs 0)."""
    _sign, digits, exponent = value.as_tuple()
    extra = -places - cast(int, exponent)  # an int for every finite value
    return extra <= 0 or not any(digits[-extra:])


def _amount_problem(value: object) -> str | None:
    """The problem code of an amount that is missing, not a number, or negative."""
    if value is None:
        return "required"
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        return "invalid"
    if isinstance(value, Decimal) and not value.is_finite():
        return "invalid"
    return "too_small" if value < 0 else None


def _check_line(
    path: str, line: OrderLineDraft, max_quantity: int, problems: dict[str, str]
) -> None:
    code = line.product_code
    if not (isinstance(code, str) and code.strip()):
        problems[f"{path}.product_code"] = "required"

    if not isinstance(line.options, str) or len(line.options) > MAX_OPTIONS:
        problems[f"{path}.options"] = "too_long"

    quantity: object = line.quantity
    if quantity is None:
        problems[f"{path}.quantity"] = "required"
    elif isinstance(quantity, bool) or not isinstance(quantity, int):
        problems[f"{path}.quantity"] = "invalid"
    elif quantity < 1:
        problems[f"{path}.quantity"] = "too_small"
    elif quantity > max_quantity:
        problems[f"{path}.quantity"] = "too_large"

    price = line.unit_price
    problem = _amount_problem(price)
    if problem is None and price > MAX_UNIT_PRICE:
        problem = "too_large"
    elif problem is None and not _has_places(Decimal(price), MAX_PRICE_PLACES):
        problem = "invalid"
    if problem:
        problems[f"{path}.unit_price"] = problem

    discount = line.discount
    problem = _amount_problem(discount)
    gross_known = not {f"{path}.quantity", f"{path}.unit_price"} & problems.keys()
    if problem is None and gross_known and discount > line.line_gross:
        problem = "too_large"
    elif problem is None and not _has_places(Decimal(discount), MAX_DISCOUNT_PLACES):
        problem = "invalid"
    if problem:
        problems[f"{path}.discount"] = problem


def check_lines(
    lines: Sequence[OrderLineDraft], *, max_quantity: int = DEFAULT_MAX_QUANTITY
) -> list[OrderLineDraft]:
    """Check the order form's lines and return them.

    Args:
        lines: The lines in form order.
        max_quantity: Most units of one product on a line.

    Raises:
        ValidationError: ``{"lines": "required" | "too_many"}`` for no lines or more than
            :data:`MAX_LINES`; otherwise one code per offending field of each line, keyed by
            its path, e.g. ``{"lines[2].quantity": "too_large"}``:

            * ``product_code``: ``required`` when blank.
            * ``options``: ``too_long`` over :data:`MAX_OPTIONS` characters.
            * ``quantity``: ``required``; ``invalid`` when not an ``int`` (a ``bool`` is not
              one); ``too_small`` below 1; ``too_large`` above ``max_quantity``.
            * ``unit_price``: ``required``; ``invalid`` when not a finite ``Decimal`` or ``int``
              or finer than :data:`MAX_PRICE_PLACES` places; ``too_small`` when negative;
              ``too_large`` above :data:`MAX_UNIT_PRICE`.
            * ``discount``: ``required``; ``invalid`` as for the price, or finer than a fen;
              ``too_small`` when negative; ``too_large`` above the line's rounded gross.
    """
    if not lines:
        raise ValidationError({"lines": "required"})
    if len(lines) > MAX_LINES:
        raise ValidationError({"lines": "too_many"})
    problems: dict[str, str] = {}
    for index, line in enumerate(lines):
        _check_line(f"lines[{index}]", line, max_quantity, problems)
    if problems:
        raise ValidationError(problems)
    return list(lines)


@dataclass(frozen=True, slots=True)
class OrderTotals:
    """The money summary of an order; ``gross - discount == total`` always holds.

    Attributes:
        gross: Sum of the line grosses.
        discount: Sum of the line discounts.
        total: What the customer pays: the sum of the line totals.
    """

    gross: Decimal
    discount: Decimal
    total: Decimal

    @classmethod
    def from_lines(cls, lines: Iterable[OrderLineDraft]) -> OrderTotals:
        """Add up lines that passed :func:`check_lines`."""
        gross = discount = total = ZERO
        for line in lines:
            gross += line.line_gross
            discount += _fen(line.discount)
            total += line.line_total
        return cls(gross, discount, total)


class Authority(StrEnum):
    """Who may grant a discount."""

    AGENT = "agent"  # the agent, on their own
    SUPERVISOR = "supervisor"  # the agent, with a supervisor's recorded approval
    REFUSED = "refused"  # no one


@dataclass(frozen=True, slots=True)
class AuthorityTiers:
    """How large a discount each role may grant, measured on the whole order.

    Attributes:
        agent_percent: An agent alone may give up to this percentage of the order gross ...
        agent_amount: ... and no more than this many yuan in all.
        supervisor_percent: With a supervisor's approval, up to this percentage; more is
            refused.

    Raises:
        TypeError: A limit is a float or not a number.
        ValueError: A limit is negative, or the percentages are not
            ``agent_percent <= supervisor_percent <= 100``.
    """

    agent_percent: Decimal
    agent_amount: Decimal
    supervisor_percent: Decimal

    def __post_init__(self) -> None:
        for name in ("agent_percent", "agent_amount", "supervisor_percent"):
            value = getattr(self, name)
            _reject_float(name, value)
            problem = _amount_problem(value)
            if problem in ("required", "invalid"):
                raise TypeError(f"{name} must be a finite Decimal")
            if problem:
                raise ValueError(f"{name} must not be negative")
        if not self.agent_percent <= self.supervisor_percent <= 100:
            raise ValueError("expected agent_percent <= supervisor_percent <= 100")


DEFAULT_TIERS = AuthorityTiers(
    agent_percent=Decimal("5"), agent_amount=Decimal("50.00"), supervisor_percent=Decimal("20")
)


def discount_authority(
    gross: Decimal, discount: Decimal, tiers: AuthorityTiers = DEFAULT_TIERS
) -> Authority:
    """Return who may grant ``discount`` off an order of ``gross``; limits are inclusive.

    Raises:
        TypeError: An amount is a float.
        ValueError: An amount is negative.
    """
    _reject_float("gross", gross)
    _reject_float("discount", discount)
    if gross < 0 or discount < 0:
        raise ValueError("amounts must not be negative")
    if discount == 0:
        return Authority.AGENT
    share = discount * 100  # compare discount / gross with the percentages without dividing
    if share <= gross * tiers.agent_percent and discount <= tiers.agent_amount:
        return Authority.AGENT
    if share <= gross * tiers.supervisor_percent:
        return Authority.SUPERVISOR
    return Authority.REFUSED


def price_order(
    lines: Sequence[OrderLineDraft],
    tiers: AuthorityTiers = DEFAULT_TIERS,
    *,
    approved_by_supervisor: bool = False,
    max_quantity: int = DEFAULT_MAX_QUANTITY,
) -> OrderTotals:
    """Check the lines and the discount, and return the order's totals.

    Raises:
        ValidationError: The line problems of :func:`check_lines`; else
            ``{"discount": "needs_approval"}`` when the discount is beyond the agent's own
            authority and no supervisor approved it, or ``{"discount": "too_high"}`` when it
            is beyond a supervisor's too.
    """
    totals = OrderTotals.from_lines(check_lines(lines, max_quantity=max_quantity))
    authority = discount_authority(totals.gross, totals.discount, tiers)
    if authority is Authority.REFUSED:
        raise ValidationError({"discount": "too_high"})
    if authority is Authority.SUPERVISOR and not approved_by_supervisor:
        raise ValidationError({"discount": "needs_approval"})
    return totals
