"""FOIA internal reviews before the 2018 Code (rules-over-time.md `T-IR-2004`) and appeals to the
Information Tribunal before the First-tier Tribunal (`T-TRIB-IT`): known answer T13 and counts
written out by hand in each test's comment, in every output that shows a rule or its source.

Calendars: FOIA and EIR count on `WD-UK` (a bank holiday in any part of the UK). Years before 2012
are by rule (`WD-PRE2012`); 2017 and 2018 are GOV.UK's data (tests/data/bank-holidays.json).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from foiclock import answer_row, make_case
from foiclock.cli import app
from foiclock.clock.timeline import Milestone, Timeline, case_timeline, timeline_from_events
from foiclock.present.timeline import appeal_text, timeline_csv, timeline_markdown, timeline_table

runner = CliRunner()


def milestone(timeline: Timeline, key: str) -> Milestone:
    found = timeline.get(key)
    assert found is not None, key
    return found


def t13() -> Timeline:
    return timeline_from_events(
        date(2017, 2, 1),
        "foia",
        responded=date(2017, 3, 1),
        review_requested=date(2017, 3, 1),
        today=date(2017, 3, 2),
    )


# --- T-IR-2004: FOIA internal reviews, 1 January 2005 to 3 July 2018 ---------------------------


def test_t13_no_code_date_to_ask_and_the_ico_2007_review_times() -> None:
    """T13: FOIA response Wed 1 Mar 2017; review asked Wed 1 Mar 2017. The 2004 s45 Code set no
    date to ask by: no FOIA-IR-REQ date. Review (ICO guidance of February 2007), 20th working day:
    Thu 2 (1), Fri 3 (2), 6-10 Mar (7), 13-16 (11), Fri 17 Mar skipped (St Patrick's Day, NI),
    20-24 (16), 27-30 (20): Thu 30 Mar 2017. Never after the 40th: Fri 31 Mar (21), 3-7 Apr (26),
    10-13 (30), Fri 14 Apr (Good Friday) and Mon 17 Apr (Easter Monday) skipped, 18-21 (34),
    24-28 (39), Mon 1 May (Early May) skipped, Tue 2 May 2017 (40)."""
    tl = t13()
    ask = milestone(tl, "review_request_by")
    assert (ask.date, ask.state, ask.rule, ask.rule_version) == (
        None,
        "no_date",
        "FOIA-IR-REQ",
        "T-IR-2004",
    )
    assert ask.source == "s45 Code of Practice (2004)"
    assert "no date to ask by" in ask.description and not ask.guidance
    due = milestone(tl, "review_response_due")
    longest = milestone(tl, "review_response_due_longest")
    assert (due.date, longest.date) == (date(2017, 3, 30), date(2017, 5, 2))
    for window in (due, longest):
        assert (window.rule, window.rule_version, window.status) == (
            "FOIA-IR-RESP",
            "T-IR-2004",
            "practice",
        )
        assert window.source == "ICO guidance of February 2007 on the s45 Code of Practice (2004)"
    # The events answering those windows cite the same version.
    assert milestone(tl, "review_requested").rule_version == "T-IR-2004"
    assert milestone(tl, "review_requested").source == "s45 Code of Practice (2004)"


def test_t13_in_every_output() -> None:
    """T13 through the CLI: JSON carries rule_version T-IR-2004 and state no_date; the table,
    Markdown, CSV and .ics show the 2004 Code and the ICO's 2007 guidance as the source."""
    words = ["timeline", "2017-02-01", "--responded", "2017-03-01", "--review-requested"]
    words += ["2017-03-01", "--today", "2017-03-02"]
    result = runner.invoke(app, [*words, "--json"])
    assert result.exit_code == 0, result.stderr
    data = {m["key"]: m for m in json.loads(result.stdout)["milestones"]}
    assert (data["review_request_by"]["date"], data["review_request_by"]["state"]) == (
        None,
        "no_date",
    )
    assert data["review_request_by"]["rule_version"] == "T-IR-2004"
    assert data["review_response_due"]["date"] == "2017-03-30"
    assert data["review_response_due_longest"]["date"] == "2017-05-02"
    assert data["review_response_due"]["rule_version"] == "T-IR-2004"

    table = timeline_table(t13())
    assert "FOIA-IR-REQ, T-IR-2004: s45 Code of Practice (2004)" in table
    assert "no date to ask by: the s45 Code of Practice of 2004 set none" in table
    assert "FOIA-IR-RESP, T-IR-2004: ICO guidance of February 2007" in table
    markdown = timeline_markdown(t13())
    assert "| - | Ask for an internal review by | no date set [no date to ask by:" in markdown
    assert "| FOIA-IR-RESP, T-IR-2004 | ICO guidance of February 2007 on the s45" in markdown
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(timeline_csv(t13())))}
    assert (rows["review_request_by"]["date"], rows["review_request_by"]["state"]) == (
        "",
        "no_date",
    )
    assert rows["review_request_by"]["source"] == "s45 Code of Practice (2004)"
    assert rows["review_response_due"]["date"] == "2017-03-30"
    assert rows["review_response_due"]["source"].startswith("ICO guidance of February 2007")
    ics = runner.invoke(app, [*words, "--format", "ics"]).stdout_bytes.replace(b"\r\n ", b"")
    assert b"FOIA-IR-RESP\\, T-IR-2004: 20th working day after the review request" in ics
    assert b"ICO guidance of February 2007 on the s45 Code of Practice (2004)" in ics


