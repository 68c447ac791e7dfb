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
from threading import Lock
from typing import Final

from foiclock.base.dates import FIRST_YEAR, as_date
from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple
from foiclock.calendar.table import (
    LAST_CALENDAR_YEAR,
    HolidayTable,
    load_holiday_table,
    with_proclaimed_days,
    without_changes,
)
from foiclock.law.divisions import ALL_DIVISIONS

_FIRST_ORDINAL: Final = date(FIRST_YEAR, 1, 1).toordinal()
_LAST_ORDINAL: Final = date(LAST_CALENDAR_YEAR, 12, 31).toordinal()
_FULL_SIZE: Final = _LAST_ORDINAL - _FIRST_ORDINAL + 1
_SATURDAY: Final = 5
_from_ordinal: Final = date.fromordinal


class Holiday(NamedTuple):
    """One bank holiday on one day, and the divisions that have it under that name."""

    name: str
    divisions: tuple[str, ...]


class _Span(NamedTuple):
    """The arrays over one span of days. A calendar publishes a new span in one assignment once
    it is built, and each call reads the span once, so a thread never sees one half grown."""

    first: int  # the ordinal of the span's first day
    last: int  # the ordinal of its last day
    rank: list[int]  # working days in [first, first + i], for each i
    working: list[int]  # the ordinal of every working day in the span, in order


_NO_SPAN: Final = _Span(0, -1, [], [])


class WorkingCalendar:
    """Working days for one set of divisions. Get one with `calendar_for(divisions)`.
    Safe to share between threads: spans only grow, each built under a lock and published whole."""

    __slots__ = (
        "_growing",
        "_holiday_ordinals",
        "_names_by_division",
        "_span",
        "divisions",
        "first_checked_year",
        "last_announced_year",
        "source",
    )

    def __init__(self, divisions: tuple[str, ...], table: HolidayTable) -> None:
        self.divisions = divisions
        # WD-HORIZON: judged on the divisions this calendar uses, not on all three.
        years = [table.govuk_years[d] for d in divisions if d in table.govuk_years]
        self.first_checked_year = max((first for first, _ in years), default=LAST_CALENDAR_YEAR)
        self.last_announced_year = min(
            (last for _, last in years), default=table.last_announced_year
        )
        self.source = table.source
        self._names_by_division = {d: table.names_by_division[d] for d in divisions}
        self._holiday_ordinals = sorted(
            {o for names in self._names_by_division.values() for o in names}
        )
        self._span = _NO_SPAN
        self._growing = Lock()

    def _built(self, first_ordinal: int, last_ordinal: int) -> _Span:
        """The arrays for the days first_ordinal..last_ordinal."""
        size = last_ordinal - first_ordinal + 1
        flags = bytearray(b"\x01") * size
        first_saturday = (_SATURDAY - date.fromordinal(first_ordinal).weekday()) % 7
        for weekend_day in (first_saturday, first_saturday + 1):
            flags[weekend_day::7] = bytes(len(range(weekend_day, size, 7)))
        for ordinal in self._holiday_ordinals:
            if first_ordinal <= ordinal <= last_ordinal:
                flags[ordinal - first_ordinal] = 0
        rank = list(accumulate(flags))
        working = list(compress(range(first_ordinal, last_ordinal + 1), flags))
        return _Span(first_ordinal, last_ordinal, rank, working)

    def _span_covering(self, day: date, field: str) -> tuple[_Span, int]:
        """A span that holds `day` and where `day` sits in it, growing the span first if need be;
        InvalidInput (naming `field`) for a day outside the supported years."""
        ordinal = day.toordinal()
        span = self._span
        if not span.first <= ordinal <= span.last:
            if not _FIRST_ORDINAL <= ordinal <= _LAST_ORDINAL:
                raise InvalidInput(
                    field,
                    day.isoformat(),
                    M("({date}) is outside the years foiclock supports", date=day),
                    M(
                        "a date from 1 January {first} to 31 December {last}",
                        first=FIRST_YEAR,
                        last=LAST_CALENDAR_YEAR,
                    ),
                )
            span = self._grown(day.year)
        return span, ordinal - span.first

    def _grown(self, year: int, whole: bool = False) -> _Span:
        """First a few years around `year`; after that (or with `whole`) the whole supported
        span. One thread builds, under the lock; the others wait and take what it published."""
        with self._growing:
            span = self._span
            if (
                span.first <= date(year, 1, 1).toordinal()
                and (not whole or span.last - span.first + 1 == _FULL_SIZE)
                and date(year, 12, 31).toordinal() <= span.last
            ):
                return span  # another thread grew it while this one waited
            if span is _NO_SPAN and not whole:
                first_year = max(FIRST_YEAR, year - 1)
                last_year = min(LAST_CALENDAR_YEAR, year + 2)
                span = self._built(
                    date(first_year, 1, 1).toordinal(), date(last_year, 12, 31).toordinal()
                )
            else:
                span = self._built(_FIRST_ORDINAL, _LAST_ORDINAL)
            self._span = span
            return span

    def is_working_day(self, day: date) -> bool:
        span, index = self._span_covering(day, "date")
        previous = span.rank[index - 1] if index else 0
        return span.rank[index] > previous

    def add(self, start: date, n: int) -> date:
        """The nth working day after `start` (`C-WD`: `start` itself never counts); for a
        negative n the |n|th working day before it (the start never counting either); for 0 the
        start itself."""
        first, last, rank, working = self._span
        if (
            type(start) is date
            and type(n) is int
            and n > 0
            and first <= (ordinal := start.toordinal()) <= last
        ):
            try:  # the hot path: two list lookups (rank >= 0 and n >= 1, so never negative)
                return _from_ordinal(working[rank[ordinal - first] + n - 1])
            except IndexError:
                pass
        return self._add_checked(start, n)

    def _add_checked(self, start: date, n: int) -> date:
        """`add` when its fast path cannot answer: a bad, zero or negative n, a start that is
        not a date (a datetime at midnight is taken as its date, `as_date`), a start outside the
        span, or a result past it. Grows the span if that helps, else raises InvalidInput."""
        if type(n) is not int:
            raise InvalidInput(
                "n", n, M("is not a whole number of working days"), M("a whole number")
            )
        start = as_date(start, "start")
        span, index = self._span_covering(start, "start")
        if n == 0:
            return start
        # working[k] is the (k + 1)th working day of the span; rank[index] of them lie up to and
        # including the start, rank[index - 1] before it.
        before = span.rank[index - 1] if index else 0
        position = span.rank[index] + n - 1 if n > 0 else before + n
        if 0 <= position < len(span.working):
            return _from_ordinal(span.working[position])
        if span.last - span.first + 1 < _FULL_SIZE:
            self._grown(start.year, whole=True)
            return self._add_checked(start, n)
        problem = (
            M(
                "working days after {date} run past the calendar's end (31 December {year})",
                date=start.isoformat(),
                year=LAST_CALENDAR_YEAR,
            )
            if n > 0
            else M(
                "working days before {date} run past the calendar's start (1 January {year})",
                date=start.isoformat(),
                year=FIRST_YEAR,
            )
        )
        raise InvalidInput("n", n, problem, M("a smaller count"))

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative when end < start."""
        span, start_index = self._span_covering(start, "start")
        end_ordinal = end.toordinal()
        if not span.first <= end_ordinal <= span.last:
            span, end_index = self._span_covering(end, "end")
            start_index = start.toordinal() - span.first  # still covered: spans only grow
        else:
            end_index = end_ordinal - span.first
        return span.rank[end_index] - span.rank[start_index]

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
        built if need be: for vectorised arithmetic over many dates
        (`foiclock.batch.vectorised`)."""
        span = self._span
        if span.last - span.first + 1 < _FULL_SIZE:
            span = self._grown(FIRST_YEAR, whole=True)
        return span.first, span.rank, span.working

    def is_provisional(self, day: date) -> bool:
        """True when `day` lies past the last year whose bank holidays are announced for every
        division this calendar uses (`WD-HORIZON`)."""
        return day.year > self.last_announced_year

    def is_checked(self, earliest: date, provisional: bool) -> bool:
        """Whether a count from `earliest` on was checked against GOV.UK's data: every year it
        touched is in the snapshot or a stored update for every division this calendar uses.
        Years before that data were counted by the `holidays` package's rules with rules.md's
        corrections (`WD-PRE2012`: "by rule, not checked against GOV.UK"); a provisional count
        (`WD-HORIZON`) reached years after it."""
        return not provisional and self.first_checked_year <= earliest.year


