"""Every test runs with its own holiday cache, data and config directories, never the user's."""

from __future__ import annotations

import os
import tempfile

# Set before foiclock builds any calendar (calendars are built on first use, not at import).
os.environ["FOICLOCK_CACHE_DIR"] = tempfile.mkdtemp(prefix="foiclock-test-cache-")
os.environ["FOICLOCK_DATA_DIR"] = tempfile.mkdtemp(prefix="foiclock-test-data-")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="foiclock-test-config-")
for _name in (
    "FOICLOCK_CONFIG",
    "FOICLOCK_REGIME",
    "FOICLOCK_NATION",
    "FOICLOCK_FORMAT",
    "FOICLOCK_LANG",
):
    os.environ.pop(_name, None)
