"""Faults a hostile tester found: library arguments of the wrong type, CSV formula cells outside
the batch, writes to a full disk, control characters in --case-id, foiclock's own files that are
FIFOs, devices, huge or nested a thousand deep, and Ctrl-C while the command is still importing.
Known answers are rules.md section 8's worked examples (numbered in each test)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import numpy
import pytest
from typer.testing import CliRunner

from foiclock import (
    Case,
    DayRange,
    InvalidInput,
    add_working_days,
    answer_row,
    bank_holidays,
    case_deadline,
    case_timeline,
    make_case,
    response_deadline,
    response_deadlines,
    timeline_from_events,
    working_days_between,
)
from foiclock.base.files import STORED_UPDATE_NAME
from foiclock.cli import app
from tests.isolation import own_dirs

__all__ = ["own_dirs"]

runner = CliRunner()
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and signals")
SEED = date(2025, 8, 19)  # rules.md example 1: received Tue 19 Aug 2025, due Wed 17 Sep 2025
SEED_DUE = date(2025, 9, 17)


class Timestamp(datetime):
    """What pandas gives for a date column: a datetime subclass at midnight."""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def foiclock_process(*args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "foiclock", *args], text=True, timeout=60, check=False, **options
    )


def one_error_line(err: str, start: str) -> None:
    assert err.startswith(start), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err


# 1. Library input -------------------------------------------------------------------------------

NOT_DATES = [
    None,
    "2025-08-19",
    20250819,
    numpy.datetime64("2025-08-19"),
    datetime(2025, 8, 19, 10, 30),
    time(0, 0),
]


@pytest.mark.parametrize("value", NOT_DATES, ids=repr)
def test_response_deadline_refuses_what_is_not_a_date(value: object) -> None:
    """None used to give an awaiting_clarification deadline; text, numbers and numpy values an
    AttributeError; a datetime at 10:30 was counted as if it were a date."""
    with pytest.raises(InvalidInput) as caught:
        response_deadline(value)  # type: ignore[arg-type]
    assert caught.value.field == "received"
    assert "a date, or a datetime at midnight" in str(caught.value)


@pytest.mark.parametrize("event", ["clarification_requested", "fees_notice", "responded"])
def test_event_dates_are_checked_by_name(event: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        make_case(SEED, **{event: "2025-08-20"})  # type: ignore[arg-type]
    assert caught.value.field == event


@pytest.mark.parametrize("midnight", [datetime(2025, 8, 19), Timestamp(2025, 8, 19)], ids=repr)
def test_a_midnight_datetime_is_its_date(midnight: datetime) -> None:
    """Example 1 from a pandas-like midnight datetime: the received date is a plain date."""
    deadline = response_deadline(midnight)
    assert deadline.due == SEED_DUE
    assert type(deadline.received) is date and deadline.received == SEED


@pytest.mark.parametrize("value", ["no", "yes", 1, 0, "false"], ids=repr)
def test_extended_takes_a_bool_only(value: object) -> None:
    """`extended="no"` used to extend the deadline (a non-empty string is true)."""
    with pytest.raises(InvalidInput) as caught:
        response_deadline(SEED, extended=value)  # type: ignore[arg-type]
    assert caught.value.field == "extended"


def test_extended_true_false_and_none() -> None:
    """Example 13: extended, 20 working days after 17 Sep 2025 is Wed 15 Oct 2025."""
    assert response_deadline(SEED, extended=True).extended_due == date(2025, 10, 15)
    assert response_deadline(SEED, extended=False).extension is None
    assert response_deadline(SEED, extended=None).extension is None  # type: ignore[arg-type]


def test_school_closed_takes_day_ranges_only() -> None:
    """`school_closed=["..."]` used to raise AttributeError."""
    with pytest.raises(InvalidInput) as caught:
        response_deadline(
            date(2025, 7, 14),
            body="school",
            school_closed=["2025-07-23:2025-09-02"],  # type: ignore[arg-type]
        )
    assert caught.value.field == "school_closed"
    with pytest.raises(InvalidInput) as caught:
        response_deadline(date(2025, 7, 14), body="school", school_closed="2025-07-23")  # type: ignore[arg-type]
    assert caught.value.field == "school_closed"


def test_school_closed_as_a_list_of_midnight_ranges() -> None:
    """Example 21: received Mon 14 Jul 2025, closed 23 Jul to 2 Sep 2025: Mon 22 Sep 2025."""
    closures = [DayRange(Timestamp(2025, 7, 23), Timestamp(2025, 9, 2))]
    deadline = response_deadline(date(2025, 7, 14), body="school", school_closed=closures)  # type: ignore[arg-type]
    assert deadline.due == date(2025, 9, 22)


def test_case_deadline_checks_a_case_built_by_hand() -> None:
    with pytest.raises(InvalidInput) as caught:
        case_deadline(Case("2025-08-19"))  # type: ignore[arg-type]
    assert caught.value.field == "received"
    assert case_deadline(Case(datetime(2025, 8, 19))).due == SEED_DUE


@pytest.mark.parametrize("value", ["2025-09-17", None, numpy.datetime64("2025-09-17")], ids=repr)
def test_add_working_days_refuses_what_is_not_a_date(value: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        add_working_days(value, 20)  # type: ignore[arg-type]
    assert caught.value.field == "start"


def test_add_working_days_dates_and_datetimes() -> None:
    """Example 13: the 20th working day after Wed 17 Sep 2025 is Wed 15 Oct 2025."""
    assert add_working_days(Timestamp(2025, 9, 17), 20) == date(2025, 10, 15)
    with pytest.raises(InvalidInput) as caught:
        add_working_days(datetime(2025, 9, 17, 9, 0), 20)
    assert caught.value.field == "start"


def test_add_working_days_refuses_a_bool_count() -> None:
    """True is an int to Python, not a count of working days."""
    with pytest.raises(InvalidInput) as caught:
        add_working_days(SEED, True)
    assert caught.value.field == "n"


def test_working_days_between_refuses_what_is_not_a_date() -> None:
    with pytest.raises(InvalidInput) as caught:
        working_days_between("2025-08-19", SEED_DUE)  # type: ignore[arg-type]
    assert caught.value.field == "start"
    with pytest.raises(InvalidInput) as caught:
        working_days_between(SEED, datetime(2025, 9, 17, 12))
    assert caught.value.field == "end"
    # Example 1: 17 Sep 2025 is the 20th working day after 19 Aug 2025.
    assert working_days_between(Timestamp(2025, 8, 19), Timestamp(2025, 9, 17)) == 20


def test_timelines_check_their_dates() -> None:
    with pytest.raises(InvalidInput) as caught:
        case_timeline(make_case(SEED), "2025-09-01")  # type: ignore[arg-type]
    assert caught.value.field == "today"
    with pytest.raises(InvalidInput) as caught:
        case_timeline(Case("2025-08-19"), SEED)  # type: ignore[arg-type]
    assert caught.value.field == "received"
    with pytest.raises(InvalidInput) as caught:
        timeline_from_events(None, responded="2025-09-16")  # type: ignore[arg-type]
    assert caught.value.field == "responded"
    with pytest.raises(InvalidInput) as caught:
        timeline_from_events(None, responded=SEED, today="2025-09-16")  # type: ignore[arg-type]
    assert caught.value.field == "today"
    # Example 15: a response issued Tue 16 Sep 2025: ask for a review by Tue 11 Nov 2025.
    found = timeline_from_events(
        None, responded=Timestamp(2025, 9, 16), today=Timestamp(2025, 9, 16)
    )
    review = found.get("review_request_by")
    assert review is not None and review.date == date(2025, 11, 11)
    assert case_timeline(make_case(SEED), Timestamp(2025, 9, 1)).today == date(2025, 9, 1)


def test_bank_holidays_years_are_whole_numbers() -> None:
    for years in (["2026"], [2026.0], [True]):
        with pytest.raises(InvalidInput) as caught:
            bank_holidays(years)  # type: ignore[arg-type]
        assert caught.value.field == "year"
    for not_a_list in (2026, "2026"):
        with pytest.raises(InvalidInput) as caught:
            bank_holidays(not_a_list)  # type: ignore[arg-type]
        assert caught.value.field == "years"


def test_answer_row_takes_midnight_datetimes_and_a_datetime_today() -> None:
    """A pandas row: example 1's request, judged on Wed 1 Oct 2025 without a response."""
    for received in (datetime(2025, 8, 19), Timestamp(2025, 8, 19)):
        answer = answer_row({"received": received}, Timestamp(2025, 10, 1))
        assert (answer.due, answer.status, answer.error) == (SEED_DUE, "overdue", None)
    answer = answer_row({"received": datetime(2025, 8, 19, 10, 0)}, date(2025, 10, 1))
    assert answer.status == "error"
    assert answer.error is not None and answer.error.startswith("received: '2025-08-19 10:00:00'")
    with pytest.raises(InvalidInput) as caught:
        answer_row({"received": SEED}, "2025-10-01")  # type: ignore[arg-type]
    assert caught.value.field == "today"


