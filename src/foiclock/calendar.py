"""Working-day calendars: which days count, and O(1) working-day arithmetic over them.

A calendar is the set of divisions whose bank holidays are non-working days: all three for
`WD-UK` (FOIA s10(6): a bank holiday in any part of the UK), Scotland alone for `WD-SCOT`
(FOISA s73), one nation for `WD-NATION`. Saturdays and Sundays never count. Christmas Day and
Good Friday, named in both statutes, are bank holidays in every division, so the union holds them.

Each calendar turns the cached holiday table into two arrays over a span of days:

- `rank[i]`: how many working days lie in [first day of the span, first day + i];
- `working`: the ordinal of every working day in the span, in order.

"The nth working day after D" (rules.md `C-WD`: D never counts) is then `working[rank[D] + n - 1]`
and "working days after START up to and including END" is `rank[END] - rank[START]`: O(1).

The first query builds only a few years around its date (a single lookup stays instant); the
first query outside them builds the whole supported span, 1 January FIRST_YEAR to 31 December
LAST_CALENDAR_YEAR, once (a batch pays for it once).
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from itertools import accumulate, compress
from pathlib import Path
from typing import Final, NamedTuple

from foiclock.dates import FIRST_YEAR, as_date
from foiclock.divisions import ALL_DIVISIONS
from foiclock.errors import InvalidInput
from foiclock.holiday_data import (
    LAST_CALENDAR_YEAR,
    HolidayTable,
    load_holiday_table,
    with_proclaimed_days,
    without_changes,
)
from foiclock.i18n import M

_FIRST_ORDINAL: Final = date(FIRST_YEAR, 1, 1).toordinal()
_LAST_ORDINAL: Final = date(LAST_CALENDAR_YEAR, 12, 31).toordinal()
_FULL_SIZE: Final = _LAST_ORDINAL - _FIRST_ORDINAL + 1
_SATURDAY: Final = 5
_from_ordinal: Final = date.fromordinal


class Holiday(NamedTuple):
    """One bank holiday on one day, and the divisions that have it under that name."""

    name: str
    divisions: tuple[str, ...]


class WorkingCalendar:
    """Working days for one set of divisions. Get one with `calendar_for(divisions)`."""

    __slots__ = (
        "_holiday_ordinals",
        "_last_start",
        "_names_by_division",
        "_rank",
        "_span_first",
        "_span_size",
        "_working",
        "divisions",
        "last_announced_year",
        "source",
    )

    def __init__(self, divisions: tuple[str, ...], table: HolidayTable) -> None:
        self.divisions = divisions
        self.last_announced_year = table.last_announced_year
        self.source = table.source
        self._names_by_division = {d: table.names_by_division[d] for d in divisions}
        self._holiday_ordinals = sorted(
            {o for names in self._names_by_division.values() for o in names}
        )
        self._span_first = 0
        self._span_size = 0
        self._last_start = -1  # the last ordinal `add` may start from in the current span
        self._rank: list[int] = []
        self._working: list[int] = []

    def _build(self, first_ordinal: int, last_ordinal: int) -> None:
        """Fill the arrays for the days first_ordinal..last_ordinal."""
        size = last_ordinal - first_ordinal + 1
        flags = bytearray(b"\x01") * size
        first_saturday = (_SATURDAY - date.fromordinal(first_ordinal).weekday()) % 7
        for weekend_day in (first_saturday, first_saturday + 1):
            flags[weekend_day::7] = bytes(len(range(weekend_day, size, 7)))
        for ordinal in self._holiday_ordinals:
            if first_ordinal <= ordinal <= last_ordinal:
                flags[ordinal - first_ordinal] = 0
        self._span_first = first_ordinal
        self._span_size = size
        self._last_start = last_ordinal
        self._rank = list(accumulate(flags))
        self._working = list(compress(range(first_ordinal, last_ordinal + 1), flags))

    def _covered_index(self, day: date, field: str, last_ordinal: int) -> int:
        """Where `day` sits in the arrays, growing them first if they do not reach it."""
        ordinal = day.toordinal()
        if not _FIRST_ORDINAL <= ordinal <= last_ordinal:
            last_year = date.fromordinal(last_ordinal).year
            raise InvalidInput(
                field,
                day.isoformat(),
                M("({date}) is outside the years foiclock supports", date=day),
                M(
                    "a date from 1 January {first} to 31 December {last}",
                    first=FIRST_YEAR,
                    last=last_year,
                ),
            )
        if not 0 <= ordinal - self._span_first < self._span_size:
            self._grow_to(day.year)
        return ordinal - self._span_first

    def _grow_to(self, year: int) -> None:
        """First a few years around `year`; after that the whole span (spans only grow)."""
        if self._span_size == 0:
            first_year = max(FIRST_YEAR, year - 1)
            last_year = min(LAST_CALENDAR_YEAR, year + 2)
            self._build(date(first_year, 1, 1).toordinal(), date(last_year, 12, 31).toordinal())
        else:
            self._build(_FIRST_ORDINAL, _LAST_ORDINAL)

    def is_working_day(self, day: date) -> bool:
        index = self._covered_index(day, "date", _LAST_ORDINAL)
        previous = self._rank[index - 1] if index else 0
        return self._rank[index] > previous

    def add(self, start: date, n: int) -> date:
        """The nth working day after `start` (`C-WD`: `start` itself never counts; n >= 1)."""
        if (
            type(start) is date
            and type(n) is int
            and n > 0
            and self._span_first <= (ordinal := start.toordinal()) <= self._last_start
        ):
            try:  # the hot path: two list lookups (rank >= 0 and n >= 1, so never negative)
                return _from_ordinal(self._working[self._rank[ordinal - self._span_first] + n - 1])
            except IndexError:
                pass
        return self._add_checked(start, n)

    def _add_checked(self, start: date, n: int) -> date:
        """`add` when its fast path cannot answer: bad n, a start that is not a date (a datetime
        at midnight is taken as its date, `as_date`), a start outside the span, or a result past
        it. Grows the span if that helps, else raises InvalidInput."""
        if type(n) is not int or n < 1:
            raise InvalidInput("n", n, M("is not a whole number of working days"), M("1 or more"))
        start = as_date(start, "start")
        index = self._covered_index(start, "start", _LAST_ORDINAL)
        position = self._rank[index] + n - 1
        if position < len(self._working):
            return _from_ordinal(self._working[position])
        if self._span_size < _FULL_SIZE:
            self._grow_to(start.year)
            return self.add(start, n)
        raise InvalidInput(
            "n",
            n,
            M(
                "working days after {date} run past the calendar's end (31 December {year})",
                date=start.isoformat(),
                year=LAST_CALENDAR_YEAR,
            ),
            M("a smaller count"),
        )

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative when end < start."""
        self._covered_index(start, "start", _LAST_ORDINAL)
        end_index = self._covered_index(end, "end", _LAST_ORDINAL)
        start_index = start.toordinal() - self._span_first  # still covered: spans only grow
        return self._rank[end_index] - self._rank[start_index]

    def holidays_on(self, day: date) -> tuple[Holiday, ...]:
        """The bank holidays on `day` in this calendar's divisions, grouped by name."""
        ordinal = day.toordinal()
        divisions_by_name: dict[str, list[str]] = {}
        for division in ALL_DIVISIONS:
            name = self._names_by_division.get(division, {}).get(ordinal)
            if name is not None:
                divisions_by_name.setdefault(name, []).append(division)
        return tuple(Holiday(name, tuple(divs)) for name, divs in divisions_by_name.items())

    def holiday_days(self, year: int) -> list[date]:
        """Every day of `year` that is a bank holiday in any of this calendar's divisions."""
        ordinals = self._holiday_ordinals  # sorted, built once in __init__
        first = bisect_left(ordinals, date(year, 1, 1).toordinal())
        last = bisect_right(ordinals, date(year, 12, 31).toordinal())
        return [date.fromordinal(o) for o in ordinals[first:last]]

    def arrays(self) -> tuple[int, list[int], list[int]]:
        """(the ordinal of the span's first day, `rank`, `working`) over the whole supported span,
        built if need be: for vectorised arithmetic over many dates (`foiclock.vectorised`)."""
        if self._span_size < _FULL_SIZE:
            self._build(_FIRST_ORDINAL, _LAST_ORDINAL)
        return self._span_first, self._rank, self._working

    def is_provisional(self, day: date) -> bool:
        """True when `day` lies past the last year whose bank holidays are announced."""
        return day.year > self.last_announced_year


