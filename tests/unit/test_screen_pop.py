from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agentdesk.domain.customers import Customer
from agentdesk.domain.phones import try_normalize_phone
from agentdesk.domain.ports import Clock
from agentdesk.services.clock import FixedClock
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.screen_pop import ScreenPop, ScreenPopService
from agentdesk.services.workspace import Workspace, open_workspace
from agentdesk.store.customers import SqlCustomerRepository
from agentdesk.store.database import Database
from agentdesk.store.schema.contacts import customers
from tests.helpers.factories import add_customer, add_user, count

MOBILE = "+8613800138000"
LANDLINE = "+861065529988"
E164 = re.compile(r"\+[1-9][0-9]{6,14}")
# Hypothesis runs many examples against one database, which they only read.
READ_ONLY_EXAMPLES = settings(deadline=None, max_examples=300,
                              suppress_health_check=[HealthCheck.function_scoped_fixture])


class CountingRepository(SqlCustomerRepository):
    """The workstation's repository, counting the screen pop's look-ups."""

    def __init__(self, database: Database, clock: Clock) -> None:
        super().__init__(database, clock)
        self.lookups: list[str] = []

    def find_by_phone(self, e164: str) -> Customer | None:
        self.lookups.append(e164)
        return super().find_by_phone(e164)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[Workspace, Customer]]:
    ws = open_workspace(tmp_path / "pop", clock, hasher=fast_hasher())
    user = add_user(ws)
    customer = add_customer(ws, user, name="王小明", phones=("138 0013 8000", "010-6552 9988"))
    yield ws, customer
    ws.close()


@pytest.fixture
def repository(store: tuple[Workspace, Customer], clock: FixedClock) -> CountingRepository:
    return CountingRepository(store[0].database, clock)


@pytest.fixture
def service(repository: CountingRepository) -> ScreenPopService:
    return ScreenPopService(repository)


@pytest.mark.parametrize("caller_id", [
    "+8613800138000", "8613800138000", "008613800138000", "013800138000", "13800138000",
    "138 0013 8000", "+86 138-0013-8000", "１３８００１３８０００", "＋８６１３８００１３８０００",
    " 13800138000\t", "tel:+8613800138000",
])
def test_a_known_caller_pops_in_any_form_a_phone_reports(
    service: ScreenPopService, store: tuple[Workspace, Customer], caller_id: str
) -> None:
    customer = store[1]
    assert service.lookup(caller_id) == ScreenPop(
        raw=caller_id, e164=MOBILE, customer_id=customer.id, customer_name="王小明",
        customer_no=customer.customer_no, known=True)


@pytest.mark.parametrize("caller_id", ["01065529988", "+86 10 6552 9988", "861065529988"])
def test_a_landline_pops_with_its_area_code(
    service: ScreenPopService, store: tuple[Workspace, Customer], caller_id: str
) -> None:
    popped = service.lookup(caller_id)
    assert (popped.e164, popped.customer_id, popped.known) == (LANDLINE, store[1].id, True)


def test_an_unknown_number_keeps_its_normalized_form(
    service: ScreenPopService, repository: CountingRepository
) -> None:
    popped = service.lookup("0086 139 0013 9000")
    assert popped == ScreenPop(raw="0086 139 0013 9000", e164="+8613900139000",
                               customer_id=None, customer_name="", customer_no="", known=False)
    assert repository.lookups == ["+8613900139000"]
    assert not popped.withheld


@pytest.mark.parametrize("caller_id", ["", "anonymous", "Anonymous", " PRIVATE ", "unknown",
                                       "Withheld", "restricted"])
def test_a_withheld_number_is_an_unknown_caller_without_a_lookup(
    service: ScreenPopService, repository: CountingRepository, caller_id: str
) -> None:
    popped = service.lookup(caller_id)
    assert popped == ScreenPop(raw=caller_id, e164="", customer_id=None, customer_name="",
                               customer_no="", known=False)
    assert popped.withheld
    assert repository.lookups == []


