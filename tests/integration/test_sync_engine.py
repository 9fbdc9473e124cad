"""The sync engine end to end on every server backend.

Push, pull, replays, rejections, conflicts, renumbering, protocol checks, an outbox written
before the upgrade, and the change sequence under concurrent writers.
"""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from agentdesk.domain.ids import new_id
from agentdesk.services.clock import FixedClock
from agentdesk.services.sync import read_conflicts
from agentdesk.store import migrate
from agentdesk.store.database import Database
from agentdesk.store.outbox import encode_row
from agentdesk.store.outbox import outbox_depth as queued_since
from agentdesk.store.schema.contacts import customer_phones, customers
from agentdesk.store.schema.local import outbox, rejected
from agentdesk.store.schema.sync import applied_mutations, change_log, sync_conflicts, sync_meta
from agentdesk.sync.client import SyncClient
from agentdesk.sync.connection import server_engine
from agentdesk.sync.protocol import (
    PROTOCOL_VERSION,
    Mutation,
    MutationResult,
    Outcome,
    Page,
    ProtocolMismatch,
    ServerUnavailable,
)
from agentdesk.sync.server import ServerStore
from tests.helpers.sync_env import Station, meta
from tests.helpers.sync_ops import (
    change_log_entries,
    count,
    customer,
    local_rows,
    new_server,
    new_station,
    outbox_mutations,
    phone,
    server_rows,
)

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)
SYNCED = ("customers", "customer_phones")


def queue_raw(st: Station, table_name: str, row_id: uuid.UUID, payload: str, *,
              base_version: int | None = None, base_payload: str | None = None) -> uuid.UUID:
    """Queue a hand-made mutation, as a damaged or foreign workstation might have."""
    mutation_id = new_id()
    with st.database.write() as conn:
        conn.execute(outbox.insert().values(
            mutation_id=mutation_id, table_name=table_name, row_id=row_id, op="upsert",
            base_version=base_version, payload=payload, base_payload=base_payload,
            created_at=NOW))
    return mutation_id


def rejections(st: Station) -> dict[uuid.UUID, str]:
    with st.database.read() as conn:
        return {r.mutation_id: r.reason for r in conn.execute(sa.select(rejected))}


def outbox_depth(st: Station) -> int:
    with st.database.read() as conn:
        return count(conn, outbox)


def server_state(server: ServerStore) -> dict[str, Any]:
    """Everything a push may write, to compare before and after a replay."""
    with server.engine.connect() as conn:
        return {
            "log": change_log_entries(server),
            "customers": server_rows(server, "customers"),
            "phones": server_rows(server, "customer_phones"),
            "answers": count(conn, applied_mutations),
            "conflicts": count(conn, sync_conflicts),
        }


def assert_same_rows(server: ServerStore, *stations: Station) -> None:
    for name in SYNCED:
        expected = server_rows(server, name)
        for st in stations:
            assert local_rows(st.database, name) == expected, (st.name, name)


# ---------------------------------------------------------------- push and pull

