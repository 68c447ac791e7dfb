"""The deadline engine: working-day arithmetic by regime, and the statutory response deadline with
the steps that explain it. Pure functions over the calendars; nothing here prints.

Rules applied (../shared/rules.md): `C-RECEIPT` and `C-RECEIPT-ALT` (which day is the date of
receipt), `C-WD` (the Nth working day after a date), `WD-UK` / `WD-SCOT` / `WD-NATION` (which
days are working days), `FOIA-RESP`, `EIR-RESP`, `FOISA-RESP`, `EISR-RESP` (20 working days).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from typing import Final

from foiclock.calendar import Holiday, WorkingCalendar, calendar_for
from foiclock.dates import WEEKDAY_NAMES
from foiclock.errors import InvalidInput
from foiclock.regimes import Regime, check_nation, get_regime

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


@dataclass(frozen=True)
class Step:
    """One day of an explained count."""

    day: date
    kind: str  # "received", "treated_as_received", "skipped" or "counted"
    working_day: int | None
    reason: str
    rule: str
    holidays: tuple[Holiday, ...] = ()


@dataclass(frozen=True)
class CalendarDifference:
    """A day the statutory calendar and the body's own nation's calendar treat differently."""

    day: date
    non_working_under: str  # "statute" or "nation"
    holidays: tuple[Holiday, ...]


@dataclass(frozen=True)
class Deadline:
    """A statutory response deadline, with everything needed to explain it."""

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
    _calendar: WorkingCalendar = field(repr=False, compare=False)
    _nation_calendar: WorkingCalendar | None = field(repr=False, compare=False)

    @property
    def day_one(self) -> date:
        """The first working day counted."""
        return self._calendar.add(self.counting_from, 1)

    @cached_property
    def steps(self) -> tuple[Step, ...]:
        """Every day from the receipt to the deadline: received, skipped (with why), counted."""
        return tuple(_count_steps(self))

    @cached_property
    def nation_differences(self) -> tuple[CalendarDifference, ...]:
        """Days up to the later of the two answers that the statute and the body's own nation's
        calendar treat differently (rules.md section 2); empty when they are the same calendar."""
        nation_calendar = self._nation_calendar
        if nation_calendar is None or self.nation_due is None:
            return ()
        differences = []
        day = self.counting_from + _ONE_DAY
        last = max(self.due, self.nation_due)
        while day <= last:
            statute_works = self._calendar.is_working_day(day)
            if statute_works != nation_calendar.is_working_day(day):
                skipping = nation_calendar if statute_works else self._calendar
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
    calendar = deadline._calendar
    if calendar.is_working_day(received):
        return deadline
    other_rule = NEXT_WORKING_DAY if receipt_rule == DATE_OF_RECEIPT else DATE_OF_RECEIPT
    alternative = _deadline(received, regime_table, nation_key, other_rule)
    return _with_alternative(deadline, alternative)


def _deadline(received: date, regime: Regime, nation: str, receipt_rule: str) -> Deadline:
    calendar = calendar_for(regime.calendar.divisions)
    window = regime.response
    counting_from = received
    if receipt_rule == NEXT_WORKING_DAY and not calendar.is_working_day(received):
        counting_from = calendar.add(received, 1)
    due = calendar.add(counting_from, window.working_days)
    nation_calendar = calendar_for((nation,))
    if nation_calendar.divisions == calendar.divisions:
        nation_due = None
        compared_calendar = None
    else:
        nation_due = nation_calendar.add(counting_from, window.working_days)
        compared_calendar = nation_calendar
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
        provisional=calendar.is_provisional(max(due, nation_due or due)),
        nation=nation,
        nation_due=nation_due,
        alternative=None,
        _calendar=calendar,
        _nation_calendar=compared_calendar,
    )


def _with_alternative(deadline: Deadline, alternative: Deadline) -> Deadline:
    return replace(deadline, alternative=alternative)


def non_working_reason(calendar: WorkingCalendar, day: date) -> tuple[str, tuple[Holiday, ...]]:
    """Why `day` is not a working day: the weekday name for a weekend, else its holidays."""
    holidays = calendar.holidays_on(day)
    if day.weekday() >= 5:
        return WEEKDAY_NAMES[day.weekday()], holidays
    return "; ".join(h.name for h in holidays), holidays


def _count_steps(deadline: Deadline) -> list[Step]:
    calendar = deadline._calendar
    regime = get_regime(deadline.regime)
    received = deadline.received
    receipt_rule_id = RECEIPT_RULES[deadline.receipt_rule]
    if calendar.is_working_day(received):
        receipt_reason = "date of receipt; it never counts"
        receipt_holidays: tuple[Holiday, ...] = ()
    else:
        why, receipt_holidays = non_working_reason(calendar, received)
        receipt_reason = f"date of receipt, a non-working day ({why}); it never counts"
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
                    day, "treated_as_received", None,
                    "first working day after a non-working-day receipt, treated as the date of "
                    "receipt; it does not count", "C-RECEIPT-ALT",
                )
            )
        else:
            number += 1
            last = number == deadline.working_days
            steps.append(
                Step(
                    day, "counted", number,
                    "response due" if last else "",
                    deadline.rule if last else "C-WD",
                )
            )
        day += _ONE_DAY
    return steps
