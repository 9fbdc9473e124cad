from __future__ import annotations

import uuid
from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from agentdesk.services.clock import FixedClock
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.workspace import open_workspace
from agentdesk.store import migrate
from agentdesk.store.database import Database
from agentdesk.store.schema import metadata

FIRST = "0001"


def test_head_schema_is_exactly_the_tables_in_code(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "x.db")
    migrate.upgrade_local(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                metadata)
    assert diff == []
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.close()


def test_upgrading_a_populated_first_version_database_loses_nothing(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "agentdesk.db"
    db = Database.open(path)
    migrate.upgrade_local(db, FIRST)
    now = clock.now().replace(tzinfo=None).isoformat(sep=" ")
    customer_ids = [uuid.uuid4() for _ in range(120)]
    with db.write() as conn:
        for n, cid in enumerate(customer_ids):
            conn.exec_driver_sql(
                "INSERT INTO customers (id, site, version, updated_at, customer_no, name, gender,"
                " language, notes, created_at, city, tags) VALUES (?, 'default', 1, ?, ?, ?,"
                " 'female', 'zh', '老数据', ?, '北京', 'VIP')",
                (cid.hex, now, f"C{n + 1:08d}", f"客户{n}", now))
            conn.exec_driver_sql(
                "INSERT INTO customer_phones (id, site, version, updated_at, customer_id, e164,"
                " kind, is_primary, label) VALUES (?, 'default', 1, ?, ?, ?, 'mobile', 1, '')",
                (uuid.uuid4().hex, now, cid.hex, f"+86138{n:08d}"))
        conn.exec_driver_sql(
            "INSERT INTO outbox (mutation_id, table_name, row_id, op, payload, created_at)"
            " VALUES (?, 'customers', ?, 'upsert', '{\"name\": \"客户0\"}', ?)",
            (uuid.uuid4().hex, customer_ids[0].hex, now))
    db.close()

    ws = open_workspace(tmp_path, clock, hasher=fast_hasher())  # upgrades to head
    try:
        assert migrate.current_revision(ws.database.engine) == migrate.head_revision()
        with ws.database.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM customers").scalar() == 120
            assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 1
            assert conn.exec_driver_sql(
                "SELECT payload FROM outbox").scalar() == '{"name": "客户0"}'
        customer = ws.customer_repository.get(customer_ids[7])
        assert (customer.name, customer.notes, customer.city) == ("客户7", "老数据", "北京")
        # The new phone-tail index was filled for old rows.
        from agentdesk.domain.customers import understand_query

        query = understand_query("00000007")
        assert query is not None
        found = ws.customer_repository.search(query, 10)
        assert [c.name for c in found] == ["客户7"]
        assert ws.database.check_integrity() == []
    finally:
        ws.close()


def test_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "x.db")
    migrate.upgrade_local(db)
    from alembic import command

    config = migrate.alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, FIRST)
    assert migrate.current_revision(db.engine) == FIRST
    migrate.upgrade_local(db)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.read() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("customer_phones")}
    assert "tail_key" in columns
    db.close()


def test_the_recorded_head_is_alembics_head() -> None:
    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_upgrading_a_0005_database_keys_its_articles_and_indexes_them(
    tmp_path: Path, clock: FixedClock
) -> None:
    db = Database.open(tmp_path / "agentdesk.db")
    migrate.upgrade_local(db, "0005")
    now = clock.now().replace(tzinfo=None).isoformat(sep=" ")
    article_ids = [uuid.uuid4() for _ in range(3)]
    with db.write() as conn:
        for n, aid in enumerate(article_ids):
            conn.exec_driver_sql(
                "INSERT INTO kb_articles (id, site, version, updated_at, title, body, kind,"
                " category, tags, language, status, article_version) VALUES (?, 'default', 1,"
                " ?, ?, ?, 'faq', '', '', 'zh', 'published', 1)",
                (aid.hex, now, f"携号转网问题{n}", "转网前请结清话费。"))
        conn.exec_driver_sql(
            "INSERT INTO escalation_rules (id, site, version, updated_at, topic, title,"
            " title_en, department, domain, required_info, first_questions,"
            " front_line_answers, steps, response_minutes, informs_customer, article_id)"
            " VALUES (?, 'default', 1, ?, 'porting', '转网', 'Porting', '号码中心', 'business',"
            " '姓名', '何时', '无', '一线\n中心', 60, '中心', ?)",
            (uuid.uuid4().hex, now, article_ids[0].hex))
    db.close()

    ws = open_workspace(tmp_path, clock, hasher=fast_hasher())
    try:
        with ws.database.read() as conn:
            slugs = conn.exec_driver_sql("SELECT id, slug, answer FROM kb_articles").all()
            rule = conn.exec_driver_sql(
                "SELECT steps, steps_en, department_en FROM escalation_rules").one()
        assert sorted(slug for _, slug, _ in slugs) == sorted(
            f"a-{aid.hex}" for aid in article_ids)
        assert all(answer == "" for *_, answer in slugs)
        assert tuple(rule) == ("一线\n中心", "", "")
        from agentdesk.domain.people import Role

        agent = ws.auth.add_user("agent01", "坐席", Role.AGENT, "correct horse")
        hits = ws.knowledge_for(agent).search("转网")
        assert len(hits) == 3
        view = ws.knowledge_for(agent).article(article_ids[0])
        assert view.escalation is not None and view.escalation.steps == ("一线", "中心")
    finally:
        ws.close()


def test_a_downgrade_below_0006_drops_the_search_index(tmp_path: Path, clock: FixedClock) -> None:
    from alembic import command

    from agentdesk.store import kb_index

    ws = open_workspace(tmp_path, clock, hasher=fast_hasher())
    database = ws.database
    config = migrate.alembic_config()
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    with database.read() as conn:
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name LIKE 'kb\\_%ix%' ESCAPE '\\'"
        ).scalar() == 0
    migrate.upgrade_local(database)
    with database.write() as conn:
        assert kb_index.ensure_index(conn)  # rebuilt, not trusted from before
    ws.close()
