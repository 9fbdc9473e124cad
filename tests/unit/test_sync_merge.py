"""The server's conflict rules, as pure code: reference, fact and shared rows."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from agentdesk.store.schema.base import TableKind
from agentdesk.sync.merge import FieldConflict, merge
from agentdesk.sync.protocol import Outcome

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)
ROW_ID = uuid.UUID("01936d2e-0000-7000-8000-000000000001")


def customer(version: int = 1, **values: Any) -> dict[str, Any]:
    row = {"id": ROW_ID, "site": "default", "version": version, "updated_at": T0,
           "deleted_at": None, "customer_no": "C00000001", "name": "王小明", "city": "北京",
           "notes": "", "tags": "VIP"}
    row.update(values)
    return row


def shared(current: dict[str, Any] | None, incoming: dict[str, Any], *, op: str = "upsert",
           base_version: int | None = 1, base_values: dict[str, Any] | None = None) -> Any:
    return merge(TableKind.SHARED, current, incoming, op=op, base_version=base_version,
                 base_values=base_values, now=NOW)


# ---------------------------------------------------------------- reference and facts

def test_reference_rows_are_refused_whether_new_or_known() -> None:
    for current in (None, customer()):
        result = merge(TableKind.REFERENCE, current, customer(2, name="改名"), op="upsert",
                       base_version=1, base_values=None, now=NOW)
        assert result.outcome is Outcome.REJECTED and result.row is None
        assert result.reason == "reference data is read-only on workstations"


def test_an_unknown_operation_is_refused() -> None:
    result = shared(customer(), customer(2), op="truncate")
    assert (result.outcome, result.row) == (Outcome.REJECTED, None)
    assert result.reason == "unknown operation 'truncate'"


def test_a_new_row_is_taken_as_written() -> None:
    incoming = customer(1, name="新客户")
    for kind in (TableKind.SHARED, TableKind.FACT):
        result = merge(kind, None, incoming, op="upsert", base_version=None, base_values=None,
                       now=NOW)
        assert result.outcome is Outcome.APPLIED and result.row == incoming
        assert result.row is not incoming and result.conflicts == ()


def test_a_fact_replayed_or_older_changes_nothing() -> None:
    stored = customer(2, name="更正后")
    for incoming in (customer(2, name="更正后"), customer(1, name="原来的")):
        result = merge(TableKind.FACT, stored, incoming, op="upsert", base_version=None,
                       base_values=None, now=NOW)
        assert (result.outcome, result.row, result.conflicts) == (Outcome.APPLIED, None, ())


def test_a_fact_of_a_higher_version_replaces_the_stored_one() -> None:
    incoming = customer(3, name="第二次更正", updated_at=NOW - timedelta(days=9))
    result = merge(TableKind.FACT, customer(2), incoming, op="upsert", base_version=2,
                   base_values=None, now=NOW)
    assert result.outcome is Outcome.APPLIED and result.row == incoming  # taken as written


def test_a_row_of_another_site_is_refused() -> None:
    for kind in (TableKind.SHARED, TableKind.FACT):
        result = merge(kind, customer(), customer(2, site="hangzhou"), op="upsert",
                       base_version=1, base_values=None, now=NOW)
        assert (result.outcome, result.row) == (Outcome.REJECTED, None)
        assert result.reason == "the row belongs to another site"


# ---------------------------------------------------------------- shared rows

def test_same_base_applies_the_changes_and_bumps_the_version() -> None:
    result = shared(customer(4), customer(5, city="上海", updated_at=T0 + timedelta(days=1)),
                    base_version=4)
    assert result.outcome is Outcome.APPLIED and result.conflicts == ()
    assert result.row == customer(5, city="上海", updated_at=NOW)  # server time, server version


def test_same_base_with_base_values_applies_the_changed_fields() -> None:
    result = shared(customer(4), customer(5, city="上海"), base_version=4,
                    base_values={"city": "北京"})
    assert result.outcome is Outcome.APPLIED and result.conflicts == ()
    assert result.row == customer(5, city="上海", updated_at=NOW)


def test_a_field_the_server_did_not_touch_since_the_base_takes_the_workstations_value() -> None:
    # The server moved on to version 3 by changing the notes; the workstation changed the city.
    current = customer(3, notes="周末联系")
    incoming = customer(2, city="上海")
    result = shared(current, incoming, base_version=1, base_values={"city": "北京"})
    assert result.outcome is Outcome.APPLIED and result.conflicts == ()
    assert result.row == customer(4, city="上海", notes="周末联系", updated_at=NOW)


def test_a_field_changed_on_both_sides_takes_the_later_receipt_and_logs_the_loss() -> None:
    current = customer(2, city="广州", notes="周末联系")  # another workstation's change
    incoming = customer(2, city="上海", name="王晓明")
    result = shared(current, incoming, base_version=1,
                    base_values={"city": "北京", "name": "王小明"})
    assert result.outcome is Outcome.MERGED
    assert result.conflicts == (FieldConflict("city", "上海", "广州"),)
    assert result.row == customer(3, city="上海", name="王晓明", notes="周末联系",
                                  updated_at=NOW)


def test_base_values_decide_even_when_the_version_numbers_coincide() -> None:
    # The workstation's copy counted version 2 for its own change (set the same name as
    # another workstation); its next change says base 2, like the server's different row.
    current = customer(2, name="王晓明", city="广州")
    incoming = customer(3, name="王晓明", city="北京", notes="改了备注")
    result = shared(current, incoming, base_version=2, base_values={"notes": ""})
    assert result.outcome is Outcome.APPLIED and result.conflicts == ()
    assert result.row == customer(3, name="王晓明", city="广州", notes="改了备注",
                                  updated_at=NOW)


def test_a_change_equal_to_the_server_value_still_bumps_the_version() -> None:
    current = customer(2, name="王晓明", city="广州")
    result = shared(current, customer(2, name="王晓明"), base_version=1,
                    base_values={"name": "王小明"})
    assert result.outcome is Outcome.APPLIED and result.conflicts == ()
    assert result.row == customer(3, name="王晓明", city="广州", updated_at=NOW)


def test_a_blind_change_takes_every_difference_and_logs_each() -> None:
    current = customer(3, city="广州", notes="周末联系")
    incoming = customer(2, city="上海")  # notes "" is what the workstation had
    result = shared(current, incoming, base_version=1, base_values=None)
    assert result.outcome is Outcome.MERGED
    assert set(result.conflicts) == {FieldConflict("city", "上海", "广州"),
                                     FieldConflict("notes", "", "周末联系")}
    assert result.row == customer(4, city="上海", notes="", updated_at=NOW)


def test_a_blind_change_equal_to_the_server_row_logs_nothing() -> None:
    result = shared(customer(3, city="上海"), customer(2, city="上海"), base_version=1)
    assert result.outcome is Outcome.APPLIED and result.conflicts == ()
    assert result.row == customer(4, city="上海", updated_at=NOW)


def test_an_edit_of_a_row_deleted_on_the_server_keeps_the_tombstone_and_logs_it() -> None:
    deleted = NOW - timedelta(hours=1)
    current = customer(2, deleted_at=deleted)
    result = shared(current, customer(2, city="上海"), base_version=1,
                    base_values={"city": "北京"})
    assert result.outcome is Outcome.MERGED
    assert result.conflicts == (FieldConflict("deleted_at", deleted, None),)
    assert result.row is not None and result.row["deleted_at"] == deleted
    assert result.row["version"] == 3


def test_a_blind_edit_of_a_deleted_row_keeps_the_tombstone_and_logs_it() -> None:
    deleted = NOW - timedelta(hours=1)
    result = shared(customer(2, deleted_at=deleted), customer(2, city="上海"), base_version=1)
    assert result.outcome is Outcome.MERGED
    assert set(result.conflicts) == {FieldConflict("deleted_at", deleted, None),
                                     FieldConflict("city", "上海", "北京")}
    assert result.row is not None and result.row["deleted_at"] == deleted


def test_a_delete_after_another_sides_edit_deletes_and_keeps_that_edit() -> None:
    deleted = NOW - timedelta(minutes=5)
    current = customer(2, notes="周末联系")
    result = shared(current, customer(2, deleted_at=deleted), op="delete", base_version=1,
                    base_values={"deleted_at": None})
    assert result.outcome is Outcome.APPLIED and result.conflicts == ()
    assert result.row == customer(3, notes="周末联系", deleted_at=deleted, updated_at=NOW)


def test_deleting_a_row_already_deleted_keeps_the_first_tombstone() -> None:
    first, second = NOW - timedelta(hours=2), NOW - timedelta(hours=1)
    result = shared(customer(2, deleted_at=first), customer(2, deleted_at=second), op="delete",
                    base_version=1, base_values={"deleted_at": None})
    assert result.outcome is Outcome.MERGED
    assert result.conflicts == (FieldConflict("deleted_at", first, second),)
    assert result.row is not None and result.row["deleted_at"] == first


def test_a_delete_op_without_base_values_still_deletes() -> None:
    deleted = NOW - timedelta(minutes=1)
    result = shared(customer(1), customer(2, deleted_at=deleted), op="delete", base_version=1)
    assert result.outcome is Outcome.APPLIED
    assert result.row == customer(2, deleted_at=deleted, updated_at=NOW)


def test_merging_never_changes_its_inputs() -> None:
    current, incoming = customer(3, city="广州"), customer(2, city="上海")
    before = (dict(current), dict(incoming))
    shared(current, incoming, base_version=1, base_values={"city": "北京"})
    assert (current, incoming) == before
