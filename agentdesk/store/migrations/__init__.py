"""Alembic migrations: one history for the workstation and the server database."""
