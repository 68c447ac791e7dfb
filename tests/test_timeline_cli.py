"""`foiclock timeline` and `foiclock appeal` through the CLI: every format, the JSON contract,
the iCalendar file parsed back with `icalendar`, atomic -o, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from freezegun import freeze_time
from icalendar import Calendar
from typer.testing import CliRunner

from foiclock.cli import app

runner = CliRunner()

SEED = ["timeline", "2025-08-19", "--responded", "2025-09-10", "--review-requested", "2025-10-01"]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def run_bytes(*args: str) -> bytes:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def test_table_lists_every_milestone_with_rule_and_state() -> None:
    code, out, err = run(*SEED, "--today", "2025-10-20")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "FOIA timeline, received Tuesday 19 August 2025; states on Monday 20 October 2025"
    )
    # rules.md ex 1 (due 17 Sep), ex 16 (review due 29 Oct; latest 26 Nov); the review window
    # from the response on Wed 10 Sep: 40 WD is Wed 5 Nov (ex 18's count).
    assert "Wed 17 Sep 2025  Response due                       met" in lines
    assert "Wed 29 Oct 2025  Review outcome due                 open: 7 working days left" in lines
    assert "Wed  5 Nov 2025  Ask for an internal review by      met" in lines
    assert "                 FOIA-IR-RESP: s45 Code of Practice (2018) para 5.4" in lines
    assert "-                Complain to the ICO by             needs --review-responded" in lines
    assert all(len(line) <= 80 for line in lines)


def test_json_contract() -> None:
    code, out, _ = run(*SEED, "--today", "2025-10-20", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["regime"] == "foia"
    milestones = {m["key"]: m for m in data["milestones"]}
    assert {"key", "date", "rule", "state"} <= set(milestones["response_due"])
    assert milestones["response_due"]["date"] == "2025-09-17"
    assert milestones["review_response_due"]["date"] == "2025-10-29"
    assert milestones["review_response_due_longest"]["date"] == "2025-11-26"
    waiting = milestones["commissioner_complaint_by"]
    assert (waiting["date"], waiting["state"], waiting["waits_for"]) == (
        None,
        "waiting",
        "review_responded",
    )
    assert out == run(*SEED, "--today", "2025-10-20", "--format", "json")[1]


def test_csv_has_iso_dates_and_one_row_per_milestone() -> None:
    code, out, _ = run(*SEED, "--today", "2025-10-20", "-f", "csv", "--case-id", "FOI-7")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    by_key = {row["key"]: row for row in rows}
    assert by_key["review_response_due"]["date"] == "2025-10-29"
    assert by_key["review_response_due"]["days_left"] == "7"
    assert by_key["tribunal_appeal_by"]["date"] == ""
    assert {row["case_id"] for row in rows} == {"FOI-7"}


def test_markdown_table() -> None:
    code, out, _ = run(*SEED, "--today", "2025-10-20", "-f", "md")
    assert code == 0
    assert (
        "| Wed 29 Oct 2025 | Review outcome due | open: 7 working days left | FOIA-IR-RESP |" in out
    )


def _parse(ics: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def test_ics_parses_back_with_dates_summaries_and_stable_uids() -> None:
    args = [*SEED, "--review-responded", "2025-10-10", "--format", "ics", "--today", "2025-10-12"]
    first = run_bytes(*args)
    events = {str(e["summary"]): e for e in _parse(first)}
    # rules.md ex 33: outcome Fri 10 Oct 2025 -> complain by Fri 21 Nov 2025.
    expected = {
        "FOIA: Request received": date(2025, 8, 19),
        "FOIA: Response due": date(2025, 9, 17),
        "FOIA: Response issued": date(2025, 9, 10),
        "FOIA: Review outcome due": date(2025, 10, 29),
        "FOIA: Complain to the ICO by": date(2025, 11, 21),
    }
    for summary, day in expected.items():
        event = events[summary]
        assert event.decoded("dtstart") == day
        assert event.decoded("dtend") == day + timedelta(days=1)
        assert str(event["uid"]).endswith("@foiclock")
    # Undated milestones are left out; a deadline carries a reminder, an event does not.
    assert "FOIA: Appeal to the Tribunal by" not in events
    alarms = events["FOIA: Complain to the ICO by"].walk("VALARM")  # open on 12 Oct
    assert [str(a["action"]) for a in alarms] == ["DISPLAY"]
    assert alarms[0].decoded("trigger") == -timedelta(days=1, hours=15)
    assert events["FOIA: Request received"].walk("VALARM") == []
    uids = [str(e["uid"]) for e in _parse(first)]
    assert len(set(uids)) == len(uids)
    # Re-running gives the same UIDs; adding an event later updates, it does not duplicate.
    again = run_bytes(*args)
    assert [str(e["uid"]) for e in _parse(again)] == uids
    later = run_bytes(*args, "--decision-notice", "2026-02-06")
    later_uids = {str(e["summary"]): str(e["uid"]) for e in _parse(later)}
    assert later_uids["FOIA: Response due"] == str(events["FOIA: Response due"]["uid"])


def test_case_id_makes_the_uids() -> None:
    one = _parse(run_bytes("timeline", "2025-08-19", "-f", "ics", "--case-id", "FOI-1"))
    two = _parse(run_bytes("timeline", "2025-08-19", "-f", "ics", "--case-id", "FOI-2"))
    assert {str(e["uid"]) for e in one}.isdisjoint({str(e["uid"]) for e in two})
    assert str(one[0]["summary"]).startswith("FOI-1: ")
    # The same case corrected to another date of receipt keeps its UIDs.
    moved = _parse(run_bytes("timeline", "2025-08-20", "-f", "ics", "--case-id", "FOI-1"))
    assert [str(e["uid"]) for e in moved] == [str(e["uid"]) for e in one]


def test_ics_is_rfc5545_structure() -> None:
    ics = run_bytes(*SEED, "-f", "ics")
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n")
    assert ics.endswith(b"END:VCALENDAR\r\n")
    lines = ics.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    calendar = Calendar.from_ical(ics)
    assert str(calendar["version"]) == "2.0"
    assert calendar["prodid"]
    calendar.validate()
    depth = 0
    for line in lines:  # BEGIN/END nest properly
        if line.startswith(b"BEGIN:"):
            depth += 1
        elif line.startswith(b"END:"):
            depth -= 1
        assert depth >= 0
    assert depth == 0
    for event in calendar.walk("VEVENT"):
        for required in ("uid", "dtstamp", "dtstart"):
            assert required in event
        assert event["dtstart"].params["VALUE"] == "DATE"  # all-day
        for alarm in event.walk("VALARM"):
            assert {"action", "trigger", "description"} <= {k.lower() for k in alarm}


def test_output_file_is_written_atomically_and_format_follows_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "case.ics"
    code, out, err = run(*SEED, "-o", str(target))
    assert (code, out) == (0, "")
    assert err == f"foiclock: wrote {target}\n"
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.ics"]  # no temporary left
    notes = tmp_path / "case.md"
    assert run(*SEED, "-o", str(notes))[0] == 0
    assert notes.read_text(encoding="utf-8").startswith("### FOIA timeline")
    mode = target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_failed_write_leaves_the_target_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "case.csv"
    target.write_text("before", encoding="utf-8")

    def fail(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", fail)
    result = runner.invoke(app, [*SEED, "-o", str(target)])
    assert result.exit_code != 0
    assert target.read_text(encoding="utf-8") == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.csv"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-f", "pdf"],
            "foiclock: error: format: 'pdf' is not a format; accepted: table, json, csv, ics, md",
        ),
        (["-o", "/nonexistent/dir/x.ics"], "foiclock: error: output: '/nonexistent/dir/x.ics'"),
        (["--today", "31/02/2025"], "foiclock: error: today: '31/02/2025'"),
        (
            ["--review-responded", "2025-10-10"],
            "foiclock: error: review_responded: '2025-10-10' is given without review_requested",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2(args: list[str], message: str) -> None:
    code, out, err = run("timeline", "2025-08-19", *args)
    assert code == 2
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_timeline_reads_events_from_a_case_file(tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    case.write_text(
        'case_id = "FOI-9"\nreceived = 2025-08-19\nregime = "foisa"\nresponded = 2025-09-30\n',
        encoding="utf-8",
    )
    code, out, _ = run("timeline", "--case", str(case), "--json", "--today", "2025-10-01")
    assert code == 0
    data = json.loads(out)
    milestones = {m["key"]: m for m in data["milestones"]}
    assert data["case_id"] == "FOI-9"
    # rules.md ex 19: answered late on 30 Sep: review by Tue 25 Nov 2025; late by 10 WD.
    assert milestones["review_request_by"]["date"] == "2025-11-25"
    assert milestones["response_due"]["working_days_late"] == 10


def test_appeal_view_on_a_given_day() -> None:
    # Response Tue 16 Sep 2025: review by Tue 11 Nov (ex 15). On Fri 7 Nov, the working days
    # left after today are Mon 10 and Tue 11 Nov: 2.
    code, out, _ = run("appeal", "--responded", "2025-09-16", "--today", "2025-11-07")
    assert code == 0
    assert "Open today:" in out
    assert "Ask for an internal review by Tuesday 11 November 2025: 2 working days left" in out
    code, out, _ = run("appeal", "--responded", "2025-09-16", "--today", "2025-11-12")
    assert "Closed or used:" in out
    assert "Ask for an internal review by Tuesday 11 November 2025: closed (FOIA-IR-REQ)" in out


def test_appeal_reads_today_in_a_date_as_the_given_today() -> None:
    # "today" in a date option is the --today day, as in status and timeline: a response
    # "today" on Tue 16 Sep 2025 is that response, whatever the machine's clock says (ex 15:
    # review by Tue 11 Nov 2025), not a response on the real today.
    with freeze_time("2026-12-01"):
        code, out, _ = run("appeal", "--responded", "today", "--today", "2025-09-16", "--json")
    assert code == 0
    data = json.loads(out)
    windows = {w["key"]: w for w in data["windows"]}
    assert windows["review_request_by"]["date"] == "2025-11-11"
    assert windows["review_request_by"]["state"] == "open"


def test_appeal_tribunal_window_in_calendar_days_json() -> None:
    # rules.md ex 32: decision notice sent Fri 28 Nov 2025 -> Mon 29 Dec 2025. On 20 Dec:
    # 9 calendar days left.
    code, out, _ = run(
        "appeal",
        "--responded",
        "2025-09-16",
        "--review-requested",
        "2025-09-20",
        "--review-responded",
        "2025-10-10",
        "--decision-notice",
        "2025-11-28",
        "--today",
        "2025-12-20",
        "--json",
    )
    assert code == 0
    windows = {w["key"]: w for w in json.loads(out)["windows"]}
    tribunal = windows["tribunal_appeal_by"]
    assert (tribunal["date"], tribunal["state"], tribunal["days_left"]) == ("2025-12-29", "open", 9)
    assert tribunal["days_left_kind"] == "calendar"
    assert windows["commissioner_complaint_by"]["state"] == "closed"  # 21 Nov (ex 33)


def test_appeal_today_defaults_to_the_clock() -> None:
    with freeze_time("2025-11-11"):
        code, out, _ = run("appeal", "--responded", "2025-09-16")
    assert code == 0
    assert "Ask for an internal review by Tuesday 11 November 2025: today is the last day" in out
