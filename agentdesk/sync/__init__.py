"""Offline-first sync between a workstation's SQLite database and the shared server database."""
