"""What every `foiclock` command shares: the options the commands have in common, the output
helpers (`_emit`, `_echo_text`, `_echo_note`, `_warn_provisional`, ...), the reading of a case
from the options (`_case_from_options`), the group class that turns usage errors into one line,
and the group's own options (`main_options`). The command modules import from here; the package
(`foiclock.cli`) puts the command together from them and runs it.
"""

# No `from __future__ import annotations` here: typer reads the parameter annotations at every
# run, and string annotations would be compiled and evaluated each time (~10 ms of start-up).
import functools
import sys
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

# typer 0.28 vendors click; its usage exceptions are not re-exported by typer itself.
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from foiclock._version import __version__
from foiclock.base.errors import InvalidInput

if TYPE_CHECKING:
    from datetime import date

    from foiclock.calendar.working_days import HolidayListing, WorkingDayAfter, WorkingDayCount
    from foiclock.clock.case import Case
    from foiclock.clock.deadline import Deadline

    Result = Deadline | WorkingDayAfter | WorkingDayCount | HolidayListing

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM

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
  foiclock serve                          the page and the JSON API on 127.0.0.1:8000

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


def _echo_wrote(output: str) -> None:
    from foiclock.base.i18n import _

    _echo_note(lambda: _("wrote {file}").format(file=output))