def test_t13_the_requesters_view_says_there_was_no_date_to_ask_by() -> None:
    """`foiclock appeal`: a window with no date under the rule then in force is listed (not left
    out), with why."""
    tl = timeline_from_events(None, "foia", responded=date(2017, 3, 1), today=date(2017, 3, 2))
    text = appeal_text(tl)
    assert "No date set at the time:" in text
    assert "Ask for an internal review by: no date set (FOIA-IR-REQ, T-IR-2004)" in text
    assert "no date to ask by: the s45 Code of Practice of 2004 set none" in text


def test_ir_req_boundary_4_july_2018() -> None:
    """T-IR-2004 to 3 Jul 2018, T-IR-2018 from 4 Jul 2018, keyed by the response. Response Wed
    4 Jul 2018, 40th working day: Thu 5, Fri 6 (2), 9-11 (5), Thu 12 Jul skipped (Battle of
    the Boyne, NI), Fri 13 (6), 16-20 (11), 23-27 (16), 30-31 (18), 1-3 Aug (21), Mon 6 Aug
    skipped (summer bank holiday, Scotland), 7-10 (25), 13-17 (30), 20-24 (35), Mon 27 Aug
    skipped (summer bank holiday, England and Wales, NI), 28-31 (39), Mon 3 Sep 2018 (40)."""
    before = timeline_from_events(None, "foia", responded=date(2018, 7, 3), today=date(2018, 7, 5))
    ask = milestone(before, "review_request_by")
    assert (ask.date, ask.state, ask.rule_version) == (None, "no_date", "T-IR-2004")
    after = timeline_from_events(None, "foia", responded=date(2018, 7, 4), today=date(2018, 7, 5))
    ask = milestone(after, "review_request_by")
    assert (ask.date, ask.rule_version) == (date(2018, 9, 3), "T-IR-2018")
    assert ask.source == "s45 Code of Practice (2018) para 5.3"


