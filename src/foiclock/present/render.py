"""Engine results as text for people: UK-style dates, rule ids cited, nothing recomputed except
looking up names. Every function returns a string; the CLI decides where it goes."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING, Final

from foiclock.base.dates import format_long, format_short, short_date_column
from foiclock.base.i18n import N_, _, holiday_name, localise, ngettext, ordinal
from foiclock.calendar.calendars import Holiday
from foiclock.calendar.working_days import HolidayListing, WorkingDayAfter, WorkingDayCount
from foiclock.clock.deadline import AWAITING_CLARIFICATION, AWAITING_FEE, FEE_NOT_PAID, Deadline
from foiclock.law.divisions import DIVISION_NAME, division_names
from foiclock.law.regimes import RECEIPT_RULES, CalendarRule, get_regime

if TYPE_CHECKING:
    from datetime import date

    from foiclock.batch.inputs import BatchSummary
    from foiclock.calendar.config import OfficeClosure
    from foiclock.clock.case import Planned
    from foiclock.clock.status import CaseStatus
    from foiclock.clock.steps import Step
    from foiclock.law.versions import RuleVersion

BEST_READING = "best reading"
#: The status words rules.md gives a rule, as shown beside it.
_STATUS_WORDS = {BEST_READING: N_("best reading")}
WIDTH = 80
_NBSP = "\u00a0"
#: A date as format_long or format_short writes it, a statutory instrument's number, or the
#: "[best reading]" mark, kept on one line when text is folded.
_DATE_IN_TEXT = re.compile(
    r"\b(?:Dydd )?[A-Z][a-z]+ +\d{1,2} [A-Z][a-z]+ \d{4}\b|\b(?:SI|OS) \d{4}/\d+"
    r"|\[best reading\]|\[darlleniad gorau\]"
)


def status_note(status: str) -> str:
    """rules.md: wherever a best reading is applied, the output says so."""
    return f" [{_(_STATUS_WORDS[status])}]" if status == BEST_READING else ""


def holidays_text(holidays: tuple[Holiday, ...]) -> str:
    """'Christmas Day (all of the UK); ...' in the language in use."""
    return "; ".join(
        f"{holiday_name(h.name)} ({localise(division_names(h.divisions))})" for h in holidays
    )


def cited(rule: str, source: str, status: str) -> str:
    """'(FOIA-RESP, FOIA s10(1))', with ' [best reading]' when that is its status."""
    return f"({rule}, {localise(source)}){status_note(status)}"


def calendar_line(calendar: CalendarRule) -> str:
    return _("Working days: {description} {cited}").format(
        description=localise(calendar.description),
        cited=cited(calendar.rule, calendar.source, calendar.status),
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
        extended = (
            _("Extended due: no later than {date}")  # FOIA-PIT after a day the Commissioner sets
            if _commissioner_sets(deadline)
            else _("Extended due: {date}")
        )
        lines.append(extended.format(date=format_long(deadline.extended_due)))
    lines += [
        f"  {regime.short_name}: {localise(deadline.rule_description)} "
        + cited(deadline.rule, deadline.source, deadline.status),
        "  " + _("Received: {date}").format(date=format_long(deadline.received)),
    ]
    lines.extend(_event_lines(deadline))
    if deadline.months is None:
        lines.append(f"  {calendar_line(regime.calendar)}")
    elif deadline.months.days is None:  # T-SAR-1998 counts days with no roll: none is named
        lines.append(
            "  "
            + _(
                "Working days: weekends, Christmas Day and the bank holidays of {nation}, the "
                "controller's own nation (WD-NATION, --nation {key})"
            ).format(nation=localise(DIVISION_NAME[deadline.nation]), key=deadline.nation)
            + status_note(BEST_READING)
        )
    if deadline.months is None and deadline.counting_from not in (None, _arrival(deadline)):
        lines.append(
            "  "
            + _("Treated as received: {date} ({rule}, --receipt-rule {reading})").format(
                date=format_long(deadline.counting_from),
                rule=RECEIPT_RULES[deadline.receipt_rule],
                reading=deadline.receipt_rule,
            )
        )
    lines.extend(_receipt_alternative_lines(deadline))
    lines.extend(_nation_lines(deadline, explain=explain))
    lines.extend("  " + _("Note: {note}").format(note=localise(n)) for n in deadline.notes)
    if deadline.provisional:
        lines.append(
            "  "
            + _(
                "PROVISIONAL: the count reaches a year whose bank holidays are not yet "
                "announced; days are projected by rule"
            )
        )
    if explain and deadline.safe_date is not None:
        lines.append("  " + _safe_date_line(deadline.safe_date))
    if explain:
        lines.extend("  " + line for line in _sar_reading_lines(deadline))
    if explain and deadline.rule_version is not None:
        lines.append("  " + rule_version_line(deadline.rule_version))
    clarification = deadline.clarification
    if explain and clarification is not None and clarification.version is not None:
        lines.append("  " + rule_version_line(clarification.version))  # SAR-STOP's version
    if explain:
        lines.extend("  " + remark_line(remark) for remark in deadline.remarks)
        lines.append("")
        lines.append(_("The count:"))
        lines.extend(_step_line(step) for step in deadline.steps)
    return wrap_lines(lines)


def rule_version_line(version: RuleVersion) -> str:
    """Which dated version of the rule applied (rules-over-time.md), and why."""
    return _("Rule version: {id}, {description} ({source})").format(
        id=version.id, description=_(version.description), source=_(version.source)
    ) + status_note(version.status)


def remark_line(remark: RuleVersion) -> str:
    """A rules-over-time.md note on the case that changes no date (T-COVID-SIC)."""
    return _("Note: {note}").format(
        note=f"{remark.id}, {_(remark.description)} ({_(remark.source)})"
    ) + status_note(remark.status)


def _safe_date_line(safe_date: date) -> str:
    """`SAR-WORDS`: the strict reading's date, beside the ICO's."""
    return _(
        "Safe date: {date} (SAR-WORDS): read strictly, one month beginning with the relevant "
        "time ends the day before the ICO's corresponding date (its last day at a month's end; "
        "C-BEGINNING-WITH), later by any days stopped, with no roll to a working day; the "
        "answer above keeps the ICO's method"
    ).format(date=format_long(safe_date)) + status_note(BEST_READING)


def _sar_reading_lines(deadline: Deadline) -> list[str]:
    """Beside a subject access answer, the other reading of its version (rules-over-time.md):
    the common "within 40 days" (`T-SAR-1998`), or the ICO's guidance of the time
    (`T-SAR-GDPR-A`). Neither is the deadline."""
    months = deadline.months
    if months is None:
        return []
    lines = []
    if months.common_end is not None and months.days is not None:
        lines.append(
            _(
                'Common reading: {date}: many sources say "within {days} days" (the relevant '
                "day + {days}); the answer above counts the relevant day as day 1 of the {days} "
                '("beginning with the relevant day", DPA 1998 s7: words not seen) (T-SAR-1998)'
            ).format(date=format_long(months.common_end), days=months.days)
            + status_note(BEST_READING)
        )
    if months.guidance_due is not None:
        lines.append(
            _(
                "ICO guidance at the time: {date} (T-SAR-GDPR-A): the ICO then counted the month "
                "from the day after the relevant time; the law did not change, so the answer "
                "above is the deadline"
            ).format(date=format_long(months.guidance_due))
        )
    return lines


def _arrival(deadline: Deadline) -> object:
    """The day the count was started from by the events (a restart moves it)."""
    clarification = deadline.clarification
    if clarification is not None and deadline.months is None:
        return clarification.received
    return deadline.received


def _headline(deadline: Deadline) -> str:
    clarification = deadline.clarification
    if (
        deadline.state == AWAITING_CLARIFICATION
        and clarification is not None
        and clarification.rule.effect == "start"
    ):  # T-SAR-1998: the period has not begun
        return _(
            "Response due: not yet known: the period begins when the information asked for arrives"
        )
    if deadline.state == AWAITING_CLARIFICATION:
        return _("Response due: not yet known: the clock is stopped, awaiting clarification")
    if deadline.state == AWAITING_FEE:
        return _("Response due: not yet known: the clock is paused, awaiting the fee")
    if deadline.state == FEE_NOT_PAID:
        assert deadline.fees is not None
        return _(
            "Response due: none: the fee was not paid by {date}, so the body need not comply"
        ).format(date=format_long(deadline.fees.pay_by))
    assert deadline.due is not None
    if _commissioner_sets(deadline):
        return _("Response due: no later than {date} (the Commissioner sets the day)").format(
            date=format_long(deadline.due)
        )
    return _("Response due: {date}").format(date=format_long(deadline.due))


def _commissioner_sets(deadline: Deadline) -> bool:
    """`FOIA-ARMED`, `FOIA-ABROAD`: the Commissioner sets the day; the count gives the latest."""
    return deadline.body is not None and deadline.body.apply_to_commissioner_by is not None


def _event_lines(deadline: Deadline) -> list[str]:
    """One line for each event of the case, with its effect and its rule."""
    lines = []
    months = deadline.months
    if months is not None and months.relevant_event != "received":
        start = months.start
        assert start is not None
        if months.relevant_event == "id_received":
            template = _(
                "Relevant time: {date}, when identity information arrived: the latest of the "
                "start events {cited}"
            )
        elif months.relevant_event == "fee_paid":
            template = _(
                "Relevant time: {date}, when the fee arrived: the latest of the start events "
                "{cited}"
            )
        else:  # T-SAR-1998: the information asked for to locate the data
            template = _(
                "Relevant time: {date}, when the information asked for arrived: the latest of "
                "the start events {cited}"
            )
        lines.append(
            "  "
            + template.format(
                date=format_long(months.relevant_time),
                cited=cited(start.rule, start.source, start.status),
            )
        )
    clarification = deadline.clarification
    if clarification is not None:
        rule = clarification.rule
        asked = format_long(clarification.requested)
        if rule.effect == "none":  # before T-SAR-STOP-ICO
            effect = _("it stops nothing: there was no stop-the-clock then (see the note)")
        elif rule.effect == "start":  # T-SAR-1998
            effect = (
                _("the period begins only when it arrives, if it is the latest start event")
                if clarification.received is None
                else _("received {date}: a start event, not a stop").format(
                    date=format_long(clarification.received)
                )
            )
        elif clarification.received is None and deadline.state != AWAITING_CLARIFICATION:
            due = deadline.extended_due if deadline.extension is not None else deadline.due
            effect = (
                _("after the period ended, so it stops nothing (see the note)")
                if due is not None and clarification.requested <= due  # SAR-STOP (b)
                else _("after the response was due, so it stops nothing")
            )
        elif clarification.received is None and rule.effect == "stop":
            effect = _(
                "the clock is stopped; the end moves one day later for each day until it arrives"
            )
        elif clarification.received is None:
            effect = _(
                "when it arrives it becomes the date of receipt and the count restarts from zero"
            )
        elif rule.effect == "stop":
            stopped = clarification.stopped_days or 0
            effect = ngettext(
                "received {date}: {n} day stopped, so the end moves {n} day later",
                "received {date}: {n} days stopped, so the end moves {n} days later",
                stopped,
            ).format(date=format_long(clarification.received), n=stopped)
        else:
            effect = _(
                "received {date}, the new date of receipt: the count restarted from zero"
            ).format(date=format_long(clarification.received))
        lines.append(
            "  "
            + _("Clarification: asked for {date}; {effect} {cited}").format(
                date=asked, effect=effect, cited=cited(rule.rule, rule.source, rule.status)
            )
        )
    fees = deadline.fees
    if fees is not None:
        pause = fees.rule.pause
        if fees.after_due:
            effect = _("after the count had ended, so it moves nothing")
        elif fees.paid is None:
            counted = fees.counted_before_notice
            effect = ngettext(
                "the clock is paused with {n} working day counted; the count goes on from the "
                "day after the fee arrives",
                "the clock is paused with {n} working days counted; the count goes on from the "
                "day after the fee arrives",
                counted,
            ).format(n=counted)
        elif fees.lapsed:
            effect = _("fee received {date}, after the last day to pay").format(
                date=format_long(fees.paid)
            )
        else:
            paused = fees.paused_working_days or 0
            effect = ngettext(
                "fee received {date}: {n} working day left out of the count",
                "fee received {date}: {n} working days left out of the count",
                paused,
            ).format(date=format_long(fees.paid), n=paused)
        lines.append(
            "  "
            + _("Fees notice: given {date}; {effect} {cited}").format(
                date=format_long(fees.notice),
                effect=effect,
                cited=cited(pause.rule, pause.source, pause.status),
            )
        )
        lines.append(
            "  "
            + _("Last day to pay: {date}: {description} ({rule})").format(
                date=format_long(fees.pay_by),
                description=localise(fees.rule.pay_description),
                rule=pause.rule,
            )
            + status_note(fees.rule.pay_status)
        )
    extension = deadline.extension
    if extension is not None:
        rule_ext = extension.rule
        lines.append(
            "  "
            + _("Extension: {description} {cited}").format(
                description=localise(rule_ext.description),
                cited=cited(rule_ext.rule, rule_ext.source, rule_ext.status),
            )
        )
        if months is not None and deadline.due is not None:
            # SAR-STOP (c): the first month, stopped as the extended period is.
            lines.append(
                "  "
                + _(
                    "Tell the requester of the extension by: {date}, the end of the first month, "
                    "later by any days stopped ({rule}, SAR-STOP)"
                ).format(date=format_long(deadline.due), rule=rule_ext.rule)
                + status_note(BEST_READING)
            )
    body = deadline.body
    if body is not None:
        lines.extend(_body_lines(deadline))
    return lines


def _body_lines(deadline: Deadline) -> list[str]:
    body = deadline.body
    assert body is not None
    rule = body.rule
    lines = [
        "  "
        + _("Body: {name} ({rule}, --body {key})").format(
            name=localise(rule.name), rule=rule.rule, key=rule.key
        )
    ]
    if body.school_day_due is not None and body.working_day_due is not None:
        lines.append(
            "  "
            + _("20th school day: {school_day}; 60th working day: {working_day}").format(
                school_day=format_long(body.school_day_due),
                working_day=format_long(body.working_day_due),
            )
        )
        closed = body.school_closed
        if closed:
            spans = ", ".join(day_range_text(r.first, r.last) for r in closed)
            lines.append("  " + _("School closed: {days}").format(days=spans))
    if body.apply_to_commissioner_by is not None:
        lines.append(
            "  "
            + _("Apply to the Commissioner by: {date} (the {ordinal} working day; {rule})").format(
                date=format_long(body.apply_to_commissioner_by),
                ordinal=ordinal(rule.apply_within or 0),
                rule=rule.rule,
            )
        )
    return lines


def plural(count: int, noun: str) -> str:
    """'1 day', '3 working days' in the language in use (`noun`: day or working day)."""
    if noun == "day":
        return ngettext("{n} day", "{n} days", count).format(n=count)
    return ngettext("{n} working day", "{n} working days", count).format(n=count)


def _receipt_alternative_lines(deadline: Deadline) -> list[str]:
    alternative = deadline.alternative
    if alternative is None or alternative.due is None or alternative.counting_from is None:
        return []
    if alternative.receipt_rule == "next-working-day":
        template = _(
            "Received on a non-working day: some bodies treat the next working day, {treated}, "
            "as the date of receipt ({rule}, --receipt-rule {reading}); that reading gives {due}"
        )
    else:
        template = _(
            "Received on a non-working day: the default keeps the day it arrived as the date of "
            "receipt ({rule}, --receipt-rule {reading}); that reading gives {due}"
        )
    return [
        "  "
        + template.format(
            treated=format_long(alternative.counting_from),
            rule=RECEIPT_RULES[alternative.receipt_rule],
            reading=alternative.receipt_rule,
            due=format_long(alternative.due),
        )
    ]


def _nation_lines(deadline: Deadline, *, explain: bool) -> list[str]:
    """Where the body's own nation's calendar would count differently (rules.md section 2)."""
    nation_due = deadline.nation_due
    if nation_due is None:
        return []
    nation = localise(DIVISION_NAME[deadline.nation])
    same = nation_due == deadline.due
    if not explain:
        if same:
            return []
        return [
            "  "
            + _("Note: {nation}'s own calendar alone would give {date}; see --explain").format(
                nation=nation, date=format_long(nation_due)
            )
        ]
    values = {"nation": nation, "date": format_long(nation_due), "key": deadline.nation}
    if not deadline.nation_differences:
        template = (
            _("{nation}'s own calendar gives the same date (--nation {key})")
            if same
            else _("{nation}'s own calendar alone would give {date} (--nation {key})")
        )
        return ["  " + template.format(**values)]
    calendar = get_regime(deadline.regime).calendar
    template = (
        _(
            "{nation}'s own calendar gives the same date (--nation {key}), but the count follows "
            "{rule} ({source}), which differs on these days:"
        )
        if same
        else _(
            "{nation}'s own calendar alone would give {date} (--nation {key}), but the count "
            "follows {rule} ({source}), which differs on these days:"
        )
    )
    lines = ["  " + template.format(rule=calendar.rule, source=localise(calendar.source), **values)]
    for difference in deadline.nation_differences:
        if difference.non_working_under == "statute":
            effect = _("skipped under {rule}, though a working day in {nation}")
        else:
            effect = _("a working day under {rule}, though not in {nation}")
        effect = effect.format(rule=calendar.rule, nation=nation)
        lines.append(
            f"    {short_date_column(difference.day)}  {holidays_text(difference.holidays)}: "
            + effect
        )
    return lines


_STEP_LABELS = {
    "treated_as_received": N_("treated as received"),
    "relevant_time": N_("start"),
    "corresponding_date": N_("month"),
    "received": N_("received"),
    "skipped": N_("skipped"),
    "stopped": N_("stopped"),
    "restarted": N_("restarted"),
    "paused": N_("paused"),
    "closed": N_("closed"),
    "event": N_("event"),
    "moved": N_("moved"),
    "due": N_("due"),
}


def _step_line(step: Step) -> str:
    if step.working_day is not None and step.kind == "counted_before_restart":
        label = "(" + _("day {n}").format(n=step.working_day) + ")"
    elif step.working_day is not None:
        label = _("day {n}").format(n=step.working_day)
    else:
        label = _(_STEP_LABELS.get(step.kind, step.kind))
    reason = localise(step.reason)
    if step.holidays:
        holiday_names = holidays_text(step.holidays)
        reason = f"{reason}; {holiday_names}" if step.kind == "received" else holiday_names
        if step.day.weekday() >= 5:
            reason = _("weekend") + f"; {holiday_names}"
    if step.working_day is not None and not reason:
        return f"  {label:<10} {format_short(step.day)}"
    return f"  {label:<10} {short_date_column(step.day)}  {reason} ({step.rule})"


def working_day_after_text(result: WorkingDayAfter) -> str:
    regime = get_regime(result.regime)
    if result.n > 0:
        how = _("working day {n} after {date} (C-WD; {regime}, {rule})")
    elif result.n < 0:
        how = _("working day {n} before {date} (C-WD; {regime}, {rule})")
    else:
        how = _("0 working days from {date}: the date itself (C-WD; {regime}, {rule})")
    lines = [
        format_long(result.day),
        "  "
        + how.format(
            n=abs(result.n),
            date=format_long(result.start),
            regime=regime.short_name,
            rule=regime.calendar.rule,
        ),
    ]
    if result.provisional:
        lines.append("  " + _("PROVISIONAL: past the last year of announced bank holidays"))
    return wrap_lines(lines)


def working_day_count_text(result: WorkingDayCount) -> str:
    regime = get_regime(result.regime)
    lines = [
        ngettext("{n} working day", "{n} working days", abs(result.working_days)).format(
            n=result.working_days
        ),
        "  "
        + _("after {start} up to and including {end} (C-WD; {regime}, {rule})").format(
            start=format_long(result.start),
            end=format_long(result.end),
            regime=regime.short_name,
            rule=regime.calendar.rule,
        ),
    ]
    if result.working_days < 0:
        lines.append("  " + _("negative: the end date is before the start date"))
    if result.provisional:
        lines.append("  " + _("PROVISIONAL: past the last year of announced bank holidays"))
    return wrap_lines(lines)


def day_range_text(first: date, last: date) -> str:
    """'Mon 29 Dec 2025' or 'Mon 29 Dec 2025 to Wed 31 Dec 2025'."""
    text = format_short(first)
    if last == first:
        return text
    return _("{first} to {last}").format(first=text, last=format_short(last))


def closure_line(closure: OfficeClosure) -> str:
    """'  Mon 29 Dec 2025 to Wed 31 Dec 2025  Christmas closure': one office closure in a list,
    its dates padded so that the names line up in every language."""
    first, last = short_date_column(closure.first), short_date_column(closure.last)
    days = (
        first
        if closure.last == closure.first
        else _("{first} to {last}").format(first=first.rstrip(), last=last)
    )
    return f"  {days}  {localise(closure.name)}".rstrip()


#: What each holiday data layer is called beside a holiday (`holidays --source`).
SOURCE_NAME: Final = {
    "config": N_("config file"),
    "update": N_("GOV.UK update"),
    "snapshot": N_("GOV.UK snapshot"),
    "package": N_("holidays package, by rule"),
}


def holidays_listing_text(listing: HolidayListing, *, with_sources: bool = False) -> str:
    calendar = listing.calendar
    if listing.regime is None:
        subject = f"{localise(division_names(calendar.divisions))} ({calendar.rule})"
    else:
        regime = get_regime(listing.regime).short_name
        subject = f"{regime} ({calendar.rule}, {localise(calendar.source)})"
    years = ", ".join(str(year) for year in listing.years)
    lines = [_("Bank holidays for {subject}, {years}:").format(subject=subject, years=years)]
    for entry in listing.days:
        notes = []
        if entry.on_weekend:
            notes.append(_("falls on a weekend"))
        if entry.provisional:
            notes.append(_("provisional"))
        if with_sources:
            notes.append(_("from the {source}").format(source=_(SOURCE_NAME[entry.source])))
        suffix = f"  [{', '.join(notes)}]" if notes else ""
        lines.append(f"  {short_date_column(entry.day)}  {holidays_text(entry.holidays)}{suffix}")
    if not listing.days:
        lines.append("  (" + _("none") + ")")
    return "\n".join(lines)  # one holiday a line, unfolded, so that grep finds it whole


_STATUS_HEADLINES = {
    "due_today": N_("Due today: {due}"),
    "overdue": N_("Overdue by {late}: due {due}"),
    "answered_on_time": N_("Answered on time on {responded}: due {due}"),
    "answered_late": N_("Answered late by {late} on {responded}: due {due}"),
    "not_yet_received": N_("Not yet received on {today}: planned for {received}"),
}


def status_text(status: CaseStatus) -> str:
    """`foiclock status`: the headline for the state, then the count and the rule. Every date
    is counted from every event; an event after today is named as planned."""
    deadline = status.deadline
    case = deadline.case
    assert case is not None
    due = format_long(status.due) if status.due is not None else None
    months = deadline.months is not None
    responded = status.responded
    under: list[str] = []  # lines under the headline, before the count
    if status.state == "open":
        left = (
            plural(status.calendar_days_left or 0, "day")
            if months
            else plural(status.working_days_left or 0, "working day")
        )
        headline = _("Open: {left} left; due {due}").format(left=left, due=due)
    elif status.state == "not_yet_received":
        headline = _(_STATUS_HEADLINES[status.state]).format(
            today=format_long(status.today), received=format_long(deadline.received)
        )
        under.append("  " + _headline(deadline))
    elif status.state in ("due_today", "overdue") or (
        status.state in ("answered_on_time", "answered_late") and responded is not None
    ):
        headline = _(_STATUS_HEADLINES[status.state]).format(
            due=due,
            late=_lateness(status),
            responded=format_long(responded) if responded is not None else None,
        )
    else:
        headline = _headline(deadline)
    end = responded or status.today
    values = {
        "date": format_long(end),
        "n": status.working_days_elapsed,
        "total": status.working_days_total,
    }
    clarification = deadline.clarification
    if (
        status.state == AWAITING_CLARIFICATION
        and clarification is not None
        and clarification.requested <= status.today  # not an ask still planned
    ):
        if clarification.rule.effect == "stop":  # SAR-STOP: calendar days, no restart
            template = _(
                "The clock stopped on {date}: the end moves one day later for each day until "
                "the clarification arrives ({rule})"
            )
        elif clarification.rule.effect == "start":  # T-SAR-1998: the period has not begun
            template = _(
                "Information asked for on {date}: the period begins only when it arrives, if "
                "it is the latest start event ({rule})"
            )
        else:
            template = _(
                "Working days counted before the clock stopped on {date}: {n}; the count "
                "restarts from zero when the clarification arrives ({rule})"
            )
        count = template.format(
            date=format_long(clarification.requested),
            n=status.working_days_elapsed,
            rule=clarification.rule.rule,
        )
    else:
        count = (
            _("Working days elapsed on {date}: {n}")
            if status.working_days_total is None
            else _("Working days elapsed on {date}: {n} of {total}")
        ).format(**values)
        if months:
            count += " " + _("(the relevant time counts as day 1)")
    regime = get_regime(deadline.regime)
    lines = [
        headline,
        *under,
        f"  {count}",
        f"  {regime.short_name}: {localise(deadline.rule_description)} "
        + cited(deadline.rule, deadline.source, deadline.status),
    ]
    extension = deadline.extension
    if case.extended and extension is not None and extension.due is not None:
        rule = extension.rule
        lines.append(
            "  "
            + _("Extended to {date}: {description} {cited}").format(
                date=format_long(extension.due),
                description=localise(rule.description),
                cited=cited(rule.rule, rule.source, rule.status),
            )
        )
    fees = deadline.fees
    if status.state == AWAITING_FEE and fees is not None:
        lines.append(
            "  "
            + _("The fee must arrive by {date} ({rule})").format(
                date=format_long(fees.pay_by), rule=fees.rule.pause.rule
            )
        )
    if status.state != "not_yet_received":  # the headline says when it arrives
        lines.append("  " + _("Received: {date}").format(date=format_long(deadline.received)))
    if responded is None:
        lines.append("  " + _("Today: {date}").format(date=format_long(status.today)))
    lines.extend(f"  {line}" for line in planned_line(status.planned, status.today))
    return wrap_lines(lines)


def _lateness(status: CaseStatus) -> str:
    return lateness(status.working_days_late or 0, status.days_late)


def lateness(working_days: int, days: int | None) -> str:
    """'2 working days'; on a non-working day straight after the deadline '1 day (0 working
    days)', never a bare 'late by 0'."""
    if working_days == 0 and days:
        return _("{days} (0 working days)").format(days=plural(days, "day"))
    return plural(working_days, "working day")


