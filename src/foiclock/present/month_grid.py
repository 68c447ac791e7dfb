"""A deadline's count as month grids, so that an officer can check it by eye: each counted working
day numbered, each skipped day marked with its reason, paused and stopped days marked, the
deadline in brackets. Built from `Deadline.steps`, nothing recounted.

`month_grid` returns lines of (text, style) segments: the text alone is the plain output (no
colour needed to read it: marks and brackets carry everything, for NO_COLOR and pipes); the
styles are rich style names, used only when printing to a terminal.
"""

from __future__ import annotations

import calendar as month_calendar
from datetime import date, timedelta
from typing import IO, TYPE_CHECKING, Final

from foiclock.base.dates import (
    format_long,
    month_heading,
    short_date_column,
    weekday_short_names,
)
from foiclock.base.i18n import N_, _
from foiclock.base.records import NamedTuple
from foiclock.law.regimes import get_regime
from foiclock.present.render import closure_line, holidays_text, wrap_lines

if TYPE_CHECKING:
    from foiclock.calendar.config import OfficeClosure
    from foiclock.clock.deadline import Deadline
    from foiclock.clock.steps import Step

CELL_WIDTH: Final = 10  # 7 cells: 70 columns


def cell_width() -> int:
    """CELL_WIDTH, or wider when the language's deadline mark with the office-closed mark
    ("[olaf#]") needs it."""
    return max(CELL_WIDTH, 4 + len(_("[due]")) + len(OFFICE_CLOSED_MARK))


class Mark(NamedTuple):
    symbol: str  # "{n}" is the working day's number
    style: str
    meaning: str


#: What each step kind looks like in the grid, and the legend line that explains it.
MARKS: Final[dict[str, Mark]] = {
    "received": Mark("R", "bold cyan", N_("date of receipt: day 0, never counted (C-RECEIPT)")),
    "received_month": Mark("R", "bold cyan", N_("date of receipt: day 1 of the month (C-MONTH)")),
    "received_days": Mark(
        "R", "bold cyan", N_("date of receipt: day 1 of the 40 days (C-BEGINNING-WITH)")
    ),
    "treated_as_received": Mark(
        "T", "bold cyan", N_("treated as the date of receipt (C-RECEIPT-ALT)")
    ),
    "weekend": Mark("-", "dim", N_("weekend: not a working day")),
    "holiday": Mark("H", "red", N_("bank holiday: not a working day (listed below)")),
    "counted": Mark("{n}", "green", N_("working day counted, numbered (C-WD)")),
    "extension": Mark("{n}", "green", N_("working day counted, numbered (C-WD)")),
    "counted_before_restart": Mark(
        "~{n}", "dim", N_("counted, then superseded when the count restarted (*-CLAR)")
    ),
    "stopped": Mark(
        "S", "yellow", N_("clarification awaited: the count restarts from zero when it arrives")
    ),
    "stopped_month": Mark("S", "yellow", N_("clock stopped: these days do not count (SAR-STOP)")),
    "restarted": Mark("R", "bold cyan", N_("clarification arrived: the new date of receipt")),
    "paused": Mark("P", "yellow", N_("fees pause: left out of the count (*-FEES)")),
    "closed": Mark("C", "yellow", N_("school closed: not a school day (FOIA-SCHOOL)")),
    "event": Mark("E", "magenta", N_("an event that moves nothing")),
    "relevant_time": Mark("R", "bold cyan", N_("relevant time: day 1 of the month (SAR-START)")),
    "relevant_time_days": Mark(
        "R", "bold cyan", N_("relevant day: day 1 of the 40 days (SAR-START, T-SAR-1998)")
    ),
    "corresponding_date": Mark("=", "cyan", N_("one month on: the corresponding date (C-MONTH)")),
    "moved": Mark("M", "yellow", N_("end moved by the days stopped (SAR-STOP)")),
    "due": Mark("!", "bold reverse", N_("the deadline")),
}
DUE_STYLE: Final = "bold reverse"
#: Under calendar months (SAR) the day of receipt is day 1 (C-MONTH) and a clarification stops
#: the clock for every day from the ask to the answer, both included (SAR-STOP).
_MONTH_KINDS: Final = {
    "received": "received_month",
    "stopped": "stopped_month",
    "restarted": "stopped_month",
}
#: Under the DPA 1998 (`T-SAR-1998`) the period is days beginning with the relevant day.
_DAY_KINDS: Final = {"received": "received_days", "relevant_time": "relevant_time_days"}