def test_a_push_reaches_another_workstation_and_replayed_pages_change_nothing(
    sync_server_url: str, tmp_path: Path
) -> None:
    server = new_server(sync_server_url)
    with new_station(tmp_path, server, NOW, "ws-a") as a, \
            new_station(tmp_path, server, NOW, "ws-b") as b:
        c = a.write("customers", customer(NOW, "C00000001", "周六", city="杭州"))
        p = a.write("customer_phones", phone(NOW, c["id"]))
        others = [a.write("customers", customer(NOW, f"C0000000{n}", f"客户{n}"))
                  for n in (2, 3)]
        report = a.client.run_round()
        assert (report.pushed, report.merged, report.rejected) == (4, 0, 0)
        assert (report.pulled, report.cursor, outbox_depth(a)) == (4, 4, 0)
        assert change_log_entries(server) == [
            (1, "customers", c["id"]), (2, "customers", others[0]["id"]),
            (3, "customers", others[1]["id"]), (4, "customer_phones", p["id"])]

        def state() -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
            return (local_rows(b.database, "customers"),
                    local_rows(b.database, "customer_phones"), b.client.cursor())

        old = server.pull("default", 0, 2)
        assert (old.row_count, old.cursor, old.more) == (2, 2, True)
        b.client.apply_page(old, 0)
        first = state()
        assert [r["id"] for r in first[0]] == sorted([c["id"], others[0]["id"]])
        assert first[2] == 2
        b.client.apply_page(old, 0)  # the same page again
        assert state() == first
        a.edit("customers", c["id"], name="周六六")
        a.client.run_round()
        new = server.pull("default", old.cursor, 10)
        assert (new.row_count, new.cursor, new.more) == (3, 5, False)
        b.client.apply_page(new, old.cursor)
        second = state()
        assert second[2] == 5
        assert_same_rows(server, a, b)
        b.client.apply_page(old, 0)  # an older page after a newer one
        b.client.apply_page(new, old.cursor)
        assert state() == second
        # Even at the right cursor, an older version never replaces a newer one.
        stale = Page(rows={"customers": [r for r in old.rows["customers"]
                                         if r["id"] == c["id"]]}, cursor=5)
        assert stale.rows["customers"][0]["version"] == 1
        b.client.apply_page(stale, 5)
        assert state() == second
        got = b.row("customers", c["id"])
        assert got is not None and (got["name"], got["city"], got["version"]) == (
            "周六六", "杭州", 2)
        again = b.client.run_round()
        assert (again.pushed, again.pulled, again.cursor) == (0, 0, 5)
    server.dispose()


