"""The FOIA and EIR rules as settled on 2026-12-01 (issue "The law as settled on 2026-12-01"):
FOIA-PIT for bodies with their own limit, FOIA-FEES under FOIA-SCHOOL, FOIA-IR-REQ after no
response, and EIR-REP-REQ with no response. Known answers from ../shared/rules.md section 8
(examples 21, 22, 35, 43, 44) or counted by hand in the comments."""

from __future__ import annotations

import csv
import io
import json
from datetime import date as D
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from foiclock import make_case, response_deadline
from foiclock.cli import app
from foiclock.clock.case import DayRange
from foiclock.clock.timeline import Milestone, case_timeline, timeline_from_events

runner = CliRunner()

# rules.md example 21: received Mon 14 Jul 2025; school closed 23 Jul to 2 Sep 2025.
EXAMPLE_21: dict[str, Any] = {
    "body": "school",
    "school_closed": (DayRange(D(2025, 7, 23), D(2025, 9, 2)),),
}
EXAMPLE_21_ARGS = ["2025-07-14", "--body", "school", "--school-closed", "2025-07-23:2025-09-02"]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def milestone(received: D, today: D, key: str, regime: str = "foia", **events: Any) -> Milestone:
    """The milestone `key` of the case on `today`."""
    found = case_timeline(make_case(received, regime, **events), today).get(key)
    assert found is not None
    return found


# --- 1. FOIA-PIT from a body's own varied deadline (best reading) ---------------------------------


def test_example_43_school_extended() -> None:
    """rules.md example 43: example 21 (due Mon 22 Sep 2025), extended: 20 working days after it:
    Sep 23-26 (4), Sep 29-Oct 3 (9), Oct 6-10 (14), 13-17 (19), Mon 20 Oct (20)."""
    deadline = response_deadline(D(2025, 7, 14), extended=True, **EXAMPLE_21)
    assert (deadline.due, deadline.rule) == (D(2025, 9, 22), "FOIA-SCHOOL")
    assert deadline.extended_due == D(2025, 10, 20)
    assert deadline.extension is not None
    assert (deadline.extension.rule.rule, deadline.extension.rule.status) == (
        "FOIA-PIT",
        "best reading",
    )


@pytest.mark.parametrize(
    ("body", "due", "extended"),
    [
        # rules.md ex 35: received Tue 19 Aug 2025, 30th WD Wed 1 Oct 2025. 20 more: Oct 2-3 (2),
        # 6-10 (7), 13-17 (12), 20-24 (17), 27, 28, 29 (20): Wed 29 Oct 2025.
        ("archive", D(2025, 10, 1), D(2025, 10, 29)),
        # rules.md ex 35: 60th WD Wed 12 Nov 2025. 20 more: Nov 13-14 (2), 17-21 (7), 24-28 (12),
        # Mon 1 Dec skipped (St Andrew's Day substitute, Scotland), Dec 2-5 (16), 8-11 (20):
        # Thu 11 Dec 2025.
        ("armed-forces", D(2025, 11, 12), D(2025, 12, 11)),
        ("abroad", D(2025, 11, 12), D(2025, 12, 11)),
    ],
)
def test_pit_runs_from_the_bodys_own_deadline(body: str, due: D, extended: D) -> None:
    deadline = response_deadline(D(2025, 8, 19), body=body, extended=True)
    assert (deadline.due, deadline.extended_due) == (due, extended)
    assert deadline.extension is not None and deadline.extension.rule.status == "best reading"


