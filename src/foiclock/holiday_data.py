"""Where the bank holidays come from, and the disk cache that makes start-up instant.

The names and dates come from the `holidays` package (its UK subdivisions ENG, SCT and NIR), which
encodes each nation's rules and the proclaimed one-off days; foiclock hand-codes no holiday table.
Building them costs about 200 ms (importing `holidays` and constructing 102 years for three
divisions), so the result is kept in the user's cache directory (platformdirs), keyed by the
`holidays` version, foiclock's version and the shipped GOV.UK snapshot, checksummed, and rebuilt
whenever the key, the checksum or the shape is wrong: never trusted blindly.

The shipped GOV.UK snapshot (`data/bank-holidays.json`) says which years are announced: later years
are projected by rule and every answer reaching them is provisional (rules.md section 2).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Final

from foiclock._version import __version__
from foiclock.dates import FIRST_YEAR, LAST_YEAR
from foiclock.divisions import ALL_DIVISIONS, HOLIDAYS_SUBDIVISION

CACHE_FORMAT: Final = 1
#: The calendar runs one year past the last accepted input year, so that a deadline counted from
#: a date late in LAST_YEAR still has days to land on.
LAST_CALENDAR_YEAR: Final = LAST_YEAR + 1
GOVUK_SNAPSHOT: Final = Path(__file__).with_name("data") / "bank-holidays.json"
CACHE_DIR_ENV: Final = "FOICLOCK_CACHE_DIR"


@dataclass(frozen=True)
class HolidayTable:
    """Every bank holiday of each division, FIRST_YEAR to LAST_CALENDAR_YEAR.

    `names_by_division[division][ordinal]` is the holiday's name on that day (date.toordinal()).
    Weekend dates are included where the `holidays` package lists them (a Christmas Day on a
    Saturday); their weekday substitutes are listed as days of their own.
    """

    names_by_division: dict[str, dict[int, str]]
    last_announced_year: int
    source: str


def load_holiday_table() -> HolidayTable:
    """The holiday table from the disk cache, rebuilt from `holidays` when missing or stale."""
    cache_file = _cache_file()
    key = _cache_key()
    table = _read_cache(cache_file, key)
    if table is None:
        table = build_holiday_table()
        _write_cache(cache_file, key, table)
    return table


def build_holiday_table() -> HolidayTable:
    """Ask the `holidays` package for every division's bank holidays (the slow path)."""
    import holidays

    years = range(FIRST_YEAR, LAST_CALENDAR_YEAR + 1)
    names_by_division: dict[str, dict[int, str]] = {}
    for division in ALL_DIVISIONS:
        division_holidays = holidays.country_holidays(
            "GB", subdiv=HOLIDAYS_SUBDIVISION[division], years=years, language="en_GB"
        )
        names_by_division[division] = {
            day.toordinal(): "; ".join(division_holidays.get_list(day))
            for day in sorted(division_holidays)
        }
    return HolidayTable(
        names_by_division=names_by_division,
        last_announced_year=last_announced_year(),
        source=f"holidays {holidays.__version__}",
    )


def last_announced_year() -> int:
    """The last year every division's bank holidays appear in the shipped GOV.UK snapshot."""
    with GOVUK_SNAPSHOT.open(encoding="utf-8") as snapshot_file:
        snapshot = json.load(snapshot_file)
    return min(
        max(int(event["date"][:4]) for event in snapshot[division]["events"])
        for division in ALL_DIVISIONS
    )


def cache_directory() -> Path:
    """FOICLOCK_CACHE_DIR if set, else the platform's user cache directory for foiclock."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("foiclock", appauthor=False))


def _cache_file() -> Path:
    return cache_directory() / f"holidays-v{CACHE_FORMAT}.json"


def _cache_key() -> str:
    """What the cached table was built from: a change to any part makes it stale."""
    snapshot_stat = GOVUK_SNAPSHOT.stat()
    return (
        f"format={CACHE_FORMAT};foiclock={__version__};holidays={_holidays_version()};"
        f"snapshot={snapshot_stat.st_size}:{snapshot_stat.st_mtime_ns};"
        f"years={FIRST_YEAR}-{LAST_CALENDAR_YEAR}"
    )


def _holidays_version() -> str:
    """The installed `holidays` version, read from its version.py without importing it."""
    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return "missing"
    version_file = Path(spec.origin).with_name("version.py")
    try:
        match = re.search(r"__version__\s*=\s*['\"]([^'\"]+)['\"]", version_file.read_text())
    except OSError:
        return "unknown"
    return match.group(1) if match else "unknown"


def _payload_text(table: HolidayTable) -> str:
    payload = {
        "last_announced_year": table.last_announced_year,
        "source": table.source,
        "divisions": {
            division: [[ordinal, name] for ordinal, name in sorted(names.items())]
            for division, names in table.names_by_division.items()
        },
    }
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def _read_cache(cache_file: Path, key: str) -> HolidayTable | None:
    """The cached table, or None when it is missing, stale, corrupt or wrongly shaped."""
    try:
        envelope = json.loads(cache_file.read_text(encoding="utf-8"))
        if envelope.get("key") != key:
            return None
        payload_text = envelope["payload"]
        digest = hashlib.sha256(payload_text.encode("utf-8")).hexdigest()
        if digest != envelope["sha256"]:
            return None
        return _table_from_payload(json.loads(payload_text))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _table_from_payload(payload: dict[str, Any]) -> HolidayTable | None:
    first_ordinal = date(FIRST_YEAR, 1, 1).toordinal()
    last_ordinal = date(LAST_CALENDAR_YEAR, 12, 31).toordinal()
    names_by_division: dict[str, dict[int, str]] = {}
    for division in ALL_DIVISIONS:
        entries = payload["divisions"][division]
        names = {int(ordinal): str(name) for ordinal, name in entries}
        if not names or not all(first_ordinal <= o <= last_ordinal for o in names):
            return None
        names_by_division[division] = names
    return HolidayTable(
        names_by_division=names_by_division,
        last_announced_year=int(payload["last_announced_year"]),
        source=str(payload["source"]),
    )


def _write_cache(cache_file: Path, key: str, table: HolidayTable) -> None:
    """Write atomically (temporary file, then rename); a cache that cannot be written is skipped,
    which costs speed, never correctness."""
    import tempfile

    payload_text = _payload_text(table)
    envelope = {
        "key": key,
        "sha256": hashlib.sha256(payload_text.encode("utf-8")).hexdigest(),
        "payload": payload_text,
    }
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary_name = tempfile.mkstemp(dir=cache_file.parent, prefix=".holidays-")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as temporary:
            json.dump(envelope, temporary)
        os.replace(temporary_name, cache_file)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary_name)
