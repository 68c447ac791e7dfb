"""The `foiclock` command: output, JSON contract, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from freezegun import freeze_time
from typer.testing import CliRunner

from foiclock import __version__
from foiclock.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_due_prints_the_deadline_regime_and_rule() -> None:
    """rules.md example 1 and 2."""
    code, out, err = run("due", "2025-08-19")
    assert code == 0
    assert out.splitlines()[0] == "Response due: Wednesday 17 September 2025"
    assert "20th working day following the date of receipt (FOIA-RESP, FOIA s10(1))" in out
    assert err == ""
    code, out, _ = run("due", "2025-08-19", "--regime", "foisa")
    assert out.splitlines()[0] == "Response due: Tuesday 16 September 2025"
    assert "FOISA-RESP, FOISA s10(1)" in out


def test_due_json_contract() -> None:
    code, out, _ = run("due", "19/08/2025", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"regime", "received", "due", "rule", "provisional", "steps"} <= data.keys()
    assert data["regime"] == "foia"
    assert data["received"] == "2025-08-19"
    assert data["due"] == "2025-09-17"
    assert data["rule"] == "FOIA-RESP"
    assert data["provisional"] is False
    assert data["steps"][0] == {
        "date": "2025-08-19", "kind": "received", "working_day": None,
        "reason": "date of receipt; it never counts", "rule": "C-RECEIPT", "holidays": [],
    }  # fmt: skip


def test_explain_shows_day_one_skips_and_nation_difference() -> None:
    """rules.md example 5: 12 Jul (NI) and 2 Aug (Scotland) skipped; E&W alone gives 30 Jul."""
    code, out, _ = run("due", "2021-07-03", "--explain")
    assert code == 0
    assert "  day 1      Mon  5 Jul 2021" in out
    assert "  skipped    Mon 12 Jul 2021  Battle of the Boyne (Northern Ireland) (WD-UK)" in out
    assert "  skipped    Mon  2 Aug 2021  Summer Bank Holiday (Scotland) (WD-UK)" in out
    assert "  day 20     Tue  3 Aug 2021  response due (FOIA-RESP)" in out
    assert "England and Wales's own calendar alone would give Friday 30 July 2021" in out
    # Receipt on a Saturday: the C-RECEIPT-ALT answer beside the default.
    assert "C-RECEIPT-ALT" in out
    assert "Wednesday 4 August 2021" in out


def test_receipt_rule_option_example_7() -> None:
    _, out, _ = run("due", "2014-12-01", "--receipt-rule", "next-working-day", "--json")
    data = json.loads(out)
    assert data["due"] == "2015-01-05"
    assert data["alternative"]["due"] == "2014-12-31"


def test_eir_says_best_reading_for_its_calendar() -> None:
    _, out, _ = run("due", "2025-08-19", "--regime", "eir", "--explain")
    assert "EIR reg 2(1) takes the FOIA meaning) [best reading]" in " ".join(out.split())


def test_provisional_answer_warns_on_stderr() -> None:
    code, out, err = run("due", "2029-03-01", "--json")
    assert code == 0
    assert json.loads(out)["provisional"] is True
    assert err.startswith("foiclock: warning: provisional: the answer reaches past 2028")
    _, _, err = run("due", "2028-03-01")
    assert err == ""


def test_add_and_count() -> None:
    """rules.md example 13: 20 working days after Wed 17 Sep 2025 is Wed 15 Oct 2025."""
    code, out, _ = run("add", "2025-09-17", "20", "--json")
    assert code == 0
    assert json.loads(out)["date"] == "2025-10-15"
    code, out, _ = run("add", "2025-09-17", "20")
    assert out.splitlines()[0] == "Wednesday 15 October 2025"
    # By hand: after Tue 19 Aug 2025 up to Fri 29 Aug: 20, 21, 22, 26, 27, 28, 29 (25th a holiday).
    code, out, _ = run("count", "2025-08-19", "2025-08-29", "--json")
    assert json.loads(out)["working_days"] == 7
    _, out, _ = run("count", "2025-08-29", "2025-08-19", "--json")
    assert json.loads(out)["working_days"] == -7
    _, out, _ = run("count", "2025-08-19", "2025-08-29", "--regime", "foisa")
    assert out.splitlines()[0] == "8 working days"  # 25 Aug works in Scotland


def test_holidays_lists_names_and_divisions() -> None:
    code, out, _ = run("holidays", "2026", "--regime", "foia")
    assert code == 0
    assert (
        "  Mon 15 Jun 2026  Scotland's participation in the FIFA World Cup final (Scotland)" in out
    )
    assert "  Tue 17 Mar 2026  Saint Patrick's Day (Northern Ireland)" in out
    _, out, _ = run("holidays", "2026", "--regime", "foisa")
    assert "Saint Patrick's Day" not in out
    assert "Easter Monday" not in out
    _, out, _ = run("holidays", "2026", "--nation", "england-and-wales", "--json")
    data = json.loads(out)
    assert data["calendar_rule"] == "WD-NATION"
    dates = [entry["date"] for entry in data["holidays"]]
    assert "2026-04-06" in dates  # Easter Monday
    assert "2026-06-15" not in dates


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["due", "2025-02-30"], "foiclock: error: received: '2025-02-30' is not a real date"),
        (["due", "08/19/2025"], "foiclock: error: received: '08/19/2025' has no month 19"),
        (["due", "next week"], "foiclock: error: received: 'next week' is not a date"),
        (["due", "19/08/25"], "foiclock: error: received: '19/08/25' needs a four-digit year"),
        (["due", "1999-06-01"], "foiclock: error: received: '1999-06-01' is outside the years"),
        (["due", "2101-01-03"], "foiclock: error: received: '2101-01-03' is outside the years"),
        (
            ["due", "2025-08-19", "--regime", "gdpr"],
            "foiclock: error: regime: 'gdpr' is not a regime foiclock knows; "
            "accepted: foia, eir, foisa, eisr",
        ),
        (["due", "2025-08-19", "--nation", "wales"], "foiclock: error: nation: 'wales' is not"),
        (["due", "2025-08-19", "--receipt-rule", "x"], "foiclock: error: receipt_rule: 'x'"),
        (["add", "2025-08-19", "1.5"], "foiclock: error: n: '1.5' is not a whole number"),
        (
            ["add", "2025-08-19", "1000000"],
            "foiclock: error: n: 1000000 working days after 2025-08-19 run past the calendar's end",
        ),
        (
            ["add", "2025-08-19", "-1000000"],
            "foiclock: error: n: -1000000 working days before 2025-08-19 run past the calendar's",
        ),
        (
            ["add", "2025-08-19", "9" * 40],
            "foiclock: error: n: '" + "9" * 40 + "' runs past the years foiclock supports",
        ),
        (["add", "2025-08-19", "ten"], "foiclock: error: n: 'ten' is not a whole number"),
        (["count", "2025-08-19", "2025-13-01"], "foiclock: error: end: '2025-13-01'"),
        (["holidays", "1999"], "foiclock: error: year: 1999 is outside the years"),
        (["holidays", "26"], "foiclock: error: year: '26' is not a four-digit year"),
        (["holidays", "²⁰²⁵"], "foiclock: error: year: '²⁰²⁵' is not a four-digit year"),
        (
            ["add", "2025-08-19", "\uff12\uff10"],
            "foiclock: error: n: '\uff12\uff10' is not a whole number",
        ),
        (["add", "2025-08-19", "+5"], "foiclock: error: n: '+5' is not a whole number"),
        (["add", "2025-08-19", "1_0"], "foiclock: error: n: '1_0' is not a whole number"),
        (
            ["due", "\uff10\uff11/\uff10\uff18/\uff12\uff10\uff12\uff15"],
            "foiclock: error: received: '\uff10\uff11/\uff10\uff18/\uff12\uff10\uff12\uff15' "
            "is not a date",
        ),
        (["due", "0000-01-01"], "foiclock: error: received: '0000-01-01' is outside the years"),
        (["holidays", "2025", "--regime", ""], "foiclock: error: regime: '' is not a regime"),
        (["due"], "foiclock: error: Missing argument 'RECEIVED' (or give --case FILE)"),
        (["add", "2025-08-19", "-3x"], "foiclock: error: n: '-3x' is not a whole number"),
        (["add", "2025-08-19", "-"], "foiclock: error: n: '-' is not a whole number"),
        (["add", "2025-08-19", "5", "--jsn"], "foiclock: error: Got unexpected extra argument"),
        (["due", "1", "2"], "foiclock: error: Got unexpected extra argument"),
        (["bogus"], "foiclock: error: No such command 'bogus'"),
        (
            ["holidays", "--regime", "foia", "--nation", "scotland"],
            "foiclock: error: nation: 'scotland' cannot be used with a regime",
        ),
    ],
)
def test_bad_input_one_line_exit_2(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_version_help_and_module_entry_point() -> None:
    code, out, _ = run("--version")
    assert (code, out) == (0, f"foiclock {__version__}\n")
    code, out, _ = run("--help")
    assert code == 0
    assert "foiclock due 2025-08-19 --explain" in out
    completed = subprocess.run(
        [sys.executable, "-m", "foiclock", "due", "2025-08-19", "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert completed.returncode == 0
    assert json.loads(completed.stdout)["due"] == "2025-09-17"
    completed = subprocess.run(
        [sys.executable, "-m", "foiclock", "due", "2025-02-30"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert completed.returncode == 2
    assert completed.stderr.count("\n") == 1


@freeze_time("2025-08-19 23:30:00")
def test_today_is_the_calendar_day() -> None:
    """C-RECEIPT: the date of receipt is the calendar day, whatever the hour."""
    _, out, _ = run("due", "today", "--json")
    assert json.loads(out)["received"] == "2025-08-19"
    assert json.loads(out)["due"] == "2025-09-17"


@freeze_time("2026-11-25")
def test_holidays_defaults_to_this_year() -> None:
    _, out, _ = run("holidays", "--json")
    data = json.loads(out)
    assert data["years"] == [2026]
    assert data["holidays"][0]["date"] == "2026-01-01"


def test_bare_command_prints_help() -> None:
    code, out, err = run()
    assert code == 0
    assert out.startswith("Usage: foiclock")
    assert err == ""


def test_entry_point_runs_each_command_and_lists_them_all() -> None:
    """`main()` registers only the command it runs (start-up time); every command must still
    run through it, and the help and the unknown-command error must still see them all."""
    import subprocess
    import sys

    def entry(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "foiclock", *args], capture_output=True, text=True
        )

    # rules.md ex 1 and 15 through each command's own entry.
    assert "Wednesday 17 September 2025" in entry("due", "2025-08-19").stdout
    assert "Tue 11 Nov 2025" in entry("timeline", "2025-08-19", "--responded", "2025-09-16").stdout
    assert "Tuesday 11 November 2025" in entry("letter", "--responded", "2025-09-16").stdout
    assert "[20]" in entry("calendar", "2025-08-19").stdout
    listed = entry("--help").stdout
    for name in ("due", "timeline", "status", "appeal", "letter", "calendar", "add", "count"):
        assert f"  {name} " in listed
    unknown = entry("duee", "2025-08-19")
    assert unknown.returncode == 2
    assert "No such command 'duee'. Did you mean 'due'?" in unknown.stderr
