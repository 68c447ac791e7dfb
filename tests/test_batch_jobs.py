"""`foiclock batch --jobs N`: a CSV file answered in parts by worker processes gives the same
bytes, summary and errors as one process, falls back to one process where a part cannot be
read on its own (a quoted cell holding a line break, text a part's start could misread), is
never split where it cannot be (standard input, JSON Lines, a small file, UTF-16), and stops
its workers on Ctrl-C and SIGTERM leaving no partial output."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock.base.errors import InvalidInput
from foiclock.batch import split
from foiclock.batch.csv_parts import PART_BYTES, split_for
from foiclock.batch.files import run_batch
from foiclock.batch.inputs import BatchOptions, BatchSummary
from foiclock.cli import app
from tests.test_batch_fast import FULL_HEADER, seeded_rows

TODAY = date(2029, 1, 1)
OLD = b"old contents\n"


def write_rows(path: Path, rows: list[dict[str, str]], line_ending: str = "\n",
               encoding: str = "utf-8", extra: str = "") -> Path:  # fmt: skip
    lines = [",".join(FULL_HEADER)]
    for number, cells in enumerate(rows):
        row = [f"C-{number}", *(cells.get(name, "") for name in FULL_HEADER[1:-1])]
        lines.append(",".join([*row, f'"Request {number}: roads, bins{extra}"']))
    path.write_bytes((line_ending.join(lines) + line_ending).encode(encoding))
    return path


def both_ways(
    source: Path, tmp_path: Path, jobs: int = 3, **options: object
) -> tuple[bytes, BatchSummary]:
    """The output and summary in one process and with `jobs`, which must be the same."""
    one, many = tmp_path / "one.out", tmp_path / "many.out"
    encoding = str(options.pop("encoding", "utf-8"))
    batch_options = BatchOptions(today=TODAY, **options)  # type: ignore[arg-type]
    expected = run_batch(str(source), str(one), batch_options, encoding=encoding)
    found = run_batch(
        str(source), str(many), batch_options, encoding=encoding, jobs=jobs, part_bytes=2000
    )
    assert many.read_bytes() == one.read_bytes()
    assert found == expected
    return one.read_bytes(), found


@pytest.fixture
def parts_used(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many parts each split run handed to worker processes."""
    used: list[int] = []
    real = split.in_order

    def counting(work, tasks, jobs, ahead=None):  # type: ignore[no-untyped-def]
        used.append(len(tasks))
        return real(work, tasks, jobs, ahead)

    monkeypatch.setattr(split, "in_order", counting)
    return used


def test_parts_give_the_same_bytes_and_summary(tmp_path: Path, parts_used: list[int]) -> None:
    rows = seeded_rows(600, 7)  # every regime and event, a few bad receipt dates
    rows[450]["fee_paid"] = "=cmd()"  # a formula cell, written anew
    _, summary = both_ways(write_rows(tmp_path / "in.csv", rows), tmp_path)
    assert parts_used and parts_used[0] > 10
    assert summary.rows == 600 and summary.failed > 2


def test_errors_in_later_parts_name_their_lines(tmp_path: Path) -> None:
    rows = [{"received": "2025-08-19", "responded": "2025-09-01"} for _ in range(600)]
    rows[300]["received"] = "soon"
    rows[500]["responded"] = "2025-08-01"  # before receipt
    _, summary = both_ways(write_rows(tmp_path / "in.csv", rows), tmp_path)
    assert [line for line, _ in summary.errors] == [302, 502]  # after the header


@pytest.mark.parametrize(
    ("line_ending", "encoding", "extra"),
    [("\r\n", "utf-8", ""), ("\n", "latin-1", " caf\u00e9"), ("\n", "utf-8", " \u00e9\u20ac")],
)
def test_line_endings_and_encodings(
    tmp_path: Path, parts_used: list[int], line_ending: str, encoding: str, extra: str
) -> None:
    source = write_rows(tmp_path / "in.csv", seeded_rows(300, 3), line_ending, encoding, extra)
    both_ways(source, tmp_path, encoding=encoding)
    assert parts_used


