"""The `foiclock` command: one small function per command that parses, calls the library and
prints. No date logic lives here. Data goes to stdout; warnings and errors go to stderr as one
line each; exit codes: 0 ok, 1 a result that needs attention, 2 bad input.

May import: `foiclock.base`, `foiclock.law`, `foiclock.calendar`, `foiclock.clock`,
`foiclock.batch` and `foiclock.present`.
"""

# No `from __future__ import annotations` here: typer reads the parameter annotations at every
# run, and string annotations would be compiled and evaluated each time (~10 ms of start-up).
import contextlib
import errno
import functools
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

# typer 0.28 vendors click; its usage exceptions are not re-exported by typer itself.
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from foiclock._version import __version__
from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import N_

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console

    from foiclock.calendar.working_days import HolidayListing, WorkingDayAfter, WorkingDayCount
    from foiclock.clock.case import Case
    from foiclock.clock.deadline import Deadline
    from foiclock.clock.newer_data import MovedBy
    from foiclock.clock.timeline import Timeline

    Result = Deadline | WorkingDayAfter | WorkingDayCount | HolidayListing

EXIT_BAD_INPUT = 2

# "\b" keeps click from refolding the examples into a paragraph.
EXAMPLES = """Examples:

\b
  foiclock due 2025-08-19                 FOIA deadline for that receipt
  foiclock due 19/08/2025 --regime foisa  the same request under FOISA
  foiclock due 2025-08-19 --explain       each day counted or skipped, and why
  foiclock due 2025-08-19 --json          one JSON object, ISO dates
  foiclock due 2025-08-19 --extend        with the public interest extension
  foiclock due 2025-09-01 --fees-notice 2025-09-05 --fee-paid 2025-09-10
  foiclock due 2025-09-03 --regime sar    a subject access request
  foiclock due --case case.toml           a case kept in a file
  foiclock timeline 2025-08-19 --responded 2025-09-16   every milestone after it
  foiclock timeline 2025-08-19 --case-id FOI-1 -o FOI-1.ics   the same, for a calendar
  foiclock appeal --responded 2025-09-16  which review and appeal windows are open
  foiclock status 2025-08-19              days elapsed, left or overdue today
  foiclock letter --responded 2025-09-16  the next-steps paragraph, dates filled in
  foiclock calendar 2025-08-19            the count as month grids
  foiclock add 2025-09-17 20              the 20th working day after a date
  foiclock count 2025-09-17 2025-10-01    working days between two dates
  foiclock holidays 2026 --regime foia    bank holidays a FOIA count skips
  foiclock batch cases.csv -o checked.csv every row with its deadline and status

Exit codes: 0 ok, 1 a result that needs attention, 2 bad input.
"""


class OneLineErrorsGroup(TyperGroup):
    """Usage errors (a missing argument, an unknown option) as one line on stderr, exit code 2,
    like every other bad input; not click's usage block."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )
        except NoArgsIsHelpError as error:
            if not standalone_mode:
                raise
            typer.echo(error.format_message())  # bare `foiclock`: the help, as --help shows it
            sys.exit(0)
        except ClickException as error:
            if not standalone_mode:
                raise
            context = error.ctx if isinstance(error, UsageError) else None
            where = context.command_path if context is not None else "foiclock"
            message = f"{error.format_message().rstrip('.')} (see '{where} --help')"
            typer.echo(f"foiclock: error: {message}", err=True)
            sys.exit(error.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("foiclock: aborted", err=True)
            sys.exit(1)
        if standalone_mode:
            sys.exit(result if isinstance(result, int) else 0)
        return result


app = typer.Typer(
    name="foiclock",
    cls=OneLineErrorsGroup,
    help="UK information-rights deadlines (FOIA, EIR, FOISA, EISR, SAR), counted as the law says.",
    epilog=EXAMPLES,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=False,
)

P = ParamSpec("P")
R = TypeVar("R")

RegimeOption = Annotated[
    str | None,
    typer.Option(
        "--regime", "-r", help="foia, eir, foisa or eisr (default: foia, or the config's)."
    ),
]

JsonOption = Annotated[
    bool | None,
    typer.Option(
        "--json/--text", help="One JSON object, or text (default: text, or the config's format)."
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="en, cy (Cymraeg) or cy+en (Welsh, then English) for text output; JSON and CSV "
        "stay English (default: en, or FOICLOCK_LANG or the config's).",
    ),
]
NationOption = Annotated[
    str | None,
    typer.Option(
        "--nation",
        help="The body's own nation: england-and-wales, scotland or northern-ireland "
        "(default: england-and-wales for FOIA/EIR, scotland for FOISA/EISR).",
    ),
]


#: The languages of this run's text, in order (`--lang`, FOICLOCK_LANG, the config's `lang`);
#: a ContextVar, so that runs in threads of one process never share it.
_run_languages: "ContextVar[tuple[str, ...]]" = ContextVar(
    "foiclock_run_languages", default=("en",)
)


def reports_bad_input(command: Callable[P, R]) -> Callable[P, R]:
    """Choose the run's languages from `--lang` and the settings, then turn InvalidInput into
    one line on stderr (one a language) and exit code 2: never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        _run_languages.set(("en",))
        try:
            _run_languages.set(_languages(kwargs.get("lang")))
            return command(*args, **kwargs)
        except InvalidInput as error:
            _echo_error(error)
            raise typer.Exit(EXIT_BAD_INPUT) from None

    return wrapper


