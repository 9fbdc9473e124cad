"""Customers: the record an agent sees, the edits they make, and the rules those edits obey."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from agentdesk.domain.errors import ValidationError
from agentdesk.domain.phones import (
    InvalidPhoneError,
    PhoneKind,
    digits_of,
    parse_phone,
    try_normalize_phone,
    without_separators,
)

MAX_NAME = 100
MAX_NOTES = 4000
MAX_TAG = 32
MAX_TAGS = 20
MAX_PHONES = 10
MAX_ADDRESSES = 10
MAX_ADDRESS_PART = 200
MAX_LABEL = 32
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_POSTAL_CODE = re.compile(r"\d{6}")


class Gender(StrEnum):
    """Gender as the customer gave it; unknown unless they did."""

    UNKNOWN = "unknown"
    FEMALE = "female"
    MALE = "male"


@dataclass(frozen=True, slots=True)
class CustomerPhone:
    """One of a customer's numbers."""

    id: uuid.UUID
    e164: str
    kind: PhoneKind
    label: str = ""
    is_primary: bool = False


@dataclass(frozen=True, slots=True)
class Address:
    """A delivery or contact address, written the Chinese way: province, city, district, street."""

    id: uuid.UUID
    province: str
    city: str
    district: str
    street: str
    postal_code: str = ""
    label: str = ""
    is_default: bool = False

    def one_line(self) -> str:
        """Return the address as one line, largest unit first.

        Municipalities (北京市, 上海市, 天津市, 重庆市) are province and city at once; they are
        written once.
        """
        parts = [self.province, self.city, self.district, self.street]
        if self.city == self.province:
            parts.pop(1)
        return "".join(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class Customer:
    """A person or company the center sells to, with everything the record panel shows.

    Attributes:
        id: Row id.
        customer_no: Short number people read out, e.g. ``C00012345``.
        version: Bumped by every accepted edit; edits name the version they started from.
    """

    id: uuid.UUID
    customer_no: str
    name: str
    version: int
    gender: Gender = Gender.UNKNOWN
    city: str = ""
    language: str = "zh"
    tags: tuple[str, ...] = ()
    notes: str = ""
    phones: tuple[CustomerPhone, ...] = ()
    addresses: tuple[Address, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def primary_phone(self) -> CustomerPhone | None:
        """The number to call first: the one marked primary, else the first one."""
        for phone in self.phones:
            if phone.is_primary:
                return phone
        return self.phones[0] if self.phones else None


@dataclass(frozen=True, slots=True)
class CustomerSummary:
    """One row of a customer search result."""

    id: uuid.UUID
    customer_no: str
    name: str
    primary_e164: str
    city: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PhoneDraft:
    """A phone number as typed in the edit form; ``id`` is None for a new one."""

    text: str
    label: str = ""
    is_primary: bool = False
    id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class AddressDraft:
    """An address as typed in the edit form; ``id`` is None for a new one."""

    province: str
    city: str
    district: str
    street: str
    postal_code: str = ""
    label: str = ""
    is_default: bool = False
    id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class CustomerDraft:
    """What the edit form submits; :func:`validate_customer` turns it into clean values."""

    name: str
    gender: Gender = Gender.UNKNOWN
    city: str = ""
    language: str = "zh"
    tags: Sequence[str] = ()
    notes: str = ""
    phones: Sequence[PhoneDraft] = ()
    addresses: Sequence[AddressDraft] = ()


@dataclass(frozen=True, slots=True)
class ValidPhone:
    """A validated phone number ready to store."""

    e164: str
    kind: PhoneKind
    label: str
    is_primary: bool
    id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class ValidCustomer:
    """A validated customer edit: trimmed text, E.164 numbers, exactly one primary phone."""

    name: str
    gender: Gender
    city: str
    language: str
    tags: tuple[str, ...]
    notes: str
    phones: tuple[ValidPhone, ...]
    addresses: tuple[AddressDraft, ...] = field(default_factory=tuple)


def clean_text(value: str, *, multiline: bool = False) -> str:
    """Normalize typed text: NFC, no control characters, trimmed; newlines only if multiline."""
    value = unicodedata.normalize("NFC", value)
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    else:
        value = value.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub("", value).strip()


def _check_length(problems: dict[str, str], key: str, value: str, limit: int) -> None:
    if len(value) > limit:
        problems[key] = "too_long"


def validate_customer(draft: CustomerDraft) -> ValidCustomer:
    """Check a customer edit against the record's rules.

    Text may contain anything printable (markup and SQL are kept as typed and are only ever
    shown as plain text); it is trimmed and stripped of control characters.

    Raises:
        ValidationError: with one problem code per offending field, e.g.
            ``{"name": "required", "phones[1]": "invalid_phone"}``.
    """
    problems: dict[str, str] = {}
    name = clean_text(draft.name)
    if not name:
        problems["name"] = "required"
    _check_length(problems, "name", name, MAX_NAME)
    city = clean_text(draft.city)
    _check_length(problems, "city", city, MAX_ADDRESS_PART)
    notes = clean_text(draft.notes, multiline=True)
    _check_length(problems, "notes", notes, MAX_NOTES)
    language = draft.language if draft.language in ("zh", "en") else "zh"

    tags: list[str] = []
    for tag in (clean_text(t) for t in draft.tags):
        if tag and tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        problems["tags"] = "too_many"
    elif any(len(tag) > MAX_TAG for tag in tags):
        problems["tags"] = "too_long"

    phones = _validate_phones(draft.phones, problems)
    addresses = _validate_addresses(draft.addresses, problems)
    if problems:
        raise ValidationError(problems)
    return ValidCustomer(
        name=name,
        gender=draft.gender,
        city=city,
        language=language,
        tags=tuple(tags),
        notes=notes,
        phones=phones,
        addresses=addresses,
    )


def _validate_phones(
    drafts: Sequence[PhoneDraft], problems: dict[str, str]
) -> tuple[ValidPhone, ...]:
    kept = [d for d in drafts if d.text.strip() or d.id is not None]
    if not kept:
        problems["phones"] = "required"
        return ()
    if len(kept) > MAX_PHONES:
        problems["phones"] = "too_many"
        return ()
    phones: list[ValidPhone] = []
    seen: set[str] = set()
    for index, draft in enumerate(kept):
        key = f"phones[{index}]"
        try:
            parsed = parse_phone(draft.text)
        except InvalidPhoneError as exc:
            problems[key] = exc.code
            continue
        if parsed.e164 in seen:
            problems[key] = "duplicate"
            continue
        seen.add(parsed.e164)
        label = clean_text(draft.label)
        if len(label) > MAX_LABEL:
            problems[key] = "label_too_long"
            continue
        phones.append(ValidPhone(parsed.e164, parsed.kind, label, draft.is_primary, draft.id))
    if sum(p.is_primary for p in phones) > 1:
        problems["phones"] = "several_primary"
    elif phones and not any(p.is_primary for p in phones):
        first = phones[0]
        phones[0] = ValidPhone(first.e164, first.kind, first.label, True, first.id)
    return tuple(phones)


def _validate_addresses(
    drafts: Sequence[AddressDraft], problems: dict[str, str]
) -> tuple[AddressDraft, ...]:
    if len(drafts) > MAX_ADDRESSES:
        problems["addresses"] = "too_many"
        return ()
    addresses: list[AddressDraft] = []
    for index, draft in enumerate(drafts):
        key = f"addresses[{index}]"
        parts = [clean_text(p) for p in (draft.province, draft.city, draft.district, draft.street)]
        if not any(parts):
            continue
        postal = clean_text(draft.postal_code)
        label = clean_text(draft.label)
        if any(len(p) > MAX_ADDRESS_PART for p in parts) or len(label) > MAX_LABEL:
            problems[key] = "too_long"
        elif not parts[3]:
            problems[key] = "street_required"
        elif postal and not _POSTAL_CODE.fullmatch(postal):
            problems[key] = "invalid_postal_code"
        province, city, district, street = parts
        addresses.append(
            AddressDraft(province=province, city=city, district=district, street=street,
                         postal_code=postal, label=label, is_default=draft.is_default,
                         id=draft.id)
        )
    if sum(a.is_default for a in addresses) > 1:
        problems["addresses"] = "several_default"
    return tuple(addresses)


class QueryKind(StrEnum):
    """How a search box entry is understood."""

    PHONE = "phone"
    PHONE_TAIL = "phone_tail"
    CUSTOMER_NO = "customer_no"
    ID = "id"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class CustomerQuery:
    """A search box entry, understood."""

    kind: QueryKind
    value: str


MIN_PHONE_TAIL = 4
MAX_QUERY = 200
_CUSTOMER_NO = re.compile(r"[Cc]\d{4,}")


def understand_query(text: str) -> CustomerQuery | None:
    """Decide what an agent typed into the customer search box.

    A full phone number in any format finds that number; four or more digits find numbers
    ending in them; ``C00012345`` finds a customer number; a UUID finds a record id; anything
    else is a name fragment. Returns None for an empty entry.
    """
    text = clean_text(text)[:MAX_QUERY]
    if not text:
        return None
    if _CUSTOMER_NO.fullmatch(text):
        return CustomerQuery(QueryKind.CUSTOMER_NO, text.upper())
    try:
        return CustomerQuery(QueryKind.ID, str(uuid.UUID(text)))
    except ValueError:
        pass
    digits = digits_of(text)
    bare = without_separators(text).removeprefix("+")
    if digits and bare.isdigit():
        e164 = try_normalize_phone(text)
        if e164 is not None:
            return CustomerQuery(QueryKind.PHONE, e164)
        if len(digits) >= MIN_PHONE_TAIL:
            return CustomerQuery(QueryKind.PHONE_TAIL, digits)
    return CustomerQuery(QueryKind.NAME, text)
