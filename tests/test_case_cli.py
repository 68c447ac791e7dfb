"""`foiclock due` with case events and case files: output, JSON, and one-line errors (exit 2)
naming the event and the rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_fees_case_text_and_json() -> None:
    """rules.md example 11 through the CLI."""
    args = ["due", "2025-09-01", "--fees-notice", "5/9/2025", "--fee-paid", "2025-09-10"]
    code, out, err = run(*args)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Response due: Friday 3 October 2025"
    assert "Last day to pay: Thursday 4 December 2025" in out
    assert "4 working days left out of the count" in out
    code, out, _ = run(*args, "--json")
    data = json.loads(out)
    assert (data["due"], data["state"], data["extended_due"]) == ("2025-10-03", "running", None)
    assert data["fees"]["pay_by"] == "2025-12-04"
    assert data["fees"]["rule"] == "FOIA-FEES"
    assert data["fees"]["paused_working_days"] == 4
    paused = [step for step in data["steps"] if step["kind"] == "paused"]
    assert [step["date"] for step in paused] == [
        "2025-09-05",
        "2025-09-08",
        "2025-09-09",
        "2025-09-10",
    ]
    assert all(step["rule"] == "FOIA-FEES" for step in paused)


def test_extension_printed_beside_the_original_and_in_json() -> None:
    """rules.md example 13."""
    out = run("due", "2025-08-19", "--extend")[1]
    lines = out.splitlines()
    assert lines[:2] == [
        "Response due: Wednesday 17 September 2025",
        "Extended due: Wednesday 15 October 2025",
    ]
    assert "FOIA-PIT" in out
    data = json.loads(run("due", "2025-08-19", "--extend", "--json")[1])
    assert data["extended_due"] == "2025-10-15"
    assert data["extension"]["rule"] == "FOIA-PIT"


def test_live_states_exit_zero_and_say_what_restarts_the_clock() -> None:
    code, out, _ = run("due", "2025-06-02", "--clarification-requested", "2025-06-05")
    assert code == 0
    assert out.splitlines()[0].endswith("the clock is stopped, awaiting clarification")
    assert "restarts from zero" in out
    code, out, _ = run("due", "2025-09-01", "--fees-notice", "2025-09-05", "--json")
    data = json.loads(out)
    assert (data["state"], data["due"]) == ("awaiting_fee", None)
    code, out, _ = run(
        "due", "2025-09-01", "--fees-notice", "2025-09-05", "--fee-paid", "2025-12-05"
    )
    assert "the fee was not paid by Thursday 4 December 2025" in out


def test_sar_names_the_nation_used() -> None:
    """rules.md example 29."""
    out = run("due", "2026-10-31", "--regime", "sar", "--nation", "scotland")[1]
    assert out.splitlines()[0] == "Response due: Tuesday 1 December 2026"
    assert "Scotland, the controller's own nation (WD-NATION" in " ".join(out.split())
    data = json.loads(run("due", "2026-10-31", "--regime", "sar", "--json")[1])
    assert (data["due"], data["nation"], data["working_days"]) == (
        "2026-11-30",
        "england-and-wales",
        None,
    )
    assert data["months"]["corresponding_date"] == "2026-11-30"


def test_school_closures_from_options_and_file(tmp_path: Path) -> None:
    """rules.md example 21, the closures given two ways."""
    closures = tmp_path / "closed.txt"
    closures.write_text("# summer holiday\n23/07/2025:02/09/2025\n\n", encoding="utf-8")
    from_option = run(
        "due", "2025-07-14", "--body", "school", "--school-closed", "2025-07-23:2025-09-02"
    )
    from_file = run("due", "2025-07-14", "--body", "school", "--school-closed-file", str(closures))
    assert from_option[1] == from_file[1]
    assert from_option[1].splitlines()[0] == "Response due: Monday 22 September 2025"
    out = run("due", "2025-07-14", "--body", "school")[1]
    assert "assumes the school was open on every working day" in " ".join(out.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--fees-notice", "2025-09-10", "--fee-paid", "2025-09-05"],
            "fee_paid: '2025-09-05' is before fees_notice (2025-09-10) (FOIA-FEES)",
        ),
        (
            ["--clarification-requested", "2025-09-10", "--clarification-received", "2025-09-05"],
            "clarification_received: '2025-09-05' is before clarification_requested "
            "(2025-09-10) (FOIA-CLAR)",
        ),
        (
            ["--fees-notice", "2025-08-01"],
            "fees_notice: '2025-08-01' is before the date of receipt (2025-09-01) (FOIA-FEES)",
        ),
        (["--fee-paid", "2025-09-10"], "fee_paid: '2025-09-10' is given without fees_notice"),
        (
            ["--clarification-received", "2025-09-10"],
            "clarification_received: '2025-09-10' is given without clarification_requested "
            "(FOIA-CLAR)",
        ),
        (["--id-received", "2025-09-10"], "id_received: '2025-09-10' is not an event under FOIA"),
        (
            ["--regime", "sar", "--id-received", "2025-08-31"],
            "id_received: '2025-08-31' is before the date of receipt (2025-09-01) (SAR-START)",
        ),
        (["--regime", "foisa", "--extend"], "extended is not possible: FOISA has no"),
        (
            ["--regime", "sar", "--fees-notice", "2025-09-02"],
            "fees_notice: '2025-09-02' is not an event under SAR",
        ),
        (
            ["--regime", "sar", "--receipt-rule", "next-working-day"],
            "receipt_rule: 'next-working-day' does not apply to SAR",
        ),
        (["--regime", "eir", "--body", "school"], "body: 'school' has no time limit of its own"),
        (["--body", "college"], "body: 'college' is not a kind of body foiclock knows"),
        (
            ["--school-closed", "2025-09-02"],
            "school_closed: '2025-09-02:2025-09-02' applies only to schools (FOIA-SCHOOL)",
        ),
        (
            ["--body", "school", "--school-closed", "2025-09-10:2025-09-02"],
            "school_closed: '2025-09-10:2025-09-02' ends before it starts",
        ),
        (
            ["--body", "school", "--school-closed", "09/25/2025"],
            "school_closed: '09/25/2025' has no month 25",
        ),
        (["--fees-notice", "soon"], "fees_notice: 'soon' is not a date"),
    ],
)
def test_bad_events_one_line_exit_2(args: list[str], message: str) -> None:
    code, out, err = run("due", "2025-09-01", *args)
    assert code == 2
    assert out == ""
    assert err.startswith(f"foiclock: error: {message}"), err
    assert err.count("\n") == 1


def test_future_events_are_allowed() -> None:
    """Officers plan: events after today are counted like any other."""
    code, out, _ = run(
        "due", "2099-03-02", "--fees-notice", "2099-03-05", "--fee-paid", "2099-03-09"
    )
    assert code == 0
    assert out.startswith("Response due: ")


CASE_TOML = """\
case_id = "FOI-2025-0412"
regime = "foia"
received = 2025-09-01
fees_notice = "05/09/2025"
fee_paid = 2025-09-10
extended = true
"""


def test_case_file_toml_and_json_give_the_options_answer(tmp_path: Path) -> None:
    toml_file = tmp_path / "case.toml"
    toml_file.write_text(CASE_TOML, encoding="utf-8")
    json_file = tmp_path / "case.json"
    json_file.write_text(
        json.dumps(
            {
                "case_id": "FOI-2025-0412",
                "received": "2025-09-01",
                "fees_notice": "2025-09-05",
                "fee_paid": "2025-09-10",
                "extended": True,
            }
        ),
        encoding="utf-8",
    )
    by_options = run(
        "due", "2025-09-01", "--fees-notice", "2025-09-05", "--fee-paid", "2025-09-10", "--extend"
    )[1]
    assert run("due", "--case", str(toml_file))[1] == by_options
    assert run("due", "--case", str(json_file))[1] == by_options
    data = json.loads(run("due", "--case", str(toml_file), "--json")[1])
    assert (data["case_id"], data["due"]) == ("FOI-2025-0412", "2025-10-03")
    # 20 further working days after Fri 3 Oct 2025: 6-10 Oct 1-5, 13-17 6-10, 20-24 11-15,
    # 27-31 Oct 16-20: Fri 31 Oct 2025 (FOIA-PIT).
    assert data["extended_due"] == "2025-10-31"


def test_options_override_the_case_file(tmp_path: Path) -> None:
    toml_file = tmp_path / "case.toml"
    toml_file.write_text(CASE_TOML, encoding="utf-8")
    data = json.loads(run("due", "--case", str(toml_file), "--regime", "eir", "--json")[1])
    assert data["regime"] == "eir"
    assert data["fees"]["rule"] == "EIR-FEES"
    data = json.loads(run("due", "--case", str(toml_file), "--no-extend", "--json")[1])
    assert (data["extended_due"], data["extension"]) == (None, None)


@pytest.mark.parametrize(
    "args",
    [["2100-12-31", "--extend"], ["2100-12-02", "--regime", "sar"]],
)
def test_counts_running_into_2101_are_answered(args: list[str]) -> None:
    """Counts that start in 2100 and end in 2101, the calendar's last year."""
    code, out, err = run("due", *args, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["provisional"] is True
    assert (data["extended_due"] or data["due"]).startswith("2101-")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("case.toml", "received = 2025-09-01\nfee_payed = 2025-09-02\n",
         "case: 'fee_payed' is not a case key"),
        ("case.toml", "received = 2025-09-01T10:00:00\n",
         "received: '2025-09-01 10:00:00' is a date and time; the date of receipt is a calendar"),
        ("case.toml", "received = 1999-12-31\nregime = 'sar'\n",
         "received: '1999-12-31' is outside the years foiclock supports"),
        ("case.toml", "received = 2025-09-01\nfees_notice = 9999-12-31\n",
         "fees_notice: '9999-12-31' is outside the years foiclock supports"),
        ("case.json", '{"received": 20250901}', "received: 20250901 is not a date"),
        ("case.json", '{"received": "2025-09-01", "received": "2025-09-02"}',
         "case: 'received' is given twice"),
        ("case.toml", "received = \n", "is not valid TOML"),
        ("case.json", "[1, 2]", "does not hold a table of keys"),
        ("case.json", "{", "is not valid JSON"),
        ("case.json", '{"regime": "foia"}', "received is missing"),
        ("case.json", '{"received": "2025-09-01", "extended": "maybe"}',
         "extended: 'maybe' is not true or false"),
        ("case.yaml", "received: 2025-09-01", "is neither a .toml nor a .json file"),
    ],
)  # fmt: skip
def test_bad_case_files_one_line_exit_2(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    case_file = tmp_path / name
    case_file.write_text(content, encoding="utf-8")
    code, out, err = run("due", "--case", str(case_file))
    assert (code, out) == (2, "")
    assert message in err, err
    assert err.count("\n") == 1


def test_missing_case_file_one_line_exit_2(tmp_path: Path) -> None:
    code, _, err = run("due", "--case", str(tmp_path / "nope.toml"))
    assert code == 2
    assert "cannot be read" in err
    assert err.count("\n") == 1
