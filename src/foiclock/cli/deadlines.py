"""The commands that count one case's days: `due` (the response deadline), `calendar` (the
count as month grids), `add` (the Nth working day after a date) and `count` (working days
between two dates). Each parses its options, calls the library and prints."""

# No `from __future__ import annotations`: typer reads the parameter annotations at every run.
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import N_
from foiclock.cli.common import (
    BodyOption,
    CaseFileOption,
    CaseRegimeOption,
    ClarificationReceivedOption,
    ClarificationRequestedOption,
    ExtendOption,
    FeePaidOption,
    FeesNoticeOption,
    IdReceivedOption,
    JsonOption,
    LangOption,
    NationOption,
    ReceiptRuleOption,
    ReceivedArgument,
    RegimeOption,
    RespondedOption,
    SchoolClosedFileOption,
    SchoolClosedOption,
    _case_from_options,
    _echo_text,
    _emit,
    _run_languages,
    _setting,
    _warn_provisional,
    reports_bad_input,
)

if TYPE_CHECKING:
    from foiclock.clock.newer_data import MovedBy

#: This module's commands; foiclock.cli takes the ones a run needs.
commands = typer.Typer()


@commands.command("due")
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
    from foiclock.calendar.calendars import has_newer_days_from
    from foiclock.clock.deadline import case_deadline

    request = _case_from_options(locals())
    deadline = case_deadline(request)
    moved = None
    if has_newer_days_from(deadline.received):  # else no newer day can have moved it
        from foiclock.clock.newer_data import deadline_moved_by

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


@commands.command("calendar")
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


# N may be negative: -20
@commands.command("add", context_settings={"ignore_unknown_options": True})
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


@commands.command("count")
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
