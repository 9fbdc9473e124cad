from __future__ import annotations

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa

from agentdesk.domain.customers import (
    AddressDraft,
    CustomerDraft,
    PhoneDraft,
    understand_query,
    validate_customer,
)
from agentdesk.domain.errors import KnownError, NotFoundError, StaleRecordError, ValidationError
from agentdesk.domain.people import Role
from agentdesk.services.clock import FixedClock
from agentdesk.services.workspace import Workspace
from agentdesk.store.schema.contacts import customer_addresses, customer_phones, customers
from agentdesk.store.schema.local import outbox
from tests.helpers.factories import add_customer, add_history, add_user, count


def queued(ws: Workspace) -> list[tuple[str, str, int | None]]:
    with ws.database.read() as conn:
        return [(r.table_name, r.op, r.base_version) for r in conn.execute(
            sa.select(outbox).order_by(outbox.c.seq))]


def test_a_new_customer_and_its_outbox_entries_commit_together(workspace: Workspace) -> None:
    user = add_user(workspace)
    before = len(queued(workspace))
    customer = add_customer(workspace, user, phones=["13800138000", "010-65529988"])
    assert customer.customer_no == "C00000001"
    assert customer.version == 1
    entries = queued(workspace)[before:]
    assert entries == [("customers", "upsert", None), ("customer_phones", "upsert", None),
                       ("customer_phones", "upsert", None),
                       ("customer_addresses", "upsert", None)]
    with workspace.database.read() as conn:
        payload = json.loads(conn.execute(
            sa.select(outbox.c.payload).where(outbox.c.table_name == "customers")).scalar_one())
    assert payload["name"] == "王小明"
    assert payload["id"] == str(customer.id)


def test_editing_bumps_the_version_and_queues_only_real_changes(
    workspace: Workspace, clock: FixedClock
) -> None:
    user = add_user(workspace)
    customer = add_customer(workspace, user, phones=["13800138000", "13900139000"])
    start = len(queued(workspace))
    clock.at += timedelta(minutes=5)
    keep, drop = customer.phones
    edited = workspace.customers_for(user).save(customer.id, customer.version, CustomerDraft(
        name="王小明", city="上海", tags=["VIP"],
        phones=[PhoneDraft("138 0013 8000", "手机", True, keep.id), PhoneDraft("13700137000")],
        addresses=[AddressDraft(a.province, a.city, a.district, a.street, a.postal_code, a.label,
                                a.is_default, a.id) for a in customer.addresses],
    ))
    assert edited.version == 2
    assert edited.city == "上海"
    assert edited.updated_at == clock.at
    assert {p.e164 for p in edited.phones} == {"+8613800138000", "+8613700137000"}
    assert next(p for p in edited.phones if p.id == keep.id).label == "手机"
    assert sorted(queued(workspace)[start:], key=str) == sorted([
        ("customers", "upsert", 1),
        ("customer_phones", "upsert", 1),  # label changed
        ("customer_phones", "upsert", None),  # new number
        ("customer_phones", "delete", 1),  # removed number: a tombstone
    ], key=str)
    with workspace.database.read() as conn:
        tomb = conn.execute(sa.select(customer_phones).where(customer_phones.c.id == drop.id)).one()
    assert tomb.deleted_at == clock.at
    assert tomb.version == 2


def test_saving_the_same_values_writes_nothing(workspace: Workspace) -> None:
    user = add_user(workspace)
    customer = add_customer(workspace, user)
    start = len(queued(workspace))
    again = workspace.customer_repository.save(customer.id, customer.version, validate_customer(
        CustomerDraft(customer.name, city=customer.city, tags=customer.tags,
                      phones=[PhoneDraft(p.e164, p.label, p.is_primary, p.id)
                              for p in customer.phones],
                      addresses=[AddressDraft(a.province, a.city, a.district, a.street,
                                              a.postal_code, a.label, a.is_default, a.id)
                                 for a in customer.addresses])), user.id)
    assert again.version == customer.version
    assert len(queued(workspace)) == start


def test_a_stale_edit_is_refused_and_changes_nothing(workspace: Workspace) -> None:
    user = add_user(workspace)
    customer = add_customer(workspace, user)
    service = workspace.customers_for(user)
    service.save(customer.id, customer.version, CustomerDraft("王大明", phones=[
        PhoneDraft("13800138000")]))
    start = (len(queued(workspace)), count(workspace, customer_phones))
    with pytest.raises(StaleRecordError):
        service.save(customer.id, customer.version, CustomerDraft("王二明", phones=[
            PhoneDraft("13600136000")]))
    assert workspace.customer_repository.get(customer.id).name == "王大明"
    assert (len(queued(workspace)), count(workspace, customer_phones)) == start


