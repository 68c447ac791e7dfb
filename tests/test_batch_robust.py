"""Regression tests for what a hostile tester found in `foiclock batch`: each test names the
fault it guards (JSON Lines rows that stopped the run or wrote what is not JSON, encodings that
are not for text files, an interrupt after the rename, errors that quoted a date rewritten,
the input overwritten through standard input, CR-only line ends)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock.batch.rows import OUTPUT_COLUMNS
from foiclock.cli import app

runner = CliRunner()
COLUMNS = list(OUTPUT_COLUMNS)
GOOD = '{"id": 2, "received": "2025-08-19"}'
# rules.md example 1. Received Tue 19 Aug 2025 (FOIA-RESP, WD-UK): Aug 20-22 (3), 26-29 (7; 25
# Aug a bank holiday), Sep 1-5 (12), 8-12 (17), 15-17 (20): due Wed 17 Sep 2025.
DUE = "2025-09-17"
OLD = b"yesterday's output\n"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    result = runner.invoke(app, ["batch", *args], input=stdin)
    return result.exit_code, result.stdout_bytes, result.stderr


def strict_json(line: bytes) -> dict[str, object]:
    """One output line read as strict JSON: UTF-8, no NaN or Infinity, no lone surrogate."""

    def refuse(name: str) -> object:
        raise ValueError(f"{name} is not JSON")

    def finite(text: str) -> float:
        value = float(text)
        if value in (float("inf"), float("-inf")):
            raise ValueError(f"{text} is not finite")
        return value

    value = json.loads(line.decode("utf-8"), parse_constant=refuse, parse_float=finite)
    json.dumps(value, ensure_ascii=False).encode("utf-8")  # a lone surrogate cannot be encoded
    assert isinstance(value, dict)
    return value


def jsonl(
    tmp_path: Path, text: str | bytes, *args: str
) -> tuple[int, list[dict[str, object]], str]:
    source = tmp_path / "cases.jsonl"
    if isinstance(text, str):
        text = text.encode("utf-8")
    source.write_bytes(text)
    code, out, err = run(str(source), "--today", "2026-01-01", *args)
    assert out.endswith(b"\n") or not out
    return code, [strict_json(line) for line in out.split(b"\n")[:-1]], err


def assert_good(row: dict[str, object]) -> None:
    assert (row["due"], row["status"], row["error"]) == (DUE, "overdue", None)


# 1. One row with a lone surrogate escape stopped the whole batch with a traceback.
@pytest.mark.parametrize(
    "bad",
    [
        '{"id": 1, "received": "2025-08-19", "note": "\\ud800"}',
        '{"id": 1, "received": "2025-08-19", "\\uDFFF": 1}',
        '{"id": 1, "received": "\\ud800"}',
        '["\\ud800"]',
    ],
)
def test_lone_surrogate_is_an_error_row(tmp_path: Path, bad: str) -> None:
    code, rows, err = jsonl(tmp_path, f"{bad}\n{GOOD}\n")
    assert code == 1, err
    assert len(rows) == 2
    assert rows[0]["input"] == bad  # the line as it was, its escape kept
    assert rows[0]["status"] == "error"
    error = rows[0]["error"]
    assert isinstance(error, str)
    assert error.startswith("row has a lone surrogate ")
    assert "\\ud800" in error.lower() or "\\udfff" in error.lower()
    assert_good(rows[1])
    assert "Traceback" not in err


def test_surrogate_pair_escapes_are_one_character(tmp_path: Path) -> None:
    """A pair (here U+1F600) is a character, not an error."""
    code, rows, err = jsonl(tmp_path, '{"received": "2025-08-19", "n": "\\ud83d\\ude00"}\n')
    assert code == 0, err
    assert rows[0]["n"] == "\U0001f600"


def test_a_character_the_encoding_lacks_is_written_as_an_escape(tmp_path: Path) -> None:
    """`\\u20ac` (the euro sign) in a latin-1 file: written back as the same escape, not a
    traceback."""
    source = tmp_path / "cases.jsonl"
    source.write_bytes(b'{"received": "2025-08-19", "n": "\\u20ac \xe9"}\n')
    code, out, err = run(str(source), "--today", "2026-01-01", "--encoding", "latin-1")
    assert code == 0, err
    assert out.startswith(b'{"received": "2025-08-19", "n": "\\u20ac \\u00e9"')
    assert json.loads(out)["n"] == "\u20ac \xe9"


# 2. One row nested 100,000 deep stopped the batch with a RecursionError.
@pytest.mark.parametrize(
    "bad",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        '{"received": "2025-08-19", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"received": ' + "[" * 5_000 + "]" * 5_000 + "}",
    ],
)
def test_deep_nesting_is_an_error_row(tmp_path: Path, bad: str) -> None:
    code, rows, err = jsonl(tmp_path, f"{bad}\n{GOOD}\n")
    assert code == 1, err
    assert len(rows) == 2
    assert rows[0]["status"] == "error"
    assert rows[0]["input"] == bad
    assert str(rows[0]["error"]).startswith("row is nested too deeply")
    assert_good(rows[1])


def test_moderate_nesting_is_kept(tmp_path: Path) -> None:
    value = "[" * 100 + "]" * 100
    code, rows, err = jsonl(tmp_path, '{"received": "2025-08-19", "x": ' + value + "}\n")
    assert code == 0, err
    assert json.dumps(rows[0]["x"], separators=(",", ":")) == value


# 3. 1e999 was written back as Infinity, and NaN passed through: output that is not JSON.
@pytest.mark.parametrize("number", ["1e999", "-1e999", "NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_refused(tmp_path: Path, number: str) -> None:
    bad = '{"id": 1, "received": "2025-08-19", "x": ' + number + "}"
    code, rows, err = jsonl(tmp_path, f"{bad}\n{GOOD}\n")
    assert code == 1, err
    assert rows[0]["input"] == bad
    assert rows[0]["status"] == "error"
    assert str(rows[0]["error"]).startswith(f"row has the number {number}, which is not finite")
    assert_good(rows[1])
    assert f"line 1: row has the number {number}" in err


def test_large_finite_numbers_are_kept(tmp_path: Path) -> None:
    code, rows, err = jsonl(tmp_path, '{"received": "2025-08-19", "x": 1e308, "y": 1e-999}\n')
    assert code == 0, err
    assert (rows[0]["x"], rows[0]["y"]) == (1e308, 0.0)


# 4. A CR between tokens split one object into two error rows.
def test_cr_between_tokens_is_whitespace(tmp_path: Path) -> None:
    text = '{"id": 1,\r"received":\r"2025-08-19"}\n{"id": 2, "received": "2025-08-19"}\r\n'
    text += '{"id": 3,\r\r"received": "nope"}\n'
    code, rows, err = jsonl(tmp_path, text)
    assert code == 1
    assert [row["id"] for row in rows] == [1, 2, 3]
    assert_good(rows[0])
    assert_good(rows[1])
    assert rows[2]["status"] == "error"
    assert err.splitlines()[1].startswith("foiclock: line 3: received: 'nope' is not a date")


def test_cr_only_json_lines_are_still_read(tmp_path: Path) -> None:
    """Classic Mac OS line ends (CR alone), which the reader took as line ends before: still
    one row a line, and the line numbers count them."""
    text = '{"id": 1, "received": "2025-08-19"}\r\r{"id": 2, "received": "x"}\r' + GOOD + "\r"
    code, rows, err = jsonl(tmp_path, text)
    assert code == 1
    assert [row["id"] for row in rows] == [1, 2, 2]
    assert_good(rows[0])
    assert_good(rows[2])
    assert err.splitlines()[1].startswith("foiclock: line 3: received: 'x' is not a date")


# 5. A duplicate key silently kept the last value.
@pytest.mark.parametrize(
    ("bad", "key"),
    [
        ('{"received": "2025-08-19", "received": "2025-09-01"}', "received"),
        ('{"received": "2025-08-19", "x": 1, "x": 1}', "x"),
        ('{"received": "2025-08-19", "meta": {"a": 1, "a": 2}}', "a"),
    ],
)
def test_duplicate_key_is_an_error_row(tmp_path: Path, bad: str, key: str) -> None:
    code, rows, err = jsonl(tmp_path, f"{bad}\n{GOOD}\n")
    assert code == 1, err
    assert rows[0]["input"] == bad
    assert rows[0]["status"] == "error"
    assert str(rows[0]["error"]).startswith(f"row has the key '{key}' twice")
    assert_good(rows[1])


# 6. --encoding idna exited 0 with a 0-byte file; punycode and utf-16 without a BOM gave
#    tracebacks.
NOT_FOR_FILES = "idna punycode unicode_escape raw_unicode_escape utf-7 undefined base64 rot13 zlib"


@pytest.mark.parametrize("encoding", NOT_FOR_FILES.split())
def test_encodings_not_for_text_files_are_refused(tmp_path: Path, encoding: str) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"id,received\n1,2025-08-19\n")
    target = tmp_path / "out.csv"
    target.write_bytes(OLD)
    code, out, err = run(str(source), "-o", str(target), "--encoding", encoding)
    assert (code, out) == (2, b"")
    assert err.splitlines() == [
        f"foiclock: error: encoding: '{encoding}' is not a text encoding for files; accepted: "
        "a text encoding such as utf-8, cp1252, latin-1 or utf-16"
    ]
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


@pytest.mark.parametrize(
    ("encoding", "content", "line"),
    [
        ("utf-16", "id,received\n1,2025-08-19\n".encode("utf-16-le"), 1),  # no byte-order mark
        ("utf-32", "id,received\n1,2025-08-19\n".encode("utf-32-le"), 1),
        ("utf-16-le", "id,received\n1,2025-08-19\n2,x\n".encode("utf-16-le") + b"\x00", 4),
        ("utf-16-le", "id,received\n1,2025-08-19\n".encode("utf-16-le") + b"\x00\xdc2\x00", 3),
        ("utf-8", b'id,received\n1,2025-08-19\n2,"a\nb\xffc"\n', 4),  # a cell over two lines
        ("utf-8", b"id,received\r1,2025-08-19\r2,\xff\r", 3),
        ("utf-8", b"id,rec\xe9ived\n1,2025-08-19\n", 1),  # the header
        ("cp1252", b"id,received\n1,2025-08-19\n2,\x81\n", 3),  # 0x81: no character in cp1252
    ],
)
def test_decode_failure_names_its_line(
    tmp_path: Path, encoding: str, content: bytes, line: int
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(content)
    target = tmp_path / "out.csv"
    code, out, err = run(str(source), "-o", str(target), "--encoding", encoding)
    assert (code, out) == (2, b""), err
    [message] = err.splitlines()
    assert message.startswith(f"foiclock: error: {source} is not {encoding} text: line {line} ")
    assert message.endswith(
        "; accepted: UTF-8 text, with or without a byte-order mark, or --encoding NAME"
    )
    assert not target.exists()  # nothing written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_decode_failure_on_standard_input_names_its_line(suffix: str) -> None:
    """Standard input is read once: the line is found as the rows are read, not by reading the
    input again."""
    rows = [b'{"received": "2025-08-19"}'] * 3 + [b'{"received": "2025-08-19", "n": "\xff"}']
    content = b"\n".join(rows) + b"\n"
    if suffix == "csv":
        content = b"received,n\n" + b"2025-08-19,a\n" * 20_000 + b"2025-08-19,\xfe\n"
    code, _, err = run("-", "--input-format", suffix, stdin=content)
    assert code == 2
    line = 20_002 if suffix == "csv" else 4
    byte = "0xfe" if suffix == "csv" else "0xff"
    assert err.splitlines() == [
        f"foiclock: error: INPUT is not utf-8 text: line {line} has the byte {byte}; accepted: "
        "UTF-8 text, with or without a byte-order mark, or --encoding NAME"
    ]


def test_utf_16_with_its_byte_order_mark_is_read_and_written(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes("id,received\r\n1,19/08/2025\r\n".encode("utf-16"))
    target = tmp_path / "out.csv"
    code, _, err = run(str(source), "-o", str(target), "--encoding", "utf-16")
    assert code == 0, err
    text = target.read_bytes().decode("utf-16")
    assert text.splitlines()[1].startswith(f"1,19/08/2025,{DUE},")


# 7. Ctrl-C near the end exited 130 saying the file was left as it was, though it had been
#    replaced.
def test_interrupt_after_the_rename_says_the_file_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import foiclock.base.output

    source = tmp_path / "in.csv"
    source.write_text("id,received\n1,2025-08-19\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    target.write_bytes(OLD)
    real_replace = os.replace

    def replace_then_interrupt(old: str, new: str) -> None:
        real_replace(old, new)
        raise KeyboardInterrupt  # Ctrl-C the instant after the rename

    monkeypatch.setattr(foiclock.base.output.os, "replace", replace_then_interrupt)
    code, _, err = run(str(source), "-o", str(target), "--today", "2026-01-01")
    assert code == 130
    assert err == f"foiclock: interrupted; {target} was already written in full\n"
    written = target.read_text(encoding="utf-8").splitlines()
    assert written[1].startswith(f"1,2025-08-19,{DUE},")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_interrupt_just_before_the_rename_leaves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import foiclock.base.output

    source = tmp_path / "in.csv"
    source.write_text("id,received\n1,2025-08-19\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    target.write_bytes(OLD)

    def interrupt(old: str, new: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(foiclock.base.output.os, "replace", interrupt)
    code, _, err = run(str(source), "-o", str(target), "--today", "2026-01-01")
    assert code == 130
    assert err == f"foiclock: interrupted; {target} left as it was\n"
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_interrupt_while_the_summary_is_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the run, before "wrote": the file is complete, and the message says so."""
    import foiclock.present.render

    source = tmp_path / "in.csv"
    source.write_text("id,received\n1,2025-08-19\n", encoding="utf-8")
    target = tmp_path / "new.csv"

    def interrupt(summary: object) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr(foiclock.present.render, "batch_summary_lines", interrupt)
    code, _, err = run(str(source), "-o", str(target), "--today", "2026-01-01")
    assert code == 130
    assert err == f"foiclock: interrupted; {target} was already written in full\n"
    assert target.read_text(encoding="utf-8").startswith("id,received,due,")


