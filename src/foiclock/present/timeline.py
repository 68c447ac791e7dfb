"""A timeline as text for people (`table`), as Markdown for a case note (`md`) and as CSV, and the
requester's view of it (`foiclock appeal`). Dates are UK style for people, ISO 8601 in CSV."""

from __future__ import annotations

import csv
import io

from foiclock.base.dates import format_long, format_short
from foiclock.base.i18n import N_, _, localise
from foiclock.base.output import neutralised
from foiclock.clock.timeline import CALENDAR, OPENS, Milestone, Timeline, requester_windows
from foiclock.law.regimes import get_regime
from foiclock.law.windows import BODY
from foiclock.present.render import (
    WIDTH,
    closure_line,
    lateness,
    planned_line,
    plural,
    status_note,
    wrap_lines,
)

_DATE_WIDTH = 15
_LABEL_WIDTH = 33
#: Columns a row keeps for its state: a label so long that the state would have less goes on a
#: line of its own, its state under the state column (Welsh labels run long).
_STATE_ROOM = 24
_NO_DATE = "-"
_NBSP = "\u00a0"

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
        if state == "open":
            template = _("open: {left} left")
        elif milestone.kind == OPENS:
            template = _("opens in {left}")
        else:  # a deadline counted from an event still to come
            template = _("not yet open, opens in {left}")
        return template.format(left=left)
    if state in ("late", "overdue") and milestone.working_days_late is not None:
        template = _("late by {late}") if state == "late" else _("overdue by {late}")
        return template.format(late=lateness(milestone.working_days_late, milestone.days_late))
    if state == "waiting":
        return _("needs {option}").format(option=option_name(milestone.waits_for or "received"))
    if state == "not_needed" and milestone.key in _ANSWERED_COMPLAINT:
        return _("not needed: complaint answered")
    return _(_STATE_WORDS.get(state, state))


#: Deadlines that a complaint's answer makes moot (`SAR-CTRL`).
_ANSWERED_COMPLAINT = frozenset({"complaint_acknowledge_by"})


#: A milestone's state as shown, where it is not worked out from its days (JSON keeps the key).
_STATE_WORDS = {
    "due_today": N_("due today"),
    "last_day": N_("last day today"),
    "if_extended": N_("if extended"),
    "not_needed": N_("not needed: review outcome given"),
    "lapsed": N_("lapsed: fee not paid in time"),
    "done": N_("done"),
    "planned": N_("planned"),
    "met": N_("met"),
    "late": N_("late"),
    "open": N_("open"),
    "closed": N_("closed"),
    "extended": N_("extended"),
    "overdue": N_("overdue"),
    "waiting": N_("waiting"),
    "not_yet": N_("not yet"),
    "no_date": N_("no date set"),
}


def _heading(timeline: Timeline) -> str:
    values = {
        "regime": get_regime(timeline.regime).short_name,
        "case": timeline.case_id or "",
        "received": format_long(timeline.received) if timeline.received is not None else "",
        "today": format_long(timeline.today),
    }
    if timeline.case_id and timeline.received is not None:
        template = _("{regime} timeline {case}, received {received}; states on {today}")
    elif timeline.case_id:
        template = _("{regime} timeline {case}; states on {today}")
    elif timeline.received is not None:
        template = _("{regime} timeline, received {received}; states on {today}")
    else:
        template = _("{regime} timeline; states on {today}")
    return template.format(**values)


def _appeal_heading(timeline: Timeline) -> str:
    regime = get_regime(timeline.regime).short_name
    responded = timeline.get("responded")
    today = format_long(timeline.today)
    if responded and responded.date:
        return _(
            "{regime} review and appeal windows to a response of {responded}, on {today}"
        ).format(regime=regime, responded=format_long(responded.date), today=today)
    if timeline.received is not None:
        return _(
            "{regime} review and appeal windows for a request received {received}, not yet "
            "answered, on {today}"
        ).format(regime=regime, received=format_long(timeline.received), today=today)
    return _("{regime} review and appeal windows, on {today}").format(regime=regime, today=today)


