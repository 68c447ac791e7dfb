"""The `batch` command: a case export's every row with its deadline and status, with a progress
bar on a terminal, and Ctrl-C or SIGTERM leaving no partial output file."""

# No `from __future__ import annotations`: typer reads the parameter annotations at every run.
import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from foiclock.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    LangOption,
    TodayOption,
    _echo_note,
    _echo_wrote,
    _in_languages,
    _setting,
    _today,
    reports_bad_input,
)

if TYPE_CHECKING:
    from rich.console import Console

#: This module's commands; foiclock.cli takes the ones a run needs.
commands = typer.Typer()


class _Terminated(BaseException):
    """SIGTERM, raised where the batch is, so that it stops the way Ctrl-C does."""


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


@contextlib.contextmanager
def _stops_on_sigterm() -> "Iterator[None]":
    """SIGTERM stops the block as Ctrl-C does (so that no partial -o file is left); the handler
    before it is put back after. Only the main thread can set one."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@commands.command("batch")
@reports_bad_input
def batch(
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="INPUT", help="A CSV file (or JSON Lines), or - for standard input."
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE atomically, never over INPUT (default: standard output).",
        ),
    ] = None,
    regime: Annotated[
        str | None,
        typer.Option(
            "--regime",
            "-r",
            help="For rows with no regime cell: foia, eir, foisa, eisr or sar (default: foia, "
            "or the config's).",
        ),
    ] = None,
    today: TodayOption = None,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format",
            help="csv or jsonl; the output is the same (default: jsonl for .jsonl and .ndjson "
            "files, else csv).",
        ),
    ] = None,
    received_column: Annotated[
        str, typer.Option(metavar="NAME", help="The column with the date of receipt.")
    ] = "received",
    delimiter: Annotated[
        str, typer.Option(metavar="CHAR", help="The CSV delimiter: , or ; or tab.")
    ] = ",",
    encoding: Annotated[
        str, typer.Option(metavar="NAME", help="The input's text encoding; the output's too.")
    ] = "utf-8",
    allow_errors: Annotated[
        bool,
        typer.Option("--allow-errors", help="Exit 0 even when some rows could not be counted."),
    ] = False,
    no_sanitize: Annotated[
        bool,
        typer.Option(
            "--no-sanitize",
            help="Write cells starting with = + - @ as they are (no leading ' against CSV "
            "injection).",
        ),
    ] = False,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", metavar="NAME", help="The sheet of an .xlsx (default: the first)."),
    ] = None,
    maps: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="KEY=HEADER",
            help="Read the column HEADER as case key KEY (repeatable).",
        ),
    ] = None,
    ignores: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", metavar="COLUMN", help="Leave the column COLUMN unread (repeatable)."
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            help="Worker processes for a large CSV file, the output the same (default: the CPUs "
            "this machine has; 1: one process).",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Add deadlines and statuses to every row of a case export (CSV, JSON Lines or .xlsx).

    Every row is written in order with its cells untouched, then due, extended_due,
    working_days_elapsed, status, working_days_late, review_request_by, rule, provisional,
    holidays_checked, timeliness, working_days_taken, review_due, review_timeliness and error.
    A bad row is kept with status error; a summary goes to stderr. Exit 1 when any row failed
    (unless --allow-errors); 130 on Ctrl-C and 143 on SIGTERM, with the -o file left as
    it was, or already written in full if the interrupt came after that: the message says which.
    """
    from foiclock.base.output import file_identity
    from foiclock.batch.columns import column_map
    from foiclock.batch.excel import is_workbook
    from foiclock.batch.files import BatchOptions, run_batch
    from foiclock.batch.split import available_cpus
    from foiclock.present.render import batch_summary_lines

    options = BatchOptions(
        today=_today(today),
        regime=_setting("regime", regime) or "foia",
        received_column=received_column,
        delimiter="\t" if delimiter in ("tab", "\\t") else delimiter,
        sanitize=not no_sanitize,
        source_name="INPUT" if input_path == "-" else input_path,
        columns=column_map(maps or [], ignores or []),
        sheet=sheet,
    )
    if output == "-":
        output = None  # standard output
    before = file_identity(output) if output is not None else None
    try:
        with _stops_on_sigterm():
            with _progress_bar() as progress:
                if is_workbook(input_path) or is_workbook(output):
                    from foiclock.batch.tables import run_table_batch

                    summary = run_table_batch(input_path, output, options, encoding, progress)
                else:
                    summary = run_batch(
                        input_path,
                        output,
                        options,
                        input_format=input_format,
                        encoding=encoding,
                        progress=progress,
                        jobs=available_cpus() if jobs is None else jobs,
                    )
            _echo_note(lambda: "\n".join(batch_summary_lines(summary)))
            if output is not None:
                _echo_wrote(output)
    except (KeyboardInterrupt, _Terminated) as stop:
        _echo_interrupted(output, before)
        code = EXIT_TERMINATED if isinstance(stop, _Terminated) else EXIT_INTERRUPTED
        raise typer.Exit(code) from None
    except BrokenPipeError:  # `foiclock batch big.csv | head`: the reader has gone
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None
    if summary.failed and not allow_errors:
        raise typer.Exit(1)


def _echo_interrupted(output: str | None, before: tuple[int, int] | None) -> None:
    """What an interrupt left of the -o file: as it was, or already replaced by the whole output
    (the rename came before the interrupt). `before` is its `file_identity` from before the run:
    the rename, and nothing else, changes it, so the answer is right however late the interrupt
    came. The exit code stays 130 (or 143) either way, so that a script stops as asked."""
    from foiclock.base.i18n import _
    from foiclock.base.output import file_identity, replaced_by_rename

    if output is None or not replaced_by_rename(output):
        _echo_note(lambda: _("interrupted"))
    elif file_identity(output) != before:
        _echo_note(lambda: _("interrupted; {file} was already written in full").format(file=output))
    else:
        _echo_note(lambda: _("interrupted; {file} left as it was").format(file=output))


@contextlib.contextmanager
def _progress_bar() -> "Iterator[Callable[[int, float | None], None] | None]":
    """A rich progress bar on stderr when it is a terminal (rich is imported only then); None,
    and nothing printed, otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from foiclock.base.i18n import _

    def rows_word() -> str:
        return _("rows")

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[rows]:,} " + _in_languages(rows_word, " / ")),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True, console=_stderr_console()) as bar:
        task = bar.add_task("foiclock batch", total=None, rows=0)

        def advance(rows: int, fraction: float | None) -> None:
            bar.update(task, rows=rows, total=1.0 if fraction is not None else None)
            if fraction is not None:
                bar.update(task, completed=fraction)

        yield advance


def _stderr_console() -> "Console":
    from rich.console import Console

    return Console(stderr=True)
