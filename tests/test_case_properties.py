"""The case clock against the day-stepping oracle in tests/oracle.py (issue "The case clock"):
fees pauses, clarification restarts, extensions, school closures and SAR month counts."""

from __future__ import annotations

import calendar as month_lengths
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from foiclock import DayRange, response_deadline
from tests import oracle

WORKING_DAY_REGIMES = st.sampled_from(sorted(oracle.REGIME_DIVISIONS))
# GOV.UK's years, where the oracle's holidays are independent of the package foiclock builds on.
RECEIVED = st.dates(date(2012, 1, 1), date(2028, 9, 30))
NATIONS = st.sampled_from(["england-and-wales", "scotland", "northern-ireland"])


@settings(max_examples=300, deadline=None)
@given(
    received=RECEIVED,
    regime=WORKING_DAY_REGIMES,
    notice_after=st.integers(0, 40),
    paid_after=st.integers(0, 30),
)
def test_fees_pause_moves_the_deadline_by_the_working_days_paused(
    received: date, regime: str, notice_after: int, paid_after: int
) -> None:
    divisions = oracle.REGIME_DIVISIONS[regime]
    notice = received + timedelta(days=notice_after)
    paid = notice + timedelta(days=paid_after)
    plain = response_deadline(received, regime)
    paused = response_deadline(received, regime, fees_notice=notice, fee_paid=paid)
    assert plain.due is not None and paused.due is not None
    # The oracle steps day by day, leaving out every day from the notice to the payment.
    pause_days = oracle.days_from(notice, paid)
    assert paused.due == oracle.add_skipping(received, 20, divisions, pause_days)
    assert paused.due >= plain.due  # a pause never shortens a deadline
    working_days_paused = 0
    if notice <= plain.due:
        working_days_paused = sum(
            1 for day in pause_days if day > received and oracle.is_working_day(day, divisions)
        )
    assert paused.due == (
        oracle.add(plain.due, working_days_paused, divisions) if working_days_paused else plain.due
    )
    assert paused.fees is not None
    assert paused.fees.paused_working_days == working_days_paused
    # Whatever the pause, exactly 20 steps are counted, none of them in the pause.
    counted = [step.day for step in paused.steps if step.kind == "counted"]
    assert len(counted) == 20
    assert counted[-1] == paused.due
    assert not set(counted) & pause_days
    days = [step.day for step in paused.steps]
    assert days == sorted(days)


@settings(max_examples=300, deadline=None)
@given(
    received=RECEIVED,
    regime=WORKING_DAY_REGIMES,
    asked_after=st.integers(0, 30),
    answered_after=st.integers(0, 60),
)
def test_clarification_deadline_is_the_plain_deadline_from_the_clarification(
    received: date, regime: str, asked_after: int, answered_after: int
) -> None:
    asked = received + timedelta(days=asked_after)
    answered = asked + timedelta(days=answered_after)
    deadline = response_deadline(
        received, regime, clarification_requested=asked, clarification_received=answered
    )
    divisions = oracle.REGIME_DIVISIONS[regime]
    assert deadline.due == response_deadline(answered, regime).due
    assert deadline.due == oracle.add(answered, 20, divisions)
    counted = [step for step in deadline.steps if step.kind == "counted"]
    assert [step.working_day for step in counted] == list(range(1, 21))
    assert all(step.day > answered for step in counted)


@settings(max_examples=300, deadline=None)
@given(received=RECEIVED, regime=st.sampled_from(["foia", "eir", "eisr"]))
def test_extension_lies_the_stated_working_days_after_the_original(
    received: date, regime: str
) -> None:
    """FOIA-PIT: 20 working days after the deadline; EIR-EXT/EISR-EXT: the 40th working day after
    receipt, which without pauses is also 20 after the 20th."""
    divisions = oracle.REGIME_DIVISIONS[regime]
    deadline = response_deadline(received, regime, extended=True)
    assert deadline.due is not None and deadline.extended_due is not None
    assert deadline.extended_due == oracle.add(deadline.due, 20, divisions)
    assert oracle.between(deadline.due, deadline.extended_due, divisions) == 20
    if regime != "foia":
        assert deadline.extended_due == oracle.add(received, 40, divisions)


def corresponding_date(day: date, months: int) -> date:
    """C-MONTH by hand: the same day-of-month, or the month's last day when it has none."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, month_lengths.monthrange(year, month)[1]))


@settings(max_examples=400, deadline=None)
@given(
    # Today's rules (C-MONTH, SAR-STOP, SAR-EXT) for a relevant time from T-SAR-STOP-ICO (21
    # October 2020); earlier versions have their own properties in test_law_sar_over_time.py.
    received=st.dates(date(2020, 10, 21), date(2028, 9, 30)),
    nation=NATIONS,
    stop=st.one_of(st.none(), st.tuples(st.integers(0, 20), st.integers(0, 20))),
    extended=st.booleans(),
)
def test_sar_deadline_is_a_working_day_never_before_the_corresponding_date(
    received: date, nation: str, stop: tuple[int, int] | None, extended: bool
) -> None:
    asked = answered = None
    stopped_days = 0
    if stop is not None:
        asked = received + timedelta(days=stop[0])
        answered = asked + timedelta(days=stop[1])
        stopped_days = stop[1] + 1  # both ends included (SAR-STOP)
    deadline = response_deadline(
        received,
        "sar",
        nation=nation,
        clarification_requested=asked,
        clarification_received=answered,
        extended=extended,
    )
    corresponding = corresponding_date(received, 1)
    assert deadline.due is not None
    assert oracle.is_working_day(deadline.due, (nation,))
    assert deadline.due >= corresponding
    end = corresponding + timedelta(days=stopped_days)
    assert deadline.due == oracle.first_working_day_from(end, (nation,))
    if extended:
        extended_end = corresponding_date(received, 3) + timedelta(days=stopped_days)
        assert deadline.extended_due == oracle.first_working_day_from(extended_end, (nation,))


@settings(max_examples=200, deadline=None)
@given(
    received=RECEIVED,
    closures=st.lists(st.tuples(st.integers(0, 80), st.integers(0, 40)), max_size=4),
)
def test_school_deadline_is_the_earlier_of_the_two_counts(
    received: date, closures: list[tuple[int, int]]
) -> None:
    """FOIA-SCHOOL: the 20th school day or the 60th working day, whichever comes first."""
    divisions = oracle.REGIME_DIVISIONS["foia"]
    ranges = tuple(
        DayRange(received + timedelta(days=start), received + timedelta(days=start + length))
        for start, length in closures
    )
    closed: set[date] = set()
    for closure in ranges:
        closed |= oracle.days_from(closure.first, closure.last)
    deadline = response_deadline(received, body="school", school_closed=ranges)
    school_day = oracle.add_skipping(received, 20, divisions, closed)
    sixtieth = oracle.add(received, 60, divisions)
    assert deadline.due == min(school_day, sixtieth)
    assert deadline.steps[-1].day == deadline.due
