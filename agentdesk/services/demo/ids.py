"""Reproducible UUIDv7 row ids drawn from a seeded random source and the row's own time."""

from __future__ import annotations

import random
import uuid
from datetime import datetime

_VERSION_7 = 0x7 << 76
_VARIANT_RFC = 0b10 << 62
_RAND_A_MASK = (1 << 12) - 1
_RAND_B_MASK = (1 << 62) - 1
_MAX_MS = (1 << 48) - 1


def uuid7_from(milliseconds: int, random_bits: int) -> uuid.UUID:
    """Assemble a UUIDv7 from a Unix time in milliseconds and 74 random bits.

    Args:
        milliseconds: Unix time in milliseconds (48 bits).
        random_bits: At least 74 random bits; 12 fill ``rand_a`` and 62 fill ``rand_b``.

    Returns:
        A UUID whose version is 7 and whose variant is RFC 9562.
    """
    if not 0 <= milliseconds <= _MAX_MS:
        raise ValueError("UUIDv7 time out of range")
    rand_a = (random_bits >> 62) & _RAND_A_MASK
    rand_b = random_bits & _RAND_B_MASK
    return uuid.UUID(int=(milliseconds << 80) | _VERSION_7 | (rand_a << 64) | _VARIANT_RFC | rand_b)


class IdMaker:
    """Hands out UUIDv7 ids that depend only on a seed and on the times asked for.

    Args:
        seed: Any value :class:`random.Random` accepts; the same seed gives the same ids.
    """

    def __init__(self, seed: str) -> None:
        self._bits = random.Random(seed).getrandbits

    def at(self, moment: datetime) -> uuid.UUID:
        """Return a new id whose timestamp is ``moment`` (an aware datetime)."""
        return uuid7_from(int(moment.timestamp() * 1000), self._bits(74))
