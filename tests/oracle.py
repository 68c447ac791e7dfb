"""A deliberately simple, independent day-stepping count to check the engine against.

Holidays: GOV.UK's published data (tests/data/bank-holidays.json) for the years it covers, 2012
to 2028; the `holidays` package asked directly (not foiclock's cache or arrays) for the other
years. Counting steps one day at a time, exactly as rules.md `C-WD` reads: the start never
counts; each working day counts one.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import holidays

ONE_DAY = timedelta(days=1)
GOVUK_FILE = Path(__file__).parent / "data" / "bank-holidays.json"
GOVUK_YEARS = range(2012, 2029)
# rules.md section 2: WD-UK is a bank holiday in any part of the UK; WD-SCOT is Scotland's only.
REGIME_DIVISIONS = {
    "foia": ("england-and-wales", "scotland", "northern-ireland"),
    "eir": ("england-and-wales", "scotland", "northern-ireland"),
    "foisa": ("scotland",),
    "eisr": ("scotland",),
}
PACKAGE_SUBDIVISION = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}


@cache
def _govuk_days(division: str) -> frozenset[date]:
    events = json.loads(GOVUK_FILE.read_text(encoding="utf-8"))[division]["events"]
    return frozenset(date.fromisoformat(event["date"]) for event in events)


@cache
def _package_days(division: str) -> holidays.HolidayBase:
    return holidays.country_holidays(
        "GB", subdiv=PACKAGE_SUBDIVISION[division], years=range(2000, 2102)
    )


#: rules.md WD-STANDREW and WD-PRE2012, copied by hand: days the package wrongly lists.
NOT_BANK_HOLIDAYS = {
    (date(2006, 11, 30), "scotland"),  # St Andrew's Day is a bank holiday from 2007
    (date(2010, 1, 4), "scotland"),  # no proclamation
    (date(2011, 1, 4), "scotland"),  # no proclamation
}


def is_bank_holiday(day: date, division: str) -> bool:
    if day.year in GOVUK_YEARS:
        return day in _govuk_days(division)
    return day in _package_days(division) and (day, division) not in NOT_BANK_HOLIDAYS


def is_working_day(day: date, divisions: tuple[str, ...]) -> bool:
    if day.weekday() >= 5:
        return False
    return not any(is_bank_holiday(day, division) for division in divisions)


def add(start: date, n: int, divisions: tuple[str, ...]) -> date:
    day = start
    counted = 0
    while counted < n:
        day += ONE_DAY
        if is_working_day(day, divisions):
            counted += 1
    return day


def add_signed(start: date, n: int, divisions: tuple[str, ...]) -> date:
    """`add` for any whole n: forward for n > 0, back for n < 0 (the |n|th working day before
    `start`, which never counts), `start` itself for 0. One day at a time either way."""
    step = ONE_DAY if n > 0 else -ONE_DAY
    day = start
    counted = 0
    while counted < abs(n):
        day += step
        if is_working_day(day, divisions):
            counted += 1
    return day


def between(start: date, end: date, divisions: tuple[str, ...]) -> int:
    if end < start:
        return -between(end, start, divisions)
    counted = 0
    day = start
    while day < end:
        day += ONE_DAY
        if is_working_day(day, divisions):
            counted += 1
    return counted


def add_skipping(start: date, n: int, divisions: tuple[str, ...], skip: set[date]) -> date:
    """The nth working day after `start` that is not in `skip` (a fees pause, school closures)."""
    day = start
    counted = 0
    while counted < n:
        day += ONE_DAY
        if is_working_day(day, divisions) and day not in skip:
            counted += 1
    return day


def first_working_day_from(day: date, divisions: tuple[str, ...]) -> date:
    while not is_working_day(day, divisions):
        day += ONE_DAY
    return day


def days_from(first: date, last: date) -> set[date]:
    """Every day from `first` to `last`, both included."""
    return {first + timedelta(days=i) for i in range((last - first).days + 1)}


#: rules-over-time.md T-IR-2004 / T-IR-2018: the 40 working days to ask for a FOIA internal
#: review came with the s45 Code of 4 July 2018; a response before it had no Code date.
FOIA_IR_REQ_FROM = date(2018, 7, 4)


def review_ask_by(regime: str, anchor: date, divisions: tuple[str, ...]) -> date | None:
    """The 40th working day after `anchor` (FOIA-IR-REQ, EIR-REP-REQ, FOISA-RR-REQ,
    EISR-REP-REQ), or None for a FOIA response before 4 July 2018 (T-IR-2004)."""
    if regime == "foia" and anchor < FOIA_IR_REQ_FROM:
        return None
    return add(anchor, 40, divisions)


def foisa_limit(regime: str, received: date, answered: date | None) -> int:
    """The working days to answer a FOISA request or requirement for review (s10(1), s21(1)),
    from rules-over-time.md T-COVID-FOISA copied by hand: 60 for an answer issued from 7 April
    to 26 May 2020 to one received from 7 April 2020; 20 otherwise (T-COVID-END, and every
    other regime's 20)."""
    covid = (
        regime == "foisa"
        and date(2020, 4, 7) <= received
        and answered is not None
        and answered <= date(2020, 5, 26)
    )
    return 60 if covid else 20
