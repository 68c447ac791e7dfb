"""Where the bank holidays come from, and the disk cache that makes start-up instant.

The names and dates come from the `holidays` package (its UK subdivisions ENG, SCT and NIR), which
encodes each nation's rules and the proclaimed one-off days; foiclock hand-codes no holiday table.
For the years the shipped GOV.UK snapshot covers (2012 to 2028), GOV.UK wins wherever the two
disagree, so a `holidays` release that drops or moves a day cannot move a deadline there; a GOV.UK
update stored by `foiclock update-holidays` (`foiclock.calendar.stored_update`) then wins in the
same way for the years it covers, and the config file's proclaimed days are added last
(`with_proclaimed_days`, not cached: they are a few entries). What the update and the config file
changed is kept (`HolidayTable.changes`), so a deadline they move can say which day moved it.
Building them costs about 200 ms (importing `holidays` and constructing 102 years for three
divisions), so the result is kept in the user's cache directory (platformdirs), keyed by the
`holidays` version, foiclock's version, the shipped GOV.UK snapshot and the stored update,
checksummed (CRC-32, to
catch a truncated or damaged file), and rebuilt whenever the key, the checksum or the shape is
wrong: never trusted blindly.

The cache file is `marshal` data (built in and the fastest to load: JSON alone would cost more
than the rest of a lookup): the key, the payload's CRC-32 and the payload. The key includes the
Python version, since marshal's format may change between versions.

The shipped GOV.UK snapshot (`data/bank-holidays.json`) says which years are announced: later years
are projected by rule and every answer reaching them is provisional (rules.md section 2).
"""

import contextlib
import marshal
import os
import sys
import zlib
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Final

from foiclock._version import __version__
from foiclock.base.dates import FIRST_YEAR, LAST_YEAR
from foiclock.base.files import user_directory
from foiclock.base.records import NamedTuple
from foiclock.law.divisions import ALL_DIVISIONS, HOLIDAYS_SUBDIVISION

CACHE_FORMAT: Final = 8  # bump whenever what build_holiday_table produces changes
_MARSHAL_VERSION: Final = 4
#: The calendar runs one year past the last accepted input year, so that a deadline counted from
#: a date late in LAST_YEAR still has days to land on.
LAST_CALENDAR_YEAR: Final = LAST_YEAR + 1
GOVUK_SNAPSHOT: Final = Path(__file__).parent.parent / "data" / "bank-holidays.json"
GOVUK_SNAPSHOT_DATE: Final = "2026-03-18"  # as published up to this day (data/README.md)
CACHE_DIR_ENV: Final = "FOICLOCK_CACHE_DIR"


class Layer(NamedTuple):
    """One source of the holiday table, in the order they are laid over each other: the
    `holidays` package, the shipped GOV.UK snapshot, the stored GOV.UK update, the config file's
    proclaimed days. A later layer wins for the years it covers."""

    kind: str  # package, snapshot, update or config
    label: str  # how it is named to people: "GOV.UK snapshot", "holidays 0.109"
    first_year: int
    last_year: int
    as_of: str  # ISO date the data is as of ("" when unknown)
    origin: str  # a file or URL ("" for the package)


class Change(NamedTuple):
    """A day where a newer layer (the stored update, the config file) changed the holidays the
    package and the shipped snapshot give: a deadline counted over it may differ from the one
    this release printed without that data."""

    ordinal: int
    division: str
    change: str  # added or removed
    name: str
    layer: str  # the Layer.kind that made it


class HolidayTable(NamedTuple):
    """Every bank holiday of each division, FIRST_YEAR to LAST_CALENDAR_YEAR.

    `names_by_division[division][ordinal]` is the holiday's name on that day (date.toordinal()).
    Weekend dates are included where the `holidays` package lists them (a Christmas Day on a
    Saturday); their weekday substitutes are listed as days of their own.
    """

    names_by_division: dict[str, dict[int, str]]
    last_announced_year: int  # the last year every division's bank holidays are announced
    source: str
    layers: tuple[Layer, ...] = ()
    changes: tuple[Change, ...] = ()
    #: For each division, (the first year, the last year) whose days GOV.UK's data gives, the
    #: snapshot and a stored update together: a count that stays inside them for every division
    #: its calendar uses is checked against GOV.UK (`WD-PRE2012`); one that runs past the last
    #: is provisional (`WD-HORIZON`, judged per division).
    govuk_years: dict[str, tuple[int, int]] = {}  # noqa: RUF012 - a NamedTuple field, never mutated


