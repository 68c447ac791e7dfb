"""The deadline engine: working-day arithmetic by regime, and the statutory response deadline with
the steps that explain it. Pure functions over the calendars; nothing here prints.

Rules applied (../shared/rules.md): `C-RECEIPT` and `C-RECEIPT-ALT` (which day is the date of
receipt), `C-WD` (the Nth working day after a date), `WD-UK` / `WD-SCOT` / `WD-NATION` (which
days are working days), `FOIA-RESP`, `EIR-RESP`, `FOISA-RESP`, `EISR-RESP` (20 working days).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Final, NamedTuple

from foiclock.calendar import Holiday, WorkingCalendar, calendar_for
from foiclock.dates import FIRST_YEAR, LAST_YEAR, WEEKDAY_NAMES
from foiclock.errors import InvalidInput
from foiclock.regimes import CalendarRule, Regime, check_nation, get_regime, nation_calendar

DATE_OF_RECEIPT: Final = "date-of-receipt"
NEXT_WORKING_DAY: Final = "next-working-day"
RECEIPT_RULES: Final = {DATE_OF_RECEIPT: "C-RECEIPT", NEXT_WORKING_DAY: "C-RECEIPT-ALT"}

_ONE_DAY: Final = timedelta(days=1)
_calendar_by_regime: dict[str, WorkingCalendar] = {}


def regime_calendar(regime: str) -> WorkingCalendar:
    """The statutory working-day calendar of `regime` (`WD-UK` or `WD-SCOT`)."""
    calendar = _calendar_by_regime.get(regime)
    if calendar is None:
        calendar = calendar_for(get_regime(regime).calendar.divisions)
        _calendar_by_regime[regime] = calendar
    return calendar


def last_announced_year() -> int:
    """The last year whose bank holidays GOV.UK has announced (the shipped snapshot); answers
    reaching later years are provisional (rules.md section 2)."""
    return regime_calendar("foia").last_announced_year


def add_working_days(start: date, n: int, regime: str = "foia") -> date:
    """The nth working day after `start` under `regime`'s calendar (`C-WD`: `start` itself never
    counts, whether or not it is a working day). `n` must be 1 or more."""
    calendar = _calendar_by_regime.get(regime) or regime_calendar(regime)
    return calendar.add(start, n)


def working_days_between(start: date, end: date, regime: str = "foia") -> int:
    """Working days after `start` up to and including `end` under `regime`'s calendar; negative
    (the same count, signed) when `end` is before `start`."""
    calendar = _calendar_by_regime.get(regime) or regime_calendar(regime)
    return calendar.between(start, end)


class WorkingDayAfter(NamedTuple):
    """`foiclock add`: the nth working day after a date."""

    start: date
    n: int
    regime: str
    day: date
    provisional: bool


class WorkingDayCount(NamedTuple):
    """`foiclock count`: working days after one date up to and including another."""

    start: date
    end: date
    regime: str
    working_days: int
    provisional: bool


def nth_working_day(start: date, n: int, regime: str = "foia") -> WorkingDayAfter:
    """add_working_days with what a report needs beside the date (`C-WD`)."""
    key = get_regime(regime).key
    calendar = regime_calendar(key)
    day = calendar.add(start, n)
    return WorkingDayAfter(start, n, key, day, calendar.is_provisional(day))


def count_working_days(start: date, end: date, regime: str = "foia") -> WorkingDayCount:
    """working_days_between with what a report needs beside the count (`C-WD`)."""
    key = get_regime(regime).key
    calendar = regime_calendar(key)
    working_days = calendar.between(start, end)
    return WorkingDayCount(start, end, key, working_days, calendar.is_provisional(max(start, end)))


class Step(NamedTuple):
    """One day of an explained count."""

    day: date
    kind: str  # "received", "treated_as_received", "skipped" or "counted"
    working_day: int | None
    reason: str
    rule: str
    holidays: tuple[Holiday, ...] = ()


class CalendarDifference(NamedTuple):
    """A day the statutory calendar and the body's own nation's calendar treat differently."""

    day: date
    non_working_under: str  # "statute" or "nation"
    holidays: tuple[Holiday, ...]


class Deadline(NamedTuple):
    """A statutory response deadline, with everything needed to explain it.

    `steps` and `nation_differences` are worked out when asked for, so a batch that wants only
    `due` does not pay for them.
    """

    regime: str
    received: date
    due: date
    rule: str
    rule_description: str
    source: str
    status: str
    calendar_rule: str
    working_days: int
    receipt_rule: str
    counting_from: date
    provisional: bool
    nation: str
    nation_due: date | None
    alternative: Deadline | None

    @property
    def day_one(self) -> date:
        """The first working day counted."""
        return regime_calendar(self.regime).add(self.counting_from, 1)

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every day from the receipt to the deadline: received, skipped (with why), counted."""
        return tuple(_count_steps(self))

    @property
    def nation_differences(self) -> tuple[CalendarDifference, ...]:
        """Days up to the later of the two answers that the statute and the body's own nation's
        calendar treat differently (rules.md section 2); empty when they are the same calendar."""
        if self.nation_due is None:
            return ()
        statute_calendar = regime_calendar(self.regime)
        nation_calendar = calendar_for((self.nation,))
        differences = []
        # Under C-RECEIPT-ALT the day of arrival itself can differ: a working day in one
        # calendar is the date of receipt there, in the other it moves the date of receipt on.
        day = self.received if self.receipt_rule == NEXT_WORKING_DAY else self.received + _ONE_DAY
        last = max(self.due, self.nation_due)
        while day <= last:
            statute_works = statute_calendar.is_working_day(day)
            if statute_works != nation_calendar.is_working_day(day):
                skipping = nation_calendar if statute_works else statute_calendar
                differences.append(
                    CalendarDifference(
                        day=day,
                        non_working_under="nation" if statute_works else "statute",
                        holidays=skipping.holidays_on(day),
                    )
                )
            day += _ONE_DAY
        return tuple(differences)