Segment = tuple[str, str]  # (text, rich style or "")
Line = list[Segment]


class MonthGrid(NamedTuple):
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return "\n".join("".join(text for text, _ in line).rstrip() for line in self.lines)


#: Added to a day's mark when the office is closed: the day is still a working day.
OFFICE_CLOSED_MARK: Final = "#"
OFFICE_CLOSED_MEANING: Final = N_(
    "office closed: a working day all the same, never skipped (rules.md section 2; ICO LTT47)"
)


def month_grid(deadline: Deadline, office_closed: tuple[OfficeClosure, ...] = ()) -> MonthGrid:
    """The months from the receipt to the deadline (or to the last day that matters while the
    clock waits), with a legend of the marks used and the holidays skipped. Days in
    `office_closed` are marked, and counted as the law counts them."""
    steps = deadline.steps
    marks = _day_marks(deadline, steps)
    dues = {day for day in (deadline.due, deadline.extended_due) if day is not None}
    last = max([*marks, *dues])
    lines: list[Line] = [[(text, "bold")] for text in _heading(deadline)]
    used: dict[str, Mark] = {}
    month = date(deadline.received.year, deadline.received.month, 1)
    while month <= last:
        lines.append([])
        lines.append([(month_heading(month), "bold")])
        heads = [f"{name:>6}".ljust(cell_width()) for name in weekday_short_names()]
        lines.append([(head, "bold") for head in heads])
        for week in month_calendar.Calendar().monthdatescalendar(month.year, month.month):
            line: Line = []
            for day in week:
                closed = any(closure.covers(day) for closure in office_closed)
                line.append(_cell(day, month, marks, dues, used, closed=closed))
            lines.append(line)
        month = (month + timedelta(days=31)).replace(day=1)
    lines.extend(_legend(used, dues, steps))
    lines.extend(
        _closed_legend(
            office_closed, date(deadline.received.year, deadline.received.month, 1), last
        )
    )
    return MonthGrid(tuple(lines))


def _closed_legend(closures: tuple[OfficeClosure, ...], first: date, last: date) -> list[Line]:
    shown = [c for c in closures if c.first <= last and c.last >= first]
    if not shown:
        return []
    lines: list[Line] = [
        [],
        [(f"  {OFFICE_CLOSED_MARK:<4}", "yellow"), (_(OFFICE_CLOSED_MEANING), "")],
    ]
    for closure in shown:
        lines.append([(closure_line(closure), "")])
    return lines


def _heading(deadline: Deadline) -> list[str]:
    regime = get_regime(deadline.regime)
    lines = [
        _("{regime} count, received {date}").format(
            regime=regime.short_name, date=format_long(deadline.received)
        )
    ]
    if deadline.due is None:
        lines.append(_("No deadline yet: the clock waits"))
    else:
        lines.append(
            _("Due {date} ({rule})").format(date=format_long(deadline.due), rule=deadline.rule)
        )
    extension = deadline.extension
    if extension is not None and extension.due is not None:
        lines.append(
            _("Extended to {date} ({rule})").format(
                date=format_long(extension.due), rule=extension.rule.rule
            )
        )
    return lines


