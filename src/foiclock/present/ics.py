"""A timeline as an iCalendar file (RFC 5545), built with the `icalendar` library: one all-day
event per dated milestone, a VALARM reminder before each deadline, and UIDs derived from the case
(its `case_id`, else its regime and date of receipt) so that importing the file again updates the
events instead of adding copies."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from foiclock._version import __version__
from foiclock.base.dates import format_long
from foiclock.base.i18n import ENGLISH, _, in_languages, localise
from foiclock.calendar.config import OfficeClosure
from foiclock.clock.timeline import EVENT, Milestone, Timeline
from foiclock.law.regimes import get_regime
from foiclock.present.render import status_note

PRODID = "-//foiclock//foiclock//EN"
UID_DOMAIN = "foiclock"
REMINDER_HOUR = 9  # reminders at 09:00, `remind_days` days before the day
#: Milestone states that get a reminder: a deadline met, missed, closed, not needed or not
#: taken (an extension) needs none.
STILL_AHEAD = frozenset({"open", "due_today", "last_day", "not_yet"})


def case_identity(timeline: Timeline) -> str:
    """What identifies the case across runs: its case_id, else its regime and date of receipt."""
    if timeline.case_id:
        return f"case:{timeline.case_id}"
    received = timeline.received.isoformat() if timeline.received is not None else "none"
    return f"{timeline.regime}:{received}"


def milestone_uid(timeline: Timeline, milestone: Milestone) -> str:
    """Stable across runs for the same case and milestone."""
    digest = hashlib.sha256(case_identity(timeline).encode("utf-8")).hexdigest()[:20]
    return f"{milestone.key.replace('_', '-')}-{digest}@{UID_DOMAIN}"


def timeline_ics(
    timeline: Timeline,
    *,
    remind_days: int = 2,
    stamp: datetime | None = None,
    languages: tuple[str, ...] = (ENGLISH,),
) -> bytes:
    """The timeline's dated milestones as an iCalendar file (CRLF line ends, folded lines).
    Names, summaries and descriptions are in `languages` (('cy', 'en'): Welsh / English)."""
    regime = get_regime(timeline.regime).short_name

    def both(render: Callable[[], str], separator: str = " / ") -> str:
        return in_languages(languages, render, separator)

    name = timeline.case_id or both(lambda: _calendar_name(timeline, regime))
    dated = [(timeline, m) for m in timeline.milestones if m.date is not None]
    return caseload_ics(dated, name=name, remind_days=remind_days, stamp=stamp, languages=languages)


def caseload_ics(
    milestones: list[tuple[Timeline, Milestone]],
    *,
    name: str,
    remind_days: int = 2,
    stamp: datetime | None = None,
    languages: tuple[str, ...] = (ENGLISH,),
) -> bytes:
    """One calendar for many cases (`foiclock worklist --format ics`): each (timeline, milestone)
    as the event `timeline_ics` makes of it, with the same UID, so that importing it again
    updates the events a case's own calendar added."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"foiclock: {name}")
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    for timeline, milestone in milestones:
        calendar.add_component(_event(timeline, milestone, stamp, remind_days, languages))
    calendar.validate()  # type: ignore[no-untyped-call]
    ics: bytes = calendar.to_ical()
    return ics


def _event(
    timeline: Timeline,
    milestone: Milestone,
    stamp: datetime,
    remind_days: int,
    languages: tuple[str, ...],
) -> Any:
    """A dated milestone as an all-day VEVENT, with a reminder before a deadline still ahead."""
    from icalendar import Alarm, Event

    assert milestone.date is not None
    regime = get_regime(timeline.regime).short_name

    def both(render: Callable[[], str], separator: str = " / ") -> str:
        return in_languages(languages, render, separator)

    event = Event()
    event.add("uid", milestone_uid(timeline, milestone))
    event.add("dtstamp", stamp)
    event.add("dtstart", milestone.date)
    event.add("dtend", milestone.date + timedelta(days=1))
    closure = timeline.closed_on(milestone.date)
    label = both(partial(_summary_label, milestone))
    event.add("summary", f"{timeline.case_id or regime}: {label}")
    event.add("description", both(partial(_description, milestone, closure), "\n\n"))
    event.add("categories", [regime, milestone.rule])
    event.add("transp", "TRANSPARENT")
    if milestone.kind != EVENT and milestone.state in STILL_AHEAD:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", both(partial(_reminder, milestone)))
        alarm.add("trigger", timedelta(days=-remind_days, hours=REMINDER_HOUR))
        event.add_component(alarm)
    return event


def _summary_label(milestone: Milestone) -> str:
    """The milestone's label, marked when it is an event still to come."""
    label = localise(milestone.label)
    return _("{label} (planned)").format(label=label) if milestone.state == "planned" else label


def _reminder(milestone: Milestone) -> str:
    assert milestone.date is not None
    return f"{localise(milestone.label)}: {format_long(milestone.date)}"


def _calendar_name(timeline: Timeline, regime: str) -> str:
    if timeline.received is None:
        return _("{regime} request").format(regime=regime)
    return _("{regime} request received {date}").format(
        regime=regime, date=format_long(timeline.received)
    )


def _description(milestone: Milestone, closure: OfficeClosure | None) -> str:
    sentences = [
        f"{milestone.cited_rule}: {localise(milestone.description)} "
        f"({localise(milestone.source)}{status_note(milestone.status)})."
    ]
    if milestone.provisional:
        sentences.append(_("Provisional: it reaches past the announced bank holidays."))
    if milestone.warning is not None:
        sentences.append(_("Warning: {warning}.").format(warning=localise(milestone.warning)))
    if closure is not None:
        sentences.append(
            _(
                "The office is closed that day ({name}); the date stands: closure days are "
                "working days (rules.md section 2)."
            ).format(name=localise(closure.name))
        )
    sentences.append(_("Counted by foiclock {version}.").format(version=__version__))
    return " ".join(sentences)