#: `--lang` given before the command (`foiclock --lang cy due ...`).
_group_lang: "ContextVar[str | None]" = ContextVar("foiclock_group_lang", default=None)


def _languages(flag: object) -> tuple[str, ...]:
    from foiclock.base.i18n import languages
    from foiclock.calendar.config import check_setting

    if flag is None:
        flag = _group_lang.get()
    if isinstance(flag, str):
        return languages(check_setting("lang", flag, "--lang"))
    choice = _setting("lang")
    return languages(choice) if choice is not None else ("en",)


def _in_languages(render: Callable[[], str], separator: str = "\n\n") -> str:
    """`render()` in each of the run's languages (Welsh, then English, for cy+en)."""
    from foiclock.base.i18n import in_languages

    return in_languages(_run_languages.get(), render, separator)


def _echo_text(render: Callable[[], str]) -> None:
    """Text for people on stdout, in the run's languages."""
    typer.echo(_in_languages(render))


def _echo_error(error: InvalidInput) -> None:
    """'foiclock: error: ...' on stderr, one line (one a language for cy+en)."""
    from foiclock.base.i18n import _

    _echo_note(lambda: _("error: {message}").format(message=error.localised()))


def _echo_note(render: Callable[[], str]) -> None:
    """A 'foiclock: ...' line (or one a language) on stderr."""
    for line in _in_languages(render, separator="\n").splitlines():
        typer.echo(f"foiclock: {line}", err=True)


def _emit(
    result: "Result",
    *,
    as_json: bool | None,
    explain: bool = False,
    extra: "dict[str, Any] | None" = None,
    extra_lines: Callable[[], list[str]] = list,
) -> None:
    """Print a result to stdout as JSON (with the keys of `extra` added) or text (with
    `extra_lines` after it); warn on stderr if it is provisional."""
    if _wants_json(as_json):
        import json

        from foiclock.present.serialise import to_json

        payload = {**to_json(result), **(extra or {})}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        from foiclock.present.render import to_text

        _echo_text(lambda: "\n".join([to_text(result, explain=explain), *extra_lines()]))
    _warn_provisional(result.provisional, result.holidays_checked)


def _wants_json(flag: bool | None) -> bool:
    """--json or --text when given, else the format setting (FOICLOCK_FORMAT, the config)."""
    if flag is not None:
        return flag
    return _setting("format") == "json"


def _setting(name: str, flag: str | None = None) -> str | None:
    from foiclock.calendar.config import setting

    return setting(name, flag).value


def _warn_provisional(provisional: bool, holidays_checked: bool = True) -> None:
    """The warning for an answer past the announced holidays, or the note for one counted over
    years before GOV.UK's data (`WD-PRE2012`: by rule, not checked against GOV.UK)."""
    if not provisional and not holidays_checked:
        from foiclock.base.i18n import _
        from foiclock.calendar.working_days import regime_calendar

        first = regime_calendar("foia").first_checked_year
        _echo_note(
            lambda: (
                _("note")
                + ": "
                + _(
                    "counted by rule, not checked against GOV.UK (WD-PRE2012): the count reaches "
                    "years before {first}, the first in GOV.UK's bank-holiday data, whose "
                    "holidays come from the holidays package's rules with rules.md's corrections"
                ).format(first=first)
            )
        )
    if provisional:
        from foiclock.base.i18n import _
        from foiclock.calendar.working_days import last_announced_year

        last = last_announced_year()
        _echo_note(
            lambda: (
                _("warning")
                + ": "
                + _(
                    "provisional: the answer reaches past {last}, the last year whose bank "
                    "holidays are announced; later holidays are projected by rule and may change"
                ).format(last=last)
            )
        )


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"foiclock {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    context: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Print the version."
        ),
    ] = False,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="A TOML config file (default: FOICLOCK_CONFIG, else config.toml in the user "
            "config directory); see 'foiclock config show'.",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """UK information-rights deadlines (FOIA, EIR, FOISA, EISR, SAR), counted as the law says."""
    from foiclock.calendar.config import use_config_file

    _group_lang.set(lang)  # `foiclock --lang cy due ...`: the command's own --lang comes first

    use_config_file(config)  # None too: a run in the same process must not keep the last one
    # tables built earlier in this process (a library call)
    if "foiclock.calendar.working_days" in sys.modules:
        from foiclock.calendar.working_days import refresh_holiday_data

        refresh_holiday_data()
    context.call_on_close(_forget_run_data)


