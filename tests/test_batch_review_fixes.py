"""Regression tests for what an independent review of `foiclock batch` found: each test names
the finding it guards."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock import InvalidInput, answer_row, make_case, response_deadlines
from foiclock.cli import app
from foiclock.clock.status import case_status
from foiclock.clock.timeline import case_timeline

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def batch_file(tmp_path: Path, text: str, *args: str) -> tuple[int, str, str]:
    source = tmp_path / "in.csv"
    source.write_text(text, encoding="utf-8")
    return run("batch", str(source), *args)


# 1. A header cell with a line break shifted every row against its answers.
def test_header_cell_with_a_line_break(tmp_path: Path) -> None:
    code, out, err = batch_file(
        tmp_path, 'id,received,"no\nte"\n1,2025-08-19,a\n2,2025-09-19,b\n', "--today", "2026-01-01"
    )
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0][:4] == ["id", "received", "no\nte", "due"]
    # Received Fri 19 Sep 2025: Sep 22-26 (5), Sep 29-Oct 3 (10), Oct 6-10 (15), 13-17 (20).
    assert [row[:4] for row in rows[1:]] == [
        ["1", "2025-08-19", "a", "2025-09-17"],
        ["2", "2025-09-19", "b", "2025-10-17"],
    ]


# 2. An unterminated quote swallowed the rest of the file, exit 0.
@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('id,received,note\n1,2025-08-19,"oops\n2,2025-08-19,x\n3,2025-08-19,y\n', 2),
        ('id,received,note\n1,2025-08-19,x\n2,2025-08-19,"a"b\n', 3),
    ],
)
def test_broken_quoting_is_refused_with_its_line(tmp_path: Path, text: str, line: int) -> None:
    target = tmp_path / "out.csv"
    code, out, err = batch_file(tmp_path, text, "-o", str(target))
    assert (code, out) == (2, "")
    assert f"cannot be read as CSV: the row starting at line {line}" in err
    assert len(err.splitlines()) == 1
    assert not target.exists()


def test_header_with_broken_quoting(tmp_path: Path) -> None:
    code, _, err = batch_file(tmp_path, 'id,"received\n')
    assert code == 2
    assert "has a header row that cannot be read as CSV" in err


# 6. A cell over the csv module's default 131,072 characters stopped the whole file.
def test_long_free_text_cells(tmp_path: Path) -> None:
    note = "x" * 200_000
    code, out, err = batch_file(
        tmp_path, f'received,note\n2025-08-19,"{note}"\n', "--today", "2026-01-01"
    )
    assert code == 0, err
    limit = csv.field_size_limit(1_000_000)  # for reading the output back here
    try:
        [row] = list(csv.DictReader(io.StringIO(out, newline="")))
    finally:
        csv.field_size_limit(limit)
    assert (row["note"], row["due"]) == (note, "2025-09-17")
    assert csv.field_size_limit() == limit  # the batch put the module's limit back


# 3. In JSON, 1 == true: the remembered answer of one was given to the other.
@pytest.mark.parametrize("first", ["1", "true"])
def test_json_one_and_true_are_not_the_same_cell(tmp_path: Path, first: str) -> None:
    second = "true" if first == "1" else "1"
    source = tmp_path / "in.jsonl"
    lines = [f'{{"received": "2025-08-19", "extended": {value}}}' for value in (first, second)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run("batch", str(source), "--regime", "eir", "--today", "2026-01-01")
    assert code == 1
    by_value = {json.dumps(row["extended"]): row for row in map(json.loads, out.splitlines())}
    assert by_value["true"]["extended_due"] == "2025-10-15"  # rules.md example 14
    assert by_value["1"]["error"].startswith("extended: 1 is not true or false")


# 4. A fee still unpaid after its last day to pay stayed awaiting_fee for ever.
def test_unpaid_fee_past_its_last_day_ends_the_request(tmp_path: Path) -> None:
    """rules.md example 11: fees notice Fri 5 Sep 2025, pay by Thu 4 Dec 2025 (FOIA-FEES)."""
    case = make_case(date(2025, 9, 1), fees_notice=date(2025, 9, 5))
    assert case_status(case, date(2025, 12, 4)).state == "awaiting_fee"
    assert case_status(case, date(2025, 12, 5)).state == "fee_not_paid"
    response = case_timeline(case, date(2025, 12, 5)).get("response_due")
    assert response is not None and (response.state, response.waits_for) == ("lapsed", None)
    code, out, _ = batch_file(
        tmp_path, "received,fees_notice\n2025-09-01,2025-09-05\n", "--today", "2025-12-05"
    )
    assert [row["status"] for row in csv.DictReader(io.StringIO(out))] == ["fee_not_paid"]
    code, out, _ = run(
        "status", "2025-09-01", "--fees-notice", "2025-09-05", "--today", "2025-12-05"
    )
    assert code == 0
    assert " ".join(out.split()).startswith(
        "Response due: none: the fee was not paid by Thursday 4 December 2025, so the body "
        "need not comply"
    )


# 5. answer_row on a pandas row: other columns, NaN for a missing value.
def test_answer_row_ignores_other_keys_and_nan() -> None:
    row = {"received": "2025-08-19", "subject": "roads", "responded": float("nan")}
    answer = answer_row(row, today=date(2025, 9, 12))
    assert (answer.due, answer.status, answer.error) == (date(2025, 9, 17), "open", None)


# 7. response_deadlines: 2101 accepted from numpy, a scalar or a string mishandled.
def test_response_deadlines_edges() -> None:
    numpy = pytest.importorskip("numpy")
    with pytest.raises(InvalidInput, match=r"received\[0\]: '2101-01-01' is outside"):
        response_deadlines(numpy.array(["2101-01-01"], dtype="datetime64[D]"))
    with pytest.raises(InvalidInput, match="is one date, not a sequence"):
        response_deadlines("2025-08-19")
    assert response_deadlines(numpy.datetime64("2025-08-19")) == numpy.datetime64("2025-09-17")


# 8. A `today` cell meant the wall clock, not --today.
def test_today_in_a_cell_is_the_batch_today(tmp_path: Path) -> None:
    code, out, _ = batch_file(
        tmp_path, "received,responded\n2025-08-19,today\n", "--today", "2025-09-16"
    )
    assert code == 0
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert (row["status"], row["working_days_elapsed"]) == ("answered_on_time", "19")


# Suggestions taken: rows of empty or blank cells, a byte-order mark before an error, -o -.
def test_rows_of_empty_cells_are_not_rows(tmp_path: Path) -> None:
    code, out, err = batch_file(
        tmp_path, "received,name\n2025-08-19,a\n,\n  ,  \n\n", "--today", "2026-01-01"
    )
    assert code == 0
    assert len(out.splitlines()) == 2
    assert err.splitlines()[0] == "foiclock: 1 row: 1 overdue"


def test_no_byte_order_mark_before_an_error(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"\xef\xbb\xbfdate,name\n")
    code, out, _ = run("batch", str(source))
    assert (code, out) == (2, "")


def test_dash_output_is_standard_output(tmp_path: Path) -> None:
    code, out, _ = batch_file(
        tmp_path, "received\n2025-08-19\n", "-o", "-", "--today", "2026-01-01"
    )
    assert code == 0
    assert out.startswith("received,due,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]
    assert not Path("-").exists()


def test_quote_delimiter_message(tmp_path: Path) -> None:
    code, _, err = batch_file(tmp_path, "received\n", "--delimiter", '"')
    assert code == 2
    assert "cannot separate cells: it quotes them or ends a line" in err


# SIGTERM left the temporary file behind: tests/test_batch_output.py sends it mid-run.


# Found by the review, older than batch: before a clarification restarted the count, the days
# were counted from the raw receipt even under C-RECEIPT-ALT.
def test_days_before_the_ask_follow_the_receipt_rule() -> None:
    """Received Sat 6 Sep 2025, clarification asked Wed 10 Sep. C-RECEIPT: Mon 8, Tue 9 were
    counted (2). C-RECEIPT-ALT: Mon 8 is the date of receipt and never counts; Tue 9 alone (1)."""
    today = date(2025, 9, 10)
    for rule, counted in (("date-of-receipt", 2), ("next-working-day", 1)):
        case = make_case(
            date(2025, 9, 6), receipt_rule=rule, clarification_requested=date(2025, 9, 10)
        )
        status = case_status(case, today)
        assert (status.state, status.working_days_elapsed) == ("awaiting_clarification", counted)
        kinds = {step.day.day: step.kind for step in status.deadline.steps}
        assert kinds[8] == ("counted_before_restart" if counted == 2 else "treated_as_received")


# Second review (at the fixes' HEAD).
# 2. answer_row raised on a value that cannot be compared with "" (an array, pandas.NA).
def test_answer_row_never_raises_on_odd_values() -> None:
    numpy = pytest.importorskip("numpy")

    class NAType:  # what pandas.NA is, without pandas
        def __eq__(self, other: object) -> bool:
            raise TypeError("boolean value of NA is ambiguous")

        def __ne__(self, other: object) -> bool:
            raise TypeError("boolean value of NA is ambiguous")

        __hash__ = object.__hash__

    today = date(2025, 9, 12)
    row = {"received": "2025-08-19", "tags": numpy.array(["a", "b"]), "responded": NAType()}
    assert answer_row(row, today).status == "open"  # ex 1, 17 of 20 working days on 12 Sep
    row = {"received": "2025-08-19", "responded": numpy.float32("nan")}
    assert answer_row(row, today).status == "open"
    row = {"received": "2025-08-19", "responded": numpy.datetime64("NaT")}
    assert answer_row(row, today).status == "open"
    answer = answer_row({"received": "2025-08-19", "school_closed": numpy.array([1])}, today)
    assert answer.status == "error"


# 3. `today` inside a school closure range meant the wall clock, not --today.
def test_today_in_a_closure_range_is_the_batch_today(tmp_path: Path) -> None:
    text = "received,body,school_closed\n2025-09-01,school,2025-09-02:{}\n"
    answers = []
    for last in ("2025-10-01", "today"):
        code, out, _ = batch_file(tmp_path, text.format(last), "--today", "2025-10-01")
        assert code == 0
        [row] = list(csv.DictReader(io.StringIO(out)))
        answers.append((row["due"], row["working_days_elapsed"]))
    assert answers[0] == answers[1]
    assert answers[0][1] == "0"  # every working day so far was a closure


def test_today_in_a_date_option_is_the_today_option() -> None:
    """`status --responded today --today D` answered on D (it meant the wall clock, after D)."""
    code, out, _ = run("status", "2025-08-19", "--responded", "today", "--today", "2025-09-16")
    assert code == 0
    assert out.startswith("Answered on time on Tuesday 16 September 2025")


# 4. Minor: -o onto a device said it was "left as it was" after writing to it.
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_no_left_as_it_was_for_a_device(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("received\n2025-08-19\n", encoding="utf-8")
    code, _, err = run("batch", str(source), "-o", "/dev/full", "--today", "2026-01-01")
    assert code == 2
    assert "left as it was" not in err
    assert err.startswith("foiclock: error: batch stopped before the end (")