def test_a_byte_order_mark_blank_and_uneven_rows(tmp_path: Path, parts_used: list[int]) -> None:
    source = write_rows(tmp_path / "in.csv", seeded_rows(300, 5))
    text = source.read_text(encoding="utf-8").splitlines(keepends=True)
    text[40] = "\n"  # a blank line
    text[90] = "C-x,2025-08-19\n"  # missing cells
    text[150] = text[150].rstrip("\n") + ",extra,cells\n"  # more cells than the header
    source.write_bytes(b"\xef\xbb\xbf" + "".join(text).rstrip("\n").encode())  # no final LF
    output, _ = both_ways(source, tmp_path)
    assert output.startswith(b"\xef\xbb\xbf") and output.count(b"\xef\xbb\xbf") == 1
    assert parts_used


@pytest.mark.parametrize("where", [5, 150, 299])
def test_a_quoted_line_break_falls_back_to_one_process(tmp_path: Path, where: int) -> None:
    """A cell holding a line break, early, in the middle (likely across a part's start) or in
    the last rows: the parts from the one that finds it on are read in the parent."""
    source = write_rows(tmp_path / "in.csv", seeded_rows(300, 11))
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[where] = lines[where].replace("roads, bins", "roads,\nbins\r\nand more")
    source.write_text("".join(lines), encoding="utf-8", newline="")
    both_ways(source, tmp_path)


def test_a_quote_in_an_unquoted_cell(tmp_path: Path) -> None:
    """A quote inside an unquoted cell is the cell's own character: the parts read it so."""
    source = write_rows(tmp_path / "in.csv", seeded_rows(300, 13))
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[60] = lines[60].replace("C-", 'C"')
    lines[61] = lines[61].replace("C-", 'C"')
    source.write_text("".join(lines), encoding="utf-8", newline="")
    both_ways(source, tmp_path)


def test_errors_found_in_a_later_part_are_the_same(tmp_path: Path) -> None:
    """Broken quoting, or a byte the encoding cannot decode, in a later part: the same error,
    naming the same line, as one process gives."""
    rows = seeded_rows(300, 17)
    for broken, problem in ((b'"open quote\n', "cannot be read as CSV"), (b"\xff\xfe,x\n", "byte")):
        source = write_rows(tmp_path / "in.csv", rows)
        lines = source.read_bytes().splitlines(keepends=True)
        lines[200] = broken
        source.write_bytes(b"".join(lines))
        messages = []
        for jobs in (1, 3):
            with pytest.raises(InvalidInput) as raised:
                run_batch(str(source), str(tmp_path / "out.csv"), BatchOptions(today=TODAY),
                          jobs=jobs, part_bytes=2000)  # fmt: skip
            messages.append(str(raised.value))
        assert messages[0] == messages[1]
        assert problem in messages[0] and "201" in messages[0]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_what_is_never_split(tmp_path: Path) -> None:
    big = write_rows(tmp_path / "in.csv", seeded_rows(100, 1))
    size = big.stat().st_size
    assert split_for(str(big), "utf-8", size, 2, 1000) is not None
    assert split_for(str(big), "utf-8", size, 1, 1000) is None  # one job
    assert split_for("-", "utf-8", size, 2, 1000) is None  # standard input
    assert split_for(str(big), "utf-8", size, 2, size) is None  # fewer than two parts
    assert split_for(str(big), "utf-16", size, 2, 1000) is None  # a part is not text alone
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        assert split_for(str(fifo), "utf-8", size, 2, 1000) is None  # not a regular file
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"received": "2025-08-19"}\n' * 500, encoding="utf-8")
    one, many = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    options = BatchOptions(today=TODAY)
    run_batch(str(jsonl), str(one), options)
    run_batch(str(jsonl), str(many), options, jobs=2, part_bytes=100)  # JSON Lines: one process
    assert one.read_bytes() == many.read_bytes()


def test_a_cr_only_file_is_read_in_one_process(tmp_path: Path, parts_used: list[int]) -> None:
    source = write_rows(tmp_path / "in.csv", seeded_rows(200, 19), line_ending="\r")
    both_ways(source, tmp_path)
    assert parts_used == []


def test_jobs_must_be_a_positive_whole_number(tmp_path: Path) -> None:
    source = write_rows(tmp_path / "in.csv", seeded_rows(3, 1))
    for jobs in (0, -1):
        with pytest.raises(InvalidInput, match="is not a number of processes"):
            run_batch(str(source), None, BatchOptions(today=TODAY), jobs=jobs)
    result = CliRunner().invoke(app, ["batch", str(source), "--jobs", "0"])
    assert result.exit_code == 2
    assert "jobs: 0 is not a number of processes; accepted: a whole number, 1 or more" in (
        result.output
    )