def _forget_run_data() -> None:
    """After a run, leave nothing of its config file or stored update behind for a later run or
    library call in the same process (tests, notebooks); a real run's process just ends."""
    from foiclock.calendar.config import use_config_file

    use_config_file(None)
    if "foiclock.calendar.working_days" in sys.modules:
        from foiclock.calendar.working_days import forget_calendars

        forget_calendars()


ReceivedArgument = Annotated[
    str | None,
    typer.Argument(
        help="Date of receipt: 2025-08-19, 19/08/2025, 19 Aug 2025, today. Optional with --case."
    ),
]
CaseRegimeOption = Annotated[
    str | None,
    typer.Option("--regime", "-r", help="foia, eir, foisa, eisr or sar (default: foia)."),
]
ReceiptRuleOption = Annotated[
    str | None,
    typer.Option(
        "--receipt-rule",
        help="date-of-receipt (C-RECEIPT, the default) or next-working-day (C-RECEIPT-ALT).",
    ),
]
ClarificationRequestedOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        help="The body asked for clarification (*-CLAR: the count restarts when it arrives; "
        "SAR-STOP: the clock stops).",
    ),
]
ClarificationReceivedOption = Annotated[
    str | None, typer.Option(metavar="DATE", help="The clarification arrived.")
]
FeesNoticeOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="A fees notice was given (*-FEES: the clock pauses)."),
]
FeePaidOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="The fee arrived (SAR: moves the start, SAR-START)."),
]
ExtendOption = Annotated[
    bool | None,
    typer.Option(
        "--extend/--no-extend",
        help="Extend: FOIA-PIT (20 more working days), EIR-EXT/EISR-EXT (40th working "
        "day), SAR-EXT (three months). --no-extend overrides a case file.",
        show_default=False,
    ),
]
BodyOption = Annotated[
    str | None,
    typer.Option(
        help="Bodies with their own limit: school, academy, archive, armed-forces, abroad "
        "(FOIA); keeper (FOISA-KEEPER)."
    ),
]
SchoolClosedOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="FROM:TO", help="Days the school was closed, a date or FROM:TO (repeatable)."
    ),
]
SchoolClosedFileOption = Annotated[
    str | None,
    typer.Option(metavar="FILE", help="School closures, one date or FROM:TO a line."),
]
IdReceivedOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="SAR: identity information arrived (SAR-START)."),
]
CaseFileOption = Annotated[
    str | None,
    typer.Option(
        metavar="FILE",
        help="A case kept as a .toml or .json file; options given here override its keys.",
    ),
]
RespondedOption = Annotated[
    str | None, typer.Option(metavar="DATE", help="The response was issued.")
]
ReviewRequestedOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        help="The internal review request (EIR/EISR representations, FOISA requirement for "
        "review) was received.",
    ),
]
ReviewRespondedOption = Annotated[
    str | None, typer.Option(metavar="DATE", help="The review outcome was issued.")
]
DecisionNoticeOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="The Commissioner's decision notice was sent."),
]
ComplaintReceivedOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        help="SAR: the controller received your complaint (SAR-CTRL, from 19 June 2026).",
    ),
]
ComplaintRespondedOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="SAR: the controller answered the complaint."),
]
RespondedPostedOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        help="FOISA, EISR: the response was posted; the requester is presumed to receive it on "
        "the third day after (C-POST-SCOT).",
    ),
]
RespondedReceivedOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        help="The posted response actually arrived, later than presumed (C-POST-SCOT).",
    ),
]
ReviewRespondedPostedOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        help="FOISA, EISR: the review outcome was posted; presumed received on the third day "
        "after (C-POST-SCOT).",
    ),
]
ReviewRespondedReceivedOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        help="The posted review outcome actually arrived, later than presumed (C-POST-SCOT).",
    ),
]
StatementOfReasonsOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        help="FOISA, EISR: a later statement of the Commissioner's reasons was intimated "
        "(FOISA-COURT counts from it).",
    ),
]
ReviewByOtherAuthorityOption = Annotated[
    bool | None,
    typer.Option(
        "--review-by-other-authority/--no-review-by-other-authority",
        help="FOISA, --body keeper: a different authority is, by virtue of s22(4), to review "
        "(FOISA-RR-RESP: 30th working day).",
        show_default=False,
    ),
]
CaseIdOption = Annotated[
    str | None,
    typer.Option(metavar="TEXT", help="Your reference for the case (also makes iCalendar UIDs)."),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE", help="The day to judge open, closed and overdue on (default: today)."
    ),
]


