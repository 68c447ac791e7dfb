"""The windows after the response against the day-stepping oracle in tests/oracle.py: every
working-day window is the Nth working day after its anchor, the calendar-day windows are the
anchor plus N days (the Tribunal's rolled to an England-and-Wales working day), and states
follow the dates."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from foiclock import make_case
from foiclock.clock.timeline import case_timeline, timeline_from_events
from tests import oracle

RESPONDED = st.dates(date(2012, 1, 1), date(2028, 6, 30))
REGIMES = st.sampled_from(["foia", "eir", "foisa", "eisr"])
ENGLAND_AND_WALES = ("england-and-wales",)
REVIEW_WORKING_DAYS = {"foia": 20, "eir": 40, "foisa": 20, "eisr": 20}


@settings(max_examples=300, deadline=None)
@given(
    regime=REGIMES,
    responded=RESPONDED,
    asked_after=st.integers(0, 70),
    answered_after=st.integers(0, 70),
    notice_after=st.integers(0, 100),
)
def test_windows_from_the_events_match_the_oracle(
    regime: str, responded: date, asked_after: int, answered_after: int, notice_after: int
) -> None:
    divisions = oracle.REGIME_DIVISIONS[regime]
    requested = responded + timedelta(days=asked_after)
    outcome = requested + timedelta(days=answered_after)
    notice = outcome + timedelta(days=notice_after)
    tl = timeline_from_events(
        None,
        regime,
        responded=responded,
        review_requested=requested,
        review_responded=outcome,
        decision_notice=notice,
        today=notice,
    )
    dates = {m.key: m.date for m in tl.milestones}
    if regime != "foisa":  # FOISA's statute date needs the response deadline
        assert dates["review_request_by"] == oracle.review_ask_by(regime, responded, divisions)
    else:
        assert dates["review_request_by_safe"] == oracle.add(responded, 40, divisions)
    review_days = REVIEW_WORKING_DAYS[regime]
    if regime == "foisa":  # T-COVID-FOISA: s21's 20 read as 60 for an outcome in the window
        review_days = oracle.foisa_limit(regime, requested, outcome)
    review_due = oracle.add(requested, review_days, divisions)
    assert dates["review_response_due"] == review_due
    if regime == "foia":
        assert dates["review_response_due_longest"] == oracle.add(requested, 40, divisions)
    if regime in ("foia", "eir"):
        assert dates["commissioner_complaint_by"] == outcome + timedelta(days=42)
        rolled = oracle.first_working_day_from(notice + timedelta(days=28), ENGLAND_AND_WALES)
        assert dates["tribunal_appeal_by"] == rolled
    else:
        assert dates["court_appeal_by"] == notice + timedelta(days=42)
    milestone = tl.get("review_response_due")
    assert milestone is not None
    if outcome <= review_due:
        assert milestone.state == "met"
    else:
        assert milestone.state == "late"
        assert milestone.working_days_late == oracle.between(review_due, outcome, divisions)


@settings(max_examples=200, deadline=None)
@given(
    regime=REGIMES,
    received=st.dates(date(2012, 1, 1), date(2028, 3, 31)),
    answered_after=st.integers(1, 60),
)
def test_review_request_windows_from_the_response_deadline(
    regime: str, received: date, answered_after: int
) -> None:
    divisions = oracle.REGIME_DIVISIONS[regime]
    responded = received + timedelta(days=answered_after)
    due = oracle.add(received, oracle.foisa_limit(regime, received, responded), divisions)
    tl = case_timeline(make_case(received, regime, responded=responded), responded)
    by = tl.get("review_request_by")
    assert by is not None
    if regime == "foisa":
        # FOISA-RR-REQ: 40 WD after the expiry, or after the answer when it came late.
        assert by.date == oracle.add(max(due, responded), 40, divisions)
    else:
        assert by.date == oracle.review_ask_by(regime, responded, divisions)
    # Without a response, the EIR and EISR windows count from the deadline.
    if regime in ("eir", "eisr"):
        silent = case_timeline(make_case(received, regime), responded)
        assert silent.get("review_request_by").date == oracle.add(due, 40, divisions)  # type: ignore[union-attr]
    response = tl.get("response_due")
    assert response is not None and response.date == due
    if responded > due:
        assert (response.state, response.working_days_late) == (
            "late",
            oracle.between(due, responded, divisions),
        )
    else:
        assert response.state == "met"


@settings(max_examples=200, deadline=None)
@given(regime=REGIMES, responded=RESPONDED, today_after=st.integers(0, 90))
def test_requester_window_state_follows_the_date(
    regime: str, responded: date, today_after: int
) -> None:
    divisions = oracle.REGIME_DIVISIONS[regime]
    today = responded + timedelta(days=today_after)
    tl = timeline_from_events(None, regime, responded=responded, today=today)
    key = "review_request_by_safe" if regime == "foisa" else "review_request_by"
    milestone = tl.get(key)
    assert milestone is not None
    last = oracle.review_ask_by(regime, responded, divisions)
    if last is None:  # T-IR-2004: no Code date to ask by
        assert (milestone.date, milestone.state) == (None, "no_date")
    elif today < last:
        assert (milestone.state, milestone.days_left) == (
            "open",
            oracle.between(today, last, divisions),
        )
    elif today == last:
        assert milestone.state == "last_day"
    else:
        assert milestone.state == "closed"
