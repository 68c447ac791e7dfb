"""Which holiday data an answer used and how old it is (`holidays --source`), and where the
sources disagree (`holidays --diff`). Pure functions over the holiday table and its layers
(`foiclock.calendar.table`); nothing here prints.

The layers, newest first, and what each covers:
- the config file's proclaimed days (`[[proclaimed]]`): the days it names;
- the GOV.UK update stored by `update-holidays`: the years it lists;
- the GOV.UK snapshot shipped with foiclock: the years it lists (2012 to 2028);
- the `holidays` package: every year, by rule (and the only source for weekend-dated entries,
  which GOV.UK leaves out).
A newer layer wins for what it covers (rules.md section 2).
"""

from datetime import date
from typing import Any

from foiclock.base.records import NamedTuple
from foiclock.calendar.calendars import holiday_table
from foiclock.calendar.table import HolidayTable
from foiclock.law.divisions import ALL_DIVISIONS

#: The layer kinds, newest (winning) first.
LAYER_ORDER = ("config", "update", "snapshot", "package")


class DataSource(NamedTuple):
    """One source of the holidays in use, as `holidays --source` lists it."""

    kind: str  # config, update, snapshot or package
    label: str
    first_year: int | None  # None for the config file (it names single days)
    last_year: int | None
    as_of: date | None  # the day the data is as of (fetched, published); None if unknown
    age_days: int | None  # days from as_of to today
    origin: str  # file or URL; "" for the package
    days: int | None  # for the config file: how many proclaimed days


def data_sources(today: date) -> tuple[DataSource, ...]:
    """The sources of the holidays in use, newest (winning) first."""
    from foiclock.calendar.config import load_config

    table = holiday_table()
    sources = []
    config = load_config()
    if config.proclaimed:
        sources.append(
            DataSource(
                "config",
                "config file",
                None,
                None,
                None,
                None,
                str(config.path),
                len(config.proclaimed),
            )
        )
    for layer in sorted(table.layers, key=lambda layer: LAYER_ORDER.index(layer.kind)):
        as_of = date.fromisoformat(layer.as_of) if layer.as_of else None
        age = (today - as_of).days if as_of is not None else None
        sources.append(
            DataSource(
                layer.kind,
                layer.label,
                layer.first_year,
                layer.last_year,
                as_of,
                age,
                layer.origin,
                None,
            )
        )
    return tuple(sources)


def day_source(day: date, divisions: tuple[str, ...], table: HolidayTable | None = None) -> str:
    """The layer kind that decides whether `day` is a holiday in `divisions`: the newest layer
    that changed it or covers its year (weekend-dated entries: the package)."""
    table = table or holiday_table()
    ordinal = day.toordinal()
    changed_by = [
        c.layer for c in table.changes if c.ordinal == ordinal and c.division in divisions
    ]
    if changed_by:
        return min(changed_by, key=LAYER_ORDER.index)
    if day.weekday() >= 5:
        return "package"
    covering = [
        layer.kind for layer in table.layers if layer.first_year <= day.year <= layer.last_year
    ]
    return min(covering, key=LAYER_ORDER.index) if covering else "package"


class HolidayDifference(NamedTuple):
    """A weekday that some source makes a bank holiday in a division and another does not. Each
    side is True (a holiday), False (not one) or None (the source does not cover that year)."""

    day: date
    division: str
    name: str
    package: bool | None
    snapshot: bool | None
    update: bool | None
    used: bool  # what foiclock uses: the newest side covering the day, or the config's day


class HolidayDifferences(NamedTuple):
    package_label: str
    snapshot_as_of: date
    update_as_of: date | None  # None when nothing is stored
    rows: tuple[HolidayDifference, ...]


def holiday_differences() -> HolidayDifferences:
    """Every weekday on which the `holidays` package, the shipped snapshot and the stored update
    disagree, division by division, within the years each covers. Names are not compared: the
    package and GOV.UK word the same holidays differently on hundreds of days."""
    import json

    from foiclock.calendar.stored_update import read_stored_update
    from foiclock.calendar.table import (
        GOVUK_SNAPSHOT,
        GOVUK_SNAPSHOT_DATE,
        holidays_version,
        package_holidays,
    )

    package = package_holidays()
    with GOVUK_SNAPSHOT.open(encoding="utf-8") as snapshot_file:
        snapshot = json.load(snapshot_file)
    update = read_stored_update()
    in_use = holiday_table().names_by_division
    rows = []
    for division in ALL_DIVISIONS:
        snapshot_side = _govuk_side(snapshot, division)
        update_side = _govuk_side(update.document, division) if update is not None else None
        package_names = {o: n for o, n in package[division].items() if _weekday(o)}
        ordinals = set(package_names) | set(snapshot_side[0])
        if update_side is not None:
            ordinals |= set(update_side[0])
        for ordinal in sorted(ordinals):
            year = date.fromordinal(ordinal).year
            sides = (
                ordinal in package_names,
                _covers(snapshot_side, ordinal, year),
                _covers(update_side, ordinal, year),
            )
            present = {side for side in sides if side is not None}
            if len(present) < 2:
                continue
            name = next(
                names[ordinal]
                for names in (
                    update_side[0] if update_side is not None else {},
                    snapshot_side[0],
                    package_names,
                )
                if ordinal in names
            )
            used = ordinal in in_use[division]
            rows.append(HolidayDifference(date.fromordinal(ordinal), division, name, *sides, used))
    rows.sort(key=lambda row: (row.day, ALL_DIVISIONS.index(row.division)))
    return HolidayDifferences(
        f"holidays {holidays_version()}",
        date.fromisoformat(GOVUK_SNAPSHOT_DATE),
        update.fetched_day if update is not None else None,
        tuple(rows),
    )


def _weekday(ordinal: int) -> bool:
    return date.fromordinal(ordinal).weekday() < 5


def _govuk_side(document: dict[str, Any], division: str) -> tuple[dict[int, str], int, int]:
    """(weekday holidays by ordinal, first year, last year) of one division of a GOV.UK file."""
    events = document[division]["events"]
    names = {date.fromisoformat(e["date"]).toordinal(): str(e["title"]) for e in events}
    years = [date.fromordinal(ordinal).year for ordinal in names]
    return {o: n for o, n in names.items() if _weekday(o)}, min(years), max(years)


def _covers(side: tuple[dict[int, str], int, int] | None, ordinal: int, year: int) -> bool | None:
    if side is None or not side[1] <= year <= side[2]:
        return None
    return ordinal in side[0]
