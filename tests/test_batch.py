"""`foiclock batch`: known answers from rules.md through a CSV file, every input cell kept, bad
rows kept and reported, formula cells neutralised, JSON Lines, and the file-level errors."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock.batch.rows import OUTPUT_COLUMNS
from foiclock.cli import app

runner = CliRunner()
COLUMNS = list(OUTPUT_COLUMNS)


def run(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["batch", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def write_csv(path: Path, rows: list[list[str]], **fmt: str) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream, **fmt).writerows(rows)  # type: ignore[arg-type]
    return path


def read_csv(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


# rules.md worked examples as batch rows: (example, cells, due, extended_due, review_request_by,
# rule). Judged on 2029-06-30, after every date, so each row's events are all known.
EXAMPLES = [
    ("1", {"received": "2025-08-19"}, "2025-09-17", "", "", "FOIA-RESP"),
    ("2", {"received": "19/08/2025", "regime": "foisa"}, "2025-09-16", "", "2025-11-11",
     "FOISA-RESP"),  # ex 18: 40 WD after the expiry of the time for compliance
    ("3", {"received": "16 Mar 2014"}, "2014-04-14", "", "", "FOIA-RESP"),
    ("5", {"received": "2021-07-03"}, "2021-08-03", "", "", "FOIA-RESP"),
    ("7", {"received": "2014-12-01"}, "2014-12-31", "", "", "FOIA-RESP"),
    ("7 alt", {"received": "2014-12-01", "receipt_rule": "next-working-day"}, "2015-01-05", "",
     "", "FOIA-RESP"),
    ("9", {"received": "2026-06-01"}, "2026-06-30", "", "", "FOIA-RESP"),
    ("11", {"received": "2025-09-01", "fees_notice": "2025-09-05", "fee_paid": "2025-09-10"},
     "2025-10-03", "", "", "FOIA-RESP"),
    ("12", {"received": "2025-06-02", "clarification_requested": "2025-06-03",
            "clarification_received": "2025-06-16"}, "2025-07-15", "", "", "FOIA-RESP"),
    ("12 FOISA", {"received": "2025-06-02", "regime": "foisa",
                  "clarification_requested": "2025-06-03",
                  "clarification_received": "2025-06-16"}, "2025-07-14", "", "2025-09-09",
     "FOISA-RESP"),
    ("13", {"received": "2025-08-19", "extended": "true"}, "2025-09-17", "2025-10-15", "",
     "FOIA-RESP"),
    ("14", {"received": "2025-08-19", "regime": "eir", "extended": "yes"}, "2025-09-17",
     "2025-10-15", "2025-12-11", "EIR-RESP"),
    ("15", {"received": "2025-08-19", "responded": "2025-09-16"}, "2025-09-17", "",
     "2025-11-11", "FOIA-RESP"),
    ("18", {"received": "2025-08-19", "regime": "foisa", "responded": "2025-09-10"},
     "2025-09-16", "", "2025-11-11", "FOISA-RESP"),
    ("19", {"received": "2025-08-19", "regime": "foisa", "responded": "2025-09-30"},
     "2025-09-16", "", "2025-11-25", "FOISA-RESP"),
    ("21", {"received": "2025-07-14", "body": "school",
            "school_closed": "2025-07-23:2025-09-02"}, "2025-09-22", "", "", "FOIA-SCHOOL"),
    ("23", {"received": "2025-09-03", "regime": "sar"}, "2025-10-03", "", "", "SAR-RESP"),
    ("27", {"received": "2019-09-26", "regime": "sar", "extended": "true"}, "2019-10-28",
     "2019-12-27", "", "SAR-RESP"),  # one month: Sat 26 Oct 2019 rolls to Mon 28 Oct
    ("29", {"received": "2026-10-31", "regime": "sar", "nation": "scotland"}, "2026-12-01", "",
     "", "SAR-RESP"),
    ("30", {"received": "2026-03-02", "regime": "sar", "clarification_requested": "2026-03-05",
            "clarification_received": "2026-03-12"}, "2026-04-10", "", "", "SAR-RESP"),
]  # fmt: skip
EVENT_HEADER = [
    "case_id",
    "received",
    "regime",
    "nation",
    "receipt_rule",
    "clarification_requested",
    "clarification_received",
    "fees_notice",
    "fee_paid",
    "extended",
    "body",
    "school_closed",
    "responded",
]


def test_rules_md_examples_through_a_csv_file(tmp_path: Path) -> None:
    rows = [EVENT_HEADER]
    for example, cells, *_ in EXAMPLES:
        rows.append([f"ex {example}", *(cells.get(key, "") for key in EVENT_HEADER[1:])])
    source = write_csv(tmp_path / "cases.csv", rows)
    code, out, err = run(str(source), "--today", "2029-06-30")
    assert code == 0, err
    written = read_csv(out)
    assert list(written[0]) == EVENT_HEADER + COLUMNS
    for (example, _cells, due, extended_due, review_by, rule), row in zip(
        EXAMPLES, written, strict=True
    ):
        found = (row["due"], row["extended_due"], row["review_request_by"], row["rule"])
        assert found == (due, extended_due, review_by, rule), example
        assert row["error"] == "", example
    assert err.splitlines()[0].startswith(f"foiclock: {len(EXAMPLES)} rows: ")


@pytest.mark.parametrize(
    ("today", "responded", "status", "elapsed", "late", "review_by"),
    [
        # rules.md ex 1: received Tue 19 Aug 2025, due Wed 17 Sep (Mon 25 Aug skipped). On Fri 12
        # Sep: Aug 20-22 (3), 26-29 (7), Sep 1-5 (12), 8-12 (17).
        ("2025-09-12", "", "open", "17", "", ""),
        ("2025-09-17", "", "due_today", "20", "", ""),
        # Mon 22 Sep: 18, 19, 22 Sep overdue: 3; 23 elapsed.
        ("2025-09-22", "", "overdue", "23", "3", ""),
        # Answered Tue 16 Sep (ex 15): 19 counted; review by Tue 11 Nov.
        ("2025-12-01", "2025-09-16", "answered_on_time", "19", "", "2025-11-11"),
        # Answered Fri 19 Sep: late by 2 (18, 19 Sep); 22 counted.
        ("2025-12-01", "19/09/2025", "answered_late", "22", "2", "2025-11-14"),
        # A response dated after --today is planned: the case is open on that day, and the
        # review window is counted from the planned response (ex 15: Tue 11 Nov).
        ("2025-09-12", "2025-09-16", "open", "17", "", "2025-11-11"),
    ],
)
def test_status_columns_counted_by_hand(
    tmp_path: Path,
    today: str,
    responded: str,
    status: str,
    elapsed: str,
    late: str,
    review_by: str,
) -> None:
    source = write_csv(tmp_path / "in.csv", [["received", "responded"], ["2025-08-19", responded]])
    code, out, err = run(str(source), "--today", today)
    assert code == 0, err
    [row] = read_csv(out)
    assert row["status"] == status
    assert (row["working_days_elapsed"], row["working_days_late"]) == (elapsed, late)
    assert (row["due"], row["review_request_by"], row["provisional"]) == (
        "2025-09-17",
        review_by,
        "false",
    )


def test_regime_option_and_cells(tmp_path: Path) -> None:
    """--regime is for rows without a regime cell; a row's own regime wins (ex 1 and 2)."""
    source = write_csv(
        tmp_path / "in.csv", [["received", "regime"], ["2025-08-19", ""], ["2025-08-19", "foia"]]
    )
    code, out, _ = run(str(source), "--regime", "foisa", "--today", "2026-01-01")
    assert code == 0
    assert [row["due"] for row in read_csv(out)] == ["2025-09-16", "2025-09-17"]


