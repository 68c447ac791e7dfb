"""The commands that follow a case past its deadline: `timeline` (every milestone, in five
formats), `status` (where the case stands today), `appeal` (the requester's open review and
appeal windows) and `letter` (the next-steps paragraphs of a letter). Each parses its options,
calls the library and prints."""

# No `from __future__ import annotations`: typer reads the parameter annotations at every run.
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import N_
from foiclock.cli.common import (
    BodyOption,
    CaseFileOption,
    CaseIdOption,
    CaseRegimeOption,
    ClarificationReceivedOption,
    ClarificationRequestedOption,
    ComplaintReceivedOption,
    ComplaintRespondedOption,
    DecisionNoticeOption,
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
    RespondedPostedOption,
    RespondedReceivedOption,
    ReviewByOtherAuthorityOption,
    ReviewRequestedOption,
    ReviewRespondedOption,
    ReviewRespondedPostedOption,
    ReviewRespondedReceivedOption,
    SchoolClosedFileOption,
    SchoolClosedOption,
    StatementOfReasonsOption,
    TodayOption,
    _case_from_options,
    _echo_note,
    _echo_text,
    _echo_wrote,
    _in_languages,
    _run_languages,
    _setting,
    _today,
    _wants_json,
    _warn_provisional,
    reports_bad_input,
)

if TYPE_CHECKING:
    from datetime import date

    from foiclock.clock.newer_data import MovedBy
    from foiclock.clock.timeline import Timeline

#: This module's commands; foiclock.cli takes the ones a run needs.
commands = typer.Typer()

TIMELINE_FORMATS = ("table", "json", "csv", "ics", "md")
_FORMAT_BY_SUFFIX = {".json": "json", ".csv": "csv", ".ics": "ics", ".md": "md"}


@commands.command("timeline")
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


@commands.command("status")
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


@commands.command("appeal")
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

    on = _today(today)

    def optional(text: str | None, field: str) -> "date | None":
        # "today" in a date option is the day the windows are judged on (--today)
        return parse_date(text, field, today=on) if text is not None else None

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
        today=on,
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


@commands.command("letter")
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