# 8. A batch error quoted the date as ISO ('2026-12-25'), not the cell as typed (25/12/2026).
# (A receipt after --today is no longer an error but not_yet_received: a date past the years
# supported stands in for it.)
def test_errors_quote_the_cell_as_typed(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "id,received,responded,extended,regime\n"
        "1,25/12/2101,,,\n"
        "2,01/02/2025,01/01/2025,,\n"
        "3,19 Aug 2025,,yes,foisa\n",
        encoding="utf-8",
    )
    code, out, err = run(str(source), "--today", "2026-01-01")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"), newline="")))
    assert [row["error"].split(" is ")[0] for row in rows] == [
        "received: '25/12/2101'",
        "responded: '01/01/2025'",
        "extended: 'yes'",
    ]
    assert "'2026-12-25'" not in err and "'2025-01-01'" not in err


# 9. `batch - -o cases.csv < cases.csv` overwrote its own input.
def test_never_overwrites_its_input_through_standard_input(tmp_path: Path) -> None:
    source = tmp_path / "cases.csv"
    source.write_text("id,received\n1,2025-08-19\n", encoding="utf-8")
    before = source.read_bytes()
    for target in ("cases.csv", str(source)):
        with source.open("rb") as stdin:
            completed = subprocess.run(
                [sys.executable, "-m", "foiclock", "batch", "-", "-o", target],
                stdin=stdin,
                capture_output=True,
                cwd=tmp_path,
                check=False,
            )
        assert (completed.returncode, completed.stdout) == (2, b"")
        assert completed.stderr.decode().splitlines() == [
            f"foiclock: error: output: '{target}' is the input file: the batch would overwrite "
            "the rows it reads; accepted: another file"
        ]
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.csv"]


