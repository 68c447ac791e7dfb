"""A deliberately simple, independent day-stepping count to check the engine against.

It asks the `holidays` package directly (not foiclock's cache or arrays) and steps one day at a
time, exactly as rules.md `C-WD` reads: the start never counts; each working day counts one.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

ONE_DAY = timedelta(days=1)
# rules.md section 2: WD-UK is a bank holiday in any part of the UK; WD-SCOT is Scotland's only.
REGIME_SUBDIVISIONS = {
    "foia": ("ENG", "SCT", "NIR"),
    "eir": ("ENG", "SCT", "NIR"),
    "foisa": ("SCT",),
    "eisr": ("SCT",),
}


@cache
def _subdivision_holidays(subdivision: str) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv=subdivision, years=range(2000, 2102))


def is_working_day(day: date, subdivisions: tuple[str, ...]) -> bool:
    if day.weekday() >= 5:
        return False
    return not any(day in _subdivision_holidays(s) for s in subdivisions)


def add(start: date, n: int, subdivisions: tuple[str, ...]) -> date:
    day = start
    counted = 0
    while counted < n:
        day += ONE_DAY
        if is_working_day(day, subdivisions):
            counted += 1
    return day


def between(start: date, end: date, subdivisions: tuple[str, ...]) -> int:
    if end < start:
        return -between(end, start, subdivisions)
    counted = 0
    day = start
    while day < end:
        day += ONE_DAY
        if is_working_day(day, subdivisions):
            counted += 1
    return counted