def test_provisional_rows(tmp_path: Path) -> None:
    """GOV.UK's data runs to 2028: a FOIA deadline in 2029 is provisional, one in 2028 not; and
    working days counted up to a --today in 2029 are provisional too."""
    source = write_csv(tmp_path / "in.csv", [["received"], ["2028-11-01"], ["2028-12-20"]])
    code, out, _ = run(str(source), "--today", "2028-12-31")
    assert code == 0
    assert [(row["due"][:4], row["provisional"]) for row in read_csv(out)] == [
        ("2028", "false"),
        ("2029", "true"),
    ]
    code, out, _ = run(str(source), "--today", "2029-06-30")
    assert [row["provisional"] for row in read_csv(out)] == ["true", "true"]


# --- every input cell kept ------------------------------------------------------------------

AWKWARD_ROWS = [
    ["case_id", "received", "subject", "notes"],
    ["FOI-1", "2025-08-19", "roads, bridges and bins", 'she said "no"'],
    ["FOI-2", "19/08/2025", "two\nlines", "three\r\nlines\r\nhere"],
    ["FOI-3", "2025-08-19", "", "  spaces kept  "],
    ["FOI-4", "2025-08-19", "Gwybodaeth am ffyrdd \u2013 café", "😀"],
    ["FOI-5", "2025-08-19", "a;b", ""],
]


