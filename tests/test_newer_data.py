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


def assert_moved(data: dict[str, object], due: str, days: list[str], without: str) -> None:
    """`due` now, moved by exactly `days`, and `without` as the response due without them."""
    assert data["due"] == due
    assert moved_days(data) == days
    moved = data["moved_by"]
    assert isinstance(moved, dict)
    assert moved["dates"][0]["without_newer_data"] == without


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
    assert_moved(data, "2026-03-13", ["2026-02-12", "2026-03-10"], "2026-03-11")


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
    assert_moved(data, "2026-04-01", ["2026-03-10"], "2026-03-31")


def test_a_day_the_update_removes_and_the_config_restores_moved_nothing(own_dirs: Path) -> None:
    """FOISA, received Mon 25 May 2026. By hand on WD-SCOT: 26-29 May (4); 1-5 Jun (9); 8-12
    (14); Mon 15 Jun Scotland's World Cup holiday; 16-19 (18); 22, 23 (20): Tue 23 June 2026.
    An update dropping 15 June and a config proclaiming it again leave it a holiday."""
    store_update(own_dirs, "scotland", "2026-06-15")
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


def store_update(own_dirs: Path, division: str, without: str) -> None:
    """Store the shipped GOV.UK data less one day of one division, as update-holidays would."""
    document = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    events = document[division]["events"]
    document[division]["events"] = [e for e in events if e["date"] != without]
    local = own_dirs / f"without-{without}.json"
    local.write_text(json.dumps(document), encoding="utf-8")
    result = runner.invoke(app, ["update-holidays", "--from", str(local)])
    assert result.exit_code == 0, result.stderr


def test_a_newer_day_that_moves_the_date_of_receipt_is_named(own_dirs: Path) -> None:
    """C-RECEIPT-ALT, received Sat 30 Aug 2025. Shipped data: treated as received Mon 1 Sep;
    2-5 Sep (4), 8-12 (9), 15-19 (14), 22-26 (19), 29 Sep (20). With 1 Sep proclaimed: treated
    as received Tue 2 Sep; 3-5 (3), 8-12 (8), 15-19 (13), 22-26 (18), 29, 30 Sep (20)."""
    default_config(own_dirs, proclaim("2025-09-01"))
    data = due_json("2025-08-30", "--receipt-rule", "next-working-day")
    assert_moved(data, "2025-09-30", ["2025-09-01"], "2025-09-29")


def test_a_newer_day_that_lets_a_sar_stop_begin_is_named(own_dirs: Path) -> None:
    """SAR received Fri 1 Aug 2025: one month on is Mon 1 Sep 2025, a working day in England and
    Wales, so the shipped data gives 1 Sep and a clarification asked on 2 Sep stops nothing.
    With 1 Sep proclaimed the deadline rolls to 2 Sep and the ask stops the clock (SAR-STOP)."""
    default_config(own_dirs, proclaim("2025-09-01"))
    data = due_json(
        "2025-08-01",
        "--regime",
        "sar",
        "--clarification-requested",
        "2025-09-02",
        "--clarification-received",
        "2025-09-10",
    )
    assert data["due"] != "2025-09-01"
    assert "2025-09-01" in moved_days(data)
    moved = data["moved_by"]
    assert isinstance(moved, dict)
    assert moved["dates"][0]["without_newer_data"] == "2025-09-01"


def test_a_review_window_moved_inside_a_fees_pause_is_named(own_dirs: Path) -> None:
    """FOIA-IR-REQ: 40 working days after the response of Fri 1 May 2026 (WD-UK). By hand, with
    the shipped data: 5-8 May (4; Mon 4 May a holiday), 11-15 (9), 18-22 (14), 26-29 (18; Mon
    25 May a holiday), 1-5 Jun (23), 8-12 (28), Mon 15 Jun Scotland's holiday, 16-19 (32),
    22-26 (37), 29, 30 Jun (39), Wed 1 Jul (40). With 15 Jun removed by an update it counts:
    15-19 (33), 22-26 (38), 29 (39), Tue 30 Jun (40). The fees pause of the response deadline
    (20 Apr to 16 Jun) does not pause the review window."""
    store_update(own_dirs, "scotland", "2026-06-15")
    result = runner.invoke(
        app,
        [
            "timeline", "2026-04-01", "--fees-notice", "2026-04-20", "--fee-paid", "2026-06-16",
            "--responded", "2026-05-01", "--today", "2026-06-20", "--json",
        ],
    )  # fmt: skip
    data = json.loads(result.stdout)
    review = {m["key"]: m["date"] for m in data["milestones"]}["review_request_by"]
    assert review == "2026-06-30"
    moved = {d["key"]: d for d in data["moved_by"]["dates"]}
    assert moved["review_request_by"]["without_newer_data"] == "2026-07-01"
    assert [d["date"] for d in data["moved_by"]["days"]] == ["2026-06-15"]


def test_newer_data_that_ends_a_request_says_so(own_dirs: Path) -> None:
    """An update that removes Northern Ireland's 17 March 2025 gives one more working day in the
    three months to pay (EIR fees), so a fee paid on 3 April 2025 may be judged late: the state
    changes and the note says so, with the deadline there was without the update."""
    store_update(own_dirs, "northern-ireland", "2025-03-17")
    with_update = due_json("2025-01-06", "--regime", "eir", "--fees-notice", "2025-01-08",
                           "--fee-paid", "2025-04-03")  # fmt: skip
    moved = with_update["moved_by"]
    assert isinstance(moved, dict)
    assert moved["state"] == {
        "state": with_update["state"],
        "without_newer_data": "running",
    }
    assert with_update["state"] != "running"


def test_the_source_listing_says_where_the_provisional_years_begin(own_dirs: Path) -> None:
    """An update for 2030 alone leaves 2029 unannounced: provisional from 2029, as the engine."""
    only_2030 = {
        division: {"division": division, "events": [
            {"title": "x", "date": day} for day in ("2030-01-01", "2030-04-19", "2030-12-25")
        ]}
        for division in ("england-and-wales", "scotland", "northern-ireland")
    }  # fmt: skip
    local = own_dirs / "2030.json"
    local.write_text(json.dumps(only_2030), encoding="utf-8")
    assert runner.invoke(app, ["update-holidays", "--from", str(local)]).exit_code == 0
    out = runner.invoke(app, ["holidays", "2030", "--source"]).stdout
    assert "answers reaching 2029 or later are provisional" in out
    assert "GOV.UK update: 2030 to 2030, fetched" in out


def test_the_diff_says_what_is_used_when_the_config_restores_a_day(own_dirs: Path) -> None:
    store_update(own_dirs, "england-and-wales", "2025-08-25")
    default_config(own_dirs, proclaim("2025-08-25"))
    data = json.loads(runner.invoke(app, ["holidays", "--diff", "--json"]).stdout)
    row = next(r for r in data["differences"] if r["date"] == "2025-08-25")
    assert (row["division"], row["snapshot"], row["update"], row["used"]) == (
        "england-and-wales", True, False, True,
    )  # fmt: skip
