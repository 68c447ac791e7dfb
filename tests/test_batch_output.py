"""`foiclock batch -o`: written atomically, never over its input, nothing left behind when a run
is interrupted half-way (in process, and by a real Ctrl-C: SIGINT, exit 130); the progress
report; the modules a batch loads."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock.batch import files
from foiclock.batch.csv_rows import Columns, RowAnswerer
from foiclock.batch.files import run_batch
from foiclock.batch.inputs import PROGRESS_EVERY, BatchOptions
from foiclock.cli import app

runner = CliRunner()
OLD = b"yesterday's output\n"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["batch", *args])
    return result.exit_code, result.stdout, result.stderr


def many_rows(path: Path, count: int) -> Path:
    """`count` rows with distinct receipt dates (no answer is remembered from an earlier row)."""
    first = date(2012, 1, 1).toordinal()
    lines = ["case_id,received"]
    lines += [f"C-{n},{date.fromordinal(first + n % 6000).isoformat()}" for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_output_file_is_written_and_reported(tmp_path: Path) -> None:
    source = many_rows(tmp_path / "in.csv", 3)
    target = tmp_path / "out.csv"
    code, out, err = run(str(source), "-o", str(target), "--today", "2029-01-01")
    assert (code, out) == (0, "")
    assert err.splitlines() == ["foiclock: 3 rows: 3 overdue", f"foiclock: wrote {target}"]
    assert target.read_text(encoding="utf-8").startswith("case_id,received,due,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_never_overwrites_its_input(tmp_path: Path) -> None:
    source = many_rows(tmp_path / "in.csv", 3)
    before = source.read_bytes()
    link = tmp_path / "link.csv"
    link.symlink_to(source)
    for target in (str(source), str(link), f"{tmp_path}/./in.csv"):
        code, _, err = run(str(source), "-o", target)
        assert code == 2
        assert "is the input file: the batch would overwrite the rows it reads" in err
    assert source.read_bytes() == before


def test_interrupted_half_way_leaves_the_target_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C after 2,500 of 5,000 rows: exit 130, the old file as it was, no temporary file."""
    source = many_rows(tmp_path / "in.csv", 5_000)
    target = tmp_path / "out.csv"
    target.write_bytes(OLD)
    real_answers = files.row_answers  # every row's answer, by the fast path or the case clock
    answered = []

    def answers_then_interrupt(options: BatchOptions, columns: Columns) -> RowAnswerer:
        answer = real_answers(options, columns)

        def then_interrupt(row: list[str]) -> tuple[str, str, str | None]:
            answered.append(1)
            if len(answered) == 2_500:
                raise KeyboardInterrupt
            return answer(row)

        return then_interrupt

    monkeypatch.setattr(files, "row_answers", answers_then_interrupt)
    code, _, err = run(str(source), "-o", str(target), "--today", "2029-01-01")
    assert code == 130
    assert err == f"foiclock: interrupted; {target} left as it was\n"
    assert len(answered) == 2_500
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_a_failure_half_way_leaves_no_file(tmp_path: Path) -> None:
    """Broken CSV quoting found after some rows were written: exit 2 and no output at all."""
    source = tmp_path / "in.csv"
    source.write_text('received,x\n2025-08-19,a\n2025-08-19,"b\n' + "y" * 200_000, encoding="utf-8")
    target = tmp_path / "out.csv"
    code, _, err = run(str(source), "-o", str(target))
    assert code == 2
    assert "cannot be read as CSV" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(
    ("signal_number", "exit_code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)]
)
def test_a_real_signal_mid_run_leaves_nothing(
    tmp_path: Path, signal_number: int, exit_code: int
) -> None:
    """A real Ctrl-C (SIGINT), or a kill (SIGTERM), while the batch waits for more rows on its
    standard input: the old file as it was, no temporary file. SIGTERM was found by the review
    to leave the temporary file behind."""
    target = tmp_path / "out.csv"
    target.write_bytes(OLD)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "foiclock",
            "batch",
            "-",
            "-o",
            str(target),
            "--today",
            "2029-01-01",
        ],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stderr is not None
    process.stdin.write(b"received\n" + b"2025-08-19\n" * 1_000)
    process.stdin.flush()
    deadline = time.monotonic() + 30
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):  # writing has begun
        assert time.monotonic() < deadline, "the batch never started writing"
        time.sleep(0.02)
    time.sleep(0.2)
    process.send_signal(signal_number)
    code = process.wait(timeout=30)
    stderr = process.stderr.read().decode()
    process.stdin.close()
    assert code == exit_code, stderr
    assert stderr.endswith(f"foiclock: interrupted; {target} left as it was\n")
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_progress_is_reported_with_the_fraction_read(tmp_path: Path) -> None:
    source = many_rows(tmp_path / "in.csv", 2 * PROGRESS_EVERY + 10)
    reports: list[tuple[int, float | None]] = []
    summary = run_batch(
        str(source),
        str(tmp_path / "out.csv"),
        BatchOptions(today=date(2029, 1, 1)),
        progress=lambda rows, fraction: reports.append((rows, fraction)),
    )
    assert summary.rows == 2 * PROGRESS_EVERY + 10
    assert [rows for rows, _ in reports] == [PROGRESS_EVERY, 2 * PROGRESS_EVERY]
    fractions = [fraction for _, fraction in reports]
    assert all(fraction is not None and 0 < fraction <= 1 for fraction in fractions)


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    """Piped or redirected, stderr gets the summary alone, and rich is never imported."""
    source = many_rows(tmp_path / "in.csv", PROGRESS_EVERY + 1)
    probe = (
        "import sys\n"
        "from foiclock.cli import main\n"
        "sys.argv = ['foiclock', 'batch', sys.argv[1], '-o', sys.argv[2], '--today', '1/1/2029']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "import json\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'numpy', 'icalendar'})\n"
        "print(json.dumps(heavy))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe, str(source), str(tmp_path / "out.csv")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(completed.stdout) == []
    assert completed.stderr.splitlines()[0] == f"foiclock: {PROGRESS_EVERY + 1:,} rows: " + (
        f"{PROGRESS_EVERY + 1:,} overdue"
    )
