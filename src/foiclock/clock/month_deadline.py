"""Subject access deadlines (`SAR-RESP` as in force for the case, chosen by
`foiclock.law.sar_versions`): one month from the relevant time (`SAR-START`) by `C-MONTH`, later
by the days stopped (`SAR-STOP`), on the controller's own nation's calendar (`WD-NATION`); or,
for a request received before 25 May 2018, 40 days beginning with the relevant day, with no roll
and no extension (`T-SAR-1998`). What is counted comes back as a `MonthDeadline`, which
`foiclock.clock.deadline` makes into the Deadline. Imported only for subject access.
"""

from datetime import date, timedelta
from typing import Final

from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple
from foiclock.calendar.calendars import WorkingCalendar, calendar_for
from foiclock.calendar.working_days import first_working_day_from
from foiclock.clock.case import Case
from foiclock.clock.deadline_parts import Clarification, Extension, MonthCount
from foiclock.law.regimes import DayWindow, MonthWindow, Regime, WorkingDayWindow
from foiclock.law.sar_versions import SarRules, in_force, sar_rules

_ONE_DAY: Final = timedelta(days=1)


class MonthDeadline(NamedTuple):
    """What a subject access count gives, for the Deadline (`foiclock.clock.deadline`)."""

    regime: Regime  # as in force on the date of receipt (T-SAR-1998: no extension)
    window: MonthWindow | DayWindow
    nation: str
    due: date | None
    waiting: bool  # the clock waits for a clarification (SAR-STOP)
    provisional: bool
    clarification: Clarification | None
    extension: Extension | None
    months: MonthCount
    notes: tuple[str, ...]


def month_count(case: Case, regime: Regime) -> MonthDeadline:
    """`SAR-RESP` as in force for the case (`foiclock.law.sar_versions`): one month from the
    relevant time (`SAR-START`) by `C-MONTH`, later by the days stopped (`SAR-STOP`), on the
    controller's own nation's calendar (`WD-NATION`); or, for a request received before 25 May 2018,
    40 days beginning with the relevant day, with no roll and no extension (`T-SAR-1998`)."""
    nation = case.nation or regime.default_nation
    calendar = calendar_for((nation,))
    law = sar_rules(case.received, case._asdict())
    regime = in_force(regime, case.received)
    window = regime.response
    assert not isinstance(window, WorkingDayWindow)
    if isinstance(window, DayWindow):
        months, due = _days_on(case, law, window)
    else:
        months, due = _months_on(calendar, case, law, window.months)
    waiting = due is None  # the clock waits for a clarification (SAR-STOP)
    extension = None
    latest = [due] if due is not None else []
    # The period whose stop the clarification reports: the one the response is due by.
    deciding = months
    notes = _late_stop_notes(case, law, months, due, extended=False)
    if case.extended and regime.extension is not None:
        extended_months, extended = _months_on(calendar, case, law, regime.extension.amount)
        if extended is not None:
            latest.append(extended)
        else:  # SAR-STOP (c): the stop applies to the extended period, which now waits
            waiting = True
        provisional = extended is not None and calendar.is_provisional(extended)
        extension = Extension(regime.extension, extended, provisional, extended_months)
        deciding = extended_months
        # SAR-STOP (c): the one-month window to tell the requester of the extension is stopped
        # as the response is; a late ask does not move it.
        notes = _late_stop_notes(case, law, months, due, extended=True)
        notes += _late_stop_notes(case, law, extended_months, extended, extended=False)
    clarification = None
    if case.clarification_requested is not None:
        stopped = None  # T-SAR-1998: a start event, like a restart
        if law.clarification.effect != "start":
            end = deciding.end
            stopped = (end - deciding.corresponding).days if end is not None else 0
        clarification = Clarification(
            law.clarification,
            case.clarification_requested,
            case.clarification_received,
            stopped,
            law.stop_version,
        )
        notes += _early_stop_notes(case, law)
        notes += _clarification_notes(case, law, months)
    return MonthDeadline(
        regime=regime,
        window=window,
        nation=nation,
        due=due,
        waiting=waiting,
        provisional=bool(latest) and calendar.is_provisional(max(latest)),
        clarification=clarification,
        extension=extension,
        months=months,
        notes=tuple(notes),
    )


def _months_on(
    calendar: WorkingCalendar, case: Case, law: SarRules, months: int
) -> tuple[MonthCount, date | None]:
    """The period of `months` months from the relevant time: the corresponding date, moved on by
    the days stopped, rolled to a working day (`C-MONTH`, `SAR-STOP`), with the strict reading's
    last day (`SAR-WORDS`) and, under `T-SAR-GDPR-A`, the ICO's date of the time."""
    from foiclock.clock.deadline_parts import MonthCount
    from foiclock.clock.months import corresponding_date, last_day_beginning_with

    relevant_time = law.relevant_time
    corresponding = corresponding_date(relevant_time, months)
    clamped = corresponding.day != relevant_time.day  # the month had no such day
    count = MonthCount(
        relevant_time, law.relevant_event, corresponding, clamped, None, start=law.start
    )
    asked, answered = case.clarification_requested, case.clarification_received
    # SAR-STOP (b): a clarification asked after the corresponding date stops nothing, even on or
    # before the working day it rolls to: the statutory period had ended (the roll is practice).
    # Before T-SAR-STOP-ICO (effect "none") nothing stops the clock.
    stops = law.clarification.effect == "stop" and asked is not None and asked <= corresponding
    if stops and answered is None:
        return count, None  # stopped while the period ran, and not yet restarted
    stopped = timedelta(days=_stopped_days(case, relevant_time) if stops else 0)
    end = corresponding + stopped
    due = first_working_day_from(calendar, end)
    safe_end = last_day_beginning_with(relevant_time, months) + stopped  # C-BEGINNING-WITH
    guidance_due = None
    if law.version.guidance_from_day_after:  # T-SAR-GDPR-A: day 1 was the day after
        guidance_end = corresponding_date(relevant_time + _ONE_DAY, months) + stopped
        guidance_due = first_working_day_from(calendar, guidance_end)
    count = count._replace(end=end, safe_end=safe_end, guidance_due=guidance_due)
    return count, due


