"""The statistics and the worklist read a case log's rows by the batch's fast path
(`foiclock.batch.text_rows`) where it counts them: the figures and the worklist are the same,
to the last case listed, with and without it, for a CSV log (whose rows take the fast path as
`foiclock.batch.tables.CaseCells`' cells) and a JSON Lines log (as objects), outcomes included
(applied on top of the other cells' answer, as the case clock applies them)."""

from __future__ import annotations

import contextlib
import json
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foiclock.base.errors import InvalidInput
from foiclock.batch.text_rows import TextRowAnswers
from foiclock.reports.log import log_options
from foiclock.reports.periods import parse_period
from foiclock.reports.stats import StatsOptions, run_stats
from foiclock.reports.templates import TEMPLATES
from foiclock.reports.worklist import worklist
from tests.test_stats_properties import row, write_log

TODAY = date(2025, 12, 1)


@contextlib.contextmanager
def case_clock_only() -> Iterator[None]:
    """Every row answered by the case clock (`RowAnswers`), the fast path turned off."""
    with (
        patch.object(TextRowAnswers, "answer", lambda self, row: None),
        patch.object(TextRowAnswers, "answer_cells", lambda self, cells: None),
    ):
        yield


def outputs(path: Path) -> list[object]:
    """Every template's figures for three periods, and the worklist, of the log at `path`."""
    found: list[object] = []
    batch = log_options(today=TODAY, regime="foia")
    for template in TEMPLATES:
        for period in ("2025-Q2", "2025-Q3", "2025-08"):
            options = StatsOptions(template=template, period=parse_period(period), batch=batch)
            try:
                found.append(run_stats(str(path), options))
            except InvalidInput as error:  # a period with none of its regimes: the same
                found.append(repr(error))
    found.append(worklist(str(path), batch, 5).as_json())
    return found


def as_json_lines(csv_path: Path, json_path: Path) -> None:
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    with json_path.open("w", encoding="utf-8") as stream:
        for line in lines[1:]:
            cells = dict(zip(header, line.split(","), strict=True))
            stream.write(json.dumps({k: v for k, v in cells.items() if v}) + "\n")


def assert_same_with_and_without(path: Path) -> None:
    fast = outputs(path)
    with case_clock_only():
        slow = outputs(path)
    assert fast == slow


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=1, max_size=30))
def test_the_figures_are_the_case_clocks(rows: list) -> None:  # type: ignore[type-arg]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "log.csv"
        write_log(log, rows)
        assert_same_with_and_without(log)
        as_json_lines(log, Path(folder) / "log.jsonl")
        assert_same_with_and_without(Path(folder) / "log.jsonl")


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_most_rows_take_the_fast_path(tmp_path: Path, suffix: str) -> None:
    """Not vacuous: most rows of a seeded log (every regime, outcomes, reviews) are counted by
    the fast path, and the figures still agree."""
    generator = random.Random(20251201)
    rows = [
        (
            generator.randrange(200),
            generator.choice(["foia", "eir", "foisa", "eisr", "sar", ""]),
            generator.choice([None, generator.randrange(90)]),
            generator.random() < 0.2,
            generator.choice(["", "", "granted", "withdrawn", "on_hold"]),
            generator.choice([None, None, None, generator.randrange(60)]),
            generator.choice([None, generator.randrange(60)]),
        )
        for _ in range(400)
    ]
    log = tmp_path / "log.csv"
    write_log(log, rows)
    if suffix == "jsonl":
        as_json_lines(log, tmp_path / "log.jsonl")
        log = tmp_path / "log.jsonl"
    counted = {"fast": 0, "all": 0}
    answer, answer_cells = TextRowAnswers.answer, TextRowAnswers.answer_cells

    def counting(method):  # type: ignore[no-untyped-def]
        def wrapper(self, cells):  # type: ignore[no-untyped-def]
            found = method(self, cells)
            counted["all"] += 1
            counted["fast"] += found is not None
            return found

        return wrapper

    with (
        patch.object(TextRowAnswers, "answer", counting(answer)),
        patch.object(TextRowAnswers, "answer_cells", counting(answer_cells)),
    ):
        worklist(str(log), log_options(today=TODAY, regime="foia"), 5)
    assert counted["all"] >= 400
    # a quarter of the rows have a review request, which the case clock counts
    assert counted["fast"] > 0.65 * counted["all"], counted
    assert_same_with_and_without(log)


def test_equal_cells_of_other_json_types_are_not_one_row(tmp_path: Path) -> None:
    """In JSON, 0 and false (or 1.0 and true) are equal but not the same cell: each row keeps
    its own message, whether the fast path or the case clock (a review request) answers it
    (found by review: the case clock's rows shared a remembered answer)."""
    log = tmp_path / "log.jsonl"
    rows = [
        {"case_id": f"{prefix}{number}", "received": "2025-08-01", "outcome": outcome, **extra}
        for prefix, extra in (("F", {}), ("R", {"review_requested": "2025-09-20"}))
        for number, outcome in enumerate([0, False, 1.0, True])
    ]
    log.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    from foiclock.reports.log import CaseLog

    found = CaseLog(str(log), log_options(today=TODAY, regime="foia")).rows()
    errors = {row.case_id: row.answer.error for row in found}
    for prefix in ("F", "R"):
        assert "0 is not an outcome" in str(errors[f"{prefix}0"])
        assert "False is not an outcome" in str(errors[f"{prefix}1"])
        assert "1.0 is not an outcome" in str(errors[f"{prefix}2"])
        assert "True is not an outcome" in str(errors[f"{prefix}3"])
