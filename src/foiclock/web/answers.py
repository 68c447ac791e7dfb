"""What each route answers, asked of the library as the command line asks it: the JSON documents
are the objects `foiclock due|timeline|status|appeal --json` print (same keys, ISO dates), the
calendar files are `foiclock timeline -f ics`'s, and the page's answer is the same results
before they are written for people. Nothing here counts a date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from foiclock.base.records import NamedTuple
from foiclock.calendar.config import load_config
from foiclock.clock.deadline import Deadline, case_deadline
from foiclock.clock.newer_data import MovedBy, deadline_moved_by, timeline_moved_by
from foiclock.clock.status import CaseStatus, case_status
from foiclock.clock.timeline import (
    Timeline,
    case_timeline,
    requester_windows,
    timeline_from_events,
)
from foiclock.present.serialise import (
    appeal_json,
    moved_by_json,
    status_json,
    timeline_json,
    to_json,
)

if TYPE_CHECKING:
    from foiclock.clock.case import Case
    from foiclock.present.letters import Letter


def due_document(case: Case) -> dict[str, Any]:
    """`foiclock due --json`: the deadline, and the dates newer holiday data moved."""
    deadline = case_deadline(case)
    return {**to_json(deadline), "moved_by": moved_by_json(deadline_moved_by(deadline))}


def case_timeline_on(case: Case, today: date | None) -> Timeline:
    """The case's timeline on `today` (None: the server's today), with the config file's
    office closures that touch it, as `foiclock timeline` has it."""
    return case_timeline(case, today).with_office_closed(load_config().office_closed)


def timeline_document(timeline: Timeline) -> dict[str, Any]:
    """`foiclock timeline --json`."""
    return {**timeline_json(timeline), "moved_by": moved_by_json(timeline_moved_by(timeline))}


def status_document(case: Case, today: date | None) -> dict[str, Any]:
    """`foiclock status --json`."""
    return status_json(case_status(case, today))


def appeal_timeline(received: date | None, regime: str, arguments: dict[str, Any]) -> Timeline:
    """The requester's view of `foiclock appeal`: the timeline from the events alone."""
    return timeline_from_events(received, regime, **arguments)


def appeal_document(timeline: Timeline) -> dict[str, Any]:
    """`foiclock appeal --json`: the requester's windows."""
    return appeal_json(timeline)


def calendar_file(timeline: Timeline, languages: tuple[str, ...], *, windows: bool) -> bytes:
    """The timeline as an iCalendar file, as `foiclock timeline -f ics` writes it; with
    `windows`, only the requester's windows (`appeal`)."""
    from foiclock.present.ics import timeline_ics

    if windows:
        timeline = timeline._replace(milestones=requester_windows(timeline))
    return timeline_ics(timeline, languages=languages)


class CaseAnswer(NamedTuple):
    """Everything the page shows of one case, before it is written in a language."""

    deadline: Deadline
    timeline: Timeline
    status: CaseStatus
    moved: MovedBy | None
    letters: tuple[Letter, ...]  # the next steps of the response and of the review outcome


def case_answer(case: Case, today: date | None) -> CaseAnswer:
    """The deadline, the timeline and the status on `today` of `case`, and the next-steps
    paragraphs of its response and review outcome letters where rules.md gives the regime
    review and appeal windows."""
    from foiclock.present.letters import PARAGRAPHS, RESPONSE, REVIEW, next_steps

    timeline = case_timeline_on(case, today)
    letters = tuple(
        next_steps(case.regime, kind, day)
        for kind, day in ((RESPONSE, case.responded), (REVIEW, case.review_responded))
        if day is not None and (case.regime, kind) in PARAGRAPHS
    )
    return CaseAnswer(
        case_deadline(case),
        timeline,
        case_status(case, timeline.today),
        timeline_moved_by(timeline),
        letters,
    )