def test_invalid_edits_store_nothing(workspace: Workspace) -> None:
    user = add_user(workspace)
    start = (count(workspace, customers), len(queued(workspace)))
    with pytest.raises(ValidationError):
        workspace.customers_for(user).save(None, None, CustomerDraft("", phones=[
            PhoneDraft("12345")]))
    assert (count(workspace, customers), len(queued(workspace))) == start


def test_trainers_may_not_edit_customers(workspace: Workspace) -> None:
    trainer = add_user(workspace, "trainer01", Role.TRAINER)
    with pytest.raises(KnownError) as caught:
        workspace.customers_for(trainer).save(None, None, CustomerDraft("张三", phones=[
            PhoneDraft("13800138000")]))
    assert caught.value.code == "not_allowed"


def test_search_finds_customers_every_way_an_agent_types(workspace: Workspace) -> None:
    user = add_user(workspace)
    wang = add_customer(workspace, user, name="王小明", phones=["13800138000", "010-65529988"])
    add_customer(workspace, user, name="王芳", phones=["13900139001"])
    li = add_customer(workspace, user, name="李小明", phones=["13700137000"])
    add_customer(workspace, user, name="John Smith", phones=["13600136000"])
    service = workspace.customers_for(user)

    def names(text: str) -> list[str]:
        return [c.name for c in service.search(text)]

    assert names("+86 138-0013-8000") == ["王小明"]
    assert names("１３８００１３８０００") == ["王小明"]
    assert names("(010) 6552 9988") == ["王小明"]
    assert names("8000") == ["王小明"]
    assert names("9001") == ["王芳"]
    assert names("王") == ["王小明", "王芳"]
    assert names("小明") == ["李小明", "王小明"]  # contains, after any prefix hits
    assert names("smith") == ["John Smith"]
    assert names(wang.customer_no.lower()) == ["王小明"]
    assert names(str(li.id)) == ["李小明"]
    assert names("13500135000") == []
    assert names("'; DROP TABLE customers; --") == []
    assert names("%") == [] and names("_") == []
    assert names("") == []
    assert count(workspace, customers) == 4
    hit = service.search("8000")[0]
    assert hit.primary_e164 == "+8613800138000"
    assert hit.tags == ("VIP",)


def test_deleted_customers_are_not_found(workspace: Workspace, clock: FixedClock) -> None:
    user = add_user(workspace)
    customer = add_customer(workspace, user)
    with workspace.database.write() as conn:
        conn.execute(customers.update().values(deleted_at=clock.now()))
    assert workspace.customers_for(user).search("王") == []
    assert workspace.customers_for(user).screen_pop("13800138000") is None
    with pytest.raises(NotFoundError):
        workspace.customer_repository.get(customer.id)


def test_screen_pop_normalizes_the_caller_id(workspace: Workspace) -> None:
    user = add_user(workspace)
    customer = add_customer(workspace, user)
    service = workspace.customers_for(user)
    for caller_id in ("+8613800138000", "008613800138000", "13800138000"):
        popped = service.screen_pop(caller_id)
        assert popped is not None and popped.id == customer.id
    assert service.screen_pop("anonymous") is None
    assert service.screen_pop("13900000000") is None


def test_record_carries_contact_and_order_history(workspace: Workspace, clock: FixedClock) -> None:
    user = add_user(workspace)
    customer = add_customer(workspace, user)
    add_history(workspace, customer, user, clock.now())
    record = workspace.customers_for(user).record(customer.id)
    assert [c.disposition_label for c in record.contacts] == ["成交", "占线"]
    assert record.contacts[0].talk_seconds == 245
    assert record.contacts[0].campaign_name == "5G 套餐升级"
    assert record.contacts[0].agent_name == user.display_name
    assert len(record.orders) == 1
    order = record.orders[0]
    assert str(order.total) == "5668.00"
    assert "5G畅享169元套餐 ×1" in order.items and "华为 Mate 70 ×1" in order.items


