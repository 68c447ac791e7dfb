"""A timeline as text for people (`table`), as Markdown for a case note (`md`) and as CSV, and the
requester's view of it (`foiclock appeal`). Dates are UK style for people, ISO 8601 in CSV."""

from __future__ import annotations

import csv
import io

from foiclock.dates import format_long, format_short
from foiclock.regimes import get_regime
from foiclock.render import (
    day_range_text,
    lateness,
    left_out_line,
    plural,
    status_note,
    wrap_lines,
)
from foiclock.timeline import CALENDAR, Milestone, Timeline, requester_windows

_DATE_WIDTH = 15
_LABEL_WIDTH = 33
_NO_DATE = "-"

#: CSV columns, in order (README "foiclock timeline").
CSV_COLUMNS = (
    "case_id",
    "regime",
    "key",
    "label",
    "date",
    "state",
    "days_left",
    "days_left_kind",
    "working_days_late",
    "waits_for",
    "counted_from",
    "rule",
    "source",
    "status",
    "provisional",
    "office_closed",
)


def option_name(key: str) -> str:
    """The command-line option that gives an event key's date."""
    return "--" + key.replace("_", "-")


def state_text(milestone: Milestone) -> str:
    """A milestone's state in words: 'open: 3 working days left', 'late by 2 working days'."""
    state = milestone.state
    if milestone.days_left is not None and state in ("open", "not_yet"):
        left = plural(milestone.days_left, _day_kind(milestone))
        return f"opens in {left}" if state == "not_yet" else f"open: {left} left"
    if state in ("late", "overdue") and milestone.working_days_late is not None:
        return f"{state} by {lateness(milestone.working_days_late, milestone.days_late)}"
    if state == "waiting":
        return f"needs {option_name(milestone.waits_for or 'received')}"
    return {
        "due_today": "due today",
        "last_day": "last day today",
        "if_extended": "if extended",
        "not_needed": "not needed: review outcome given",
        "lapsed": "lapsed: fee not paid in time",
    }.get(state, state)


def _heading(timeline: Timeline) -> str:
    regime = get_regime(timeline.regime).short_name
    case = f" {timeline.case_id}" if timeline.case_id else ""
    received = (
        f", received {format_long(timeline.received)}" if timeline.received is not None else ""
    )
    return f"{regime} timeline{case}{received}; states on {format_long(timeline.today)}"


def _appeal_heading(timeline: Timeline) -> str:
    regime = get_regime(timeline.regime).short_name
    responded = timeline.get("responded")
    answer = (
        f" to a response of {format_long(responded.date)}" if responded and responded.date else ""
    )
    if not answer and timeline.received is not None:
        answer = f" for a request received {format_long(timeline.received)}, not yet answered"
    return f"{regime} review and appeal windows{answer}, on {format_long(timeline.today)}"


def _rule_line(milestone: Milestone, timeline: Timeline) -> str:
    provisional = " [provisional]" if milestone.provisional else ""
    closed = office_closed_mark(timeline, milestone)
    return (
        f"{milestone.rule}: {milestone.source}{status_note(milestone.status)}{provisional}{closed}"
    )


#: Why an office closure is shown and not skipped (rules.md section 2).
OFFICE_CLOSED_RULE = (
    "no statutory date moves for these days: closure days are working days under every regime, "
    "rules.md section 2; ICO LTT47"
)


def office_closed_mark(timeline: Timeline, milestone: Milestone) -> str:
    """' [office closed that day: ...]' for a milestone on a closure day, else ''."""
    closure = timeline.closed_on(milestone.date)
    if closure is None:
        return ""
    return f" [office closed that day ({closure.name}): the date stands]"


def office_closed_lines(timeline: Timeline) -> list[str]:
    """The closures that touch the timeline, and why no date moves for them."""
    if not timeline.office_closed:
        return []
    lines = ["", f"Office closed ({OFFICE_CLOSED_RULE}):"]
    for closure in timeline.office_closed:
        lines.append(f"  {day_range_text(closure.first, closure.last)}  {closure.name}")
    return lines