_calendars: dict[tuple[bool, tuple[str, ...]], WorkingCalendar] = {}
_tables: dict[bool, HolidayTable] = {}
_built_from: list[tuple[object, ...]] = []  # data_identity() when the tables were built
#: True inside `without_newer_data()`: calendars then ignore the stored GOV.UK update and the
#: config file's proclaimed days (to show what a deadline was before them).
_baseline: ContextVar[bool] = ContextVar("foiclock_without_newer_data", default=False)


def calendar_for(divisions: tuple[str, ...]) -> WorkingCalendar:
    """The calendar whose non-working days are the bank holidays of `divisions` (built once)."""
    baseline = _baseline.get()
    key = (baseline, tuple(d for d in ALL_DIVISIONS if d in divisions))
    calendar = _calendars.get(key)
    if calendar is None:
        calendar = _calendars[key] = WorkingCalendar(key[1], holiday_table(baseline))
    return calendar


def holiday_table(baseline: bool = False) -> HolidayTable:
    """The holiday table every calendar uses: the cached table with the config file's
    proclaimed days added; with `baseline`, the package and shipped snapshot alone."""
    table = _tables.get(baseline)
    if table is None:
        if baseline:
            table = without_changes(holiday_table())
        else:
            from foiclock.config import load_config

            identity = data_identity()
            table = with_proclaimed_days(load_holiday_table(), load_config().proclaimed)
            _built_from[:] = [identity]
        _tables[baseline] = table
    return table


def data_identity() -> tuple[object, ...]:
    """What the tables are built from, besides the package and the snapshot: the config file in
    use and the stored update, each by path and stat (size, modification time, inode)."""
    from foiclock.config import config_location
    from foiclock.holiday_store import stored_update_file

    config_path, chosen_by, _ = config_location()
    return (chosen_by, _stat(config_path), _stat(stored_update_file()))


def _stat(path: Path) -> tuple[str, int, int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return (str(path), found.st_size, found.st_mtime_ns, found.st_ino)


def tables_are_stale() -> bool:
    """Whether tables were built and the config file or the stored update has changed since."""
    return bool(_built_from) and _built_from[0] != data_identity()


def using_baseline() -> bool:
    """Whether this is inside `without_newer_data()`."""
    return _baseline.get()


@contextmanager
def without_newer_data() -> Iterator[None]:
    """Within the block, calendars use the `holidays` package and the shipped snapshot alone."""
    token = _baseline.set(True)
    try:
        yield
    finally:
        _baseline.reset(token)


def forget_tables() -> None:
    """Drop the tables and calendars built so far (after the data or the config changed)."""
    _calendars.clear()
    _tables.clear()
    _built_from.clear()
