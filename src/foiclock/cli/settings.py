"""The `config` group: `config show` prints the settings in use and where each came from."""

# No `from __future__ import annotations`: typer reads the parameter annotations at every run.
import typer

from foiclock.cli.common import (
    JsonOption,
    LangOption,
    _echo_text,
    _group_lang,
    _wants_json,
    reports_bad_input,
)

config_app = typer.Typer(
    name="config",
    help="The settings in use and where each came from.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
#: This module's commands; foiclock.cli takes them when a run needs them.
commands = typer.Typer()
commands.add_typer(config_app, name="config")


@config_app.callback()
def config_options(lang: LangOption = None) -> None:
    """The settings in use and where each came from."""
    if lang is not None:
        _group_lang.set(lang)


@config_app.command("show")
@reports_bad_input
def config_show(as_json: JsonOption = None, lang: LangOption = None) -> None:
    """Print the merged settings (flag > environment > config file > default), where each came
    from, and the config file's proclaimed days and office closures."""
    from foiclock.calendar.config import SETTINGS, load_config, setting

    settings = [setting(name) for name in SETTINGS]
    config = load_config()
    if _wants_json(as_json):
        import json

        from foiclock.present.serialise import config_json

        typer.echo(json.dumps(config_json(config, settings), indent=2, ensure_ascii=False))
    else:
        from foiclock.present.sources import config_lines

        _echo_text(lambda: "\n".join(config_lines(config, settings)))
