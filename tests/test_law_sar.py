"""Subject access as settled on 2026-12-01 (issue "The law as settled on 2026-12-01"): rules.md
section 7, `SAR-STOP` (a), (b), (c), `SAR-WORDS`, `SAR-CTRL` and `SAR-ICO`. Every date below is
counted by hand in its comment (calendar: England and Wales, GOV.UK data), never taken from the
code's own output."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock import InvalidInput, make_case, response_deadline
from foiclock.cli import app
from foiclock.clock.status import case_status
from foiclock.clock.timeline import case_timeline, requester_windows, timeline_from_events
from tests.test_welsh_coverage import (  # noqa: F401 - marked is a fixture
    assert_every_word_comes_from_the_catalogue,
    marked,
)

D = date
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def flat(text: str) -> str:
    """Text with its folded lines joined, to search for a sentence."""
    return " ".join(text.split())


def when(tl, key):  # type: ignore[no-untyped-def]
    milestone = tl.get(key)
    assert milestone is not None, key
    return milestone


# --- SAR-STOP -------------------------------------------------------------------------------


def test_example_30_still_holds() -> None:
    # rules.md ex 30: received Mon 2 Mar 2026; asked Thu 5 Mar, answered Thu 12 Mar: 5-12 Mar is
    # 8 days; one month on is Thu 2 Apr, + 8 = Fri 10 Apr 2026, a working day.
    deadline = response_deadline(
        D(2026, 3, 2),
        "sar",
        clarification_requested=D(2026, 3, 5),
        clarification_received=D(2026, 3, 12),
    )
    assert deadline.due == D(2026, 4, 10)
    assert deadline.clarification is not None
    assert deadline.clarification.stopped_days == 8
    assert deadline.notes == ()


def test_a_stop_asked_before_the_relevant_time_counts_from_it() -> None:
    # SAR-STOP (a): received Mon 2 Mar 2026, clarification asked Thu 5 Mar, identity information
    # Mon 9 Mar (the relevant time, SAR-START), clarification answered Thu 12 Mar. Only 9-12 Mar
    # count: 4 days. One month from 9 Mar is Thu 9 Apr, + 4 = Mon 13 Apr 2026, a working day
    # (Easter Monday was 6 Apr). Counting from the ask (8 days) would give Fri 17 Apr.
    deadline = response_deadline(
        D(2026, 3, 2),
        "sar",
        id_received=D(2026, 3, 9),
        clarification_requested=D(2026, 3, 5),
        clarification_received=D(2026, 3, 12),
    )
    assert deadline.due == D(2026, 4, 13)
    assert deadline.clarification is not None
    assert deadline.clarification.stopped_days == 4
    assert any("before the relevant time" in note for note in deadline.notes)


def test_a_stop_that_ends_before_the_relevant_time_stops_nothing() -> None:
    # SAR-STOP (a): asked Tue 3 Mar, answered Wed 4 Mar, identity Mon 9 Mar: no stopped day is on
    # or after the relevant time; one month from 9 Mar is Thu 9 Apr 2026.
    deadline = response_deadline(
        D(2026, 3, 2),
        "sar",
        id_received=D(2026, 3, 9),
        clarification_requested=D(2026, 3, 3),
        clarification_received=D(2026, 3, 4),
    )
    assert deadline.due == D(2026, 4, 9)
    assert deadline.clarification is not None
    assert deadline.clarification.stopped_days == 0
    assert any("it stops nothing" in note for note in deadline.notes)
    asked = next(step for step in deadline.steps if step.day == D(2026, 3, 3))
    assert asked.kind == "event"


def test_b_a_stop_asked_after_the_corresponding_date_stops_nothing() -> None:
    # SAR-STOP (b): received Thu 3 Apr 2025; one month on is Sat 3 May; Sun 4 May, and Mon 5 May
    # (early May bank holiday) are not working days: due Tue 6 May 2025. Asked Sun 4 May (after
    # 3 May, before 6 May), answered Fri 9 May: no stop, so still Tue 6 May. The old count
    # stopped 4-9 May (6 days): 3 May + 6 = Fri 9 May.
    deadline = response_deadline(
        D(2025, 4, 3),
        "sar",
        clarification_requested=D(2025, 5, 4),
        clarification_received=D(2025, 5, 9),
    )
    assert (deadline.state, deadline.due) == ("running", D(2025, 5, 6))
    assert deadline.clarification is not None
    assert deadline.clarification.stopped_days == 0
    assert len(deadline.notes) == 1
    assert "the roll to a working day is ICO practice (SAR-STOP)" in deadline.notes[0]
    _, out, _ = run(
        "due", "2025-04-03", "-r", "sar", "--clarification-requested", "2025-05-04", "--explain"
    )
    text = flat(out)
    assert text.startswith("Response due: Tuesday 6 May 2025")
    assert "Note: the clarification was asked for on Sunday 4 May 2025, after the period" in text
    assert "after the period ended, so it stops nothing" in text
    assert "though not after the working day it rolls to: it stops nothing (SAR-STOP)" in text


def test_b_example_24_month_end() -> None:
    # SAR-STOP (b) with rules.md ex 24: received Sat 31 Jan 2026, one month on is Sat 28 Feb
    # (Feb has no 31st), rolled to Mon 2 Mar. Asked Sun 1 Mar: after 28 Feb, so unanswered it
    # does not stop the clock, and answered Tue 3 Mar it moves nothing: due Mon 2 Mar 2026 (the
    # old count: awaiting, then 1-3 Mar, 3 days: 28 Feb + 3 = Tue 3 Mar).
    waiting = response_deadline(D(2026, 1, 31), "sar", clarification_requested=D(2026, 3, 1))
    assert (waiting.state, waiting.due) == ("running", D(2026, 3, 2))
    answered = response_deadline(
        D(2026, 1, 31),
        "sar",
        clarification_requested=D(2026, 3, 1),
        clarification_received=D(2026, 3, 3),
    )
    assert answered.due == D(2026, 3, 2)
    data = json.loads(
        run(
            "due", "2026-01-31", "-r", "sar", "--clarification-requested", "2026-03-01",
            "--json",
        )[1]
    )  # fmt: skip
    assert (data["state"], data["due"]) == ("running", "2026-03-02")
    assert "ICO practice (SAR-STOP)" in data["notes"][0]


def test_b_asked_on_the_corresponding_date_still_stops() -> None:
    # SAR-STOP: asked on the corresponding date itself (Sat 3 May 2025) is not after it: 3-6 May
    # answered Tue 6 May is 4 days; 3 May + 4 = Wed 7 May 2025, a working day.
    deadline = response_deadline(
        D(2025, 4, 3),
        "sar",
        clarification_requested=D(2025, 5, 3),
        clarification_received=D(2025, 5, 6),
    )
    assert deadline.due == D(2025, 5, 7)
    assert deadline.notes == ()


def test_c_example_30_extended_stops_both_periods() -> None:
    # SAR-STOP (c) with ex 30: 8 days stopped. The first month (the window to tell the requester
    # of the extension): Thu 2 Apr + 8 = Fri 10 Apr 2026. Three months on is Tue 2 Jun, + 8 =
    # Wed 10 Jun 2026, a working day.
    deadline = response_deadline(
        D(2026, 3, 2),
        "sar",
        extended=True,
        clarification_requested=D(2026, 3, 5),
        clarification_received=D(2026, 3, 12),
    )
    assert (deadline.due, deadline.extended_due) == (D(2026, 4, 10), D(2026, 6, 10))
    _, out, _ = run(
        "due", "2026-03-02", "-r", "sar", "--extend", "--clarification-requested", "2026-03-05",
        "--clarification-received", "2026-03-12",
    )  # fmt: skip
    assert (
        "Tell the requester of the extension by: Friday 10 April 2026, the end of the first "
        "month, later by any days stopped (SAR-EXT, SAR-STOP) [best reading]"
    ) in flat(out)


def test_c_a_stop_in_the_second_month_moves_the_extended_deadline() -> None:
    # SAR-STOP (c): received Mon 2 Mar 2026, extended; asked Mon 20 Apr (after the first month,
    # due Thu 2 Apr), answered Fri 24 Apr: 20-24 Apr is 5 days. The first month is not moved:
    # Thu 2 Apr. Three months on is Tue 2 Jun, + 5 = Sun 7 Jun, rolled to Mon 8 Jun 2026. The
    # explanation reports the 5 days (the old one said 0 and "stops nothing").
    deadline = response_deadline(
        D(2026, 3, 2),
        "sar",
        extended=True,
        clarification_requested=D(2026, 4, 20),
        clarification_received=D(2026, 4, 24),
    )
    assert (deadline.due, deadline.extended_due) == (D(2026, 4, 2), D(2026, 6, 8))
    assert deadline.clarification is not None
    assert deadline.clarification.stopped_days == 5
    asked = next(step for step in deadline.steps if step.day == D(2026, 4, 20))
    assert asked.kind == "stopped"


def test_c_a_stop_in_the_second_month_holds_up_the_extended_deadline() -> None:
    # SAR-STOP (c): the same, not yet answered: the extended deadline waits for the answer, so
    # the case awaits clarification (the old state: running, with no extended date); the first
    # month stays Thu 2 Apr 2026.
    case = make_case(D(2026, 3, 2), "sar", extended=True, clarification_requested=D(2026, 4, 20))
    deadline = response_deadline(
        D(2026, 3, 2), "sar", extended=True, clarification_requested=D(2026, 4, 20)
    )
    assert (deadline.state, deadline.due, deadline.extended_due) == (
        "awaiting_clarification",
        D(2026, 4, 2),
        None,
    )
    assert case_status(case, D(2026, 4, 21)).state == "awaiting_clarification"
    extended = when(case_timeline(case, D(2026, 4, 21)), "response_due_extended")
    assert (extended.date, extended.state, extended.waits_for) == (
        None,
        "waiting",
        "clarification_received",
    )
    # Not extended, the "if extended" date waits for the same answer.
    plain = make_case(D(2026, 3, 2), "sar", clarification_requested=D(2026, 4, 20))
    if_extended = when(case_timeline(plain, D(2026, 4, 21)), "response_due_extended")
    assert (if_extended.state, if_extended.waits_for) == ("waiting", "clarification_received")


def test_c_a_late_ask_in_the_first_month_moves_only_the_extended_deadline() -> None:
    # SAR-STOP (b) and (c): received Sat 31 Jan 2026, extended; asked Sun 1 Mar (after the first
    # month's Sat 28 Feb), answered Tue 3 Mar. The first month: no stop, Mon 2 Mar 2026 (old:
    # Tue 3 Mar). Three months on: Thu 30 Apr (April has no 31st); 1-3 Mar is 3 days: Sun 3 May;
    # Mon 4 May is the early May bank holiday: Tue 5 May 2026.
    deadline = response_deadline(
        D(2026, 1, 31),
        "sar",
        extended=True,
        clarification_requested=D(2026, 3, 1),
        clarification_received=D(2026, 3, 3),
    )
    assert (deadline.due, deadline.extended_due) == (D(2026, 3, 2), D(2026, 5, 5))
    assert len(deadline.notes) == 1
    note = deadline.notes[0]
    assert "does not move the last day to tell the requester of the extension" in note


def test_status_of_a_stopped_sar_says_the_end_moves_not_restarts() -> None:
    # SAR-STOP stops the clock; the count never restarts from zero (that is *-CLAR).
    _, out, _ = run(
        "status", "2026-03-02", "-r", "sar", "--clarification-requested", "2026-03-20",
        "--today", "2026-04-21",
    )  # fmt: skip
    text = flat(out)
    assert "The clock stopped on Friday 20 March 2026: the end moves one day later" in text
    assert "restarts from zero" not in text


# --- SAR-WORDS ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "events", "due", "safe"),
    [
        # rules.md ex 23: Wed 3 Sep 2025 -> Fri 3 Oct 2025; one month beginning with 3 Sep ends
        # the day before the corresponding date: Thu 2 Oct 2025.
        (D(2025, 9, 3), {}, D(2025, 10, 3), D(2025, 10, 2)),
        # ex 30: the strict month ends Wed 1 Apr 2026, + the 8 days stopped = Thu 9 Apr 2026.
        (
            D(2026, 3, 2),
            {"clarification_requested": D(2026, 3, 5), "clarification_received": D(2026, 3, 12)},
            D(2026, 4, 10),
            D(2026, 4, 9),
        ),
        # ex 24: Sat 31 Jan 2026; C-BEGINNING-WITH at a month's end: one month after 30 Jan has
        # no 30 Feb, so the month's last day, Sat 28 Feb 2026 (not rolled; the ICO: Mon 2 Mar).
        (D(2026, 1, 31), {}, D(2026, 3, 2), D(2026, 2, 28)),
        # ex 26: Sat 6 Apr 2019 -> Mon 6 May (bank holiday) -> Tue 7 May 2019; strictly the
        # month ends Sun 5 May 2019, with no roll to a working day.
        (D(2019, 4, 6), {}, D(2019, 5, 7), D(2019, 5, 5)),
    ],
)
def test_safe_date(received: date, events: dict[str, date], due: date, safe: date) -> None:
    deadline = response_deadline(received, "sar", **events)  # type: ignore[arg-type]
    assert (deadline.due, deadline.safe_date) == (due, safe)
    tl = case_timeline(make_case(received, "sar", **events), received)  # type: ignore[arg-type]
    milestone = when(tl, "response_due_safe")
    assert (milestone.date, milestone.rule, milestone.status) == (safe, "SAR-WORDS", "best reading")


def test_safe_date_in_explain_and_json_only() -> None:
    # rules.md ex 23: safe date Thu 2 Oct 2025.
    _, plain, _ = run("due", "2025-09-03", "-r", "sar")
    assert "Safe date" not in plain
    _, out, _ = run("due", "2025-09-03", "-r", "sar", "--explain")
    text = flat(out)
    assert "Safe date: Thursday 2 October 2025 (SAR-WORDS): read strictly" in text
    assert "the answer above keeps the ICO's method [best reading]" in text
    data = json.loads(run("due", "2025-09-03", "-r", "sar", "--json")[1])
    assert (data["due"], data["months"]["safe_date"]) == ("2025-10-03", "2025-10-02")
    assert json.loads(run("due", "2025-09-03", "--json")[1])["months"] is None  # FOIA: none


def test_safe_date_waits_with_the_response() -> None:
    deadline = response_deadline(D(2026, 3, 2), "sar", clarification_requested=D(2026, 3, 5))
    assert (deadline.due, deadline.safe_date) == (None, None)
    data = json.loads(
        run("due", "2026-03-02", "-r", "sar", "--clarification-requested", "2026-03-05", "--json")[
            1
        ]
    )
    assert data["months"]["safe_date"] is None


def test_safe_date_is_judged_against_the_response() -> None:
    # ex 23: responded Fri 3 Oct 2025: the ICO's date is met, the safe date (2 Oct) is not.
    tl = case_timeline(make_case(D(2025, 9, 3), "sar", responded=D(2025, 10, 3)), D(2025, 10, 10))
    assert when(tl, "response_due").state == "met"
    assert (when(tl, "response_due_safe").state, when(tl, "response_due_safe").days_late) == (
        "late",
        1,
    )
    # The windows after the response count from the ICO's date, never the safe one.
    assert when(tl, "commissioner_complaint_by").counted_from == "responded"


# --- SAR-CTRL -------------------------------------------------------------------------------


def test_example_46_complaint_acknowledged_within_30_days_beginning_with_receipt() -> None:
    # rules.md ex 46: complaint received Mon 22 Jun 2026; 30 days beginning with it: 22 Jun is
    # day 1, 30 Jun day 9, 21 Jul day 30: Tue 21 Jul 2026.
    case = make_case(
        D(2026, 6, 1), "sar", responded=D(2026, 6, 20), complaint_received=D(2026, 6, 22)
    )
    tl = case_timeline(case, D(2026, 7, 1))
    ack = when(tl, "complaint_acknowledge_by")
    assert (ack.date, ack.rule, ack.party) == (D(2026, 7, 21), "SAR-CTRL", "body")
    assert ack.state == "open"
    assert (ack.days_left, ack.days_left_kind) == (20, "calendar")
    assert "without undue delay" in ack.description
    assert when(tl, "complaint_received").rule == "SAR-CTRL"
    assert ack in requester_windows(tl)  # the requester's view shows it too


def test_complaint_on_the_day_the_duty_came_into_force() -> None:
    # Fri 19 Jun 2026 is the first day: + 29 days = Sat 18 Jul 2026 (19-30 Jun is 12 days, then
    # 18 Jul is day 30), not moved to a working day.
    tl = timeline_from_events(
        None, "sar", responded=D(2026, 6, 1), complaint_received=D(2026, 6, 19), today=D(2026, 7, 1)
    )
    assert when(tl, "complaint_acknowledge_by").date == D(2026, 7, 18)


@pytest.mark.parametrize(
    ("regime", "events", "field", "words"),
    [
        ("sar", {"complaint_received": D(2026, 6, 18)}, "complaint_received", "not yet in force"),
        ("foia", {"complaint_received": D(2026, 6, 22)}, "complaint_received", "SAR-CTRL"),
        ("eisr", {"complaint_responded": D(2026, 6, 22)}, "complaint_responded", "SAR-CTRL"),
        ("sar", {"complaint_responded": D(2026, 6, 22)}, "complaint_responded", "without"),
        (
            "sar",
            {"complaint_received": D(2026, 7, 2), "complaint_responded": D(2026, 7, 1)},
            "complaint_responded",
            "is before complaint_received",
        ),
    ],
)
def test_complaints_refused(regime: str, events: dict[str, date], field: str, words: str) -> None:
    with pytest.raises(InvalidInput) as error:
        make_case(D(2026, 6, 1), regime, **events)  # type: ignore[arg-type]
    assert error.value.field == field
    assert words in str(error.value)
    with pytest.raises(InvalidInput):
        make_case(D(2026, 7, 3), "sar", complaint_received=D(2026, 7, 2))  # before receipt


def test_complaint_before_force_is_one_line_naming_the_rule() -> None:
    code, out, err = run(
        "timeline", "2026-06-01", "-r", "sar", "--complaint-received", "2026-06-18"
    )
    assert (code, out) == (2, "")
    assert err == (
        "foiclock: error: complaint_received: '2026-06-18' is before 2026-06-19: the "
        "controller's duty to acknowledge a complaint (DPA 2018 s164A) was not yet in force, so "
        "there is no time limit to count (SAR-CTRL); accepted: a complaint received on or after "
        "2026-06-19\n"
    )
    code, _, err = run("appeal", "--responded", "2026-06-20", "--complaint-received", "2026-06-22")
    assert code == 2
    assert "is not an event under FOIA" in err


def test_a_complaint_answered_makes_the_acknowledgement_moot() -> None:
    # Complaint Mon 22 Jun 2026 (acknowledge by Tue 21 Jul), answered Fri 10 Jul 2026.
    _, out, _ = run(
        "appeal", "-r", "sar", "--responded", "2026-06-20", "--complaint-received", "2026-06-22",
        "--complaint-responded", "2026-07-10", "--today", "2026-08-01",
    )  # fmt: skip
    text = flat(out)
    assert (
        "Complaint acknowledgement due Tuesday 21 July 2026: not needed: complaint answered "
        "(SAR-CTRL)"
    ) in text


def test_an_acknowledgement_overdue_in_the_requesters_view() -> None:
    # Acknowledge by Tue 21 Jul 2026; on Mon 27 Jul it is 6 days (4 working days) overdue.
    _, out, _ = run(
        "appeal", "-r", "sar", "--responded", "2026-06-20", "--complaint-received", "2026-06-22",
        "--today", "2026-07-27",
    )  # fmt: skip
    assert "Complaint acknowledgement due Tuesday 21 July 2026: overdue by 4 working days" in (
        flat(out)
    )
    _, out, _ = run(
        "appeal", "-r", "sar", "--responded", "2026-06-20", "--complaint-received", "2026-06-22",
        "--today", "2026-07-21",
    )  # fmt: skip
    assert "Complaint acknowledgement due Tuesday 21 July 2026: today is the last day" in flat(out)


# --- SAR-ICO --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "by", "counted_from"),
    [
        # Only the response, Sat 20 Jun 2026: three months on, Sun 20 Sep 2026 (no roll).
        ({"responded": D(2026, 6, 20)}, D(2026, 9, 20), "responded"),
        # Then a complaint received Mon 22 Jun 2026, unanswered: Tue 22 Sep 2026.
        (
            {"responded": D(2026, 6, 20), "complaint_received": D(2026, 6, 22)},
            D(2026, 9, 22),
            "complaint_received",
        ),
        # Answered Fri 10 Jul 2026: Sat 10 Oct 2026.
        (
            {
                "responded": D(2026, 6, 20),
                "complaint_received": D(2026, 6, 22),
                "complaint_responded": D(2026, 7, 10),
            },
            D(2026, 10, 10),
            "complaint_responded",
        ),
        # A complaint about no response, Thu 2 Jul 2026, then a late response Mon 20 Jul 2026:
        # the latest contact is the response: Tue 20 Oct 2026.
        (
            {"complaint_received": D(2026, 7, 2), "responded": D(2026, 7, 20)},
            D(2026, 10, 20),
            "responded",
        ),
        # No response at all: the complaint, Thu 2 Jul 2026 -> Fri 2 Oct 2026.
        ({"complaint_received": D(2026, 7, 2)}, D(2026, 10, 2), "complaint_received"),
        # Month end: answered Mon 30 Nov 2026; February 2027 has no 30th: Sun 28 Feb 2027.
        (
            {"complaint_received": D(2026, 11, 2), "complaint_responded": D(2026, 11, 30)},
            D(2027, 2, 28),
            "complaint_responded",
        ),
    ],
)
def test_complain_to_the_ico_within_three_months_of_the_last_contact(
    events: dict[str, date], by: date, counted_from: str
) -> None:
    case = make_case(D(2026, 6, 1), "sar", **events)  # type: ignore[arg-type]
    milestone = when(case_timeline(case, D(2026, 6, 1)), "commissioner_complaint_by")
    assert (milestone.date, milestone.rule, milestone.counted_from) == (by, "SAR-ICO", counted_from)
    assert (milestone.party, milestone.status) == ("requester", "best reading")
    assert "ICO practice" in milestone.description


def test_ico_window_waits_for_a_contact() -> None:
    tl = case_timeline(make_case(D(2026, 6, 1), "sar"), D(2026, 6, 1))
    ico = when(tl, "commissioner_complaint_by")
    assert (ico.date, ico.state, ico.waits_for) == (None, "waiting", "responded")


def test_sar_windows_in_every_timeline_format(tmp_path: Path) -> None:
    args = [
        "timeline", "2026-06-01", "-r", "sar", "--responded", "2026-06-20",
        "--complaint-received", "2026-06-22", "--today", "2026-07-01",
    ]  # fmt: skip
    table = flat(run(*args)[1])
    assert "Tue 21 Jul 2026 Complaint acknowledgement due open: 20 days left" in table
    assert "Tue 22 Sep 2026 Complain to the ICO by open: 83 days left" in table
    assert "SAR-ICO: ICO practice: data protection complaints guidance [best reading]" in table
    assert "Tue 30 Jun 2026 Response due (safe date) met" in table
    markdown = run(*args, "-f", "md")[1]
    row = "| Tue 21 Jul 2026 | Complaint acknowledgement due | open: 20 days left | SAR-CTRL |"
    assert row in markdown
    csv_text = run(*args, "-f", "csv")[1]
    assert ",sar,complaint_acknowledge_by,Complaint acknowledgement due,2026-07-21,open,20," in (
        csv_text
    )
    assert ",sar,commissioner_complaint_by,Complain to the ICO by,2026-09-22,open,83," in csv_text
    data = json.loads(run(*args, "--json")[1])
    keys = {m["key"]: m for m in data["milestones"]}
    assert keys["complaint_received"]["date"] == "2026-06-22"
    assert keys["response_due_safe"]["date"] == "2026-06-30"
    target = tmp_path / "sar.ics"
    assert run(*args, "-o", str(target))[0] == 0
    ics = target.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20260721" in ics
    assert "CATEGORIES:SAR,SAR-CTRL" in ics
    assert "CATEGORIES:SAR,SAR-ICO" in ics
    appeal = json.loads(
        run(
            "appeal", "-r", "sar", "--responded", "2026-06-20", "--complaint-received",
            "2026-06-22", "--today", "2026-07-01", "--json",
        )[1]
    )  # fmt: skip
    assert [(w["key"], w["date"]) for w in appeal["windows"]] == [
        ("complaint_acknowledge_by", "2026-07-21"),
        ("commissioner_complaint_by", "2026-09-22"),
    ]


def test_case_file_and_planned_complaint(tmp_path: Path) -> None:
    case_file = tmp_path / "case.toml"
    case_file.write_text(
        'regime = "sar"\nreceived = 2026-06-01\ncomplaint_received = 2026-06-22\n',
        encoding="utf-8",
    )
    _, out, _ = run("timeline", "--case", str(case_file), "--today", "2026-06-10")
    text = flat(out)
    planned = "Planned after Wednesday 10 June 2026 (every date counts them): --complaint-received"
    assert planned in text
    assert "Complaint acknowledgement due not yet open" in text


# --- Welsh ----------------------------------------------------------------------------------


def test_welsh_sar_windows() -> None:
    _, out, _ = run(
        "appeal", "-r", "sar", "--responded", "2026-06-20", "--complaint-received", "2026-06-22",
        "--today", "2026-07-01", "--lang", "cy",
    )  # fmt: skip
    text = flat(out)
    assert "Cwyno i Swyddfa'r Comisiynydd Gwybodaeth erbyn Dydd Mawrth 22 Medi 2026" in text
    assert "21 Gorffennaf 2026" in text
    assert "[darlleniad gorau]" in text


WELSH_RUNS: list[tuple[str, ...]] = [
    ("due", "2026-03-02", "-r", "sar", "--id-received", "2026-03-09",
     "--clarification-requested", "2026-03-05", "--clarification-received", "2026-03-12",
     "--explain"),
    ("due", "2026-03-02", "-r", "sar", "--id-received", "2026-03-09",
     "--clarification-requested", "2026-03-03", "--clarification-received", "2026-03-04",
     "--explain"),
    ("due", "2025-04-03", "-r", "sar", "--clarification-requested", "2025-05-04", "--explain"),
    ("due", "2026-01-31", "-r", "sar", "--extend", "--clarification-requested", "2026-03-01",
     "--clarification-received", "2026-03-03", "--explain"),
    ("status", "2026-03-02", "-r", "sar", "--clarification-requested", "2026-03-20",
     "--today", "2026-04-21"),
    ("timeline", "2026-06-01", "-r", "sar", "--responded", "2026-06-20",
     "--complaint-received", "2026-06-22", "--complaint-responded", "2026-07-10",
     "--today", "2026-08-01"),
    ("timeline", "2026-06-01", "-r", "sar", "--complaint-received", "2026-06-22",
     "--today", "2026-06-10", "-f", "md"),
    ("appeal", "-r", "sar", "--responded", "2026-06-20", "--complaint-received", "2026-06-22",
     "--complaint-responded", "2026-07-10", "--today", "2026-08-01"),
    ("appeal", "-r", "sar", "--responded", "2026-06-20", "--complaint-received", "2026-06-22",
     "--today", "2026-07-27"),
    ("timeline", "2026-06-01", "-r", "sar", "--complaint-received", "2026-06-18"),
    ("timeline", "2026-06-01", "--complaint-received", "2026-06-22"),
]  # fmt: skip


@pytest.mark.parametrize("args", WELSH_RUNS, ids=lambda args: " ".join(args)[:60])
def test_every_new_word_comes_from_the_catalogue(
    args: tuple[str, ...],
    marked: None,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert_every_word_comes_from_the_catalogue(args, tmp_path, monkeypatch)
