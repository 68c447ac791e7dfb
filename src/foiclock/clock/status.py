"""Where a case stands on a given day: working days elapsed, days left or days overdue, or whether
the response (`responded`) came in time. The deadline is the one that applies: the extended one
when the case is extended.

Every date is counted from every event given, whatever the day; only the state is judged on it:
an event dated after it is planned (it has not happened yet). States: `not_yet_received` (the
request arrives after the day), `open`, `due_today`, `overdue`, `answered_on_time`,
`answered_late` (the same words as batch output), and while the clock waits
`awaiting_clarification`, `awaiting_fee`, or `fee_not_paid` when an unpaid fee ended the request.
"""

from datetime import date, timedelta
from typing import Final

from foiclock.base.records import NamedTuple
from foiclock.calendar.calendars import WorkingCalendar
from foiclock.calendar.working_days import counting_calendar, date_of_receipt
from foiclock.clock.case import Case, Planned, clock_on, planned
from foiclock.clock.deadline import (
    AWAITING_CLARIFICATION,
    AWAITING_FEE,
    FEE_NOT_PAID,
    RUNNING,
    Deadline,
    case_deadline,
    checked_case_deadline,
    on_day,
)

NOT_YET_RECEIVED: Final = "not_yet_received"
OPEN: Final = "open"
DUE_TODAY: Final = "due_today"
OVERDUE: Final = "overdue"
ANSWERED_ON_TIME: Final = "answered_on_time"
ANSWERED_LATE: Final = "answered_late"
#: Every state, in the order a case meets them (a batch summary counts rows in this order).
STATES: Final = (
    NOT_YET_RECEIVED,
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
    deadline: Deadline  # counted from every event, planned ones included
    planned: tuple[Planned, ...] = ()  # events dated after `today`: not happened yet that day

    @property
    def left_out(self) -> tuple[Planned, ...]:
        """The planned events, by their earlier name (JSON `left_out`)."""
        return self.planned

    @property
    def responded(self) -> date | None:
        """The response, once issued by `today` (a later one is planned)."""
        case = self.deadline.case
        return happened(case.responded if case is not None else None, self.today)

    @property
    def provisional(self) -> bool:
        """The deadline, or the working days counted up to today (or the response), depend on
        bank holidays not yet announced."""
        counted_to = self.responded or self.today
        calendar = counting_calendar(self.deadline.regime, self.deadline.nation)
        return self.deadline.provisional or calendar.is_provisional(counted_to)

    @property
    def holidays_checked(self) -> bool:
        """Every year the count touched is in GOV.UK's data (`WD-PRE2012`)."""
        deadline = self.deadline
        earliest = min(deadline.received, self.today)
        calendar = counting_calendar(deadline.regime, deadline.nation)
        return calendar.is_checked(earliest, self.provisional)


def happened(day: date | None, today: date) -> date | None:
    """`day`, if it is on or before `today`; None for a day still to come (planned)."""
    return day if day is not None and day <= today else None


def case_status(case: Case, today: date | None = None) -> CaseStatus:
    """Where the checked `case` stands on `today` (default: the clock's today). Its dates are
    counted from every event; events dated after `today` are planned: only the state and the
    days counted, left or late are judged without them."""
    today = today or date.today()
    deadline = on_day(case_deadline(case), today)
    calendar = counting_calendar(deadline.regime, deadline.nation)
    due = deadline.extended_due if case.extended else deadline.due
    responded = happened(case.responded, today)
    end = responded or today
    elapsed = _elapsed(deadline, calendar, end, due)
    total = (
        _elapsed(deadline, calendar, due, due)
        if due is not None and deadline.months is None
        else None
    )
    state, late, days_late = state_on(case, deadline, due, responded, calendar, today)
    left = calendar_left = None
    if state in (NOT_YET_RECEIVED, OPEN, DUE_TODAY) and due is not None:
        # What is still to count: pauses and closures ahead do not count (months: working
        # days); a restart ahead (`*-CLAR`) counts the whole period again from zero.
        counted = 0 if _restart_ahead(deadline, today) else elapsed
        left = total - counted if total is not None else calendar.between(today, due)
        calendar_left = (due - today).days
    return CaseStatus(
        state,
        today,
        due,
        elapsed,
        total,
        left,
        calendar_left,
        late,
        days_late,
        deadline,
        planned(case, today),
    )


def state_on(
    case: Case,
    deadline: Deadline,
    due: date | None,
    responded: date | None,
    calendar: WorkingCalendar,
    today: date,
) -> tuple[str, int | None, int | None]:
    """The state of `case` on `today`, with how late it is (or was) in working days and in
    calendar days. `deadline` is counted from every event and `due` is the deadline of it that
    applies; `responded` is the response issued by `today` (None while it is planned).

    `not_yet_received` before the date of receipt; the state of `deadline` when it has no date
    to run to (a wait with no end given, a fee paid late or not at all); what the clock does
    that day when it waits for a clarification or a fee that arrives later; else the response
    is judged against `due`."""
    if today < case.received:
        return NOT_YET_RECEIVED, None, None
    if deadline.state != RUNNING or due is None:
        return deadline.state, None, None
    clock = clock_on(case, today)
    if clock is not case:
        state = on_day(checked_case_deadline(clock), today).state  # clock: of a checked case
        if state != RUNNING:
            return state, None, None
    return _response_state(calendar, due, responded, today)


def _restart_ahead(deadline: Deadline, today: date) -> bool:
    """Whether a clarification asked for after `today` restarts the count (`*-CLAR`)."""
    clarification = deadline.clarification
    return (
        clarification is not None
        and clarification.rule.effect == "restart"
        and clarification.requested > today
    )


def _response_state(
    calendar: WorkingCalendar, due: date, responded: date | None, today: date
) -> tuple[str, int | None, int | None]:
    """A running case's state against the deadline that applies: answered on time or late once
    `responded`, else open, due today or overdue."""
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
