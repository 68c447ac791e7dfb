"""The `foiclock` command: one small function per command that parses, calls the library and
prints. No date logic lives here. Data goes to stdout; warnings and errors go to stderr as one
line each; exit codes: 0 ok, 1 a result that needs attention, 2 bad input.

The commands are in one module a group, each holding them as `commands`: deadlines (due,
calendar, add, count), timelines (timeline, status, appeal, letter), holidays (holidays,
update-holidays), batch, stats (stats, worklist), settings (config show) and serve (the page
and the API); what they share is in `common`, and `help` turns `--help` Welsh. `main` imports
only the module of the command a run names (COMMAND_MODULES); `app`, the whole command, imports
them all.

May import: `foiclock.base`, `foiclock.law`, `foiclock.calendar`, `foiclock.clock`,
`foiclock.batch`, `foiclock.reports`, `foiclock.present` and `foiclock.web`.
"""

# No `from __future__ import annotations` here: typer reads the parameter annotations at every
# run, and string annotations would be compiled and evaluated each time (~10 ms of start-up).
import contextlib
import errno
import functools
import sys
from collections.abc import Collection

import typer

from foiclock.base.errors import InvalidInput
from foiclock.cli.common import EXAMPLES, OneLineErrorsGroup, _echo_note, _languages, main_options

#: Every command by name, in the order the help lists them, with the module of foiclock.cli that
#: defines it (as `commands`, a typer.Typer holding that module's commands).
COMMAND_MODULES = {
    "due": "deadlines",
    "timeline": "timelines",
    "status": "timelines",
    "appeal": "timelines",
    "letter": "timelines",
    "calendar": "deadlines",
    "add": "deadlines",
    "count": "deadlines",
    "holidays": "holidays",
    "update-holidays": "holidays",
    "batch": "batch",
    "stats": "stats",
    "worklist": "stats",
    "serve": "serve",
    "config": "settings",  # a group: typer lists groups after the commands
}


def _app_with(names: Collection[str]) -> typer.Typer:
    """The `foiclock` command with only the commands `names` (in the help's order), importing
    only the modules that define them. typer builds the click parameters of every command it
    holds on each run (about 1 ms a command), so a run that names its command needs only that
    one; `--help` and unknown names need them all, so that the help and the "no such command"
    error still list every command."""
    from importlib import import_module

    app = typer.Typer(
        name="foiclock",
        cls=OneLineErrorsGroup,
        help="UK information-rights deadlines (FOIA, EIR, FOISA, EISR, SAR), counted as the law "
        "says.",
        epilog=EXAMPLES,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        no_args_is_help=True,
        add_completion=False,
    )
    app.callback()(main_options)
    for name, module in COMMAND_MODULES.items():
        if name in names:
            commands: typer.Typer = import_module(f"{__name__}.{module}").commands
            app.registered_commands += [c for c in commands.registered_commands if c.name == name]
            app.registered_groups += [g for g in commands.registered_groups if g.name == name]
    return app


@functools.cache
def _whole_app() -> typer.Typer:
    return _app_with(COMMAND_MODULES)


def __getattr__(name: str) -> typer.Typer:
    """`foiclock.cli.app`: the whole `foiclock` command, every command module imported (a name
    loaded on first use, PEP 562: `main` imports only the module of the command a run names)."""
    if name == "app":
        return _whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Run the command line (the console script and `python -m foiclock` come here through
    `foiclock.__main__.main`, which turns a Ctrl-C during the imports into exit 130). Standard
    output is flushed before the exit, so that a full disk is reported as one line, exit 1,
    not as a traceback at the interpreter's exit; a reader that has gone (a closed pipe) is
    not reported, exit 1, as typer does."""
    arguments = sys.argv[1:]
    named = _command_name(arguments)
    app = _app_with(named) if named and named[0] in COMMAND_MODULES else _whole_app()
    try:
        try:
            if not arguments or "--help" in arguments:
                _help_in_language(app, arguments)
            app()
        finally:
            _flush_stdout()
    except OSError as error:
        failure = _stdout_failure(error)
        if failure is None:
            raise
        import os

        with contextlib.suppress(OSError):  # the exit's own flush then writes nowhere
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if not isinstance(failure, BrokenPipeError):
            from foiclock.base.i18n import _

            reason = failure.strerror or str(failure)
            with contextlib.suppress(OSError):
                _echo_note(
                    lambda: _("cannot write to standard output ({reason})").format(reason=reason)
                )
        sys.exit(1)


#: A write that fails for want of room: the only OSErrors without a file name that reach
#: `main` (every file foiclock opens itself is named in its own errors).
_NO_ROOM = frozenset(
    code for name in ("ENOSPC", "EDQUOT", "EFBIG") if (code := getattr(errno, name, None))
)


def _stdout_failure(error: OSError) -> OSError | None:
    """The error writing standard output failed with, or None if `error` is another one: what
    is still buffered cannot be written, or (nothing left buffered) `error` is a write for
    which there was no room."""
    try:
        _flush_stdout()
    except OSError as again:
        return again
    if error.filename is None and error.errno in _NO_ROOM:
        return error
    return None


def _flush_stdout() -> None:
    # A command may have closed it (the batch, after a failed write); a process started with
    # standard output closed (`>&-`) has none at all.
    if sys.stdout is not None and not sys.stdout.closed:
        sys.stdout.flush()


def _help_in_language(app: typer.Typer, arguments: list[str]) -> None:
    """`--help` in the language of `--lang` (or FOICLOCK_LANG, or the config's `lang`): the
    help is built before any option is read, so it is translated here, then shown."""
    flag = None
    for at, argument in enumerate(arguments):
        if argument == "--lang" and at + 1 < len(arguments):
            flag = arguments[at + 1]
        elif argument.startswith("--lang="):
            flag = argument.removeprefix("--lang=")
    from foiclock.calendar.config import use_config_file

    config = arguments[arguments.index("--config") + 1] if "--config" in arguments[:-1] else None
    use_config_file(config)  # `foiclock --config FILE due --help`: the file's `lang` counts
    try:
        language = _languages(flag)[0]
    except InvalidInput:
        language = "en"
    finally:
        use_config_file(None)
    if language == "en":
        return
    import typer.main

    from foiclock.cli.help import translate_help

    command = typer.main.get_command(app)
    translate_help(command, language)
    command.main(args=arguments, prog_name="foiclock")  # exits


def _command_name(arguments: list[str]) -> list[str]:
    """The command named in `arguments`, past the options before it that take a value
    (`--config FILE`, `--lang LANG`) ([] if none)."""
    while arguments:
        if arguments[0] in ("--config", "--lang"):
            arguments = arguments[2:]
        elif arguments[0].startswith(("--config=", "--lang=")):
            arguments = arguments[1:]
        else:
            break
    return arguments[:1]