def test_parse_date_load_case_and_format_long_check_their_arguments(tmp_path: Path) -> None:
    from foiclock import format_long, load_case, parse_date

    with pytest.raises(InvalidInput) as caught:
        parse_date(None)  # type: ignore[arg-type]
    assert caught.value.field == "date"
    with pytest.raises(InvalidInput) as caught:
        parse_date("today", "received", today="2025-08-19")  # type: ignore[arg-type]
    assert caught.value.field == "today"
    assert parse_date("today", today=Timestamp(2025, 8, 19)) == SEED
    case = tmp_path / "case.toml"
    case.write_text('received = "today"\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_case(case, today="2025-08-19")  # type: ignore[arg-type]
    assert caught.value.field == "today"
    assert load_case(case, today=Timestamp(2025, 8, 19)).received == SEED
    with pytest.raises(InvalidInput) as caught:
        format_long("2025-09-17")  # type: ignore[arg-type]
    assert caught.value.field == "day"
    assert format_long(Timestamp(2025, 9, 17)) == "Wednesday 17 September 2025"


def test_response_deadlines_takes_midnight_datetimes() -> None:
    assert response_deadlines([Timestamp(2025, 8, 19)]) == [SEED_DUE]
    with pytest.raises(InvalidInput, match=r"received\[0\]"):
        response_deadlines([datetime(2025, 8, 19, 10, 0)])


# 2. CSV injection -------------------------------------------------------------------------------


def test_timeline_csv_neutralises_formula_cells() -> None:
    """The batch's OWASP rule (a leading ') applies to every CSV foiclock writes."""
    code, out, err = run(
        "timeline", "2025-08-19", "--format", "csv", "--today", "2025-09-01",
        "--case-id", '=HYPERLINK("x")',
    )  # fmt: skip
    assert code == 0, err
    rows = out.splitlines()
    assert rows[1].startswith('"\'=HYPERLINK(""x"")",foia,received,')
    for start in ("+", "-", "@"):
        _, out, _ = run("timeline", "2025-08-19", "-f", "csv", "--case-id", f"{start}1")
        assert out.splitlines()[1].startswith(f"'{start}1,foia,")


def test_one_neutralising_function() -> None:
    from foiclock.base import output
    from foiclock.batch import csv_rows as batch_files  # the batch's CSV rows are written there
    from foiclock.present import timeline as timeline_render

    assert vars(batch_files)["FORMULA_STARTS"] is output.FORMULA_STARTS
    assert output.neutralised(["=1", "a", "-2", "@x", "\tx", "\rx", "+1"]) == [
        "'=1", "a", "'-2", "'@x", "'\tx", "'\rx", "'+1",
    ]  # fmt: skip
    assert "neutralised" in vars(timeline_render) and "neutralised" in vars(batch_files)


# 3. A full disk ---------------------------------------------------------------------------------

FULL = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


@FULL
@pytest.mark.parametrize(
    "args",
    [
        ["due", "2025-08-19"],
        ["due", "2025-08-19", "--json"],  # written with sys.stdout.write: fails at the exit flush
        ["timeline", "2025-08-19", "--today", "2025-09-01"],
        ["holidays", "2026"],
    ],
)
def test_standard_output_on_a_full_disk_is_one_line(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        completed = foiclock_process(*args, stdout=full, stderr=subprocess.PIPE)
    assert completed.returncode == 1
    assert completed.stderr == (
        "foiclock: cannot write to standard output (No space left on device)\n"
    )


@FULL
def test_an_output_file_on_a_full_disk_is_one_line() -> None:
    code, _, err = run("timeline", "2025-08-19", "--today", "2025-09-01", "-o", "/dev/full")
    assert code == 2
    assert err == (
        "foiclock: error: output: '/dev/full' cannot be written (No space left on device); "
        "accepted: a writable path\n"
    )


@POSIX
def test_a_closed_pipe_is_quiet() -> None:
    """`foiclock holidays 2026 | head -0`: the reader has gone; nothing to say, exit 1."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        completed = foiclock_process("holidays", "2026", stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    assert (completed.returncode, completed.stderr) == (1, "")


# 4. Control characters in --case-id -------------------------------------------------------------


@pytest.mark.parametrize("case_id", ["FOI\n1", "FOI\r1", "FOI\t1", "FOI\x001", "FOI\u20281"])
def test_case_id_with_a_control_character_is_refused(case_id: str) -> None:
    """A newline with --format ics used to end in icalendar's traceback."""
    code, _, err = run("timeline", "2025-08-19", "--format", "ics", "--case-id", case_id)
    assert code == 2
    one_error_line(
        err,
        f"foiclock: error: case_id: {case_id!r} holds a character that cannot be shown or written",
    )
    with pytest.raises(InvalidInput) as caught:
        make_case(SEED, case_id=case_id)
    assert caught.value.field == "case_id"


def test_case_file_case_id_with_a_newline_is_refused(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"received": "2025-08-19", "case_id": "a\nb"}), encoding="utf-8")
    code, _, err = run("timeline", "--case", str(case), "-f", "ics")
    assert code == 2
    one_error_line(
        err, "foiclock: error: case_id: 'a\\nb' holds a character that cannot be shown or written"
    )