#: Command parameters whose case key has another name.
_CASE_KEY_OF_PARAMETER = {"extend": "extended"}


def _case_from_options(parameters: dict[str, Any]) -> "Case":
    """A checked Case from a command's parameters (its `locals()` on entry): those named like a
    case key (CASE_KEYS) are the case's options, over the keys of the case file in `case`.
    `school_closed` and `school_closed_file` give the closures."""
    from foiclock.clock.case import CASE_KEYS, case_from_mapping, parse_day_range, read_day_ranges

    # "today" in a date option is the day the case is judged on (--today), when there is one.
    today = _today(parameters["today"]) if parameters.get("today") is not None else None
    options: dict[str, object] = {}
    for name, value in parameters.items():
        key = _CASE_KEY_OF_PARAMETER.get(name, name)
        if key in CASE_KEYS and key != "school_closed" and value is not None:
            options[key] = value
    closures = [
        parse_day_range(text, today=today) for text in parameters.get("school_closed") or ()
    ]
    if parameters.get("school_closed_file") is not None:
        closures.extend(read_day_ranges(parameters["school_closed_file"], today=today))
    if closures:
        options["school_closed"] = tuple(closures)
    file_values: dict[str, Any] = {}
    if parameters.get("case") is not None:
        from foiclock.clock.case_file import read_case_mapping

        file_values = read_case_mapping(parameters["case"])
    elif parameters.get("received") is None:
        raise UsageError("Missing argument 'RECEIVED' (or give --case FILE)")
    for name in ("regime", "nation"):  # an option, then the case file, then the settings
        if name not in options and file_values.get(name) is None:
            value = _setting(name)
            if value is not None:
                options[name] = value
    return case_from_mapping({**file_values, **options}, today=today)


def _today(text: str | None) -> "date":
    from datetime import date

    from foiclock.base.dates import parse_date

    return parse_date(text, "today") if text is not None else date.today()


@app.command()
@reports_bad_input
def due(
    received: ReceivedArgument = None,
    regime: CaseRegimeOption = None,
    nation: NationOption = None,
    receipt_rule: ReceiptRuleOption = None,
    clarification_requested: ClarificationRequestedOption = None,
    clarification_received: ClarificationReceivedOption = None,
    fees_notice: FeesNoticeOption = None,
    fee_paid: FeePaidOption = None,
    extend: ExtendOption = None,
    body: BodyOption = None,
    school_closed: SchoolClosedOption = None,
    school_closed_file: SchoolClosedFileOption = None,
    id_received: IdReceivedOption = None,
    responded: RespondedOption = None,
    case: CaseFileOption = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show every day counted and skipped, and why.")
    ] = False,
    as_json: JsonOption = None,
    lang: LangOption = None,
) -> None:
    """Response deadline for a request received on RECEIVED.

    The case's events (clarification, fees, extension, body, SAR identity) move it as the law
    says; --explain shows each event's effect day by day.
    """
    from foiclock.clock.deadline import case_deadline
    from foiclock.clock.newer_data import deadline_moved_by

    request = _case_from_options(locals())
    deadline = case_deadline(request)
    moved = deadline_moved_by(deadline)
    extra, lines = _moved_output(moved)
    _emit(deadline, as_json=as_json, explain=explain, extra=extra, extra_lines=lines)


