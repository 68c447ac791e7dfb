"""The `stats` and `worklist` commands: a team's timeliness figures and the officer's morning
view, from a case export (CSV, JSON Lines or .xlsx, the columns of `batch`)."""

# No `from __future__ import annotations`: typer reads the parameter annotations at every run.
from typing import TYPE_CHECKING, Annotated

import typer

from foiclock.cli.common import (
    LangOption,
    TodayOption,
    _in_languages,
    _run_languages,
    _setting,
    _today,
    reports_bad_input,
)
from foiclock.cli.timelines import _write

if TYPE_CHECKING:
    from foiclock.batch.files import BatchOptions

#: This module's commands; foiclock.cli takes the ones a run needs.
commands = typer.Typer()

CasesArgument = Annotated[
    str, typer.Argument(metavar="CASES", help="A case export: CSV, JSON Lines or .xlsx.")
]
RegimeOption = Annotated[
    str | None,
    typer.Option("--regime", "-r", help="For rows with no regime cell (default: foia)."),
]
MapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map", metavar="KEY=HEADER", help="Read the column HEADER as case key KEY (repeatable)."
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option("--ignore", metavar="COLUMN", help="Leave the column COLUMN unread (repeatable)."),
]
SheetOption = Annotated[
    str | None,
    typer.Option("--sheet", metavar="NAME", help="The sheet of an .xlsx (default: the first)."),
]
ReceivedColumnOption = Annotated[
    str, typer.Option(metavar="NAME", help="The column with the date of receipt.")
]
DelimiterOption = Annotated[str, typer.Option(metavar="CHAR", help="The CSV delimiter.")]
EncodingOption = Annotated[str, typer.Option(metavar="NAME", help="The input's text encoding.")]
InputFormatOption = Annotated[
    str | None, typer.Option("--input-format", help="csv or jsonl (default: by the suffix).")
]
OutputOption = Annotated[
    str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically).")
]
JsonFlag = Annotated[bool, typer.Option("--json", help="The same as --format json.")]


def _log_options(
    today: str | None,
    regime: str | None,
    received_column: str,
    delimiter: str,
    source: str,
    maps: list[str] | None,
    ignores: list[str] | None,
    sheet: str | None,
) -> "BatchOptions":
    from foiclock.reports.log import log_options

    return log_options(
        today=_today(today),
        regime=_setting("regime", regime) or "foia",
        received_column=received_column,
        delimiter=delimiter,
        source=source,
        maps=maps,
        ignores=ignores,
        sheet=sheet,
    )


def _chosen_format(
    as_json: bool, chosen: str | None, output: str | None, formats: tuple[str, ...]
) -> str:
    from foiclock.reports.output import output_format

    return output_format(as_json, chosen, output, formats, _setting("format") == "json")


@commands.command("stats")
@reports_bad_input
def stats(
    cases_path: CasesArgument,
    team_column: Annotated[
        str | None, typer.Argument(metavar="[COLUMN]", help="The column of --by team COLUMN.")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(help="2025-Q3, 2025-07, 2025 or FY2025 (default: the last full quarter)."),
    ] = None,
    from_day: Annotated[
        str | None, typer.Option("--from", metavar="DATE", help="First day.")
    ] = None,
    to_day: Annotated[str | None, typer.Option("--to", metavar="DATE", help="Last day.")] = None,
    template: Annotated[
        str, typer.Option(help="cabinet-office, ico, sic or s45.")
    ] = "cabinet-office",
    by: Annotated[str | None, typer.Option(help="regime, month, quarter, or team COLUMN.")] = None,
    cases: Annotated[
        bool, typer.Option("--cases", help="List the cases behind each figure.")
    ] = False,
    today: TodayOption = None,
    regime: RegimeOption = None,
    received_column: ReceivedColumnOption = "received",
    delimiter: DelimiterOption = ",",
    encoding: EncodingOption = "utf-8",
    input_format: InputFormatOption = None,
    sheet: SheetOption = None,
    maps: MapOption = None,
    ignores: IgnoreOption = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", help="text, json, csv, md, html or xlsx.")
    ] = None,
    output: OutputOption = None,
    as_json: JsonFlag = False,
    lang: LangOption = None,
) -> None:
    """Timeliness figures for a period, as regulators and government publish them.

    Every figure lists the cases behind it (--cases, and case_ids in JSON); rows that cannot
    be placed are counted and listed.
    """
    from foiclock.present.stats import STATS_FORMATS, stats_output
    from foiclock.reports.periods import chosen_period
    from foiclock.reports.stats import StatsOptions, parse_by, run_stats

    chosen = _chosen_format(as_json, output_format, output, STATS_FORMATS)
    options = _log_options(
        today, regime, received_column, delimiter, cases_path, maps, ignores, sheet
    )
    split = parse_by(
        [by, team_column] if by is not None and team_column is not None else [by] if by else []
    )
    run = StatsOptions(
        template=template,
        period=chosen_period(period, from_day, to_day, options.today),
        batch=options,
        by=split,
        regime_given=regime is not None,
        input_format=input_format,
        encoding=encoding,
        series=chosen == "html",
    )
    result = run_stats(cases_path, run)
    if chosen == "html":
        from foiclock.base.i18n import in_language
        from foiclock.present.report_html import stats_html

        with in_language(_run_languages.get()[0]):  # one page: cy+en gives the Welsh one
            _write(stats_html(result).encode("utf-8"), output)
    elif chosen in ("text", "md"):
        data = _in_languages(lambda: stats_output(result, chosen, cases).decode("utf-8"))
        _write(data.encode("utf-8"), output)
    else:
        _write(stats_output(result, chosen, cases), output)


@commands.command("worklist")
@reports_bad_input
def worklist(
    cases_path: CasesArgument,
    within: Annotated[
        int, typer.Option(metavar="N", help="Open cases due within N working days (and overdue).")
    ] = 5,
    today: TodayOption = None,
    regime: RegimeOption = None,
    received_column: ReceivedColumnOption = "received",
    delimiter: DelimiterOption = ",",
    encoding: EncodingOption = "utf-8",
    input_format: InputFormatOption = None,
    sheet: SheetOption = None,
    maps: MapOption = None,
    ignores: IgnoreOption = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", help="text, json, csv, md or ics.")
    ] = None,
    output: OutputOption = None,
    as_json: JsonFlag = False,
    lang: LangOption = None,
) -> None:
    """Open cases due within N working days and every overdue one, soonest first, reviews
    included: the officer's morning view."""
    from foiclock.present.stats import WORKLIST_FORMATS, worklist_output
    from foiclock.reports import worklist as work

    chosen = _chosen_format(as_json, output_format, output, WORKLIST_FORMATS)
    options = _log_options(
        today, regime, received_column, delimiter, cases_path, maps, ignores, sheet
    )
    found = work.worklist(
        cases_path,
        options,
        within,
        input_format=input_format,
        encoding=encoding,
        with_cells=chosen == "ics",
    )
    if chosen == "ics":
        from foiclock.present.ics import caseload_ics

        pairs = work.item_milestones(found, options.regime)
        data = caseload_ics(pairs, name=cases_path, languages=_run_languages.get())
    elif chosen in ("text", "md"):
        data = _in_languages(lambda: worklist_output(found, chosen).decode("utf-8")).encode()
    else:
        data = worklist_output(found, chosen)
    _write(data, output)
