"""Resident identity card numbers (居民身份证号码, GB 11643-1999): clean up, check, mask.

An 18-character number reads ``AAAAAA YYYYMMDD SSS C``:

* ``AAAAAA``: the address code (GB/T 2260) of the place where the number was first issued.
  Only the province part (first two digits) is checked: counties are merged and renamed, but the
  numbers issued under their old codes stay valid for life.
* ``YYYYMMDD``: the date of birth.
* ``SSS``: the sequence number; odd for men, even for women.
* ``C``: the check character, ISO 7064 MOD 11-2 over the first 17 digits, ``0``-``9`` or ``X``.

Every weight of MOD 11-2 is non-zero modulo the prime 11, so the check character catches every
single mistyped character and every swap of two adjacent digits.

The number is personal information: show and log :attr:`ResidentId.masked`, never the number;
``repr()`` and ``str()`` of a :class:`ResidentId` are masked too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from agentdesk.domain.customers import Gender
from agentdesk.domain.errors import ValidationError

FIELD = "resident_id"
LENGTH = 18
OLD_LENGTH = 15
EARLIEST_BIRTH = date(1900, 1, 1)
MAX_INPUT = 64  # longer text is refused before it is cleaned up

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2**(17 - i) mod 11
_CHECK_CHARACTERS = "10X98765432"  # indexed by the weighted sum mod 11
_SHAPE = re.compile(r"[0-9]{17}[0-9X]", re.ASCII)
_OLD_SHAPE = re.compile(r"[0-9]{15}", re.ASCII)

# First two digits of the address code: the province-level divisions of GB/T 2260 where numbers
# are issued, plus the codes of the residence permits for Hong Kong, Macao and Taiwan residents
# (港澳台居民居住证, since 2018): 810000, 820000 and 830000. Those permits carry a number in this
# same format with the same check character. GB/T 2260 also lists 710000 (台湾省), but no number
# is issued under it, so it is refused like any other unused code.
PROVINCE_CODES: frozenset[str] = frozenset({
    "11", "12", "13", "14", "15",  # 北京 天津 河北 山西 内蒙古
    "21", "22", "23",  # 辽宁 吉林 黑龙江
    "31", "32", "33", "34", "35", "36", "37",  # 上海 江苏 浙江 安徽 福建 江西 山东
    "41", "42", "43", "44", "45", "46",  # 河南 湖北 湖南 广东 广西 海南
    "50", "51", "52", "53", "54",  # 重庆 四川 贵州 云南 西藏
    "61", "62", "63", "64", "65",  # 陕西 甘肃 青海 宁夏 新疆
})
RESIDENCE_PERMIT_CODES: frozenset[str] = frozenset({"81", "82", "83"})  # 香港 澳门 台湾
REGION_CODES: frozenset[str] = PROVINCE_CODES | RESIDENCE_PERMIT_CODES

# Full-width digits and X, as Chinese input methods type them, mapped to ASCII; spaces and
# dashes (agents copy numbers from documents that group them) are dropped.
_FULL_WIDTH = {0xFF10 + n: str(n) for n in range(10)} | {0xFF38: "X", 0xFF58: "X", ord("x"): "X"}
_DROPPED = dict.fromkeys(map(ord, "-\u2010\u2011\u2012\u2013\u2014\u2212\uff0d"))
_TRANSLATION = str.maketrans(_FULL_WIDTH | _DROPPED)


@dataclass(frozen=True, slots=True, repr=False)
class ResidentId:
    """A checked resident identity number and what it says about its holder.

    Attributes:
        number: The 18 characters, digits and perhaps a final upper-case ``X``.
        birth_date: The date of birth the number carries.
        gender: ``Gender.MALE`` for an odd sequence number, ``Gender.FEMALE`` for an even one.
        region_code: The six-digit address code where the number was issued.
    """

    number: str
    birth_date: date
    gender: Gender
    region_code: str

    @property
    def masked(self) -> str:
        """The number as screens and logs show it, e.g. ``110105********123X``.

        The first six characters (where it was issued) and the last four stay readable: enough
        to confirm the number with the customer, too little to misuse it.
        """
        return mask_resident_id(self.number)

    @property
    def is_residence_permit(self) -> bool:
        """True for the number of a Hong Kong, Macao or Taiwan resident's residence permit."""
        return self.region_code[:2] in RESIDENCE_PERMIT_CODES

    def age(self, on: date) -> int:
        """Return the holder's age in full years (周岁) on ``on``.

        The age goes up on the birthday; someone born on 29 February gets a year older on
        1 March in common years.

        Raises:
            ValueError: ``on`` is before the date of birth.
        """
        if on < self.birth_date:
            raise ValueError("the date is before the holder's birth")
        before_birthday = (on.month, on.day) < (self.birth_date.month, self.birth_date.day)
        return on.year - self.birth_date.year - before_birthday

    def __repr__(self) -> str:
        return f"ResidentId({self.masked})"


