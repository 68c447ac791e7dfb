"""Which newer day moved a date (`moved_by`), and runs in one process never seeing another run's
config file or stored update (found by an independent review of issue 7)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from foiclock import response_deadline
from foiclock.cli import app
from tests.isolation import own_dirs

__all__ = ["own_dirs"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_CONFIG = ROOT / "examples" / "config.toml"  # proclaims Mon 1 Sep 2025 for Scotland
SNAPSHOT = ROOT / "tests" / "data" / "bank-holidays.json"
runner = CliRunner()


def due_json(*args: str, env: dict[str, str] | None = None) -> dict[str, object]:
    result = runner.invoke(app, ["due", *args, "--json"], env=env)
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def default_config(own_dirs: Path, text: str) -> None:
    directory = own_dirs / "xdg" / "foiclock"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "config.toml").write_text(text, encoding="utf-8")


def proclaim(*days: str, division: str = "england-and-wales") -> str:
    return "".join(
        f'[[proclaimed]]\ndate = {day}\nname = "Day {day}"\ndivisions = ["{division}"]\n'
        for day in days
    )


def moved_days(data: dict[str, object]) -> list[str]:
    moved = data["moved_by"]
    assert isinstance(moved, dict)
    return [day["date"] for day in moved["days"]]


def test_the_receipt_day_never_moves_a_deadline(own_dirs: Path) -> None:
    """FOIA, received Wed 11 Feb 2026; 11 Feb, 12 Feb and 10 Mar proclaimed. By hand, shipped
    data: 12, 13 Feb (2); 16-20 (7); 23-27 (12); 2-6 Mar (17); 9, 10, 11 Mar (20): Wed 11 Mar.
    With them: 13 Feb (1); 16-20 (6); 23-27 (11); 2-6 Mar (16); 9 (17); 11, 12, 13 (20): Fri 13
    March. The receipt day is day 0 whatever it is (C-WD), so it did not move anything."""
    default_config(own_dirs, proclaim("2026-02-11", "2026-02-12", "2026-03-10"))
    data = due_json("2026-02-11")
    assert data["due"] == "2026-03-13"
    assert moved_days(data) == ["2026-02-12", "2026-03-10"]
    moved = data["moved_by"]
    assert isinstance(moved, dict)
    assert moved["dates"][0]["without_newer_data"] == "2026-03-11"


def test_days_before_a_clarification_restart_never_move_a_deadline(own_dirs: Path) -> None:
    """FOIA-CLAR: the count restarts from the clarification's arrival (Mon 2 Mar 2026). By hand
    with 10 Mar proclaimed: 3-6 Mar (4), 9 (5), 11-13 (8), 16 (9), Tue 17 Mar St Patrick's Day
    (Northern Ireland, WD-UK), 18-20 (12), 23-27 (17), 30, 31 Mar, 1 Apr (20): Wed 1 April;
    without it Tue 31 March. 11 and 12 Feb fall before the restart."""
    default_config(own_dirs, proclaim("2026-02-11", "2026-02-12", "2026-03-10"))
    data = due_json(
        "2026-02-02",
        "--clarification-requested",
        "2026-02-03",
        "--clarification-received",
        "2026-03-02",
    )
    assert data["due"] == "2026-04-01"
    assert moved_days(data) == ["2026-03-10"]
    moved = data["moved_by"]
    assert isinstance(moved, dict)
    assert moved["dates"][0]["without_newer_data"] == "2026-03-31"


def test_a_day_the_update_removes_and_the_config_restores_moved_nothing(own_dirs: Path) -> None:
    """FOISA, received Mon 25 May 2026. By hand on WD-SCOT: 26-29 May (4); 1-5 Jun (9); 8-12
    (14); Mon 15 Jun Scotland's World Cup holiday; 16-19 (18); 22, 23 (20): Tue 23 June 2026.
    An update dropping 15 June and a config proclaiming it again leave it a holiday."""
    document = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    events = document["scotland"]["events"]
    document["scotland"]["events"] = [e for e in events if e["date"] != "2026-06-15"]
    local = own_dirs / "without-world-cup.json"
    local.write_text(json.dumps(document), encoding="utf-8")
    assert runner.invoke(app, ["update-holidays", "--from", str(local)]).exit_code == 0
    default_config(own_dirs, proclaim("2026-06-15", division="scotland"))
    data = due_json("2026-05-25", "--regime", "foisa")
    assert (data["due"], data["moved_by"]) == ("2026-06-23", None)


def test_a_library_call_before_a_run_with_a_config_file(own_dirs: Path) -> None:
    """rules.md example 1: Wed 17 Sep 2025; with the example's proclaimed 1 Sep (Scotland) counted
    under WD-UK, Thu 18 Sep 2025 (README)."""
    assert response_deadline(date(2025, 8, 19)).due == date(2025, 9, 17)
    data = due_json_with_config()
    assert data["due"] == "2025-09-18"
    assert response_deadline(date(2025, 8, 19)).due == date(2025, 9, 17)  # and not after it


def due_json_with_config() -> dict[str, object]:
    result = runner.invoke(app, ["--config", str(EXAMPLE_CONFIG), "due", "2025-08-19", "--json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_a_run_with_a_config_in_the_environment_leaves_nothing_behind(own_dirs: Path) -> None:
    data = due_json("2025-08-19", env={"FOICLOCK_CONFIG": str(EXAMPLE_CONFIG)})
    assert data["due"] == "2025-09-18"
    assert response_deadline(date(2025, 8, 19)).due == date(2025, 9, 17)
    assert due_json("2025-08-19")["due"] == "2025-09-17"


def test_a_config_file_written_between_runs_is_read(own_dirs: Path) -> None:
    assert due_json("2025-08-19")["due"] == "2025-09-17"
    default_config(own_dirs, proclaim("2025-09-01", division="scotland"))
    assert due_json("2025-08-19")["due"] == "2025-09-18"


def test_the_numpy_path_sees_an_update(own_dirs: Path) -> None:
    import numpy

    from foiclock import response_deadlines

    received = numpy.array(["2025-08-19"], dtype="datetime64[D]")
    assert str(response_deadlines(received, "foia")[0]) == "2025-09-17"
    document = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    document["scotland"]["events"].append({"title": "Proclaimed", "date": "2025-09-01"})
    local = own_dirs / "proclaimed.json"
    local.write_text(json.dumps(document), encoding="utf-8")
    assert runner.invoke(app, ["update-holidays", "--from", str(local)]).exit_code == 0
    assert str(response_deadlines(received, "foia")[0]) == "2025-09-18"
    assert response_deadlines([date(2025, 8, 19)], "foia") == [date(2025, 9, 18)]


def test_a_deadline_on_an_office_closure_is_marked_in_the_calendar(own_dirs: Path) -> None:
    """SAR received Tue 18 Mar 2025: one month on is Fri 18 Apr, Good Friday; then Easter Monday
    (England and Wales): the deadline rolls to Tue 22 Apr 2025 (C-MONTH), the office closed."""
    default_config(own_dirs, '[[office_closed]]\ndate = 2025-04-22\nname = "Training"\n')
    result = runner.invoke(app, ["calendar", "2025-03-18", "--regime", "sar"])
    assert result.exit_code == 0
    assert " 22 [due#]" in result.stdout