@pytest.mark.parametrize(
    ("delimiter", "option"),
    [(",", []), (";", ["--delimiter", ";"]), ("\t", ["--delimiter", "tab"])],
)
def test_every_cell_kept_byte_for_byte(tmp_path: Path, delimiter: str, option: list[str]) -> None:
    source = write_csv(tmp_path / "in.csv", AWKWARD_ROWS, delimiter=delimiter)
    target = tmp_path / "out.csv"
    code, _, err = run(str(source), *option, "--today", "2026-01-01", "-o", str(target))
    assert code == 0, err
    written = target.read_bytes().decode("utf-8")
    parsed = list(csv.reader(io.StringIO(written, newline=""), delimiter=delimiter))
    assert [row[:4] for row in parsed] == AWKWARD_ROWS
    assert all(len(row) == 4 + len(COLUMNS) for row in parsed)
    assert {row[4] for row in parsed[1:]} == {"2025-09-17"}


def test_rows_are_copied_as_written(tmp_path: Path) -> None:
    """A row's text is written as it was read (its own quoting too), then the answer cells."""
    source = tmp_path / "in.csv"
    source.write_bytes(b'id,received\n"A-1",2025-08-19\nB-2,"2025-08-19"\n')
    code, out, _ = run(str(source), "--today", "2026-01-01")
    assert code == 0
    lines = out.split("\n")
    assert lines[0] == "id,received," + ",".join(COLUMNS)
    assert lines[1].startswith('"A-1",2025-08-19,2025-09-17,')
    assert lines[2].startswith('B-2,"2025-08-19",2025-09-17,')
    assert lines[3] == ""  # LF in, LF out


def test_excel_utf8_with_bom_and_crlf(tmp_path: Path) -> None:
    """Excel's "CSV UTF-8": a byte-order mark and CRLF. The header is found despite the mark,
    and the output keeps both, so Excel opens it the same way."""
    source = tmp_path / "excel.csv"
    source.write_bytes(b"\xef\xbb\xbfreceived,name\r\n19/08/2025,Sin\xc3\xa9ad\r\n")
    code, _, err = run(str(source), "--today", "2026-01-01", "-o", str(tmp_path / "out.csv"))
    assert code == 0, err
    written = (tmp_path / "out.csv").read_bytes()
    assert written.startswith(b"\xef\xbb\xbfreceived,name,due,")
    assert written.split(b"\r\n")[1].startswith(b"19/08/2025,Sin\xc3\xa9ad,2025-09-17,")
    assert written.endswith(b"\r\n")


