"""`foiclock status` and `case_status`: known answers counted by hand, the CLI's text, JSON and
exit codes, and the elapsed/left/late counts against the day-stepping oracle."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from freezegun import freeze_time
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from foiclock import make_case
from foiclock.cli import app
from foiclock.clock.status import case_status
from tests import oracle

D = date
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("today", "state", "elapsed", "left", "late"),
    [
        # rules.md ex 1: received Tue 19 Aug 2025, due Wed 17 Sep (Mon 25 Aug skipped).
        # On Fri 12 Sep: Aug 20-22 (3), 26-29 (7), Sep 1-5 (12), 8-12 (17) elapsed; 15, 16, 17
        # left.
        (D(2025, 9, 12), "open", 17, 3, None),
        (D(2025, 9, 17), "due_today", 20, 0, None),
        # On Mon 22 Sep: 18, 19, 22 Sep are 3 working days overdue; 23 elapsed.
        (D(2025, 9, 22), "overdue", 23, None, 3),
        # On the day of receipt nothing has elapsed.
        (D(2025, 8, 19), "open", 0, 20, None),
    ],
)
def test_states_on_a_given_day(
    today: date, state: str, elapsed: int, left: int | None, late: int | None
) -> None:
    status = case_status(make_case(D(2025, 8, 19)), today)
    assert (status.state, status.due) == (state, D(2025, 9, 17))
    assert (status.working_days_elapsed, status.working_days_left) == (elapsed, left)
    assert status.working_days_late == late
    assert status.working_days_total == 20


def test_answered_on_time_and_late() -> None:
    # Responded Wed 10 Sep 2025: 15 working days (ex 1's count to 10 Sep); on time.
    status = case_status(make_case(D(2025, 8, 19), responded=D(2025, 9, 10)), D(2026, 1, 1))
    assert (status.state, status.working_days_elapsed) == ("answered_on_time", 15)
    # Responded Fri 19 Sep 2025: late by 2 (18, 19 Sep); 22 elapsed.
    status = case_status(make_case(D(2025, 8, 19), responded=D(2025, 9, 19)), D(2026, 1, 1))
    assert (status.state, status.working_days_late, status.working_days_elapsed) == (
        "answered_late",
        2,
        22,
    )


def test_fees_pause_does_not_count() -> None:
    # rules.md ex 11: received Mon 1 Sep 2025, notice Fri 5 Sep, paid Wed 10 Sep: due Fri 3 Oct.
    # On Fri 12 Sep: Sep 2, 3, 4 (3), then 11, 12 (5); the paused 5, 8, 9, 10 Sep do not count.
    case = make_case(D(2025, 9, 1), fees_notice=D(2025, 9, 5), fee_paid=D(2025, 9, 10))
    status = case_status(case, D(2025, 9, 12))
    assert (status.state, status.due, status.working_days_elapsed) == ("open", D(2025, 10, 3), 5)
    # Sep 15-19 (5), 22-26 (10), 29-Oct 3 (15) left.
    assert status.working_days_left == 15


def test_awaiting_states() -> None:
    case = make_case(D(2025, 8, 19), fees_notice=D(2025, 8, 26))
    status = case_status(case, D(2025, 9, 1))
    # Aug 20, 21, 22 counted; Mon 25 Aug a bank holiday; the pause began on Tue 26 Aug.
    assert (status.state, status.due, status.working_days_elapsed) == ("awaiting_fee", None, 3)
    case = make_case(D(2025, 8, 19), clarification_requested=D(2025, 8, 25))
    assert case_status(case, D(2025, 9, 1)).state == "awaiting_clarification"


def test_clarification_restart_counts_from_zero() -> None:
    # rules.md ex 12: clarification received Mon 16 Jun 2025, due Tue 15 Jul 2025. On Fri 20 Jun
    # the new count has Jun 17, 18, 19, 20: 4.
    case = make_case(
        D(2025, 6, 2),
        clarification_requested=D(2025, 6, 4),
        clarification_received=D(2025, 6, 16),
    )
    status = case_status(case, D(2025, 6, 20))
    assert (status.due, status.working_days_elapsed) == (D(2025, 7, 15), 4)
    assert case_status(case, D(2025, 6, 16)).working_days_elapsed == 0


def test_extended_case_runs_to_the_extended_deadline() -> None:
    # rules.md ex 13: extended to Wed 15 Oct 2025. On Wed 1 Oct: 30 elapsed, 10 left
    # (Oct 2, 3, 6-10, 13, 14, 15).
    status = case_status(make_case(D(2025, 8, 19), extended=True), D(2025, 10, 1))
    assert (status.state, status.due) == ("open", D(2025, 10, 15))
    assert (status.working_days_elapsed, status.working_days_left) == (30, 10)
    assert status.working_days_total == 40


def test_sar_days_left_in_calendar_days() -> None:
    # rules.md ex 23: received Wed 3 Sep 2025, due Fri 3 Oct 2025. On Sat 20 Sep: 13 days left.
    status = case_status(make_case(D(2025, 9, 3), "sar"), D(2025, 9, 20))
    assert (status.state, status.calendar_days_left) == ("open", 13)
    # Working days from 3 Sep (day 1) to 19 Sep: Sep 3-5 (3), 8-12 (8), 15-19 (13).
    assert status.working_days_elapsed == 13
    assert status.working_days_total is None


def test_cli_text_json_and_exit_codes() -> None:
    code, out, err = run("status", "2025-08-19", "--today", "2025-09-12")
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [
        "Open: 3 working days left; due Wednesday 17 September 2025",
        "  Working days elapsed on Friday 12 September 2025: 17 of 20",
    ]
    code, out, _ = run("status", "2025-08-19", "--today", "2025-09-22", "--json")
    assert code == 1  # overdue needs attention
    data = json.loads(out)
    assert (data["state"], data["due"], data["working_days_late"]) == ("overdue", "2025-09-17", 3)
    code, out, _ = run("status", "2025-08-19", "--responded", "2025-09-19")
    assert code == 1
    assert out.startswith("Answered late by 2 working days on Friday 19 September 2025")
    with freeze_time("2025-09-17"):
        code, out, _ = run("status", "2025-08-19")
    assert (code, out.splitlines()[0]) == (0, "Due today: Wednesday 17 September 2025")


def test_cli_bad_today() -> None:
    code, out, err = run("status", "2025-08-19", "--today", "08/31/2025")
    assert (code, out) == (2, "")
    assert err.startswith("foiclock: error: today: '08/31/2025'")


@settings(max_examples=200, deadline=None)
@given(
    received=st.dates(D(2012, 1, 1), D(2028, 9, 30)),
    regime=st.sampled_from(sorted(oracle.REGIME_DIVISIONS)),
    offset=st.integers(0, 60),
)
def test_elapsed_left_and_late_match_the_oracle(received: date, regime: str, offset: int) -> None:
    divisions = oracle.REGIME_DIVISIONS[regime]
    today = received + timedelta(days=offset)
    status = case_status(make_case(received, regime), today)
    due = oracle.add(received, 20, divisions)
    assert status.due == due
    # Every working day after the receipt up to today counts, before and after the deadline.
    assert status.working_days_elapsed == oracle.between(received, today, divisions)
    if today <= due:
        assert status.working_days_left == oracle.between(today, due, divisions)
        assert status.working_days_elapsed + status.working_days_left == 20
    else:
        assert status.state == "overdue"
        assert status.working_days_late == oracle.between(due, today, divisions)


@settings(max_examples=400, deadline=None)
@given(
    received=st.dates(date(2012, 1, 1), date(2028, 6, 30)),
    regime=st.sampled_from(["foia", "eir", "foisa", "eisr"]),
    next_working_day=st.booleans(),
    event=st.sampled_from(["none", "clarification", "fee"]),
    first_after=st.integers(0, 40),
    second_after=st.none() | st.integers(0, 130),
    extended=st.booleans(),
    ends=st.lists(st.integers(-3, 200), min_size=1, max_size=6),
)
def test_elapsed_by_ranges_is_what_the_steps_number(
    received: date,
    regime: str,
    next_working_day: bool,
    event: str,
    first_after: int,
    second_after: int | None,
    extended: bool,
    ends: list[int],
) -> None:
    """The elapsed count of a case with one clock event, counted over ranges, against the
    explanation's own day-by-day numbering (which it replaces for speed)."""
    from foiclock.calendar.working_days import counting_calendar
    from foiclock.clock.status import _counted_by_ranges, _elapsed_by_steps

    first = received + timedelta(days=first_after)
    second = None if second_after is None else first + timedelta(days=second_after)
    events: dict[str, object] = {"extended": extended and regime != "foisa"}
    if next_working_day:
        events["receipt_rule"] = "next-working-day"
    if event == "clarification":
        events.update(clarification_requested=first, clarification_received=second)
    elif event == "fee":
        events.update(fees_notice=first, fee_paid=second)
    deadline = case_status(make_case(received, regime, **events), date(2100, 1, 1)).deadline
    calendar = counting_calendar(regime, deadline.nation)
    due = deadline.extended_due if deadline.extension is not None else deadline.due
    for offset in ends:
        end = max(received, received + timedelta(days=offset))
        counted = _counted_by_ranges(deadline, calendar, end)
        assert counted == _elapsed_by_steps(deadline, calendar, end, due), (end, events)
