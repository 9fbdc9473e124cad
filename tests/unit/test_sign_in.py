from __future__ import annotations

from datetime import timedelta

import pytest

from agentdesk.domain.auth import LockoutPolicy, LoginAttempts, password_problem
from agentdesk.domain.errors import AuthenticationError, ValidationError
from agentdesk.domain.people import Capability, Role
from agentdesk.services.clock import FixedClock
from agentdesk.services.passwords import PasswordHasher, fast_hasher
from agentdesk.services.workspace import Workspace
from agentdesk.store.users import SqlUserRepository
from tests.helpers.factories import PASSWORD, add_user


def refused(ws: Workspace, username: str, password: str) -> AuthenticationError:
    with pytest.raises(AuthenticationError) as caught:
        ws.auth.sign_in(username, password)
    return caught.value


def test_right_password_signs_in_with_role(workspace: Workspace) -> None:
    add_user(workspace, "agent01")
    user = workspace.auth.sign_in("  Agent01 ", PASSWORD)
    assert user.username == "agent01"
    assert user.role is Role.AGENT
    assert user.can(Capability.CALL_CUSTOMERS) and not user.can(Capability.VIEW_TEAM)


def test_unknown_user_and_wrong_password_look_the_same(workspace: Workspace) -> None:
    add_user(workspace)
    wrong = refused(workspace, "agent01", "nope")
    unknown = refused(workspace, "nobody", "nope")
    assert wrong.code == unknown.code == "wrong_credentials"
    assert str(wrong) == str(unknown)
    assert wrong.params["remaining"] == 4


def test_lockout_after_five_failures_even_for_the_right_password(
    workspace: Workspace, clock: FixedClock
) -> None:
    add_user(workspace)
    remaining = [refused(workspace, "agent01", "bad").params.get("remaining") for _ in range(4)]
    assert remaining == [4, 3, 2, 1]
    fifth = refused(workspace, "agent01", "bad")
    assert fifth.code == "locked"
    assert fifth.params["until"] == clock.now() + timedelta(minutes=15)
    assert refused(workspace, "agent01", PASSWORD).code == "locked"
    clock.at += timedelta(minutes=14, seconds=59)
    assert refused(workspace, "agent01", PASSWORD).code == "locked"
    clock.at += timedelta(seconds=1)
    assert workspace.auth.sign_in("agent01", PASSWORD).username == "agent01"
    assert refused(workspace, "agent01", "bad").params["remaining"] == 4  # a clean slate


def test_disabled_accounts_are_refused(workspace: Workspace) -> None:
    from agentdesk.store.schema.people import users

    add_user(workspace)
    with workspace.database.write() as conn:
        conn.execute(users.update().values(active=False))
    assert refused(workspace, "agent01", PASSWORD).code == "disabled"


@pytest.mark.parametrize("username", ["", "   ", "x" * 65, "a" * 100_000])
def test_hostile_usernames_are_refused_cleanly(workspace: Workspace, username: str) -> None:
    assert refused(workspace, username, "whatever").code == "wrong_credentials"


def test_weak_hashes_are_upgraded_on_sign_in(workspace: Workspace, clock: FixedClock) -> None:
    add_user(workspace)  # the workspace fixture hashes cheaply
    from agentdesk.services.auth import AuthService
    from agentdesk.store.users import SqlLoginAttemptStore

    strong = PasswordHasher(time_cost=2, memory_cost=16 * 1024)
    repo = SqlUserRepository(workspace.database, clock)
    auth = AuthService(repo, SqlLoginAttemptStore(workspace.database), strong, clock,
                       rehash=True)
    before = repo.find_credentials("agent01")
    assert before is not None and strong.needs_rehash(before[1])
    auth.sign_in("agent01", PASSWORD)
    after = repo.find_credentials("agent01")
    assert after is not None and not strong.needs_rehash(after[1])
    assert auth.sign_in("agent01", PASSWORD).username == "agent01"


def test_adding_users_checks_name_and_password(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        workspace.auth.add_user("bad name", "", Role.AGENT, "short")
    assert caught.value.problems == {"username": "invalid", "password": "too_short"}
    add_user(workspace, "sup01", Role.SUPERVISOR)
    with pytest.raises(ValidationError) as taken:
        workspace.auth.add_user("SUP01", "", Role.AGENT, "long enough pw")
    assert taken.value.problems == {"username": "taken"}


def test_password_rules() -> None:
    assert password_problem("12345678") is None
    assert password_problem("1234567") == "too_short"
    assert password_problem(" 12345678") == "surrounding_spaces"
    assert password_problem("x" * 1025) == "too_long"


def test_lockout_policy_boundaries(clock: FixedClock) -> None:
    policy = LockoutPolicy(max_failures=3, lockout=timedelta(minutes=1))
    attempts = LoginAttempts()
    attempts = policy.after_failure(attempts, clock.now())
    attempts = policy.after_failure(attempts, clock.now())
    assert not policy.is_locked(attempts, clock.now())
    assert policy.remaining(attempts) == 1
    attempts = policy.after_failure(attempts, clock.now())
    assert policy.is_locked(attempts, clock.now())
    assert not policy.is_locked(attempts, clock.now() + timedelta(minutes=1))


def test_hasher_never_matches_a_malformed_hash() -> None:
    hasher = fast_hasher()
    assert not hasher.verify("not a hash", "x")
    assert hasher.needs_rehash("not a hash")
    assert hasher.verify(hasher.hash("秘密 password"), "秘密 password")


def test_workstations_never_rewrite_user_rows_on_sign_in(workspace: Workspace) -> None:
    from agentdesk.store.schema.local import outbox
    from tests.helpers.factories import count

    user = add_user(workspace)
    weak = PasswordHasher(time_cost=1, memory_cost=1024)
    repo = SqlUserRepository(workspace.database, workspace.clock)
    repo.set_password_hash(user.id, weak.hash(PASSWORD))
    before = count(workspace, outbox)
    workspace.auth.sign_in("agent01", PASSWORD)
    assert count(workspace, outbox) == before
    stored = repo.find_credentials("agent01")
    assert stored is not None and fast_hasher().needs_rehash(stored[1])


def test_a_new_workspace_says_how_to_add_the_first_user(workspace: Workspace) -> None:
    error = refused(workspace, "anyone", "whatever")
    assert error.code == "no_users"
    assert "agentdesk-admin user add" in str(error)


@pytest.mark.parametrize("username", ["Émile", "李娜", "a b", "-dash", "x" * 65, "名字"])
def test_usernames_are_plain_ascii(workspace: Workspace, username: str) -> None:
    with pytest.raises(ValidationError) as caught:
        workspace.auth.add_user(username, "", Role.AGENT, "long enough pw")
    assert caught.value.problems == {"username": "invalid"}