def load_holiday_table() -> HolidayTable:
    """The holiday table from the disk cache, rebuilt when missing or stale."""
    cache_file = _cache_file()
    key = _cache_key()
    table = _read_cache(cache_file, key)
    if table is None:
        table = build_holiday_table()
        _write_cache(cache_file, key, table)
    return table


def build_holiday_table(*, include_update: bool = True) -> HolidayTable:
    """Every division's bank holidays from the `holidays` package, with the shipped GOV.UK
    snapshot winning for the years it covers, then the stored update (if any, and if
    `include_update`) winning for the years it covers (the slow path, run when the cache is
    stale)."""
    import json

    from foiclock.calendar.stored_update import govuk_years, read_stored_update

    with GOVUK_SNAPSHOT.open(encoding="utf-8") as snapshot_file:
        snapshot = json.load(snapshot_file)
    names_by_division, corrections = apply_govuk_snapshot(package_holidays(), snapshot)
    package_version = holidays_version()
    source = f"holidays {package_version}, GOV.UK snapshot {GOVUK_SNAPSHOT_DATE}"
    if corrections:
        source += f" ({len(corrections)} days where GOV.UK overrode the package)"
    layers = [
        Layer("package", f"holidays {package_version}", FIRST_YEAR, LAST_CALENDAR_YEAR, "", ""),
        Layer("snapshot", "GOV.UK snapshot", *govuk_years(snapshot), GOVUK_SNAPSHOT_DATE, ""),
    ]
    announced = last_announced_year(snapshot)
    years = {division: _division_years(snapshot, division) for division in ALL_DIVISIONS}
    changes: list[Change] = []
    update = read_stored_update() if include_update else None
    if update is not None:
        names_by_division, update_corrections = apply_govuk_snapshot(
            names_by_division, update.document
        )
        changes = [
            Change(c.day.toordinal(), c.division, c.change, c.name, "update")
            for c in update_corrections
        ]
        fetched = update.fetched_day
        first, last = govuk_years(update.document, every_division=False)
        layers.append(
            Layer("update", "GOV.UK update", first, last, fetched.isoformat(), update.source)
        )
        first_in_all, last_in_all = govuk_years(update.document)
        if first_in_all <= announced + 1:  # the years announced run on without a gap
            announced = max(announced, last_in_all)
        for division in ALL_DIVISIONS:
            (first, last), (update_first, update_last) = (
                years[division],
                _division_years(update.document, division),
            )
            if update_first <= last + 1:  # the years run on without a gap
                years[division] = (min(first, update_first), max(last, update_last))
        source += f", GOV.UK update fetched {fetched.isoformat()}"
    return HolidayTable(
        names_by_division=names_by_division,
        last_announced_year=announced,
        source=source,
        layers=tuple(layers),
        changes=tuple(changes),
        govuk_years=years,
    )


def _division_years(document: dict[str, Any], division: str) -> tuple[int, int]:
    """(first, last) year of one division's events in a checked GOV.UK document."""
    event_years = [int(event["date"][:4]) for event in document[division]["events"]]
    return min(event_years), max(event_years)


class ProclaimedDay(NamedTuple):
    """A bank holiday proclaimed for some divisions that the data does not list yet (config)."""

    day: date
    name: str
    divisions: tuple[str, ...]


def with_proclaimed_days(table: HolidayTable, days: tuple[ProclaimedDay, ...]) -> HolidayTable:
    """`table` with `days` added as holidays of their divisions (rules.md section 2: proclaimed
    one-off days count); each day a division did not have is recorded as a change."""
    if not days:
        return table
    names_by_division = {
        division: dict(names) for division, names in table.names_by_division.items()
    }
    changes = list(table.changes)
    for proclaimed in days:
        ordinal = proclaimed.day.toordinal()
        for division in proclaimed.divisions:
            if ordinal not in names_by_division[division]:
                names_by_division[division][ordinal] = proclaimed.name
                changes.append(Change(ordinal, division, "added", proclaimed.name, "config"))
    return table._replace(names_by_division=names_by_division, changes=tuple(changes))


def without_changes(table: HolidayTable) -> HolidayTable:
    """`table` as the `holidays` package and the shipped snapshot alone give it: every change
    of the stored update and the config file undone."""
    names_by_division = {
        division: dict(names) for division, names in table.names_by_division.items()
    }
    for change in reversed(table.changes):  # the config's after the update's: undo in reverse
        names = names_by_division[change.division]
        if change.change == "added":
            names.pop(change.ordinal, None)
        else:
            names[change.ordinal] = change.name
    # The shipped snapshot's divisions all cover the same years (its Layer holds them).
    first, last = next(
        ((layer.first_year, layer.last_year) for layer in table.layers if layer.kind == "snapshot"),
        (FIRST_YEAR, table.last_announced_year),
    )
    return table._replace(
        names_by_division=names_by_division,
        last_announced_year=last,
        layers=tuple(layer for layer in table.layers if layer.kind in ("package", "snapshot")),
        changes=(),
        govuk_years=dict.fromkeys(ALL_DIVISIONS, (first, last)),
    )


