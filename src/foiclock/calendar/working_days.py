"""Working-day arithmetic by regime, and the bank-holiday listings. Pure functions over the
calendars; nothing here prints. The deadlines built on it are in `foiclock.clock.deadline`.

Rules applied (../shared/rules.md): `C-RECEIPT` and `C-RECEIPT-ALT` (which day is the date of
receipt), `C-WD` (the Nth working day after a date), `WD-UK` / `WD-SCOT` / `WD-NATION` (which
days are working days), `FOIA-RESP`, `EIR-RESP`, `FOISA-RESP`, `EISR-RESP` (20 working days).
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Final

from foiclock.base.dates import FIRST_YEAR, LAST_YEAR, as_date
from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import HolidayName, M, joined
from foiclock.base.records import NamedTuple
from foiclock.calendar.calendars import (
    Holiday,
    WorkingCalendar,
    calendar_for,
    forget_tables,
    tables_are_stale,
    using_baseline,
)
from foiclock.law.regimes import (
    NEXT_WORKING_DAY,
    CalendarRule,
    check_nation,
    get_regime,
    nation_calendar,
)

_ONE_DAY: Final = timedelta(days=1)
_calendar_by_regime: dict[str, WorkingCalendar] = {}


def regime_calendar(regime: str) -> WorkingCalendar:
    """The statutory working-day calendar of `regime` (`WD-UK` or `WD-SCOT`)."""
    calendar = _calendar_by_regime.get(regime)
    if calendar is None or using_baseline():
        calendar = calendar_for(get_regime(regime).calendar.divisions)
        if not using_baseline():
            _calendar_by_regime[regime] = calendar
    return calendar


def forget_calendars() -> None:
    """Drop every calendar built so far: the next answer reads the holiday data afresh (after
    `update-holidays` stored new data, or the config file changed)."""
    import sys

    _calendar_by_regime.clear()
    forget_tables()
    vectorised = sys.modules.get("foiclock.batch.vectorised")
    if vectorised is not None:
        vectorised._numpy_arrays.clear()


def refresh_holiday_data() -> None:
    """Forget the calendars if the config file or the stored update is not the one they were
    built from (a long-lived process, or several command runs in one)."""
    if tables_are_stale():
        forget_calendars()


def counting_calendar(regime: str, nation: str) -> WorkingCalendar:
    """The calendar a regime's days are counted on: its statutory one (`WD-UK`, `WD-SCOT`), or
    for calendar months (SAR) the controller's own nation's (`WD-NATION`)."""
    if get_regime(regime).counts_months:
        return calendar_for((nation,))
    return regime_calendar(regime)


def last_announced_year() -> int:
    """The last year whose bank holidays GOV.UK has announced (the shipped snapshot); answers
    reaching later years are provisional (rules.md section 2)."""
    return regime_calendar("foia").last_announced_year


def add_working_days(start: date, n: int, regime: str = "foia") -> date:
    """The nth working day after `start` under `regime`'s calendar (`C-WD`: `start` itself never
    counts, whether or not it is a working day). A negative n counts back: the |n|th working day
    before `start`, which again never counts; n = 0 is `start` itself. `n` must be an int;
    `start` a date (a datetime at midnight is taken as its date)."""
    calendar = _calendar_by_regime.get(regime) or regime_calendar(regime)
    return calendar.add(start, n)


def working_days_between(start: date, end: date, regime: str = "foia") -> int:
    """Working days after `start` up to and including `end` under `regime`'s calendar; negative
    (the same count, signed) when `end` is before `start`."""
    calendar = _calendar_by_regime.get(regime) or regime_calendar(regime)
    if type(start) is not date or type(end) is not date:
        start, end = as_date(start, "start"), as_date(end, "end")
    return calendar.between(start, end)


class WorkingDayAfter(NamedTuple):
    """`foiclock add`: the nth working day after a date."""

    start: date
    n: int
    regime: str
    day: date
    provisional: bool
    holidays_checked: bool = True  # every year counted over is in GOV.UK's data (WD-PRE2012)


class WorkingDayCount(NamedTuple):
    """`foiclock count`: working days after one date up to and including another."""

    start: date
    end: date
    regime: str
    working_days: int
    provisional: bool
    holidays_checked: bool = True  # every year counted over is in GOV.UK's data (WD-PRE2012)


def nth_working_day(start: date, n: int, regime: str = "foia") -> WorkingDayAfter:
    """add_working_days with what a report needs beside the date (`C-WD`)."""
    key = get_regime(regime).key
    calendar = regime_calendar(key)
    day = calendar.add(start, n)
    provisional = calendar.is_provisional(max(start, day))
    checked = calendar.is_checked(min(start, day), provisional)
    return WorkingDayAfter(start, n, key, day, provisional, checked)


def count_working_days(start: date, end: date, regime: str = "foia") -> WorkingDayCount:
    """working_days_between with what a report needs beside the count (`C-WD`)."""
    key = get_regime(regime).key
    calendar = regime_calendar(key)
    working_days = calendar.between(start, end)
    provisional = calendar.is_provisional(max(start, end))
    checked = calendar.is_checked(min(start, end), provisional)
    return WorkingDayCount(start, end, key, working_days, provisional, checked)


def add_excluding(
    calendar: WorkingCalendar, start: date, n: int, excluded: Iterable[tuple[date, date]]
) -> date:
    """The nth working day after `start` that lies in none of the `excluded` day ranges (both
    ends included): a fees pause (`*-FEES`), school closures (`FOIA-SCHOOL`). `start` never counts
    (`C-WD`). O(ranges): each range costs two lookups, not a walk over its days."""
    ranges = merge_ranges(excluded)
    if not ranges:
        return calendar.add(start, n)
    day = start
    remaining = n
    for first, last in ranges:
        if last <= day:
            continue
        available = max(0, calendar.between(day, first - _ONE_DAY)) if first > day else 0
        if available >= remaining:
            break
        remaining -= available
        day = last
    return calendar.add(day, remaining)


def merge_ranges(ranges: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    """Day ranges sorted, with overlapping or touching ones joined."""
    merged: list[tuple[date, date]] = []
    if not ranges:
        return merged
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + _ONE_DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def first_working_day_from(calendar: WorkingCalendar, day: date) -> date:
    """`day` if it is a working day, else the next one (`C-MONTH`'s roll forward)."""
    return calendar.add(day - _ONE_DAY, 1)


def date_of_receipt(calendar: WorkingCalendar, received: date, receipt_rule: str) -> date:
    """The day a count starts after: the day it arrived (`C-RECEIPT`), or under
    `C-RECEIPT-ALT` the first working day after a non-working-day arrival."""
    if receipt_rule == NEXT_WORKING_DAY and not calendar.is_working_day(received):
        return calendar.add(received, 1)
    return received


def non_working_reason(calendar: WorkingCalendar, day: date) -> tuple[str, tuple[Holiday, ...]]:
    """Why `day` is not a working day: the weekday name for a weekend, else its holidays."""
    holidays = calendar.holidays_on(day)
    if day.weekday() >= 5:
        return M("weekend"), holidays
    return joined("; ", [HolidayName(h.name) for h in holidays]), holidays


class ListedHoliday(NamedTuple):
    """A bank holiday in a calendar's divisions, as `foiclock holidays` lists it (weekend-dated
    ones included, marked `on_weekend`)."""

    day: date
    holidays: tuple[Holiday, ...]
    on_weekend: bool
    provisional: bool
    source: str = ""  # the data that decides it: config, update, snapshot or package


class HolidayListing(NamedTuple):
    """`foiclock holidays`: the bank holidays one calendar skips in some years."""

    calendar: CalendarRule
    regime: str | None  # None when the listing is one nation's own calendar
    years: tuple[int, ...]
    days: tuple[ListedHoliday, ...]

    @property
    def provisional(self) -> bool:
        return any(day.provisional for day in self.days)

    @property
    def holidays_checked(self) -> bool:
        """Every year listed is in GOV.UK's data for the calendar's divisions (`WD-PRE2012`)."""
        calendar = calendar_for(self.calendar.divisions)
        return all(
            calendar.is_checked(date(year, 1, 1), calendar.is_provisional(date(year, 1, 1)))
            for year in self.years
        )


def bank_holidays(
    years: Iterable[int], regime: str | None = None, nation: str | None = None
) -> HolidayListing:
    """Every bank holiday the engine uses in `years`: for `regime`'s statutory calendar (default
    FOIA), or for one nation's own calendar (`WD-NATION`) when `nation` is given instead. Holidays
    dated on a weekend are listed too (marked), since their weekday substitutes appear beside
    them."""
    if regime is not None and nation is not None:
        raise InvalidInput(
            "nation", nation, M("cannot be used with a regime"), M("a regime or a nation")
        )
    if nation is not None:
        calendar_rule = nation_calendar(check_nation(nation))
        regime_key = None
    else:
        regime_table = get_regime("foia" if regime is None else regime)
        calendar_rule = regime_table.calendar
        regime_key = regime_table.key
    from foiclock.calendar.sources import day_source

    calendar = calendar_for(calendar_rule.divisions)
    if isinstance(years, str | bytes) or not isinstance(years, Iterable):
        raise InvalidInput(
            "years", years, M("is not a list of years"), M("a list of whole numbers")
        )
    year_list = tuple(years)
    days = []
    for year in year_list:
        _check_year(year)
        for day in calendar.holiday_days(year):
            days.append(
                ListedHoliday(
                    day=day,
                    holidays=calendar.holidays_on(day),
                    on_weekend=day.weekday() >= 5,
                    provisional=calendar.is_provisional(day),
                    source=day_source(day, calendar.divisions),
                )
            )
    return HolidayListing(calendar_rule, regime_key, year_list, tuple(days))


def _check_year(year: int) -> None:
    accepted = M("a year from {first} to {last}", first=FIRST_YEAR, last=LAST_YEAR)
    if type(year) is not int:  # not a bool, a float or text
        raise InvalidInput("year", year, M("is not a whole number"), accepted)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput("year", year, M("is outside the years foiclock supports"), accepted)
