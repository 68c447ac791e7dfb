"""Which days of newer holiday data moved a date: the stored GOV.UK update and the config file's
proclaimed days can add a bank holiday (rules.md section 2: a day proclaimed after a request
arrived still counts; the tool recomputes, nothing is frozen) or take one away. A deadline printed
before that data arrived may then be wrong, so `due` and `timeline` say which day moved it and what
the date was without it, for an officer to re-check open cases.

The date "without it" is the same computation inside `calendar.without_newer_data()`, which uses
the `holidays` package and the shipped snapshot alone.
"""

from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from foiclock.base.i18n import N_
from foiclock.base.records import NamedTuple
from foiclock.calendar.calendars import (
    calendar_for,
    has_newer_days_from,
    holiday_table,
    without_newer_data,
)
from foiclock.clock.deadline import Deadline, case_deadline

if TYPE_CHECKING:
    from foiclock.clock.timeline import Timeline


class NewerDay(NamedTuple):
    """A day the newer data turned from working to non-working, or back, on a calendar."""

    day: date
    name: str
    divisions: tuple[str, ...]
    change: str  # added (now a bank holiday) or removed (no longer one)
    layer: str  # update (the stored GOV.UK update) or config (a proclaimed day)


class MovedDate(NamedTuple):
    """A date that differs from what the shipped data alone gives."""

    key: str  # due, extended_due, or a timeline milestone's key
    label: str
    day: date | None
    without_newer_data: date | None


class MovedBy(NamedTuple):
    days: tuple[NewerDay, ...]  # the newer days inside the span the dates were counted over
    dates: tuple[MovedDate, ...]
    state: tuple[str, str] | None = None  # (state now, state without the newer data) if changed


def newer_days_between(
    divisions: tuple[str, ...], first: date, last: date, left_out: frozenset[date] = frozenset()
) -> tuple[NewerDay, ...]:
    """The days from `first` to `last`, except those `left_out`, that the newer data made
    working or non-working on the calendar of `divisions` (a day removed for one nation but
    still a holiday in another stays non-working on a UK-wide calendar, and is not listed)."""
    now = calendar_for(divisions)
    with without_newer_data():
        before = calendar_for(divisions)
    grouped: dict[tuple[int, str, str, str], list[str]] = {}
    low, high = first.toordinal(), last.toordinal()
    for change in holiday_table().changes:
        if not (low <= change.ordinal <= high and change.division in divisions):
            continue
        day = date.fromordinal(change.ordinal)
        if day not in left_out and now.is_working_day(day) != before.is_working_day(day):
            key = (change.ordinal, change.name, change.change, change.layer)
            grouped.setdefault(key, []).append(change.division)
    return tuple(
        NewerDay(date.fromordinal(ordinal), name, tuple(divs), change, layer)
        for (ordinal, name, change, layer), divs in sorted(grouped.items())
    )


def deadline_moved_by(deadline: Deadline) -> MovedBy | None:
    """The newer days that moved `deadline`'s dates or state, and those without them; None when
    the newer data changes neither (or there is none).

    Whether anything moved is decided by counting the case again without the newer data, and
    comparing, whenever a newer day lies on or after the receipt: never by guessing which days
    matter. The days listed are those in the stretch the count runs over (`_counted_stretch`);
    when that leaves none (a receipt rule or a stop that the newer day itself changed), every
    newer day from the receipt to the last date is listed."""
    case = deadline.case
    if case is None or not has_newer_days_from(deadline.received):
        return None
    with without_newer_data():
        before = case_deadline(case)
    moved = [
        MovedDate(key, label, now, then)
        for key, label, now, then in (
            ("due", N_("Response due"), deadline.due, before.due),
            ("extended_due", N_("Extended deadline"), deadline.extended_due, before.extended_due),
        )
        if now != then
    ]
    state = (deadline.state, before.state) if deadline.state != before.state else None
    if not moved and state is None:
        return None
    from foiclock.calendar.working_days import counting_calendar

    divisions = counting_calendar(deadline.regime, deadline.nation).divisions
    dates = [d for d in (deadline.due, deadline.extended_due, before.due, before.extended_due) if d]
    last = max(dates, default=deadline.received)
    first, left_out = _counted_stretch(deadline) if deadline.due is not None else (None, None)
    days: tuple[NewerDay, ...] = ()
    if first is not None and left_out is not None:
        days = newer_days_between(divisions, first, last, left_out)
    if not days:
        days = newer_days_between(divisions, deadline.received, last)
    return MovedBy(days, tuple(moved), state)


#: Steps whose days cannot decide a date: the day counted from, and days left out of the count.
_NOT_COUNTED: Final = frozenset(
    {"received", "treated_as_received", "restarted", "counted_before_restart", "stopped",
     "paused", "closed"}
)  # fmt: skip


def _counted_stretch(deadline: Deadline) -> tuple[date, frozenset[date]]:
    """The first day whose status is likely to have moved `deadline`, and the later days that
    cannot have: for working days, the day after the count starts (after a clarification's
    restart), less the days paused, stopped or closed; for calendar months (SAR), the month's
    end, from which the deadline rolls to a working day (C-MONTH)."""
    if deadline.months is not None:
        return deadline.months.end or deadline.months.corresponding, frozenset()
    start = deadline.counting_from or deadline.received
    left_out = frozenset(step.day for step in deadline.steps if step.kind in _NOT_COUNTED)
    return start + timedelta(days=1), left_out


def timeline_moved_by(timeline: "Timeline") -> MovedBy | None:
    """Every milestone the newer data moved, and the newer days from the receipt to the last
    date; None when it moves none (or there is no newer data). Decided, as for a deadline, by
    building the timeline again without the newer data and comparing."""
    case = timeline.deadline.case if timeline.deadline is not None else None
    if case is None or timeline.received is None:
        return None
    if not has_newer_days_from(timeline.received):
        return None
    from foiclock.clock.timeline import case_timeline

    with without_newer_data():
        before = case_timeline(case, timeline.today)
    moved = []
    for milestone in timeline.milestones:
        then = before.get(milestone.key)
        then_day = then.date if then is not None else None
        if milestone.date != then_day:
            moved.append(MovedDate(milestone.key, milestone.label, milestone.date, then_day))
    if not moved:
        return None
    from foiclock.calendar.working_days import counting_calendar

    divisions = counting_calendar(timeline.regime, timeline.nation).divisions
    dates = [m.date for m in (*timeline.milestones, *before.milestones) if m.date is not None]
    days = newer_days_between(divisions, timeline.received + timedelta(days=1), max(dates))
    return MovedBy(days, tuple(moved), None)
