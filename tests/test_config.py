"""The config file: precedence (flag > environment > config file > default), proclaimed days that
move deadlines, office closures that never do (rules.md section 2), `config show`, one-line
errors, and the provisional mark exactly past the last announced year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock.cli import app
from tests.isolation import own_dirs

__all__ = ["own_dirs"]

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def ok(*args: str, env: dict[str, str] | None = None) -> str:
    code, out, err = run(*args, env=env)
    assert code == 0, err
    return out


def write_config(own_dirs: Path, text: str, name: str = "config.toml") -> Path:
    path = own_dirs / name
    path.write_text(text, encoding="utf-8")
    return path


def default_config(own_dirs: Path, text: str) -> Path:
    """A config file in the default location (the platform's user config directory)."""
    directory = own_dirs / "xdg" / "foiclock"
    directory.mkdir(parents=True, exist_ok=True)
    return write_config(directory, text)


def regime_of(*args: str, env: dict[str, str] | None = None) -> str:
    code, out, err = run("due", "2025-08-19", "--json", *args, env=env)
    assert code == 0, err
    return str(json.loads(out)["regime"])


def test_regime_precedence_flag_env_file_default(own_dirs: Path) -> None:
    assert regime_of() == "foia"  # default
    default_config(own_dirs, 'regime = "foisa"\n')
    assert regime_of() == "foisa"  # config file
    assert regime_of(env={"FOICLOCK_REGIME": "eir"}) == "eir"  # environment over the file
    assert regime_of("--regime", "eisr", env={"FOICLOCK_REGIME": "eir"}) == "eisr"  # flag


def test_config_show_says_where_each_setting_came_from(own_dirs: Path) -> None:
    path = default_config(own_dirs, 'regime = "foisa"\nformat = "json"\n')
    code, out, _ = run("config", "show", "--json", env={"FOICLOCK_FORMAT": "text"})
    assert code == 0
    data = json.loads(out)
    assert data["config_file"] == str(path)
    assert data["settings"] == {
        "regime": {"value": "foisa", "from": f"config file {path}"},
        "nation": {"value": None, "from": "default"},
        "format": {"value": "text", "from": "FOICLOCK_FORMAT"},
        "lang": {"value": "en", "from": "default"},
    }
    code, out, _ = run("config", "show", env={"FOICLOCK_FORMAT": "text"})
    assert "regime    foisa                 config file" in out
    assert "format    text                  FOICLOCK_FORMAT" in out


def test_config_file_location_precedence(own_dirs: Path) -> None:
    default_config(own_dirs, 'regime = "foisa"\n')
    from_env = write_config(own_dirs, 'regime = "eir"\n', "env.toml")
    from_flag = write_config(own_dirs, 'regime = "eisr"\n', "flag.toml")
    env = {"FOICLOCK_CONFIG": str(from_env)}
    assert regime_of() == "foisa"
    assert regime_of(env=env) == "eir"
    out = ok("--config", str(from_flag), "due", "2025-08-19", "--json", env=env)
    assert json.loads(out)["regime"] == "eisr"


def test_a_case_file_regime_beats_the_settings(own_dirs: Path) -> None:
    default_config(own_dirs, 'regime = "foisa"\n')
    case = write_config(own_dirs, 'received = 2025-08-19\nregime = "eir"\n', "case.toml")
    out = ok("due", "--case", str(case), "--json", env={"FOICLOCK_REGIME": "eisr"})
    assert json.loads(out)["regime"] == "eir"
    out = ok("due", "--case", str(case), "--regime", "foia", "--json")
    assert json.loads(out)["regime"] == "foia"


def test_format_precedence(own_dirs: Path) -> None:
    default_config(own_dirs, 'format = "json"\n')
    out = ok("due", "2025-08-19")
    assert json.loads(out)["due"] == "2025-09-17"
    out = ok("due", "2025-08-19", env={"FOICLOCK_FORMAT": "text"})
    assert out.startswith("Response due: Wednesday 17 September 2025")
    out = ok("due", "2025-08-19", "--json", env={"FOICLOCK_FORMAT": "text"})
    assert json.loads(out)["due"] == "2025-09-17"
    out = ok("due", "2025-08-19", "--text")
    assert out.startswith("Response due:")
    out = ok("timeline", "2025-08-19", "--today", "2025-09-01")
    assert json.loads(out)["milestones"][0]["key"] == "received"


def test_a_proclaimed_day_in_the_config_moves_the_deadline(own_dirs: Path) -> None:
    """rules.md example 1 (19 Aug 2025 -> Wed 17 Sep 2025) with Mon 1 Sep 2025 proclaimed for
    Scotland only; FOIA counts a bank holiday in any part of the UK (WD-UK). By hand: 20-22 Aug
    (3); 25 Aug E&W holiday; 26-29 Aug (7); 1 Sep skipped; 2-5 Sep (11); 8-12 Sep (16);
    15-18 Sep (20): Thursday 18 September 2025. FOISA counted on WD-SCOT moves too (example 2,
    Tue 16 Sep, becomes Wed 17 Sep); a proclaimed England-and-Wales day would not move it."""
    default_config(
        own_dirs,
        '[[proclaimed]]\ndate = 2025-09-01\nname = "Test day"\ndivisions = ["scotland"]\n',
    )
    out = ok("due", "2025-08-19", "--json")
    data = json.loads(out)
    assert data["due"] == "2025-09-18"
    assert data["moved_by"] == {
        "days": [
            {
                "date": "2025-09-01",
                "name": "Test day",
                "divisions": ["scotland"],
                "change": "added",
                "source": "config",
            }
        ],
        "dates": [
            {
                "key": "due",
                "label": "Response due",
                "date": "2025-09-18",
                "without_newer_data": "2025-09-17",
            }
        ],
        "state": None,
    }
    out = ok("due", "2025-08-19", "--regime", "foisa", "--json")
    assert json.loads(out)["due"] == "2025-09-17"
    out = ok("due", "2025-08-19")
    assert "Mon  1 Sep 2025  Test day (Scotland): a bank holiday proclaimed in the config" in out


def test_a_proclaimed_day_for_another_nation_does_not_move_foisa(own_dirs: Path) -> None:
    default_config(
        own_dirs,
        '[[proclaimed]]\ndate = 2025-09-01\nname = "E&W day"\ndivisions = ["england-and-wales"]\n',
    )
    out = ok("due", "2025-08-19", "--regime", "foisa", "--json")
    data = json.loads(out)
    assert (data["due"], data["moved_by"]) == ("2025-09-16", None)  # rules.md example 2


CLOSURE = """
[[office_closed]]
from = 2025-09-15
to = 2025-09-17
name = "Office move"
"""


def test_an_office_closure_never_moves_a_statutory_date(own_dirs: Path) -> None:
    """Closed 15-17 Sep 2025, the last three days of the count: rules.md example 1 still ends on
    Wednesday 17 September 2025 (rules.md section 2; ICO LTT47)."""
    default_config(own_dirs, CLOSURE)
    code, out, _ = run("due", "2025-08-19", "--json")
    assert json.loads(out)["due"] == "2025-09-17"
    code, out, _ = run("timeline", "2025-08-19", "--today", "2025-09-01")
    assert code == 0
    assert "Wed 17 Sep 2025  Response due" in out
    words = " ".join(out.split())
    assert "[office closed that day (Office move): the date stands]" in words
    assert (
        "Office closed (no statutory date moves for these days: closure days are working days "
        "under every regime, rules.md section 2; ICO LTT47): Mon 15 Sep 2025 to Wed 17 Sep "
        "2025 Office move"
    ) in words
    code, out, _ = run("timeline", "2025-08-19", "--today", "2025-09-01", "--json")
    data = json.loads(out)
    assert data["office_closed"] == [
        {"from": "2025-09-15", "to": "2025-09-17", "name": "Office move"}
    ]
    due = next(m for m in data["milestones"] if m["key"] == "response_due")
    assert (due["date"], due["office_closed"]) == ("2025-09-17", True)
    code, out, _ = run("calendar", "2025-08-19")
    assert " 15 18#" in out and " 16 19#" in out and " 17 [20#]" in out
    assert "#   office closed: a working day all the same, never skipped" in out


def test_an_office_closure_outside_the_timeline_is_not_shown(own_dirs: Path) -> None:
    default_config(own_dirs, CLOSURE.replace("2025-09", "2026-09"))
    out = ok("timeline", "2025-08-19", "--today", "2025-09-01", "--responded", "2025-09-10")
    assert "Office closed" not in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('regime = "fioa"\n', "regime in "),
        ('colour = "red"\n', "config key in "),
        ("regime = \n", "is not valid TOML"),
        ('format = "yaml"\n', "is not a format foiclock offers; accepted: text, json"),
        ('[[proclaimed]]\ndate = 2025-02-30\nname = "x"\n', "is not valid TOML"),
        ('[[proclaimed]]\ndate = "30/02/2025"\nname = "x"\n', "has no day 30"),
        ('[[proclaimed]]\ndate = 2025-09-01\n', "name of [[proclaimed]] 1 in "),
        ('[[proclaimed]]\ndate = 2025-09-01\nname = "x"\ndivisions = ["wales"]\n',
         "divisions of [[proclaimed]] 1 in"),
        ('[[office_closed]]\nfrom = 2025-09-05\nto = 2025-09-01\n', "is before from"),
        ('[[office_closed]]\ndate = 2025-09-05\ncolour = 1\n', "key of [[office_closed]] 1"),
    ],
)  # fmt: skip
def test_a_bad_config_is_a_one_line_error(own_dirs: Path, text: str, message: str) -> None:
    path = default_config(own_dirs, text)
    code, out, err = run("due", "2025-08-19")
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err
    if "TOML" not in message:
        assert str(path) in err