def timeline_table(timeline: Timeline) -> str:
    """Each milestone on a line (date, label, state) with its rule and source under it."""
    lines = [_heading(timeline), *left_out_line(timeline.left_out, timeline.today), ""]
    lines.append(f"{'Date':<{_DATE_WIDTH}}  {'Milestone':<{_LABEL_WIDTH}}  State")
    indent = " " * (_DATE_WIDTH + 2)
    for milestone in timeline.milestones:
        day = format_short(milestone.date) if milestone.date is not None else _NO_DATE
        lines.append(
            f"{day:<{_DATE_WIDTH}}  {milestone.label:<{_LABEL_WIDTH}}  {state_text(milestone)}"
        )
        lines.append(indent + _rule_line(milestone, timeline))
    return wrap_lines(lines + office_closed_lines(timeline))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def timeline_markdown(timeline: Timeline) -> str:
    """A Markdown table for a case note."""
    lines = [
        f"### {_cell(_heading(timeline))}",
        "",
        "| Date | Milestone | State | Rule | Source |",
        "|---|---|---|---|---|",
    ]
    for milestone in timeline.milestones:
        day = format_short(milestone.date).replace("  ", " ") if milestone.date else _NO_DATE
        source = milestone.source + status_note(milestone.status)
        state = state_text(milestone) + office_closed_mark(timeline, milestone)
        row = (day, milestone.label, state, milestone.rule, source)
        lines.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
    return "\n".join(lines + office_closed_lines(timeline))


def timeline_csv(timeline: Timeline) -> str:
    """One row per milestone, ISO dates, in the columns of CSV_COLUMNS."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in timeline.milestones:
        writer.writerow(
            (
                timeline.case_id or "",
                timeline.regime,
                m.key,
                m.label,
                m.date.isoformat() if m.date is not None else "",
                m.state,
                "" if m.days_left is None else m.days_left,
                m.days_left_kind or "",
                "" if m.working_days_late is None else m.working_days_late,
                m.waits_for or "",
                m.counted_from or "",
                m.rule,
                m.source,
                m.status,
                "true" if m.provisional else "false",
                "true" if timeline.closed_on(m.date) is not None else "false",
            )
        )
    return buffer.getvalue().rstrip("\n")


def appeal_text(timeline: Timeline) -> str:
    """The requester's view: the windows open today with the days left in each, those not yet
    open, those waiting for a date, and those that have closed, with when."""
    groups: dict[str, list[str]] = {"open": [], "later": [], "waiting": [], "closed": []}
    for milestone in requester_windows(timeline):
        state = milestone.state
        rule = f"({milestone.rule}{status_note(milestone.status)})"
        if milestone.date is None:
            if state == "waiting":
                groups["waiting"].append(f"  {milestone.label}: {state_text(milestone)} {rule}")
            continue
        when = f"  {milestone.label} {format_long(milestone.date)}"
        if state == "open" and milestone.kind == "opens":
            groups["open"].append(f"{when}: open now {rule}")
        elif state == "open":
            left = plural(milestone.days_left or 0, _day_kind(milestone))
            groups["open"].append(f"{when}: {left} left {rule}")
        elif state == "last_day":
            groups["open"].append(f"{when}: today is the last day {rule}")
        elif state == "not_yet":
            groups["later"].append(f"{when}: {state_text(milestone)} {rule}")
        elif state == "closed":
            groups["closed"].append(f"{when}: closed {rule}")
        elif state == "met":
            groups["closed"].append(f"{when}: used in time {rule}")
        elif state == "late":
            late = lateness(milestone.working_days_late or 0, milestone.days_late)
            groups["closed"].append(f"{when}: used {late} late {rule}")
    headings = {
        "open": "Open today",
        "later": "Opening later",
        "waiting": "Waiting for a date",
        "closed": "Closed or used",
    }
    lines = [_appeal_heading(timeline), *left_out_line(timeline.left_out, timeline.today)]
    for name, entries in groups.items():
        if entries:
            lines.extend(["", f"{headings[name]}:", *entries])
    if not any(groups.values()):
        lines.extend(["", "No review or appeal windows (rules.md gives none for this regime)."])
    return wrap_lines(lines)


def _day_kind(milestone: Milestone) -> str:
    return "day" if milestone.days_left_kind == CALENDAR else "working day"
