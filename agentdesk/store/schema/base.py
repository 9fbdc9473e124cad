"""Column types and the columns every synced row carries."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from agentdesk.domain.orders import money

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

DEFAULT_SITE = "default"
TAG_SEPARATOR = "\t"  # tags columns hold tab-separated words


def split_tags(stored: str) -> tuple[str, ...]:
    """Return the tags of a tags column, in order, without empty entries."""
    return tuple(tag for tag in stored.split(TAG_SEPARATOR) if tag)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and read back timezone-aware, on every backend."""

    impl = sa.DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> sa.types.TypeEngine[Any]:
        """Keep microseconds on MariaDB/MySQL, whose DATETIME drops them by default."""
        if dialect.name in ("mysql", "mariadb"):
            from sqlalchemy.dialects.mysql import DATETIME

            return dialect.type_descriptor(DATETIME(fsp=6))
        return dialect.type_descriptor(sa.DateTime())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Convert an aware datetime to naive UTC; naive values are refused."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Attach UTC to the stored naive value."""
        return None if value is None else value.replace(tzinfo=UTC)


class Money(sa.TypeDecorator[Decimal]):
    """An amount in CNY stored as whole fen (cents) in a BIGINT: exact on every backend."""

    impl = sa.BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        """Store ``value`` as fen, rounded half-up."""
        return None if value is None else int(money(value) * 100)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        """Read fen back as a Decimal with two places."""
        return None if value is None else money(Decimal(int(value)) / 100)


class TableKind(StrEnum):
    """How a synced table's rows are owned, which decides how sync treats them."""

    REFERENCE = "reference"  # server-owned, read-only on clients
    FACT = "fact"  # append-only work results; never conflict
    SHARED = "shared"  # edited on both sides; field-level merge on the server


SYNCED_TABLES: dict[str, TableKind] = {}


def synced_table(name: str, kind: TableKind, *columns: Any) -> sa.Table:
    """Declare a synced table: UUIDv7 key, site, version, updated_at and a tombstone.

    Args:
        name: Table name.
        kind: Ownership, recorded in :data:`SYNCED_TABLES` for the sync engine.
        *columns: The table's own columns, indexes and constraints.
    """
    table = sa.Table(
        name,
        metadata,
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("site", sa.String(32), nullable=False, default=DEFAULT_SITE),
        sa.Column("version", sa.Integer(), nullable=False, default=1),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        *columns,
    )
    SYNCED_TABLES[name] = kind
    return table


def synced_columns(table: sa.Table) -> list[sa.Column[Any]]:
    """Return the columns sync carries for ``table``: all but those marked ``synced: False``."""
    return [column for column in table.columns if column.info.get("synced", True)]


def ref(
    table: str, name: str | None = None, *, nullable: bool = True, ondelete: str | None = None
) -> sa.Column[Any]:
    """Return a UUID foreign key to ``table.id``, named ``name`` or ``<singular table>_id``."""
    singular = table[:-1] if table.endswith("s") else table
    return sa.Column(
        name or f"{singular}_id",
        sa.Uuid(),
        sa.ForeignKey(f"{table}.id", ondelete=ondelete),
        nullable=nullable,
        index=True,
    )


def text(name: str, length: int, *, nullable: bool = False, default: str = "") -> sa.Column[str]:
    """Return a string column that defaults to the empty string."""
    return sa.Column(name, sa.String(length), nullable=nullable, default=default,
                     server_default=None if nullable else sa.text("''"))
