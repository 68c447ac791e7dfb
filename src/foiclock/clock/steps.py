"""The explanation of a deadline, one step per day (working-day regimes) or per date that matters
(calendar months): which day was day 1, which days were skipped, paused, stopped or closed and
why, where the count restarted or was extended, and the rule for each.

Step kinds: `received`, `treated_as_received` (`C-RECEIPT-ALT`), `skipped` (not a working day),
`counted` (numbered), `counted_before_restart` (numbered, then superseded by a `*-CLAR` restart),
`stopped` (a clarification asked for and awaited), `restarted` (the clarification arrived),
`paused` (`*-FEES`), `closed` (a school closure, `FOIA-SCHOOL`), `extension` (numbered on after
the deadline), `event` (an event that moves nothing); for calendar months also `relevant_time`
(`SAR-START`), `corresponding_date` (`C-MONTH`), `moved` (`SAR-STOP`) and `due`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final, Protocol

from foiclock.base.i18n import MP, HolidayName, M, Weekday, joined
from foiclock.base.records import NamedTuple
from foiclock.calendar.calendars import Holiday, WorkingCalendar, calendar_for
from foiclock.calendar.working_days import (
    date_of_receipt,
    merge_ranges,
    non_working_reason,
    regime_calendar,
)
from foiclock.clock.case import Case
from foiclock.clock.deadline_parts import Body, Clarification, Extension, Fees, MonthCount
from foiclock.law.regimes import RECEIPT_RULES, get_regime

_ONE_DAY: Final = timedelta(days=1)


class Step(NamedTuple):
    """One day of an explained count."""

    day: date
    kind: str
    working_day: int | None
    reason: str
    rule: str
    holidays: tuple[Holiday, ...] = ()


class Counted(Protocol):
    """What the explanation reads of a deadline: `foiclock.clock.deadline.Deadline` is one (its
    `steps` come here), described by its fields so that this module needs nothing above it."""

    @property
    def regime(self) -> str: ...
    @property
    def received(self) -> date: ...
    @property
    def due(self) -> date | None: ...
    @property
    def rule(self) -> str: ...
    @property
    def working_days(self) -> int | None: ...
    @property
    def receipt_rule(self) -> str: ...
    @property
    def counting_from(self) -> date | None: ...
    @property
    def nation(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def case(self) -> Case | None: ...
    @property
    def clarification(self) -> Clarification | None: ...
    @property
    def fees(self) -> Fees | None: ...
    @property
    def extension(self) -> Extension | None: ...
    @property
    def body(self) -> Body | None: ...
    @property
    def months(self) -> MonthCount | None: ...
    @property
    def extended_due(self) -> date | None: ...


def deadline_steps(deadline: Counted) -> list[Step]:
    if deadline.months is not None:
        return _month_steps(deadline)
    return _working_day_steps(deadline)


def _working_day_steps(deadline: Counted) -> list[Step]:
    """Walk day by day from the receipt to the last date that matters, classifying each day the
    way the count in `foiclock.clock.deadline` treated it."""
    regime = get_regime(deadline.regime)
    calendar = regime_calendar(regime.key)
    case = deadline.case
    assert case is not None  # every Deadline the library builds carries its case
    calendar_rule = regime.calendar.rule
    clarification = deadline.clarification
    fees = deadline.fees
    body = deadline.body
    extension = deadline.extension
    due = deadline.due

    pause = None
    if fees is not None and not fees.after_due:
        pause = (fees.notice, fees.paid or date.max)
    closures: list[tuple[date, date]] = []
    if body is not None and body.decided_by_school_days:
        closures = merge_ranges((r.first, r.last) for r in body.school_closed or ())
    target = deadline.working_days or 0
    if body is not None and body.decided_by_school_days and body.rule.school_days:
        target = body.rule.school_days
    apply_within = body.rule.apply_within if body is not None else None
    all_closed = [(r.first, r.last) for r in (body.school_closed or ())] if body else []

    # The walk reaches the last date the explanation names: the deadlines, the events, and a
    # body's day to apply to the Commissioner (which can lie past a fees notice still unpaid).
    ends = [due, deadline.extended_due, body.apply_to_commissioner_by if body else None]
    if clarification is not None:
        ends += [clarification.requested, clarification.received]
    if fees is not None and not fees.after_due:
        ends += [fees.notice, fees.paid]
    last = max(day for day in ends if day is not None) if any(ends) else deadline.received

    steps = [_receipt_step(calendar, deadline.received, deadline.receipt_rule)]
    number = 0
    restarted = clarification is None
    # Events on the day of receipt itself (the walk below starts the day after).
    if clarification is not None and clarification.requested == deadline.received:
        steps.append(_clarification_asked(deadline.received, deadline))
        restarted = clarification.received == deadline.received
    if pause is not None and pause[0] == deadline.received:
        steps.append(_fee_step(calendar, deadline.received, deadline, True, calendar_rule))
    counting_from = deadline.counting_from or deadline.received
    # Before a clarification restarts the count, it runs from the date of receipt as the receipt
    # rule reads it (C-RECEIPT-ALT: the first working day after a non-working-day arrival).
    first_from = date_of_receipt(calendar, deadline.received, deadline.receipt_rule)
    day = deadline.received + _ONE_DAY
    while day <= last:
        working = calendar.is_working_day(day)
        in_pause = pause is not None and pause[0] <= day <= pause[1]
        if clarification is not None and day == clarification.requested:
            steps.append(_clarification_asked(day, deadline))
            restarted = day == clarification.received
            number = 0
        elif clarification is not None and day == clarification.received:
            steps.append(
                Step(
                    day,
                    "restarted",
                    None,
                    M(
                        "clarification received: the new date of receipt; the count restarts "
                        "from zero (this day never counts)"
                    ),
                    clarification.rule.rule,
                )
            )
            restarted = True
            number = 0
        elif clarification is not None and not restarted and day > clarification.requested:
            steps.append(
                Step(day, "stopped", None, M("awaiting the clarification"), clarification.rule.rule)
                if working
                else _skipped(calendar, day, calendar_rule)
            )
        elif fees is not None and not fees.after_due and in_pause:
            steps.append(_fee_step(calendar, day, deadline, working, calendar_rule))
        elif not working:
            steps.append(_skipped(calendar, day, calendar_rule))
        elif day <= (counting_from if restarted else first_from):
            steps.append(
                Step(
                    day,
                    "treated_as_received",
                    None,
                    M(
                        "first working day after a non-working-day receipt, treated as the date "
                        "of receipt; it does not count"
                    ),
                    "C-RECEIPT-ALT",
                )
            )
        elif not restarted:  # before a clarification was asked: counted, then superseded
            number += 1
            steps.append(Step(day, "counted_before_restart", number, "", "C-WD"))
        elif due is not None and day > due:
            number += 1
            is_last = day == deadline.extended_due
            assert extension is not None
            steps.append(
                Step(
                    day,
                    "extension",
                    number,
                    M("extended deadline") if is_last else "",
                    extension.rule.rule if is_last else "C-WD",
                )
            )
        elif any(first <= day <= end for first, end in closures):
            steps.append(
                Step(day, "closed", None, M("school closed: not a school day"), "FOIA-SCHOOL")
            )
        else:
            number += 1
            steps.append(
                _counted(day, number, deadline, target, apply_within, all_closed, body is not None)
            )
        day += _ONE_DAY
    if fees is not None and fees.after_due:
        steps.extend(_late_fee_steps(deadline))
    steps.sort(key=lambda step: step.day)  # stable: a day's own order is kept
    apply_by = body.apply_to_commissioner_by if body is not None else None
    if apply_by is not None:  # FOIA-ARMED / FOIA-ABROAD: mark the day on its own step
        index = next(i for i, step in enumerate(steps) if step.day == apply_by)
        step = steps[index]
        reason = joined(
            "; ",
            [part for part in (step.reason, M("last day to apply to the Commissioner")) if part],
        )
        steps[index] = step._replace(reason=reason, rule=deadline.rule)
    return steps


def _clarification_asked(day: date, deadline: Counted) -> Step:
    clarification = deadline.clarification
    assert clarification is not None
    if day == clarification.received:
        reason = M(
            "clarification asked for and received: the new date of receipt; the count restarts "
            "from zero"
        )
        return Step(day, "restarted", None, reason, clarification.rule.rule)
    reason = M(
        "clarification asked for: the count stops, and restarts from zero on the day it arrives"
    )
    return Step(day, "stopped", None, reason, clarification.rule.rule)


def _receipt_step(calendar: WorkingCalendar, received: date, receipt_rule: str) -> Step:
    rule = RECEIPT_RULES[receipt_rule]
    if calendar.is_working_day(received):  # both readings agree: the plain rule applies
        return Step(received, "received", None, M("date of receipt; it never counts"), "C-RECEIPT")
    _, holidays = non_working_reason(calendar, received)
    reason = M(
        "date of receipt, a non-working day ({weekday}); it never counts",
        weekday=Weekday(received),
    )
    return Step(received, "received", None, reason, rule, holidays)


def _skipped(calendar: WorkingCalendar, day: date, calendar_rule: str) -> Step:
    why, holidays = non_working_reason(calendar, day)
    return Step(day, "skipped", None, why, calendar_rule, holidays)


def _fee_step(
    calendar: WorkingCalendar, day: date, deadline: Counted, working: bool, calendar_rule: str
) -> Step:
    fees = deadline.fees
    assert fees is not None
    rule = fees.rule.pause.rule
    if day == fees.notice and day == fees.paid:
        reason = M("fees notice given and fee received the same day: the day is left out")
    elif day == fees.notice:
        reason = M("fees notice given: the clock stops until the fee arrives")
    elif day == fees.paid:
        if fees.lapsed:
            reason = M(
                "fee received after the last day to pay ({day}): the body need not comply",
                day=fees.pay_by.isoformat(),
            )
        else:
            reason = M("fee received: the count goes on from the next working day")
    elif working:
        reason = M("awaiting the fee")
    else:
        return _skipped(calendar, day, calendar_rule)
    return Step(day, "paused", None, reason, rule)


def _counted(
    day: date,
    number: int,
    deadline: Counted,
    target: int,
    apply_within: int | None,
    closed: list[tuple[date, date]],
    has_body: bool,
) -> Step:
    reasons: list[str] = []
    rule = "C-WD"
    if has_body and any(first <= day <= last for first, last in closed):
        reasons.append(M("school closed: counts only towards the 60 working days"))
    if number == target and day == deadline.due:
        latest = apply_within is not None
        reasons.append(M("latest day the Commissioner can set") if latest else M("response due"))
        rule = deadline.rule
    return Step(day, "counted", number, joined("; ", reasons), rule)


def _late_fee_steps(deadline: Counted) -> list[Step]:
    fees = deadline.fees
    assert fees is not None
    rule = fees.rule.pause.rule
    steps = [
        Step(
            fees.notice,
            "event",
            None,
            M("fees notice given after the count had ended: it does not move the deadline"),
            rule,
        )
    ]
    if fees.paid is not None:
        steps.append(Step(fees.paid, "event", None, M("fee received"), rule))
    return steps


def _month_steps(deadline: Counted) -> list[Step]:
    """Calendar months (`C-MONTH`): the dates that matter, not every day of the month."""
    months = deadline.months
    case = deadline.case
    assert months is not None and case is not None
    calendar = calendar_for((deadline.nation,))
    start_rule_id = months.start.rule if months.start is not None else "SAR-START"
    steps = []
    if months.relevant_event == "received":
        steps.append(
            Step(
                case.received,
                "received",
                None,
                M("date of receipt; it counts as day 1"),
                "C-MONTH" if months.days is None else "C-BEGINNING-WITH",
            )
        )
    else:
        steps.append(Step(case.received, "received", None, M("date of receipt"), "C-RECEIPT"))
    for key, day, start_reason, other_reason in _start_reasons(deadline):
        if day is None:
            continue
        if key == months.relevant_event:
            steps.append(Step(day, "relevant_time", None, start_reason, start_rule_id))
        else:
            steps.append(Step(day, "event", None, other_reason, start_rule_id))
    clarification = deadline.clarification
    if clarification is not None and clarification.rule.effect == "start":  # T-SAR-1998
        reason = M(
            "information asked for to locate the data: the period begins only when it arrives, "
            "if it is the latest start event"
        )
        steps.append(Step(clarification.requested, "event", None, reason, start_rule_id))
    elif clarification is not None and clarification.rule.effect == "none":
        rule = clarification.rule.rule  # before T-SAR-STOP-ICO: no stop-the-clock
        reason = M("clarification asked for: there was no stop-the-clock then, so it stops nothing")
        steps.append(Step(clarification.requested, "event", None, reason, rule))
        if clarification.received is not None:
            reason = M("clarification received: it moves nothing")
            steps.append(Step(clarification.received, "event", None, reason, rule))
    elif clarification is not None:
        rule = clarification.rule.rule
        stopped_anything = deadline.state == "awaiting_clarification" or bool(
            clarification.stopped_days
        )
        steps.append(
            Step(
                clarification.requested,
                "stopped" if stopped_anything else "event",
                None,
                M("clarification asked for: the clock stops")
                if stopped_anything
                else _stops_nothing(deadline, clarification.requested),
                rule,
            )
        )
        if clarification.received is not None:
            steps.append(
                Step(
                    clarification.received,
                    "restarted",
                    None,
                    MP(
                        "clarification received: {n} day stopped, both ends included",
                        "clarification received: {n} days stopped, both ends included",
                        clarification.stopped_days or 0,
                    ),
                    rule,
                )
            )
    if months.days is not None:  # T-SAR-1998: the last of N days, never rolled
        steps.extend(_day_period_steps(deadline.rule, months, deadline.due))
    else:
        steps.extend(_period_steps(deadline.rule, calendar, months, deadline.due))
    extension = deadline.extension
    if extension is not None and extension.months is not None:
        steps.extend(
            _period_steps(extension.rule.rule, calendar, extension.months, extension.due, True)
        )
    return sorted(steps, key=lambda step: step.day)


def _start_reasons(deadline: Counted) -> list[tuple[str, date | None, str, str]]:
    """Each start event of the case (`SAR-START`) with its reason as the relevant time and as
    an earlier event; under the DPA 1998 the information asked for too, and day 1 of the days."""
    months, case = deadline.months, deadline.case
    assert months is not None and case is not None
    days = months.days
    if days is None:
        return [
            (
                "id_received",
                case.id_received,
                M("identity information received: the relevant time, day 1 of the month"),
                M("identity information received (not the latest start event)"),
            ),
            (
                "fee_paid",
                case.fee_paid,
                M("fee received: the relevant time, day 1 of the month"),
                M("fee received (not the latest start event)"),
            ),
        ]
    return [
        (
            "id_received",
            case.id_received,
            M(
                "identity information received: the relevant day, day 1 of the {days} days",
                days=days,
            ),
            M("identity information received (not the latest start event)"),
        ),
        (
            "fee_paid",
            case.fee_paid,
            M("fee received: the relevant day, day 1 of the {days} days", days=days),
            M("fee received (not the latest start event)"),
        ),
        (
            "clarification_received",
            case.clarification_received,
            M(
                "information asked for received: the relevant day, day 1 of the {days} days",
                days=days,
            ),
            M("information asked for received (not the latest start event)"),
        ),
    ]


def _day_period_steps(rule: str, months: MonthCount, due: date | None) -> list[Step]:
    """`T-SAR-1998`: the last of the days beginning with the relevant day, the deadline."""
    if due is None or months.days is None:
        return []
    reason = M(
        "day {days} of the {days} days beginning with the relevant day: response due, with no "
        "roll to a working day",
        days=months.days,
    )
    return [Step(due, "due", None, reason, rule)]


def _stops_nothing(deadline: Counted, asked: date) -> str:
    """Why a clarification stopped no day (`SAR-STOP`): asked and answered before the relevant
    time (a), after the period ended though not after the day it rolls to (b), or after the
    response was due."""
    months = deadline.months
    assert months is not None
    due = deadline.extended_due if deadline.extension is not None else deadline.due
    if asked < months.relevant_time:
        return M("clarification asked for and received before the relevant time: it stops nothing")
    if due is not None and asked <= due:
        return M(
            "clarification asked for after the period ended, though not after the working day "
            "it rolls to: it stops nothing"
        )
    return M("clarification asked for after the response was due: it stops nothing")


def _period_steps(
    rule: str,
    calendar: WorkingCalendar,
    months: MonthCount,
    due: date | None,
    extended: bool = False,
) -> list[Step]:
    """The corresponding date, the days stopped, the roll to a working day, and the due date of
    one calendar-month period (`C-MONTH`, `SAR-STOP`; `SAR-EXT` when `extended`)."""
    corresponding, end = months.corresponding, months.end
    if end is None or due is None:
        return []
    extension_rule = rule if extended else None
    if extension_rule and months.clamped:
        reason = M(
            "extended: three months from the relevant time: the corresponding date; that month "
            "has no such day, so its last day"
        )
    elif extension_rule:
        reason = M("extended: three months from the relevant time: the corresponding date")
    elif months.clamped:
        reason = M(
            "one month from the relevant time: the corresponding date; that month has no such "
            "day, so its last day"
        )
    else:
        reason = M("one month from the relevant time: the corresponding date")
    steps = [Step(corresponding, "corresponding_date", None, reason, extension_rule or "C-MONTH")]
    if end != corresponding:
        stopped = (end - corresponding).days
        moved = (
            MP(
                "extended: later by the {n} day stopped",
                "extended: later by the {n} days stopped",
                stopped,
            )
            if extension_rule
            else MP("later by the {n} day stopped", "later by the {n} days stopped", stopped)
        )
        steps.append(Step(end, "moved", None, moved, "SAR-STOP"))
    if end < due:  # the period ends on a non-working day: say why on that day's own step
        why = _skipped(calendar, end, "C-MONTH")
        names = [HolidayName(holiday.name) for holiday in why.holidays]
        last = steps[-1]
        steps[-1] = last._replace(
            reason=M(
                "{reason}; not a working day ({why})",
                reason=last.reason,
                why=joined("; ", [why.reason, *names]),
            )
        )
    day = end + _ONE_DAY
    while day < due:
        steps.append(_skipped(calendar, day, "C-MONTH"))
        day += _ONE_DAY
    if extension_rule:
        due_reason = (
            M("extended: response due")
            if due == end
            else M("extended: response due (the next working day)")
        )
    else:
        due_reason = M("response due") if due == end else M("response due (the next working day)")
    steps.append(Step(due, "due", None, due_reason, rule))
    return steps


def holidays_names(holidays: tuple[Holiday, ...]) -> str:
    return joined("; ", [HolidayName(holiday.name) for holiday in holidays])
