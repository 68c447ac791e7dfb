"""The CLI is one module a group of commands (issue 18), and a run imports only the module of the
command it names: typer builds the click parameters of every command it holds on each run, so
`foiclock due` must not pay for the other commands. The help and the "no such command" error
still see every command. This checks which modules are loaded; timings live in bench/."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: The commands as `foiclock --help` lists them, in its order (the order before the split).
COMMANDS = [
    "due", "timeline", "status", "appeal", "letter", "calendar", "add", "count", "holidays",
    "update-holidays", "batch", "stats", "worklist", "serve", "config",
]  # fmt: skip
EVERY_CLI_MODULE = [
    "foiclock.cli", "foiclock.cli.batch", "foiclock.cli.common", "foiclock.cli.deadlines",
    "foiclock.cli.holidays", "foiclock.cli.serve", "foiclock.cli.settings", "foiclock.cli.stats",
    "foiclock.cli.timelines",
]  # fmt: skip
#: What every run loads: the package (which puts the command together) and what the commands
#: share.
EVERY_RUN = ["foiclock.cli", "foiclock.cli.common"]

PROBE = """
import json, sys
from foiclock.cli import main
sys.argv = ["foiclock", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
loaded = sorted(m for m in sys.modules if m.startswith("foiclock.cli"))
sys.stderr.write("\\n" + json.dumps(loaded))
"""


def cli_modules_loaded(*words: str) -> tuple[list[str], str]:
    """The foiclock.cli modules a run of `foiclock WORDS` loads, and what it printed."""
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, *words], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(completed.stderr.splitlines()[-1])
    return loaded, completed.stdout


def test_due_loads_only_its_own_cli_module() -> None:
    loaded, printed = cli_modules_loaded("due", "2025-08-19")
    assert "Wednesday 17 September 2025" in printed  # rules.md example 1
    assert loaded == [*EVERY_RUN, "foiclock.cli.deadlines"]


@pytest.mark.parametrize(
    ("words", "module"),
    [
        (("--lang", "cy", "timeline", "2025-08-19", "--today", "2025-09-01"), "timelines"),
        (("--config=missing.toml", "config", "show"), "settings"),
        (("holidays", "20x6"), "holidays"),
        (("batch", "--help"), "batch"),
    ],
    ids=["timeline after --lang", "config after --config=", "holidays, bad input", "batch help"],
)
def test_a_command_loads_only_its_own_cli_module(words: tuple[str, ...], module: str) -> None:
    loaded, _ = cli_modules_loaded(*words)
    assert loaded == sorted([*EVERY_RUN, f"foiclock.cli.{module}"])


@pytest.mark.parametrize(
    "words", [(), ("--help",), ("--version",), ("nosuch",), ("--lang", "cy", "--help")]
)
def test_help_version_and_unknown_names_load_every_cli_module(words: tuple[str, ...]) -> None:
    loaded, _ = cli_modules_loaded(*words)
    assert [name for name in loaded if name != "foiclock.cli.help"] == EVERY_CLI_MODULE


def test_the_help_lists_every_command_in_its_order() -> None:
    _, printed = cli_modules_loaded("--help")
    listing = printed.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    assert [line.split()[0] for line in listing.splitlines()] == COMMANDS


def test_the_whole_app_has_every_command_and_each_module_only_its_own() -> None:
    """`foiclock.cli.app` (tests, tools/catalogue.py) holds every command; each command module
    defines just the commands COMMAND_MODULES gives it, so none is left out of a run."""
    import importlib

    import typer.main

    from foiclock.cli import COMMAND_MODULES, app

    command = typer.main.get_command(app)
    assert list(getattr(command, "commands", {})) == COMMANDS
    for module in set(COMMAND_MODULES.values()):
        commands = importlib.import_module(f"foiclock.cli.{module}").commands
        defined = [
            info.name for info in (*commands.registered_commands, *commands.registered_groups)
        ]
        assert sorted(defined) == sorted(n for n, m in COMMAND_MODULES.items() if m == module)
