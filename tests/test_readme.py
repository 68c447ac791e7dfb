"""Keep README.md true: every `$ foiclock ...` example in a console block is run and its output
compared; every pycon block is run as a doctest; the quick-start test command is the one CI runs.

`python -m tests.test_readme --write` rewrites the console outputs from real runs.
"""

from __future__ import annotations

import contextlib
import doctest
import re
import shlex
import sys
from pathlib import Path

from typer.testing import CliRunner

from foiclock.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CONSOLE_BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
PYCON_BLOCK = re.compile(r"```pycon\n(.*?)```", re.DOTALL)


def run_example(command_line: str) -> str:
    words = shlex.split(command_line)
    assert words[0] == "foiclock", command_line
    with contextlib.chdir(ROOT):  # examples name files by their path in the repository
        result = CliRunner().invoke(app, words[1:])
    assert result.exit_code == 0, f"{command_line}: exit {result.exit_code}: {result.stderr}"
    return result.stdout


def console_examples(text: str) -> list[tuple[str, str]]:
    """(command line, expected output) for each console block, one command per block."""
    examples = []
    for block in CONSOLE_BLOCK.findall(text):
        first_line, _, expected = block.partition("\n")
        assert first_line.startswith("$ "), block
        examples.append((first_line[2:], expected))
    return examples


def test_console_examples_print_what_the_readme_shows() -> None:
    examples = console_examples(README.read_text(encoding="utf-8"))
    assert len(examples) >= 6
    for command_line, expected in examples:
        assert run_example(command_line) == expected, f"README example drifted: {command_line}"


def test_pycon_examples_run() -> None:
    parser = doctest.DocTestParser()
    for number, block in enumerate(PYCON_BLOCK.findall(README.read_text(encoding="utf-8"))):
        test = parser.get_doctest(block, {}, f"README pycon block {number}", str(README), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.failures == 0, f"README pycon block {number} failed"


def test_quick_start_test_command_is_what_ci_runs() -> None:
    readme = README.read_text(encoding="utf-8")
    shell_blocks = re.findall(r"```sh\n(.*?)```", readme, re.DOTALL)
    quick_start = shell_blocks[0].splitlines() + shell_blocks[1].splitlines()
    assert len(quick_start) == 2
    install_and_run, install_and_test = quick_start
    assert "foiclock due 2025-08-19" in install_and_run
    assert "pytest" in install_and_test
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_and_test in ci_lines


def test_case_and_config_file_examples_are_the_shipped_files() -> None:
    readme = README.read_text(encoding="utf-8")
    toml_blocks = re.findall(r"```toml\n(.*?)```", readme, re.DOTALL)
    for block, name in zip(toml_blocks, ("case.toml", "config.toml"), strict=True):
        shipped = (ROOT / "examples" / name).read_text(encoding="utf-8")
        keys = [line for line in shipped.splitlines() if line and not line.startswith("#")]
        assert block.splitlines() == keys, name


def test_every_case_key_is_documented() -> None:
    from foiclock.clock.case import CASE_KEYS

    readme = README.read_text(encoding="utf-8")
    for key, meaning in CASE_KEYS.items():
        assert f"| `{key}` | {meaning} |" in readme, f"README does not document case key {key}"


def test_every_batch_column_is_documented() -> None:
    from foiclock.batch.rows import OUTPUT_COLUMNS

    readme = README.read_text(encoding="utf-8")
    for key, meaning in OUTPUT_COLUMNS.items():
        assert f"| `{key}` | {meaning} |" in readme, f"README does not document column {key}"


def test_batch_summary_is_what_the_example_prints() -> None:
    """The stderr shown under the batch example is that example's own."""
    readme = README.read_text(encoding="utf-8")
    command_line = next(line for line, _ in console_examples(readme) if "batch" in line)
    with contextlib.chdir(ROOT):
        result = CliRunner().invoke(app, shlex.split(command_line)[1:])
    shown = re.search(r"```text\n(foiclock: \d+ rows.*?)```", readme, re.DOTALL)
    assert shown is not None
    assert result.stderr == shown.group(1)


def write() -> None:
    """Rewrite every console block's output from a real run."""
    text = README.read_text(encoding="utf-8")

    def rewrite(match: re.Match[str]) -> str:
        first_line = match.group(1).partition("\n")[0]
        return f"```console\n{first_line}\n{run_example(first_line[2:])}```"

    README.write_text(CONSOLE_BLOCK.sub(rewrite, text), encoding="utf-8")


def test_every_command_is_documented() -> None:
    from typer.main import get_command

    readme = README.read_text(encoding="utf-8")
    commands = get_command(app).commands  # type: ignore[attr-defined]
    assert {"due", "add", "count", "holidays"} <= set(commands)
    for name in commands:
        assert f"`foiclock {name}" in readme, f"README does not document foiclock {name}"


if __name__ == "__main__" and "--write" in sys.argv:
    write()
