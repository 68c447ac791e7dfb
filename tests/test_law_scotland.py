"""Scotland as settled on 2026-12-01 (issue "The law as settled on 2026-12-01"): `C-POST-SCOT`
(posted notices), `FOISA-SIC` (six months, both dates for a late outcome), `FOISA-COURT` (42
days, a later statement of reasons, a warning for a last day off work) and `FOISA-KEEPER` with
`FOISA-RR-RESP`'s Keeper condition. Known answers from ../shared/rules.md section 8 (each cites
its example) or counted by hand in the comment; never from foiclock's own output."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from typer.testing import CliRunner

from foiclock import InvalidInput, answer_row, make_case, response_deadline
from foiclock.cli import app
from foiclock.clock.case import case_from_mapping
from foiclock.clock.timeline import Milestone, Timeline, case_timeline, timeline_from_events
from foiclock.law.windows import COURT_OFF_DAY
from foiclock.present.ics import timeline_ics
from foiclock.present.timeline import timeline_csv, timeline_markdown, timeline_table
from tests import oracle

D = date
runner = CliRunner()
SCOTLAND = oracle.REGIME_DIVISIONS["foisa"]


def when(tl: Timeline, key: str) -> Milestone:
    milestone = tl.get(key)
    assert milestone is not None, key
    return milestone


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- C-POST-SCOT: FOISA-RR-REQ after a late answer ----------------------------------------------


def late_answer(**events: date) -> Timeline:
    """rules.md example 19: FOISA, received Tue 19 Aug 2025 (due Tue 16 Sep, ex 2), answered late
    on Tue 30 Sep 2025."""
    case = make_case(D(2025, 8, 19), "foisa", responded=D(2025, 9, 30), **events)  # type: ignore[arg-type]
    return case_timeline(case, D(2025, 10, 20))


def test_example_41_late_answer_posted_is_presumed_received_on_the_third_day() -> None:
    # rules.md example 41 (FOISA-RR-REQ + C-POST-SCOT, 19b): the late answer posted Tue 30 Sep
    # 2025 is presumed received Fri 3 Oct 2025 (1 Oct, 2 Oct, 3 Oct: the third day after). 40
    # working days after Fri 3 Oct under WD-SCOT: Oct 6-10 (5), 13-17 (10), 20-24 (15), 27-31
    # (20), Nov 3-7 (25), 10-14 (30), 17-21 (35), 24-28 (40): Fri 28 Nov 2025.
    tl = late_answer(responded_posted=D(2025, 9, 30))
    receipt = when(tl, "responded_received")
    assert (receipt.date, receipt.rule, receipt.status) == (
        D(2025, 10, 3),
        "C-POST-SCOT",
        "statute",
    )
    assert (receipt.kind, receipt.state, receipt.counted_from) == (
        "event",
        "done",
        "responded_posted",
    )
    assert receipt.label == "Response presumed received"
    review = when(tl, "review_request_by")
    assert (review.date, review.rule, review.counted_from) == (
        D(2025, 11, 28),
        "FOISA-RR-REQ",
        "responded_received",
    )
    posted = when(tl, "responded_posted")
    assert (posted.date, posted.rule) == (D(2025, 9, 30), "C-POST-SCOT")


def test_example_41_if_e_mailed_and_the_safe_date() -> None:
    # rules.md example 41 (and 19): e-mailed on Tue 30 Sep, received that day (s74(2)(b)): 40 WD
    # after 30 Sep is Tue 25 Nov 2025: Oct 1-3 (3), 6-10 (8), 13-17 (13), 20-24 (18), 27-31 (23),
    # Nov 3-7 (28), 10-14 (33), 17-21 (38), 24 (39), 25 (40). The SIC's safe date is counted
    # from the day the answer was sent, posted or not, so it stays Tue 25 Nov.
    e_mailed = late_answer()
    assert when(e_mailed, "review_request_by").date == D(2025, 11, 25)
    assert when(e_mailed, "review_request_by").counted_from == "responded"
    assert e_mailed.get("responded_received") is None
    posted = late_answer(responded_posted=D(2025, 9, 30))
    assert when(posted, "review_request_by_safe").date == D(2025, 11, 25)


def test_an_actual_later_receipt_wins_over_the_presumption() -> None:
    # C-POST-SCOT: posted Tue 30 Sep 2025 (presumed Fri 3 Oct), actually received Mon 6 Oct. 40
    # WD after 6 Oct: Oct 7-10 (4), 13-17 (9), 20-24 (14), 27-31 (19), Nov 3-7 (24), 10-14 (29),
    # 17-21 (34), 24-28 (39); Mon 1 Dec 2025 is St Andrew's Day's substitute (30 Nov is a
    # Sunday), skipped; Tue 2 Dec (40).
    tl = late_answer(responded_posted=D(2025, 9, 30), responded_received=D(2025, 10, 6))
    receipt = when(tl, "responded_received")
    assert (receipt.date, receipt.label, receipt.counted_from) == (
        D(2025, 10, 6),
        "Response received",
        None,
    )
    assert when(tl, "review_request_by").date == D(2025, 12, 2)


def test_an_actual_receipt_before_the_presumed_day_is_refused() -> None:
    # Posted Tue 30 Sep: presumed received Fri 3 Oct; rules.md gives only a later actual receipt.
    with pytest.raises(InvalidInput) as caught:
        late_answer(responded_posted=D(2025, 9, 30), responded_received=D(2025, 10, 2))
    assert caught.value.field == "responded_received"
    assert "C-POST-SCOT" in caught.value.message() and "2025-10-03" in caught.value.message()
    with pytest.raises(InvalidInput, match="responded_posted"):
        late_answer(responded_received=D(2025, 10, 6))  # a receipt needs the posting
    with pytest.raises(InvalidInput, match="is before responded"):
        late_answer(responded_posted=D(2025, 9, 29))  # posted before the answer's date


def test_an_answer_posted_on_time_keeps_the_statute_date() -> None:
    # rules.md example 18: answered on time Wed 10 Sep 2025 (due Tue 16 Sep): FOISA-RR-REQ counts
    # from the expiry: Tue 11 Nov 2025, posted or not; the safe date stays Wed 5 Nov 2025.
    case = make_case(
        D(2025, 8, 19), "foisa", responded=D(2025, 9, 10), responded_posted=D(2025, 9, 10)
    )
    tl = case_timeline(case, D(2025, 9, 20))
    assert when(tl, "responded_received").date == D(2025, 9, 13)
    assert when(tl, "review_request_by").date == D(2025, 11, 11)
    assert when(tl, "review_request_by").counted_from == "response_due"
    assert when(tl, "review_request_by_safe").date == D(2025, 11, 5)


def test_example_41_in_a_batch_row() -> None:
    # rules.md example 41 as batch columns: review_request_by is Fri 28 Nov 2025.
    cells = {
        "received": "19/08/2025",
        "regime": "foisa",
        "responded": "2025-09-30",
        "responded_posted": "2025-09-30",
    }
    assert answer_row(cells, D(2025, 10, 20)).review_request_by == D(2025, 11, 28)
    cells_e_mailed = {key: value for key, value in cells.items() if key != "responded_posted"}
    assert answer_row(cells_e_mailed, D(2025, 10, 20)).review_request_by == D(2025, 11, 25)


def test_example_41_on_the_command_line() -> None:
    code, out, err = run(
        "timeline", "2025-08-19", "--regime", "foisa", "--responded", "2025-09-30",
        "--responded-posted", "2025-09-30", "--today", "2025-10-20",
    )  # fmt: skip
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "Fri  3 Oct 2025  Response presumed received         done" in lines
    assert "                 C-POST-SCOT: FOISA s74(2)(a)" in lines
    assert any(line.startswith("Fri 28 Nov 2025  Require a review by  ") for line in lines)
    code, out, _ = run(
        "appeal", "--received", "2025-08-19", "--regime", "foisa", "--responded", "2025-09-30",
        "--responded-posted", "2025-09-30", "--today", "2025-10-20", "--json",
    )  # fmt: skip
    windows = {w["key"]: w for w in json.loads(out)["windows"]}
    assert (windows["review_request_by"]["date"], windows["review_request_by"]["counted_from"]) == (
        "2025-11-28",
        "responded_received",
    )


@pytest.mark.parametrize("regime", ["foia", "eir", "sar"])
@pytest.mark.parametrize(
    ("option", "key"),
    [
        ("--responded-posted", "responded_posted"),
        ("--review-responded-posted", "review_responded_posted"),
    ],
)
def test_posting_is_refused_outside_scotland(regime: str, option: str, key: str) -> None:
    # C-POST-SCOT is FOISA s74(2): FOIA, the EIR (and SAR) have no such presumption.
    code, out, err = run(
        "timeline", "2025-08-19", "--regime", regime, "--responded", "2025-09-16",
        "--review-requested", "2025-09-17", "--review-responded", "2025-10-01",
        option, "2025-10-01",
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert err.startswith(f"foiclock: error: {key}: '2025-10-01' is not an event under ")
    assert "C-POST-SCOT" in err and len(err.splitlines()) == 1


def test_posting_in_a_case_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # rules.md example 41 from a case file: the same keys as the options.
    case_file = tmp_path / "case.toml"
    case_file.write_text(
        'regime = "foisa"\nreceived = 2025-08-19\nresponded = 2025-09-30\n'
        "responded_posted = 2025-09-30\n",
        encoding="utf-8",
    )
    code, out, _ = run("timeline", "--case", str(case_file), "--today", "2025-10-20", "--json")
    assert code == 0
    milestones = {m["key"]: m for m in json.loads(out)["milestones"]}
    assert milestones["responded_received"]["date"] == "2025-10-03"
    assert milestones["review_request_by"]["date"] == "2025-11-28"


# --- FOISA-SIC ----------------------------------------------------------------------------------


def review_case(regime: str = "foisa", **events: date) -> Timeline:
    """Requirement for review received Wed 1 Oct 2025: the review is due Wed 29 Oct 2025 (rules.md
    example 20)."""
    return timeline_from_events(
        None, regime, responded=D(2025, 9, 16), review_requested=D(2025, 10, 1),
        today=D(2025, 11, 20), **events,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.mark.parametrize("regime", ["foisa", "eisr"])
def test_example_42_review_outcome_posted(regime: str) -> None:
    # rules.md example 42 (FOISA-SIC + C-POST-SCOT): posted Mon 6 Oct 2025, presumed received Thu
    # 9 Oct 2025; six months after: Thu 9 Apr 2026. The EISRs as FOISA (best reading).
    tl = review_case(
        regime, review_responded=D(2025, 10, 6), review_responded_posted=D(2025, 10, 6)
    )
    receipt = when(tl, "review_responded_received")
    assert (receipt.date, receipt.rule) == (D(2025, 10, 9), "C-POST-SCOT")
    assert receipt.status == ("statute" if regime == "foisa" else "best reading")
    complaint = when(tl, "commissioner_complaint_by")
    assert (complaint.date, complaint.rule, complaint.counted_from) == (
        D(2026, 4, 9),
        "FOISA-SIC",
        "review_responded_received",
    )
    assert tl.get("commissioner_complaint_by_safe") is None  # the outcome came in time


def test_eisr_posting_is_labelled_best_reading() -> None:
    # C-POST-SCOT under the EISRs is best reading (reg 17 applies FOISA Part 4 only).
    tl = review_case(
        "eisr", review_responded=D(2025, 10, 6), review_responded_posted=D(2025, 10, 6)
    )
    table = timeline_table(tl)
    assert "C-POST-SCOT: FOISA s74(2)(a), applied to the EISRs as to FOISA" in table
    assert "[best reading]" in table.split("C-POST-SCOT")[1].split("\n\n")[0]


@pytest.mark.parametrize(
    ("responded", "requested", "outcome", "last_day"),
    [
        # rules.md example 34: outcome received Wed 15 Oct 2025 -> Wed 15 Apr 2026.
        (D(2025, 9, 16), D(2025, 9, 17), D(2025, 10, 15), D(2026, 4, 15)),
        # Received Sun 31 Aug 2025: February 2026 has no 31st, so its last day, Sat 28 Feb 2026,
        # not moved off the Saturday (FOISA-SIC: no roll). Requirement received Mon 4 Aug: due
        # Mon 1 Sep, so the outcome came in time.
        (D(2025, 8, 1), D(2025, 8, 4), D(2025, 8, 31), D(2026, 2, 28)),
        # Received Tue 31 Aug 2027 -> Tue 29 Feb 2028 (a leap year). Requirement received Tue 3
        # Aug 2027: Aug 4-6 (3), 9-13 (8), 16-20 (13), 23-27 (18), 30 (19: England's late
        # summer holiday is a working day in Scotland), 31 (20): due on the day it came.
        (D(2027, 8, 2), D(2027, 8, 3), D(2027, 8, 31), D(2028, 2, 29)),
    ],
)
def test_six_months_after_receipt_month_ends_and_no_roll(
    responded: date, requested: date, outcome: date, last_day: date
) -> None:
    tl = timeline_from_events(
        None, "foisa", responded=responded, review_requested=requested, review_responded=outcome
    )
    assert when(tl, "commissioner_complaint_by").date == last_day
    assert tl.get("commissioner_complaint_by_safe") is None


def test_a_late_review_outcome_gives_both_dates_the_earlier_as_safe() -> None:
    # FOISA-SIC: requirement received Wed 1 Oct 2025, review due Wed 29 Oct (ex 20); outcome
    # received late, Fri 14 Nov 2025. Six months after the outcome: Thu 14 May 2026 (its
    # content); six months after the missed deadline: Wed 29 Apr 2026 (the failure), the earlier
    # and so the safe date.
    tl = review_case(review_responded=D(2025, 11, 14))
    complaint = when(tl, "commissioner_complaint_by")
    safe = when(tl, "commissioner_complaint_by_safe")
    assert (complaint.date, complaint.counted_from) == (D(2026, 5, 14), "review_responded")
    assert (safe.date, safe.rule, safe.counted_from) == (
        D(2026, 4, 29),
        "FOISA-SIC",
        "review_response_due",
    )
    assert (safe.label, safe.status, safe.state) == (
        "Apply to the SIC by (safe date)",
        "best reading",
        "open",
    )
    table = timeline_table(tl)
    assert "Wed 29 Apr 2026  Apply to the SIC by (safe date)" in table
    assert table.index("Apply to the SIC by (safe date)") < table.index("Thu 14 May 2026")


def test_an_outcome_posted_on_the_deadline_is_received_late() -> None:
    # rules.md FOISA-SIC: "Review outcome received late". Issued and posted on the deadline, Wed
    # 29 Oct 2025, it is presumed received Sat 1 Nov 2025, after the deadline: both dates, six
    # months after the receipt (Fri 1 May 2026) and after the deadline (Wed 29 Apr 2026).
    tl = review_case(review_responded=D(2025, 10, 29), review_responded_posted=D(2025, 10, 29))
    assert when(tl, "review_response_due").state == "met"  # issued in time
    assert when(tl, "commissioner_complaint_by").date == D(2026, 5, 1)
    assert when(tl, "commissioner_complaint_by_safe").date == D(2026, 4, 29)


# --- FOISA-COURT --------------------------------------------------------------------------------


def decided(regime: str = "foisa", **events: date) -> Timeline:
    return timeline_from_events(
        None,
        regime,
        responded=D(2025, 9, 1),
        today=D(2025, 11, 20),
        **events,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("regime", ["foisa", "eisr"])
def test_example_45_court_of_session_not_rolled_with_a_warning(regime: str) -> None:
    # rules.md example 45: intimated Fri 14 Nov 2025; 42 days: to Sun 30 Nov is 16, to Fri 26 Dec
    # is 42: Boxing Day, a Scottish bank holiday; not rolled, and warned.
    tl = decided(regime, decision_notice=D(2025, 11, 14))
    court = when(tl, "court_appeal_by")
    assert (court.date, court.rule, court.status) == (
        D(2025, 12, 26),
        "FOISA-COURT",
        "best reading",
    )
    assert court.warning == COURT_OFF_DAY
    assert "General Department" in court.warning


def test_the_warning_follows_the_scottish_calendar() -> None:
    # Intimated Fri 21 Nov 2025 -> Fri 2 Jan 2026 (21 Nov + 9 = 30 Nov, + 33 = 2 Jan): Scotland's
    # 2 January bank holiday, a working day in England and Wales: warned. Intimated Fri 6 Feb
    # 2026 -> Fri 20 Mar 2026, a working day: no warning.
    assert when(decided(decision_notice=D(2025, 11, 21)), "court_appeal_by").warning is not None
    plain = when(decided(decision_notice=D(2026, 2, 6)), "court_appeal_by")
    assert (plain.date, plain.warning) == (D(2026, 3, 20), None)


def test_a_later_statement_of_reasons_starts_the_42_days() -> None:
    # FOISA-COURT (RCS 41.20(1)(b)(ii)): decision intimated Fri 14 Nov 2025, statement of reasons
    # intimated Mon 1 Dec 2025; 42 days after it: to Wed 31 Dec is 30, to Mon 12 Jan 2026 is 42,
    # a working day: no warning.
    tl = decided(decision_notice=D(2025, 11, 14), statement_of_reasons=D(2025, 12, 1))
    court = when(tl, "court_appeal_by")
    assert (court.date, court.counted_from, court.warning) == (
        D(2026, 1, 12),
        "statement_of_reasons",
        None,
    )
    event = when(tl, "statement_of_reasons")
    assert (event.date, event.rule, event.kind) == (D(2025, 12, 1), "FOISA-COURT", "event")


def test_a_statement_of_reasons_is_checked() -> None:
    with pytest.raises(InvalidInput, match="is given without decision_notice"):
        decided(statement_of_reasons=D(2025, 12, 1))
    with pytest.raises(InvalidInput, match="is before decision_notice"):
        decided(decision_notice=D(2025, 11, 14), statement_of_reasons=D(2025, 11, 13))
    with pytest.raises(InvalidInput, match="FOISA-COURT"):
        decided("foia", decision_notice=D(2025, 11, 14), statement_of_reasons=D(2025, 12, 1))


def test_example_45_warning_in_every_output() -> None:
    args = ("timeline", "2025-08-19", "--regime", "foisa", "--responded", "2025-09-16",
            "--decision-notice", "2025-11-14", "--today", "2025-11-20")  # fmt: skip
    code, out, _ = run(*args)
    assert code == 0
    assert "warning: the last day is a Saturday, Sunday or Scottish bank" in out
    code, out, _ = run(*args, "--json")
    court = next(m for m in json.loads(out)["milestones"] if m["key"] == "court_appeal_by")
    assert (court["date"], court["warning"]) == ("2025-12-26", str(COURT_OFF_DAY))
    response = next(m for m in json.loads(out)["milestones"] if m["key"] == "response_due")
    assert response["warning"] is None
    code, out, _ = run(*args, "--format", "md")
    assert "[warning: the last day is a Saturday" in out
    tl = decided(decision_notice=D(2025, 11, 14))
    calendar = Calendar.from_ical(timeline_ics(tl))
    court_event = next(
        e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("court-appeal-by-")
    )
    assert "Warning: the last day is a Saturday" in str(court_event["description"])
    code, out, _ = run("appeal", "--regime", "foisa", "--responded", "2025-09-16",
                       "--decision-notice", "2025-11-14", "--today", "2025-11-20")  # fmt: skip
    assert "    warning: the last day is a Saturday" in out
    code, out, _ = run(*args, "--lang", "cy")
    assert "rhybudd: mae'r diwrnod olaf yn ddydd Sadwrn" in out


# --- FOISA-KEEPER and FOISA-RR-RESP's Keeper condition ------------------------------------------


def test_keeper_s22_records_30th_working_day() -> None:
    # FOISA-KEEPER: received Tue 19 Aug 2025 (FOISA-RESP: Tue 16 Sep, ex 2). 30th working day
    # under WD-SCOT: Aug 20-22 (3), 25-29 (8: 25 Aug is a working day in Scotland), Sep 1-5 (13),
    # 8-12 (18), 15-19 (23), 22-26 (28), 29 (29), 30 (30): Tue 30 Sep 2025.
    deadline = response_deadline(D(2025, 8, 19), "foisa", body="keeper")
    assert (deadline.due, deadline.rule, deadline.working_days) == (
        D(2025, 9, 30),
        "FOISA-KEEPER",
        30,
    )
    assert response_deadline(D(2025, 8, 19), "foisa").due == D(2025, 9, 16)


def test_keeper_fee_days_are_disregarded_from_the_30() -> None:
    # FOISA-KEEPER with FOISA-FEES (rules.md example 11's dates): received Mon 1 Sep 2025; fees
    # notice Fri 5 Sep, paid Wed 10 Sep: 5, 8, 9, 10 Sep left out. Sep 2-4 (3), 11-12 (5), 15-19
    # (10), 22-26 (15), Sep 29-Oct 3 (20), Oct 6-10 (25), 13-17 (30): Fri 17 Oct 2025 (without
    # the fee: Sep 2-5 (4), ... Oct 6-10 (29), Mon 13 Oct (30)).
    paid = response_deadline(
        D(2025, 9, 1), "foisa", body="keeper", fees_notice=D(2025, 9, 5), fee_paid=D(2025, 9, 10)
    )
    assert paid.due == D(2025, 10, 17)
    assert response_deadline(D(2025, 9, 1), "foisa", body="keeper").due == D(2025, 10, 13)


def test_keeper_on_the_command_line() -> None:
    code, out, _ = run("due", "2025-08-19", "--regime", "foisa", "--body", "keeper", "--explain")
    assert code == 0
    assert out.startswith("Response due: Tuesday 30 September 2025\n")
    assert "(FOISA-KEEPER, --body keeper)" in out
    code, out, _ = run("due", "2025-08-19", "--regime", "foisa", "--body", "keeper", "--json")
    data = json.loads(out)
    assert (data["rule"], data["body"]["body"], data["due"]) == (
        "FOISA-KEEPER",
        "keeper",
        "2025-09-30",
    )


@pytest.mark.parametrize("regime", ["foia", "eisr"])
def test_keeper_is_a_foisa_body(regime: str) -> None:
    code, out, err = run("due", "2025-08-19", "--regime", regime, "--body", "keeper")
    assert (code, out) == (2, "")
    assert err == (
        f"foiclock: error: body: 'keeper' has no time limit of its own under {regime.upper()} "
        "(FOISA-KEEPER is a FOISA rule); accepted: --regime foisa with --body, or no --body\n"
    )


def test_a_foia_body_under_foisa_still_names_foia() -> None:
    # The message for FOIA's bodies reads as before.
    code, _, err = run("due", "2025-08-19", "--regime", "foisa", "--body", "archive")
    assert code == 2
    assert err == (
        "foiclock: error: body: 'archive' has no time limit of its own under FOISA (FOIA-ARCHIVE "
        "is a FOIA rule); accepted: --regime foia with --body, or no --body\n"
    )


def keeper_review(by_other: bool) -> Timeline:
    case = make_case(
        D(2025, 8, 19), "foisa", body="keeper", review_by_other_authority=by_other,
        responded=D(2025, 9, 30), review_requested=D(2025, 10, 1),
    )  # fmt: skip
    return case_timeline(case, D(2025, 10, 2))


def test_keeper_review_by_another_authority_30th_working_day() -> None:
    # FOISA-RR-RESP, s21(2): the authority is the Keeper and a different authority is, by virtue
    # of s22(4), to review. Requirement received Wed 1 Oct 2025: the 20th working day is Wed 29
    # Oct (ex 20); the 30th: Oct 30, 31 (22), Nov 3-7 (27), 10, 11, 12 (30): Wed 12 Nov 2025. The
    # SIC may be applied to from the day after: Thu 13 Nov.
    review = when(keeper_review(True), "review_response_due")
    assert (review.date, review.rule, review.source) == (
        D(2025, 11, 12),
        "FOISA-RR-RESP",
        "FOISA s21(2)",
    )
    assert when(keeper_review(True), "commissioner_complaint_from").date == D(2025, 11, 13)
    plain = when(keeper_review(False), "review_response_due")
    assert (plain.date, plain.source) == (D(2025, 10, 29), "FOISA s21(1)")
    assert [m.key for m in keeper_review(True).milestones].count("review_response_due") == 1


def test_review_by_other_authority_needs_the_keeper() -> None:
    with pytest.raises(InvalidInput) as caught:
        make_case(D(2025, 8, 19), "foisa", review_by_other_authority=True)
    assert caught.value.field == "review_by_other_authority"
    assert "FOISA-RR-RESP" in caught.value.message()
    code, _, err = run("timeline", "2025-08-19", "--regime", "foisa", "--review-by-other-authority")
    assert code == 2 and "Keeper of the Records of Scotland" in err


def test_keeper_keys_in_a_case_file_or_batch_row() -> None:
    case = case_from_mapping(
        {"received": "2025-08-19", "regime": "foisa", "body": "keeper",
         "review_by_other_authority": "yes"}
    )  # fmt: skip
    assert (case.body, case.review_by_other_authority) == ("keeper", True)
    row = answer_row({"received": "2025-08-19", "regime": "foisa", "body": "keeper"}, D(2025, 9, 1))
    assert (row.due, row.rule) == (D(2025, 9, 30), "FOISA-KEEPER")
    refused = answer_row(
        {"received": "2025-08-19", "regime": "foisa", "review_by_other_authority": "true"},
        D(2025, 9, 1),
    )
    assert refused.status == "error" and "review_by_other_authority" in (refused.error or "")


# --- Every output shows the new milestones --------------------------------------------------------


def test_new_milestones_in_csv_markdown_and_ics() -> None:
    tl = review_case(review_responded=D(2025, 11, 14), review_responded_posted=D(2025, 11, 14))
    csv_text = timeline_csv(tl)
    # Posted Fri 14 Nov: presumed received Mon 17 Nov; six months after: Sun 17 May 2026.
    assert (
        ",review_responded_received,Review outcome presumed received,2025-11-17,done," in csv_text
    )
    assert ",review_responded_posted,Review outcome posted,2025-11-14,done," in csv_text
    assert ",commissioner_complaint_by,Apply to the SIC by,2026-05-17,open," in csv_text
    assert (
        ",commissioner_complaint_by_safe,Apply to the SIC by (safe date),2026-04-29,open,"
        in csv_text
    )
    markdown = timeline_markdown(tl)
    assert "| Mon 17 Nov 2025 | Review outcome presumed received | done | C-POST-SCOT |" in markdown
    calendar = Calendar.from_ical(timeline_ics(tl))
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert any(uid.startswith("review-responded-received-") for uid in uids)
    summaries = {str(event["summary"]) for event in calendar.walk("VEVENT")}
    assert "FOISA: Apply to the SIC by (safe date)" in summaries
    assert "FOISA: Review outcome presumed received" in summaries


def test_json_keeps_every_existing_key() -> None:
    code, out, _ = run(
        "timeline", "2025-08-19", "--regime", "foisa", "--responded", "2025-09-16", "--json"
    )
    assert code == 0
    milestone = json.loads(out)["milestones"][0]
    assert set(milestone) >= {
        "key", "label", "date", "kind", "party", "rule", "description", "source", "status",
        "state", "waits_for", "counted_from", "days_left", "days_left_kind", "working_days_late",
        "days_late", "provisional", "office_closed", "warning",
    }  # fmt: skip


# --- Properties against the day-stepping oracle -------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    received=st.dates(D(2012, 1, 1), D(2028, 3, 31)),
    answered_after=st.integers(1, 60),
    posted_after=st.integers(0, 3),
    arrived_after=st.none() | st.integers(3, 12),
)
def test_a_posted_answer_against_the_oracle(
    received: date, answered_after: int, posted_after: int, arrived_after: int | None
) -> None:
    """FOISA-RR-REQ: 40 WD after the expiry for an answer issued in time; after a late one, 40 WD
    after the requester received it: posted + 3 days (C-POST-SCOT), or a later actual day."""
    responded = received + timedelta(days=answered_after)
    # T-COVID-FOISA: an answer issued from 7 Apr to 26 May 2020 to a request received from 7 Apr
    # 2020 was judged against 60 working days, so the time for compliance ran to the 60th.
    due = oracle.add(received, oracle.foisa_limit("foisa", received, responded), SCOTLAND)
    posted = responded + timedelta(days=posted_after)
    actual = posted + timedelta(days=arrived_after) if arrived_after is not None else None
    case = make_case(
        received, "foisa", responded=responded, responded_posted=posted, responded_received=actual
    )
    tl = case_timeline(case, received)
    receipt = actual or posted + timedelta(days=3)
    assert when(tl, "responded_received").date == receipt
    anchor = due if responded <= due else receipt
    assert when(tl, "review_request_by").date == oracle.add(anchor, 40, SCOTLAND)
    assert when(tl, "review_request_by_safe").date == oracle.add(responded, 40, SCOTLAND)
    assert when(tl, "review_request_by_safe").date <= when(tl, "review_request_by").date  # type: ignore[operator]


@settings(max_examples=200, deadline=None)
@given(
    notice=st.dates(D(2012, 1, 1), D(2028, 10, 31)),
    statement_after=st.none() | st.integers(0, 60),
)
def test_court_of_session_against_the_oracle(notice: date, statement_after: int | None) -> None:
    """FOISA-COURT: 42 calendar days after the later of the decision and a statement of reasons,
    never moved; warned exactly when that day is not a Scottish working day."""
    statement = notice + timedelta(days=statement_after) if statement_after is not None else None
    tl = timeline_from_events(
        None, "foisa", responded=D(2012, 1, 1), decision_notice=notice,
        statement_of_reasons=statement, today=notice,
    )  # fmt: skip
    court = when(tl, "court_appeal_by")
    last = (statement or notice) + timedelta(days=42)
    assert court.date == last
    assert (court.warning is not None) == (not oracle.is_working_day(last, SCOTLAND))
