"""A single lookup must not import what it does not need (brief: lazy imports). This checks which
modules are loaded, not how long anything takes: timings live in bench/."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("rich", "holidays", "dateutil", "icalendar", "babel")

PROBE = """
import sys
from foiclock.cli import app
try:
    app(["due", "2025-08-19"])
except SystemExit:
    pass
import json
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[1:]))
sys.stderr.write(json.dumps(heavy))
"""


def loaded_heavy_modules(cache_dir: str) -> list[str]:
    env = {**os.environ, "FOICLOCK_CACHE_DIR": cache_dir}
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, *HEAVY], capture_output=True, text=True, env=env, check=True
    )
    assert "Wednesday 17 September 2025" in completed.stdout
    result: list[str] = json.loads(completed.stderr.splitlines()[-1])
    return result


def test_due_with_warm_cache_imports_nothing_heavy(tmp_path: object) -> None:
    cache_dir = str(tmp_path)
    assert "holidays" in loaded_heavy_modules(cache_dir)  # the first run builds the cache
    assert loaded_heavy_modules(cache_dir) == []