def test_in_order_yields_in_order_and_raises_a_workers_error() -> None:
    assert list(split.in_order(abs, [-3, 1, -2, 5, -8], jobs=2, ahead=2)) == [3, 1, 2, 5, 8]
    with pytest.raises(TypeError):
        list(split.in_order(abs, [1, "x", 2], jobs=2))
    with pytest.raises(ChildProcessError):
        list(split.in_order(os._exit, [3], jobs=1))  # a worker that dies


def test_line_starts_are_after_line_feeds(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"head\n" + b"".join(b"%d\n" % n for n in range(1000)))
    starts = split.line_starts(str(path), 5, path.stat().st_size, 100)
    data = path.read_bytes()
    assert starts[0] == 5 and starts[-1] == len(data)
    assert all(data[start - 1 : start] == b"\n" for start in starts[:-1])
    assert all(b - a >= 100 for a, b in itertools.pairwise(starts[:-1]))  # the last: the rest
    assert split.available_cpus() >= 1


def big_file(path: Path) -> Path:
    """A file of several parts (PART_BYTES each) that takes a few seconds."""
    rows = seeded_rows(2000, 23)
    return write_rows(path, rows * 150)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups")
@pytest.mark.parametrize(
    ("signal_number", "exit_code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)]
)
def test_a_signal_stops_the_workers_and_leaves_nothing(
    tmp_path: Path, signal_number: int, exit_code: int
) -> None:
    """Ctrl-C (SIGINT to the whole process group, as a terminal sends it) or SIGTERM (to the
    batch alone) with --jobs 2: exit 130 or 143, the old file as it was, no temporary file, and
    no worker process left."""
    source = big_file(tmp_path / "in.csv")
    assert source.stat().st_size > 3 * PART_BYTES
    target = tmp_path / "out.csv"
    target.write_bytes(OLD)
    command = [sys.executable, "-m", "foiclock", "batch", str(source), "-o", str(target)]
    process = subprocess.Popen(
        [*command, "--today", "2029-01-01", "--jobs", "2"],
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, which its workers join
    )
    assert process.stderr is not None
    deadline = time.monotonic() + 60
    while os.path.getsize(next(tmp_path.glob("*.tmp"), target)) <= len(OLD):  # parts written
        assert time.monotonic() < deadline and process.poll() is None, "no part was written"
        time.sleep(0.02)
    if signal_number == signal.SIGINT:
        os.killpg(process.pid, signal_number)
    else:
        process.send_signal(signal_number)
    code = process.wait(timeout=60)
    stderr = process.stderr.read().decode()
    assert code == exit_code, stderr
    assert stderr.endswith(f"foiclock: interrupted; {target} left as it was\n"), stderr
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]
    deadline = time.monotonic() + 10
    while True:  # every worker has gone: the process group is empty
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "a worker process was left running"
        time.sleep(0.05)


def test_spawned_workers_give_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a fork is not safe (another thread runs: a progress bar) or not there, workers are
    spawned: the function and the parts pickle, and the output is the same."""
    monkeypatch.setattr(split, "_start_method", lambda: "spawn")
    both_ways(write_rows(tmp_path / "in.csv", seeded_rows(120, 29)), tmp_path, jobs=2)


def test_progress_with_jobs(tmp_path: Path) -> None:
    source = write_rows(tmp_path / "in.csv", seeded_rows(20, 31) * 2000)  # several parts
    reports: list[tuple[int, float | None]] = []
    summary = run_batch(str(source), str(tmp_path / "out.csv"), BatchOptions(today=TODAY),
                        progress=lambda rows, read: reports.append((rows, read)), jobs=2,
                        part_bytes=500_000)  # fmt: skip
    assert len(reports) > 3 and reports[-1][0] == summary.rows
    assert [rows for rows, _ in reports] == sorted(rows for rows, _ in reports)
    fractions = [read for _, read in reports]
    assert all(read is not None and 0 < read <= 1 for read in fractions) and fractions[-1] == 1
