"""Phone numbers as people type them, stored in E.164 (via Google's libphonenumber rules)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from agentdesk.domain.errors import KnownError

if TYPE_CHECKING:
    import phonenumbers

# phonenumbers is imported inside the functions: its metadata costs ~50 ms, which the console
# should not pay before its window first paints. After the first call the import is a lookup.

DEFAULT_REGION = "CN"
MAX_PHONE_INPUT = 64
_SEPARATORS = " -().\u3000/\u2010\u2011\u2012\u2013\u2014\u2212"


class PhoneKind(StrEnum):
    """What kind of line a number reaches."""

    MOBILE = "mobile"
    FIXED = "fixed"
    OTHER = "other"


class InvalidPhoneError(KnownError):
    """A typed number that is not a valid, dialable phone number."""

    code = "invalid_phone"


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A valid phone number.

    Attributes:
        e164: The canonical form, e.g. ``+8613800138000``.
        kind: Mobile, fixed line or other.
        region: ISO region code of the number, e.g. ``CN``.
    """

    e164: str
    kind: PhoneKind
    region: str

    @property
    def national(self) -> str:
        """The number as written at home, e.g. ``138 0013 8000``."""
        import phonenumbers

        parsed = phonenumbers.parse(self.e164)
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)

    @property
    def masked(self) -> str:
        """The number with the middle digits hidden, e.g. ``138****8000``, for logs and lists."""
        return mask_phone(self.e164)


def _clean(text: str) -> str:
    # NFKC turns full-width digits and plus signs (１３８, ＋) into ASCII.
    text = unicodedata.normalize("NFKC", text).strip()
    return "".join(ch for ch in text if ch not in _SEPARATORS)


def without_separators(text: str) -> str:
    """Return ``text`` (NFKC) without the spaces, dashes, brackets and dots people type."""
    return _clean(text)


def digits_of(text: str) -> str:
    """Return only the digits of ``text`` (full-width digits included), in order."""
    normalized = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in normalized if ch.isascii() and ch.isdigit())


def national_display(e164: str | None) -> str:
    """Return a stored number the way people read it (``138 0013 8000``); as stored if odd."""
    if not e164:
        return ""
    try:
        return parse_phone(e164).national
    except InvalidPhoneError:
        return e164


def parse_phone(text: str, region: str = DEFAULT_REGION) -> PhoneNumber:
    """Parse a number in any format a person types.

    Accepts spaces, dashes, brackets, full-width characters, ``+86``/``0086`` prefixes and
    national trunk prefixes.

    Args:
        text: What was typed or received as caller id.
        region: Region assumed for numbers written without a country code.

    Returns:
        The valid number.

    Raises:
        InvalidPhoneError: ``text`` is empty, too long, or not a valid number.
    """
    import phonenumbers

    parsed = _parse_valid(text, region)
    number_type = phonenumbers.number_type(parsed)
    if number_type in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        kind = PhoneKind.MOBILE
    elif number_type == phonenumbers.PhoneNumberType.FIXED_LINE:
        kind = PhoneKind.FIXED
    else:
        kind = PhoneKind.OTHER
    return PhoneNumber(
        e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        kind=kind,
        region=phonenumbers.region_code_for_number(parsed) or region,
    )


def _parse_valid(text: str, region: str) -> phonenumbers.PhoneNumber:
    import phonenumbers

    if len(text) > MAX_PHONE_INPUT:
        raise InvalidPhoneError("Phone number is too long", code="phone_too_long")
    cleaned = _clean(text)
    if not cleaned:
        raise InvalidPhoneError("Phone number is empty", code="phone_empty")
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    try:
        parsed = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneError(f"Not a phone number: {mask_phone(text)}") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidPhoneError(f"Not a valid phone number: {mask_phone(text)}")
    return parsed


def normalize_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """Return the E.164 form of a typed number (validated as :func:`parse_phone` does).

    Cheaper than :func:`parse_phone`: it skips classifying the line, which a screen pop
    does not need.
    """
    import phonenumbers

    return phonenumbers.format_number(
        _parse_valid(text, region), phonenumbers.PhoneNumberFormat.E164
    )


def try_normalize_phone(text: str, region: str = DEFAULT_REGION) -> str | None:
    """Return the E.164 form of ``text``, or None if it is not a valid number."""
    try:
        return normalize_phone(text, region)
    except InvalidPhoneError:
        return None


def mask_phone(text: str) -> str:
    """Hide the middle of a number for logs and screens that need no full number.

    ``+8613800138000`` becomes ``+86138****8000``; short inputs keep only the last two digits.
    """
    digits = digits_of(text)
    if len(digits) >= 8:
        plus = "+" if text.strip().startswith("+") else ""
        return plus + digits[: len(digits) - 8] + "****" + digits[-4:]
    if len(digits) > 2:
        return "*" * (len(digits) - 2) + digits[-2:]
    return "*" * len(digits)


def format_phone(e164: str) -> str:
    """Format a stored number for display: national format at home, international abroad."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(parsed) == DEFAULT_REGION:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