def test_ir_resp_boundary_4_july_2018_same_numbers_other_source() -> None:
    """A review asked Tue 3 Jul 2018 is answered under the ICO's 2007 guidance, one asked Wed
    4 Jul 2018 under the 2018 Code: the same 20 and 40 working days. From 3 Jul: 4-6 (3), 9-11
    (6), Thu 12 Jul skipped (NI), 13 (7), 16-20 (12), 23-27 (17), 30-31 (19), Wed 1 Aug 2018
    (20); Thu 2, Fri 3 (22), Mon 6 Aug skipped (Scotland), 7-10 (26), 13-17 (31), 20-24 (36),
    Mon 27 Aug skipped, Tue 28 to Fri 31 Aug 2018 (40). From 4 Jul: Thu 2 Aug 2018 (20th) and
    Mon 3 Sep 2018 (40th), as in test_ir_req_boundary_4_july_2018."""
    for asked, version, source, due, longest in (
        (
            date(2018, 7, 3),
            "T-IR-2004",
            "ICO guidance of February 2007 on the s45 Code of Practice (2004)",
            date(2018, 8, 1),
            date(2018, 8, 31),
        ),
        (
            date(2018, 7, 4),
            "T-IR-2018",
            "s45 Code of Practice (2018) para 5.4",
            date(2018, 8, 2),
            date(2018, 9, 3),
        ),
    ):
        tl = timeline_from_events(
            None, "foia", responded=asked, review_requested=asked, today=asked
        )
        answer = milestone(tl, "review_response_due")
        assert (answer.date, answer.rule_version, answer.source) == (due, version, source)
        assert milestone(tl, "review_response_due_longest").date == longest


def test_ir_resp_the_ico_figures_from_1_march_2007() -> None:
    """The ICO's guidance came in February 2007, on a day not known: conservatively its figures
    apply to review requests from Thu 1 Mar 2007. From 1 Mar 2007, 20th working day: Fri 2 (1),
    5-9 (6), 12-16 (11), Mon 19 Mar skipped (St Patrick's Day, a Saturday, NI substitute day:
    WD-PRE2012), 20-23 (15), 26-30 (20): Fri 30 Mar 2007. 40th: 2-5 Apr (24), Fri 6 and Mon 9
    Apr skipped (Easter), 10-13 (28), 16-20 (33), 23-27 (38), Mon 30 Apr (39), Tue 1 May 2007
    (40; Mon 7 May, Early May, comes after). Asked Wed 28 Feb 2007: "reasonable time" only, no
    date, as best reading."""
    march = timeline_from_events(
        None,
        "foia",
        responded=date(2007, 2, 20),
        review_requested=date(2007, 3, 1),
        today=date(2007, 3, 1),
    )
    due = milestone(march, "review_response_due")
    assert (due.date, due.rule_version, due.status) == (date(2007, 3, 30), "T-IR-2004", "practice")
    assert milestone(march, "review_response_due_longest").date == date(2007, 5, 1)
    february = timeline_from_events(
        None,
        "foia",
        responded=date(2007, 2, 20),
        review_requested=date(2007, 2, 28),
        today=date(2007, 3, 1),
    )
    for key in ("review_response_due", "review_response_due_longest"):
        answer = milestone(february, key)
        assert (answer.date, answer.state, answer.rule_version, answer.status) == (
            None,
            "no_date",
            "T-IR-2004",
            "best reading",
        )
        assert "issued on a day not known" in answer.description
        assert "1 March 2007" in answer.description
    assert "[best reading]" in timeline_table(february)


def test_ir_resp_reasonable_time_before_the_ico_guidance() -> None:
    """A review asked Mon 3 Oct 2005 (2004 Code, before the ICO's figures): "within a reasonable
    time", no date, and nothing judged met or late by a review outcome."""
    tl = timeline_from_events(
        None,
        "foia",
        responded=date(2005, 9, 20),
        review_requested=date(2005, 10, 3),
        review_responded=date(2006, 6, 1),
        today=date(2006, 7, 1),
    )
    for key in ("review_response_due", "review_response_due_longest"):
        answer = milestone(tl, key)
        assert (answer.date, answer.state, answer.rule_version, answer.status) == (
            None,
            "no_date",
            "T-IR-2004",
            "code",
        )
        assert answer.working_days_late is None
        assert answer.description.startswith("within a reasonable time")
    assert milestone(tl, "review_responded").source == "s45 Code of Practice (2004)"