def test_example_43_through_the_cli_text_explain_and_json() -> None:
    code, out, err = run("due", *EXAMPLE_21_ARGS, "--extend", "--explain")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [
        "Response due: Monday 22 September 2025",
        "Extended due: Monday 20 October 2025",
    ]
    assert "(FOIA-PIT, FOIA s10(3), not varied by SI 2004/3364; ICO practice) [best reading]" in (
        " ".join(line.strip() for line in lines)
    )
    assert "extended deadline (FOIA-PIT)" in out.split("The count:")[1]
    assert (
        out.split("The count:")[1]
        .rstrip()
        .endswith("Mon 20 Oct 2025  extended deadline (FOIA-PIT)")
    )
    code, out, _ = run("due", *EXAMPLE_21_ARGS, "--extend", "--json")
    data = json.loads(out)
    assert (data["due"], data["extended_due"]) == ("2025-09-22", "2025-10-20")
    assert data["extension"]["rule"] == "FOIA-PIT"
    assert data["extension"]["status"] == "best reading"
    assert data["extension"]["due"] == "2025-10-20"


def test_a_day_the_commissioner_sets_is_extended_no_later_than() -> None:
    code, out, _ = run("due", "2025-08-19", "--body", "armed-forces", "--extend")
    assert code == 0
    assert out.splitlines()[2] == "Extended due: no later than Thursday 11 December 2025"


def test_example_43_in_the_timeline_formats() -> None:
    args = ["timeline", *EXAMPLE_21_ARGS, "--extend", "--today", "2025-09-01"]
    code, out, _ = run(*args, "--json")
    assert code == 0
    found = {m["key"]: m for m in json.loads(out)["milestones"]}
    extended = found["response_due_extended"]
    assert (extended["date"], extended["rule"], extended["status"]) == (
        "2025-10-20",
        "FOIA-PIT",
        "best reading",
    )
    assert found["response_due"]["state"] == "extended"
    _, table, _ = run(*args)
    assert "Mon 20 Oct 2025  Response due (extended)" in table
    _, text, _ = run(*args, "-f", "csv")
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(text))}
    assert (rows["response_due_extended"]["date"], rows["response_due_extended"]["status"]) == (
        "2025-10-20",
        "best reading",
    )
    _, md, _ = run(*args, "-f", "md")
    assert "| Mon 20 Oct 2025 | Response due (extended) |" in md
    result = runner.invoke(app, [*args, "-f", "ics"])
    events = {str(e["summary"]): e for e in Calendar.from_ical(result.stdout_bytes).walk("VEVENT")}
    event = events["FOIA: Response due (extended)"]
    assert event.decoded("dtstart") == D(2025, 10, 20)
    assert "[best reading]" in str(event["description"])


def test_example_43_in_welsh() -> None:
    code, out, _ = run("--lang", "cy", "due", *EXAMPLE_21_ARGS, "--extend")
    assert code == 0
    assert "estyniad budd y cyhoedd" in out and "[darlleniad gorau]" in out


def test_a_body_case_shows_the_extension_not_taken() -> None:
    tl = case_timeline(make_case(D(2025, 8, 19), body="archive"), D(2025, 9, 1))
    extended = tl.get("response_due_extended")
    assert extended is not None
    assert (extended.date, extended.state, extended.status) == (
        D(2025, 10, 29),
        "if_extended",
        "best reading",
    )


# --- 2. FOIA-FEES under FOIA-SCHOOL: both counts (SI 2004/3364 reg 3(2)) ------------------------


def test_fees_pause_moves_the_60th_working_day_of_a_school() -> None:
    """rules.md example 22: received Mon 14 Jul 2025, closed 18 Jul to 30 Sep 2025: the 60th
    working day Wed 8 Oct 2025 comes first. Fees notice Tue 15 Jul, paid Thu 17 Jul: 15, 16, 17 Jul
    (3 working days) are left out of both counts (FOIA-FEES, SI 2004/3364 reg 3(2)).
    60 working days: Jul 18 (1), 21-25 (6), 28-Aug 1 (11), Aug 4 skipped (Scotland), 5-8 (15),
    11-15 (20), 18-22 (25), 25 skipped (England, Wales, NI), 26-29 (29), Sep 1-5 (34), 8-12 (39),
    15-19 (44), 22-26 (49), Sep 29-Oct 3 (54), Oct 6-10 (59), Mon 13 Oct (60).
    20 school days: closed until 30 Sep, so Oct 1-3 (3), 6-10 (8), 13-17 (13), 20-24 (18),
    27, 28 (20): Tue 28 Oct. Whichever comes first: Mon 13 Oct 2025 (without the pause in the
    60-day count it would stay Wed 8 Oct)."""
    deadline = response_deadline(
        D(2025, 7, 14),
        body="school",
        school_closed=(DayRange(D(2025, 7, 18), D(2025, 9, 30)),),
        fees_notice=D(2025, 7, 15),
        fee_paid=D(2025, 7, 17),
    )
    assert deadline.body is not None
    assert deadline.body.working_day_due == D(2025, 10, 13)
    assert deadline.body.school_day_due == D(2025, 10, 28)
    assert deadline.due == D(2025, 10, 13)