def test_huge_and_hostile_text_round_trips_exactly(workspace: Workspace) -> None:
    user = add_user(workspace)
    hostile = "<img src=x onerror=alert(1)> '); DELETE FROM customers; -- 💥 \u202e"
    customer = workspace.customers_for(user).save(None, None, CustomerDraft(
        hostile[:100], notes=(hostile + "\n") * 50, phones=[PhoneDraft("13800138000")]))
    stored = workspace.customer_repository.get(customer.id)
    assert stored.name == hostile[:100].strip()
    assert stored.notes == ((hostile + "\n") * 50).strip()
    assert count(workspace, customers) == 1


def test_customer_numbers_keep_counting(workspace: Workspace) -> None:
    user = add_user(workspace)
    numbers = [add_customer(workspace, user, name=f"客户{i}", phones=[f"1390013900{i}"],
                            address=False).customer_no for i in range(3)]
    assert numbers == ["C00000001", "C00000002", "C00000003"]
    assert count(workspace, customer_addresses) == 0
    assert understand_query(numbers[2]) is not None


def test_the_fast_caller_id_path_reads_what_sqlalchemy_reads(
    workspace: Workspace, clock: FixedClock
) -> None:
    from agentdesk.store.customer_record import load_by_id, load_by_phone

    user = add_user(workspace)
    clock.at += timedelta(microseconds=123456)
    customer = add_customer(workspace, user, name="欧阳 <i>", tags=("VIP", "老客户"),
                            phones=["010-65529988", "13800138000", "13900139000"])
    workspace.customers_for(user).save(customer.id, customer.version, CustomerDraft(
        customer.name, notes="备注\n第二行", tags=customer.tags,
        phones=[PhoneDraft(p.e164, p.label, p.is_primary, p.id) for p in customer.phones[:2]],
        addresses=[AddressDraft("上海市", "上海市", "浦东新区", "世纪大道1号", "200120"),
                   AddressDraft("北京市", "北京市", "朝阳区", "建国路88号", is_default=True)],
    ))
    with workspace.database.read() as conn:
        fast = load_by_phone(conn, "+8613800138000")
        reference = load_by_id(conn, customer.id)
        assert load_by_phone(conn, "+8613900139000") is None  # that number was removed
    assert fast is not None
    assert fast == reference
    assert fast.updated_at is not None and fast.updated_at.microsecond == 123456
    assert [a.is_default for a in fast.addresses] == [True, False]


def test_a_phone_only_edit_still_makes_older_forms_stale(workspace: Workspace) -> None:
    user = add_user(workspace)
    customer = add_customer(workspace, user)
    service = workspace.customers_for(user)
    phone = customer.phones[0]
    same = {"name": customer.name, "city": customer.city, "tags": customer.tags,
            "addresses": [AddressDraft(a.province, a.city, a.district, a.street, a.postal_code,
                                       a.label, a.is_default, a.id)
                          for a in customer.addresses]}
    first = service.save(customer.id, customer.version, CustomerDraft(
        phones=[PhoneDraft(phone.e164, "办公室", True, phone.id)], **same))
    assert first.version == customer.version + 1
    with pytest.raises(StaleRecordError):
        service.save(customer.id, customer.version, CustomerDraft(
            phones=[PhoneDraft(phone.e164, "本人", True, phone.id)], **same))
    assert workspace.customer_repository.get(customer.id).phones[0].label == "办公室"


def test_screen_pop_skips_a_deleted_owner_of_a_shared_number(
    workspace: Workspace, clock: FixedClock
) -> None:
    user = add_user(workspace)
    old = add_customer(workspace, user, name="旧客户", phones=["13800138000"])
    new = add_customer(workspace, user, name="新客户", phones=["13800138000"])
    with workspace.database.write() as conn:
        conn.execute(customers.update().where(customers.c.id == old.id)
                     .values(deleted_at=clock.now()))
    popped = workspace.customers_for(user).screen_pop("138 0013 8000")
    assert popped is not None and popped.id == new.id


def test_name_search_ignores_case_at_the_start(workspace: Workspace) -> None:
    user = add_user(workspace)
    add_customer(workspace, user, name="Alice Wang", phones=["13600136000"])
    service = workspace.customers_for(user)
    assert [c.name for c in service.search("alice")] == ["Alice Wang"]
    assert [c.name for c in service.search("ALICE W")] == ["Alice Wang"]
    assert [c.name for c in service.search("Alice")] == ["Alice Wang"]  # listed once
