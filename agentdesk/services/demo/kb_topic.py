"""One knowledge-base topic in both languages, and the Markdown helpers the templates share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from agentdesk.domain.knowledge import ArticleKind


@dataclass(frozen=True, slots=True)
class Topic:
    """A knowledge article's content in Chinese and English.

    Attributes:
        key: Stable topic key: the slug of the Chinese article (the English one is
            ``<key>.en``), so scripts open an article with ``article:<key>``.
        kind: What the article is for.
        category: Stable category key, e.g. ``billing``.
        title: Chinese title.
        title_en: English title.
        body: Chinese Markdown body.
        body_en: English Markdown body.
        tags: Further Chinese tags.
        tags_en: Further English tags.
        product_sku: The product the article is about, if any.
        archived: Whether the article is withdrawn (an expired offer).
        answer: The short Chinese answer an agent reads out (FAQ, objections).
        answer_en: The same in English.
    """

    key: str
    kind: ArticleKind
    category: str
    title: str
    title_en: str
    body: str
    body_en: str
    tags: tuple[str, ...] = ()
    tags_en: tuple[str, ...] = ()
    product_sku: str | None = None
    archived: bool = False
    answer: str = ""
    answer_en: str = ""


def price(value: Decimal | str) -> str:
    """Format an amount in CNY without needless decimals: ``129``, ``135.20``."""
    amount = Decimal(value)
    return f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"


def bullets(items: Iterable[str]) -> str:
    """Return a Markdown bullet list."""
    return "\n".join(f"- {item}" for item in items)


def numbered(items: Iterable[str]) -> str:
    """Return a Markdown numbered list."""
    return "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1))


def document(*sections: str) -> str:
    """Join Markdown sections with blank lines, dropping empty ones."""
    return "\n\n".join(s.strip() for s in sections if s.strip()) + "\n"
