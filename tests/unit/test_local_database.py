from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from agentdesk.domain.errors import StorageError
from agentdesk.services.clock import FixedClock
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.workspace import LOCAL_DB, Workspace, open_workspace
from agentdesk.store.database import Database
from agentdesk.store.schema.contacts import customer_phones, customers
from agentdesk.store.schema.local import outbox
from tests.helpers.factories import add_customer, add_user, count


def test_pragmas_make_every_acknowledged_write_durable(workspace: Workspace) -> None:
    with workspace.database.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_database_file_is_private(workspace: Workspace) -> None:
    mode = stat.S_IMODE((workspace.directory / LOCAL_DB).stat().st_mode)
    assert mode == 0o600


def test_write_transactions_take_the_write_lock_at_begin(workspace: Workspace) -> None:
    other = sqlite3.connect(workspace.directory / LOCAL_DB, timeout=0, isolation_level=None)
    try:
        with workspace.database.write(), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once committed
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_foreign_keys_are_enforced(workspace: Workspace, clock: FixedClock) -> None:
    import uuid

    with pytest.raises(sa.exc.IntegrityError), workspace.database.write() as conn:  # noqa: PT012
        conn.execute(customer_phones.insert().values(
            id=uuid.uuid4(), site="default", version=1, updated_at=clock.now(),
            customer_id=uuid.uuid4(), e164="+8613800138000", tail_key="x", kind="mobile"))


def test_a_failed_write_leaves_no_trace(workspace: Workspace) -> None:
    user = add_user(workspace)
    before = (count(workspace, customers), count(workspace, outbox))
    with pytest.raises(RuntimeError), workspace.database.write() as conn:  # noqa: PT012
        conn.execute(sa.delete(outbox))
        raise RuntimeError("power cut")
    assert (count(workspace, customers), count(workspace, outbox)) == before
    add_customer(workspace, user)
    assert count(workspace, customers) == 1


def test_disk_full_is_a_clear_error_and_loses_nothing(workspace: Workspace) -> None:
    user = add_user(workspace)
    first = add_customer(workspace, user)
    saved_outbox = count(workspace, outbox)
    # Cap the file at its current size: the next growth fails exactly like a full disk.
    with workspace.database.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    event = sa.event.listens_for(workspace.database.engine, "connect")(
        lambda dbapi, _rec: dbapi.execute(f"PRAGMA max_page_count = {pages}"))
    workspace.database.engine.dispose()
    big_notes = "备注" * 1900
    with pytest.raises(StorageError) as caught:  # noqa: PT012 - fill until the cap is hit
        for n in range(200):
            add_customer(workspace, user, name=f"客户{n}", phones=[f"139{n:08d}"],
                         tags=[big_notes[:30]], address=False)
            with workspace.database.write() as conn:
                conn.execute(customers.update().where(customers.c.name == f"客户{n}")
                             .values(notes=big_notes))
    assert caught.value.code == "disk_full"
    assert "full" in str(caught.value)
    sa.event.remove(workspace.database.engine, "connect", event)
    workspace.database.engine.dispose()
    assert workspace.customer_repository.get(first.id).name == first.name
    assert count(workspace, outbox) >= saved_outbox
    assert workspace.database.check_integrity() == []
    # Every customer that was acknowledged has its outbox entries: none half-written.
    with workspace.database.read() as conn:
        queued = set(conn.execute(sa.select(outbox.c.row_id)
                                  .where(outbox.c.table_name == "customers")).scalars())
        stored = set(conn.execute(sa.select(customers.c.id)).scalars())
    assert stored == queued


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="root ignores file permissions; covered by the read-only open below")
def test_read_only_file_is_a_clear_error(tmp_path: Path, clock: FixedClock) -> None:
    ws = open_workspace(tmp_path, clock, hasher=fast_hasher())
    user = add_user(ws)
    ws.close()
    (tmp_path / LOCAL_DB).chmod(0o400)
    ws = open_workspace(tmp_path, clock, hasher=fast_hasher())
    with pytest.raises(StorageError) as caught:
        add_customer(ws, user)
    assert caught.value.code == "read_only"


def test_read_only_database_refuses_writes_clearly(tmp_path: Path, clock: FixedClock) -> None:
    ws = open_workspace(tmp_path, clock, hasher=fast_hasher())
    user = add_user(ws)
    ws.close()
    engine = sa.create_engine(f"sqlite:///file:{tmp_path / LOCAL_DB}?mode=ro&uri=true")
    from agentdesk.store.database import _begin, _sqlite_pragmas

    sa.event.listen(engine, "connect", _sqlite_pragmas)
    sa.event.listen(engine, "begin", _begin)
    database = Database(engine, tmp_path / LOCAL_DB)
    with database.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(customers)).scalar() == 0
    from agentdesk.domain.customers import CustomerDraft, PhoneDraft, validate_customer
    from agentdesk.store.customers import SqlCustomerRepository

    repo = SqlCustomerRepository(database, clock)
    with pytest.raises(StorageError) as caught:
        repo.save(None, None, validate_customer(
            CustomerDraft("张三", phones=[PhoneDraft("13800138000")])), user.id)
    assert caught.value.code == "read_only"
    database.close()


@pytest.mark.parametrize(
    "garbage",
    [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000],
)
def test_corrupt_file_is_a_clear_error_and_is_not_overwritten(
    tmp_path: Path, clock: FixedClock, garbage: bytes
) -> None:
    path = tmp_path / LOCAL_DB
    path.write_bytes(garbage)
    with pytest.raises(StorageError) as caught:
        open_workspace(tmp_path, clock)
    assert caught.value.code == "corrupt"
    assert str(path) in str(caught.value)
    assert path.read_bytes() == garbage


def test_damaged_pages_are_reported_by_the_integrity_check(
    tmp_path: Path, clock: FixedClock
) -> None:
    ws = open_workspace(tmp_path, clock, hasher=fast_hasher())
    user = add_user(ws)
    for n in range(40):
        add_customer(ws, user, name=f"客户{n}", phones=[f"139{n:08d}"])
    ws.close()
    data = bytearray((tmp_path / LOCAL_DB).read_bytes())
    page = 4096
    for offset in range(page * 8, min(len(data), page * 14)):
        data[offset] = 0x5A
    (tmp_path / LOCAL_DB).write_bytes(bytes(data))
    try:
        ws = open_workspace(tmp_path, clock)
    except StorageError as error:
        assert error.code == "corrupt"  # noqa: PT017 - damage may surface on open
        return
    try:
        problems = ws.database.check_integrity()
    except StorageError as error:
        assert error.code == "corrupt"  # noqa: PT017 - or on the first read
    else:
        assert problems
    finally:
        ws.close()


def test_in_memory_database_for_tools() -> None:
    db = Database.open(None)
    with db.write() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT x FROM t").scalar() == 1
    db.close()


def test_missing_database_without_create(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        Database.open(tmp_path / "nope.db", create=False)
    assert caught.value.code == "missing"


def test_unwritable_directory_is_a_clear_error(tmp_path: Path, clock: FixedClock) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError) as caught:
        open_workspace(blocker / "ws", clock)
    assert caught.value.code == "cannot_open"
