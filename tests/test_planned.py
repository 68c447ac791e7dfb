"""Planning ahead (issue "Green and robust", section 2): a date the user gave is never ignored.
Every date is counted from every event, whatever --today is; only the states are judged on it:
an event after --today is `planned`, a window it opens is not yet open (`not_yet`), and a case
received after --today is `not_yet_received`, in the library, `status`, `timeline`, `appeal` and
`batch`, in every output format.

The known answers are rules.md's worked examples, or counts written out by hand beside them.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from typer.testing import CliRunner

from foiclock import InvalidInput, answer_row, make_case
from foiclock.batch.rows import case_answer
from foiclock.cli import app
from foiclock.clock.status import case_status
from foiclock.clock.timeline import Timeline, case_timeline, timeline_from_events

runner = CliRunner()
D = date

SEED = date(2025, 8, 19)  # rules.md ex 1: received Tue 19 Aug 2025, due Wed 17 Sep 2025
SEED_DUE = date(2025, 9, 17)  # the 20th working day after it, Mon 25 Aug (England) skipped
RESPONDED = date(2025, 9, 16)  # rules.md ex 15: a response on Tue 16 Sep 2025 ...
REVIEW_BY = date(2025, 11, 11)  # ... the review can be asked for until Tue 11 Nov (FOIA-IR-REQ)


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def states(timeline: Timeline) -> dict[str, tuple[date | None, str, int | None]]:
    return {m.key: (m.date, m.state, m.days_left) for m in timeline.milestones}


# --- a case received after --today ----------------------------------------------------------


def test_a_case_received_after_today_is_not_yet_received_with_its_deadline() -> None:
    # On Fri 1 Aug 2025 the request of Tue 19 Aug has not arrived: no working day has counted,
    # all 20 are still to count, and the deadline is ex 1's Wed 17 Sep. Calendar days from
    # 1 Aug to 17 Sep: 30 left in August, then 17: 47.
    status = case_status(make_case(SEED), D(2025, 8, 1))
    assert status.state == "not_yet_received"
    assert status.due == SEED_DUE
    assert (status.working_days_elapsed, status.working_days_total) == (0, 20)
    assert (status.working_days_left, status.calendar_days_left) == (20, 47)
    assert (status.working_days_late, status.days_late) == (None, None)


def test_status_cli_for_a_case_not_yet_received_is_no_error() -> None:
    # README "Exit codes": 1 is for overdue or answered late, 2 for bad input; a case still to
    # arrive is neither.
    code, out, err = run("status", "2025-08-19", "--today", "2025-08-01")
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [
        "Not yet received on Friday 1 August 2025: planned for Tuesday 19 August 2025",
        "  Response due: Wednesday 17 September 2025",
    ]
    assert "  Working days elapsed on Friday 1 August 2025: 0 of 20" in out.splitlines()
    code, out, _ = run("status", "2025-08-19", "--today", "2025-08-01", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["state"], data["due"], data["received"]) == (
        "not_yet_received",
        "2025-09-17",
        "2025-08-19",
    )
    assert (data["working_days_elapsed"], data["working_days_left"]) == (0, 20)


def test_status_in_welsh_for_a_case_not_yet_received() -> None:
    code, out, _ = run("--lang", "cy", "status", "2025-08-19", "--today", "2025-08-01")
    assert code == 0
    assert out.startswith("Heb ei dderbyn eto erbyn ")


def test_timeline_of_a_case_received_after_today() -> None:
    # The receipt is planned; the response deadline (ex 1) is not open until it arrives: 18
    # days from Fri 1 Aug to Tue 19 Aug.
    tl = case_timeline(make_case(SEED), D(2025, 8, 1))
    found = states(tl)
    assert found["received"] == (SEED, "planned", None)
    assert found["response_due"] == (SEED_DUE, "not_yet", 18)
    # FOIA-PIT, ex 13: Wed 15 Oct 2025, not taken.
    assert found["response_due_extended"] == (D(2025, 10, 15), "if_extended", None)
    assert tl.planned == ()  # the receipt is said by its milestone's state


def test_extended_case_received_after_today() -> None:
    # ex 13: extended, due Wed 15 Oct 2025; not open before the receipt.
    tl = case_timeline(make_case(SEED, extended=True), D(2025, 8, 1))
    found = states(tl)
    assert found["response_due"][:2] == (SEED_DUE, "extended")
    assert found["response_due_extended"] == (D(2025, 10, 15), "not_yet", 18)
    status = case_status(make_case(SEED, extended=True), D(2025, 8, 1))
    assert (status.state, status.due) == ("not_yet_received", D(2025, 10, 15))


# --- an event after --today -------------------------------------------------------------------


def test_a_response_after_today_is_planned_and_the_review_window_not_yet_open() -> None:
    # On Mon 1 Sep 2025 the response planned for Tue 16 Sep has not been issued. The deadline
    # (ex 1) is open: working days after 1 Sep up to 17 Sep: 2-5 (4), 8-12 (9), 15-17 (12). The
    # review window (FOIA-IR-REQ, ex 15) opens with the response, 15 days after 1 Sep, and its
    # last day is Tue 11 Nov all the same.
    case = make_case(SEED, responded=RESPONDED)
    tl = case_timeline(case, D(2025, 9, 1))
    found = states(tl)
    assert found["received"] == (SEED, "done", None)
    assert found["responded"] == (RESPONDED, "planned", None)
    assert found["response_due"] == (SEED_DUE, "open", 12)
    assert found["review_request_by"] == (REVIEW_BY, "not_yet", 15)
    assert [(e.key, e.date) for e in tl.planned] == [("responded", RESPONDED)]
    status = case_status(case, D(2025, 9, 1))
    assert (status.state, status.due, status.working_days_left) == ("open", SEED_DUE, 12)
    # Elapsed by 1 Sep: Aug 20-22 (3), 26-29 (7), Sep 1 (8).
    assert status.working_days_elapsed == 8
    assert status.responded is None


def test_the_same_case_after_every_event_gives_the_same_dates() -> None:
    # On Mon 1 Dec 2025 the response of 16 Sep is done: met, and the review window closed on
    # 11 Nov; the dates are those of 1 Sep.
    case = make_case(SEED, responded=RESPONDED)
    before, after = case_timeline(case, D(2025, 9, 1)), case_timeline(case, D(2025, 12, 1))
    assert [(m.key, m.date) for m in before.milestones] == [
        (m.key, m.date) for m in after.milestones
    ]
    found = states(after)
    assert found["responded"][1] == "done"
    assert found["response_due"][1] == "met"
    assert found["review_request_by"][1] == "closed"


def test_review_events_after_today() -> None:
    # ex 16: review asked Wed 1 Oct 2025 -> outcome due Wed 29 Oct, at the latest Wed 26 Nov;
    # the ICO may be asked from the day after: Thu 27 Nov. On Mon 22 Sep the request is planned
    # (9 days away), so the body's review deadlines are not open yet; an outcome planned for
    # 20 Oct does not make the ICO window "not needed" before it comes.
    case = make_case(
        SEED,
        responded=RESPONDED,
        review_requested=D(2025, 10, 1),
        review_responded=D(2025, 10, 20),
    )
    found = states(case_timeline(case, D(2025, 9, 22)))
    assert found["responded"][1] == "done"
    # Not asked yet on 22 Sep: the window is open. Working days after 22 Sep up to 11 Nov:
    # Sep 23-26 (4), Sep 29-Oct 3 (9), Oct 6-10 (14), 13-17 (19), 20-24 (24), 27-31 (29),
    # Nov 3-7 (34), 10-11 (36); no bank holiday in any part of the UK between.
    assert found["review_request_by"] == (REVIEW_BY, "open", 36)
    assert found["review_requested"][:2] == (D(2025, 10, 1), "planned")
    assert found["review_response_due"] == (D(2025, 10, 29), "not_yet", 9)
    assert found["review_response_due_longest"] == (D(2025, 11, 26), "not_yet", 9)
    assert found["review_responded"][:2] == (D(2025, 10, 20), "planned")
    # FOIA-ICO, ex 33 shape: six weeks (42 days) after the outcome of Mon 20 Oct: Mon 1 Dec;
    # not open until the outcome, 28 days after 22 Sep.
    assert found["commissioner_complaint_by"] == (D(2025, 12, 1), "not_yet", 28)
    assert found["commissioner_complaint_from"] == (D(2025, 11, 27), "not_yet", 66)


def test_requester_view_with_a_planned_response() -> None:
    # `appeal`: only the response date, planned for 16 Sep; on 1 Sep the window is not open.
    tl = timeline_from_events(None, "foia", responded=RESPONDED, today=D(2025, 9, 1))
    review = tl.get("review_request_by")
    assert review is not None
    assert (review.date, review.state, review.days_left) == (REVIEW_BY, "not_yet", 15)
    code, out, _ = run("appeal", "--responded", "2025-09-16", "--today", "2025-09-01")
    assert code == 0
    text = " ".join(out.split())
    assert (
        "Opening later: Ask for an internal review by Tuesday 11 November 2025: not yet open"
        in text
    )
    assert "Planned after Monday 1 September 2025 (every date counts them): --responded" in text


def test_if_the_answer_comes_on_10_december() -> None:
    # "If the answer comes on Wed 10 Dec 2025, when must I ask for a review?" FOIA-IR-REQ: the
    # 40th working day after it (WD-UK): Dec 11-12 (2), 15-19 (7), 22-24 (10), 25 and 26 Dec
    # skipped, 29-31 (13), 1 Jan and Scotland's Fri 2 Jan skipped, Jan 5-9 (18), 12-16 (23),
    # 19-23 (28), 26-30 (33), Feb 2-6 (38), Mon 9 (39), Tue 10 Feb 2026 (40). Asked on Mon
    # 1 Dec, the window opens in 9 days.
    tl = timeline_from_events(None, "foia", responded=D(2025, 12, 10), today=D(2025, 12, 1))
    assert states(tl)["review_request_by"] == (D(2026, 2, 10), "not_yet", 9)
    code, out, _ = run("appeal", "--responded", "2025-12-10", "--today", "2025-12-01")
    assert code == 0
    assert "Ask for an internal review by Tuesday 10 February 2026: not yet open" in " ".join(
        out.split()
    )


def test_a_planned_clarification_restarts_the_count() -> None:
    # ex 12: received Mon 2 Jun 2025, clarification received Mon 16 Jun -> due Tue 15 Jul (the
    # count restarts; Mon 14 Jul, NI's Boyne substitute, skipped). Asked for on Thu 5 Jun. On
    # Tue 3 Jun nothing has been asked yet: the clock runs (1 day counted, 3 Jun), and after
    # the restart all 20 are still to count. 42 calendar days from 3 Jun to 15 Jul.
    case = make_case(
        D(2025, 6, 2),
        clarification_requested=D(2025, 6, 5),
        clarification_received=D(2025, 6, 16),
    )
    status = case_status(case, D(2025, 6, 3))
    assert (status.state, status.due) == ("open", D(2025, 7, 15))
    assert (status.working_days_elapsed, status.working_days_left) == (1, 20)
    assert status.calendar_days_left == 42
    assert [p.key for p in status.planned] == ["clarification_requested", "clarification_received"]
    # On Tue 10 Jun it was asked for and has not arrived: the clock waits; the date stands.
    status = case_status(case, D(2025, 6, 10))
    assert (status.state, status.due) == ("awaiting_clarification", D(2025, 7, 15))
    tl = case_timeline(case, D(2025, 6, 10))
    assert states(tl)["response_due"][:2] == (D(2025, 7, 15), "open")


def test_a_planned_fee_pause() -> None:
    # ex 11: received Mon 1 Sep 2025, fees notice Fri 5 Sep, paid Wed 10 Sep -> due Fri 3 Oct.
    # On Wed 3 Sep: 2 counted (2, 3 Sep); the paused days (5, 8, 9, 10 Sep) will not count, so
    # 18 are still to count. On Mon 8 Sep the clock is paused for the fee.
    case = make_case(D(2025, 9, 1), fees_notice=D(2025, 9, 5), fee_paid=D(2025, 9, 10))
    status = case_status(case, D(2025, 9, 3))
    assert (status.state, status.due) == ("open", D(2025, 10, 3))
    assert (status.working_days_elapsed, status.working_days_left) == (2, 18)
    status = case_status(case, D(2025, 9, 8))
    assert (status.state, status.due) == ("awaiting_fee", D(2025, 10, 3))
    code, out, _ = run(
        "status",
        "2025-09-01",
        "--fees-notice",
        "2025-09-05",
        "--fee-paid",
        "2025-09-10",
        "--today",
        "2025-09-08",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert (data["state"], data["due"]) == ("awaiting_fee", "2025-10-03")
    assert data["planned"] == data["left_out"] == [{"key": "fee_paid", "date": "2025-09-10"}]


# --- both: received and answered after --today --------------------------------------------------


def test_received_and_answered_after_today() -> None:
    # On Fri 1 Aug 2025 both the receipt (18 days away) and the response (46 days: 30 in
    # August, then 16) are planned; every date is ex 1's and ex 15's.
    case = make_case(SEED, responded=RESPONDED)
    found = states(case_timeline(case, D(2025, 8, 1)))
    assert found["received"] == (SEED, "planned", None)
    assert found["responded"] == (RESPONDED, "planned", None)
    assert found["response_due"] == (SEED_DUE, "not_yet", 18)
    assert found["review_request_by"] == (REVIEW_BY, "not_yet", 46)
    status = case_status(case, D(2025, 8, 1))
    assert (status.state, status.due, status.responded) == ("not_yet_received", SEED_DUE, None)
    row = answer_row({"received": "2025-08-19", "responded": "2025-09-16"}, today=D(2025, 8, 1))
    assert (row.status, row.due, row.review_request_by) == ("not_yet_received", SEED_DUE, REVIEW_BY)
    assert (row.working_days_elapsed, row.working_days_late, row.error) == (0, None, None)


def test_timeline_outputs_say_planned_and_not_yet_open() -> None:
    args = ["timeline", "2025-08-19", "--responded", "2025-09-16", "--today", "2025-08-01"]
    code, out, _ = run(*args)
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == ("Planned after Friday 1 August 2025 (every date counts them): --responded")
    assert "Tue 19 Aug 2025  Request received                   planned" in lines
    assert "Tue 16 Sep 2025  Response issued                    planned" in lines
    assert (
        "Wed 17 Sep 2025  Response due                       not yet open, opens in 18 days"
        in lines
    )
    code, out, _ = run(*args, "--json")
    data = json.loads(out)
    assert data["planned"] == data["left_out"] == [{"key": "responded", "date": "2025-09-16"}]
    by_key = {m["key"]: m for m in data["milestones"]}
    assert by_key["received"]["state"] == "planned"
    assert (by_key["review_request_by"]["date"], by_key["review_request_by"]["state"]) == (
        "2025-11-11",
        "not_yet",
    )
    code, out, _ = run(*args, "--format", "csv")
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(out))}
    assert (rows["responded"]["date"], rows["responded"]["state"]) == ("2025-09-16", "planned")
    assert (rows["response_due"]["state"], rows["response_due"]["days_left"]) == ("not_yet", "18")
    code, out, _ = run(*args, "--format", "md")
    assert "| Tue 16 Sep 2025 | Response issued | planned |" in out
    assert (
        "| Tue 11 Nov 2025 | Ask for an internal review by | not yet open, opens in 46 days |"
        in out
    )


def test_ics_marks_planned_events_and_reminds_of_windows_not_yet_open() -> None:
    args = ["timeline", "2025-08-19", "--responded", "2025-09-16", "--today", "2025-08-01"]
    result = runner.invoke(app, [*args, "-f", "ics"])
    assert result.exit_code == 0
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(result.stdout_bytes).walk("VEVENT")}
    assert "FOIA: Request received (planned)" in events
    assert "FOIA: Response issued (planned)" in events
    assert events["FOIA: Response issued (planned)"].walk("VALARM") == []
    assert events["FOIA: Response due"].walk("VALARM") != []
    assert events["FOIA: Ask for an internal review by"].walk("VALARM") != []


# --- batch ----------------------------------------------------------------------------------------


def test_batch_rows_received_after_today_get_their_dates(tmp_path: Path) -> None:
    # Row 1 arrives after --today (Fri 1 Aug 2025), row 2 too with a planned answer, row 3 was
    # received on Fri 1 Aug itself: due Tue 2 Sep (Mon 4 Aug, Scotland, and Mon 25 Aug skipped:
    # Aug 5-8 (4), 11-15 (9), 18-22 (14), 26-29 (18), Sep 1-2 (20)), open on the day.
    source = tmp_path / "in.csv"
    source.write_text(
        "case_id,received,responded\nA,2025-08-19,\nB,2025-08-19,2025-09-16\nC,2025-08-01,\n",
        encoding="utf-8",
    )
    code, out, err = run("batch", str(source), "--today", "2025-08-01")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    found = [
        (r["status"], r["due"], r["working_days_elapsed"], r["review_request_by"], r["error"])
        for r in rows
    ]
    assert found == [
        ("not_yet_received", "2025-09-17", "0", "", ""),
        ("not_yet_received", "2025-09-17", "0", "2025-11-11", ""),
        ("open", "2025-09-02", "0", "", ""),
    ]
    assert err.splitlines() == ["foiclock: 3 rows: 2 not_yet_received, 1 open"]


def test_batch_jsonl_row_received_after_today(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"received": "2025-08-19", "clarification_requested": "2025-08-22", '
        '"clarification_received": "2025-09-01"}\n',
        encoding="utf-8",
    )
    code, out, _ = run("batch", str(source), "--today", "2025-08-01")
    assert code == 0
    row = json.loads(out)
    # The count restarts from Mon 1 Sep (FOIA-CLAR): Sep 2-5 (4), 8-12 (9), 15-19 (14), 22-26
    # (19), Mon 29 Sep (20).
    assert (row["status"], row["due"], row["error"]) == ("not_yet_received", "2025-09-29", None)


def test_answer_row_of_a_row_received_after_today() -> None:
    row = answer_row({"received": "19/08/2025"}, today=D(2025, 8, 1))
    assert (row.status, row.due, row.rule, row.error) == (
        "not_yet_received",
        SEED_DUE,
        "FOIA-RESP",
        None,
    )


# --- the property: dates do not depend on --today ------------------------------------------------

REGIMES = st.sampled_from(["foia", "eir", "foisa", "eisr", "sar"])
GAP = st.none() | st.integers(0, 40)


def _after(day: date | None, gap: int | None) -> date | None:
    return None if day is None or gap is None else day + timedelta(days=gap)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    regime=REGIMES,
    received=st.dates(date(2012, 1, 1), date(2027, 6, 30)),
    ask=GAP,
    answer=GAP,
    notice=GAP,
    paid=GAP,
    extended=st.booleans(),
    responded=GAP,
    review=GAP,
    outcome=GAP,
    decision=GAP,
    today_offset=st.integers(-60, 300),
)
def test_dates_do_not_depend_on_today(
    regime: str,
    received: date,
    ask: int | None,
    answer: int | None,
    notice: int | None,
    paid: int | None,
    extended: bool,
    responded: int | None,
    review: int | None,
    outcome: int | None,
    decision: int | None,
    today_offset: int,
) -> None:
    asked = _after(received, ask)
    noticed = _after(received, notice)
    answered = _after(received, responded)
    reviewed = _after(answered, review)
    outcome_day = _after(reviewed, outcome)
    events = {
        "clarification_requested": asked,
        "clarification_received": _after(asked, answer),
        "fees_notice": noticed,
        "fee_paid": _after(noticed, paid),
        "extended": extended,
        "responded": answered,
        "review_requested": reviewed,
        "review_responded": outcome_day,
        "decision_notice": _after(outcome_day, decision),
    }
    try:
        case = make_case(received, regime, **events)  # type: ignore[arg-type]
    except InvalidInput:
        assume(False)
        return
    given_days = [d for d in events.values() if isinstance(d, date)]
    after_all = max([received, *given_days]) + timedelta(days=1)
    today = received + timedelta(days=today_offset)
    early, late = case_timeline(case, today), case_timeline(case, after_all)
    assert {m.key: m.date for m in early.milestones} == {m.key: m.date for m in late.milestones}
    assert late.planned == ()
    assert not {m.state for m in late.milestones} & {"planned", "not_yet_received"}
    first, last = case_status(case, today), case_status(case, after_all)
    assert (first.due, first.working_days_total) == (last.due, last.working_days_total)
    assert (first.deadline.due, first.deadline.extended_due) == (
        last.deadline.due,
        last.deadline.extended_due,
    )
    early_row, late_row = case_answer(case, today), case_answer(case, after_all)
    assert (early_row.due, early_row.extended_due, early_row.review_request_by) == (
        late_row.due,
        late_row.extended_due,
        late_row.review_request_by,
    )
    assert early_row.rule == late_row.rule
    if today < received:
        assert first.state == early_row.status == "not_yet_received"
