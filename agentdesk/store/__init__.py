"""Store: the SQLAlchemy schema, the local SQLite database, repositories and migrations."""
