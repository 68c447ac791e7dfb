"""Working-day calendars: which days count, and O(1) working-day arithmetic over them.

A calendar is the set of divisions whose bank holidays are non-working days: all three for
`WD-UK` (FOIA s10(6): a bank holiday in any part of the UK), Scotland alone for `WD-SCOT`
(FOISA s73), one nation for `WD-NATION`. Saturdays and Sundays never count. Christmas Day and
Good Friday, named in both statutes, are bank holidays in every division, so the union holds them.

Each calendar is built once per process from the cached holiday table into two arrays over
1 January FIRST_YEAR to 31 December LAST_CALENDAR_YEAR:

- `rank[i]`: how many working days lie in [first day, first day + i];
- `working`: the ordinal of every working day, in order.

"The nth working day after D" (rules.md `C-WD`: D never counts) is then `working[rank[D] + n - 1]`
and "working days after START up to and including END" is `rank[END] - rank[START]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import accumulate, compress
from typing import Final

from foiclock.dates import FIRST_YEAR, LAST_YEAR, format_long
from foiclock.divisions import ALL_DIVISIONS
from foiclock.errors import InvalidInput
from foiclock.holiday_data import LAST_CALENDAR_YEAR, HolidayTable, load_holiday_table

_FIRST_ORDINAL: Final = date(FIRST_YEAR, 1, 1).toordinal()
_LAST_INPUT_ORDINAL: Final = date(LAST_YEAR, 12, 31).toordinal()
_LAST_ORDINAL: Final = date(LAST_CALENDAR_YEAR, 12, 31).toordinal()
_SIZE: Final = _LAST_ORDINAL - _FIRST_ORDINAL + 1
_SATURDAY: Final = 5

SUPPORTED_DATES: Final = f"a date from 1 January {FIRST_YEAR} to 31 December {LAST_YEAR}"


@dataclass(frozen=True)
class Holiday:
    """One bank holiday on one day, and the divisions that have it under that name."""

    name: str
    divisions: tuple[str, ...]


class WorkingCalendar:
    """Working days for one set of divisions. Build with `calendar_for(divisions)`."""

    def __init__(self, divisions: tuple[str, ...], table: HolidayTable) -> None:
        self.divisions = divisions
        self.last_announced_year = table.last_announced_year
        self.source = table.source
        self._names_by_division = {d: table.names_by_division[d] for d in divisions}
        flags = bytearray(b"\x01") * _SIZE
        first_saturday = (_SATURDAY - date.fromordinal(_FIRST_ORDINAL).weekday()) % 7
        for weekend_day in (first_saturday, first_saturday + 1):
            flags[weekend_day::7] = bytes(len(range(weekend_day, _SIZE, 7)))
        for names in self._names_by_division.values():
            for ordinal in names:
                flags[ordinal - _FIRST_ORDINAL] = 0
        self._rank: list[int] = list(accumulate(flags))
        self._working: list[int] = list(compress(range(_FIRST_ORDINAL, _LAST_ORDINAL + 1), flags))

    def is_working_day(self, day: date) -> bool:
        index = self._index(day, "date", _LAST_ORDINAL)
        return self._rank[index] != (self._rank[index - 1] if index else 0)

    def add(self, start: date, n: int) -> date:
        """The nth working day after `start` (`C-WD`: `start` itself never counts; n >= 1)."""
        if n < 1:
            raise InvalidInput("n", n, "is not a positive number of working days", "1 or more")
        position = self._rank[self._index(start, "start", _LAST_INPUT_ORDINAL)] + n - 1
        if position >= len(self._working):
            raise InvalidInput(
                "n", n, f"working days after {start.isoformat()} run past the calendar's end "
                f"(31 December {LAST_CALENDAR_YEAR})", "a smaller count",
            )
        return date.fromordinal(self._working[position])

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative when end < start."""
        start_index = self._index(start, "start", _LAST_INPUT_ORDINAL)
        end_index = self._index(end, "end", _LAST_ORDINAL)
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
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        ordinals = {o for names in self._names_by_division.values() for o in names}
        return [date.fromordinal(o) for o in sorted(ordinals) if first <= o <= last]

    def is_provisional(self, day: date) -> bool:
        """True when `day` lies past the last year whose bank holidays are announced."""
        return day.year > self.last_announced_year

    @staticmethod
    def _index(day: date, field: str, last_ordinal: int) -> int:
        ordinal = day.toordinal()
        if not _FIRST_ORDINAL <= ordinal <= last_ordinal:
            raise InvalidInput(
                field, day.isoformat(),
                f"({format_long(day)}) is outside the years foiclock supports", SUPPORTED_DATES,
            )
        return ordinal - _FIRST_ORDINAL


_calendars: dict[tuple[str, ...], WorkingCalendar] = {}
_table: list[HolidayTable] = []


def calendar_for(divisions: tuple[str, ...]) -> WorkingCalendar:
    """The calendar whose non-working days are the bank holidays of `divisions` (built once)."""
    key = tuple(d for d in ALL_DIVISIONS if d in divisions)
    calendar = _calendars.get(key)
    if calendar is None:
        if not _table:
            _table.append(load_holiday_table())
        calendar = _calendars[key] = WorkingCalendar(key, _table[0])
    return calendar