class PackageCorrection(NamedTuple):
    """A day the `holidays` package lists as a bank holiday that was not one, in a year before
    GOV.UK's data begins (so no GOV.UK layer corrects it): removed, with the rule and source."""

    day: date
    division: str
    rule: str  # the rules.md id
    source: str


#: rules.md `WD-STANDREW` and `WD-PRE2012`. Upstream report: the `holidays` package makes St
#: Andrew's Day a Scottish bank holiday from 2006 (`if self._year >= 2006`), but the St Andrew's
#: Day Bank Holiday (Scotland) Act 2007 (asp 2) came into force on 16 January 2007; and it
#: substitutes 4 January 2010 and 2011 in Scotland, for which no proclamation was made.
PACKAGE_CORRECTIONS: Final = (
    PackageCorrection(
        date(2006, 11, 30),
        "scotland",
        "WD-STANDREW",
        "St Andrew's Day Bank Holiday (Scotland) Act 2007 (asp 2) s1, in force 16 January 2007",
    ),
    PackageCorrection(
        date(2010, 1, 4),
        "scotland",
        "WD-PRE2012",
        "no proclamation was made (dracos.co.uk/wrote/bad-bank-holidays)",
    ),
    PackageCorrection(
        date(2011, 1, 4),
        "scotland",
        "WD-PRE2012",
        "no proclamation was made (dracos.co.uk/wrote/bad-bank-holidays)",
    ),
)


def package_holidays() -> dict[str, dict[int, str]]:
    """Every division's bank holidays by the `holidays` package's rules, less the days it gets
    wrong (`PACKAGE_CORRECTIONS`)."""
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
    for correction in PACKAGE_CORRECTIONS:
        names_by_division[correction.division].pop(correction.day.toordinal(), None)
    return names_by_division


class Correction(NamedTuple):
    """A day where the GOV.UK snapshot and the `holidays` package disagreed."""

    day: date
    division: str
    change: str  # "added" (GOV.UK has it, the package did not) or "removed"
    name: str


def apply_govuk_snapshot(
    package_names: dict[str, dict[int, str]], snapshot: dict[str, Any]
) -> tuple[dict[str, dict[int, str]], list[Correction]]:
    """The package's holidays with GOV.UK's winning inside the years GOV.UK lists: a weekday
    GOV.UK lists is a holiday (named as GOV.UK names it if the package lacks it); a weekday it
    does not list is not. Weekend-dated entries of the package are kept: weekends never count,
    and their names explain the weekday substitutes (rules.md section 2)."""
    merged: dict[str, dict[int, str]] = {}
    corrections: list[Correction] = []
    for division in ALL_DIVISIONS:
        events = snapshot[division]["events"]
        govuk = {date.fromisoformat(e["date"]).toordinal(): str(e["title"]) for e in events}
        first = date(min(date.fromordinal(o).year for o in govuk), 1, 1).toordinal()
        last = date(max(date.fromordinal(o).year for o in govuk), 12, 31).toordinal()
        names = dict(package_names[division])
        for ordinal, name in list(names.items()):
            weekday = date.fromordinal(ordinal).weekday() < 5
            if first <= ordinal <= last and weekday and ordinal not in govuk:
                del names[ordinal]
                corrections.append(Correction(date.fromordinal(ordinal), division, "removed", name))
        for ordinal, title in govuk.items():
            if ordinal not in names:
                names[ordinal] = title
                corrections.append(Correction(date.fromordinal(ordinal), division, "added", title))
        merged[division] = dict(sorted(names.items()))
    return merged, corrections


def last_announced_year(snapshot: dict[str, Any]) -> int:
    """The last year every division's bank holidays appear in the GOV.UK snapshot."""
    return min(
        max(int(event["date"][:4]) for event in snapshot[division]["events"])
        for division in ALL_DIVISIONS
    )


def cache_directory() -> Path:
    """FOICLOCK_CACHE_DIR if set, else the platform's user cache directory for foiclock."""
    return user_directory("cache", CACHE_DIR_ENV)


def _cache_file() -> Path:
    return cache_directory() / f"holidays-v{CACHE_FORMAT}.marshal"