def test_an_ordinary_case_id_still_works() -> None:
    code, out, _ = run("timeline", "2025-08-19", "-f", "ics", "--case-id", "FOI-2025/001 (Ysgol)")
    assert code == 0
    assert "FOI-2025/001 (Ysgol)" in out


# 5. foiclock's own files: FIFOs, devices, huge files --------------------------------------------


def isolated_env(tmp_path: Path, **more: str) -> dict[str, str]:
    env = {
        **os.environ,
        "FOICLOCK_CACHE_DIR": str(tmp_path / "cache"),
        "FOICLOCK_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        **more,
    }
    env.pop("FOICLOCK_CONFIG", None)
    for directory in ("cache", "data", "xdg"):
        (tmp_path / directory).mkdir(exist_ok=True)
    return env


def limit_memory() -> None:  # a runaway read of /dev/zero stops at 1 GB, not the machine's RAM
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def due_in(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return foiclock_process(
        "due", "2025-08-19", *args, env=env, capture_output=True, preexec_fn=limit_memory
    )


@POSIX
@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_an_irregular_cache_file_is_rebuilt(tmp_path: Path, kind: str) -> None:
    """A FIFO hung every command; a link to /dev/zero ended in MemoryError."""
    env = isolated_env(tmp_path)
    first = due_in(env)  # builds the cache: find its name
    assert first.returncode == 0, first.stderr
    (cache_file,) = (tmp_path / "cache").iterdir()
    cache_file.unlink()
    if kind == "fifo":
        os.mkfifo(cache_file)
    else:
        cache_file.symlink_to("/dev/zero")
    completed = due_in(env)
    assert (completed.returncode, completed.stderr) == (0, ""), completed.stderr
    assert "Wednesday 17 September 2025" in completed.stdout
    assert cache_file.is_file() and not cache_file.is_symlink()  # rebuilt in its place


def irregular(path: Path, kind: str) -> Path:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    elif kind == "directory":
        path.mkdir()
    else:  # a sparse regular file past the bound: 16 MiB and 1 byte, or 1 MiB and 1 byte
        with path.open("wb") as stream:
            stream.truncate(int(kind) + 1)
    return path


@POSIX
@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("fifo", "not a regular file"),
        ("zero", "not a regular file"),
        ("directory", "Is a directory"),
        (str(16 << 20), "larger than 16 MiB"),
    ],
)
def test_an_irregular_stored_update_or_config_is_one_line(
    tmp_path: Path, kind: str, reason: str
) -> None:
    env = isolated_env(tmp_path)
    update = irregular(tmp_path / "data" / STORED_UPDATE_NAME, kind)
    completed = due_in(env)
    assert completed.returncode == 2
    assert completed.stderr.startswith(
        f"foiclock: error: stored update: '{update}' is damaged: {reason}"
    ), completed.stderr
    assert completed.stderr.count("\n") == 1
    os.rename(update, tmp_path / "aside")
    config = irregular(tmp_path / "config.toml", kind)
    completed = foiclock_process(
        "--config", str(config), "due", "2025-08-19",
        env=env, capture_output=True, preexec_fn=limit_memory,
    )  # fmt: skip
    assert completed.returncode == 2
    assert completed.stderr == (
        f"foiclock: error: --config: '{config}' cannot be read ({reason}); "
        "accepted: a readable file\n"
    ), completed.stderr


