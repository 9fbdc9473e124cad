"""Plausible personal names and valid, unique mainland phone numbers for demo customers."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from typing import Any

from agentdesk.domain.customers import Gender
from agentdesk.services.demo.sources import load

# Mobile prefixes in real use (130-139, 150-153, 155-159, 166, 177, 180-189, 191, 198, 199);
# the weights roughly follow how many subscribers each range has.
MOBILE_PREFIXES: tuple[tuple[str, int], ...] = (
    ("130", 4), ("131", 4), ("132", 4), ("133", 4), ("134", 5), ("135", 8), ("136", 8),
    ("137", 7), ("138", 9), ("139", 9), ("150", 5), ("151", 5), ("152", 5), ("153", 3),
    ("155", 3), ("156", 3), ("157", 4), ("158", 5), ("159", 5), ("166", 2), ("177", 2),
    ("180", 3), ("181", 3), ("182", 4), ("183", 3), ("184", 1), ("185", 3), ("186", 4),
    ("187", 4), ("188", 3), ("189", 3), ("191", 1), ("198", 2), ("199", 2),
)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A generated name with the gender and language that go with it."""

    name: str
    gender: Gender
    language: str


class NameMaker:
    """Draws Chinese names by real surname frequencies, and a few English names.

    Args:
        rng: The random source.
        english_share: Share of customers with an English name who prefer English.
    """

    def __init__(self, rng: random.Random, english_share: float = 0.03) -> None:
        self._rng = rng
        self._english_share = english_share
        surnames = load("surnames")["surnames"]
        self._surnames = [s for s, _ in surnames]
        self._cumulative = list(itertools.accumulate(w for _, w in surnames))
        given = load("given_names")
        self._given: dict[str, list[str]] = {
            "male": given["male"], "female": given["female"], "neutral": given["neutral"]}
        self._single_share: float = given["single_name_share"]
        self._english: dict[str, list[str]] = given["english"]

    def person(self) -> PersonName:
        """Return the next name."""
        rng = self._rng
        roll = rng.random()
        gender = Gender.MALE if roll < 0.485 else Gender.FEMALE if roll < 0.97 else Gender.UNKNOWN
        if rng.random() < self._english_share:
            pool = "female" if gender is Gender.FEMALE else "male"
            first = rng.choice(self._english[pool])
            return PersonName(f"{first} {rng.choice(self._english['surnames'])}", gender, "en")
        surname = rng.choices(self._surnames, cum_weights=self._cumulative)[0]
        pool_name = "female" if gender is Gender.FEMALE else "male"
        if gender is Gender.UNKNOWN:
            pool_name = "neutral"
        chars = self._given[pool_name]
        if rng.random() < self._single_share:
            given = rng.choice(chars)
        else:
            first_pool = chars if rng.random() < 0.7 else self._given["neutral"]
            given = rng.choice(first_pool) + rng.choice(chars)
        return PersonName(surname + given, gender, "zh")


class NumberMaker:
    """Makes valid mainland numbers in E.164 that are never handed out twice.

    Args:
        rng: The random source.
        taken: Numbers already in use (added to as numbers are made).
    """

    def __init__(self, rng: random.Random, taken: set[str] | None = None) -> None:
        self._rng = rng
        self._taken = taken if taken is not None else set()
        self._prefixes = [p for p, _ in MOBILE_PREFIXES]
        self._cumulative = list(itertools.accumulate(w for _, w in MOBILE_PREFIXES))

    def mobile(self) -> str:
        """Return a new mobile number, e.g. ``+8613812345678``."""
        rng = self._rng
        while True:
            prefix = rng.choices(self._prefixes, cum_weights=self._cumulative)[0]
            number = f"+86{prefix}{rng.randrange(100_000_000):08d}"
            if number not in self._taken:
                self._taken.add(number)
                return number

    def fixed(self, city: dict[str, Any]) -> str:
        """Return a new fixed-line number in ``city`` (its area code and local length)."""
        digits = city["local_digits"]
        low, high = 2 * 10 ** (digits - 1), 8 * 10 ** (digits - 1)
        while True:
            number = f"+86{city['area_code']}{self._rng.randrange(low, high)}"
            if number not in self._taken:
                self._taken.add(number)
                return number


def tail_key(e164: str) -> str:
    """Return the digits of ``e164`` reversed (the "ends in" search key)."""
    return e164.lstrip("+")[::-1]
