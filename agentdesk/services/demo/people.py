"""The demo center's staff: three teams, twelve agents with different skills, and their leads."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import argon2

from agentdesk.domain.people import Role
from agentdesk.services.demo.context import DemoContext, synced
from agentdesk.services.passwords import fast_hasher
from agentdesk.store.schema.people import teams, users

TEAM_NAMES = ("一组·先锋队", "二组·飞跃队", "三组·服务之星")

# username, display name, team (0-2), conversion factor, talk-time factor, pace factor,
# share of inbound calls, improving over the fortnight
_AGENTS = (
    ("agent01", "李娜", 0, 1.00, 1.00, 1.00, 0.10, False),
    ("agent02", "王磊", 0, 1.65, 1.10, 0.90, 0.08, False),
    ("agent03", "张敏", 0, 0.80, 0.85, 0.85, 0.08, False),
    ("agent04", "刘洋", 0, 0.55, 1.25, 1.20, 0.10, True),
    ("agent05", "陈静", 1, 1.35, 0.95, 0.95, 0.08, False),
    ("agent06", "杨帆", 1, 0.95, 1.05, 1.05, 0.10, False),
    ("agent07", "赵雪", 1, 1.20, 0.80, 0.80, 0.08, False),
    ("agent08", "黄志强", 1, 0.70, 1.15, 1.10, 0.10, False),
    ("agent09", "周婷", 2, 1.10, 1.00, 1.00, 0.35, False),
    ("agent10", "吴俊杰", 2, 0.90, 1.20, 1.15, 0.40, False),
    ("agent11", "徐丽", 2, 1.45, 0.90, 0.90, 0.30, False),
    ("agent12", "孙浩", 2, 0.60, 1.30, 1.25, 0.35, True),
)
_SUPERVISORS = (("sup01", "马建国", (0, 1)), ("sup02", "郭晓燕", (2,)))
_TRAINER = ("trainer01", "何雅琴")
_ADMIN = ("admin", "林志远")


@dataclass(frozen=True, slots=True)
class AgentProfile:
    """One agent and how they work, which makes the leaderboard differ.

    Attributes:
        user_id: Row id of the user.
        username: Sign-in name.
        name: Display name.
        index: Position among the agents, 0-based.
        team: Index of the agent's team.
        conversion: Multiplies the chance that a conversation ends in a sale.
        talk: Multiplies talk time (average handle time).
        pace: Multiplies the pause between calls.
        inbound_share: Share of calls the agent takes on the service line.
        improving: Whether the agent gets markedly better over the two weeks.
    """

    user_id: uuid.UUID
    username: str
    name: str
    index: int
    team: int
    conversion: float
    talk: float
    pace: float
    inbound_share: float
    improving: bool


@dataclass(frozen=True, slots=True)
class Staff:
    """Everyone who signs in to the demo.

    Attributes:
        team_ids: Row ids of the teams, in :data:`TEAM_NAMES` order.
        agents: The twelve agents.
        leaders: For each team, the supervisor's user id.
        usernames: Every username, agents first.
    """

    team_ids: tuple[uuid.UUID, ...]
    agents: tuple[AgentProfile, ...]
    leaders: tuple[uuid.UUID, ...]
    usernames: tuple[str, ...]

    def team_members(self, team: int) -> tuple[AgentProfile, ...]:
        """Return the agents of team ``team``."""
        return tuple(a for a in self.agents if a.team == team)


def _demo_password_hash(password: str, salt: bytes) -> str:
    """Hash ``password`` with :func:`fast_hasher`'s parameters and a salt drawn from the seed.

    A random salt would make the users table differ between two runs with the same seed; the
    demo password is public anyway.
    """
    parameters = argon2.extract_parameters(fast_hasher().hash(password))
    return argon2.PasswordHasher.from_parameters(parameters).hash(password, salt=salt)


def create_staff(ctx: DemoContext, password: str) -> Staff:
    """Insert the teams and users; every user signs in with ``password``.

    The password is hashed once and the hash is shared by all demo users.
    """
    ids = ctx.ids("people")
    created = ctx.now - timedelta(days=120)
    password_hash = _demo_password_hash(password, ctx.rng("password").randbytes(16))
    team_ids = tuple(ids.at(created) for _ in TEAM_NAMES)
    supervisor_ids = {username: ids.at(created) for username, _, _ in _SUPERVISORS}
    leaders = [uuid.UUID(int=0)] * len(TEAM_NAMES)
    for username, _, led in _SUPERVISORS:
        for team in led:
            leaders[team] = supervisor_ids[username]

    ctx.insert(teams, [
        {**synced(team_id, created), "name": name, "supervisor_id": leaders[index]}
        for index, (team_id, name) in enumerate(zip(team_ids, TEAM_NAMES, strict=True))
    ])

    def user(user_id: uuid.UUID, username: str, name: str, role: Role,
             team_id: uuid.UUID | None, at: datetime) -> dict[str, object]:
        return {**synced(user_id, at), "username": username, "display_name": name,
                "role": role.value, "team_id": team_id, "password_hash": password_hash,
                "active": True, "locale": "zh_CN"}

    agents: list[AgentProfile] = []
    rows = []
    for index, (username, name, team, conv, talk, pace, inbound, improving) in enumerate(_AGENTS):
        user_id = ids.at(created)
        agents.append(AgentProfile(user_id, username, name, index, team, conv, talk, pace,
                                   inbound, improving))
        rows.append(user(user_id, username, name, Role.AGENT, team_ids[team], created))
    for username, name, led in _SUPERVISORS:
        rows.append(user(supervisor_ids[username], username, name, Role.SUPERVISOR,
                         team_ids[led[0]], created))
    rows.append(user(ids.at(created), _TRAINER[0], _TRAINER[1], Role.TRAINER, None, created))
    admin = user(ids.at(created), _ADMIN[0], _ADMIN[1], Role.ADMIN, None, created)
    admin["locale"] = ""
    rows.append(admin)
    ctx.insert(users, rows)
    return Staff(
        team_ids=team_ids,
        agents=tuple(agents),
        leaders=tuple(leaders),
        usernames=tuple(str(r["username"]) for r in rows),
    )
