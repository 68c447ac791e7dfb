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
from foiclock.deadline import (
    AWAITING_CLARIFICATION,
    AWAITING_FEE,
    FEE_NOT_PAID,
    RUNNING,
    Deadline,
    case_deadline,
    on_day,
)
from foiclock.engine import counting_calendar, date_of_receipt, last_announced_year

OPEN: Final = "open"
DUE_TODAY: Final = "due_today"
OVERDUE: Final = "overdue"
ANSWERED_ON_TIME: Final = "answered_on_time"
ANSWERED_LATE: Final = "answered_late"
#: Every state, in the order a case meets them (a batch summary counts rows in this order).
STATES: Final = (
    OPEN,
    DUE_TODAY,
    OVERDUE,
    ANSWERED_ON_TIME,
    ANSWERED_LATE,
    AWAITING_CLARIFICATION,
    AWAITING_FEE,
    FEE_NOT_PAID,
)
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
        """The deadline, or the working days counted up to today (or the response), depend on
        bank holidays not yet announced."""
        case = self.deadline.case
        counted_to = case.responded if case is not None and case.responded else self.today
        return self.deadline.provisional or counted_to.year > last_announced_year()


def case_status(case: Case, today: date | None = None) -> CaseStatus:
    """Where the checked `case` stands on `today` (default: the clock's today)."""
    today = today or date.today()
    case, left_out = as_of(case, today)
    deadline = on_day(case_deadline(case), today)
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
    else:
        state, late, days_late = response_state(calendar, due, case.responded, today)
    if state in (OPEN, DUE_TODAY):
        assert due is not None
        # What is still to count: pauses and closures ahead do not count (months: working days).
        left = total - elapsed if total is not None else calendar.between(today, due)
        calendar_left = (due - today).days
    return CaseStatus(
        state, today, due, elapsed, total, left, calendar_left, late, days_late, deadline, left_out
    )


def response_state(
    calendar: WorkingCalendar, due: date, responded: date | None, today: date
) -> tuple[str, int | None, int | None]:
    """A running case's state against the deadline that applies, with how late it is (or was) in
    working days and in calendar days: answered on time or late once `responded` (known on
    `today`) is given, else open, due today or overdue."""
    if responded is not None:
        if responded <= due:
            return ANSWERED_ON_TIME, None, None
        return ANSWERED_LATE, calendar.between(due, responded), (responded - due).days
    if today > due:
        return OVERDUE, calendar.between(due, today), (today - due).days
    return (DUE_TODAY if today == due else OPEN), None, None


def _elapsed(deadline: Deadline, calendar: WorkingCalendar, end: date, due: date | None) -> int:
    """Working days counted up to `end`: the steps' own numbering (a restart counts from zero
    again; pauses and closures do not count), then every working day after the deadline. For
    calendar months (SAR), the working days from the relevant time, which counts as day 1."""
    if deadline.months is not None:
        day_before = deadline.months.relevant_time - timedelta(days=1)
        return working_days_counted(calendar, day_before, end)
    counted = _counted_by_ranges(deadline, calendar, end)
    if counted is not None:
        return counted
    return _elapsed_by_steps(deadline, calendar, end, due)


_ONE_DAY: Final = timedelta(days=1)


def _counted_by_ranges(deadline: Deadline, calendar: WorkingCalendar, end: date) -> int | None:
    """What the steps would number by `end`, counted as working days over ranges instead of
    walked day by day, for a count with at most one clock event: a clarification (the days
    counted before the ask, until the restart; then from the restart) or a fee (the pause, from
    the notice to the payment, both included, left out). None for any other count (a body, or a
    clarification and a fee together): the steps decide. tests/test_batch_agreement.py checks
    this against the steps."""
    clarification, fees = deadline.clarification, deadline.fees
    if deadline.body is not None or (clarification is not None and fees is not None):
        return None
    counting_from = deadline.counting_from
    if clarification is not None:
        if clarification.received is None or end < clarification.received:
            before_ask = min(end, clarification.requested - _ONE_DAY)
            first_from = date_of_receipt(calendar, deadline.received, deadline.receipt_rule)
            return working_days_counted(calendar, first_from, before_ask)
        assert counting_from is not None  # the clarification arrived: the count restarted
        return working_days_counted(calendar, counting_from, end)
    if counting_from is None:
        return None
    if fees is None or fees.after_due:
        return working_days_counted(calendar, counting_from, end)
    before_notice = working_days_counted(calendar, counting_from, min(end, fees.notice - _ONE_DAY))
    if fees.paid is None or fees.lapsed:  # the count never went on
        return before_notice
    return before_notice + working_days_counted(calendar, max(fees.paid, counting_from), end)


def _elapsed_by_steps(
    deadline: Deadline, calendar: WorkingCalendar, end: date, due: date | None
) -> int:
    """The steps' own numbering up to `end`, then every working day after the deadline."""
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


def working_days_counted(calendar: WorkingCalendar, counting_from: date, end: date) -> int:
    """Working days counted by `end` in a count with no pause, stop, restart or closure: every
    working day after the day it counts from (`C-WD`), past the deadline too; 0 before it."""
    return max(0, calendar.between(counting_from, end))
