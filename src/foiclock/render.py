"""Engine results as text for people: UK-style dates, rule ids cited, nothing recomputed except
looking up names. Every function returns a string; the CLI decides where it goes."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING, Final

from foiclock.calendar import Holiday
from foiclock.dates import format_long, format_short
from foiclock.deadline import (
    AWAITING_CLARIFICATION,
    AWAITING_FEE,
    FEE_NOT_PAID,
    Deadline,
)
from foiclock.divisions import DIVISION_NAME, division_names
from foiclock.engine import HolidayListing, WorkingDayAfter, WorkingDayCount
from foiclock.regimes import RECEIPT_RULES, CalendarRule, get_regime
from foiclock.steps import Step

if TYPE_CHECKING:
    from datetime import date

    from foiclock.batch_files import BatchSummary
    from foiclock.case import LeftOut
    from foiclock.status import CaseStatus

BEST_READING = "best reading"
WIDTH = 80
_NBSP = "\u00a0"
#: A date as format_long or format_short writes it, a statutory instrument's number, or the
#: "[best reading]" mark, kept on one line when text is folded.
_DATE_IN_TEXT = re.compile(
    r"\b[A-Z][a-z]+ +\d{1,2} [A-Z][a-z]+ \d{4}\b|\bSI \d{4}/\d+|\[best reading\]"
)


def status_note(status: str) -> str:
    """rules.md: wherever a best reading is applied, the output says so."""
    return f" [{BEST_READING}]" if status == BEST_READING else ""


def holidays_text(holidays: tuple[Holiday, ...]) -> str:
    return "; ".join(f"{h.name} ({division_names(h.divisions)})" for h in holidays)


def calendar_line(calendar: CalendarRule) -> str:
    return (
        f"Working days: {calendar.description} "
        f"({calendar.rule}, {calendar.source}){status_note(calendar.status)}"
    )


def wrap_lines(lines: list[str]) -> str:
    """Fold lines longer than WIDTH under their own indent plus two, for an 80-column terminal."""
    folded = []
    for line in lines:
        if len(line) <= WIDTH:
            folded.append(line)
            continue
        indent = " " * (len(line) - len(line.lstrip()) + 2)
        unbreakable = _DATE_IN_TEXT.sub(lambda m: m.group(0).replace(" ", _NBSP), line)
        filled = textwrap.fill(
            unbreakable,
            WIDTH,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        folded.append(filled.replace(_NBSP, " "))
    return "\n".join(folded)


def due_text(deadline: Deadline, *, explain: bool = False) -> str:
    regime = get_regime(deadline.regime)
    lines = [_headline(deadline)]
    if deadline.extension is not None and deadline.extended_due is not None:
        lines.append(f"Extended due: {format_long(deadline.extended_due)}")
    lines += [
        f"  {regime.short_name}: {deadline.rule_description} "
        f"({deadline.rule}, {deadline.source}){status_note(deadline.status)}",
        f"  Received: {format_long(deadline.received)}",
    ]
    lines.extend(_event_lines(deadline))
    if deadline.months is not None:
        lines.append(
            f"  Working days: weekends, Christmas Day and the bank holidays of "
            f"{DIVISION_NAME[deadline.nation]}, the controller's own nation (WD-NATION, "
            f"--nation {deadline.nation}){status_note(BEST_READING)}"
        )
    else:
        lines.append(f"  {calendar_line(regime.calendar)}")
    if deadline.months is None and deadline.counting_from not in (None, _arrival(deadline)):
        lines.append(
            f"  Treated as received: {format_long(deadline.counting_from)} "
            f"({RECEIPT_RULES[deadline.receipt_rule]}, --receipt-rule {deadline.receipt_rule})"
        )
    lines.extend(_receipt_alternative_lines(deadline))
    lines.extend(_nation_lines(deadline, explain=explain))
    lines.extend(f"  Note: {note}" for note in deadline.notes)
    if deadline.provisional:
        lines.append(
            "  PROVISIONAL: the count reaches a year whose bank holidays are not yet announced; "
            "days are projected by rule"
        )
    if explain:
        lines.append("")
        lines.append("The count:")
        lines.extend(_step_line(step) for step in deadline.steps)
    return wrap_lines(lines)


def _arrival(deadline: Deadline) -> object:
    """The day the count was started from by the events (a restart moves it)."""
    clarification = deadline.clarification
    if clarification is not None and deadline.months is None:
        return clarification.received
    return deadline.received


def _headline(deadline: Deadline) -> str:
    if deadline.state == AWAITING_CLARIFICATION:
        return "Response due: not yet known: the clock is stopped, awaiting clarification"
    if deadline.state == AWAITING_FEE:
        return "Response due: not yet known: the clock is paused, awaiting the fee"
    if deadline.state == FEE_NOT_PAID:
        assert deadline.fees is not None
        return (
            f"Response due: none: the fee was not paid by {format_long(deadline.fees.pay_by)}, "
            "so the body need not comply"
        )
    assert deadline.due is not None
    if deadline.body is not None and deadline.body.apply_to_commissioner_by is not None:
        return (
            f"Response due: no later than {format_long(deadline.due)} "
            "(the Commissioner sets the day)"
        )
    return f"Response due: {format_long(deadline.due)}"


def _rule_text(rule: str, source: str, status: str) -> str:
    return f"({rule}, {source}){status_note(status)}"


def _event_lines(deadline: Deadline) -> list[str]:
    """One line for each event of the case, with its effect and its rule."""
    lines = []
    months = deadline.months
    if months is not None and months.relevant_event != "received":
        start = get_regime(deadline.regime).start_events
        assert start is not None
        what = "identity information" if months.relevant_event == "id_received" else "the fee"
        lines.append(
            f"  Relevant time: {format_long(months.relevant_time)}, when {what} arrived: the "
            f"latest of the start events {_rule_text(start.rule, start.source, start.status)}"
        )
    clarification = deadline.clarification
    if clarification is not None:
        rule = clarification.rule
        cited = _rule_text(rule.rule, rule.source, rule.status)
        asked = f"asked for {format_long(clarification.requested)}"
        if clarification.received is None and deadline.state != AWAITING_CLARIFICATION:
            effect = "after the response was due, so it stops nothing"
        elif clarification.received is None and rule.effect == "stop":
            effect = (
                "the clock is stopped; the end moves one day later for each day until it arrives"
            )
        elif clarification.received is None:
            effect = (
                "when it arrives it becomes the date of receipt and the count restarts from zero"
            )
        elif rule.effect == "stop":
            stopped = clarification.stopped_days or 0
            effect = (
                f"received {format_long(clarification.received)}: "
                f"{plural(stopped, 'day')} stopped, so the end moves {plural(stopped, 'day')} "
                "later"
            )
        else:
            effect = (
                f"received {format_long(clarification.received)}, the new date of receipt: "
                "the count restarted from zero"
            )
        lines.append(f"  Clarification: {asked}; {effect} {cited}")
    fees = deadline.fees
    if fees is not None:
        pause = fees.rule.pause
        cited = _rule_text(pause.rule, pause.source, pause.status)
        notice = f"given {format_long(fees.notice)}"
        if fees.after_due:
            effect = "after the count had ended, so it moves nothing"
        elif fees.paid is None:
            effect = (
                f"the clock is paused with {plural(fees.counted_before_notice, 'working day')} "
                "counted; the count goes on from the day after the fee arrives"
            )
        elif fees.lapsed:
            effect = f"fee received {format_long(fees.paid)}, after the last day to pay"
        else:
            paused = fees.paused_working_days or 0
            effect = (
                f"fee received {format_long(fees.paid)}: "
                f"{plural(paused, 'working day')} left out of the count"
            )
        lines.append(f"  Fees notice: {notice}; {effect} {cited}")
        lines.append(
            f"  Last day to pay: {format_long(fees.pay_by)}: {fees.rule.pay_description} "
            f"({pause.rule}){status_note(fees.rule.pay_status)}"
        )
    extension = deadline.extension
    if extension is not None:
        rule_ext = extension.rule
        lines.append(
            f"  Extension: {rule_ext.description} "
            f"{_rule_text(rule_ext.rule, rule_ext.source, rule_ext.status)}"
        )
    body = deadline.body
    if body is not None:
        lines.extend(_body_lines(deadline))
    return lines


def _body_lines(deadline: Deadline) -> list[str]:
    body = deadline.body
    assert body is not None
    rule = body.rule
    lines = [f"  Body: {rule.name} ({rule.rule}, --body {rule.key})"]
    if body.school_day_due is not None and body.working_day_due is not None:
        lines.append(
            f"  20th school day: {format_long(body.school_day_due)}; 60th working day: "
            f"{format_long(body.working_day_due)}"
        )
        closed = body.school_closed
        if closed:
            spans = ", ".join(
                format_short(r.first)
                if r.first == r.last
                else f"{format_short(r.first)} to {format_short(r.last)}"
                for r in closed
            )
            lines.append(f"  School closed: {spans}")
    if body.apply_to_commissioner_by is not None:
        lines.append(
            f"  Apply to the Commissioner by: {format_long(body.apply_to_commissioner_by)} "
            f"(the {_ordinal(rule.apply_within or 0)} working day; {rule.rule})"
        )
    return lines


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _receipt_alternative_lines(deadline: Deadline) -> list[str]:
    alternative = deadline.alternative
    if alternative is None or alternative.due is None or alternative.counting_from is None:
        return []
    rule_id = RECEIPT_RULES[alternative.receipt_rule]
    if alternative.receipt_rule == "next-working-day":
        reading = (
            "some bodies treat the next working day, "
            f"{format_long(alternative.counting_from)}, as the date of receipt"
        )
    else:
        reading = "the default keeps the day it arrived as the date of receipt"
    return [
        f"  Received on a non-working day: {reading} ({rule_id}, --receipt-rule "
        f"{alternative.receipt_rule}); that reading gives {format_long(alternative.due)}"
    ]


def _nation_lines(deadline: Deadline, *, explain: bool) -> list[str]:
    """Where the body's own nation's calendar would count differently (rules.md section 2)."""
    nation_due = deadline.nation_due
    if nation_due is None:
        return []
    nation = DIVISION_NAME[deadline.nation]
    same = nation_due == deadline.due
    outcome = "gives the same date" if same else f"alone would give {format_long(nation_due)}"
    if not explain:
        return [] if same else [f"  Note: {nation}'s own calendar {outcome}; see --explain"]
    if not deadline.nation_differences:
        return [f"  {nation}'s own calendar {outcome} (--nation {deadline.nation})"]
    calendar = get_regime(deadline.regime).calendar
    lines = [
        f"  {nation}'s own calendar {outcome} (--nation {deadline.nation}), but the count "
        f"follows {calendar.rule} ({calendar.source}), which differs on these days:"
    ]
    for difference in deadline.nation_differences:
        if difference.non_working_under == "statute":
            effect = f"skipped under {calendar.rule}, though a working day in {nation}"
        else:
            effect = f"a working day under {calendar.rule}, though not in {nation}"
        lines.append(
            f"    {format_short(difference.day)}  {holidays_text(difference.holidays)}: {effect}"
        )
    return lines


_STEP_LABELS = {
    "treated_as_received": "treated as received",
    "relevant_time": "start",
    "corresponding_date": "month",
}


def _step_line(step: Step) -> str:
    if step.working_day is not None and step.kind == "counted_before_restart":
        label = f"(day {step.working_day})"
    elif step.working_day is not None:
        label = f"day {step.working_day}"
    else:
        label = _STEP_LABELS.get(step.kind, step.kind)
    reason = step.reason
    if step.holidays:
        holiday_names = holidays_text(step.holidays)
        reason = f"{reason}; {holiday_names}" if step.kind == "received" else holiday_names
        if step.day.weekday() >= 5:
            reason = f"weekend; {holiday_names}"
    if step.working_day is not None and not reason:
        return f"  {label:<10} {format_short(step.day)}"
    return f"  {label:<10} {format_short(step.day)}  {reason} ({step.rule})"


def working_day_after_text(result: WorkingDayAfter) -> str:
    regime = get_regime(result.regime)
    lines = [
        format_long(result.day),
        f"  working day {result.n} after {format_long(result.start)} (C-WD; "
        f"{regime.short_name}, {regime.calendar.rule})",
    ]
    if result.provisional:
        lines.append("  PROVISIONAL: past the last year of announced bank holidays")
    return wrap_lines(lines)


def working_day_count_text(result: WorkingDayCount) -> str:
    regime = get_regime(result.regime)
    plural = "" if abs(result.working_days) == 1 else "s"
    lines = [
        f"{result.working_days} working day{plural}",
        f"  after {format_long(result.start)} up to and including {format_long(result.end)} "
        f"(C-WD; {regime.short_name}, {regime.calendar.rule})",
    ]
    if result.working_days < 0:
        lines.append("  negative: the end date is before the start date")
    if result.provisional:
        lines.append("  PROVISIONAL: past the last year of announced bank holidays")
    return wrap_lines(lines)


def day_range_text(first: date, last: date) -> str:
    """'Mon 29 Dec 2025' or 'Mon 29 Dec 2025 to Wed 31 Dec 2025'."""
    text = format_short(first)
    return text if last == first else f"{text} to {format_short(last)}"


#: What each holiday data layer is called beside a holiday (`holidays --source`).
SOURCE_NAME: Final = {
    "config": "config file",
    "update": "GOV.UK update",
    "snapshot": "GOV.UK snapshot",
    "package": "holidays package, by rule",
}


def holidays_listing_text(listing: HolidayListing, *, with_sources: bool = False) -> str:
    calendar = listing.calendar
    if listing.regime is None:
        subject = f"{division_names(calendar.divisions)} ({calendar.rule})"
    else:
        subject = f"{get_regime(listing.regime).short_name} ({calendar.rule}, {calendar.source})"
    years = ", ".join(str(year) for year in listing.years)
    lines = [f"Bank holidays for {subject}, {years}:"]
    for entry in listing.days:
        notes = []
        if entry.on_weekend:
            notes.append("falls on a weekend")
        if entry.provisional:
            notes.append("provisional")
        if with_sources:
            notes.append(f"from the {SOURCE_NAME[entry.source]}")
        suffix = f"  [{', '.join(notes)}]" if notes else ""
        lines.append(f"  {format_short(entry.day)}  {holidays_text(entry.holidays)}{suffix}")
    if not listing.days:
        lines.append("  (none)")
    return "\n".join(lines)  # one holiday a line, unfolded, so that grep finds it whole


def status_text(status: CaseStatus) -> str:
    """`foiclock status`: the headline for the state, then the count and the rule."""
    deadline = status.deadline
    case = deadline.case
    assert case is not None
    due = format_long(status.due) if status.due is not None else None
    months = deadline.months is not None
    if status.state == "open":
        left = (
            plural(status.calendar_days_left or 0, "day")
            if months
            else plural(status.working_days_left or 0, "working day")
        )
        headline = f"Open: {left} left; due {due}"
    elif status.state == "due_today":
        headline = f"Due today: {due}"
    elif status.state == "overdue":
        headline = f"Overdue by {_lateness(status)}: due {due}"
    elif status.state in ("answered_on_time", "answered_late") and case.responded is not None:
        how = "on time" if status.state == "answered_on_time" else f"late by {_lateness(status)}"
        headline = f"Answered {how} on {format_long(case.responded)}: due {due}"
    else:
        headline = _headline(deadline)
    end = case.responded if case.responded is not None else status.today
    count = f"Working days elapsed on {format_long(end)}: {status.working_days_elapsed}"
    if status.working_days_total is not None:
        count += f" of {status.working_days_total}"
    clarification = deadline.clarification
    if status.state == AWAITING_CLARIFICATION and clarification is not None:
        count = (
            f"Working days counted before the clock stopped on "
            f"{format_long(clarification.requested)}: {status.working_days_elapsed}; the count "
            f"restarts from zero when the clarification arrives ({clarification.rule.rule})"
        )
    elif months:
        count += " (the relevant time counts as day 1)"
    regime = get_regime(deadline.regime)
    lines = [
        headline,
        f"  {count}",
        f"  {regime.short_name}: {deadline.rule_description} "
        f"({deadline.rule}, {deadline.source}){status_note(deadline.status)}",
    ]
    extension = deadline.extension
    if case.extended and extension is not None and extension.due is not None:
        rule = extension.rule
        lines.append(
            f"  Extended to {format_long(extension.due)}: {rule.description} "
            f"({rule.rule}, {rule.source}){status_note(rule.status)}"
        )
    fees = deadline.fees
    if status.state == AWAITING_FEE and fees is not None:
        lines.append(
            f"  The fee must arrive by {format_long(fees.pay_by)} ({fees.rule.pause.rule})"
        )
    lines.append(f"  Received: {format_long(deadline.received)}")
    if case.responded is None:
        lines.append(f"  Today: {format_long(status.today)}")
    lines.extend(f"  {line}" for line in left_out_line(status.left_out, status.today))
    return wrap_lines(lines)


def _lateness(status: CaseStatus) -> str:
    return lateness(status.working_days_late or 0, status.days_late)


def lateness(working_days: int, days: int | None) -> str:
    """'2 working days'; on a non-working day straight after the deadline '1 day (0 working
    days)', never a bare 'late by 0'."""
    if working_days == 0 and days:
        return f"{plural(days, 'day')} (0 working days)"
    return plural(working_days, "working day")


