"""`advisor --fresh-store`: one run with a new, empty progress store, deleted when the run ends.

`advisor serve --isolated` starts each browser connection this way, so nobody's answers mix;
it is also a way to try the app without touching your own progress.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOME_VARIABLE = "ADVISOR_HOME"  # where the store looks first (store.default_home)


@contextmanager
def fresh_home() -> Iterator[Path]:
    """$ADVISOR_HOME set to a new empty folder for the block; the folder and the store in it removed after."""
    previous = os.environ.get(HOME_VARIABLE)
    with tempfile.TemporaryDirectory(prefix="advisor-session-", ignore_cleanup_errors=True) as folder:
        os.environ[HOME_VARIABLE] = folder
        try:
            yield Path(folder)
        finally:
            if previous is None:
                os.environ.pop(HOME_VARIABLE, None)
            else:
                os.environ[HOME_VARIABLE] = previous
