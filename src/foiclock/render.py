"""Engine results as text for people: UK-style dates, rule ids cited, nothing recomputed except
looking up names. Every function returns a string; the CLI decides where it goes."""

from __future__ import annotations

import re
import textwrap

from foiclock.calendar import Holiday
from foiclock.dates import format_long, format_short
from foiclock.divisions import DIVISION_NAME, division_names
from foiclock.engine import (
    RECEIPT_RULES,
    Deadline,
    HolidayListing,
    Step,
    WorkingDayAfter,
    WorkingDayCount,
)
from foiclock.regimes import CalendarRule, get_regime

BEST_READING = "best reading"
WIDTH = 80
_NBSP = "\u00a0"
#: A date as format_long or format_short writes it, kept on one line when text is folded.
_DATE_IN_TEXT = re.compile(r"\b[A-Z][a-z]+ +\d{1,2} [A-Z][a-z]+ \d{4}\b")


def _status_note(status: str) -> str:
    """rules.md: wherever a best reading is applied, the output says so."""
    return f" [{BEST_READING}]" if status == BEST_READING else ""


def holidays_text(holidays: tuple[Holiday, ...]) -> str:
    return "; ".join(f"{h.name} ({division_names(h.divisions)})" for h in holidays)


def calendar_line(calendar: CalendarRule) -> str:
    return (
        f"Working days: {calendar.description} "
        f"({calendar.rule}, {calendar.source}){_status_note(calendar.status)}"
    )


def _wrap(lines: list[str]) -> str:
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
    lines = [
        f"Response due: {format_long(deadline.due)}",
        f"  {regime.short_name}: {deadline.rule_description} "
        f"({deadline.rule}, {deadline.source}){_status_note(deadline.status)}",
        f"  Received: {format_long(deadline.received)}",
        f"  {calendar_line(regime.calendar)}",
    ]
    if deadline.counting_from != deadline.received:
        lines.append(
            f"  Treated as received: {format_long(deadline.counting_from)} "
            f"({RECEIPT_RULES[deadline.receipt_rule]}, --receipt-rule {deadline.receipt_rule})"
        )
    lines.extend(_receipt_alternative_lines(deadline))
    lines.extend(_nation_lines(deadline, explain=explain))
    if deadline.provisional:
        lines.append(
            "  PROVISIONAL: the count reaches a year whose bank holidays are not yet announced; "
            "days are projected by rule"
        )
    if explain:
        lines.append("")
        lines.append("The count:")
        lines.extend(_step_line(step) for step in deadline.steps)
    return _wrap(lines)


def _receipt_alternative_lines(deadline: Deadline) -> list[str]:
    alternative = deadline.alternative
    if alternative is None:
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


def _step_line(step: Step) -> str:
    if step.kind == "counted":
        label = f"day {step.working_day}"
    elif step.kind == "treated_as_received":
        label = "treated as received"
    else:
        label = step.kind
    reason = step.reason
    if step.holidays:
        holiday_names = holidays_text(step.holidays)
        reason = f"{reason}; {holiday_names}" if step.kind == "received" else holiday_names
        if step.day.weekday() >= 5:
            reason = f"weekend; {holiday_names}"
    if step.kind == "counted" and not reason:
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
    return _wrap(lines)


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
    return _wrap(lines)


def holidays_listing_text(listing: HolidayListing) -> str:
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
        suffix = f"  [{', '.join(notes)}]" if notes else ""
        lines.append(f"  {format_short(entry.day)}  {holidays_text(entry.holidays)}{suffix}")
    if not listing.days:
        lines.append("  (none)")
    return "\n".join(lines)  # one holiday a line, unfolded, so that grep finds it whole


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