def _day_marks(deadline: Deadline, steps: tuple[Step, ...]) -> dict[date, tuple[str, Mark]]:
    """Each day's kind and mark (a day of several steps keeps the last one); days from a stop
    to its restart are marked stopped."""
    marks: dict[date, tuple[str, Mark]] = {}
    stopped_from: date | None = None
    months = deadline.months is not None
    kinds = _DAY_KINDS if deadline.months is not None and deadline.months.days else _MONTH_KINDS
    for step in steps:
        kind = kinds.get(step.kind, step.kind) if months else step.kind
        if kind == "skipped":
            kind = "holiday" if step.holidays else "weekend"
        if kind == "due":
            continue  # the deadline is bracketed, whatever the day's own mark
        symbol = MARKS[kind].symbol.format(n=step.working_day)
        marks[step.day] = (kind, MARKS[kind]._replace(symbol=symbol))
        if step.kind == "stopped":
            stopped_from = step.day
        elif step.kind == "restarted" and stopped_from is not None:
            _fill_stop(marks, stopped_from, step.day, "stopped_month" if months else "stopped")
            stopped_from = None
    if stopped_from is not None:  # still waiting for the clarification
        _fill_stop(marks, stopped_from, max(marks), kind="stopped_month" if months else "stopped")
    if deadline.months is not None and deadline.due is not None and deadline.due not in marks:
        marks[deadline.due] = ("due", MARKS["due"])
    return marks


def _fill_stop(marks: dict[date, tuple[str, Mark]], first: date, last: date, kind: str) -> None:
    day = first + timedelta(days=1)
    while day < last:
        marks.setdefault(day, (kind, MARKS[kind]))
        day += timedelta(days=1)


def _cell(
    day: date,
    month: date,
    marks: dict[date, tuple[str, Mark]],
    dues: set[date],
    used: dict[str, Mark],
    *,
    closed: bool = False,
) -> Segment:
    width = cell_width()
    if day.month != month.month:
        return (" " * width, "")
    kind, mark = marks.get(day, ("", Mark("", "dim", "")))
    symbol = mark.symbol
    style = mark.style
    if kind and kind != "due":  # the deadline has its own legend line, "[ ]"
        used.setdefault(kind, MARKS[kind])
    if day in dues:
        symbol = (
            f"[{symbol}{OFFICE_CLOSED_MARK * closed}]"
            if symbol not in ("", "!")
            else _("[due]").removesuffix("]") + OFFICE_CLOSED_MARK * closed + "]"
        )
        style = DUE_STYLE
    else:
        symbol += OFFICE_CLOSED_MARK * closed
    return (f"{day.day:>3} {symbol:<{width - 4}}", style)


def _legend(used: dict[str, Mark], dues: set[date], steps: tuple[Step, ...]) -> list[Line]:
    lines: list[Line] = [[]]
    seen: set[str] = set()
    for mark in used.values():
        if mark.meaning in seen:
            continue
        seen.add(mark.meaning)
        symbol = mark.symbol.replace("{n}", "1")
        lines.append([(f"  {symbol:<4}", mark.style), (_(mark.meaning), "")])
    if dues:
        lines.append([("  [ ] ", DUE_STYLE), (_("the deadline"), "")])
    holidays = [step for step in steps if step.kind == "skipped" and step.holidays]
    if holidays:
        lines.append([])
        lines.append([(_("Bank holidays skipped:"), "bold")])
        for step in holidays:
            entry = f"  {short_date_column(step.day)}  {holidays_text(step.holidays)}"
            lines.extend([(text, "")] for text in wrap_lines([entry]).splitlines())
    return lines


def print_in_colour(grid: MonthGrid, file: IO[str] | None = None) -> None:
    """Print with rich's styles, for a terminal; rich drops colour under NO_COLOR or TERM=dumb,
    and the marks read the same without it."""
    from rich.console import Console
    from rich.text import Text

    console = Console(file=file, highlight=False)
    for line in grid.lines:
        console.print(Text.assemble(*line), overflow="ignore", crop=False)
