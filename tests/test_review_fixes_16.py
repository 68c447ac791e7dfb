"""What the independent review of the issue "Green and robust" found still broke the rule
"one line on stderr and exit 2, never a traceback", each failing before its fix."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock import (
    InvalidInput,
    answer_row,
    case_deadline,
    case_timeline,
    load_case,
    requester_windows,
    response_deadline,
    response_deadlines,
)
from foiclock.cli import app
from tests.isolation import own_dirs  # noqa: F401 - a fixture
from tests.test_holiday_update import govuk_document, update

runner = CliRunner()


@pytest.mark.parametrize("case_id", ["ab\udcff", "\ud800", "x\u202ey", "a\x1bb"])
def test_a_case_id_that_cannot_be_written_is_refused(case_id: str, tmp_path: Path) -> None:
    """A lone surrogate (an undecodable byte in an argument) crashed every format with a
    UnicodeEncodeError, or wrote JSON that is not UTF-8; a bidi override changes what a
    terminal shows."""
    for words in (
        ["timeline", "2025-08-19", "--today", "2025-09-01", "--case-id", case_id],
        ["timeline", "2025-08-19", "--today", "2025-09-01", "--json", "--case-id", case_id],
    ):
        result = runner.invoke(app, words)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("foiclock: error: case_id: ")
        assert result.stderr.count("\n") == 1
    case_file = tmp_path / "c.json"
    case_file.write_text(json.dumps({"received": "2025-08-19", "case_id": case_id}), "utf-8")
    result = runner.invoke(app, ["status", "--case", str(case_file), "--json"])
    assert result.exit_code == 2 and "case_id" in result.stderr


@pytest.mark.parametrize("title", ["Bad \ud800 day", "Two\nlines", "Spoof \u202e day"])
def test_a_downloaded_title_that_cannot_be_shown_is_refused(
    title: str,
    own_dirs: Path,  # noqa: F811
) -> None:
    local = own_dirs / "bad-title.json"
    events = [(d, "2025-09-01", title) for d in ("england-and-wales", "scotland")]
    local.write_text(json.dumps(govuk_document(events)), encoding="utf-8")
    code, _, err = update("--from", str(local))
    assert code == 2
    assert "cannot be shown or written" in err and err.count("\n") == 1


def test_deep_dotted_toml_keys_are_refused_at_once(tmp_path: Path) -> None:
    """200 kB of `a.a.a...=1` used 24 GB in tomllib before it was killed."""
    deep = tmp_path / "deep.toml"
    deep.write_text('received = "2025-08-19"\n' + "a." * 100_000 + "a = 1\n", encoding="utf-8")
    result = runner.invoke(app, ["due", "--case", str(deep)])
    assert result.exit_code == 2 and "nested too deeply" in result.stderr
    result = runner.invoke(app, ["--config", str(deep), "due", "2025-08-19"])
    assert result.exit_code == 2 and "nested too deeply" in result.stderr


def test_bad_input_with_standard_output_closed_is_exit_2() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "foiclock", "due", "bad"],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        close_fds=True,
        preexec_fn=lambda: __import__("os").close(1),
    )
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    assert completed.stderr.startswith("foiclock: error: received: 'bad'")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: response_deadlines(None), "received"),  # type: ignore[arg-type]
        (lambda: response_deadlines(20250917), "received"),  # type: ignore[arg-type]
        (lambda: response_deadlines(b"2025-08-19"), "received"),  # type: ignore[arg-type]
        (lambda: case_deadline(None), "case"),  # type: ignore[arg-type]
        (lambda: case_timeline(None), "case"),  # type: ignore[arg-type]
        (lambda: requester_windows(None), "timeline"),  # type: ignore[arg-type]
        (lambda: load_case(None), "case"),  # type: ignore[arg-type]
        (lambda: load_case(5), "case"),  # type: ignore[arg-type]
        (lambda: answer_row(None, date(2025, 9, 1)), "cells"),  # type: ignore[arg-type]
    ],
)
def test_library_entry_points_refuse_what_they_cannot_use(call: object, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        call()  # type: ignore[operator]
    assert caught.value.field == field


def test_an_aware_datetime_is_read_in_uk_time() -> None:
    """Midnight in Sydney (UTC+10) is 15:00 the day before in London: not a calendar day there;
    midnight in London, or 23:00 UTC in summer (midnight BST), is that day."""
    with pytest.raises(InvalidInput, match="a date and time"):
        response_deadline(datetime(2025, 9, 17, tzinfo=timezone(timedelta(hours=10))))
    # rules.md example 13: 20 working days after Wed 17 Sep 2025 is Wed 15 Oct 2025 (FOIA-RESP
    # counted from a receipt on 17 Sep: 18 Sep is day 1).
    assert response_deadline(datetime(2025, 9, 16, 23, tzinfo=UTC)).due == date(2025, 10, 15)


def test_a_numpy_time_of_day_is_refused_not_truncated() -> None:
    numpy = pytest.importorskip("numpy")
    with pytest.raises(InvalidInput, match="a date and time"):
        response_deadlines(numpy.array(["2025-08-19T12:00"], dtype="datetime64[m]"))
    midnight = numpy.array(["2025-08-19T00:00"], dtype="datetime64[m]")
    # rules.md example 1: received Tue 19 Aug 2025 -> Wed 17 Sep 2025.
    assert str(response_deadlines(midnight)[0]) == "2025-09-17"