def test_ir_req_no_guidance_date_after_no_response_before_2018() -> None:
    """FOIA-IR-REQ after no response is guidance counted from the missed deadline (rules.md);
    under the 2004 Code there was no date to ask by either: none is printed. Received Wed 1 Feb
    2017, no response by 1 Jun 2017."""
    tl = case_timeline(make_case(date(2017, 2, 1), "foia"), date(2017, 6, 1))
    ask = milestone(tl, "review_request_by")
    assert (ask.date, ask.state, ask.rule_version, ask.guidance) == (
        None,
        "no_date",
        "T-IR-2004",
        False,
    )


def test_batch_column_and_letter_before_2018() -> None:
    """A batch's review_request_by cell is empty for a FOIA response before 4 Jul 2018 (and the
    date for one on it, Mon 3 Sep 2018 as counted above); a response letter dated before it is
    refused in one line naming the field and the version."""
    row = answer_row({"received": "01/02/2017", "responded": "01/03/2017"}, date(2017, 3, 2))
    assert (row.status, row.review_request_by) == ("answered_on_time", None)
    row = answer_row({"received": "20/06/2018", "responded": "04/07/2018"}, date(2018, 7, 5))
    assert row.review_request_by == date(2018, 9, 3)
    result = runner.invoke(app, ["letter", "--responded", "2017-03-01"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "responded: '2017-03-01'" in result.stderr and "T-IR-2004" in result.stderr
    assert "Tuesday 3 July 2018" in result.stderr
    letter = runner.invoke(app, ["letter", "--responded", "2018-07-04"])
    assert letter.exit_code == 0 and "Monday 3 September 2018" in letter.stdout


def test_eir_and_foisa_reviews_keep_their_statute_windows_in_2017() -> None:
    """EIR-REP-REQ is statute (reg 11(2)), FOISA-RR-REQ too (s20(5)): no T-IR-2004. EIR response
    Wed 1 Mar 2017: representations by the 40th working day, Tue 2 May 2017 (the WD-UK count of
    T13); EIR-REP-RESP from 1 Mar 2017, 40th working day: Tue 2 May 2017. FOISA received Wed
    1 Feb 2017: due Wed 1 Mar 2017 (2-3 Feb (2), 6-10 (7), 13-17 (12), 20-24 (17), 27-28 Feb,
    1 Mar (20)), answered that day; the 40th working day after it on WD-SCOT (no 17 Mar, no
    Easter Monday in Scotland): 2-3 Mar (2), 6-10 (7), 13-17 (12), 20-24 (17), 27-31 (22), 3-7
    Apr (27), 10-13 (31), Fri 14 Apr skipped (Good Friday), 17-21 (36), 24-27 (40): Thu 27 Apr
    2017."""
    eir = timeline_from_events(
        None,
        "eir",
        responded=date(2017, 3, 1),
        review_requested=date(2017, 3, 1),
        today=date(2017, 3, 2),
    )
    ask = milestone(eir, "review_request_by")
    assert (ask.date, ask.rule, ask.rule_version) == (date(2017, 5, 2), "EIR-REP-REQ", None)
    answer = milestone(eir, "review_response_due")
    assert (answer.date, answer.rule_version) == (date(2017, 5, 2), None)
    foisa = case_timeline(
        make_case(date(2017, 2, 1), "foisa", responded=date(2017, 3, 1)), date(2017, 3, 2)
    )
    require = milestone(foisa, "review_request_by")
    assert (require.date, require.rule, require.rule_version) == (
        date(2017, 4, 27),
        "FOISA-RR-REQ",
        None,
    )


# --- T-TRIB-IT: the Information Tribunal, 1 January 2005 to 17 January 2010 --------------------


@pytest.mark.parametrize(
    ("regime", "source"),
    [
        (
            "foia",
            "FOIA s57; Information Tribunal (Enforcement Appeals) Rules 2005 (SI 2005/14) r5(1)",
        ),
        (
            "eir",
            "EIR reg 18 (FOIA s57); Information Tribunal (Enforcement Appeals) Rules 2005 "
            "(SI 2005/14) r5(1)",
        ),
    ],
)
def test_information_tribunal_28_days_not_rolled(regime: str, source: str) -> None:
    """Decision notice served Thu 27 Nov 2008: 28 days on is Thu 25 Dec 2008 (27 Nov + 3 = 30
    Nov, + 25 = 25 Dec). Christmas Day is not a working day, but no roll rule was found for the
    Information Tribunal: the date stands (today's GRC r12 would run it on past Boxing Day and
    the weekend to Mon 29 Dec 2008)."""
    tl = timeline_from_events(
        None, regime, decision_notice=date(2008, 11, 27), today=date(2008, 12, 1)
    )
    appeal = milestone(tl, "tribunal_appeal_by")
    assert (appeal.date, appeal.rule_version, appeal.status) == (
        date(2008, 12, 25),
        "T-TRIB-IT",
        "best reading",
    )
    assert appeal.source == source
    assert "served on or given to the appellant" in appeal.description
    assert "not moved" in appeal.description
    notice = milestone(tl, "decision_notice")
    assert (notice.rule_version, notice.source) == ("T-TRIB-IT", source)
    rule = appeal.rule
    table = timeline_table(tl)
    assert f"{rule}, T-TRIB-IT: " in table and "(SI 2005/14)" in table
    assert f"| {rule}, T-TRIB-IT | " in timeline_markdown(tl)
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(timeline_csv(tl)))}
    assert (rows["tribunal_appeal_by"]["date"], rows["tribunal_appeal_by"]["source"]) == (
        "2008-12-25",
        source,
    )
    assert f"({rule}, T-TRIB-IT [best reading])" in " ".join(appeal_text(tl).split())


