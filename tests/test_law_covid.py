"""FOISA's 2020 coronavirus limits as rules over time (../shared/rules-over-time.md T-COVID-FOISA,
T-COVID-END, T-COVID-SIC, T-COVID-OTHER; worked examples T4 to T9). Responses (s10) and review
outcomes (s21) issued from 7 April to 26 May 2020, to what was received from 7 April, were
judged against 60 working days; anything unanswered on 27 May 2020 went back to 20 working days
from the original receipt. Every answer is counted by hand in its comment under WD-SCOT, with
2020's Scottish bank holidays from GOV.UK: Good Friday 10 Apr, Fri 8 May (VE Day), Mon 25 May
(Spring), Mon 3 Aug (Summer); Easter Monday 13 Apr is a working day in Scotland."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from foiclock import make_case, response_deadline
from foiclock.batch.rows import RowAnswers, answer_row
from foiclock.cli import app
from foiclock.clock.deadline import Deadline, case_deadline
from foiclock.clock.timeline import Milestone, case_timeline, timeline_from_events
from foiclock.present.render import due_text

D = date
runner = CliRunner()


def foisa(received: date, responded: date | None = None) -> Deadline:
    return case_deadline(make_case(received, "foisa", responded=responded))


def version(deadline: Deadline) -> str | None:
    return deadline.rule_version.id if deadline.rule_version is not None else None


def due_json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["due", *args, "--json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def explained(*args: str) -> str:
    result = runner.invoke(app, ["due", *args, "--explain"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


# --- T4: answered by 26 May 2020: the 60th working day -----------------------------------------


@pytest.mark.parametrize("responded", [D(2020, 4, 7), D(2020, 5, 20), D(2020, 5, 26)])
def test_t4_answered_by_26_may_is_judged_against_60_working_days(responded: date) -> None:
    # T4 (T-COVID-FOISA): received Tue 7 Apr 2020. Day 1 Wed 8 Apr; Apr 8-9 (2), [10 Good
    # Friday], 13-17 (7: Easter Monday counts in Scotland), 20-24 (12), 27-30 (16); May 1 (17),
    # 4-7 (21), [8 VE Day], 11-15 (26), 18-22 (31), [25 Spring], 26-29 (35); Jun 1-5 (40), 8-12
    # (45), 15-19 (50), 22-26 (55), 29-30 (57); Jul 1 (58), 2 (59), Fri 3 Jul 2020 (60).
    # The first day, a day inside and the last day of the window all give it.
    deadline = foisa(D(2020, 4, 7), responded)
    assert deadline.due == D(2020, 7, 3)
    assert deadline.working_days == 60
    assert version(deadline) == "T-COVID-FOISA"
    assert "60th working day" in deadline.rule_description
    assert deadline.version_notes == ()  # the limit is known: nothing to ask
    counted = [step.day for step in deadline.steps if step.kind == "counted"]
    assert len(counted) == 60 and counted[-1] == D(2020, 7, 3)


def test_t4_on_the_command_line_json_and_explain() -> None:
    words = ["2020-04-07", "-r", "foisa", "--responded", "2020-05-20"]
    data = due_json(*words)
    assert (data["due"], data["rule_version"], data["working_days"]) == (
        "2020-07-03",
        "T-COVID-FOISA",
        60,
    )
    text = explained(*words)
    assert text.startswith("Response due: Friday 3 July 2020\n")
    assert "Rule version: T-COVID-FOISA" in text
    status = runner.invoke(app, ["status", *words, "--today", "2020-06-01", "--json"])
    assert json.loads(status.stdout)["state"] == "answered_on_time"  # 20 May <= 3 Jul


# --- T5: not answered by 27 May 2020: the 20th working day, already passed ---------------------


def test_t5_unanswered_on_27_may_goes_back_to_20_working_days() -> None:
    # T5 (T-COVID-END): received Tue 7 Apr 2020, from T4's count the 20th working day is Wed
    # 6 May 2020 (Apr 8-9, 13-17, 20-24, 27-30: 16; May 1, 4, 5, 6: 20), already passed on
    # 27 May 2020 when the 20 came back.
    for responded in (None, D(2020, 5, 27), D(2020, 6, 20)):
        deadline = foisa(D(2020, 4, 7), responded)
        assert deadline.due == D(2020, 5, 6)
        assert deadline.working_days == 20
        assert version(deadline) == "T-COVID-END"
        assert any("had already passed on Wednesday 27 May 2020" in n for n in deadline.notes)


def test_t5_without_a_response_date_asks_when_it_was_answered() -> None:
    """rules-over-time.md: the tool must ask "answered on?" for a receipt from 7 April to
    26 May 2020: the note gives the 60 working-day date (T4's Fri 3 Jul 2020) too."""
    data = due_json("2020-04-07", "-r", "foisa")
    assert (data["due"], data["rule_version"]) == ("2020-05-06", "T-COVID-END")
    notes = data["notes"]
    assert isinstance(notes, list)
    asking = [n for n in notes if "depends on when the answer was issued" in n]
    assert len(asking) == 1
    assert "due Friday 3 July 2020" in asking[0] and "--responded" in asking[0]
    text = runner.invoke(app, ["due", "2020-04-07", "-r", "foisa"]).stdout
    assert "depends on when the answer was issued" in text  # without --explain too


def test_t5_explain_notes_that_the_commissioner_may_excuse() -> None:
    """T5: --explain notes para 6(2)(a)(ii) (T-COVID-SIC): a note only, in no JSON note."""
    text = explained("2020-04-07", "-r", "foisa")
    assert "Rule version: T-COVID-END" in text
    assert "T-COVID-SIC" in text and "6(2)(a)(ii)" in text
    assert "6(2)(a)(ii)" not in json.dumps(due_json("2020-04-07", "-r", "foisa"))
    # Answered in the window: the 60 applied, so the repealed-60 excuse is not noted
    answered = explained("2020-04-07", "-r", "foisa", "--responded", "2020-05-20")
    assert "6(2)(a)(ii)" not in answered and "sch 6 para 6, as amended" in answered


def test_a_response_after_26_may_is_late_against_the_20() -> None:
    # T5's case answered Wed 27 May 2020: 20th working day Wed 6 May, so late by 13 working
    # days (May 7 (1), [8], 11-15 (6), 18-22 (11), [25], 26 (12), 27 (13)).
    result = runner.invoke(
        app,
        ["status", "2020-04-07", "-r", "foisa", "--responded", "2020-05-27", "--json"],
    )
    data = json.loads(result.stdout)
    assert (data["due"], data["state"], data["working_days_late"]) == (
        "2020-05-06",
        "answered_late",
        13,
    )


# --- T6: received 20 May 2020 ------------------------------------------------------------------


def test_t6_received_in_the_last_week_of_the_window() -> None:
    # T6: received Wed 20 May 2020. Day 1 Thu 21 May; 21-22 (2), [25 Spring], 26-29 (6);
    # Jun 1-5 (11), 8-12 (16), 15-18 (20): Thu 18 Jun 2020. The 60: Jun 19 (21), 22-26 (26),
    # 29-30 (28); Jul 1-3 (31), 6-10 (36), 13-17 (41), 20-24 (46), 27-31 (51); Aug [3 Summer],
    # 4-7 (55), 10-14 (60): Fri 14 Aug 2020.
    unanswered = foisa(D(2020, 5, 20))
    assert (unanswered.due, version(unanswered)) == (D(2020, 6, 18), "T-COVID-END")
    assert any("due Friday 14 August 2020" in n for n in unanswered.version_notes)
    assert not any("already passed" in n for n in unanswered.notes)  # 18 Jun is after 27 May
    answered_late = foisa(D(2020, 5, 20), D(2020, 6, 10))
    assert answered_late.due == D(2020, 6, 18)
    assert answered_late.version_notes == (
        "an answer issued from Tuesday 7 April 2020 to Tuesday 26 May 2020 was judged against "
        "60 working days, due Friday 14 August 2020 (T-COVID-FOISA); this one was issued after "
        "Tuesday 26 May 2020, so the date shown applies",
    )
    answered = foisa(D(2020, 5, 20), D(2020, 5, 26))
    assert (answered.due, version(answered)) == (D(2020, 8, 14), "T-COVID-FOISA")


# --- T7: received before 7 April 2020 (conflict) -----------------------------------------------


def test_t7_not_retrospective_with_brodies_reading_beside_it() -> None:
    # T7: received Wed 1 Apr 2020. Day 1 Thu 2 Apr; 2-3 (2), 6-9 (6), [10], 13-17 (11), 20-24
    # (16), 27-30 (20): Thu 30 Apr 2020 (best reading, "not retrospective"). Brodies' 60: May 1
    # (21), 4-7 (25), [8], 11-15 (30), 18-22 (35), [25], 26-29 (39); Jun 1-5 (44), 8-12 (49),
    # 15-19 (54), 22-26 (59), Mon 29 Jun 2020 (60).
    for responded in (None, D(2020, 5, 1)):
        deadline = foisa(D(2020, 4, 1), responded)
        assert (deadline.due, version(deadline)) == (D(2020, 4, 30), "T-FOISA-START")
        (reading,) = deadline.version_notes
        assert reading.startswith("conflicting reading (T-COVID-FOISA): Brodies")
        assert "not retrospective" in reading and "best reading" in reading
        assert reading.endswith("due Monday 29 June 2020")
    # Answered after 26 May, no reading gives it 60 working days
    assert foisa(D(2020, 4, 1), D(2020, 6, 1)).version_notes == ()


def test_brodies_reading_is_left_out_when_even_the_60_had_passed_on_7_april() -> None:
    # Received Thu 2 Jan 2020 (1 and 2 Jan are Scottish holidays): day 1 Fri 3 Jan; Jan 3 (1),
    # 6-10 (6), 13-17 (11), 20-24 (16), 27-31 (21); Feb 3-7 (26), 10-14 (31), 17-21 (36),
    # 24-28 (41); Mar 2-6 (46), 9-13 (51), 16-20 (56), 23-26 (60): Thu 26 Mar 2020, before the
    # Act came into force: late on either reading, so no note.
    assert foisa(D(2020, 1, 2)).version_notes == ()


# --- T8 and T-COVID-OTHER: no change outside FOISA ---------------------------------------------


def test_t8_eisr_unchanged() -> None:
    # T8 (T-COVID-OTHER): EISR received Wed 15 Apr 2020. Day 1 Thu 16 Apr; 16-17 (2), 20-24 (7),
    # 27-30 (11); May 1 (12), 4-7 (16), [8 VE Day], 11-14 (20): Thu 14 May 2020, answered in the
    # window or not.
    for responded in (None, D(2020, 5, 1)):
        deadline = response_deadline(D(2020, 4, 15), "eisr", responded=responded)
        assert deadline.due == D(2020, 5, 14)
        assert (deadline.rule_version, deadline.notes, deadline.remarks) == (None, (), ())


@pytest.mark.parametrize("regime", ["foia", "eir"])
def test_foia_and_eir_unchanged(regime: str) -> None:
    # T-COVID-OTHER: received Tue 7 Apr 2020 under WD-UK (Good Friday 10 Apr, Easter Monday
    # 13 Apr, Fri 8 May): 8-9 (2), 14-17 (6), 20-24 (11), 27-30 (15); May 1 (16), 4-7 (20):
    # Thu 7 May 2020, though answered on 20 May.
    deadline = response_deadline(D(2020, 4, 7), regime, responded=D(2020, 5, 20))
    assert (deadline.due, deadline.version_notes, deadline.remarks) == (D(2020, 5, 7), (), ())


def test_sar_unchanged() -> None:
    # T-COVID-OTHER: SAR received Tue 7 Apr 2020, one month (C-MONTH): Thu 7 May 2020.
    deadline = response_deadline(D(2020, 4, 7), "sar", responded=D(2020, 5, 20))
    assert (deadline.due, deadline.version_notes) == (D(2020, 5, 7), ())


# --- T9: a requirement for review (s21) --------------------------------------------------------


def review(review_responded: date | None = None, **events: object) -> Milestone:
    """A request received Mon 20 Apr 2020, answered Thu 30 Apr, review required Fri 1 May."""
    case = make_case(
        D(2020, 4, 20),
        "foisa",
        responded=D(2020, 4, 30),
        review_requested=D(2020, 5, 1),
        review_responded=review_responded,
        **events,  # type: ignore[arg-type]
    )
    milestone = case_timeline(case, D(2021, 1, 1)).get("review_response_due")
    assert milestone is not None
    return milestone


def test_t9_requirement_for_review_answered_by_26_may() -> None:
    # T9: received Fri 1 May 2020. Day 1 Mon 4 May; 4-7 (4), [8], 11-15 (9), 18-22 (14), [25],
    # 26-29 (18); Jun 1 (19), 2 (20): Tue 2 Jun 2020. The 60: Jun 3-5 (23), 8-12 (28), 15-19
    # (33), 22-26 (38), 29-30 (40); Jul 1-3 (43), 6-10 (48), 13-17 (53), 20-24 (58), 27 (59),
    # Tue 28 Jul 2020 (60).
    answered = review(D(2020, 5, 20))
    assert (answered.date, answered.rule_version, answered.state) == (
        D(2020, 7, 28),
        "T-COVID-FOISA",
        "met",
    )
    assert "60th working day" in answered.description and answered.warning is None


def test_t9_not_answered_by_26_may() -> None:
    unanswered = review()
    assert (unanswered.date, unanswered.rule_version) == (D(2020, 6, 2), "T-COVID-END")
    assert unanswered.warning is not None
    assert "due Tuesday 28 July 2020" in unanswered.warning
    assert "--review-responded" in unanswered.warning
    late = review(D(2020, 6, 3))  # one working day after Tue 2 Jun
    assert (late.date, late.state, late.working_days_late) == (D(2020, 6, 2), "late", 1)
    assert late.warning is not None and "was issued after" in late.warning


def test_t9_in_the_requesters_view_and_json() -> None:
    tl = timeline_from_events(
        None, "foisa", responded=D(2020, 4, 30), review_requested=D(2020, 5, 1),
        review_responded=D(2020, 5, 26), today=D(2021, 1, 1),
    )  # fmt: skip
    milestone = tl.get("review_response_due")
    assert milestone is not None and milestone.date == D(2020, 7, 28)
    words = ["timeline", "2020-04-20", "-r", "foisa", "--responded", "2020-04-30"]
    words += ["--review-requested", "2020-05-01", "--review-responded", "2020-05-20", "--json"]
    data = json.loads(runner.invoke(app, words).stdout)
    found = {m["key"]: (m["date"], m["rule_version"]) for m in data["milestones"]}
    assert found["review_response_due"] == ("2020-07-28", "T-COVID-FOISA")
    # The request itself, received Mon 20 Apr and answered in the window: 60 working days
    # (Apr 21-24 (4), 27-30 (8); May 1 (9), 4-7 (13), [8], 11-15 (18), 18-22 (23), [25], 26-29
    # (27); Jun 1-5 (32), 8-12 (37), 15-19 (42), 22-26 (47), 29-30 (49); Jul 1-3 (52), 6-10
    # (57), 13-15 (60): Wed 15 Jul 2020).
    assert found["response_due"] == ("2020-07-15", "T-COVID-FOISA")


def test_the_keepers_30_working_days_are_not_read_as_60() -> None:
    # FOISA s21(2) (the Keeper, another authority to review): the 30th working day after Fri
    # 1 May 2020, from T9's count: Jun 3-5 (23), 8-12 (28), 15 (29), Tue 16 Jun 2020 (30). The
    # coronavirus text (not seen) is read as changing s21(1)'s 20 only.
    milestone = review(D(2020, 5, 20), body="keeper", review_by_other_authority=True)
    assert (milestone.date, milestone.rule_version, milestone.warning) == (
        D(2020, 6, 16),
        None,
        None,
    )


# --- the default FOISA versions and T-COVID-SIC ------------------------------------------------


def test_the_versions_before_and_after() -> None:
    assert version(foisa(D(2019, 6, 3))) == "T-FOISA-START"
    assert version(foisa(D(2020, 4, 6))) == "T-FOISA-START"
    assert version(foisa(D(2020, 5, 27))) == "T-COVID-END"
    assert version(foisa(D(2025, 8, 19))) == "T-COVID-END"
    assert due_json("2025-08-19", "-r", "foisa")["rule_version"] == "T-COVID-END"
    assert foisa(D(2025, 8, 19)).version_notes == ()


def test_t_covid_sic_for_requests_made_to_30_september_2021() -> None:
    """T-COVID-SIC: requests made 7 Apr 2020 to 30 Sep 2021: an --explain note, no date change."""
    for day, noted in (
        (D(2020, 4, 6), 0),
        (D(2020, 5, 27), 1),
        (D(2021, 9, 30), 1),
        (D(2021, 10, 1), 0),
    ):
        deadline = foisa(day)
        assert [r.id for r in deadline.remarks] == ["T-COVID-SIC"] * noted
        assert ("T-COVID-SIC" in due_text(deadline, explain=True)) == bool(noted)
        assert "T-COVID-SIC" not in due_text(deadline)
        assert deadline.due == response_deadline(day, "foisa").due


# --- batches count the response date's version too ---------------------------------------------


def test_a_batch_counts_each_rows_response() -> None:
    """Rows sharing a receipt date share a remembered count; under T-COVID-FOISA the response
    date decides the limit, so it cannot be shared (T4: Fri 3 Jul 2020; T5: Wed 6 May 2020)."""
    rows = RowAnswers(D(2020, 9, 1), "foisa")
    first = rows.answer({"received": "2020-04-07"})
    answered = rows.answer({"received": "2020-04-07", "responded": "2020-05-20"})
    late = rows.answer({"received": "2020-04-07", "responded": "2020-06-20"})
    assert (first.due, first.status) == (D(2020, 5, 6), "overdue")
    assert (answered.due, answered.status) == (D(2020, 7, 3), "answered_on_time")
    assert (late.due, late.status) == (D(2020, 5, 6), "answered_late")
    single = answer_row(
        {"received": "2020-04-07", "responded": "2020-05-20"}, D(2020, 9, 1), "foisa"
    )
    assert single.due == D(2020, 7, 3)
    # FOISA-RR-REQ: 40 working days after the 60th (Fri 3 Jul): Jul 6-10 (5), 13-17 (10), 20-24
    # (15), 27-31 (20); Aug [3], 4-7 (24), 10-14 (29), 17-21 (34), 24-28 (39), Mon 31 Aug (40).
    assert answered.review_request_by == D(2020, 8, 31)


def test_the_review_outcome_event_names_the_version_its_deadline_used() -> None:
    """Found by the second review: a review outcome issued on 26 May 2020 met the 60th working
    day (T9: requirement received Fri 1 May 2020 -> Tue 28 Jul 2020, T-COVID-FOISA), but the
    event itself said T-COVID-END, since its version was chosen without the case's dates."""
    import json

    from typer.testing import CliRunner

    from foiclock.cli import app

    words = [
        "timeline", "2020-04-01", "-r", "foisa", "--responded", "2020-04-20",
        "--review-requested", "2020-05-01", "--review-responded", "2020-05-26",
        "--today", "2026-06-01", "--json",
    ]  # fmt: skip
    data = json.loads(CliRunner().invoke(app, words).stdout)
    versions = {m["key"]: (m["date"], m["rule_version"]) for m in data["milestones"]}
    assert versions["review_response_due"] == ("2020-07-28", "T-COVID-FOISA")
    assert versions["review_responded"] == ("2020-05-26", "T-COVID-FOISA")
