"""Regression tests for what an independent review of the timeline commands found: each test
names the finding it guards."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from foiclock import InvalidInput, make_case
from foiclock.cli import app
from foiclock.clock.status import case_status
from foiclock.clock.timeline import case_timeline

D = date
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# 1. -o must not replace a symlink, a FIFO or a device with a regular file.


def test_output_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "target.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target.name)
    code, _, _ = run("timeline", "2025-08-19", "-o", str(link))
    assert code == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("### FOIA timeline")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "target.md"]


def test_output_to_a_device_writes_to_it() -> None:
    code, _, err = run("timeline", "2025-08-19", "-o", os.devnull)
    assert (code, err) == (0, f"foiclock: wrote {os.devnull}\n")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_empty_output_path() -> None:
    code, _, err = run("timeline", "2025-08-19", "-o", "")
    assert code == 2
    assert err == "foiclock: error: output: '' is empty; accepted: a file path\n"


# 2. A review asked for before a late response is allowed where the window counts from the
# deadline (EIR-REP-REQ, FOISA-RR-REQ, EISR-REP-REQ), and under FOIA, where a review of a
# failure to respond is allowed too (FOIA-IR-REQ, rules.md as settled on 2026-12-01).


@pytest.mark.parametrize("regime", ["foia", "eir", "foisa", "eisr"])
def test_review_before_a_late_response(regime: str) -> None:
    case = make_case(
        D(2025, 8, 19), regime, review_requested=D(2025, 9, 22), responded=D(2025, 9, 30)
    )
    assert case.review_requested == D(2025, 9, 22)


# 3. A case is judged on what has happened by --today: later events are planned, and said so
# (tests/test_planned.py: their dates still count).


def test_response_after_today_is_not_known_yet() -> None:
    # FOISA, due Tue 16 Sep 2025 (ex 2). On Wed 10 Sep the answer of 30 Sep was not known: the
    # deadline was open with Sep 11, 12, 15, 16 left.
    case = make_case(D(2025, 8, 19), "foisa", responded=D(2025, 9, 30))
    tl = case_timeline(case, D(2025, 9, 10))
    response = tl.get("response_due")
    assert response is not None
    assert (response.state, response.days_left) == ("open", 4)
    responded = tl.get("responded")
    assert responded is not None and responded.state == "planned"
    assert [(e.key, e.date) for e in tl.planned] == [("responded", D(2025, 9, 30))]
    status = case_status(case, D(2025, 9, 10))
    assert (status.state, status.working_days_left) == ("open", 4)


def test_clarification_after_today_leaves_the_clock_waiting() -> None:
    case = make_case(
        D(2025, 8, 19),
        clarification_requested=D(2025, 8, 22),
        clarification_received=D(2025, 9, 1),
    )
    assert case_status(case, D(2025, 8, 29)).state == "awaiting_clarification"
    code, out, _ = run(
        "status",
        "2025-08-19",
        "--clarification-requested",
        "2025-08-22",
        "--clarification-received",
        "2025-09-01",
        "--today",
        "2025-08-29",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["left_out"] == [{"key": "clarification_received", "date": "2025-09-01"}]


# 4. Late or overdue on a non-working day straight after the deadline is not "late by 0".


def test_overdue_on_the_saturday_after_the_deadline() -> None:
    # rules.md ex 11: due Fri 3 Oct 2025. On Sat 4 Oct: one day overdue, no working day yet.
    args = ["status", "2025-09-01", "--fees-notice", "2025-09-05", "--fee-paid", "2025-09-10"]
    code, out, _ = run(*args, "--today", "2025-10-04")
    assert code == 1
    assert out.startswith("Overdue by 1 day (0 working days): due Friday 3 October 2025")
    code, out, _ = run(*args, "--responded", "2025-10-04", "--today", "2025-10-06")
    assert out.startswith("Answered late by 1 day (0 working days) on Saturday 4 October 2025")


# 5. SAR: a response before the date of receipt is refused, as for FOIA.


def test_sar_response_before_receipt() -> None:
    with pytest.raises(InvalidInput, match="responded: '2025-08-01' is before the date of receipt"):
        make_case(D(2025, 8, 19), "sar", responded=D(2025, 8, 1))


# 6. letter warns when a date reaches past the announced holidays.


def test_letter_warns_when_provisional() -> None:
    code, _, err = run("letter", "--responded", "2030-06-03")
    assert code == 0
    assert "foiclock: warning: provisional" in err


# 7. A date counted from a provisional date is provisional too.


def test_provisional_anchor_makes_its_windows_provisional() -> None:
    # Requirement for review Sun 10 Dec 2028; 20 Scottish working days reach January 2029.
    case = make_case(
        D(2028, 10, 2), "foisa", responded=D(2028, 10, 20), review_requested=D(2028, 12, 10)
    )
    tl = case_timeline(case, D(2028, 12, 10))
    for key in ("review_response_due", "commissioner_complaint_from", "commissioner_complaint_by"):
        milestone = tl.get(key)
        assert milestone is not None and milestone.provisional, key


# Lesser findings.


def test_extension_not_taken_does_not_make_the_timeline_provisional() -> None:
    # SAR, received Mon 20 Nov 2028: one month ends Wed 20 Dec 2028, the unused extension
    # (SAR-EXT) Tue 20 Feb 2029. (SAR has no review window, which would reach 2029 too: under
    # FOIA the review window counts from the missed deadline as guidance, FOIA-IR-REQ.)
    tl = case_timeline(make_case(D(2028, 11, 20), "sar"), D(2028, 11, 20))
    assert tl.get("response_due_extended").provisional  # type: ignore[union-attr]
    assert not tl.provisional


def test_appeal_checks_the_nation() -> None:
    code, _, err = run("appeal", "--responded", "2025-09-16", "--nation", "wales")
    assert code == 2
    assert err.startswith("foiclock: error: nation: 'wales' is not a nation foiclock knows")


def test_appeal_without_a_response_counts_from_the_deadline() -> None:
    # EIR-REP-REQ with no response: received 19 Aug 2025, due 17 Sep, 40 WD on: Wed 12 Nov 2025.
    code, out, _ = run("appeal", "--received", "2025-08-19", "-r", "eir", "--today", "2025-10-01")
    assert code == 0
    assert "Make representations by Wednesday 12 November 2025" in out


def test_lapsed_request_names_no_option_that_does_not_exist() -> None:
    # The fee was not paid within three months beginning with the notice of 5 Sep 2025 (last day
    # 4 Dec, FOISA-FEES): the request lapsed, so the
    # FOISA statute window (from the response deadline) can never be dated.
    case = make_case(
        D(2025, 9, 1),
        "foisa",
        fees_notice=D(2025, 9, 5),
        fee_paid=D(2026, 1, 10),
        responded=D(2026, 1, 20),
    )
    milestone = case_timeline(case, D(2026, 1, 20)).get("review_request_by")
    assert milestone is not None
    assert (milestone.date, milestone.state, milestone.waits_for) == (None, "lapsed", None)


def test_ics_reminds_only_of_deadlines_still_ahead() -> None:
    result = runner.invoke(
        app,
        [
            "timeline",
            "2025-08-19",
            "--responded",
            "2025-09-10",
            "-f",
            "ics",
            "--today",
            "2025-10-01",
        ],
    )
    events = {str(e["summary"]): e for e in Calendar.from_ical(result.stdout_bytes).walk("VEVENT")}
    assert events["FOIA: Response due"].walk("VALARM") == []  # met
    assert events["FOIA: Response due if extended"].walk("VALARM") == []  # not taken
    assert len(events["FOIA: Ask for an internal review by"].walk("VALARM")) == 1  # open


def test_sar_calendar_legend_has_no_unused_mark() -> None:
    code, out, _ = run("calendar", "2026-01-31", "-r", "sar")
    assert code == 0
    assert "  !" not in out


def test_eisr_letter_speaks_of_representations() -> None:
    code, out, _ = run("letter", "-r", "eisr", "--responded", "2025-09-16")
    assert code == 0
    assert "requirement for review" not in out
    assert "receiving your representations" in out


def test_explain_armed_or_abroad_with_an_unpaid_fee() -> None:
    """Found by the batch agreement test: the day to apply to the Commissioner lay past the fees
    notice of an unpaid fee, beyond the walk, and the explanation crashed. Received Sun 26 Apr
    2026: Apr 27-30, May 1 (5), 4 May a holiday, May 5-8 (9), 11-15 (14), 18-22 (19), 25 May a
    holiday, Tue 26 May is the 20th working day (FOIA-ABROAD's 20 working days to apply)."""
    code, out, err = run(
        "due", "2026-04-26", "--fees-notice", "2026-05-16", "--body", "abroad", "--explain"
    )
    assert (code, err) == (0, "")
    assert "Tue 26 May 2026  awaiting the fee; last day to apply to the" in out