def mask_resident_id(number: str) -> str:
    """Return a stored number as screens, sheets and logs show it: ``110105********123X``.

    Anything but an 18-character number comes back fully masked.
    """
    if len(number) != LENGTH:
        return "*" * len(number)
    return number[:6] + "*" * (LENGTH - 10) + number[-4:]


def normalize_resident_id(text: str) -> str:
    """Return ``text`` cleaned up the way agents type and paste numbers.

    Whitespace (including the full-width space) and dashes are removed, full-width digits and
    ``Ｘ`` become ASCII, and a lower-case ``x`` becomes ``X``. Nothing else is changed, so
    other characters are still there for :func:`check_resident_id` to refuse.
    """
    return "".join(text.translate(_TRANSLATION).split())


def check_digit(first_17: str) -> str:
    """Return the MOD 11-2 check character for the first 17 digits of a number.

    Raises:
        ValueError: ``first_17`` is not 17 ASCII digits.
    """
    if len(first_17) != LENGTH - 1 or not first_17.isascii() or not first_17.isdigit():
        raise ValueError("expected 17 ASCII digits")
    total = sum(int(digit) * weight for digit, weight in zip(first_17, _WEIGHTS, strict=True))
    return _CHECK_CHARACTERS[total % 11]


def check_resident_id(text: str, *, today: date) -> ResidentId:
    """Check a resident identity number as typed and return what it says.

    Args:
        text: The number as typed or pasted; see :func:`normalize_resident_id`.
        today: The current date in China; no one is born after it.

    Raises:
        ValidationError: ``{"resident_id": code}`` with the first problem found, in this order:
            ``required`` (nothing typed), ``old_format`` (a 15-digit first-generation number,
            no longer valid), ``length`` (not 18 characters), ``characters`` (not 17 digits and
            a digit or ``X``), ``region`` (no number is issued with that province code),
            ``birth_date`` (not a real date, before 1900 or after ``today``), ``checksum``
            (the check character does not match: a typing mistake).
    """
    if len(text) > MAX_INPUT:
        _refuse("length")
    number = normalize_resident_id(text)
    if not number:
        _refuse("required")
    if _OLD_SHAPE.fullmatch(number):
        _refuse("old_format")
    if len(number) != LENGTH:
        _refuse("length")
    if not _SHAPE.fullmatch(number):
        _refuse("characters")
    if number[:2] not in REGION_CODES:
        _refuse("region")
    birth_date = _birth_date(number[6:14])
    if birth_date is None or not EARLIEST_BIRTH <= birth_date <= today:
        _refuse("birth_date")
    if check_digit(number[:17]) != number[17]:
        _refuse("checksum")
    gender = Gender.MALE if int(number[16]) % 2 else Gender.FEMALE
    return ResidentId(number, birth_date, gender, number[:6])


def _birth_date(digits: str) -> date | None:
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def _refuse(code: str) -> NoReturn:
    raise ValidationError({FIELD: code})