@POSIX
@pytest.mark.parametrize(
    ("kind", "reason"),
    [("fifo", "not a regular file"), ("zero", "not a regular file"), (str(1 << 20), "larger")],
)
def test_an_irregular_case_file_is_one_line(tmp_path: Path, kind: str, reason: str) -> None:
    case = irregular(tmp_path / "case.toml", kind)
    completed = foiclock_process(
        "due", "--case", str(case), env=isolated_env(tmp_path), capture_output=True,
        preexec_fn=limit_memory,
    )  # fmt: skip
    assert completed.returncode == 2
    assert completed.stderr.startswith(
        f"foiclock: error: case: '{case}' cannot be read ({reason}"
    ), completed.stderr
    assert completed.stderr.count("\n") == 1


def test_a_case_file_well_within_the_bound_is_read(tmp_path: Path) -> None:
    """Example 1 from a case file padded with a long comment (half a megabyte)."""
    case = tmp_path / "case.toml"
    case.write_text("# " + "x" * 500_000 + "\nreceived = 2025-08-19\n", encoding="utf-8")
    code, out, err = run("due", "--case", str(case))
    assert code == 0, err
    assert out.startswith("Response due: Wednesday 17 September 2025")


# 6. Nesting a thousand deep ---------------------------------------------------------------------