def _days_on(case: Case, law: SarRules, window: DayWindow) -> tuple[MonthCount, date | None]:
    """`T-SAR-1998`: `window.days` calendar days beginning with the relevant day, which is day 1
    (`C-BEGINNING-WITH`: the last day is D + N - 1), not rolled to a working day; the common
    reading "within N days" (`C-DAYS`, D + N) beside it. While information asked for to locate
    the data is awaited the period has not begun (DPA 1998 s7(3))."""
    relevant_time = law.relevant_time
    last = relevant_time + timedelta(days=window.days - 1)
    count = MonthCount(
        relevant_time, law.relevant_event, last, False, None, start=law.start, days=window.days
    )
    if case.clarification_requested is not None and case.clarification_received is None:
        return count, None
    common_end = relevant_time + timedelta(days=window.days)
    return count._replace(end=last, common_end=common_end), last


def _stopped_days(case: Case, relevant_time: date) -> int:
    """`SAR-STOP`: the days from the ask to the answer, both included, counted from the relevant
    time at the earliest (a): the days before it were not running."""
    asked, answered = case.clarification_requested, case.clarification_received
    assert asked is not None and answered is not None  # checked by the caller
    first = max(asked, relevant_time)
    return max(0, (answered - first).days + 1)


def _late_stop_notes(
    case: Case, law: SarRules, months: MonthCount, due: date | None, *, extended: bool
) -> list[str]:
    """`SAR-STOP` (b): the warning for a clarification asked after the period's corresponding
    date but on or before the working day it rolls to. `extended`: the period is the first month
    of an extended case, the window to tell the requester of the extension (c)."""
    asked = case.clarification_requested
    if law.clarification.effect != "stop":
        return []
    if asked is None or due is None or not months.corresponding < asked <= due:
        return []
    if extended:
        return [
            M(
                "the clarification was asked for on {asked}, after the first month ended on "
                "{corresponding}: it does not move the last day to tell the requester of the "
                "extension ({due}), as that month had ended; the roll to a working day is ICO "
                "practice (SAR-STOP)",
                asked=asked,
                corresponding=months.corresponding,
                due=due,
            )
        ]
    return [
        M(
            "the clarification was asked for on {asked}, after the period ended on "
            "{corresponding} (the corresponding date) but on or before {due}, the working day "
            "it rolls to: it stops nothing, as the statutory period had ended; the roll to a "
            "working day is ICO practice (SAR-STOP)",
            asked=asked,
            corresponding=months.corresponding,
            due=due,
        )
    ]


def _early_stop_notes(case: Case, law: SarRules) -> list[str]:
    """`SAR-STOP` (a): a clarification asked before the relevant time stops only the days from
    it (the period was not running before)."""
    asked, answered = case.clarification_requested, case.clarification_received
    relevant_time = law.relevant_time
    if law.clarification.effect != "stop" or asked is None or asked >= relevant_time:
        return []
    if answered is not None and answered < relevant_time:
        return [
            M(
                "the clarification was asked for and received before the relevant time "
                "({relevant}): it stops nothing, as the period was not yet running (SAR-STOP)",
                relevant=relevant_time,
            )
        ]
    return [
        M(
            "the clarification was asked for before the relevant time ({relevant}): only the "
            "days from the relevant time are stopped (SAR-STOP)",
            relevant=relevant_time,
        )
    ]


def _clarification_notes(case: Case, law: SarRules, months: MonthCount) -> list[str]:
    """A clarification that is not a stop: before `T-SAR-STOP-ICO` it moves nothing (best
    reading); under the DPA 1998 it is a start event (`T-SAR-1998`), and one asked for after
    the period counted without it had ended is flagged, as `*-CLAR` flags a late ask."""
    asked = case.clarification_requested
    assert asked is not None  # checked by the caller
    if law.clarification.effect == "none":
        return [
            M(
                "the clarification asked for on {asked} does not move the date: ICO practice "
                "stopped the clock only for a relevant time from 21 October 2020 "
                "(T-SAR-STOP-ICO), so the month ran on (best reading)",
                asked=asked,
            )
        ]
    if law.clarification.effect != "start" or months.days is None:
        return []
    events = case._asdict() | {"clarification_requested": None, "clarification_received": None}
    without = sar_rules(case.received, events)
    original_due = without.relevant_time + timedelta(days=months.days - 1)
    if asked <= original_due:
        return []
    return [
        M(
            "the clarification was asked for after the original deadline ({day}) had passed",
            day=original_due.isoformat(),
        )
    ]