def test_fees_pause_moves_the_20th_school_day_of_a_school() -> None:
    """rules.md example 21 (due Mon 22 Sep 2025) with a fees notice Wed 16 Jul, paid Fri 18 Jul:
    school days Jul 15 (1), [16, 17, 18 paused], 21, 22 (3), closed to 2 Sep, Sep 3-5 (6), 8-12
    (11), 15-19 (16), 22-25 (20): Thu 25 Sep 2025. The 60th working day, Wed 8 Oct without the
    fee, moves 3 working days to Mon 13 Oct."""
    deadline = response_deadline(
        D(2025, 7, 14), fees_notice=D(2025, 7, 16), fee_paid=D(2025, 7, 18), **EXAMPLE_21
    )
    assert deadline.body is not None
    assert (deadline.due, deadline.body.working_day_due) == (D(2025, 9, 25), D(2025, 10, 13))


def test_fees_under_a_school_say_both_counts_and_cite_reg_3_2() -> None:
    code, out, _ = run(
        "due", *EXAMPLE_21_ARGS, "--fees-notice", "2025-07-16", "--fee-paid", "2025-07-18", "--json"
    )
    assert code == 0
    notes = json.loads(out)["notes"]
    assert (
        "the fee days are left out of both counts, the 20 school days and the 60 working days "
        "(FOIA-FEES, SI 2004/3364 reg 3(2))"
    ) in notes
    # Not for a body without a school-day count, nor when the fee moved nothing.
    plain = response_deadline(D(2025, 8, 19), body="archive", fees_notice=D(2025, 8, 20))
    assert not any("both counts" in note for note in plain.notes)


# --- 3. FOIA-IR-REQ after no response: guidance only (best reading) ----------------------------


def test_review_after_no_response_counts_from_the_missed_deadline_as_guidance() -> None:
    """rules.md FOIA-IR-REQ: no response to a request received Tue 19 Aug 2025 (due Wed 17 Sep,
    ex 1). 40 WD after 17 Sep: Sep 18-19 (2), 22-26 (7), Sep 29-Oct 3 (12), Oct 6-10 (17), 13-17
    (22), 20-24 (27), 27-31 (32), Nov 3-7 (37), 10, 11, 12 (40): Wed 12 Nov 2025."""
    found = milestone(D(2025, 8, 19), D(2025, 10, 1), "review_request_by")
    assert (found.date, found.counted_from, found.guidance) == (
        D(2025, 11, 12),
        "response_due",
        True,
    )
    assert (found.rule, found.status, found.state) == ("FOIA-IR-REQ", "best reading", "open")
    assert found.label == "Ask for a review by (guidance)"
    assert "no Code date" in found.source


def test_the_guidance_opens_once_the_deadline_is_missed() -> None:
    # Due Wed 17 Sep 2025: on that day nothing has failed yet; it opens on Thu 18 Sep.
    on_the_day = milestone(D(2025, 8, 19), D(2025, 9, 17), "review_request_by")
    assert (on_the_day.state, on_the_day.days_left) == ("not_yet", 1)
    after = milestone(D(2025, 8, 19), D(2025, 9, 18), "review_request_by")
    assert after.state == "open"