def test_header_names_match_ignoring_case_and_spaces(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", [[" Received ", "REGIME"], ["2025-08-19", "foisa"]])
    code, out, _ = run(str(source), "--today", "2026-01-01")
    assert code == 0
    assert read_csv(out)[0]["due"] == "2025-09-16"


def test_received_column_option(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", [["ref", "date_in"], ["A", "2025-08-19"], ["B", ""]])
    code, out, err = run(str(source), "--received-column", "date_in", "--today", "2026-01-01")
    assert code == 1
    rows = read_csv(out)
    assert rows[0]["due"] == "2025-09-17"
    assert rows[1]["error"] == "date_in is missing; accepted: a date of receipt"
    assert "foiclock: line 3: date_in is missing" in err


def test_received_column_option_with_a_map_in_json_lines(tmp_path: Path) -> None:
    """--received-column and --map together: the receipt is still read from its column (found
    by review: a JSON Lines batch with a map read it from `received`, so every row was missing
    it). FOIA: received Tue 19 Aug 2025, due Wed 17 Sep (rules.md's worked example 1)."""
    source = tmp_path / "in.jsonl"
    source.write_text('{"Date in": "2025-08-19", "Sent": "2025-09-10"}\n', encoding="utf-8")
    code, out, _ = run(
        str(source), "--received-column", "Date in", "--map", "responded=Sent", "--today",
        "2026-01-01",
    )  # fmt: skip
    assert code == 0, out
    row = json.loads(out)
    assert (row["due"], row["status"]) == ("2025-09-17", "answered_on_time")


def test_standard_input(tmp_path: Path) -> None:
    code, out, _ = run("-", "--today", "2026-01-01", stdin="received\n2025-08-19\n")
    assert code == 0
    assert read_csv(out)[0]["due"] == "2025-09-17"


# --- bad rows kept and reported ---------------------------------------------------------------

BAD_ROWS = [
    (["2025-02-30", ""], "received: '2025-02-30' is not a real date (February 2025 has no day 30)"),
    (["", ""], "received is missing"),
    (["08/19/2025", ""], "received: '08/19/2025' has no month 19"),
    (["2025-08-19", "fois"], "regime: 'fois' is not"),
    (["19/08/25", ""], "received: '19/08/25' needs a four-digit year"),
]


def test_bad_rows_are_kept_and_reported(tmp_path: Path) -> None:
    rows = [["case_id", "received", "regime", "responded"]]
    rows.append(["good-1", "2025-08-19", "", ""])
    for number, (cells, _) in enumerate(BAD_ROWS):
        rows.append([f"bad-{number}", *cells, ""])
    rows.append(["order", "2025-08-19", "", "2025-08-18"])  # answered before it arrived
    rows.append(["good-2", "2025-08-19", "foisa", ""])
    source = write_csv(tmp_path / "in.csv", rows)
    code, out, err = run(str(source), "--today", "2026-11-25")
    assert code == 1
    written = read_csv(out)
    assert [row["case_id"] for row in written] == [row[0] for row in rows[1:]]
    assert [row["status"] for row in written] == ["overdue"] + ["error"] * 6 + ["overdue"]
    for row, (_, message) in zip(written[1:], BAD_ROWS, strict=False):
        assert row["error"].startswith(message)
        assert (row["due"], row["rule"], row["provisional"]) == ("", "", "")
    assert written[6]["error"].startswith("responded: '2025-08-18' is before the date of receipt")
    lines = err.splitlines()
    assert lines[0] == "foiclock: 8 rows: 2 overdue, 6 error"
    assert lines[1].startswith("foiclock: line 3: received: '2025-02-30' is not a real date")
    assert lines[5].startswith("foiclock: line 7: received: '19/08/25' needs a four-digit year")
    assert lines[6] == "foiclock: ... and 1 more row with errors"
    code, _, _ = run(str(source), "--today", "2026-11-25", "--allow-errors")
    assert code == 0


def test_error_line_numbers_count_lines_not_rows(tmp_path: Path) -> None:
    """A row after a cell with line breaks is reported by the line it starts on."""
    source = tmp_path / "in.csv"
    source.write_text('note,received\n"one\ntwo\nthree",2025-08-19\n\nx,bad\n', encoding="utf-8")
    code, out, err = run(str(source), "--today", "2026-01-01")
    assert code == 1
    assert [row["note"] for row in read_csv(out)] == ["one\ntwo\nthree", "x"]
    assert "foiclock: line 6: received: 'bad' is not a date" in err


def test_short_and_long_rows(tmp_path: Path) -> None:
    """Missing cells at the end are empty; a row with too many is an error, kept whole, its
    answer under its own header and the extra cells after it."""
    source = tmp_path / "in.csv"
    source.write_text("received,name,team\n2025-08-19\n2025-08-19,a,b,EXTRA\n", encoding="utf-8")
    code, out, err = run(str(source), "--today", "2026-01-01")
    assert code == 1
    lines = list(csv.reader(io.StringIO(out, newline="")))
    assert lines[1][:4] == ["2025-08-19", "", "", "2025-09-17"]
    assert lines[2][:3] == ["2025-08-19", "a", "b"]
    assert lines[2][3 + COLUMNS.index("status")] == "error"
    assert lines[2][-1] == "EXTRA"
    assert "row has 4 cells but the header has 3" in err


# --- formula cells --------------------------------------------------------------------------


def test_formula_cells_are_neutralised(tmp_path: Path) -> None:
    cells = ['=HYPERLINK("http://x")', "+44 20 7946 0000", "-2", "@SUM(A1)", "\tx", "\rx", "ok"]
    header = ["received", *(f"c{i}" for i in range(len(cells)))]
    source = write_csv(tmp_path / "in.csv", [header, ["2025-08-19", *cells]])
    code, out, _ = run(str(source), "--today", "2026-01-01")
    assert code == 0
    [row] = list(csv.reader(io.StringIO(out, newline="")))[1:]
    assert row[1:8] == [f"'{cell}" for cell in cells[:-1]] + ["ok"]
    assert row[8] == "2025-09-17"
    code, out, _ = run(str(source), "--today", "2026-01-01", "--no-sanitize")
    [row] = list(csv.reader(io.StringIO(out, newline="")))[1:]
    assert row[1:8] == cells


def test_formula_header_and_error_cells_are_neutralised(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", [["=cmd", "received"], ["x", "-5"]])
    code, out, _ = run(str(source), "--today", "2026-01-01")
    assert code == 1
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0][0] == "'=cmd"
    assert rows[1][:2] == ["x", "'-5"]
    assert rows[1][-1].startswith("received: '-5' is not a date")


# --- JSON Lines -----------------------------------------------------------------------------


def test_json_lines(tmp_path: Path) -> None:
    source = tmp_path / "cases.jsonl"
    lines = [
        {"id": 1, "received": "2025-08-19", "extended": True, "tags": ["a"]},
        {"id": 2, "received": "2025-08-19", "regime": "sar", "responded": None},
        {"id": 3, "received": 20250819},
    ]
    text = "\n".join(json.dumps(line) for line in lines) + "\n\nnot json\n[1, 2]\n"
    text += json.dumps({"received": "2025-08-19", "status": "closed"}) + "\n"
    source.write_text(text, encoding="utf-8")
    code, out, err = run(str(source), "--today", "2026-01-01")
    assert code == 1
    written = [json.loads(line) for line in out.splitlines()]
    assert len(written) == 6
    assert list(written[0]) == ["id", "received", "extended", "tags", *COLUMNS]
    assert written[0]["due"] == "2025-09-17"
    assert written[0]["extended_due"] == "2025-10-15"
    # After Tue 19 Aug 2025 to Thu 1 Jan 2026: Aug 20-22, 26-29 (7; 25 Aug a holiday), Sep 22,
    # Oct 23, Nov 20, Dec 20 (1 Dec St Andrew's substitute, 25 and 26 Dec), 1 Jan a holiday: 92.
    assert written[0]["working_days_elapsed"] == 92
    assert (written[0]["provisional"], written[0]["error"], written[0]["tags"]) == (
        False,
        None,
        ["a"],
    )
    assert written[1]["due"] == "2025-09-19"  # SAR: one month, 19 Sep a Friday
    assert written[2]["error"].startswith("received: 20250819 is not a date")
    assert written[3] == {"input": "not json", **dict.fromkeys(COLUMNS), "status": "error",
                          "error": written[3]["error"]}  # fmt: skip
    assert written[4]["input"] == [1, 2]
    assert written[5]["input"] == {"received": "2025-08-19", "status": "closed"}
    assert written[5]["error"].startswith("row already has the key 'status'")
    assert "foiclock: line 5: row is not JSON" in err
    assert err.splitlines()[0] == "foiclock: 6 rows: 2 overdue, 4 error"


# --- whole-file errors: one line, exit 2 ----------------------------------------------------


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (b"", [], "foiclock: error: INPUT_PATH has no header row"),
        (b"ref,date\n", [], "foiclock: error: received_column: 'received' is not a column of"),
        (b"received,due\n", [], "already has a column 'due', which the batch adds"),
        (b"received,Received\n", [], "has 2 columns named 'received'"),
        (b"received\n19/08/2025\n\xff\n", [], "is not utf-8 text: line 3 has the byte 0xff"),
        (b"received\n", ["--delimiter", "ab"], "delimiter: 'ab' is not one character"),
        (b"received\n", ["--input-format", "xlsx"], "input_format: 'xlsx' is not an input format"),
        (b"received\n", ["--encoding", "klingon"], "encoding: 'klingon' is not a known encoding"),
        (b"received\n", ["--regime", "foi"], "regime: 'foi' is not"),
    ],
)
def test_file_errors(tmp_path: Path, content: bytes, args: list[str], message: str) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(content)
    code, _, err = run(str(source), *args, "--today", "2026-01-01")
    assert code == 2
    assert len(err.splitlines()) == 1
    assert message.replace("INPUT_PATH", str(source)) in err


def test_missing_input_file(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nope.csv"))
    assert code == 2
    assert err.startswith(f"foiclock: error: INPUT: '{tmp_path / 'nope.csv'}' cannot be read")


def test_today_is_the_calendar_day(tmp_path: Path) -> None:
    from freezegun import freeze_time

    source = write_csv(tmp_path / "in.csv", [["received"], ["2025-08-19"]])
    with freeze_time("2025-09-17"):
        code, out, _ = run(str(source))
    assert code == 0
    assert read_csv(out)[0]["status"] == "due_today"
    assert date(2025, 9, 17).weekday() == 2


def test_school_closures_in_one_cell(tmp_path: Path) -> None:
    """rules.md example 21 with its closure given as two ranges in one cell, split by ";"."""
    closed = "2025-07-23:2025-08-10; 2025-08-11:2025-09-02"
    source = write_csv(
        tmp_path / "in.csv",
        [["received", "body", "school_closed"], ["2025-07-14", "school", closed]],
    )
    code, out, err = run(str(source), "--today", "2026-01-01")
    assert code == 0, err
    [row] = read_csv(out)
    assert (row["due"], row["rule"]) == ("2025-09-22", "FOIA-SCHOOL")