def test_a_missing_chosen_config_is_an_error(own_dirs: Path) -> None:
    code, _, err = run("--config", str(own_dirs / "nope.toml"), "due", "2025-08-19")
    assert code == 2
    assert "--config: " in err and "does not exist" in err
    code, _, err = run("due", "2025-08-19", env={"FOICLOCK_CONFIG": str(own_dirs / "no.toml")})
    assert code == 2
    assert "FOICLOCK_CONFIG: " in err


def test_a_bad_environment_setting_is_an_error(own_dirs: Path) -> None:
    code, _, err = run("due", "2025-08-19", env={"FOICLOCK_REGIME": "foi"})
    assert code == 2
    assert "FOICLOCK_REGIME: 'foi' is not a regime foiclock knows" in err


def test_provisional_exactly_past_the_last_announced_year(own_dirs: Path) -> None:
    """The shipped data announces 2012-2028. Received Mon 27 Nov 2028, by hand on WD-UK: 28, 29
    Nov (2); Thu 30 Nov St Andrew's Day (Scotland); 1 Dec (3); 4-8 (8); 11-15 (13); 18-22 (18);
    25, 26 Dec; 27 (19), Thu 28 Dec 2028 (20): inside 2028, not provisional. Received Fri 1 Dec
    2028: 4-8 (5), 11-15 (10), 18-22 (15), 27-29 (18), 1 and 2 Jan 2029 holidays by rule,
    3 Jan (19), Thu 4 Jan 2029 (20): past 2028, provisional."""
    code, out, err = run("due", "2028-11-27", "--json")
    data = json.loads(out)
    assert (data["due"], data["provisional"], err) == ("2028-12-28", False, "")
    code, out, err = run("due", "2028-12-01")
    assert code == 0
    assert out.startswith("Response due: Thursday 4 January 2029")
    assert "PROVISIONAL" in out
    assert err.startswith("foiclock: warning: provisional: the answer reaches past 2028")
    out = ok("timeline", "2028-12-01", "--today", "2028-12-02")
    assert "[provisional]" in out
    out = ok("timeline", "2028-12-01", "--today", "2028-12-02", "--format", "csv")
    header, *rows = out.splitlines()
    due = next(row for row in rows if ",response_due," in row)
    assert due.split(",")[header.split(",").index("provisional")] == "true"


def test_a_bad_config_stops_a_batch_before_any_row(own_dirs: Path) -> None:
    """Not an error in every row: the whole run is bad input (exit 2), the -o file untouched."""
    default_config(own_dirs, '[[proclaimed]]\ndate = 2025-09-01\nname = ""\n')
    rows = own_dirs / "cases.csv"
    rows.write_text("received\n2025-08-19\n", encoding="utf-8")
    target = own_dirs / "out.csv"
    code, _, err = run("batch", str(rows), "--regime", "foia", "-o", str(target))
    assert code == 2
    assert "name of [[proclaimed]] 1 in" in err
    assert len(err.splitlines()) == 1
    assert not target.exists()
