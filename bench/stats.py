"""`foiclock stats` and `foiclock worklist` on a million-row case log, and an .xlsx workbook of
100,000 rows written (`batch -o out.xlsx`) and read (`batch in.xlsx`, `stats in.xlsx`): wall time,
rows per second and peak memory, each command in its own process (issue 19).

Run: python bench/stats.py [--rows N] [--xlsx-rows M] [--runs K]   (from the project's virtual
environment with the excel extra: pip install -e '.[test]')

The log is generated here, seeded: receipt dates over 2025 (as a team's year of requests), a
mix of regimes, responses (70%), extensions, clarifications and fees, internal reviews (3%),
outcomes, a team column, and about 0.2% bad rows.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import best  # bench/batch.py: one process a run, best of K

TODAY = "2026-01-15"
FIRST = date(2025, 1, 1).toordinal()
LAST = date(2025, 12, 31).toordinal()
TEAMS = ("North", "South", "Corporate", "Schools")
OUTCOMES = ("", "", "granted", "part", "withheld", "not_held", "withdrawn")
HEADER = (
    "case_id,received,regime,responded,extended,clarification_requested,clarification_received,"
    "fees_notice,fee_paid,review_requested,review_responded,outcome,team,subject\n"
)


def write_log(path: Path, rows: int, generator: random.Random) -> None:
    regimes = ("foia", "foia", "foia", "foia", "eir", "foisa", "eisr", "sar")
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(HEADER)
        for number in range(rows):
            day = date.fromordinal(generator.randint(FIRST, LAST))
            regime = generator.choice(regimes)
            cells = [""] * 10

            def later(start: date, most: int) -> str:
                return (start + timedelta(days=generator.randrange(most))).isoformat()

            if generator.random() < 0.7:
                cells[0] = later(day, 60)
            if regime in ("foia", "eir", "eisr", "sar") and generator.random() < 0.08:
                cells[1] = "yes"
            if generator.random() < 0.03:
                cells[2] = later(day, 10)
                cells[3] = later(date.fromisoformat(cells[2]), 20)
            elif regime != "sar" and generator.random() < 0.02:
                cells[4] = later(day, 10)
                cells[5] = later(date.fromisoformat(cells[4]), 30)
            if cells[0] and regime != "sar" and generator.random() < 0.03:
                cells[6] = later(date.fromisoformat(cells[0]), 30)
                if generator.random() < 0.8:
                    cells[7] = later(date.fromisoformat(cells[6]), 45)
            cells[8] = generator.choice(OUTCOMES) if cells[0] else ""
            cells[9] = generator.choice(TEAMS)
            received = day.isoformat()
            if generator.random() < 0.002:
                received = generator.choice(("2025-02-30", "", "soon"))
            stream.write(
                ",".join([f"C-{number:07d}", received, regime, *cells])
                + f',"Request {number}: roads, bins"\n'
            )


def report(label: str, rows: int, seconds: float, rss: float, _all: float = 0.0) -> None:
    """One command's line; `_all`, the memory of every process `best` adds up, is the peak
    here (stats and worklist run in one process)."""
    print(f"  {label:<44} {seconds:6.2f} s  {rss:5.0f} MB peak  {rows / seconds:>9,.0f} rows/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    rows, xlsx_rows, runs = arguments.rows, arguments.xlsx_rows, arguments.runs
    foiclock = str(Path(sys.executable).with_name("foiclock"))
    with tempfile.TemporaryDirectory(prefix="foiclock-bench-") as directory:
        folder = Path(directory)
        generator = random.Random(20251201)
        log, small = folder / "log.csv", folder / "small.csv"
        write_log(log, rows, generator)
        write_log(small, xlsx_rows, generator)
        subprocess.run([foiclock, "due", "2025-08-19"], check=True, capture_output=True)  # cache
        size = log.stat().st_size / 1e6
        print(f"{rows:,} rows, {size:.0f} MB; best of {runs} runs, each in its own process")
        common = ["--today", TODAY, "--period", "2025-Q3", "--json", "-o", str(folder / "s.json")]
        for template in ("cabinet-office", "ico", "sic", "s45"):
            command = [foiclock, "stats", str(log), "--template", template, *common]
            report(f"stats --template {template}", rows, *best(command, runs))
        command = [foiclock, "stats", str(log), "--by", "month", *common]
        report("stats --by month (cabinet-office)", rows, *best(command, runs))
        command = [foiclock, "worklist", str(log), "--today", "2025-10-01", "--json"]
        command += ["-o", str(folder / "w.json")]
        report("worklist --within 5", rows, *best(command, runs))
        book = folder / "cases.xlsx"
        print(f"{xlsx_rows:,}-row workbook")
        command = [foiclock, "batch", str(small), "--today", TODAY, "-o", str(book)]
        report("batch cases.csv -o cases.xlsx (write)", xlsx_rows, *best(command, runs))
        command = _plain_book(folder, small, foiclock)
        report("batch plain.xlsx (read; CSV out)", xlsx_rows, *best(command, runs))
        command = [foiclock, "stats", str(folder / "plain.xlsx"), *common]
        report("stats cases.xlsx", xlsx_rows, *best(command, runs))


def _plain_book(folder: Path, small: Path, foiclock: str) -> list[str]:
    """A workbook of the log's own columns (no answer columns), to read back."""
    import csv

    from foiclock.batch.excel import write_workbook

    with (
        small.open(encoding="utf-8", newline="") as source,
        (folder / "plain.xlsx").open("wb") as sink,
    ):
        reader = csv.reader(source)
        header = next(reader)
        write_workbook(sink, header, ([_typed(cell) for cell in row] for row in reader))
    # to standard output, which best() sends to /dev/null
    return [foiclock, "batch", str(folder / "plain.xlsx"), "--today", TODAY]


def _typed(cell: str) -> object:
    """A log cell as a workbook holds it: ISO dates as Excel dates."""
    if len(cell) == 10 and cell[4] == "-" and cell[7] == "-":
        try:
            return date.fromisoformat(cell)
        except ValueError:
            return cell
    return cell


if __name__ == "__main__":
    main()