DEEP = 5_000


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("case.toml", "received = " + "[" * DEEP + "]" * DEEP + "\n"),
        ("case.toml", "received = " + "{a = " * DEEP + "1" + "}" * DEEP + "\n"),
        ("case.json", '{"received": ' + "[" * DEEP + "]" * DEEP + "}"),
    ],
)
def test_a_deeply_nested_case_file_is_one_line(tmp_path: Path, name: str, text: str) -> None:
    case = tmp_path / name
    case.write_text(text, encoding="utf-8")
    code, _, err = run("due", "--case", str(case))
    assert code == 2
    kind = name.split(".")[1].upper()
    one_error_line(err, f"foiclock: error: case: '{case}' is not valid {kind}: nested too deeply")


def test_a_deeply_nested_config_is_one_line(own_dirs: Path) -> None:
    config = own_dirs / "config.toml"
    config.write_text("regime = " + "[" * DEEP + "]" * DEEP + "\n", encoding="utf-8")
    code, _, err = run("--config", str(config), "due", "2025-08-19")
    assert code == 2
    one_error_line(
        err, f"foiclock: error: config file: '{config}' is not valid TOML (nested too deeply)"
    )


def test_a_deeply_nested_stored_update_is_one_line(own_dirs: Path) -> None:
    update = own_dirs / "data" / STORED_UPDATE_NAME
    update.parent.mkdir(parents=True, exist_ok=True)
    update.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = run("due", "2025-08-19")
    assert code == 2
    one_error_line(err, f"foiclock: error: stored update: '{update}' is damaged: nested too deeply")


