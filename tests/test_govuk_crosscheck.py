"""The engine's non-working weekdays against GOV.UK's bank-holidays.json (tests/data), day by day,
for every year and division it covers; and WD-UK against the union of the three divisions.

The `holidays` package also lists the weekend date of a holiday whose weekday substitute GOV.UK
lists alone (rules.md, issue "Core"); weekends never count anyway, so weekdays are compared.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from foiclock.calendar import calendar_for
from foiclock.engine import regime_calendar

GOVUK = json.loads((Path(__file__).parent / "data" / "bank-holidays.json").read_text("utf-8"))
DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")


def govuk_days(division: str) -> set[date]:
    return {date.fromisoformat(event["date"]) for event in GOVUK[division]["events"]}


def govuk_years() -> range:
    years = {int(e["date"][:4]) for d in DIVISIONS for e in GOVUK[d]["events"]}
    return range(min(years), max(years) + 1)


def weekdays(years: range) -> list[date]:
    day = date(years.start, 1, 1)
    last = date(years.stop - 1, 12, 31)
    days = []
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def test_reference_covers_2012_to_2028() -> None:
    assert govuk_years() == range(2012, 2029)


@pytest.mark.parametrize("division", DIVISIONS)
def test_nation_calendar_matches_govuk(division: str) -> None:
    calendar = calendar_for((division,))
    holidays = govuk_days(division)
    wrong = [
        day for day in weekdays(govuk_years()) if calendar.is_working_day(day) == (day in holidays)
    ]
    assert wrong == [], f"{division}: engine and GOV.UK disagree on {wrong}"


@pytest.mark.parametrize(
    ("regime", "divisions"),
    [
        ("foia", DIVISIONS), ("eir", DIVISIONS),  # WD-UK: any part of the UK
        ("foisa", ("scotland",)), ("eisr", ("scotland",)),  # WD-SCOT
    ],
)  # fmt: skip
def test_regime_calendar_matches_govuk_union(regime: str, divisions: tuple[str, ...]) -> None:
    calendar = regime_calendar(regime)
    holidays = set().union(*(govuk_days(d) for d in divisions))
    wrong = [
        day for day in weekdays(govuk_years()) if calendar.is_working_day(day) == (day in holidays)
    ]
    assert wrong == [], f"{regime}: engine and GOV.UK disagree on {wrong}"


def test_every_govuk_holiday_is_named_with_its_division() -> None:
    for division in DIVISIONS:
        calendar = calendar_for((division,))
        for day in govuk_days(division):
            holidays = calendar.holidays_on(day)
            assert holidays, f"{division} {day}: no name"
            assert all(h.divisions == (division,) for h in holidays)


def test_proclaimed_days_from_rules_md_section_2() -> None:
    """rules.md section 2: proclaimed one-off days count."""
    uk = regime_calendar("foia")
    scotland = regime_calendar("foisa")
    for day in [date(2012, 6, 4), date(2012, 6, 5), date(2020, 5, 8), date(2022, 6, 2),
                date(2022, 6, 3), date(2022, 9, 19), date(2023, 5, 8)]:  # fmt: skip
        assert not uk.is_working_day(day)
        assert not scotland.is_working_day(day)
    assert not scotland.is_working_day(date(2026, 6, 15))  # Scotland only
    assert not uk.is_working_day(date(2026, 6, 15))  # ...so WD-UK too
    assert calendar_for(("england-and-wales",)).is_working_day(date(2026, 6, 15))