def _rule_line(milestone: Milestone, timeline: Timeline) -> str:
    provisional = " [" + _("provisional") + "]" if milestone.provisional else ""
    closed = office_closed_mark(timeline, milestone)
    return (
        f"{milestone.cited_rule}: {localise(milestone.source)}{status_note(milestone.status)}"
        f"{provisional}{closed}"
    )


#: Why an office closure is shown and not skipped (rules.md section 2).
OFFICE_CLOSED_RULE = N_(
    "no statutory date moves for these days: closure days are working days under every regime, "
    "rules.md section 2; ICO LTT47"
)


def warning_line(milestone: Milestone) -> str:
    """'warning: ...' for a milestone whose date stands though offices may be shut (FOISA-COURT),
    else ''."""
    if milestone.warning is None:
        return ""
    return _("warning") + ": " + localise(milestone.warning)


def no_date_line(milestone: Milestone) -> str:
    """Why a milestone has no date under the version of its rule then in force (`T-IR-2004`),
    else ''."""
    return localise(milestone.description) if milestone.state == "no_date" else ""


def office_closed_mark(timeline: Timeline, milestone: Milestone) -> str:
    """' [office closed that day: ...]' for a milestone on a closure day, else ''."""
    closure = timeline.closed_on(milestone.date)
    if closure is None:
        return ""
    return (
        " ["
        + _("office closed that day ({name}): the date stands").format(name=localise(closure.name))
        + "]"
    )


def office_closed_lines(timeline: Timeline) -> list[str]:
    """The closures that touch the timeline, and why no date moves for them."""
    if not timeline.office_closed:
        return []
    lines = ["", _("Office closed ({why}):").format(why=_(OFFICE_CLOSED_RULE))]
    for closure in timeline.office_closed:
        lines.append(closure_line(closure))
    return lines


def timeline_table(timeline: Timeline) -> str:
    """Each milestone on a line (date, label, state) with its rule and source under it. The
    columns are as wide as their longest entry (Welsh dates and labels run longer)."""
    lines = [_heading(timeline), *planned_line(timeline.planned, timeline.today), ""]
    rows = [
        (
            format_short(milestone.date) if milestone.date is not None else _NO_DATE,
            localise(milestone.label),
            milestone,
        )
        for milestone in timeline.milestones
    ]
    date_head, milestone_head = _("Date"), _("Milestone")
    date_width = max([_DATE_WIDTH, len(date_head), *(len(day) for day, _l, _m in rows)])
    widest = WIDTH - date_width - 4 - _STATE_ROOM
    labels = [len(label) for _d, label, _m in rows if len(label) <= widest]
    label_width = max([_LABEL_WIDTH, len(milestone_head), *labels])
    lines.append(f"{date_head:<{date_width}}  {milestone_head:<{label_width}}  " + _("State"))
    indent = " " * (date_width + 2)
    for day, label, milestone in rows:
        # A row stays on one line, so that its state is never folded under the date column; a
        # label longer than the column has the state on the next line, under the state column.
        if len(label) > label_width:
            lines.append(f"{day:<{date_width}}  {label}".replace(" ", _NBSP))
            row = _NBSP * (date_width + 2 + label_width + 2) + state_text(milestone)
        else:
            row = f"{day:<{date_width}}  {label:<{label_width}}  {state_text(milestone)}"
        lines.append(row.replace(" ", _NBSP))
        lines.append(indent + _rule_line(milestone, timeline))
        for note in (warning_line(milestone), no_date_line(milestone)):
            if note:
                lines.append(indent + note)
    return wrap_lines(lines + office_closed_lines(timeline)).replace(_NBSP, " ")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def timeline_markdown(timeline: Timeline) -> str:
    """A Markdown table for a case note."""
    headings = (_("Date"), _("Milestone"), _("State"), _("Rule"), _("Source"))
    lines = [
        f"### {_cell(_heading(timeline))}",
        "",
        "| " + " | ".join(headings) + " |",
        "|---|---|---|---|---|",
    ]
    for milestone in timeline.milestones:
        day = format_short(milestone.date).replace("  ", " ") if milestone.date else _NO_DATE
        source = localise(milestone.source) + status_note(milestone.status)
        state = state_text(milestone) + office_closed_mark(timeline, milestone)
        if milestone.warning is not None:
            state += f" [{warning_line(milestone)}]"
        if why := no_date_line(milestone):
            state += f" [{why}]"
        row = (day, localise(milestone.label), state, milestone.cited_rule, source)
        lines.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
    return "\n".join(lines + office_closed_lines(timeline))