def test_review_after_a_response_keeps_the_code_date() -> None:
    # rules.md example 15: response issued Tue 16 Sep 2025 -> Tue 11 Nov 2025 (Code para 5.3).
    found = milestone(D(2025, 8, 19), D(2025, 10, 1), "review_request_by", responded=D(2025, 9, 16))
    assert (found.date, found.status, found.guidance) == (D(2025, 11, 11), "code", False)
    assert found.label == "Ask for an internal review by"


def test_guidance_counts_from_the_extended_deadline_when_extended() -> None:
    """FOIA-PIT (ex 13): the seed request extended to Wed 15 Oct 2025; no response: 40 WD after
    it: Oct 16-17 (2), 20-24 (7), 27-31 (12), Nov 3-7 (17), 10-14 (22), 17-21 (27), 24-28 (32),
    Mon 1 Dec skipped (St Andrew's Day substitute), Dec 2-5 (36), 8-11 (40): Thu 11 Dec 2025."""
    found = milestone(D(2025, 8, 19), D(2025, 10, 20), "review_request_by", extended=True)
    assert (found.date, found.guidance) == (D(2025, 12, 11), True)


def test_a_review_asked_for_with_no_response_is_judged_against_the_guidance() -> None:
    case = make_case(D(2025, 8, 19), review_requested=D(2025, 10, 1))
    found = case_timeline(case, D(2025, 10, 20)).get("review_request_by")
    assert found is not None and (found.state, found.guidance) == ("met", True)
    # and a review asked for before a late response is no longer refused
    code, _, err = run(
        "timeline", "2025-08-19", "--review-requested", "2025-09-22", "--responded", "2025-09-30"
    )
    assert (code, err) == (0, "")


def test_guidance_in_every_timeline_format() -> None:
    args = ["timeline", "2025-08-19", "--today", "2025-10-01"]
    _, out, _ = run(*args, "--json")
    review = next(m for m in json.loads(out)["milestones"] if m["key"] == "review_request_by")
    assert (review["date"], review["guidance"], review["status"], review["counted_from"]) == (
        "2025-11-12",
        True,
        "best reading",
        "response_due",
    )
    _, table, _ = run(*args)
    assert "Wed 12 Nov 2025  Ask for a review by (guidance)" in table
    assert "FOIA-IR-REQ: guidance only, no Code date; ICO guide to managing" in table
    assert "[best reading]" in table.split("Ask for a review by (guidance)")[1].split("Review")[0]
    _, text, _ = run(*args, "-f", "csv")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["key"] == "review_request_by")
    assert (row["date"], row["label"], row["status"]) == (
        "2025-11-12",
        "Ask for a review by (guidance)",
        "best reading",
    )
    assert row["source"].startswith("guidance only, no Code date")
    _, md, _ = run(*args, "-f", "md")
    assert (
        "| Wed 12 Nov 2025 | Ask for a review by (guidance) | open: 30 working days left | "
        "FOIA-IR-REQ | guidance only, no Code date; ICO guide to managing an FOI request "
        "[best reading] |"
    ) in md
    result = runner.invoke(app, [*args, "-f", "ics"])
    event = next(
        e
        for e in Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
        if "guidance" in str(e["summary"])
    )
    assert event.decoded("dtstart") == D(2025, 11, 12)
    assert "no Code date" in str(event["description"])
    _, welsh, _ = run("--lang", "cy", *args)
    assert "Gofyn am adolygiad erbyn (canllaw)" in welsh


def test_appeal_with_no_response_gives_the_guidance() -> None:
    tl = timeline_from_events(D(2025, 8, 19), today=D(2025, 10, 1))
    found = tl.get("review_request_by")
    assert found is not None and (found.date, found.guidance) == (D(2025, 11, 12), True)
    code, out, _ = run("appeal", "--received", "2025-08-19", "--today", "2025-10-01")
    assert code == 0
    assert (
        "Ask for a review by (guidance) Wednesday 12 November 2025: 30 working days\n"
        "    left (FOIA-IR-REQ [best reading])"
    ) in out