# 7. Ctrl-C while the command is importing ---------------------------------------------------------

#: A real SIGINT sent by the process to itself the moment `typer` starts importing: the window
#: a Ctrl-C in the first ~80 ms hits, made deterministic.
INTERRUPT_DURING_IMPORT = textwrap.dedent(
    """
    import os, signal, sys

    class Interrupt:
        def find_spec(self, name, path=None, target=None):
            if name == "typer":
                sys.meta_path.remove(self)
                os.kill(os.getpid(), signal.SIGINT)
            return None

    sys.meta_path.insert(0, Interrupt())
    sys.argv = ["foiclock", "due", "2025-08-19"]
    """
)


@POSIX
@pytest.mark.parametrize(
    "start",
    [
        "import runpy; runpy.run_module('foiclock', run_name='__main__')",  # python -m foiclock
        "from {module} import {function}; {function}()",  # the console script
    ],
)
def test_ctrl_c_during_the_imports_exits_130_quietly(start: str) -> None:
    with open(Path(__file__).parents[1] / "pyproject.toml", "rb") as stream:
        target = tomllib.load(stream)["project"]["scripts"]["foiclock"]
    module, function = target.split(":")
    code = INTERRUPT_DURING_IMPORT + start.format(module=module, function=function)
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (completed.returncode, completed.stderr, completed.stdout) == (130, "", "")


#: The same SIGINT landing in a descriptor's `__set_name__` while a class is made during the
#: imports (as ipaddress's are, under typer's import of pathlib): Python 3.11 raises it as a
#: RuntimeError caused by the KeyboardInterrupt (seen on CI at 30 ms from the start).
INTERRUPT_IN_SET_NAME = textwrap.dedent(
    """
    import os, signal, sys

    class Interrupting:
        def __set_name__(self, owner, name):
            os.kill(os.getpid(), signal.SIGINT)

    class Interrupt:
        def find_spec(self, name, path=None, target=None):
            if name == "typer":
                sys.meta_path.remove(self)
                type("Made", (), {"field": Interrupting()})
            return None

    sys.meta_path.insert(0, Interrupt())
    sys.argv = ["foiclock", "due", "2025-08-19"]
    """
)


@POSIX
def test_ctrl_c_in_a_set_name_during_the_imports_exits_130_quietly() -> None:
    with open(Path(__file__).parents[1] / "pyproject.toml", "rb") as stream:
        target = tomllib.load(stream)["project"]["scripts"]["foiclock"]
    module, function = target.split(":")
    code = INTERRUPT_IN_SET_NAME + f"from {module} import {function}; {function}()"
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (completed.returncode, completed.stderr, completed.stdout) == (130, "", "")


@POSIX
def test_ctrl_c_at_any_moment_never_prints_a_traceback() -> None:
    """Real SIGINTs at a spread of moments after the start: quiet, 130 (or done, 0)."""
    import time as clock

    for delay in (0.03, 0.05, 0.08, 0.12):
        process = subprocess.Popen(
            [sys.executable, "-m", "foiclock", "due", "2025-08-19"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        clock.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert "Traceback" not in err, (delay, err)
        assert process.returncode in (0, 130, -signal.SIGINT), (delay, err)


def test_ctrl_c_during_a_command_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    import foiclock.clock.deadline

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(foiclock.clock.deadline, "case_deadline", interrupted)
    code, _, err = run("due", "2025-08-19")
    assert code == 130
    assert "Traceback" not in err and "aborted" not in err
