"""The progress store: the one writer of user state, a SQLite database on disk.

`connection` opens and repairs the database, `migrations` holds its schema, `progress` the
typed reads and writes, and `transfer` the JSON export and import.
"""

from advisor.store.connection import DB_NAME
from advisor.store.migrations import SCHEMA_VERSION
from advisor.store.progress import MilestoneError, ProgressStore, StoreError, default_home, now

__all__ = ["DB_NAME", "SCHEMA_VERSION", "MilestoneError", "ProgressStore", "StoreError", "default_home", "now"]
