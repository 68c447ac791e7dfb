"""The engine against the day-stepping oracle in tests/oracle.py, over every supported year and
regime, plus the invariants every deadline must keep."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foiclock import InvalidInput, add_working_days, response_deadline, working_days_between
from foiclock.calendar.calendars import WorkingCalendar
from foiclock.calendar.table import load_holiday_table
from tests import oracle

REGIMES = st.sampled_from(sorted(oracle.REGIME_DIVISIONS))
SUPPORTED_DATES = st.dates(date(2000, 1, 1), date(2100, 12, 31))
#: Receipts with a deadline: the FOI regimes are in force from 1 January 2005 (T-*-START).
RECEIPT_DATES = st.dates(date(2005, 1, 1), date(2100, 12, 31))
RECEIPT_RULES = st.sampled_from(["date-of-receipt", "next-working-day"])


@settings(max_examples=400)
@given(start=SUPPORTED_DATES, n=st.integers(1, 60), regime=REGIMES)
def test_add_working_days_matches_oracle(start: date, n: int, regime: str) -> None:
    divisions = oracle.REGIME_DIVISIONS[regime]
    assert add_working_days(start, n, regime) == oracle.add(start, n, divisions)


@settings(max_examples=400)
@given(start=SUPPORTED_DATES, n=st.integers(-60, 0), regime=REGIMES)
def test_add_working_days_counts_back_and_zero_is_the_start(
    start: date, n: int, regime: str
) -> None:
    """issue "Green and robust": n = 0 is the start, a negative n the |n|th working day before
    it (C-WD read backwards: the start never counts)."""
    divisions = oracle.REGIME_DIVISIONS[regime]
    if start < date(2000, 4, 1):
        start += timedelta(days=120)  # the calendar starts on 1 January 2000
    expected = oracle.add_signed(start, n, divisions)
    assert add_working_days(start, n, regime) == expected
    if n < 0:  # a working day, with |n| - 1 working days between it and the start
        assert oracle.is_working_day(expected, divisions)
        assert oracle.between(expected, start - timedelta(days=1), divisions) == -n - 1


@settings(max_examples=200)
@given(start=SUPPORTED_DATES, n=st.integers(-60, 60), regime=REGIMES)
def test_cli_add_matches_the_oracle_for_any_sign(start: date, n: int, regime: str) -> None:
    """`foiclock add START N` with N signed, as typed (`-20`), against the oracle."""
    from typer.testing import CliRunner

    from foiclock.cli import app

    if start < date(2000, 4, 1):
        start += timedelta(days=120)
    result = CliRunner().invoke(app, ["add", start.isoformat(), str(n), "-r", regime, "--json"])
    assert result.exit_code == 0, result.output
    assert (
        f'"date": "{oracle.add_signed(start, n, oracle.REGIME_DIVISIONS[regime])}"' in result.stdout
    )


@settings(max_examples=400)
@given(
    start=SUPPORTED_DATES,
    offset=st.one_of(st.integers(-120, 120), st.integers(-4000, 4000)),
    regime=REGIMES,
)
def test_working_days_between_matches_oracle(start: date, offset: int, regime: str) -> None:
    end = start + timedelta(days=offset)
    if end.year > 2100 or end.year < 2000:
        end = start
    divisions = oracle.REGIME_DIVISIONS[regime]
    assert working_days_between(start, end, regime) == oracle.between(start, end, divisions)


@settings(max_examples=400)
@given(received=RECEIPT_DATES, regime=REGIMES, receipt_rule=RECEIPT_RULES)
def test_response_deadline_matches_oracle(received: date, regime: str, receipt_rule: str) -> None:
    divisions = oracle.REGIME_DIVISIONS[regime]
    deadline = response_deadline(received, regime, receipt_rule=receipt_rule)
    counting_from = received
    if receipt_rule == "next-working-day" and not oracle.is_working_day(received, divisions):
        counting_from = oracle.add(received, 1, divisions)  # C-RECEIPT-ALT
    assert deadline.due == oracle.add(counting_from, 20, divisions)
    # The due date is a working day, with exactly 20 working days after receipt up to it.
    assert oracle.is_working_day(deadline.due, divisions)
    assert oracle.between(counting_from, deadline.due, divisions) == 20
    assert working_days_between(counting_from, deadline.due, regime) == 20
    # The explanation numbers exactly the working days the oracle finds, and nothing else.
    counted = [s.day for s in deadline.steps if s.kind == "counted"]
    assert len(counted) == 20
    assert all(oracle.is_working_day(day, divisions) for day in counted)
    skipped = [s.day for s in deadline.steps if s.kind == "skipped"]
    assert not any(oracle.is_working_day(day, divisions) for day in skipped)
    # GOV.UK's data announces holidays up to 2028; later answers are provisional.
    assert deadline.provisional == (deadline.due.year > 2028)


@settings(max_examples=300)
@given(first=RECEIPT_DATES, gap=st.integers(0, 40), regime=REGIMES)
def test_later_receipt_never_gives_earlier_deadline(first: date, gap: int, regime: str) -> None:
    second = min(first + timedelta(days=gap), date(2100, 12, 31))
    assert response_deadline(first, regime).due <= response_deadline(second, regime).due


@settings(max_examples=300)
@given(received=RECEIPT_DATES)
def test_foisa_never_later_than_foia(received: date) -> None:
    assert response_deadline(received, "foisa").due <= response_deadline(received, "foia").due


@settings(max_examples=300)
@given(start=SUPPORTED_DATES, n=st.integers(1, 60), regime=REGIMES)
def test_between_inverts_add(start: date, n: int, regime: str) -> None:
    assert working_days_between(start, add_working_days(start, n, regime), regime) == n


QUERIES = st.lists(
    st.tuples(SUPPORTED_DATES, st.integers(1, 300), st.integers(-1500, 1500)),
    min_size=1,
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(queries=QUERIES, regime=REGIMES)
def test_fresh_calendar_answers_any_order_of_queries(
    queries: list[tuple[date, int, int]], regime: str
) -> None:
    """A calendar starts with the years around its first query and grows to the whole span on a
    later query outside them: whatever the order, every answer matches the oracle."""
    divisions = oracle.REGIME_DIVISIONS[regime]
    calendar = WorkingCalendar(divisions, load_holiday_table())
    for start, n, offset in queries:
        other = min(max(start + timedelta(days=offset), date(2000, 1, 1)), date(2100, 12, 31))
        expected = oracle.add(start, n, divisions)
        if expected > date(2101, 12, 31):  # past the calendar's end: a clear error, not a date
            with pytest.raises(InvalidInput):
                calendar.add(start, n)
        else:
            assert calendar.add(start, n) == expected
        assert calendar.between(start, other) == oracle.between(start, other, divisions)
