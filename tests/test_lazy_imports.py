"""A single lookup must not import what it does not need (brief: lazy imports). This checks which
modules are loaded, not how long anything takes: timings live in bench/."""

from __future__ import annotations

import json
import os
import subprocess
import sys

#: Never on a lookup: network modules belong to update-holidays, tomllib to a config file only,
#: the web app (foiclock.web and its extra) to `serve`.
HEAVY = (
    "rich", "holidays", "dateutil", "icalendar", "babel", "urllib.request", "http.client",
    "tomllib", "foiclock.web", "starlette", "uvicorn", "jinja2", "socket",
)  # fmt: skip

PROBE = """
import sys
from foiclock.cli import app
try:
    app(sys.argv[1].split())
except SystemExit:
    pass
import json
heavy = sorted(({m.split(".")[0] for m in sys.modules} | set(sys.modules)) & set(sys.argv[2:]))
sys.stderr.write(json.dumps(heavy))
"""


def loaded_heavy_modules(
    cache_dir: str, command: str = "due 2025-08-19", answer: str = "Wednesday 17 September 2025"
) -> list[str]:
    env = {**os.environ, "FOICLOCK_CACHE_DIR": cache_dir}
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, command, *HEAVY],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert answer in completed.stdout
    result: list[str] = json.loads(completed.stderr.splitlines()[-1])
    return result


def test_due_with_warm_cache_imports_nothing_heavy(tmp_path: object) -> None:
    cache_dir = str(tmp_path)
    assert "holidays" in loaded_heavy_modules(cache_dir)  # the first run builds the cache
    assert loaded_heavy_modules(cache_dir) == []


def test_sar_due_loads_dateutil_and_nothing_else_heavy(tmp_path: object) -> None:
    """Calendar months need relativedelta; nothing else heavy (rules.md example 23)."""
    cache_dir = str(tmp_path)
    loaded_heavy_modules(cache_dir)  # build the cache
    command, answer = "due 2025-09-03 --regime sar", "Friday 3 October 2025"
    assert loaded_heavy_modules(cache_dir, command, answer) == ["dateutil"]


def test_library_works_without_typer_or_rich() -> None:
    """The library path must not need the CLI's dependencies (issue "Core")."""
    probe = (
        "import sys\n"
        "sys.modules['typer'] = None\n"
        "sys.modules['rich'] = None\n"
        "from datetime import date\n"
        "from foiclock import response_deadline, add_working_days, working_days_between\n"
        "d = response_deadline(date(2025, 8, 19))\n"
        "print(d.due, len(d.steps), add_working_days(date(2025, 9, 17), 20),\n"
        "      working_days_between(date(2025, 8, 19), date(2025, 9, 17)))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    # rules.md examples 1 and 13; the 30 days from 19 Aug to 17 Sep, both included, are steps.
    assert completed.stdout.split() == ["2025-09-17", "30", "2025-10-15", "20"]


def test_timeline_table_status_and_piped_calendar_load_nothing_heavy(tmp_path: object) -> None:
    """Only .ics output needs icalendar, and only a terminal needs rich (rules.md ex 1, 15)."""
    cache_dir = str(tmp_path)
    loaded_heavy_modules(cache_dir)  # build the cache
    runs = [
        ("timeline 2025-08-19 --today 2025-09-01", "Wed 17 Sep 2025"),
        ("status 2025-08-19 --today 2025-09-01", "Wednesday 17 September 2025"),
        ("calendar 2025-08-19", "Due Wednesday 17 September 2025"),
        ("letter --responded 2025-09-16", "Tuesday 11 November 2025"),
    ]
    for command, answer in runs:
        assert loaded_heavy_modules(cache_dir, command, answer) == [], command
    ics = loaded_heavy_modules(cache_dir, "timeline 2025-08-19 -f ics", "DTSTART;VALUE=DATE")
    assert "icalendar" in ics and not {"rich", "babel"} & set(ics)  # icalendar needs dateutil


def test_no_export_is_shadowed_by_a_submodule() -> None:
    """Importing a submodule sets it as an attribute of the package: an export with the same
    name as a module would turn into that module once anything imported it."""
    import pkgutil

    import foiclock

    modules = {info.name for info in pkgutil.iter_modules(foiclock.__path__)}
    assert not modules & set(foiclock.__all__)