def _cache_key() -> str:
    """What the cached table was built from: a change to any part makes it stale."""
    from foiclock.base.files import stored_update_file

    snapshot_stat = GOVUK_SNAPSHOT.stat()
    try:
        update_stat = stored_update_file().stat()
        update = f"{update_stat.st_size}:{update_stat.st_mtime_ns}:{update_stat.st_ino}"
    except OSError:  # none stored (or the data directory is not a directory: none can be)
        update = "none"
    return (
        f"format={CACHE_FORMAT};foiclock={__version__};holidays={holidays_version()};"
        f"snapshot={snapshot_stat.st_size}:{snapshot_stat.st_mtime_ns};update={update};"
        f"years={FIRST_YEAR}-{LAST_CALENDAR_YEAR};python={sys.version_info[:2]}"
    )


def holidays_version() -> str:
    """The installed `holidays` version without importing it: the name of its dist-info folder
    beside the package (cheap), else importlib.metadata (slower, always right)."""
    spec = find_spec("holidays")
    if spec is not None and spec.origin is not None:
        site_packages = Path(spec.origin).parent.parent
        with contextlib.suppress(OSError):
            found = [
                name[len("holidays-") : -len(".dist-info")]
                for name in os.listdir(site_packages)
                if name.startswith("holidays-") and name.endswith(".dist-info")
            ]
            if len(found) == 1:
                return found[0]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("holidays")
    except PackageNotFoundError:
        return "missing"


def _payload_bytes(table: HolidayTable) -> bytes:
    return marshal.dumps(
        (
            table.last_announced_year,
            table.source,
            dict(table.names_by_division),
            tuple(tuple(layer) for layer in table.layers),
            tuple(tuple(change) for change in table.changes),
            dict(table.govuk_years),
        ),
        _MARSHAL_VERSION,
    )


def _read_cache(cache_file: Path, key: str) -> HolidayTable | None:
    """The cached table, or None when it is missing, stale, corrupt, wrongly shaped or not a
    regular file (a FIFO, a link to a device: rebuilt in its place). The CRC is checked before the
    payload is unmarshalled, so a damaged file is never decoded."""
    from foiclock.base.files import DATA_FILE_LIMIT, read_regular_file

    try:
        envelope = marshal.loads(read_regular_file(cache_file, DATA_FILE_LIMIT))
        if not (isinstance(envelope, tuple) and len(envelope) == 3):
            return None
        stored_key, stored_crc, payload_bytes = envelope
        if stored_key != key or not isinstance(payload_bytes, bytes):
            return None
        if stored_crc != zlib.crc32(payload_bytes):
            return None
        return _table_from_payload(marshal.loads(payload_bytes))
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _table_from_payload(payload: object) -> HolidayTable | None:
    """The payload as a HolidayTable if it has exactly the expected shape, else None."""
    if not (isinstance(payload, tuple) and len(payload) == 6):
        return None
    last_announced, source, divisions, layer_tuples, change_tuples, years = payload
    if not (isinstance(last_announced, int) and isinstance(source, str)):
        return None
    if not (isinstance(divisions, dict) and set(divisions) == set(ALL_DIVISIONS)):
        return None
    first_ordinal = date(FIRST_YEAR, 1, 1).toordinal()
    last_ordinal = date(LAST_CALENDAR_YEAR, 12, 31).toordinal()
    for names in divisions.values():
        if not (isinstance(names, dict) and names):
            return None
        for ordinal, name in names.items():
            if not (type(ordinal) is int and first_ordinal <= ordinal <= last_ordinal):
                return None
            if not (isinstance(name, str) and name):
                return None
    try:
        layers = tuple(Layer(*fields) for fields in layer_tuples)
        changes = tuple(Change(*fields) for fields in change_tuples)
    except TypeError:
        return None
    if not all(isinstance(field, str | int) for item in layers + changes for field in item):
        return None
    if not (
        isinstance(years, dict)
        and set(years) == set(ALL_DIVISIONS)
        and all(
            isinstance(span, tuple) and len(span) == 2 and all(type(y) is int for y in span)
            for span in years.values()
        )
    ):
        return None
    return HolidayTable(
        names_by_division=divisions,
        last_announced_year=last_announced,
        source=source,
        layers=layers,
        changes=changes,
        govuk_years=years,
    )


def _write_cache(cache_file: Path, key: str, table: HolidayTable) -> None:
    """Write atomically (temporary file, then rename); a cache that cannot be written is skipped,
    which costs speed, never correctness."""
    import tempfile

    payload_bytes = _payload_bytes(table)
    envelope = marshal.dumps((key, zlib.crc32(payload_bytes), payload_bytes), _MARSHAL_VERSION)
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary_name = tempfile.mkstemp(dir=cache_file.parent, prefix=".holidays-")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as temporary:
            temporary.write(envelope)
        os.replace(temporary_name, cache_file)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary_name)
