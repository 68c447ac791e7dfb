"""`--help` in Welsh: typer builds the help from strings fixed when `foiclock.cli` is imported,
before `--lang` is read, so a help run in another language walks the built click command and
translates its help texts in place. The texts are in the catalogue (tools/catalogue.py collects
them with `help_texts`). Click's own words ("Usage:", "Options:") stay English."""

from __future__ import annotations

from collections.abc import Iterator

from typer._click import Command  # typer 0.28 vendors click

from foiclock.base.i18n import _
from foiclock.base.languages import using_language


def _commands(command: Command) -> Iterator[Command]:
    yield command
    subcommands: dict[str, Command] = getattr(command, "commands", {})  # a group's
    for name in sorted(subcommands):
        yield from _commands(subcommands[name])


def help_texts(command: Command) -> list[str]:
    """Every help text of `command` and its subcommands and their parameters, in order."""
    texts: list[str] = []
    for each in _commands(command):
        texts += [text for text in (each.help, each.short_help, each.epilog) if text]
        texts += [text for param in each.params if (text := getattr(param, "help", None))]
    return list(dict.fromkeys(texts))


def translate_help(command: Command, language: str) -> None:
    """Put `command`'s help texts (and its subcommands' and parameters') in `language`."""
    with using_language(language):
        for each in _commands(command):
            each.help = _(each.help) if each.help else each.help
            each.short_help = _(each.short_help) if each.short_help else each.short_help
            each.epilog = _(each.epilog) if each.epilog else each.epilog
            for param in each.params:
                text = getattr(param, "help", None)
                if text:
                    param.help = _(text)  # type: ignore[attr-defined]