def test_replayed_pushes_get_the_same_answers_and_write_nothing(
    sync_server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = new_server(sync_server_url)
    with new_station(tmp_path, server, NOW, "ws-a") as a:
        c = a.write("customers", customer(NOW, "C00000001"))
        a.write("customer_phones", phone(NOW, c["id"]))
        a.edit("customers", c["id"], name="王晓明")
        broken = queue_raw(a, "customers", new_id(), "{broken")
        batch = outbox_mutations(a.database)
        first = server.push("ws-a", batch[:2])  # an earlier push of part of the outbox
        assert [r.outcome for r in first] == [Outcome.APPLIED] * 2
        # The round pushes everything; the server commits, but its answer is lost.
        real_push = server.push
        answers: list[list[MutationResult]] = []

        def push_then_lose_the_answer(*args: Any, **kwargs: Any) -> list[MutationResult]:
            answers.append(real_push(*args, **kwargs))
            raise ServerUnavailable("Server connection lost: reading the answer")

        monkeypatch.setattr(server, "push", push_then_lose_the_answer)
        with pytest.raises(ServerUnavailable):
            a.client.run_round()
        monkeypatch.setattr(server, "push", real_push)
        (whole,) = answers
        assert whole[:2] == first
        assert [r.outcome for r in whole] == [Outcome.APPLIED] * 3 + [Outcome.REJECTED]
        assert whole[3].reason.startswith("malformed change: not JSON")
        assert outbox_depth(a) == 4 and rejections(a) == {}
        before = server_state(server)
        assert [(seq, t) for seq, t, _r in before["log"]] == [
            (1, "customers"), (2, "customer_phones"), (3, "customers")]
        assert [(r["name"], r["version"]) for r in before["customers"]] == [("王晓明", 2)]
        assert before["answers"] == 4
        assert server.push("ws-a", batch) == whole
        assert server.push("ws-a", list(reversed(batch))) == list(reversed(whole))
        assert server_state(server) == before
        report = a.client.run_round()  # the next round asks again and gets the same answers
        assert (report.pushed, report.rejected, outbox_depth(a)) == (3, 1, 0)
        assert list(rejections(a)) == [broken]
        assert server_state(server) == before
        assert_same_rows(server, a)
    server.dispose()


# ---------------------------------------------------------------- rejections

def test_refused_mutations_are_rejected_one_by_one_and_the_rest_of_the_batch_applied(
    sync_server_url: str, tmp_path: Path
) -> None:
    server = new_server(sync_server_url)
    with new_station(tmp_path, server, NOW, "ws-a") as a, \
            new_station(tmp_path, server, NOW, "ws-b") as b:
        first = a.write("customers", customer(NOW, "C00000001", "甲"))
        a.client.run_round()
        good = b.write("customers", customer(NOW, "C00000002", "乙"))
        bad = json.loads(encode_row(customer(NOW, "C00000009")))
        bad_id = uuid.UUID(bad["id"])
        malformed = {
            queue_raw(b, "customers", new_id(), "{not json"): "not JSON",
            queue_raw(b, "sessions", new_id(), "{}"): "unknown table 'sessions'",
            queue_raw(b, "customers", bad_id, json.dumps(bad | {"name": 5})):
                "customers.name: not a valid name",
            queue_raw(b, "customers", new_id(), json.dumps(bad)):
                "the row id does not match the mutation",
            queue_raw(b, "customers", bad_id, json.dumps(bad | {"name": "a\ud800"})):
                "customers.name: not valid Unicode text",
            queue_raw(b, "customers", bad_id,
                      json.dumps(bad | {"created_at": "0001-01-01T00:00:00+08:00"})):
                "customers.created_at: date value out of range",
            queue_raw(b, "customers", bad_id, json.dumps(bad), base_payload="[]"):
                "base values are not a JSON object",
        }
        campaign = b.write("campaigns", meta(
            NOW, code="X1", name="本地活动", name_en="", direction="outbound", status="active",
            starts_on=None, ends_on=None, description="", wrapup_seconds=30, max_attempts=5,
            calling_from=None, calling_until=None))
        b.write("customer_phones", phone(NOW, good["id"], "+8613900000001"))
        orphan = phone(NOW, new_id(), "+8613900000002")  # its customer exists nowhere
        fk = queue_raw(b, "customer_phones", orphan["id"], encode_row(orphan))
        taken = customer(NOW, "C00000001", "乙", id=good["id"], version=2)
        unique = queue_raw(b, "customers", good["id"], encode_row(taken), base_version=1,
                           base_payload=json.dumps({"customer_no": "C00000002"}))
        long_notes = b.write("customers", customer(NOW, "C00000003", notes="长" * 70_000))
        b.write("customer_phones", phone(NOW, good["id"], "+8613900000003"))
        report = b.client.run_round()
        reasons = rejections(b)
        assert outbox_depth(b) == 0 and len(reasons) == report.rejected
        for mutation_id, reason in malformed.items():
            assert reasons.pop(mutation_id).startswith(f"malformed change: {reason}")
        with b.database.read() as conn:
            refused = {r.row_id: r.mutation_id for r in conn.execute(sa.select(rejected))}
        assert reasons.pop(refused[campaign["id"]]) == (
            "reference data is read-only on workstations")
        assert reasons.pop(fk).startswith("refused by the server database: ")
        assert reasons.pop(unique).startswith("refused by the server database: ")
        numbers = {r["id"]: r["customer_no"] for r in server_rows(server, "customers")}
        if server.dialect in ("mysql", "mariadb"):  # TEXT holds 65,535 bytes there
            assert reasons.pop(refused[long_notes["id"]]).startswith(
                "refused by the server database: (1406, \"Data too long for column 'notes'")
            assert (report.pushed, report.rejected) == (3, 11)
        else:
            assert numbers.pop(long_notes["id"]) == "C00000003"
            assert (report.pushed, report.rejected) == (4, 10)
        assert reasons == {}
        assert numbers == {first["id"]: "C00000001", good["id"]: "C00000002"}
        assert sorted(p["e164"] for p in server_rows(server, "customer_phones")) == [
            "+8613900000001", "+8613900000003"]
        log = change_log_entries(server)
        assert [seq for seq, _t, _r in log] == list(range(1, report.pushed + 2))
        assert orphan["id"] not in {r for _s, _t, r in log}
        # A value only the server database refuses, with nothing else wrong in the batch.
        too_long = b.write("customers", customer(NOW, "C00000005", notes="长" * 70_000))
        fine = b.write("customers", customer(NOW, "C00000006"))
        again = b.client.run_round()
        stored = {r["id"] for r in server_rows(server, "customers")}
        assert fine["id"] in stored
        if server.dialect in ("mysql", "mariadb"):
            assert (again.pushed, again.rejected, too_long["id"] in stored) == (1, 1, False)
        else:
            assert (again.pushed, again.rejected, too_long["id"] in stored) == (2, 0, True)
        b.client.run_round()  # nothing left to push; the rejections stay for people to see
        assert len(rejections(b)) == report.rejected + again.rejected
        assert outbox_depth(b) == 0
    server.dispose()


# ---------------------------------------------------------------- conflicts

def test_offline_edits_on_two_workstations_converge_and_conflicts_are_logged(
    sync_server_url: str, tmp_path: Path
) -> None:
    server = new_server(sync_server_url)
    with new_station(tmp_path, server, NOW, "ws-a") as a, \
            new_station(tmp_path, server, NOW, "ws-b") as b:
        c = a.write("customers", customer(NOW, "C00000001", "王小明", city="北京"))
        d = a.write("customers", customer(NOW, "C00000002", "李四", city="北京"))
        a.client.run_round()
        b.client.run_round()
        # The same field changed on both sides: the later receipt wins, the loss is logged.
        a.edit("customers", c["id"], city="上海")
        b.edit("customers", c["id"], city="广州", notes="乙改的备注")
        # The same change made on both sides, b's in two saves with a pull in between.
        a.edit("customers", d["id"], name="李思", city="上海", tags="VIP")
        b.edit("customers", d["id"], name="李思")
        assert a.client.run_round().merged == 0
        b.client.pull_all()  # between a round's push and pull: d is still queued, skipped
        b.edit("customers", d["id"], tags="VIP")
        assert b.client.run_round().merged == 1  # only the city of c was lost
        a.client.run_round()
        assert_same_rows(server, a, b)
        rows = {r["id"]: r for r in server_rows(server, "customers")}
        assert (rows[c["id"]]["city"], rows[c["id"]]["notes"]) == ("广州", "乙改的备注")
        assert (rows[d["id"]]["name"], rows[d["id"]]["city"], rows[d["id"]]["tags"]) == (
            "李思", "上海", "VIP")
        for st in (a, b):
            (conflict,) = read_conflicts(st.database)
            assert (conflict.table_name, conflict.row_id, conflict.kind, conflict.field) == (
                "customers", c["id"], "field", "city")
            assert (conflict.kept_value, conflict.lost_value) == ("广州", "上海")
            assert conflict.workstation_id == "ws-b"
    server.dispose()


def test_numbers_taken_offline_on_two_workstations_are_renumbered_and_converge(
    sync_server_url: str, tmp_path: Path
) -> None:
    server = new_server(sync_server_url)
    # b pulls one row per page: the number's new owner may come pages before b's own row.
    with new_station(tmp_path, server, NOW, "ws-a") as a, \
            new_station(tmp_path, server, NOW, "ws-b", pull_page=1) as b:
        mine = a.write("customers", customer(NOW, "C00000001", "甲的客户"))
        theirs = b.write("customers", customer(NOW, "C00000001", "乙的客户"))
        b.write("customer_phones", phone(NOW, theirs["id"]))
        a.client.run_round()
        report = b.client.run_round()
        assert report.merged == 1 and report.rejected == 0
        # b then takes the next number offline while a takes it online
        a_next = a.write("customers", customer(NOW, "C00000003", "甲的第二个"))
        b_next = b.write("customers", customer(NOW, "C00000003", "乙的第二个"))
        a.client.run_round()
        b.client.run_round()
        a.client.run_round()
        numbers = {r["id"]: r["customer_no"] for r in server_rows(server, "customers")}
        assert numbers == {mine["id"]: "C00000001", theirs["id"]: "C00000002",
                           a_next["id"]: "C00000003", b_next["id"]: "C00000004"}
        assert_same_rows(server, a, b)
        for st in (a, b):
            kinds = sorted((c.kind, c.field, c.kept_value, c.lost_value, c.workstation_id)
                           for c in read_conflicts(st.database))
            assert kinds == [("renumbered", "customer_no", "C00000002", "C00000001", "ws-b"),
                             ("renumbered", "customer_no", "C00000004", "C00000003", "ws-b")]
            assert outbox_depth(st) == 0
    server.dispose()


# ---------------------------------------------------------------- protocol

def set_server_protocol(server: ServerStore, value: int) -> None:
    with server.engine.begin() as conn:
        conn.execute(sa.update(sync_meta).where(sync_meta.c.key == "protocol")
                     .values(value=str(value)))


def test_the_handshake_accepts_the_same_and_the_previous_protocol_only(
    sync_server_url: str, tmp_path: Path
) -> None:
    bare = ServerStore(server_engine(sync_server_url))
    with pytest.raises(ProtocolMismatch) as caught:
        bare.handshake()
    assert str(caught.value) == ("The server database has no AgentDesk schema yet: run "
                                 "agentdesk-admin init-server")
    assert (caught.value.code, caught.value.params["server_protocol"]) == ("protocol_mismatch", 0)
    with new_station(tmp_path, bare, NOW, "ws-new") as fresh, \
            pytest.raises(ProtocolMismatch, match="no AgentDesk schema yet"):
        fresh.client.run_round()
    bare.dispose()
    if sync_server_url.startswith("sqlite"):
        Path(sa.engine.make_url(sync_server_url).database or "").unlink()
    server = new_server(sync_server_url)
    info = server.handshake()
    assert (info.protocol, info.schema_revision) == (PROTOCOL_VERSION, migrate.HEAD_REVISION)
    assert info.now.tzinfo is not None and abs(info.now - datetime.now(UTC)) < timedelta(hours=1)
    assert server.handshake(PROTOCOL_VERSION - 1).protocol == PROTOCOL_VERSION
    for wrong in (PROTOCOL_VERSION + 1, PROTOCOL_VERSION - 2):
        with pytest.raises(ProtocolMismatch):
            server.handshake(wrong)
    with new_station(tmp_path, server, NOW, "ws-a") as a:
        a.write("customers", customer(NOW, "C00000001"))
        set_server_protocol(server, PROTOCOL_VERSION + 2)
        with pytest.raises(ProtocolMismatch) as caught:
            a.client.run_round()
        assert str(caught.value) == (
            f"The server speaks sync protocol {PROTOCOL_VERSION + 2}, this workstation "
            f"{PROTOCOL_VERSION}: upgrade the older side")
        assert outbox_depth(a) == 1  # nothing was pushed
        with pytest.raises(ProtocolMismatch,
                           match=f"^Sync protocol {PROTOCOL_VERSION + 1} is not accepted"):
            server.push("ws-a", outbox_mutations(a.database), protocol=PROTOCOL_VERSION + 1)
        set_server_protocol(server, PROTOCOL_VERSION + 1)  # the server is one step ahead
        assert server.handshake().protocol == PROTOCOL_VERSION + 1
        assert a.client.run_round().pushed == 1
        older = a.write("customers", customer(NOW, "C00000002"))
        (result,) = server.push("ws-a", outbox_mutations(a.database),
                                protocol=PROTOCOL_VERSION - 1)
        assert result.outcome is Outcome.APPLIED
    with server.engine.connect() as conn:
        protocols = conn.execute(sa.select(applied_mutations.c.protocol)
                                 .order_by(applied_mutations.c.protocol)).scalars().all()
    assert protocols == [PROTOCOL_VERSION - 1, PROTOCOL_VERSION]
    assert older["id"] in {r["id"] for r in server_rows(server, "customers")}
    server.dispose()


# ---------------------------------------------------------------- an upgraded workstation

def test_an_outbox_written_at_revision_0002_is_pushed_whole_after_the_upgrade(
    sync_server_url: str, tmp_path: Path
) -> None:
    server = new_server(sync_server_url)
    database = Database.open(tmp_path / "old.db")
    migrate.upgrade_local(database, "0002")
    with database.read() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("outbox")}
    assert "base_payload" not in columns
    # The outbox as revision 0002 wrote it: its own columns, no base values.
    old_outbox = sa.text(
        "INSERT INTO outbox (mutation_id, table_name, row_id, op, base_version, payload, "
        "created_at) VALUES (:mutation_id, :table_name, :row_id, 'upsert', :base_version, "
        ":payload, '2026-11-23 06:30:00.000000')")
    first = customer(NOW, "C00000001", "升级前")
    edited = first | {"city": "南京", "version": 2, "updated_at": NOW + timedelta(minutes=1)}
    second = customer(NOW, "C00000002", "也在升级前")
    number = phone(NOW, first["id"])
    queued = [("customers", first, None), ("customer_phones", number, None),
              ("customers", edited, 1), ("customers", second, None)]
    with database.write() as conn:
        conn.execute(customers.insert(), [edited, second])
        conn.execute(customer_phones.insert(), [number])
        conn.execute(old_outbox, [
            {"mutation_id": new_id().hex, "table_name": name, "row_id": row["id"].hex,
             "base_version": base, "payload": encode_row(row)}
            for name, row, base in queued])
    migrate.upgrade_local(database)
    with database.read() as conn:
        assert queued_since(conn) == (4, NOW)  # what the status bar shows
    assert [(m.table_name, m.base_version, m.base_payload)
            for m in outbox_mutations(database)] == [
        ("customers", None, None), ("customer_phones", None, None), ("customers", 1, None),
        ("customers", None, None)]
    client = SyncClient(database, server, workstation_id="ws-old", clock=FixedClock(NOW))
    report = client.run_round()
    assert (report.pushed, report.rejected, report.merged) == (4, 0, 0)
    assert outbox_mutations(database) == []
    stored = {r["customer_no"]: r for r in server_rows(server, "customers")}
    assert set(stored) == {"C00000001", "C00000002"}
    assert (stored["C00000001"]["city"], stored["C00000001"]["version"]) == ("南京", 2)
    assert [p["id"] for p in server_rows(server, "customer_phones")] == [number["id"]]
    assert local_rows(database, "customers") == server_rows(server, "customers")
    database.close()
    server.dispose()