_calendars: dict[tuple[bool, tuple[str, ...]], WorkingCalendar] = {}
_tables: dict[bool, HolidayTable] = {}
_built_from: list[tuple[object, ...]] = []  # data_identity() when the tables were built
#: True inside `without_newer_data()`: calendars then ignore the stored GOV.UK update and the
#: config file's proclaimed days (to show what a deadline was before them).
_baseline: ContextVar[bool] = ContextVar("foiclock_without_newer_data", default=False)


def calendar_for(divisions: tuple[str, ...]) -> WorkingCalendar:
    """The calendar whose non-working days are the bank holidays of `divisions` (built once)."""
    baseline = _baseline.get()
    if type(divisions) is tuple:  # often already in order, as the key holds them: one lookup
        calendar = _calendars.get((baseline, divisions))
        if calendar is not None:
            return calendar
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
            from foiclock.calendar.config import load_config

            identity = data_identity()
            table = with_proclaimed_days(load_holiday_table(), load_config().proclaimed)
            _built_from[:] = [identity]
        _tables[baseline] = table
    return table


def has_newer_days_from(first: date) -> bool:
    """Whether the newer data (the stored GOV.UK update, the config file's proclaimed days)
    changes any day on or after `first`: the cheap question before
    `foiclock.clock.newer_data` asks what it moved."""
    low = first.toordinal()
    return any(change.ordinal >= low for change in holiday_table().changes)


def data_identity() -> tuple[object, ...]:
    """What the tables are built from, besides the package and the snapshot: the config file in
    use and the stored update, each by path and stat (size, modification time, inode)."""
    from foiclock.base.files import stored_update_file
    from foiclock.calendar.config import config_location

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