def _moved_output(
    moved: "MovedBy | None",
) -> "tuple[dict[str, Any], Callable[[], list[str]]]":
    """The `moved_by` JSON key, and what renders the text lines for dates that newer holiday
    data moved."""
    if moved is None:
        return {"moved_by": None}, list
    from foiclock.present.serialise import moved_by_json
    from foiclock.present.sources import moved_by_lines

    return {"moved_by": moved_by_json(moved)}, lambda: moved_by_lines(moved)


TIMELINE_FORMATS = ("table", "json", "csv", "ics", "md")
_FORMAT_BY_SUFFIX = {".json": "json", ".csv": "csv", ".ics": "ics", ".md": "md"}


@app.command()
@reports_bad_input
def timeline(
    received: ReceivedArgument = None,
    regime: CaseRegimeOption = None,
    nation: NationOption = None,
    receipt_rule: ReceiptRuleOption = None,
    clarification_requested: ClarificationRequestedOption = None,
    clarification_received: ClarificationReceivedOption = None,
    fees_notice: FeesNoticeOption = None,
    fee_paid: FeePaidOption = None,
    extend: ExtendOption = None,
    body: BodyOption = None,
    school_closed: SchoolClosedOption = None,
    school_closed_file: SchoolClosedFileOption = None,
    id_received: IdReceivedOption = None,
    responded: RespondedOption = None,
    review_requested: ReviewRequestedOption = None,
    review_responded: ReviewRespondedOption = None,
    decision_notice: DecisionNoticeOption = None,
    complaint_received: ComplaintReceivedOption = None,
    complaint_responded: ComplaintRespondedOption = None,
    responded_posted: RespondedPostedOption = None,
    responded_received: RespondedReceivedOption = None,
    review_responded_posted: ReviewRespondedPostedOption = None,
    review_responded_received: ReviewRespondedReceivedOption = None,
    statement_of_reasons: StatementOfReasonsOption = None,
    review_by_other_authority: ReviewByOtherAuthorityOption = None,
    case: CaseFileOption = None,
    case_id: CaseIdOption = None,
    today: TodayOption = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, csv, ics or md (default: from the -o file's suffix, else table).",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically)."),
    ] = None,
    remind_days: Annotated[
        int, typer.Option(min=0, max=60, help="iCalendar: remind this many days before, at 09:00.")
    ] = 2,
    as_json: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
    lang: LangOption = None,
) -> None:
    """Every milestone of a case, in date order: the response, the internal review, the
    Commissioner and the Tribunal or Court, each with its rule and its state on --today.

    A milestone whose date depends on one not given says what it waits for.
    """
    from foiclock.calendar.config import load_config
    from foiclock.clock.newer_data import timeline_moved_by
    from foiclock.clock.timeline import case_timeline

    request = _case_from_options(locals())
    chosen = "json" if as_json else _timeline_format(output_format, output)
    result = case_timeline(request, _today(today)).with_office_closed(load_config().office_closed)
    moved = timeline_moved_by(result)
    if chosen == "ics":
        from foiclock.present.ics import timeline_ics

        data = timeline_ics(result, remind_days=remind_days, languages=_run_languages.get())
    elif chosen in ("json", "csv"):  # machine formats: English
        data = (_render_timeline(result, chosen, moved) + "\n").encode("utf-8")
    else:
        text = _in_languages(lambda: _render_timeline(result, chosen, moved))
        data = (text + "\n").encode("utf-8")
    _write(data, output)
    if moved is not None and chosen not in ("table", "json"):
        from foiclock.present.sources import moved_by_lines

        _echo_note(lambda: "\n".join(line.strip() for line in moved_by_lines(moved)))
    _warn_provisional(result.provisional, result.holidays_checked)


def _timeline_format(chosen: str | None, output: str | None) -> str:
    if chosen is None:
        from pathlib import PurePath

        suffix = PurePath(output).suffix.lower() if output is not None else ""
        if suffix in _FORMAT_BY_SUFFIX:
            return _FORMAT_BY_SUFFIX[suffix]
        return "json" if _setting("format") == "json" else "table"
    cleaned = chosen.strip().lower()
    if cleaned not in TIMELINE_FORMATS:
        raise InvalidInput("format", chosen, N_("is not a format"), ", ".join(TIMELINE_FORMATS))
    return cleaned


def _render_timeline(result: "Timeline", chosen: str, moved: "MovedBy | None") -> str:
    if chosen == "json":
        import json

        from foiclock.present.serialise import moved_by_json, timeline_json

        payload = {**timeline_json(result), "moved_by": moved_by_json(moved)}
        return json.dumps(payload, indent=2, ensure_ascii=False)
    from foiclock.present import timeline as timeline_render

    if chosen == "table" and moved is not None:
        from foiclock.present.sources import moved_by_lines

        return "\n".join([timeline_render.timeline_table(result), *moved_by_lines(moved)])
    render = {
        "table": timeline_render.timeline_table,
        "csv": timeline_render.timeline_csv,
        "md": timeline_render.timeline_markdown,
    }[chosen]
    return render(result)


