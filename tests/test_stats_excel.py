"""Issue 19: Excel in and out, and real exports' headers (`--map`, `--ignore`, the config file's
`[columns]` table). Workbooks are made here with XlsxWriter, and read back with openpyxl (a
second reader, so that what is checked is the file, not foiclock's own reading of it)."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from typer.testing import CliRunner

from foiclock.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def workbook(
    path: Path, rows: list[list[object]], sheet: str = "Cases", merged: bool = False
) -> Path:
    book = xlsxwriter.Workbook(str(path))
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    book.add_worksheet("Notes").write_string(0, 0, "a first sheet that is not the cases")
    cases = book.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if isinstance(cell, date):
                cases.write_datetime(r, c, cell, dates)
            elif isinstance(cell, int | float):
                cases.write_number(r, c, cell)
            elif cell is not None:
                cases.write_string(r, c, str(cell))
    if merged:
        cases.merge_range(0, 0, 0, 1, "Dates")
    book.close()
    return path


ROWS: list[list[object]] = [
    ["Ref", "Date received", "Date closed", "Notes"],
    # rules.md example 1: received 19 Aug 2025, due 17 Sep; answered 16 Sep.
    ["FOI-1", date(2025, 8, 19), date(2025, 9, 16), '=HYPERLINK("http://x")'],
    # a date stored as text, and a number as the reference
    [102, "19/08/2025", None, "+44 1234"],
    ["FOI-3", "not a date", None, None],
]
MAP = ["--map", "received=Date received", "--map", "responded=Date closed", "--map", "case_id=Ref"]


def test_batch_xlsx_in_and_out_keeps_every_row_and_cell(tmp_path: Path) -> None:
    source = workbook(tmp_path / "cases.xlsx", ROWS)
    target = tmp_path / "out.xlsx"
    result = runner.invoke(
        app,
        [
            "batch",
            str(source),
            "--sheet",
            "Cases",
            *MAP,
            "--today",
            "2025-10-01",
            "-o",
            str(target),
        ],
    )
    assert result.exit_code == 1, result.stderr  # FOI-3 cannot be counted
    sheet = openpyxl.load_workbook(target).active
    assert sheet.freeze_panes == "A2"  # the header frozen
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:4] == ["Ref", "Date received", "Date closed", "Notes"]
    assert values[0][4:7] == ["due", "extended_due", "working_days_elapsed"]
    # every input row, in order, its cells as they were: dates as dates, text as text
    assert [row[0] for row in values[1:]] == ["FOI-1", 102, "FOI-3"]
    assert values[1][1] == datetime(2025, 8, 19) and sheet["B2"].is_date
    assert values[2][1] == "19/08/2025"
    # no formula is ever written from a cell's text
    assert sheet["D2"].data_type == "s" and sheet["D2"].value == '=HYPERLINK("http://x")'
    assert sheet["D3"].value == "+44 1234"
    due = values[0].index("due")
    assert values[1][due] == datetime(2025, 9, 17) and sheet.cell(2, due + 1).is_date
    assert values[1][values[0].index("timeliness")] == "within_limit"
    assert values[3][values[0].index("status")] == "error"


def test_stats_read_a_workbook_with_the_sheet_and_map(tmp_path: Path) -> None:
    source = workbook(tmp_path / "cases.xlsx", ROWS)
    result = runner.invoke(
        app,
        [
            "stats",
            str(source),
            "--sheet",
            "Cases",
            *MAP,
            "--period",
            "2025-Q3",
            "--today",
            "2025-10-01",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    # FOI-1 within 20; 102 (received 19 Aug, the text date) open and overdue on 1 Oct.
    assert (data["within_20"], data["open_overdue"], data["unplaced"]) == (1, 1, 1)
    assert data["case_ids"]["open_overdue"] == ["102"]
    assert data["unplaced_rows"][0]["row"] == 4  # the sheet's row 4


def test_csv_in_xlsx_out(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    result = runner.invoke(
        app,
        ["batch", str(ROOT / "examples" / "cases.csv"), "--today", "2025-10-01", "-o", str(target)],
    )
    assert result.exit_code in (0, 1), result.stderr
    sheet = openpyxl.load_workbook(target).active
    with (ROOT / "examples" / "cases.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    got = [[c.value for c in row][: len(rows[0])] for row in sheet.iter_rows()]
    assert [[("" if v is None else v) for v in row] for row in got] == rows


@pytest.mark.parametrize(
    ("make", "args", "message"),
    [
        ("missing_sheet", ["--sheet", "Nope"], "--sheet: 'Nope' is not a sheet of"),
        ("merged", ["--sheet", "Cases"], "has merged cells in its header row (columns 1 to 2)"),
        ("password", [], "is password-protected (encrypted)"),
        ("not_a_workbook", [], "cannot be read as a workbook"),
    ],
)
def test_bad_workbooks_are_one_line_exit_2_nothing_written(
    tmp_path: Path, make: str, args: list[str], message: str
) -> None:
    path = tmp_path / "cases.xlsx"
    if make == "merged":
        workbook(path, ROWS, merged=True)
    elif make == "missing_sheet":
        workbook(path, ROWS)
    elif make == "password":
        # An encrypted .xlsx is an OLE compound file holding an EncryptionInfo stream.
        path.write_bytes(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
        )
    else:
        path.write_text("case_id,received\n", encoding="utf-8")
    target = tmp_path / "out.xlsx"
    for command in (
        ["batch", str(path), "-o", str(target)],
        ["stats", str(path), "-o", str(target)],
    ):
        result = runner.invoke(app, [*command, *args, "--today", "2025-10-01"])
        assert result.exit_code == 2, (command, result.stdout)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and message in lines[0], lines
        assert not target.exists()


def test_a_missing_extra_names_the_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "cases.xlsx", ROWS)
    monkeypatch.setitem(sys.modules, "python_calamine", None)  # import fails
    result = runner.invoke(app, ["stats", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"foiclock: error: INPUT: '{path}' needs the excel extra, which is not installed; "
        "accepted: pip install 'foiclock[excel]'\n"
    )


def test_the_moj_mapping_reads_the_moj_tools_export() -> None:
    mapping = ROOT / "examples" / "mappings" / "moj-correspondence-tool.toml"
    export = ROOT / "examples" / "moj-export.csv"
    result = runner.invoke(
        app,
        [
            "--config",
            str(mapping),
            "stats",
            str(export),
            "--period",
            "2025-Q3",
            "--today",
            "2025-10-31",
            "--json",
            "--by",
            "team",
            "Responding team",
        ],
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    # 250819001 answered 16 Sep (due 17 Sep: example 1); 250819002 extended (due 15 Oct,
    # example 13), answered 10 Oct; 250902004 due 30 Sep (3-5, 8-12, 15-19, 22-26, 29-30
    # Sep), answered 6 Oct, late; 250901003 due 29 Sep (example 11 without the fee), open.
    assert (data["within_20"], data["within_extension"], data["late"], data["open_overdue"]) == (
        1,
        1,
        1,
        1,
    )
    assert data["case_ids"]["late"] == ["250902004"]
    assert sorted(data["groups"]) == ["Finance", "Press Office"]
    # Without the mapping the export's own "Outcome" words are read as outcomes: error rows.
    bare = runner.invoke(
        app, ["batch", str(export), "--map", "received=Date received", "--today", "2025-10-31"]
    )
    assert bare.exit_code == 1
    assert "outcome: 'Granted in full' is not an outcome" in bare.stdout


def test_a_bad_mapping_in_the_config_file_names_it(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[columns]\nrecieved = "Date received"\n', encoding="utf-8")
    result = runner.invoke(
        app, ["--config", str(config), "stats", str(ROOT / "examples" / "moj-export.csv")]
    )
    assert result.exit_code == 2
    assert f"[columns] in {config}: 'recieved' is not a case key" in result.stderr


def test_ignore_leaves_a_column_named_like_a_case_key_unread(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text("case_id,received,body\nB1,2025-08-19,Parish council\n", encoding="utf-8")
    plain = runner.invoke(app, ["batch", str(path), "--today", "2025-10-01"])
    assert plain.exit_code == 1
    assert "body: 'Parish council' is not a kind of body foiclock knows" in plain.stdout
    ignored = runner.invoke(app, ["batch", str(path), "--today", "2025-10-01", "--ignore", "body"])
    assert ignored.exit_code == 0, ignored.stderr
    row = next(csv.DictReader(io.StringIO(ignored.stdout)))
    assert (row["body"], row["due"], row["status"]) == ("Parish council", "2025-09-17", "overdue")
