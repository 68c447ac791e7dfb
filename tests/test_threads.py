"""Many threads making their first calls at once on cold calendars (issue "Green and robust"):
the calendar grows from a few years to the whole span on first use, and growth must never be
seen half done. A race gave a false "run past the calendar's end" InvalidInput or a bare
IndexError in almost every run before each span was built under a lock and published in one
assignment."""

from __future__ import annotations

import random
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta

from foiclock import add_working_days, response_deadline, working_days_between
from foiclock.calendar.calendars import WorkingCalendar
from foiclock.calendar.table import load_holiday_table
from foiclock.calendar.working_days import forget_calendars
from foiclock.law.divisions import ALL_DIVISIONS
from tests import oracle

THREADS = 16
CALLS = 300
Work = Callable[[random.Random], None]


@contextmanager
def _switching_often() -> Iterator[None]:
    """Threads switch every microsecond instead of every 5 ms, so a race shows in every run."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def _in_threads(rounds: int, setup: Callable[[], Work]) -> list[BaseException]:
    """`rounds` times: `setup()` (which makes things cold and returns the work), then THREADS
    threads start the work together behind a barrier. Every exception any thread raised."""
    failures: list[BaseException] = []

    def worker(work: Work, barrier: threading.Barrier, seed: int) -> None:
        generator = random.Random(seed)
        barrier.wait()
        try:
            work(generator)
        except BaseException as error:  # every failure is the finding
            failures.append(error)

    with _switching_often():
        for round_number in range(rounds):
            work, barrier = setup(), threading.Barrier(THREADS)
            threads = [
                threading.Thread(target=worker, args=(work, barrier, round_number * THREADS + i))
                for i in range(THREADS)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
    forget_calendars()
    return failures


def _random_day(generator: random.Random) -> date:
    return date(2000, 1, 1) + timedelta(days=generator.randrange(36500))


def _cold(work: Work) -> Callable[[], Work]:
    def setup() -> Work:
        forget_calendars()
        return work

    return setup


def test_first_library_calls_from_many_threads_never_fail() -> None:
    regimes = ("foia", "eir", "foisa", "eisr", "sar")

    def work(generator: random.Random) -> None:
        for _ in range(CALLS):
            received = max(_random_day(generator), date(2005, 1, 1))  # in force (T-*-START)
            response_deadline(received, regime=generator.choice(regimes))

    assert _in_threads(6, _cold(work)) == []


def test_arithmetic_from_many_threads_matches_the_oracle() -> None:
    """Each answer is checked against the day-stepping oracle, so a half-grown span that gave a
    wrong date (rather than an error) would fail too."""
    answers: list[tuple[date, int, str, date]] = []

    def work(generator: random.Random) -> None:
        for _ in range(CALLS):
            start, n = _random_day(generator), generator.randrange(1, 60)
            regime = generator.choice(("foia", "foisa"))
            answers.append((start, n, regime, add_working_days(start, n, regime)))
            working_days_between(start, _random_day(generator), regime)

    assert _in_threads(3, _cold(work)) == []
    for start, n, regime, day in answers[:: len(answers) // 500]:
        assert day == oracle.add(start, n, oracle.REGIME_DIVISIONS[regime])


def test_one_calendar_grown_by_many_threads_at_once() -> None:
    """The calendar object itself, without the module's caches: every thread starts on the same
    cold WorkingCalendar, so the first few years are built and then the whole span, under load."""
    table = load_holiday_table()

    def setup() -> Work:
        calendar = WorkingCalendar(ALL_DIVISIONS, table)

        def work(generator: random.Random) -> None:
            for _ in range(CALLS):
                start = _random_day(generator)
                calendar.add(start, 20)
                calendar.between(start, _random_day(generator))
                calendar.is_working_day(start)

        return work

    assert _in_threads(8, setup) == []
