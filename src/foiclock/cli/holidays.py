"""The commands about the bank-holiday data: `holidays` (the days a count skips, their sources
and where the sources disagree) and `update-holidays` (fetch and store GOV.UK's data). Each
parses its options, calls the library and prints."""

# No `from __future__ import annotations`: typer reads the parameter annotations at every run.
import re
from typing import Annotated

import typer

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import N_
from foiclock.cli.common import (
    JsonOption,
    LangOption,
    _echo_text,
    _emit,
    _setting,
    _wants_json,
    _warn_provisional,
    reports_bad_input,
)

#: This module's commands; foiclock.cli takes the ones a run needs.
commands = typer.Typer()


@commands.command("holidays")
@reports_bad_input
def holidays(
    years: Annotated[
        list[str] | None, typer.Argument(help="Years to list (default: this year).")
    ] = None,
    regime: Annotated[
        str | None,
        typer.Option("--regime", "-r", help="List the days this regime's count skips."),
    ] = None,
    nation: Annotated[
        str | None,
        typer.Option("--nation", help="List one nation's own bank holidays (WD-NATION)."),
    ] = None,
    source: Annotated[
        bool,
        typer.Option(
            "--source", help="Say which data each holiday comes from, and how old each source is."
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="List every weekday on which the holidays package, the shipped GOV.UK snapshot "
            "and the stored update disagree.",
        ),
    ] = False,
    as_json: JsonOption = None,
    lang: LangOption = None,
) -> None:
    """Bank holidays a count skips, with the parts of the UK they belong to.

    Saturdays and Sundays are never working days; a holiday that falls on one is listed and
    marked, beside its weekday substitute.
    """
    from datetime import date

    from foiclock.calendar.working_days import bank_holidays

    if diff:
        if years or regime or nation or source:
            raise InvalidInput(
                "diff", None, N_("compares the sources over every year"), N_("--diff on its own")
            )
        _emit_differences(as_json)
        return
    year_numbers = [_parse_year(year) for year in years] if years else [date.today().year]
    if nation is None:
        regime = _setting("regime", regime)
    listing = bank_holidays(year_numbers, regime, nation)
    if not source:
        _emit(listing, as_json=as_json)
        return
    from foiclock.calendar.sources import data_sources
    from foiclock.present.render import holidays_listing_text
    from foiclock.present.serialise import data_sources_json, holidays_json
    from foiclock.present.sources import data_sources_lines

    sources = data_sources(date.today())
    if _wants_json(as_json):
        import json

        payload = {**holidays_json(listing), "sources": data_sources_json(sources)}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        from foiclock.calendar.working_days import last_announced_year

        last = last_announced_year()
        _echo_text(
            lambda: "\n".join(
                [
                    *data_sources_lines(sources, last),
                    "",
                    holidays_listing_text(listing, with_sources=True),
                ]
            )
        )
    _warn_provisional(listing.provisional, listing.holidays_checked)


def _emit_differences(as_json: bool | None) -> None:
    from foiclock.calendar.sources import holiday_differences

    differences = holiday_differences()
    if _wants_json(as_json):
        import json

        from foiclock.present.serialise import differences_json

        typer.echo(json.dumps(differences_json(differences), indent=2, ensure_ascii=False))
    else:
        from foiclock.present.sources import differences_text

        _echo_text(lambda: differences_text(differences))


@commands.command("update-holidays")
@reports_bad_input
def update_holidays(
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="FILE_OR_URL",
            help="GOV.UK's bank-holidays.json: an address or a local file (default: "
            "https://www.gov.uk/bank-holidays.json).",
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option(metavar="SECONDS", help="Give up on a download after this long.")
    ] = 10.0,
    lang: LangOption = None,
) -> None:
    """Fetch GOV.UK's bank holidays, check them and store them in the user data directory;
    from then on they win over the shipped data for the years they cover.

    Nothing is stored unless the whole file arrived and has GOV.UK's shape: on any failure
    (exit 2) the stored data stays exactly as it was. Prints the weekdays that changed.
    """
    from foiclock.calendar.update import GOVUK_URL
    from foiclock.calendar.update import update_holidays as update
    from foiclock.present.sources import update_report_lines

    report = update(GOVUK_URL if source is None else source, timeout)
    _echo_text(lambda: "\n".join(update_report_lines(report)))


def _parse_year(text: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", text.strip()):
        raise InvalidInput(
            "year", text, N_("is not a four-digit year"), N_("a year from 2000 to 2100")
        )
    return int(text)