def timeline_csv(timeline: Timeline) -> str:
    """One row per milestone, ISO dates, in the columns of CSV_COLUMNS; a cell a spreadsheet
    would run as a formula (a case_id starting with =) gets a leading ' (`neutralised`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in timeline.milestones:
        writer.writerow(
            neutralised(
                [
                    timeline.case_id or "",
                    timeline.regime,
                    m.key,
                    m.label,
                    m.date.isoformat() if m.date is not None else "",
                    m.state,
                    "" if m.days_left is None else str(m.days_left),
                    m.days_left_kind or "",
                    "" if m.working_days_late is None else str(m.working_days_late),
                    m.waits_for or "",
                    m.counted_from or "",
                    m.rule,
                    m.source,
                    m.status,
                    "true" if m.provisional else "false",
                    "true" if timeline.closed_on(m.date) is not None else "false",
                ]
            )
        )
    return buffer.getvalue().rstrip("\n")


def appeal_text(timeline: Timeline) -> str:
    """The requester's view: the windows open today with the days left in each, those not yet
    open, those waiting for a date, and those that have closed, with when."""
    groups: dict[str, list[str]] = {
        "open": [],
        "later": [],
        "waiting": [],
        "no_date": [],
        "closed": [],
    }
    for milestone in requester_windows(timeline):
        state = milestone.state
        rule = f"({milestone.cited_rule}{status_note(milestone.status)})"
        label = localise(milestone.label)
        if milestone.date is None:
            if state in ("waiting", "no_date"):
                groups[state].append(f"  {label}: {state_text(milestone)} {rule}")
            if why := no_date_line(milestone):
                groups[state].append(f"    {why}")
            continue
        when = f"  {label} {format_long(milestone.date)}"
        if state == "open" and milestone.kind == OPENS:
            group, words = "open", _("open now")
        elif state == "open":
            left = plural(milestone.days_left or 0, _day_kind(milestone))
            group, words = "open", _("{left} left").format(left=left)
        elif state in ("last_day", "due_today"):
            group, words = "open", _("today is the last day")
        elif state == "not_yet":
            group, words = "later", state_text(milestone)
        elif state == "closed":
            group, words = "closed", _("closed")
        elif state == "met":
            group, words = "closed", _("used in time")
        elif state == "late":
            late = lateness(milestone.working_days_late or 0, milestone.days_late)
            group, words = "closed", _("used {late} late").format(late=late)
        elif milestone.party == BODY and state in ("overdue", "not_needed"):  # SAR-CTRL
            group, words = "closed", state_text(milestone)
        else:
            continue
        groups[group].append(f"{when}: {words} {rule}")
        if milestone.warning is not None and group != "closed":
            groups[group].append(f"    {warning_line(milestone)}")
    headings = {
        "open": N_("Open today"),
        "later": N_("Opening later"),
        "waiting": N_("Waiting for a date"),
        "no_date": N_("No date set at the time"),
        "closed": N_("Closed or used"),
    }
    lines = [_appeal_heading(timeline), *planned_line(timeline.planned, timeline.today)]
    for name, entries in groups.items():
        if entries:
            lines.extend(["", f"{_(headings[name])}:", *entries])
    if not any(groups.values()):
        lines.extend(["", _("No review or appeal windows (rules.md gives none for this regime).")])
    return wrap_lines(lines)


def _day_kind(milestone: Milestone) -> str:
    return "day" if milestone.days_left_kind == CALENDAR else "working day"
