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

from foiclock.calendar import table as holiday_data
from foiclock.calendar.calendars import calendar_for
from foiclock.calendar.working_days import regime_calendar

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


def test_every_govuk_holiday_is_named_with_its_division_on_the_uk_calendar() -> None:
    """`foiclock holidays` and `--explain` name each skipped day with the parts of the UK it
    belongs to: on WD-UK, every GOV.UK holiday carries its own division."""
    uk = regime_calendar("foia")
    for division in DIVISIONS:
        for day in govuk_days(division):
            holidays = uk.holidays_on(day)
            assert any(division in h.divisions for h in holidays), f"{division} {day}"
    # 17 March 2026 is Northern Ireland's alone; 1 Jan is everyone's.
    assert [h.divisions for h in uk.holidays_on(date(2026, 3, 17))] == [("northern-ireland",)]
    assert [h.divisions for h in uk.holidays_on(date(2026, 1, 1))] == [DIVISIONS]


def test_govuk_wins_where_the_package_disagrees() -> None:
    """A `holidays` release that drops, or adds, a day inside GOV.UK's years cannot move a
    deadline: the shipped snapshot overrides it (weekend-dated package entries are kept)."""
    snapshot = {
        division: {"events": [{"date": "2026-01-01", "title": "New Year's Day"}]}
        for division in DIVISIONS
    }
    snapshot["scotland"]["events"].append({"date": "2026-06-15", "title": "World Cup bank holiday"})
    package = {
        division: {
            date(2026, 1, 1).toordinal(): "New Year's Day",
            date(2026, 7, 1).toordinal(): "Made-up Day",  # a Wednesday GOV.UK does not list
            date(2026, 12, 26).toordinal(): "Boxing Day",  # a Saturday
            date(2030, 7, 1).toordinal(): "Outside GOV.UK's years",
        }
        for division in DIVISIONS
    }
    merged, corrections = holiday_data.apply_govuk_snapshot(package, snapshot)
    scotland = {date.fromordinal(o): name for o, name in merged["scotland"].items()}
    assert scotland == {
        date(2026, 1, 1): "New Year's Day",
        date(2026, 6, 15): "World Cup bank holiday",
        date(2026, 12, 26): "Boxing Day",
        date(2030, 7, 1): "Outside GOV.UK's years",
    }
    assert date(2026, 6, 15).toordinal() not in merged["england-and-wales"]
    assert sorted((c.day, c.division, c.change) for c in corrections) == sorted(
        [(date(2026, 6, 15), "scotland", "added")]
        + [(date(2026, 7, 1), division, "removed") for division in DIVISIONS]
    )


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
