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
from typing import TYPE_CHECKING, Final, NamedTuple

from foiclock.calendar import Holiday, WorkingCalendar, calendar_for
from foiclock.dates import WEEKDAY_NAMES
from foiclock.engine import (
    date_of_receipt,
    merge_ranges,
    non_working_reason,
    regime_calendar,
)
from foiclock.regimes import RECEIPT_RULES, get_regime

if TYPE_CHECKING:
    from foiclock.deadline import Deadline, MonthCount

_ONE_DAY: Final = timedelta(days=1)


class Step(NamedTuple):
    """One day of an explained count."""

    day: date
    kind: str
    working_day: int | None
    reason: str
    rule: str
    holidays: tuple[Holiday, ...] = ()


def deadline_steps(deadline: Deadline) -> list[Step]:
    if deadline.months is not None:
        return _month_steps(deadline)
    return _working_day_steps(deadline)


def _working_day_steps(deadline: Deadline) -> list[Step]:
    """Walk day by day from the receipt to the last date that matters, classifying each day the
    way the count in `foiclock.deadline` treated it."""
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
                    "clarification received: the new date of receipt; the count restarts from "
                    "zero (this day never counts)",
                    clarification.rule.rule,
                )
            )
            restarted = True
            number = 0
        elif clarification is not None and not restarted and day > clarification.requested:
            steps.append(
                Step(day, "stopped", None, "awaiting the clarification", clarification.rule.rule)
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
                    "first working day after a non-working-day receipt, treated as the date of "
                    "receipt; it does not count",
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
                    "extended deadline" if is_last else "",
                    extension.rule.rule if is_last else "C-WD",
                )
            )
        elif any(first <= day <= end for first, end in closures):
            steps.append(
                Step(day, "closed", None, "school closed: not a school day", "FOIA-SCHOOL")
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
        reason = "; ".join(filter(None, (step.reason, "last day to apply to the Commissioner")))
        steps[index] = step._replace(reason=reason, rule=deadline.rule)
    return steps


def _clarification_asked(day: date, deadline: Deadline) -> Step:
    clarification = deadline.clarification
    assert clarification is not None
    if day == clarification.received:
        reason = (
            "clarification asked for and received: the new date of receipt; the count restarts "
            "from zero"
        )
        return Step(day, "restarted", None, reason, clarification.rule.rule)
    reason = (
        "clarification asked for: the count stops, and restarts from zero on the day it arrives"
    )
    return Step(day, "stopped", None, reason, clarification.rule.rule)


def _receipt_step(calendar: WorkingCalendar, received: date, receipt_rule: str) -> Step:
    rule = RECEIPT_RULES[receipt_rule]
    if calendar.is_working_day(received):  # both readings agree: the plain rule applies
        return Step(received, "received", None, "date of receipt; it never counts", "C-RECEIPT")
    _, holidays = non_working_reason(calendar, received)
    weekday = WEEKDAY_NAMES[received.weekday()]
    reason = f"date of receipt, a non-working day ({weekday}); it never counts"
    return Step(received, "received", None, reason, rule, holidays)


def _skipped(calendar: WorkingCalendar, day: date, calendar_rule: str) -> Step:
    why, holidays = non_working_reason(calendar, day)
    return Step(day, "skipped", None, why, calendar_rule, holidays)


def _fee_step(
    calendar: WorkingCalendar, day: date, deadline: Deadline, working: bool, calendar_rule: str
) -> Step:
    fees = deadline.fees
    assert fees is not None
    rule = fees.rule.pause.rule
    if day == fees.notice and day == fees.paid:
        reason = "fees notice given and fee received the same day: the day is left out"
    elif day == fees.notice:
        reason = "fees notice given: the clock stops until the fee arrives"
    elif day == fees.paid:
        if fees.lapsed:
            reason = (
                f"fee received after the last day to pay ({fees.pay_by.isoformat()}): the body "
                "need not comply"
            )
        else:
            reason = "fee received: the count goes on from the next working day"
    elif working:
        reason = "awaiting the fee"
    else:
        return _skipped(calendar, day, calendar_rule)
    return Step(day, "paused", None, reason, rule)


def _counted(
    day: date,
    number: int,
    deadline: Deadline,
    target: int,
    apply_within: int | None,
    closed: list[tuple[date, date]],
    has_body: bool,
) -> Step:
    reasons = []
    rule = "C-WD"
    if has_body and any(first <= day <= last for first, last in closed):
        reasons.append("school closed: counts only towards the 60 working days")
    if number == target and day == deadline.due:
        latest = apply_within is not None
        reasons.append("latest day the Commissioner can set" if latest else "response due")
        rule = deadline.rule
    return Step(day, "counted", number, "; ".join(reasons), rule)


def _late_fee_steps(deadline: Deadline) -> list[Step]:
    fees = deadline.fees
    assert fees is not None
    rule = fees.rule.pause.rule
    steps = [
        Step(
            fees.notice,
            "event",
            None,
            "fees notice given after the count had ended: it does not move the deadline",
            rule,
        )
    ]
    if fees.paid is not None:
        steps.append(Step(fees.paid, "event", None, "fee received", rule))
    return steps


def _month_steps(deadline: Deadline) -> list[Step]:
    """Calendar months (`C-MONTH`): the dates that matter, not every day of the month."""
    months = deadline.months
    case = deadline.case
    assert months is not None and case is not None
    calendar = calendar_for((deadline.nation,))
    start_rule = get_regime(deadline.regime).start_events
    start_rule_id = start_rule.rule if start_rule is not None else "SAR-START"
    steps = []
    if months.relevant_event == "received":
        steps.append(
            Step(case.received, "received", None, "date of receipt; it counts as day 1", "C-MONTH")
        )
    else:
        steps.append(Step(case.received, "received", None, "date of receipt", "C-RECEIPT"))
    for key, day, what in (
        ("id_received", case.id_received, "identity information received"),
        ("fee_paid", case.fee_paid, "fee received"),
    ):
        if day is None:
            continue
        if key == months.relevant_event:
            reason = f"{what}: the relevant time, day 1 of the month"
            steps.append(Step(day, "relevant_time", None, reason, start_rule_id))
        else:
            steps.append(
                Step(day, "event", None, f"{what} (not the latest start event)", start_rule_id)
            )
    clarification = deadline.clarification
    if clarification is not None:
        rule = clarification.rule.rule
        stopped_anything = deadline.state == "awaiting_clarification" or bool(
            clarification.stopped_days
        )
        steps.append(
            Step(
                clarification.requested,
                "stopped" if stopped_anything else "event",
                None,
                "clarification asked for: the clock stops"
                if stopped_anything
                else "clarification asked for after the response was due: it stops nothing",
                rule,
            )
        )
        if clarification.received is not None:
            steps.append(
                Step(
                    clarification.received,
                    "restarted",
                    None,
                    f"clarification received: {_days(clarification.stopped_days or 0)} stopped, "
                    "both ends included",
                    rule,
                )
            )
    steps.extend(_period_steps(deadline.rule, calendar, months, deadline.due))
    extension = deadline.extension
    if extension is not None and extension.months is not None:
        steps.extend(
            _period_steps(extension.rule.rule, calendar, extension.months, extension.due, True)
        )
    return sorted(steps, key=lambda step: step.day)


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
    label = "extended: " if extension_rule else ""
    count = "three months" if extension_rule else "one month"
    clamp = "; that month has no such day, so its last day" if months.clamped else ""
    steps = [
        Step(
            corresponding,
            "corresponding_date",
            None,
            f"{label}{count} from the relevant time: the corresponding date{clamp}",
            extension_rule or "C-MONTH",
        )
    ]
    if end != corresponding:
        steps.append(
            Step(
                end,
                "moved",
                None,
                f"{label}later by the {_days((end - corresponding).days)} stopped",
                "SAR-STOP",
            )
        )
    if end < due:  # the period ends on a non-working day: say why on that day's own step
        why = _skipped(calendar, end, "C-MONTH")
        names = f"; {holidays_names(why.holidays)}" if why.holidays else ""
        last = steps[-1]
        steps[-1] = last._replace(reason=f"{last.reason}; not a working day ({why.reason}{names})")
    day = end + _ONE_DAY
    while day < due:
        steps.append(_skipped(calendar, day, "C-MONTH"))
        day += _ONE_DAY
    reason = f"{label}response due" + ("" if due == end else " (the next working day)")
    steps.append(Step(due, "due", None, reason, rule))
    return steps


def holidays_names(holidays: tuple[Holiday, ...]) -> str:
    return "; ".join(holiday.name for holiday in holidays)


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"