def test_batch_leaves_the_guidance_out() -> None:
    """A batch's review_request_by cell cannot say it is guidance only: empty for FOIA with no
    response (EIR's counts from its deadline by reg 11(2): example 44's Wed 12 Nov 2025)."""
    source = "case_id,received,regime\nA,2025-08-19,foia\nB,2025-08-19,eir\n"
    result = runner.invoke(app, ["batch", "-", "--today", "2025-10-01"], input=source)
    assert result.exit_code == 0
    rows = {row["case_id"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert (rows["A"]["review_request_by"], rows["B"]["review_request_by"]) == ("", "2025-11-12")


# --- 4. EIR-REP-REQ with no response: from the deadline that applies (example 44) ----------------


@pytest.mark.parametrize(
    ("extended", "review_by"),
    [
        # rules.md example 44: EIR-EXT notice given: 40 WD after Wed 15 Oct 2025 (ex 14):
        # Oct 16-17 (2), 20-24 (7), 27-31 (12), Nov 3-7 (17), 10-14 (22), 17-21 (27), 24-28 (32),
        # Mon 1 Dec skipped (St Andrew's Day substitute), Dec 2-5 (36), 8-11 (40): Thu 11 Dec.
        (True, D(2025, 12, 11)),
        # not given: 40 WD after Wed 17 Sep 2025: Wed 12 Nov 2025 (as FOIA-IR-REQ's count above).
        (False, D(2025, 11, 12)),
    ],
)
def test_example_44_eir_representations_with_no_response(extended: bool, review_by: D) -> None:
    found = milestone(D(2025, 8, 19), D(2025, 10, 1), "review_request_by", "eir", extended=extended)
    assert (found.date, found.rule, found.status, found.guidance) == (
        review_by,
        "EIR-REP-REQ",
        "best reading",
        False,
    )
    assert "the extended deadline when an extension notice was given" in found.description
    args = ["timeline", "2025-08-19", "--regime", "eir", "--today", "2025-10-01"]
    _, out, _ = run(*args, *(["--extend"] if extended else []), "-f", "csv")
    row = next(r for r in csv.DictReader(io.StringIO(out)) if r["key"] == "review_request_by")
    assert row["date"] == review_by.isoformat()


def test_example_44_in_a_batch() -> None:
    source = "case_id,received,regime,extended\nA,2025-08-19,eir,true\nB,2025-08-19,eir,\n"
    result = runner.invoke(app, ["batch", "-", "--today", "2025-10-20"], input=source)
    rows = {row["case_id"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert (rows["A"]["review_request_by"], rows["B"]["review_request_by"]) == (
        "2025-12-11",
        "2025-11-12",
    )


def test_example_44_through_appeal_with_an_extension_notice() -> None:
    """rules.md example 44 from the requester's side: received Tue 19 Aug 2025, no response,
    an EIR-EXT notice given: EIR-REP-REQ runs 40 working days from the extended deadline (Wed
    15 Oct 2025): Thu 11 Dec 2025 (1 Dec, the St Andrew's Day substitute, skipped); without the
    notice, from Wed 17 Sep: Wed 12 Nov 2025. `appeal` could not be told of the notice."""
    import json

    from typer.testing import CliRunner

    from foiclock.cli import app

    words = ["appeal", "-r", "eir", "--received", "2025-08-19", "--today", "2025-12-01", "--json"]
    runner = CliRunner()
    extended = json.loads(runner.invoke(app, [*words, "--extend"]).stdout)
    plain = json.loads(runner.invoke(app, words).stdout)
    by = {w["key"]: w["date"] for w in extended["windows"]}
    assert by["review_request_by"] == "2025-12-11"
    assert {w["key"]: w["date"] for w in plain["windows"]}["review_request_by"] == "2025-11-12"
    refused = runner.invoke(app, ["appeal", "-r", "eir", "--responded", "2025-09-10", "--extend"])
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
