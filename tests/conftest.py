"""Every test runs with its own holiday cache directory, never the user's."""

from __future__ import annotations

import os
import tempfile

# Set before foiclock builds any calendar (calendars are built on first use, not at import).
os.environ["FOICLOCK_CACHE_DIR"] = tempfile.mkdtemp(prefix="foiclock-test-cache-")
