from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from agentdesk import cli
from agentdesk.store import migrate
from agentdesk.store.schema import metadata
from agentdesk.store.schema.catalogue import products
from agentdesk.store.schema.contacts import customer_phones, customers

pytestmark = pytest.mark.integration


def test_init_server_creates_the_schema_and_is_idempotent(
    server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["init-server", "--server", server_url]) == 0
    assert f"schema empty -> {migrate.head_revision()}" in capsys.readouterr().out
    assert cli.main(["init-server", "--server", server_url]) == 0
    assert f"{migrate.head_revision()} -> {migrate.head_revision()}" in capsys.readouterr().out
    engine = sa.create_engine(server_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(
                conn, opts={"include_object": migrate.include_object}), metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_rows_round_trip_with_chinese_text_money_and_utc(server_url: str) -> None:
    engine = sa.create_engine(server_url, hide_parameters=True)
    try:
        migrate.upgrade(engine)
        now = datetime(2026, 11, 23, 6, 30, 15, tzinfo=UTC)
        customer_id = uuid.uuid4()
        with engine.begin() as conn:
            conn.execute(customers.insert().values(
                id=customer_id, site="default", version=1, updated_at=now,
                customer_no="C00000001", name="欧阳娜娜 <b>", gender="female", city="北京",
                language="zh", tags="VIP\t老客户", notes="备注 '; DROP TABLE x; --",
                created_at=now))
            conn.execute(customer_phones.insert().values(
                id=uuid.uuid4(), site="default", version=1, updated_at=now,
                customer_id=customer_id, e164="+8613800138000", tail_key="0008310083168",
                kind="mobile", is_primary=True))
            conn.execute(products.insert().values(
                id=uuid.uuid4(), site="default", version=1, updated_at=now, sku="P169",
                name="5G畅享169元套餐", kind="plan", price=Decimal("169.99")))
        with engine.connect() as conn:
            row = conn.execute(sa.select(customers)).one()
            price = conn.execute(sa.select(products.c.price)).scalar_one()
        assert row.id == customer_id
        assert row.name == "欧阳娜娜 <b>"
        assert row.notes == "备注 '; DROP TABLE x; --"
        assert row.updated_at == now
        assert price == Decimal("169.99")
    finally:
        engine.dispose()


def test_a_populated_first_version_upgrades_without_loss(server_url: str) -> None:
    engine = sa.create_engine(server_url)
    try:
        migrate.upgrade(engine, "0001")
        now = datetime(2026, 11, 23, tzinfo=UTC).replace(tzinfo=None)
        customer_id = uuid.uuid4()
        phones_v1 = sa.table("customer_phones", *(sa.column(c) for c in (
            "id", "site", "version", "updated_at", "customer_id", "e164", "kind", "is_primary",
            "label")))
        with engine.begin() as conn:
            conn.execute(customers.insert().values(
                id=customer_id, site="default", version=1,
                updated_at=now.replace(tzinfo=UTC), customer_no="C00000001", name="王小明",
                gender="male", language="zh", created_at=now.replace(tzinfo=UTC)))
            conn.execute(phones_v1.insert().values(
                id=uuid.uuid4() if engine.dialect.name == "postgresql" else uuid.uuid4().hex,
                site="default", version=1, updated_at=now, customer_id=customer_id
                if engine.dialect.name == "postgresql" else customer_id.hex,
                e164="+8613800138000", kind="mobile", is_primary=True, label=""))
        migrate.upgrade(engine)
        with engine.connect() as conn:
            tail = conn.execute(sa.select(customer_phones.c.tail_key)).scalar_one()
            name = conn.execute(sa.select(customers.c.name)).scalar_one()
        assert (tail, name) == ("0008310083168", "王小明")
    finally:
        engine.dispose()


def test_init_server_on_a_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    assert cli.main(["init-server", "--server", url]) == 0
    engine = sa.create_engine(url)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_unreachable_server_is_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2"
    assert cli.main(["init-server", "--server", url]) == cli.EXIT_KNOWN_ERROR
    err = capsys.readouterr().err
    assert err.startswith("agentdesk-admin: Server database unavailable:")