# ---------------------------------------------------------------- the change sequence

WRITERS = 50
BATCHES = 3
PER_BATCH = 3


def test_concurrent_writers_never_leave_a_gap_a_puller_could_skip(server_url: str) -> None:
    server = new_server(server_url)
    written: list[uuid.UUID] = []
    lock = threading.Lock()
    failures: list[BaseException] = []
    done = threading.Event()

    def writer(number: int) -> None:
        rng = random.Random(number)
        try:
            for batch in range(BATCHES):
                rows = [customer(NOW, f"W{number:03d}{batch:02d}{n:03d}", f"并发{number}")
                        for n in range(PER_BATCH)]
                mutations = [Mutation(new_id(), "customers", r["id"], "upsert", None,
                                      encode_row(r)) for r in rows]
                results = server.push(f"writer-{number:03d}", mutations)
                assert [r.outcome for r in results] == [Outcome.APPLIED] * PER_BATCH
                with lock:
                    written.extend(r["id"] for r in rows)
                time.sleep(rng.uniform(0, 0.02))
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    seen: dict[uuid.UUID, int] = {}
    cursors: list[int] = []

    def puller() -> None:
        cursor = 0
        try:
            while True:
                finished = done.is_set()
                page = server.pull("default", cursor, 7)
                for row in page.rows.get("customers", []):
                    seen[row["id"]] = seen.get(row["id"], 0) + 1
                assert page.cursor >= cursor
                cursor = page.cursor
                cursors.append(cursor)
                if finished and not page.more:
                    return
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    reader = threading.Thread(target=puller)
    reader.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join()
    assert not failures, failures[:3]
    total = WRITERS * BATCHES * PER_BATCH
    assert len(written) == len(set(written)) == total
    assert set(seen) == set(written)  # every row pulled, none missing
    assert len(cursors) > 2  # the puller ran while the writers wrote
    with server.engine.connect() as conn:
        seqs = conn.execute(sa.select(change_log.c.seq).where(change_log.c.scope == "default")
                            .order_by(change_log.c.seq)).scalars().all()
        logged = conn.execute(sa.select(change_log.c.row_id)).scalars().all()
    assert seqs == list(range(1, total + 1))
    assert sorted(logged) == sorted(written)
    assert cursors[-1] == total == server.head("default")
    server.dispose()