def _write(data: bytes, output: str | None) -> None:
    """To stdout, or atomically to the file `output`."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from foiclock.base.output import write_atomically

    write_atomically(output, data)
    _echo_wrote(output)


def _echo_wrote(output: str) -> None:
    from foiclock.base.i18n import _

    _echo_note(lambda: _("wrote {file}").format(file=output))


@app.command()
@reports_bad_input
def status(
    received: ReceivedArgument = None,
    regime: CaseRegimeOption = None,
    nation: NationOption = None,
    receipt_rule: ReceiptRuleOption = None,
    clarification_requested: ClarificationRequestedOption = None,
    clarification_received: ClarificationReceivedOption = None,
    fees_notice: FeesNoticeOption = None,
    fee_paid: FeePaidOption = None,
    extend: ExtendOption = None,
    body: BodyOption = None,
    school_closed: SchoolClosedOption = None,
    school_closed_file: SchoolClosedFileOption = None,
    id_received: IdReceivedOption = None,
    responded: RespondedOption = None,
    case: CaseFileOption = None,
    today: TodayOption = None,
    as_json: JsonOption = None,
    lang: LangOption = None,
) -> None:
    """Where a case stands on --today: working days elapsed, days left or days overdue, or
    whether the response came in time. Exits 1 when it is overdue or was answered late."""
    from foiclock.clock.status import NEEDS_ATTENTION, case_status

    request = _case_from_options(locals())
    result = case_status(request, _today(today))
    if _wants_json(as_json):
        import json

        from foiclock.present.serialise import status_json

        typer.echo(json.dumps(status_json(result), indent=2, ensure_ascii=False))
    else:
        from foiclock.present.render import status_text

        _echo_text(lambda: status_text(result))
    _warn_provisional(result.provisional, result.holidays_checked)
    if result.state in NEEDS_ATTENTION:
        raise typer.Exit(1)


@app.command()
@reports_bad_input
def appeal(
    responded: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="The response was issued (received by you)."),
    ] = None,
    review_requested: ReviewRequestedOption = None,
    review_responded: ReviewRespondedOption = None,
    decision_notice: DecisionNoticeOption = None,
    complaint_received: ComplaintReceivedOption = None,
    complaint_responded: ComplaintRespondedOption = None,
    responded_posted: RespondedPostedOption = None,
    responded_received: RespondedReceivedOption = None,
    review_responded_posted: ReviewRespondedPostedOption = None,
    review_responded_received: ReviewRespondedReceivedOption = None,
    statement_of_reasons: StatementOfReasonsOption = None,
    regime: RegimeOption = None,
    received: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="When your request was received (FOISA's statutory review date and EIR's "
            "deadline count from its deadline).",
        ),
    ] = None,
    extend: ExtendOption = None,
    nation: NationOption = None,
    today: TodayOption = None,
    as_json: JsonOption = None,
    lang: LangOption = None,
) -> None:
    """The requester's view: which review and appeal windows are open on --today, how many
    working or calendar days are left in each, and which have closed and when.

    With no response yet, give --received: under the EIR, FOISA and EISRs the review window
    then counts from the response deadline; under FOIA it does so as guidance only."""
    from foiclock.base.dates import parse_date
    from foiclock.clock.timeline import timeline_from_events

    def optional(text: str | None, field: str) -> "date | None":
        return parse_date(text, field) if text is not None else None

    if responded is None and received is None:
        raise InvalidInput(
            "appeal",
            None,
            N_("needs the date of the response, or of the request when no response came"),
            N_("--responded DATE, --received DATE or both"),
        )
    result = timeline_from_events(
        optional(received, "received"),
        _setting("regime", regime) or "foia",
        responded=optional(responded, "responded"),
        review_requested=optional(review_requested, "review_requested"),
        review_responded=optional(review_responded, "review_responded"),
        decision_notice=optional(decision_notice, "decision_notice"),
        nation=_setting("nation", nation),
        today=_today(today),
        complaint_received=optional(complaint_received, "complaint_received"),
        complaint_responded=optional(complaint_responded, "complaint_responded"),
        responded_posted=optional(responded_posted, "responded_posted"),
        responded_received=optional(responded_received, "responded_received"),
        review_responded_posted=optional(review_responded_posted, "review_responded_posted"),
        review_responded_received=optional(review_responded_received, "review_responded_received"),
        statement_of_reasons=optional(statement_of_reasons, "statement_of_reasons"),
        extended=bool(extend),
    )
    if _wants_json(as_json):
        import json

        from foiclock.present.serialise import appeal_json

        typer.echo(json.dumps(appeal_json(result), indent=2, ensure_ascii=False))
    else:
        from foiclock.present.timeline import appeal_text

        _echo_text(lambda: appeal_text(result))
    _warn_provisional(result.provisional, result.holidays_checked)


@app.command()
@reports_bad_input
def letter(
    responded: Annotated[
        str | None, typer.Option(metavar="DATE", help="The date of the response letter.")
    ] = None,
    review_responded: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="The date of a review outcome letter instead."),
    ] = None,
    regime: RegimeOption = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text (one line a paragraph) or md.")
    ] = "text",
    lang: LangOption = None,
) -> None:
    """The "next steps" paragraphs of a response letter (or, with --review-responded, of a
    review outcome letter), with the dates filled in, ready to paste.

    How each date was counted goes to stderr.
    """
    from foiclock.base.dates import parse_date
    from foiclock.present.letters import RESPONSE, REVIEW, letter_date_notes, next_steps

    if (responded is None) == (review_responded is None):
        raise InvalidInput(
            "letter",
            None,
            N_("needs the date of the letter"),
            N_(
                "--responded DATE (a response letter) or --review-responded DATE (a review outcome)"
            ),
        )
    chosen = output_format.strip().lower()
    if chosen not in ("text", "md"):
        raise InvalidInput("format", output_format, N_("is not a letter format"), "text, md")
    regime = _setting("regime", regime) or "foia"
    if responded is not None:
        result = next_steps(regime, RESPONSE, parse_date(responded, "responded"))
    else:
        assert review_responded is not None
        result = next_steps(regime, REVIEW, parse_date(review_responded, "review_responded"))
    _echo_text(lambda: result.markdown if chosen == "md" else result.text)
    _echo_note(lambda: "\n".join(letter_date_notes(result)))
    _warn_provisional(result.provisional, result.holidays_checked)


@app.command("calendar")
@reports_bad_input
def calendar_command(
    received: ReceivedArgument = None,
    regime: CaseRegimeOption = None,
    nation: NationOption = None,
    receipt_rule: ReceiptRuleOption = None,
    clarification_requested: ClarificationRequestedOption = None,
    clarification_received: ClarificationReceivedOption = None,
    fees_notice: FeesNoticeOption = None,
    fee_paid: FeePaidOption = None,
    extend: ExtendOption = None,
    body: BodyOption = None,
    school_closed: SchoolClosedOption = None,
    school_closed_file: SchoolClosedFileOption = None,
    id_received: IdReceivedOption = None,
    case: CaseFileOption = None,
    lang: LangOption = None,
) -> None:
    """The count as month grids: working days numbered, skipped days marked with their reason,
    paused days marked, the deadline in brackets, to check a count by eye.

    Colour only on a terminal (and never with NO_COLOR); the marks alone carry the meaning.
    """
    from foiclock.calendar.config import load_config
    from foiclock.clock.deadline import case_deadline
    from foiclock.present.month_grid import month_grid

    request = _case_from_options(locals())
    deadline = case_deadline(request)
    office_closed = load_config().office_closed
    if sys.stdout.isatty():
        from foiclock.base.languages import using_language
        from foiclock.present.month_grid import print_in_colour

        for index, language in enumerate(_run_languages.get()):
            if index:
                typer.echo()
            with using_language(language):
                print_in_colour(month_grid(deadline, office_closed))
    else:
        _echo_text(lambda: month_grid(deadline, office_closed).text)
    _warn_provisional(deadline.provisional, deadline.holidays_checked)


@app.command(context_settings={"ignore_unknown_options": True})  # N may be negative: -20
@reports_bad_input
def add(
    start: Annotated[str, typer.Argument(help="The date to count from (it never counts).")],
    n: Annotated[
        str,
        typer.Argument(
            help="How many working days: after START, or before it if negative (0 is START)."
        ),
    ],
    regime: RegimeOption = None,
    as_json: JsonOption = None,
    lang: LangOption = None,
) -> None:
    """The Nth working day after START, or before it for a negative N (C-WD)."""
    from foiclock.base.dates import parse_date
    from foiclock.calendar.working_days import nth_working_day

    chosen = _setting("regime", regime) or "foia"
    result = nth_working_day(parse_date(start, "start"), _parse_count(n), chosen)
    _emit(result, as_json=as_json)


def _parse_count(text: str) -> int:
    """A signed whole number, ASCII digits only; its size is the calendar's to judge."""
    if not re.fullmatch(r"-?[0-9]{1,18}", text.strip()):
        accepted = N_("a whole number of working days (negative to count back)")
        if re.fullmatch(r"-?[0-9]+", text.strip()):
            raise InvalidInput("n", text, N_("runs past the years foiclock supports"), accepted)
        raise InvalidInput("n", text, N_("is not a whole number"), accepted)
    return int(text)