def response_deadline(
    received: date,
    regime: str = "foia",
    *,
    nation: str | None = None,
    receipt_rule: str = DATE_OF_RECEIPT,
) -> Deadline:
    """The statutory response deadline for a request received on `received`.

    `regime`: foia, eir, foisa or eisr. `nation`: the body's own nation, used only to show where
    its office calendar would count differently (default: England and Wales for FOIA/EIR,
    Scotland for FOISA/EISR). `receipt_rule`: "date-of-receipt" (`C-RECEIPT`, the default) or
    "next-working-day" (`C-RECEIPT-ALT`).
    """
    regime_table = get_regime(regime)
    if receipt_rule not in RECEIPT_RULES:
        raise InvalidInput(
            "receipt rule", receipt_rule, "is not a receipt rule", ", ".join(RECEIPT_RULES)
        )
    nation_key = check_nation(nation) if nation is not None else regime_table.default_nation
    deadline = _deadline(received, regime_table, nation_key, receipt_rule)
    if regime_calendar(regime_table.key).is_working_day(received):
        return deadline
    other_rule = NEXT_WORKING_DAY if receipt_rule == DATE_OF_RECEIPT else DATE_OF_RECEIPT
    alternative = _deadline(received, regime_table, nation_key, other_rule)
    return deadline._replace(alternative=alternative)


def _deadline(received: date, regime: Regime, nation: str, receipt_rule: str) -> Deadline:
    calendar = regime_calendar(regime.key)
    window = regime.response
    counting_from = _date_of_receipt(calendar, received, receipt_rule)
    due = calendar.add(counting_from, window.working_days)
    nation_calendar = calendar_for((nation,))
    nation_due = None
    if nation_calendar.divisions != calendar.divisions:
        # The same count on the nation's own calendar, the receipt rule applied on it too.
        nation_counting_from = _date_of_receipt(nation_calendar, received, receipt_rule)
        nation_due = nation_calendar.add(nation_counting_from, window.working_days)
    return Deadline(
        regime=regime.key,
        received=received,
        due=due,
        rule=window.rule,
        rule_description=window.description,
        source=window.source,
        status=window.status,
        calendar_rule=regime.calendar.rule,
        working_days=window.working_days,
        receipt_rule=receipt_rule,
        counting_from=counting_from,
        provisional=calendar.is_provisional(due),
        nation=nation,
        nation_due=nation_due,
        alternative=None,
    )


