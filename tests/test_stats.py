"""`foiclock stats` and `foiclock worklist` (issue 19): known answers from a case log written by
hand, every figure worked out by hand below (working days counted one by one over GOV.UK's
bank holidays, or taken from rules.md's worked examples where a date is one), the JSON contracts
of the issue, and the batch's new columns for the same cases.

The log: 29 rows, today Fri 31 Oct 2025, period 2025-Q3 (1 Jul to 30 Sep 2025).

Dates the cases rest on (WD-UK for FOIA and EIR, WD-SCOT for FOISA and EISR):
- received Tue 19 Aug 2025: FOIA/EIR due Wed 17 Sep (rules.md example 1); extended Wed 15 Oct
  (examples 13, 14); FOISA/EISR due Tue 16 Sep (example 2); EISR extended: 20 more Scottish
  working days after 16 Sep (17-19, 22-26, 29-30, 1-3, 6-10, 13-14 Oct) = Tue 14 Oct.
  Working days counted: 16 Sep = 19, 17 Sep = 20, 18 Sep = 21, 30 Sep = 29 (18, 19, 22-26, 29,
  30 after the 20th), 1 Oct = 30, 15 Oct = 40 (example 13), 16 Oct = 41; FOISA 17 Sep = 21;
  EISR 10 Oct = 38 (the 18th extension day above).
- received Mon 1 Sep 2025: due Mon 29 Sep (example 11 without the fee: 2-5, 8-12, 15-19, 22-26,
  29 = 20); with a fees notice Fri 5 Sep paid Wed 10 Sep: due Fri 3 Oct (example 11), and 17
  working days counted by 30 Sep (2, 3, 4; the pause 5-10 left out; 11, 12, 15-19, 22-26, 29,
  30). 26 Sep = 19. Scotland has no bank holiday in September either: EISR due 29 Sep too.
- received Tue 1 Jul 2025: due Wed 30 Jul (2-4, 7-11, [Mon 14 Jul: Northern Ireland's Boyne
  substitute, skipped], 15-18, 21-25, 28-30 = 20); 31 Jul = 21, Fri 1 Aug = 22.
- received Mon 15 Sep 2025: due Mon 13 Oct (16-19, 22-26, 29-30, 1-3, 6-10, 13 = 20; 11 counted
  by 30 Sep); extended Mon 10 Nov (14-17, 20-24, 27-31 Oct, 3-7, 10 Nov).
- received Mon 2 Jun 2025: due Mon 30 Jun (3-6, 9-13, 16-20, 23-27, 30); with a clarification
  received Mon 16 Jun: due Tue 15 Jul (rules.md example 12).
- received Wed 1 Oct 2025: due Wed 29 Oct; 20 Oct = 13 working days.
- reviews requested Mon 22 Sep 2025: FOIA-IR-RESP 20th working day Mon 20 Oct (23-26, 29-30,
  1-3, 6-10, 13-17, 20), the 40th Mon 17 Nov (21-24, 27-31 Oct, 3-7, 10-14, 17 Nov); EIR-REP-RESP
  the 40th, Mon 17 Nov; FOISA-RR-RESP the 20th, Mon 20 Oct (no Scottish holiday then).
- review requested Tue 1 Jul 2025: the 20th working day Wed 30 Jul (as above), the 40th Fri 29
  Aug (31 Jul, 1 Aug, [Mon 4 Aug: Scotland's summer holiday, skipped under WD-UK], 5-8, 11-15,
  18-22, [Mon 25 Aug: England's, skipped], 26-29).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock.cli import app

runner = CliRunner()
TODAY = "2025-10-31"

HEADER = (
    "case_id,received,regime,responded,extended,clarification_requested,"
    "clarification_received,fees_notice,fee_paid,review_requested,review_responded,outcome,team"
)
#: The case log. The comment above each row is its timeliness on 31 Oct (and on 30 Sep, for
#: the ICO's period end, where it differs) and the working days taken.
ROWS = [
    # within 19; review within (due 20 Oct)
    "C01,2025-08-19,foia,2025-09-16,,,,,,2025-09-22,2025-10-17,granted,North",
    # within 20; review within the longest (17 Nov)
    "C02,2025-08-19,foia,2025-09-17,,,,,,2025-09-22,2025-10-24,part,North",
    # late 21; review within (on the day)
    "C03,2025-08-19,foia,2025-09-18,,,,,,2025-09-22,2025-10-20,,North",
    # within_extension 40; 30 Sep: open, 29 counted
    "C04,2025-08-19,foia,2025-10-15,yes,,,,,,,,South",
    # late 41; 30 Sep: open, 29 counted
    "C05,2025-08-19,foia,2025-10-16,yes,,,,,,,,South",
    # open_overdue; 30 Sep: overdue, 29 counted
    "C06,2025-08-19,foia,,,,,,,,,,South",
    # within 20 (due 3 Oct); 30 Sep: open, 17
    "C07,2025-09-01,foia,2025-10-03,,,,2025-09-05,2025-09-10,,,,South",
    # open_overdue (due 29 Sep); 30 Sep: overdue, 21 counted
    "C08,2025-09-01,foia,,,,,,,,,,North",
    # open_overdue (due 13 Oct); 30 Sep: open, 11
    "C09,2025-09-15,foia,,,,,,,,,,North",
    # open_in_time (due 10 Nov); 30 Sep: open, 11
    "C10,2025-09-15,foia,,yes,,,,,,,,North",
    # restart 1 Sep: due 29 Sep; within 19
    "C11,2025-08-19,foia,2025-09-26,,2025-08-20,2025-09-01,,,,,,South",
    # on_hold (awaiting clarification)
    "C12,2025-09-22,foia,,,2025-09-24,,,,,,,South",
    # within 20; review open, overdue since 20 Oct
    "C13,2025-07-01,foia,2025-07-30,,,,,,2025-09-22,,withheld,North",
    # late 22
    "C14,2025-07-01,foia,2025-08-01,,,,,,,,,North",
    # received Q2; closed Q3 within 20
    "C15,2025-06-02,foia,2025-07-15,,2025-06-03,2025-06-16,,,,,,North",
    # Q2 and closed Q2; review late (after 29 Aug)
    "C16,2025-06-02,foia,2025-06-30,,,,,,2025-07-01,2025-09-01,,North",
    # received Q4: within 13
    "C17,2025-10-01,foia,2025-10-20,,,,,,,,,North",
    # on_hold: fee unpaid, pay by 19 Nov
    "C18,2025-08-19,foia,,,,,2025-08-20,,,,,South",
    # lapsed (withdrawn)
    "C19,2025-08-19,foia,,,,,,,,,withdrawn,South",
    # within_extension 30; 30 Sep: open, 29 counted
    "C20,2025-08-19,eir,2025-10-01,yes,,,,,,,,South",
    # within 20; review within (due 17 Nov)
    "C21,2025-08-19,eir,2025-09-17,,,,,,2025-09-22,2025-10-30,not_held,South",
    # within 20; review late (due 20 Oct)
    "C22,2025-08-19,foisa,2025-09-16,,,,,,2025-09-22,2025-10-21,,Scotland",
    # late 21
    "C23,2025-08-19,foisa,2025-09-17,,,,,,,,,Scotland",
    # open_overdue (due 16 Sep)
    "C24,2025-08-19,foisa,,,,,,,,,,Scotland",
    # within_extension 38 (extended due 14 Oct)
    "C25,2025-08-19,eisr,2025-10-10,yes,,,,,,,,Scotland",
    # within 19 (due 29 Sep)
    "C26,2025-09-01,eisr,2025-09-26,,,,,,,,,Scotland",
    # SAR (rules.md example 23): no template counts it
    "C27,2025-09-03,sar,2025-10-03,,,,,,,,,North",
    # error: not a date
    "C28,31/02/2025,foia,,,,,,,,,,North",
    # error: no regime foi
    "C29,2025-08-19,foi,,,,,,,,,,North",
]


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "log.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    return path


def stats(log: Path, *args: str) -> dict[str, object]:
    result = runner.invoke(app, ["stats", str(log), "--today", TODAY, "--json", *args])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def figures(result: dict[str, object], *keys: str) -> dict[str, object]:
    return {key: result[key] for key in keys}


COMMON = ("outside_period", "out_of_scope", "unplaced")


def test_cabinet_office_known_answers(log: Path) -> None:
    result = stats(log, "--template", "cabinet-office", "--period", "2025-Q3")
    # Received in Q3, FOIA or EIR: C01-C14, C18-C21 (18 rows). On hold or lapsed, left out:
    # C12, C18 (on hold), C19 (withdrawn). Within 20: C01, C02, C07, C11, C13, C21; within the
    # extension: C04, C20; late: C03, C05, C14; open on 31 Oct: C10 in time, C06, C08, C09
    # overdue. In time 8 of the 11 answered: 72.7%.
    assert figures(
        result,
        "template",
        "period",
        "received",
        "within_20",
        "within_extension",
        "late",
        "in_time",
        "percent_in_time",
        "open_in_time",
        "open_overdue",
        "excluded",
        *COMMON,
    ) == {
        "template": "cabinet-office",
        "period": {"from": "2025-07-01", "to": "2025-09-30"},
        "received": 15,
        "within_20": 6,
        "within_extension": 2,
        "late": 3,
        "in_time": 8,
        "percent_in_time": 72.7,
        "open_in_time": 1,
        "open_overdue": 3,
        "excluded": 3,
        "outside_period": 3,  # C15, C16 (Q2), C17 (Q4)
        "out_of_scope": 6,  # C22-C26 (Scottish), C27 (SAR)
        "unplaced": 2,  # C28, C29
    }
    case_ids = result["case_ids"]
    assert isinstance(case_ids, dict)
    assert case_ids["within_extension"] == ["C04", "C20"]
    assert case_ids["excluded"] == ["C12", "C18", "C19"]
    assert case_ids["open_overdue"] == ["C06", "C08", "C09"]
    assert [row["case_id"] for row in result["unplaced_rows"]] == ["C28", "C29"]  # type: ignore[attr-defined]
    # Working days taken by the 11 answered: 19, 19, 20, 20, 20, 20, 21, 22, 30, 40, 41: the
    # median is the 6th (20), the 90th percentile the 10th by nearest rank (ceil(9.9) = 10): 40.
    assert figures(result, "working_days_taken_median", "working_days_taken_p90") == {
        "working_days_taken_median": 20,
        "working_days_taken_p90": 40,
    }
    # Reviews requested in Q3 (by 31 Oct): C01, C03, C21 within the limit, C02 within the
    # longest, C16 late, C13 open: 4 of the 5 answered in time.
    assert _reviews(result) == {
        "reviews_received": 6,
        "reviews_within_limit": 3,
        "reviews_within_extension": 1,
        "reviews_late": 1,
        "reviews_open": 1,
        "reviews_no_deadline": 0,
        "reviews_percent_in_time": 80.0,
    }


def _reviews(result: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in result.items() if key.startswith("reviews_")}


def test_ico_known_answers(log: Path) -> None:
    result = stats(log, "--template", "ico", "--period", "2025-Q3")
    # Judged on 30 Sep (the period's end, before --today). Closed in Q3: C01, C02, C03, C11,
    # C13, C14, C15, C21 (8); in time: all but C03 and C14 (6): 75.0%, unsatisfactory. Open on
    # 30 Sep: C04, C05, C07, C09, C10, C20 in time and C06, C08 overdue (8); on hold: C12, C18;
    # lapsed: C19. Outside: C16 (closed in June), C17 (received in October).
    assert figures(
        result,
        "template",
        "period",
        "as_of",
        "closed",
        "closed_in_time",
        "percent_in_time",
        "open_at_end",
        "overdue_at_end",
        "band",
        "on_hold_at_end",
        "lapsed",
        *COMMON,
    ) == {
        "template": "ico",
        "period": {"from": "2025-07-01", "to": "2025-09-30"},
        "as_of": "2025-09-30",
        "closed": 8,
        "closed_in_time": 6,
        "percent_in_time": 75.0,
        "open_at_end": 8,
        "overdue_at_end": 2,
        "band": "unsatisfactory",
        "on_hold_at_end": 2,
        "lapsed": 1,
        "outside_period": 2,
        "out_of_scope": 6,
        "unplaced": 2,
    }
    # The backlog on 30 Sep: over 20 working days counted: C04, C05, C06, C20 (29) and C08 (21);
    # C07 (17), C09 and C10 (11) are not. None is six months old.
    assert figures(
        result, "backlog_over_20_working_days", "backlog_over_six_months", "backlog_over_a_year"
    ) == {
        "backlog_over_20_working_days": 5,
        "backlog_over_six_months": 0,
        "backlog_over_a_year": 0,
    }
    # Taken by the 8 closed: 19, 19, 20, 20, 20, 20, 21, 22: median (20 + 20) / 2, p90 the 8th.
    assert figures(result, "working_days_taken_median", "working_days_taken_p90") == {
        "working_days_taken_median": 20,
        "working_days_taken_p90": 22,
    }
    # On 30 Sep every review of Q3 is still open except C16's, answered late on 1 Sep.
    assert _reviews(result)["reviews_late"] == 1
    assert _reviews(result)["reviews_open"] == 5
    assert _reviews(result)["reviews_percent_in_time"] == 0.0


def test_sic_known_answers_foisa_and_eisr_separately(log: Path) -> None:
    result = stats(log, "--template", "sic", "--period", "2025-Q3")
    # FOISA: C22 on time, C23 late, C24 open. EISR: C25 (within its extension) and C26 on time.
    assert figures(
        result, "received", "answered_on_time", "answered_late", "percent_in_time", "open"
    ) == {
        "received": 5,
        "answered_on_time": 3,
        "answered_late": 1,
        "percent_in_time": 75.0,
        "open": 1,
    }
    regimes = result["regimes"]
    assert isinstance(regimes, dict)
    foisa, eisr = regimes["foisa"], regimes["eisr"]
    assert figures(foisa, "received", "answered_on_time", "answered_late", "open") == {
        "received": 3,
        "answered_on_time": 1,
        "answered_late": 1,
        "open": 1,
    }
    assert figures(eisr, "received", "answered_on_time", "percent_in_time") == {
        "received": 2,
        "answered_on_time": 2,
        "percent_in_time": 100.0,
    }
    # Taken: FOISA 20, 21 (median 20.5, p90 the 2nd: 21); EISR 19, 38 (28.5; 38).
    assert (foisa["working_days_taken_median"], foisa["working_days_taken_p90"]) == (20.5, 21)
    assert (eisr["working_days_taken_median"], eisr["working_days_taken_p90"]) == (28.5, 38)
    # C22's requirement for review (22 Sep) was due 20 Oct (FOISA-RR-RESP) and answered 21 Oct.
    assert (foisa["reviews_received"], foisa["reviews_late"]) == (1, 1)
    assert result["out_of_scope"] == 22  # C01-C21, C27


def test_s45_known_answers(log: Path) -> None:
    result = stats(log, "--template", "s45", "--period", "2025-Q3")
    assert figures(
        result,
        "received",
        "in_time",
        "with_extension",
        "late",
        "percent_in_time",
        "not_yet_answered",
        "on_hold",
        "lapsed",
        "outcome_granted",
        "outcome_part",
        "outcome_withheld",
        "outcome_not_held",
    ) == {
        "received": 18,  # every FOIA and EIR row received in Q3
        "in_time": 6,
        "with_extension": 2,
        "late": 3,
        "percent_in_time": 72.7,
        "not_yet_answered": 4,  # C06, C08, C09, C10
        "on_hold": 2,
        "lapsed": 1,
        "outcome_granted": 1,  # C01
        "outcome_part": 1,  # C02
        "outcome_withheld": 1,  # C13
        "outcome_not_held": 1,  # C21
    }
    assert _reviews(result)["reviews_within_extension"] == 1  # C02: after 20 Oct, by 17 Nov


def test_by_team_and_by_month_nest_the_same_object(log: Path) -> None:
    result = stats(
        log, "--template", "cabinet-office", "--period", "2025-Q3", "--by", "team", "team"
    )
    groups = result["groups"]
    assert isinstance(groups, dict)
    # North in Q3: C01, C02, C03, C08, C09, C10, C13, C14 (C15-C17 outside, C27 SAR, C28-29
    # errors); South: C04-C07, C11, C12, C18-C21.
    assert groups["North"]["received"] == 8
    assert groups["North"]["case_ids"]["late"] == ["C03", "C14"]
    assert groups["South"]["received"] == 7  # C12, C18, C19 left out of the 10
    assert groups["South"]["excluded"] == 3
    assert set(groups["North"]) == set(result) - {"groups"}
    by_month = stats(log, "--template", "ico", "--period", "2025-Q3", "--by", "month")
    months = by_month["groups"]
    assert isinstance(months, dict)
    assert list(months) == ["2025-07", "2025-08", "2025-09"]
    # Closed in July: C13 (30 Jul, in time), C15 (15 Jul, in time); in August C14 (late); the
    # rest in September.
    assert [months[m]["closed"] for m in months] == [2, 1, 5]
    assert months["2025-07"]["as_of"] == "2025-07-31"
    by_regime = stats(log, "--template", "cabinet-office", "--period", "2025-Q3", "--by", "regime")
    assert list(by_regime["groups"]) == ["eir", "foia"]  # the template's regimes only
    assert by_regime["groups"]["eir"]["received"] == 2  # C20, C21
    assert by_regime["groups"]["foia"]["received"] == 13


def test_worklist_known_answers(log: Path) -> None:
    result = runner.invoke(
        app, ["worklist", str(log), "--within", "5", "--today", "2025-10-01", "--json"]
    )
    assert result.exit_code == 0, result.stderr
    # On Wed 1 Oct: C24 overdue since 16 Sep (17-19, 22-26, 29-30 Sep, 1 Oct: 11 Scottish
    # working days), C06 since 17 Sep (10), C08 since 29 Sep (30 Sep, 1 Oct: 2); C07 due Fri 3
    # Oct and the SAR C27 due Fri 3 Oct (2 and 3 Oct left). C09 (13 Oct: 8 left) and the
    # extended ones are further off.
    assert json.loads(result.stdout) == {
        "today": "2025-10-01",
        "within": 5,
        "cases": [
            _item(25, "C24", "foisa", "2025-09-16", -11, "overdue"),
            _item(7, "C06", "foia", "2025-09-17", -10, "overdue"),
            _item(9, "C08", "foia", "2025-09-29", -2, "overdue"),
            _item(8, "C07", "foia", "2025-10-03", 2, "open"),
            _item(28, "C27", "sar", "2025-10-03", 2, "open"),
        ],
    }


def test_worklist_lists_overdue_reviews(log: Path) -> None:
    result = runner.invoke(app, ["worklist", str(log), "--within", "0", "--today", TODAY, "--json"])
    assert result.exit_code == 0, result.stderr
    # On 31 Oct: C24 (33 Scottish working days late: 10 in September after the 16th, 23 in
    # October), C06 (32), C08 (24), C09 (14), and C13's review, due 20 Oct (21-24, 27-31: 9).
    assert json.loads(result.stdout)["cases"] == [
        _item(25, "C24", "foisa", "2025-09-16", -33, "overdue"),
        _item(7, "C06", "foia", "2025-09-17", -32, "overdue"),
        _item(9, "C08", "foia", "2025-09-29", -24, "overdue"),
        _item(10, "C09", "foia", "2025-10-13", -14, "overdue"),
        _item(14, "C13", "foia", "2025-10-20", -9, "overdue", "review_response_due"),
    ]


def _item(
    line: int,  # the line of the file: the header is line 1, C01 line 2
    case_id: str,
    regime: str,
    due: str,
    left: int,
    state: str,
    milestone: str = "response_due",
) -> dict[str, object]:
    return {
        "row": line,
        "case_id": case_id,
        "regime": regime,
        "due": due,
        "working_days_left": left,
        "state": state,
        "milestone": milestone,
    }


def test_batch_gains_the_columns_the_statistics_rest_on(log: Path) -> None:
    result = runner.invoke(app, ["batch", str(log), "--today", TODAY, "--allow-errors"])
    import csv
    import io

    rows = {row["case_id"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    columns = ("timeliness", "working_days_taken", "review_due", "review_timeliness")
    assert {k: rows["C02"][k] for k in columns} == {
        "timeliness": "within_limit",
        "working_days_taken": "20",
        "review_due": "2025-10-20",
        "review_timeliness": "within_extension",
    }
    assert [rows[c]["timeliness"] for c in ("C04", "C05", "C10", "C12", "C18", "C19")] == [
        "within_extension",
        "late",
        "open_in_time",
        "on_hold",
        "on_hold",
        "lapsed",
    ]
    # C16's review (1 Jul): due 30 Jul, the longest 29 Aug, answered 1 Sep: late.
    assert (rows["C16"]["review_due"], rows["C16"]["review_timeliness"]) == ("2025-07-30", "late")
    assert rows["C22"]["review_due"] == "2025-10-20"
    assert rows["C28"]["timeliness"] == "" and rows["C28"]["status"] == "error"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2025-Q5"], "--period: '2025-Q5' is not a period"),
        (["--period", "2024-Q1"], "--period: '2024-Q1' holds no case of"),
        (["--template", "cabinet"], "--template: 'cabinet' is not a template"),
        (["--from", "2025-07-01"], "--to is missing"),
        (["--from", "2025-09-01", "--to", "2025-08-01"], "--to: '2025-08-01' is before --from"),
        (["--by", "colour"], "--by: 'colour' is not a column of"),
        (["--format", "pdf"], "--format: 'pdf' is not a format"),
        (["--map", "recieved=Date"], "--map: 'recieved' is not a case key"),
        (["--map", "received=Date received"], "--map: 'received=Date received' names no column"),
        (["--ignore", "body"], "--ignore: 'body' names no column"),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(
    log: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    target = tmp_path / "out.md"
    result = runner.invoke(app, ["stats", str(log), "--today", TODAY, "-o", str(target), *args])
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and message in lines[0], lines
    assert not target.exists()


def test_xlsx_needs_an_output_file(log: Path) -> None:
    result = runner.invoke(app, ["stats", str(log), "--period", "2025-Q3", "--format", "xlsx"])
    assert result.exit_code == 2
    assert result.stderr == (
        "foiclock: error: --format: 'xlsx' writes a workbook, not text; accepted: -o FILE.xlsx "
        "with it\n"
    )


def test_sic_needs_a_regime_column_or_regime(tmp_path: Path) -> None:
    path = tmp_path / "no-regime.csv"
    path.write_text("case_id,received\nS1,2025-08-19\n", encoding="utf-8")
    result = runner.invoke(app, ["stats", str(path), "--template", "sic", "--period", "2025-Q3"])
    assert result.exit_code == 2
    assert "--template: 'sic' needs a regime column" in result.stderr
    given = runner.invoke(
        app,
        [
            *("stats", str(path), "--template", "sic", "--period", "2025-Q3"),
            *("--regime", "foisa", "--today", TODAY, "--json"),
        ],
    )
    assert given.exit_code == 0, given.stderr
    assert json.loads(given.stdout)["open"] == 1


def test_periods() -> None:
    from foiclock.reports.periods import parse_period, previous_quarter

    assert parse_period("2025-Q3")[:2] == (date(2025, 7, 1), date(2025, 9, 30))
    assert parse_period("2025-02")[:2] == (date(2025, 2, 1), date(2025, 2, 28))
    assert parse_period("2024-02")[:2] == (date(2024, 2, 1), date(2024, 2, 29))
    assert parse_period("2025")[:2] == (date(2025, 1, 1), date(2025, 12, 31))
    assert parse_period("FY2025")[:2] == (date(2025, 4, 1), date(2026, 3, 31))
    assert previous_quarter(date(2025, 10, 31))[:2] == (date(2025, 7, 1), date(2025, 9, 30))
    assert previous_quarter(date(2026, 2, 1))[:2] == (date(2025, 10, 1), date(2025, 12, 31))


def test_text_markdown_and_csv_show_the_same_figures(log: Path) -> None:
    args = ["stats", str(log), "--today", TODAY, "--period", "2025-Q3", "--cases"]
    text = runner.invoke(app, args).stdout
    assert "  answered within a permitted extension     2" in text
    assert "      C04, C20" in text
    assert "line 29 (C28): received: '31/02/2025'" in text
    markdown = runner.invoke(app, [*args, "--format", "md"]).stdout
    assert "| answered within a permitted extension | 2 | C04, C20 |" in markdown
    rows = runner.invoke(app, [*args, "--format", "csv"]).stdout.splitlines()
    assert rows[0] == "group,figure,value,case_ids"
    assert ",within_extension,2,C04 C20" in rows
    welsh = runner.invoke(app, [*args, "--lang", "cy"]).stdout
    assert welsh != text and "C04, C20" in welsh


def test_a_bad_outcome_is_the_rows_error_in_batch_and_stats(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text(
        "case_id,received,responded,outcome\n"
        "X,2025-08-19,2025-09-16,granted in full\n"  # answered: still an error row
        "Y,2025-08-19,,withdrawn\n",  # overdue on 1 Oct, but withdrawn: lapsed
        encoding="utf-8",
    )
    batch = runner.invoke(app, ["batch", str(path), "--today", "2025-10-01"])
    assert batch.exit_code == 1
    assert "outcome: 'granted in full' is not an outcome" in batch.stdout
    result = stats(path, "--period", "2025-Q3")
    assert (result["unplaced"], result["excluded"], result["received"]) == (1, 1, 0)


def test_json_lines_give_the_same_figures(log: Path, tmp_path: Path) -> None:
    import csv

    with log.open(encoding="utf-8", newline="") as file:
        rows = [{k: v for k, v in row.items() if v} for row in csv.DictReader(file)]
    jsonl = tmp_path / "log.jsonl"
    jsonl.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    for template in ("cabinet-office", "ico", "sic", "s45"):
        from_csv = stats(log, "--template", template, "--period", "2025-Q3")
        from_jsonl = stats(jsonl, "--template", template, "--period", "2025-Q3")
        counts = [key for key, value in from_csv.items() if isinstance(value, int | float)]
        assert [from_jsonl[k] for k in counts] == [from_csv[k] for k in counts], template
        assert from_jsonl["case_ids"] == from_csv["case_ids"], template


def test_worklist_calendar_has_the_timelines_uids(tmp_path: Path) -> None:
    caselog = Path(__file__).resolve().parent.parent / "examples" / "caselog.csv"
    target = tmp_path / "work.ics"
    result = runner.invoke(
        app, ["worklist", str(caselog), "--today", "2025-10-01", "-o", str(target)]
    )
    assert result.exit_code == 0, result.stderr
    calendar = target.read_text(encoding="utf-8")
    uids = re.findall(r"^UID:(.*)$", calendar.replace("\r\n", "\n"), re.MULTILINE)
    assert len(uids) == 5  # the five cases of test_worklist_known_answers' shape
    # FOI-105 (received 19 Aug, no response): `foiclock timeline --case-id FOI-105` gives its
    # response deadline the same UID, so importing either updates the other's event.
    single = tmp_path / "FOI-105.ics"
    timeline = runner.invoke(
        app,
        [
            "timeline",
            "2025-08-19",
            "--case-id",
            "FOI-105",
            "--today",
            "2025-10-01",
            "-o",
            str(single),
        ],
    )
    assert timeline.exit_code == 0, timeline.stderr
    text = single.read_text(encoding="utf-8").replace("\r\n", "\n")
    response_uid = next(u for u in re.findall(r"^UID:(.*)$", text, re.MULTILINE)
                        if u.startswith("response-due-"))  # fmt: skip
    assert response_uid in uids


def test_worklist_csv_and_markdown(log: Path) -> None:
    args = ["worklist", str(log), "--within", "5", "--today", "2025-10-01"]
    rows = runner.invoke(app, [*args, "-f", "csv"]).stdout.splitlines()
    assert rows[0] == "row,case_id,regime,due,working_days_left,state,milestone"
    assert rows[1] == "25,C24,foisa,2025-09-16,-11,overdue,response_due"  # a number, unquoted
    markdown = runner.invoke(app, [*args, "-f", "md"]).stdout
    assert "| Tuesday 16 September 2025 | -11 | C24 | FOISA | Response due | overdue |" in markdown


def test_csv_neutralises_text_cells_that_start_like_a_formula(tmp_path: Path) -> None:
    path = tmp_path / "formula.csv"
    path.write_text("case_id,received\n=HYPERLINK(1),2025-08-19\n", encoding="utf-8")
    out = runner.invoke(app, ["worklist", str(path), "--today", "2025-10-01", "-f", "csv"])
    assert out.stdout.splitlines()[1].startswith("2,'=HYPERLINK(1),foia,2025-09-17,-10,")


def test_a_closing_outcome_without_a_response_date_is_unplaced(tmp_path: Path) -> None:
    path = tmp_path / "undated.csv"
    path.write_text("case_id,received,outcome\nU1,2025-08-19,granted\n", encoding="utf-8")
    result = stats(path, "--period", "2025-Q3")
    assert (result["unplaced"], result["received"]) == (1, 0)
    assert result["unplaced_rows"] == [
        {
            "row": 2,
            "case_id": "U1",
            "reason": "outcome granted with no response date: closed, but on no day known; "
            "accepted: the responded date with it",
        }
    ]
    welsh = runner.invoke(
        app, ["stats", str(path), "--period", "2025-Q3", "--today", TODAY, "--lang", "cy"]
    )
    assert "outcome granted with no response date" not in welsh.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--within", "-1"], "--within: -1 is negative"),
        (["--format", "html"], "--format: 'html' is not a format"),
        (["--sheet", "Cases"], None),  # a CSV has no sheets: --sheet is left unused
    ],
)
def test_worklist_bad_input(log: Path, args: list[str], message: str | None) -> None:
    result = runner.invoke(app, ["worklist", str(log), "--today", TODAY, *args])
    if message is None:
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr


def test_a_missing_case_log_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2
    assert result.stderr.startswith("foiclock: error: INPUT: ")
    assert "cannot be read" in result.stderr and len(result.stderr.splitlines()) == 1