def left_out_line(left_out: tuple[LeftOut, ...], today: date) -> list[str]:
    """The note for events dated after the day the case is judged on."""
    if not left_out:
        return []
    events = ", ".join(f"{entry.key} {format_long(entry.date)}" for entry in left_out)
    return [f"Not known on {format_long(today)}, so left out: {events}"]


def to_text(
    result: Deadline | WorkingDayAfter | WorkingDayCount | HolidayListing, *, explain: bool = False
) -> str:
    """Any engine result as text for people (`explain` applies to deadlines)."""
    if isinstance(result, Deadline):
        return due_text(result, explain=explain)
    if isinstance(result, WorkingDayAfter):
        return working_day_after_text(result)
    if isinstance(result, WorkingDayCount):
        return working_day_count_text(result)
    return holidays_listing_text(result)


def batch_summary_lines(summary: BatchSummary) -> list[str]:
    """What a batch run did, for stderr: rows by status, then the first errors by line."""
    from foiclock.batch import ERROR
    from foiclock.status import STATES

    counts = ", ".join(
        f"{summary.counts[state]:,} {state}"
        for state in (*STATES, ERROR)
        if summary.counts.get(state)
    )
    rows = "1 row" if summary.rows == 1 else f"{summary.rows:,} rows"
    lines = [f"{rows}: {counts}" if counts else rows]
    lines.extend(f"line {line}: {message}" for line, message in summary.errors)
    more = summary.failed - len(summary.errors)
    if more > 0:
        lines.append(f"... and {more:,} more {'row' if more == 1 else 'rows'} with errors")
    return lines
