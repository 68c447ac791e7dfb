"""Where a case stands on a given day: working days elapsed, days left or days overdue, or whether
the response (`responded`) came in time. The deadline is the one that applies: the extended one
when the case is extended.

States: `open`, `due_today`, `overdue`, `answered_on_time`, `answered_late` (the same words as
batch output), and while the clock waits `awaiting_clarification`, `awaiting_fee`, or
`fee_not_paid` when an unpaid fee ended the request.
"""

from datetime import date, timedelta
from typing import Final, NamedTuple

from foiclock.calendar import WorkingCalendar
from foiclock.case import Case, LeftOut, as_of
from foiclock.deadline import RUNNING, Deadline, case_deadline
from foiclock.engine import counting_calendar

OPEN: Final = "open"
DUE_TODAY: Final = "due_today"
OVERDUE: Final = "overdue"
ANSWERED_ON_TIME: Final = "answered_on_time"
ANSWERED_LATE: Final = "answered_late"
#: States that need attention: `foiclock status` exits 1 on them.
NEEDS_ATTENTION: Final = frozenset({OVERDUE, ANSWERED_LATE})

_COUNTING_KINDS: Final = frozenset({"counted", "counted_before_restart", "extension"})


class CaseStatus(NamedTuple):
    """A case on `today` (or at its response, once answered)."""

    state: str
    today: date
    due: date | None  # the deadline that applies
    working_days_elapsed: int  # counted by the deadline's own rules up to today (or the answer)
    working_days_total: int | None  # what the count reaches on the deadline (None for months)
    working_days_left: int | None  # still to count after today, up to the deadline
    calendar_days_left: int | None
    working_days_late: int | None  # overdue so far, or answered late by
    days_late: int | None  # the same in calendar days (a late answer on a Saturday: 1, 0)
    deadline: Deadline
    left_out: tuple[LeftOut, ...] = ()  # events dated after `today`: not known on that day

    @property
    def provisional(self) -> bool:
        return self.deadline.provisional


def case_status(case: Case, today: date | None = None) -> CaseStatus:
    """Where the checked `case` stands on `today` (default: the clock's today)."""
    today = today or date.today()
    case, left_out = as_of(case, today)
    deadline = case_deadline(case)
    calendar = counting_calendar(deadline.regime, deadline.nation)
    due = deadline.extended_due if case.extended else deadline.due
    end = case.responded if case.responded is not None else today
    elapsed = _elapsed(deadline, calendar, end, due)
    total = (
        _elapsed(deadline, calendar, due, due)
        if due is not None and deadline.months is None
        else None
    )
    left = late = days_late = calendar_left = None
    if deadline.state != RUNNING or due is None:
        state = deadline.state
    elif case.responded is not None:
        state = ANSWERED_ON_TIME if case.responded <= due else ANSWERED_LATE
        if state == ANSWERED_LATE:
            late, days_late = calendar.between(due, case.responded), (case.responded - due).days
    elif today > due:
        state, late, days_late = OVERDUE, calendar.between(due, today), (today - due).days
    else:
        state = DUE_TODAY if today == due else OPEN
        # What is still to count: pauses and closures ahead do not count (months: working days).
        left = total - elapsed if total is not None else calendar.between(today, due)
        calendar_left = (due - today).days
    return CaseStatus(
        state, today, due, elapsed, total, left, calendar_left, late, days_late, deadline, left_out
    )


def _elapsed(deadline: Deadline, calendar: WorkingCalendar, end: date, due: date | None) -> int:
    """Working days counted up to `end`: the steps' own numbering (a restart counts from zero
    again; pauses and closures do not count), then every working day after the deadline. For
    calendar months (SAR), the working days from the relevant time, which counts as day 1."""
    if deadline.months is not None:
        start = deadline.months.relevant_time - timedelta(days=1)
        return max(0, calendar.between(start, end))
    elapsed = 0
    for step in deadline.steps:
        if step.day > end:
            break
        if step.kind == "restarted":
            elapsed = 0
        elif step.kind in _COUNTING_KINDS and step.working_day is not None:
            elapsed = step.working_day
    if due is not None and end > due:
        elapsed += calendar.between(due, end)
    return elapsed
