"""In-process query speed of the library: calls per second after the one-off calendar build.

Run: python bench/queries.py [--calls N]   (from the project's virtual environment)
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from foiclock import DayRange, add_working_days, response_deadline, working_days_between

FIVE_DAYS = timedelta(days=5)
NINE_DAYS = timedelta(days=9)


def rate(label: str, calls: int, seconds: float) -> None:
    print(f"  {label:<34} {calls / seconds:>12,.0f} calls/s  ({seconds * 1e9 / calls:.0f} ns/call)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=1_000_000)
    calls = parser.parse_args().calls
    generator = random.Random(20250819)
    first = date(2000, 1, 1).toordinal()
    span = date(2100, 12, 31).toordinal() - first
    starts = [date.fromordinal(first + generator.randrange(span)) for _ in range(calls)]
    ends = [day + timedelta(days=generator.randrange(-60, 60)) for day in starts]
    ends = [min(max(day, date(2000, 1, 1)), date(2100, 12, 31)) for day in ends]

    started = time.perf_counter()
    add_working_days(date(2025, 8, 19), 20)  # the one-off build (cache already warm or not)
    print(f"first call, including calendar build: {(time.perf_counter() - started) * 1000:.1f} ms")

    print(f"{calls:,} calls each, random dates 2000-2100:")
    started = time.perf_counter()
    for start in starts:
        add_working_days(start, 20)
    rate("add_working_days(d, 20)", calls, time.perf_counter() - started)

    started = time.perf_counter()
    for start in starts:
        add_working_days(start, 20, "foisa")
    rate("add_working_days(d, 20, 'foisa')", calls, time.perf_counter() - started)

    started = time.perf_counter()
    for start, end in zip(starts, ends, strict=True):
        working_days_between(start, end)
    rate("working_days_between(a, b)", calls, time.perf_counter() - started)

    # Receipts with a deadline: the FOI rights are in force from 2005 (T-*-START).
    sample = [day for day in starts if 2005 <= day.year < 2100][: max(1, calls // 10)]
    started = time.perf_counter()
    for start in sample:
        response_deadline(start)
    rate("response_deadline(d)", len(sample), time.perf_counter() - started)

    started = time.perf_counter()
    for start in sample:
        due = response_deadline(start).due  # noqa: F841 (what a batch wants)
    rate("response_deadline(d).due", len(sample), time.perf_counter() - started)

    # What the output reads besides: counted when first read (WD-NATION, C-RECEIPT-ALT).
    started = time.perf_counter()
    for start in sample:
        deadline = response_deadline(start)
        deadline.nation_due, deadline.alternative  # noqa: B018
    rate("... nation_due, alternative read", len(sample), time.perf_counter() - started)

    # The case clock: each event costs a few more O(1) calendar lookups, never a walk.
    cases = {
        "... fees notice and payment": lambda d: response_deadline(
            d, fees_notice=d + FIVE_DAYS, fee_paid=d + NINE_DAYS
        ),
        "... clarification, extended": lambda d: response_deadline(
            d,
            clarification_requested=d + FIVE_DAYS,
            clarification_received=d + NINE_DAYS,
            extended=True,
        ),
        "... school with a closure": lambda d: response_deadline(
            d, body="school", school_closed=(DayRange(d + FIVE_DAYS, d + NINE_DAYS),)
        ),
        "... sar (calendar months)": lambda d: response_deadline(d, "sar"),
        # dates 2005-2099: the 2020 days of FOISA-RESP's versions are counted in full
        "... foisa": lambda d: response_deadline(d, "foisa"),
    }
    for label, call in cases.items():
        started = time.perf_counter()
        for start in sample:
            call(start)
        rate(label, len(sample), time.perf_counter() - started)


if __name__ == "__main__":
    main()
