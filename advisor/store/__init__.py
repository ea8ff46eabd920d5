"""The progress store: the one writer of user state, a SQLite database on disk."""

from advisor.store.progress_store import *  # noqa: F403
