"""Articles are reference data: trainers write them on the server; workstations pull them."""

from __future__ import annotations

import uuid

from agentdesk.domain.knowledge import ArticleDraft
from agentdesk.store.knowledge import link_translations, write_article
from agentdesk.store.schema.base import DEFAULT_SITE
from agentdesk.sync.connection import retrying
from agentdesk.sync.server import ServerStore, server_now


def save_server_articles(
    server: ServerStore,
    drafts: list[tuple[ArticleDraft, uuid.UUID | None, int | None]],
    *,
    translation_of: dict[str, str] | None = None,
    site: str = DEFAULT_SITE,
    create_only: bool = False,
) -> list[tuple[uuid.UUID, bool, int]]:
    """Save articles on the server in one transaction and log them for every workstation.

    Args:
        server: The server database.
        drafts: (validated draft, id of the article edited or None, the article version
            the editor started from or None) for each article.
        translation_of: Slug of a translation -> slug of its original, each among the
            drafts or already stored.
        site: The call center.
        create_only: Refuse a new draft whose slug is taken (see ``write_article``).

    Returns:
        (article id, whether it changed, its article version) for each draft, in order.

    Raises:
        ValidationError: a slug is taken by another article, or an article was edited
            meanwhile; nothing is saved.
    """
    def work() -> list[tuple[uuid.UUID, bool, int]]:
        with server.engine.begin() as conn:
            now = server_now(conn)
            saved = [write_article(conn, draft, now=now, article_id=article_id,
                                   base_version=base, site=site, create_only=create_only)
                     for draft, article_id, base in drafts]
            by_slug = {draft.slug: result[0] for (draft, _, _), result in zip(drafts, saved,
                                                                               strict=True)}
            changed = [(site, "kb_articles", article_id) for article_id, touched, _ in saved
                       if touched]
            changed += [(site, "kb_articles", article_id) for article_id in link_translations(
                conn, by_slug, translation_of or {}, now=now)]
            if changed:
                server.log_rows(conn, list(dict.fromkeys(changed)))
            return saved

    return retrying(work)