def _date_of_receipt(calendar: WorkingCalendar, received: date, receipt_rule: str) -> date:
    """The day the count starts after: the day it arrived (`C-RECEIPT`), or under
    `C-RECEIPT-ALT` the first working day after a non-working-day arrival."""
    if receipt_rule == NEXT_WORKING_DAY and not calendar.is_working_day(received):
        return calendar.add(received, 1)
    return received


def non_working_reason(calendar: WorkingCalendar, day: date) -> tuple[str, tuple[Holiday, ...]]:
    """Why `day` is not a working day: the weekday name for a weekend, else its holidays."""
    holidays = calendar.holidays_on(day)
    if day.weekday() >= 5:
        return "weekend", holidays
    return "; ".join(h.name for h in holidays), holidays


def _count_steps(deadline: Deadline) -> list[Step]:
    regime = get_regime(deadline.regime)
    calendar = regime_calendar(regime.key)
    received = deadline.received
    receipt_rule_id = RECEIPT_RULES[deadline.receipt_rule]
    if calendar.is_working_day(received):
        receipt_reason = "date of receipt; it never counts"
        receipt_holidays: tuple[Holiday, ...] = ()
    else:
        _, receipt_holidays = non_working_reason(calendar, received)
        weekday = WEEKDAY_NAMES[received.weekday()]
        receipt_reason = f"date of receipt, a non-working day ({weekday}); it never counts"
    steps = [Step(received, "received", None, receipt_reason, receipt_rule_id, receipt_holidays)]
    number = 0
    day = received + _ONE_DAY
    while day <= deadline.due:
        if not calendar.is_working_day(day):
            why, holidays = non_working_reason(calendar, day)
            steps.append(Step(day, "skipped", None, why, regime.calendar.rule, holidays))
        elif day <= deadline.counting_from:
            steps.append(
                Step(
                    day,
                    "treated_as_received",
                    None,
                    "first working day after a non-working-day receipt, treated as the date of "
                    "receipt; it does not count",
                    "C-RECEIPT-ALT",
                )
            )
        else:
            number += 1
            last = number == deadline.working_days
            steps.append(
                Step(
                    day,
                    "counted",
                    number,
                    "response due" if last else "",
                    deadline.rule if last else "C-WD",
                )
            )
        day += _ONE_DAY
    return steps


class ListedHoliday(NamedTuple):
    """A bank holiday in a calendar's divisions, as `foiclock holidays` lists it (weekend-dated
    ones included, marked `on_weekend`)."""

    day: date
    holidays: tuple[Holiday, ...]
    on_weekend: bool
    provisional: bool


class HolidayListing(NamedTuple):
    """`foiclock holidays`: the bank holidays one calendar skips in some years."""

    calendar: CalendarRule
    regime: str | None  # None when the listing is one nation's own calendar
    years: tuple[int, ...]
    days: tuple[ListedHoliday, ...]

    @property
    def provisional(self) -> bool:
        return any(day.provisional for day in self.days)


def bank_holidays(
    years: Iterable[int], regime: str | None = None, nation: str | None = None
) -> HolidayListing:
    """Every bank holiday the engine uses in `years`: for `regime`'s statutory calendar (default
    FOIA), or for one nation's own calendar (`WD-NATION`) when `nation` is given instead. Holidays
    dated on a weekend are listed too (marked), since their weekday substitutes appear beside
    them."""
    if regime is not None and nation is not None:
        raise InvalidInput("nation", nation, "cannot be used with a regime", "a regime or a nation")
    if nation is not None:
        calendar_rule = nation_calendar(check_nation(nation))
        regime_key = None
    else:
        regime_table = get_regime("foia" if regime is None else regime)
        calendar_rule = regime_table.calendar
        regime_key = regime_table.key
    calendar = calendar_for(calendar_rule.divisions)
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
                )
            )
    return HolidayListing(calendar_rule, regime_key, year_list, tuple(days))


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput(
            "year",
            year,
            "is outside the years foiclock supports",
            f"a year from {FIRST_YEAR} to {LAST_YEAR}",
        )
