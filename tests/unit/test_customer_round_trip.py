"""Whatever the form accepts comes back from the store exactly as validated."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agentdesk.domain.customers import (
    AddressDraft,
    CustomerDraft,
    Gender,
    PhoneDraft,
    validate_customer,
)
from agentdesk.domain.errors import ValidationError
from agentdesk.domain.people import Role
from agentdesk.services.clock import FixedClock
from agentdesk.services.passwords import fast_hasher
from agentdesk.services.workspace import Workspace, open_workspace

MOBILES = st.from_regex(r"1(3[0-9]|5[0-35-9]|8[0-9])[0-9]{8}", fullmatch=True)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    directory: Path = tmp_path_factory.mktemp("roundtrip")
    ws = open_workspace(directory, FixedClock(datetime(2026, 11, 23, tzinfo=UTC)),
                        hasher=fast_hasher())
    ws.auth.add_user("agent01", "李娜", Role.AGENT, "long enough password")
    return ws


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=TEXT, notes=TEXT, city=TEXT, tags=st.lists(TEXT, max_size=5),
    gender=st.sampled_from(Gender), phones=st.lists(MOBILES, min_size=1, max_size=3),
    street=TEXT,
)
def test_saved_customers_read_back_as_validated(
    store: Workspace, name: str, notes: str, city: str, tags: list[str], gender: Gender,
    phones: list[str], street: str,
) -> None:
    draft = CustomerDraft(
        name=name, notes=notes, city=city, tags=tags, gender=gender,
        phones=[PhoneDraft(p) for p in phones],
        addresses=[AddressDraft("广东省", "深圳市", "南山区", street)],
    )
    try:
        valid = validate_customer(draft)
    except ValidationError:
        return
    user = store.auth.sign_in("agent01", "long enough password")
    saved = store.customers_for(user).save(None, None, draft)
    loaded = store.customer_repository.get(saved.id)
    assert loaded == saved
    assert (loaded.name, loaded.notes, loaded.city, loaded.gender, loaded.tags) == (
        valid.name, valid.notes, valid.city, valid.gender, valid.tags)
    assert [p.e164 for p in loaded.phones] == [p.e164 for p in valid.phones]
    assert [a.street for a in loaded.addresses] == [a.street for a in valid.addresses]
    assert store.customers_for(user).screen_pop(phones[0]) is not None