@app.command()
@reports_bad_input
def count(
    start: Annotated[str, typer.Argument(help="The day after which counting starts.")],
    end: Annotated[str, typer.Argument(help="The last day counted.")],
    regime: RegimeOption = None,
    as_json: JsonOption = None,
    lang: LangOption = None,
) -> None:
    """Working days after START up to and including END.

    Negative when END is before START.
    """
    from foiclock.base.dates import parse_date
    from foiclock.calendar.working_days import count_working_days

    chosen = _setting("regime", regime) or "foia"
    result = count_working_days(parse_date(start, "start"), parse_date(end, "end"), chosen)
    _emit(result, as_json=as_json)


@app.command()
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


@app.command("update-holidays")
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


config_app = typer.Typer(
    name="config",
    help="The settings in use and where each came from.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(config_app)


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


def _parse_year(text: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", text.strip()):
        raise InvalidInput(
            "year", text, N_("is not a four-digit year"), N_("a year from 2000 to 2100")
        )
    return int(text)


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM


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


@app.command()
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
    lang: LangOption = None,
) -> None:
    """Add deadlines and statuses to every row of a case export.

    Every row is written in order with its cells untouched, then due, extended_due,
    working_days_elapsed, status, working_days_late, review_request_by, rule, provisional and
    error. A bad row is kept with status error; a summary goes to stderr. Exit 1 when any row
    failed (unless --allow-errors); 130 on Ctrl-C and 143 on SIGTERM, with the -o file left as
    it was, or already written in full if the interrupt came after that: the message says which.
    """
    from foiclock.base.output import file_identity
    from foiclock.batch.files import BatchOptions, run_batch
    from foiclock.present.render import batch_summary_lines

    options = BatchOptions(
        today=_today(today),
        regime=_setting("regime", regime) or "foia",
        received_column=received_column,
        delimiter="\t" if delimiter in ("tab", "\\t") else delimiter,
        sanitize=not no_sanitize,
        source_name="INPUT" if input_path == "-" else input_path,
    )
    if output == "-":
        output = None  # standard output
    before = file_identity(output) if output is not None else None
    try:
        with _stops_on_sigterm():
            with _progress_bar() as progress:
                summary = run_batch(
                    input_path,
                    output,
                    options,
                    input_format=input_format,
                    encoding=encoding,
                    progress=progress,
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


def main() -> None:
    """Run the command line (the console script and `python -m foiclock` come here through
    `foiclock.__main__.main`, which turns a Ctrl-C during the imports into exit 130). Standard
    output is flushed before the exit, so that a full disk is reported as one line, exit 1,
    not as a traceback at the interpreter's exit; a reader that has gone (a closed pipe) is
    not reported, exit 1, as typer does."""
    arguments = sys.argv[1:]
    _register_only(_command_name(arguments))
    try:
        try:
            if not arguments or "--help" in arguments:
                _help_in_language(arguments)
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


def _help_in_language(arguments: list[str]) -> None:
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
    """The command named in `arguments`, past a leading `--config FILE` ([] if none)."""
    while arguments:
        if arguments[0] == "--config":
            arguments = arguments[2:]
        elif arguments[0].startswith("--config="):
            arguments = arguments[1:]
        else:
            break
    return arguments[:1]


def _register_only(first_argument: list[str]) -> None:
    """typer builds the click parameters of every registered command on each run (about 1 ms a
    command); a run that names its command needs only that one. `--help` and unknown names
    keep them all, so the help and the "no such command" error still list every command."""
    if not first_argument:
        return
    chosen = [
        info
        for info in app.registered_commands
        if (info.name or getattr(info.callback, "__name__", "")) == first_argument[0]
    ]
    if chosen:
        app.registered_commands = chosen
