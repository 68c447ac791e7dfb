"""Cold start of `foiclock due DATE` against bare Python and a one-command typer app.

Run: python bench/startup.py [--runs N]   (from the project's virtual environment)

Each command is run N times, interleaved so that machine noise hits all three alike; the medians
are printed with the ratios the Core issue sets as targets (within 1.25x the typer app and within
8x `python -c pass`). The holiday cache is warmed first, and foiclock's modules are byte-compiled
as `pip install` does for a wheel (this machine sets PYTHONDONTWRITEBYTECODE, so an editable
install would otherwise recompile them on every run): the figure is the everyday start-up.

A second typer line runs that app with its imports under the garbage-collector pause that
foiclock's entry point makes (foiclock/__main__.py): `foiclock / paused app` is then what
foiclock's own modules and work cost beyond typer, the pause taken out of the comparison.

A further line runs the same lookup with `examples/config.toml` as the config file: reading TOML,
adding its proclaimed day, and (since that day moves this deadline) recounting without it for
the "moved" note.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL_TYPER_APP = """\
import typer

app = typer.Typer()


@app.command()
def main(received: str) -> None:
    print(received)


app()
"""

#: The same app, its imports run with the cyclic garbage collector paused as `foiclock` pauses
#: it (foiclock/__main__.py): the figure that shows what foiclock's own code costs beyond typer.
PAUSED_TYPER_APP = """\
import gc

gc.disable()
import typer

gc.freeze()
gc.enable()
app = typer.Typer()


@app.command()
def main(received: str) -> None:
    print(received)


app()
"""


def time_once(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=40)
    runs = parser.parse_args().runs
    command_path = shutil.which("foiclock", path=str(Path(sys.executable).parent))
    foiclock_command = command_path or shutil.which("foiclock")
    if foiclock_command is None:
        sys.exit("bench: the foiclock command is not installed (pip install -e .)")
    import foiclock

    compileall.compile_dir(Path(foiclock.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as scratch:
        typer_app = Path(scratch) / "one_command.py"
        typer_app.write_text(MINIMAL_TYPER_APP)
        paused_typer_app = Path(scratch) / "one_command_paused.py"
        paused_typer_app.write_text(PAUSED_TYPER_APP)
        env = {
            **os.environ,
            "FOICLOCK_CACHE_DIR": str(Path(scratch) / "cache"),
            "FOICLOCK_DATA_DIR": str(Path(scratch) / "data"),
            "XDG_CONFIG_HOME": str(Path(scratch) / "config"),  # no user config file
        }
        example_config = Path(__file__).resolve().parent.parent / "examples" / "config.toml"
        with_config = {**env, "FOICLOCK_CONFIG": str(example_config)}
        commands = {
            "python -c pass": ([sys.executable, "-c", "pass"], env),
            "one-command typer app": ([sys.executable, str(typer_app), "2025-08-19"], env),
            "  collector paused": ([sys.executable, str(paused_typer_app), "2025-08-19"], env),
            "foiclock due 2025-08-19": ([foiclock_command, "due", "2025-08-19"], env),
            "  with examples/config.toml": ([foiclock_command, "due", "2025-08-19"], with_config),
        }
        for command, command_env in commands.values():  # warm OS cache, .pyc, holiday cache
            time_once(command, command_env)
        timings: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, (command, command_env) in commands.items():
                timings[name].append(time_once(command, command_env))
    medians = {name: statistics.median(values) * 1000 for name, values in timings.items()}
    import typer

    python_version = sys.version.split()[0]
    print(f"cold start, median of {runs} runs (typer {typer.__version__}, Python {python_version})")
    for name, median in medians.items():
        print(f"  {name:<26} {median:7.1f} ms")
    due = medians["foiclock due 2025-08-19"]
    versus_typer = due / medians["one-command typer app"]
    versus_python = due / medians["python -c pass"]
    print(f"  foiclock / typer app      {versus_typer:7.2f}x  (target <= 1.25x)")
    print(f"  foiclock / python -c pass {versus_python:7.2f}x  (target <= 8x)")
    versus_paused = due / medians["  collector paused"]
    print(f"  foiclock / paused app     {versus_paused:7.2f}x  (foiclock's own cost beyond typer)")


if __name__ == "__main__":
    main()
