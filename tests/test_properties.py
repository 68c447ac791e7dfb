"""The engine against the day-stepping oracle in tests/oracle.py, over every supported year and
regime, plus the invariants every deadline must keep."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from foiclock import add_working_days, response_deadline, working_days_between
from tests import oracle

REGIMES = st.sampled_from(sorted(oracle.REGIME_SUBDIVISIONS))
SUPPORTED_DATES = st.dates(date(2000, 1, 1), date(2100, 12, 31))
RECEIPT_RULES = st.sampled_from(["date-of-receipt", "next-working-day"])


@settings(max_examples=400)
@given(start=SUPPORTED_DATES, n=st.integers(1, 60), regime=REGIMES)
def test_add_working_days_matches_oracle(start: date, n: int, regime: str) -> None:
    subdivisions = oracle.REGIME_SUBDIVISIONS[regime]
    assert add_working_days(start, n, regime) == oracle.add(start, n, subdivisions)


@settings(max_examples=400)
@given(start=SUPPORTED_DATES, offset=st.integers(-120, 120), regime=REGIMES)
def test_working_days_between_matches_oracle(start: date, offset: int, regime: str) -> None:
    end = start + timedelta(days=offset)
    if end.year > 2100 or end.year < 2000:
        end = start
    subdivisions = oracle.REGIME_SUBDIVISIONS[regime]
    assert working_days_between(start, end, regime) == oracle.between(start, end, subdivisions)


@settings(max_examples=400)
@given(received=SUPPORTED_DATES, regime=REGIMES, receipt_rule=RECEIPT_RULES)
def test_response_deadline_matches_oracle(received: date, regime: str, receipt_rule: str) -> None:
    subdivisions = oracle.REGIME_SUBDIVISIONS[regime]
    deadline = response_deadline(received, regime, receipt_rule=receipt_rule)
    counting_from = received
    if receipt_rule == "next-working-day" and not oracle.is_working_day(received, subdivisions):
        counting_from = oracle.add(received, 1, subdivisions)  # C-RECEIPT-ALT
    assert deadline.due == oracle.add(counting_from, 20, subdivisions)
    # The due date is a working day, with exactly 20 working days after receipt up to it.
    assert oracle.is_working_day(deadline.due, subdivisions)
    assert oracle.between(counting_from, deadline.due, subdivisions) == 20
    assert working_days_between(counting_from, deadline.due, regime) == 20
    # The explanation numbers exactly the working days the oracle finds, and nothing else.
    counted = [s.day for s in deadline.steps if s.kind == "counted"]
    assert len(counted) == 20
    assert all(oracle.is_working_day(day, subdivisions) for day in counted)
    skipped = [s.day for s in deadline.steps if s.kind == "skipped"]
    assert not any(oracle.is_working_day(day, subdivisions) for day in skipped)
    # GOV.UK's data announces holidays up to 2028; later answers are provisional.
    assert deadline.provisional == (deadline.due.year > 2028)


@settings(max_examples=300)
@given(first=SUPPORTED_DATES, gap=st.integers(0, 40), regime=REGIMES)
def test_later_receipt_never_gives_earlier_deadline(first: date, gap: int, regime: str) -> None:
    second = min(first + timedelta(days=gap), date(2100, 12, 31))
    assert response_deadline(first, regime).due <= response_deadline(second, regime).due


@settings(max_examples=300)
@given(received=SUPPORTED_DATES)
def test_foisa_never_later_than_foia(received: date) -> None:
    assert response_deadline(received, "foisa").due <= response_deadline(received, "foia").due


@settings(max_examples=300)
@given(start=SUPPORTED_DATES, n=st.integers(1, 60), regime=REGIMES)
def test_between_inverts_add(start: date, n: int, regime: str) -> None:
    assert working_days_between(start, add_working_days(start, n, regime), regime) == n