def planned_line(planned: tuple[Planned, ...], today: date) -> list[str]:
    """The note for events dated after the day the case is judged on: every date is counted
    with them, the states without them."""
    if not planned:
        return []
    events = ", ".join(
        f"--{entry.key.replace('_', '-')} {format_long(entry.date)}" for entry in planned
    )
    return [
        _("Planned after {date} (every date counts them): {events}").format(
            date=format_long(today), events=events
        )
    ]


def to_text(
    result: Deadline | WorkingDayAfter | WorkingDayCount | HolidayListing, *, explain: bool = False
) -> str:
    """Any engine result as text for people (`explain` applies to deadlines), in the language
    in use (`foiclock.base.languages.using_language`)."""
    if isinstance(result, Deadline):
        return due_text(result, explain=explain)
    if isinstance(result, WorkingDayAfter):
        return working_day_after_text(result)
    if isinstance(result, WorkingDayCount):
        return working_day_count_text(result)
    return holidays_listing_text(result)


def batch_summary_lines(summary: BatchSummary) -> list[str]:
    """What a batch run did, for stderr: rows by status, then the first errors by line."""
    from foiclock.batch.rows import ERROR
    from foiclock.clock.status import STATES

    counts = ", ".join(
        f"{summary.counts[state]:,} {state_word(state)}"
        for state in (*STATES, ERROR)
        if summary.counts.get(state)
    )
    rows = ngettext("{n} row", "{n} rows", summary.rows).format(n=f"{summary.rows:,}")
    lines = [f"{rows}: {counts}" if counts else rows]
    lines.extend(
        _("line {line}: {message}").format(line=line, message=localise(message))
        for line, message in summary.errors
    )
    more = summary.failed - len(summary.errors)
    if more > 0:
        lines.append(
            ngettext(
                "... and {n} more row with errors", "... and {n} more rows with errors", more
            ).format(n=f"{more:,}")
        )
    return lines


def state_word(state: str) -> str:
    """A case's or a deadline's state as people read it (JSON and CSV keep the machine word)."""
    return _(_STATE_WORDS.get(state, state))


#: Case statuses (batch summaries) and deadline states (the moved-by lines), as shown.
_STATE_WORDS = {
    "running": N_("running"),
    "not_yet_received": N_("not_yet_received"),
    "open": N_("open"),
    "due_today": N_("due_today"),
    "overdue": N_("overdue"),
    "answered_on_time": N_("answered_on_time"),
    "answered_late": N_("answered_late"),
    "awaiting_clarification": N_("awaiting_clarification"),
    "awaiting_fee": N_("awaiting_fee"),
    "fee_not_paid": N_("fee_not_paid"),
    "error": N_("error"),
}
