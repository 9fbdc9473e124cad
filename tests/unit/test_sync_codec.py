"""The sync codec: every synced row survives the trip; anything else is refused with a reason."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.store.outbox import encode_row
from agentdesk.store.schema import SYNCED_TABLES, metadata
from agentdesk.store.schema.base import Money, UTCDateTime, synced_columns
from agentdesk.sync.codec import (
    MAX_PAYLOAD,
    BadPayload,
    decode_partial,
    decode_row,
    synced_table_names,
)

NOW = datetime(2026, 11, 23, 6, 30, 15, 123456, tzinfo=UTC)


def sample_value(column: sa.Column[Any]) -> Any:
    """Return a valid, non-trivial value for ``column``."""
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return NOW
    if isinstance(kind, Money):
        return Decimal("5499.50")
    if isinstance(kind, sa.Uuid):
        return uuid.uuid4()
    if isinstance(kind, sa.Boolean):
        return True
    if isinstance(kind, sa.BigInteger):
        return 2**40 + 7
    if isinstance(kind, sa.Integer):
        return 245
    if isinstance(kind, sa.Date):
        return date(2026, 11, 23)
    if isinstance(kind, sa.Time):
        return time(9, 30, 5)
    if isinstance(kind, sa.String):
        text = "客户 Ä ok 😀"
        return text if kind.length is None else text[:kind.length]
    raise AssertionError(f"no sample for {column}")


def sample_row(table_name: str) -> dict[str, Any]:
    row = {c.name: sample_value(c) for c in synced_columns(metadata.tables[table_name])}
    row.update(site="default", version=3, deleted_at=None)
    return row


def customer_payload(**changes: Any) -> str:
    """A customer row as JSON, with some values replaced (None removes the key)."""
    raw = json.loads(encode_row(sample_row("customers")))
    for name, value in changes.items():
        if value is None:
            raw.pop(name)
        else:
            raw[name] = value
    return json.dumps(raw)


def test_every_synced_table_is_covered() -> None:
    names = synced_table_names()
    assert sorted(names) == sorted(SYNCED_TABLES)
    # the 27 of migration 0003, the conflict log, kb_questions (0006); 0008 replaced
    # dispatches with order_events and added delivery_closures
    assert len(names) == 30
    assert names.index("customers") < names.index("customer_phones") < names.index("calls")
    assert names.index("kb_articles") < names.index("kb_questions")
    assert names.index("calls") < names.index("kb_questions")


@pytest.mark.parametrize("table_name", synced_table_names())
def test_a_row_of_every_synced_table_round_trips(table_name: str) -> None:
    row = sample_row(table_name)
    assert decode_row(table_name, encode_row(row)) == row


def test_values_come_back_as_python_types() -> None:
    row = sample_row("products")
    decoded = decode_row("products", encode_row(row))
    assert decoded["price"] == Decimal("5499.50") and isinstance(decoded["price"], Decimal)
    assert decoded["updated_at"] == NOW and decoded["updated_at"].tzinfo is not None
    assert isinstance(decoded["id"], uuid.UUID) and decoded["requires_real_name"] is True
    money_as_int = json.loads(encode_row(row)) | {"price": 169}
    assert decode_row("products", json.dumps(money_as_int))["price"] == Decimal(169)


def test_a_timestamp_in_another_zone_is_kept_as_the_same_instant() -> None:
    decoded = decode_row("customers", customer_payload(created_at="2026-11-23T14:30:15+08:00"))
    assert decoded["created_at"] == datetime(2026, 11, 23, 6, 30, 15, tzinfo=UTC)


def test_columns_a_workstation_keeps_for_itself_are_ignored() -> None:
    row = sample_row("contacts")
    full = row | {"lease_agent_id": uuid.uuid4(), "lease_token": 9, "lease_expires_at": NOW}
    decoded = decode_row("contacts", encode_row(full))
    assert decoded == row
    assert "lease_token" not in decoded


def test_optional_columns_may_be_null_or_absent() -> None:
    decoded = decode_row("customers", customer_payload(deleted_at=None))
    assert decoded["deleted_at"] is None
    call = sample_row("calls") | {"answered_at": None, "lease_token": None}
    assert decode_row("calls", encode_row(call))["lease_token"] is None


@pytest.mark.parametrize(
    ("table_name", "payload", "reason"),
    [
        ("sessions", "{}", "unknown table 'sessions'"),
        ("outbox", "{}", "unknown table 'outbox'"),
        ("customers", "{not json", "not JSON"),
        ("customers", "", "not JSON"),
        ("customers", "[1, 2]", "not a JSON object"),
        ("customers", '"text"', "not a JSON object"),
        ("customers", "null", "not a JSON object"),
    ],
)
def test_what_is_not_a_row_object_is_refused(table_name: str, payload: str, reason: str) -> None:
    with pytest.raises(BadPayload) as caught:
        decode_row(table_name, payload)
    assert str(caught.value).startswith(reason)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"password": "x"}, "unknown column 'password' in customers"),
        ({"name": None}, "customers.name is missing"),
        ({"version": None}, "customers.version is missing"),
        ({"id": None}, "customers.id is missing"),
        ({"version": True}, "customers.version: not a valid version"),
        ({"version": "3"}, "customers.version: not a valid version"),
        ({"version": 3.0}, "customers.version: not a valid version"),
        ({"version": 2**31}, "customers.version: number out of range"),
        ({"version": 0}, "customers.version must be positive"),
        ({"name": 5}, "customers.name: not a valid name"),
        ({"name": ["张三"]}, "customers.name: not a valid name"),
        ({"name": "张" * 101}, "customers.name: longer than 100 characters"),
        ({"customer_no": "C" * 17}, "customers.customer_no: longer than 16 characters"),
        ({"name": "张\x00三"}, "customers.name: contains a NUL character"),
        ({"notes": "a\x00"}, "customers.notes: contains a NUL character"),
        ({"id": "not-a-uuid"}, "customers.id:"),
        ({"id": 12}, "customers.id: not a valid id"),
        ({"updated_at": "2026-11-23T06:30:00"}, "customers.updated_at: timestamp without a time"),
        ({"updated_at": "yesterday"}, "customers.updated_at:"),
        ({"updated_at": 1764000000}, "customers.updated_at: not a valid updated_at"),
    ],
)
def test_a_wrong_customer_column_is_refused_with_its_name(
    changes: dict[str, Any], reason: str
) -> None:
    with pytest.raises(BadPayload) as caught:
        decode_row("customers", customer_payload(**changes))
    assert str(caught.value).startswith(reason)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("NaN", "products.price: amount out of range"),
        ("sNaN", "products.price: amount out of range"),
        ("Infinity", "products.price: amount out of range"),
        ("-Infinity", "products.price: amount out of range"),
        ("1e15", "products.price: amount out of range"),
        ("-1000000000000000", "products.price: amount out of range"),
        (10**15, "products.price: amount out of range"),
        ("1e999999999999", "products.price: amount out of range"),
        ("12,50", "products.price: not an amount"),
        (12.5, "products.price: not a valid price"),
        (True, "products.price: not a valid price"),
    ],
)
def test_money_must_be_a_finite_amount_in_range(value: Any, reason: str) -> None:
    raw = json.loads(encode_row(sample_row("products"))) | {"price": value}
    with pytest.raises(BadPayload) as caught:
        decode_row("products", json.dumps(raw))
    assert str(caught.value).startswith(reason)


def test_json_nan_and_infinity_literals_are_refused() -> None:
    raw = encode_row(sample_row("products"))
    for literal in ("NaN", "Infinity", "-Infinity"):
        payload = raw.replace('"price": "5499.50"', f'"price": {literal}')
        assert literal in payload
        with pytest.raises(BadPayload, match=r"^products\.price: not a valid price"):
            decode_row("products", payload)


@pytest.mark.parametrize(
    ("table_name", "column", "value", "reason"),
    [
        ("customer_phones", "is_primary", 1, "customer_phones.is_primary: not a valid"),
        ("customer_phones", "is_primary", "true", "customer_phones.is_primary: not a valid"),
        ("calls", "lease_token", 2**63, "calls.lease_token: number out of range"),
        ("calls", "talk_seconds", -(2**31) - 1, "calls.talk_seconds: number out of range"),
        ("campaigns", "starts_on", "2026-02-30", "campaigns.starts_on:"),
        ("campaigns", "calling_from", "25:00", "campaigns.calling_from:"),
        ("campaigns", "calling_from", 930, "campaigns.calling_from: not a valid"),
    ],
)
def test_other_column_types_are_checked(
    table_name: str, column: str, value: Any, reason: str
) -> None:
    raw = json.loads(encode_row(sample_row(table_name))) | {column: value}
    with pytest.raises(BadPayload) as caught:
        decode_row(table_name, json.dumps(raw))
    assert str(caught.value).startswith(reason)


def test_text_that_no_database_can_store_is_refused() -> None:
    # A lone surrogate passes json.loads but cannot be encoded for any server database.
    payload = customer_payload(name="PLACEHOLDER").replace("PLACEHOLDER", "a\\ud800b")
    assert json.loads(payload)["name"] == "a\ud800b"
    with pytest.raises(BadPayload, match=r"^customers\.name: not valid Unicode text"):
        decode_row("customers", payload)


def test_a_timestamp_outside_the_storable_range_is_refused() -> None:
    # Valid ISO text whose UTC instant is before year 1: converting it for storage fails.
    with pytest.raises(BadPayload, match=r"^customers\.created_at: "):
        decode_row("customers", customer_payload(created_at="0001-01-01T00:00:00+05:00"))
    with pytest.raises(BadPayload, match=r"^customers\.created_at: "):
        decode_row("customers", customer_payload(created_at="9999-12-31T23:00:00-05:00"))


def test_a_huge_payload_is_refused_before_parsing() -> None:
    payload = customer_payload(notes="x" * MAX_PAYLOAD)
    with pytest.raises(BadPayload, match=r"^row of \d+ characters is too large"):
        decode_row("customers", payload)
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(BadPayload, match="^not JSON"):
        decode_row("customers", deep)


def test_the_reason_never_echoes_a_long_value() -> None:
    with pytest.raises(BadPayload) as caught:
        decode_row("customers", customer_payload(**{"x" * 5000: 1}))
    assert len(str(caught.value)) < 120
    with pytest.raises(BadPayload) as caught:
        decode_row("y" * 5000, "{}")
    assert len(str(caught.value)) < 120


def test_base_values_are_checked_like_the_row() -> None:
    assert decode_partial("customers", None) is None
    assert decode_partial("customers", "{}") == {}
    base = decode_partial("customers", json.dumps({"name": "李四", "deleted_at": None,
                                                   "updated_at": NOW.isoformat()}))
    assert base == {"name": "李四", "deleted_at": None, "updated_at": NOW}
    for bad, reason in (("[1]", "base values are not a JSON object"),
                        ("{", "base values are not JSON"),
                        ('{"password": 1}', "unknown column 'password' in base values"),
                        ('{"name": 5}', "base value of customers.name is not valid"),
                        ('{"name": "a\\u0000"}', "base value of customers.name is not valid")):
        with pytest.raises(BadPayload) as caught:
            decode_partial("customers", bad)
        assert str(caught.value) == reason


# ---------------------------------------------------------------- arbitrary input

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=12,
)
tables = st.sampled_from(sorted(SYNCED_TABLES) + ["users_x", ""])


def _outcome(table_name: str, payload: str) -> dict[str, Any] | None:
    """Decode, or return None after a refusal that gave its reason; anything else raises."""
    try:
        return decode_row(table_name, payload)
    except BadPayload as exc:
        reason = str(exc)
    assert reason  # always a readable reason
    return None


@settings(max_examples=200, deadline=None)
@given(table_name=tables, value=json_values)
def test_arbitrary_json_is_decoded_or_refused_never_crashes(table_name: str, value: Any) -> None:
    _outcome(table_name, json.dumps(value))


@settings(max_examples=100, deadline=None)
@given(table_name=tables, payload=st.text(max_size=60))
def test_arbitrary_text_is_decoded_or_refused_never_crashes(table_name: str, payload: str) -> None:
    _outcome(table_name, payload)


@st.composite
def mangled_rows(draw: st.DrawFn) -> tuple[str, str]:
    """A real row of a real table with some columns replaced by arbitrary JSON values."""
    table_name = draw(st.sampled_from(synced_table_names()))
    raw = json.loads(encode_row(sample_row(table_name)))
    names = sorted(raw)
    for name in draw(st.lists(st.sampled_from(names), max_size=3, unique=True)):
        raw[name] = draw(json_values | st.text() | st.integers(min_value=-(2**70),
                                                               max_value=2**70))
    return table_name, json.dumps(raw)


@settings(max_examples=300, deadline=None)
@given(case=mangled_rows())
def test_a_row_with_arbitrary_values_is_decoded_or_refused(case: tuple[str, str]) -> None:
    table_name, payload = case
    row = _outcome(table_name, payload)
    if row is not None:  # what is accepted is a complete row of the table
        expected = {c.name for c in synced_columns(metadata.tables[table_name])}
        assert set(row) == expected and row["version"] >= 1
        assert isinstance(row["id"], uuid.UUID)