def test_standard_input_from_another_file_is_fine(tmp_path: Path) -> None:
    source = tmp_path / "cases.csv"
    source.write_text("id,received\n1,2025-08-19\n", encoding="utf-8")
    with source.open("rb") as stdin:
        completed = subprocess.run(
            [sys.executable, "-m", "foiclock", "batch", "-", "-o", "out.csv"],
            stdin=stdin,
            capture_output=True,
            cwd=tmp_path,
            check=False,
        )
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("id,received,due,")


# 10. CR-only line ends (classic Mac OS) came out as LF.
@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_the_line_ending_is_kept(tmp_path: Path, ending: str) -> None:
    source = tmp_path / "in.csv"
    lines = ["id,received,note", "1,2025-08-19,a", '2,19/08/2025,"two' + ending + 'lines"']
    source.write_bytes((ending.join(lines) + ending).encode("utf-8"))
    code, out, err = run(str(source), "--today", "2026-01-01")
    assert code == 0, err
    text = out.decode("utf-8")
    other = {"\r": "\n", "\n": "\r", "\r\n": None}[ending]
    if other is not None:
        assert other not in text
    assert text.count(ending) == 4  # three lines, one of them in a quoted cell
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert [row[:4] for row in rows[1:]] == [
        ["1", "2025-08-19", "a", DUE],
        ["2", "19/08/2025", f"two{ending}lines", DUE],
    ]