def test_information_tribunal_to_first_tier_tribunal_on_18_january_2010() -> None:
    """T-TRIB-IT to Sun 17 Jan 2010, T-TRIB-GRC from Mon 18 Jan 2010, keyed by the notice.
    Served Sun 17 Jan 2010: + 28 days = Sun 14 Feb 2010, not moved. Sent Mon 18 Jan 2010:
    Mon 15 Feb 2010. Sent Sat 23 Jan 2010: Sat 20 Feb 2010, rolled under GRC r12 to Mon 22 Feb
    2010."""
    for notice, due, version in (
        (date(2010, 1, 17), date(2010, 2, 14), "T-TRIB-IT"),
        (date(2010, 1, 18), date(2010, 2, 15), "T-TRIB-GRC"),
        (date(2010, 1, 23), date(2010, 2, 22), "T-TRIB-GRC"),
    ):
        tl = timeline_from_events(None, "foia", decision_notice=notice, today=notice)
        appeal = milestone(tl, "tribunal_appeal_by")
        assert (appeal.date, appeal.rule_version) == (due, version)
    grc = timeline_from_events(
        None, "foia", decision_notice=date(2010, 1, 18), today=date(2010, 1, 18)
    )
    line = "FOIA-TRIB: FOIA s57; GRC Rules 2009 r22(1)(b), r12"  # today's version: no id shown
    assert line in timeline_table(grc)


def test_tribunal_json_names_the_version() -> None:
    """`foiclock timeline --json`: rule_version T-TRIB-IT on the appeal and on the notice, with
    SI 2005/14 in the source; the EIR the same."""
    for regime in ("foia", "eir"):
        words = ["timeline", "2008-06-02", "-r", regime, "--responded", "2008-06-20"]
        words += ["--decision-notice", "2008-11-27", "--today", "2008-12-01", "--json"]
        result = runner.invoke(app, words)
        assert result.exit_code == 0, result.stderr
        data = {m["key"]: m for m in json.loads(result.stdout)["milestones"]}
        for key in ("tribunal_appeal_by", "decision_notice"):
            assert data[key]["rule_version"] == "T-TRIB-IT"
            assert "(SI 2005/14)" in data[key]["source"]
        assert data["tribunal_appeal_by"]["date"] == "2008-12-25"
