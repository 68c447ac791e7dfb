"""Working-day arithmetic at the edges: a calendar that grows from its first query's years to the
whole span, the first and last supported days, and counts that run off the end."""

from __future__ import annotations

from datetime import date

import pytest

from foiclock import InvalidInput
from foiclock.calendar.calendars import WorkingCalendar
from foiclock.calendar.table import load_holiday_table
from foiclock.law.divisions import ALL_DIVISIONS
from tests import oracle

UK = oracle.REGIME_DIVISIONS["foia"]


def fresh_uk_calendar() -> WorkingCalendar:
    return WorkingCalendar(ALL_DIVISIONS, load_holiday_table())


def test_answers_do_not_change_when_the_calendar_grows() -> None:
    calendar = fresh_uk_calendar()
    assert calendar.add(date(2025, 8, 19), 20) == date(2025, 9, 17)  # rules.md example 1
    far = date(2090, 6, 1)
    assert calendar.between(date(2025, 8, 19), far) == oracle.between(date(2025, 8, 19), far, UK)
    assert calendar.add(date(2025, 8, 19), 20) == date(2025, 9, 17)


def test_between_whose_end_grows_the_calendar() -> None:
    calendar = fresh_uk_calendar()
    start, end = date(2030, 3, 1), date(2000, 1, 10)
    assert calendar.between(start, end) == oracle.between(start, end, UK)


def test_add_past_the_first_years_built() -> None:
    calendar = fresh_uk_calendar()
    assert calendar.add(date(2025, 1, 1), 2000) == oracle.add(date(2025, 1, 1), 2000, UK)


@pytest.mark.parametrize(
    "day", [date(2000, 1, 1), date(2000, 1, 3), date(2000, 1, 4), date(2000, 1, 5)]
)
def test_first_days_of_the_span(day: date) -> None:
    assert fresh_uk_calendar().is_working_day(day) == oracle.is_working_day(day, UK)


def test_last_supported_input_day_still_counts_into_2101() -> None:
    calendar = fresh_uk_calendar()
    assert calendar.add(date(2100, 12, 31), 20) == oracle.add(date(2100, 12, 31), 20, UK)


def test_counts_may_start_in_2101() -> None:
    """An extension counted from a deadline in 2101 (FOIA-PIT after a late-2100 receipt)."""
    calendar = fresh_uk_calendar()
    assert calendar.add(date(2101, 1, 28), 20) == oracle.add(date(2101, 1, 28), 20, UK)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.add(date(1999, 12, 31), 1), "start"),
        (lambda c: c.add(date(2102, 1, 3), 1), "start"),
        (lambda c: c.between(date(2025, 1, 1), date(2102, 1, 1)), "end"),
        (lambda c: c.add(date(2100, 12, 1), 100_000), "n"),
        (lambda c: c.add(date(2000, 1, 10), -6), "n"),  # 5 working days before, from 4 Jan
        (lambda c: c.add(date(2025, 1, 1), 2.0), "n"),
        (lambda c: c.add(date(2025, 1, 1), True), "n"),
    ],
)
def test_out_of_range_is_a_clear_error(call: object, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        call(fresh_uk_calendar())  # type: ignore[operator]
    assert caught.value.field == field