HOSTILE = {
    "a megabyte of digits": "1" * 1_000_000,
    "padded with ideographic spaces": "138" + "\u3000" * 100_000 + "00138000",
    "sql or": "13800138000' OR '1'='1",
    "sql drop": "'; DROP TABLE customers; --",
    "sql after a number": "13800138000; DROP TABLE customers",
    "nul bytes": "138\x000013\x008000",
    "line breaks": "138\n0013\r8000",
    "escape sequence": "\x1b[31m13800138000",
    "lone surrogates": "\ud800\udfff",
    "plus alone": "+",
    "international prefix alone": "00",
    "sip uri": "sip:13800138000@pbx.example",
    "letter o for zero": "1380013800O",
    "service number": "10086",
}


@pytest.mark.parametrize("caller_id", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_malformed_or_hostile_caller_id_is_an_unknown_caller(
    service: ScreenPopService, store: tuple[Workspace, Customer],
    repository: CountingRepository, caller_id: str
) -> None:
    popped = service.lookup(caller_id)
    assert popped == ScreenPop(raw=caller_id, e164="", customer_id=None, customer_name="",
                               customer_no="", known=False)
    assert not popped.withheld
    assert repository.lookups == []
    assert count(store[0], customers) == 1


def test_a_deleted_customer_no_longer_pops(
    service: ScreenPopService, store: tuple[Workspace, Customer], clock: FixedClock
) -> None:
    ws, _customer = store
    with ws.database.write() as conn:
        conn.execute(customers.update().values(deleted_at=clock.now()))
    popped = service.lookup("13800138000")
    assert (popped.e164, popped.known, popped.customer_id) == (MOBILE, False, None)


@READ_ONLY_EXAMPLES
@given(st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.text(alphabet="0123456789+-() ０１２３４５６７８９＋\u3000\x00\t'\";%", max_size=30),
    st.binary(max_size=40).map(lambda b: b.decode("latin-1")),
))
def test_any_caller_id_gives_an_answer_and_never_raises(
    service: ScreenPopService, store: tuple[Workspace, Customer], caller_id: str
) -> None:
    popped = service.lookup(caller_id)
    assert popped.raw == caller_id
    assert popped.e164 == "" or E164.fullmatch(popped.e164)
    if not popped.withheld:
        assert popped.e164 == (try_normalize_phone(caller_id) or "")
    assert popped.known == (popped.e164 in (MOBILE, LANDLINE))
    assert popped.customer_id == (store[1].id if popped.known else None)
    assert bool(popped.customer_name) == popped.known


_SEPARATOR = st.sampled_from(["", " ", "-", ".", "\u3000", "\u2014"])


@st.composite
def delivered_forms(draw: st.DrawFn) -> str:
    """The known mobile as switches and carriers deliver it: prefixes, separators, width."""
    prefix = draw(st.sampled_from(["", "0", "+86", "86", "0086", "+86 ", "0086-", "(+86)"]))
    national = "13800138000"
    cuts = sorted(draw(st.sets(st.integers(min_value=1, max_value=10), max_size=4)))
    parts = [national[i:j] for i, j in zip([0, *cuts], [*cuts, 11], strict=True)]
    text = prefix + "".join(part + draw(_SEPARATOR) for part in parts[:-1]) + parts[-1]
    if draw(st.booleans()):  # a Chinese IME's full-width digits and plus sign
        text = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789+"})
    return draw(st.sampled_from(["", " ", "\t"])) + text + draw(st.sampled_from(["", " "]))


@READ_ONLY_EXAMPLES
@given(delivered_forms())
def test_every_delivered_form_of_a_known_number_pops_the_customer(
    service: ScreenPopService, store: tuple[Workspace, Customer], caller_id: str
) -> None:
    popped = service.lookup(caller_id)
    assert (popped.e164, popped.customer_id, popped.known) == (MOBILE, store[1].id, True)
