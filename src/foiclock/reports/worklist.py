"""The officer's morning view: every open case due within N working days (the extended date where
extended) and every overdue one, internal reviews included, overdue first and then soonest. The
dates and states are the batch's own (`due`, `extended_due`, `status`, `review_due`,
`review_timeliness`); the working days left are counted on the regime's counting calendar as the
case clock counts them (`C-WD`: after today, up to and including the deadline)."""

from collections.abc import Iterator
from datetime import date
from typing import Any, Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple
from foiclock.batch.files import BatchOptions
from foiclock.batch.rows import ERROR
from foiclock.batch.timeliness import OPEN_IN_TIME, OPEN_OVERDUE, STILL_OPEN
from foiclock.calendar.working_days import counting_calendar
from foiclock.clock.case import CASE_KEYS, case_from_mapping
from foiclock.clock.status import DUE_TODAY, OPEN, OVERDUE
from foiclock.clock.timeline import Milestone, Timeline, case_timeline
from foiclock.law.regimes import check_nation, get_regime
from foiclock.reports.log import CaseLog, LogRow

DEFAULT_WITHIN: Final = 5
RESPONSE: Final = "response_due"
RESPONSE_EXTENDED: Final = "response_due_extended"
REVIEW: Final = "review_response_due"


class WorkItem(NamedTuple):
    row: int
    case_id: str | None
    regime: str
    due: date
    working_days_left: int  # negative: working days overdue
    state: str  # open, due_today or overdue
    milestone: str  # response_due, response_due_extended or review_response_due
    cells: dict[str, object] | None = None  # the case cells, kept for a calendar (`with_cells`)

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "case_id": self.case_id,
            "regime": self.regime,
            "due": self.due.isoformat(),
            "working_days_left": self.working_days_left,
            "state": self.state,
            "milestone": self.milestone,
        }


class Worklist(NamedTuple):
    today: date
    within: int
    items: tuple[WorkItem, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "within": self.within,
            "cases": [item.as_json() for item in self.items],
        }


def check_within(within: int) -> int:
    if within < 0:
        raise InvalidInput(
            "--within", within, M("is negative"), M("a number of working days, 0 or more")
        )
    return within


def worklist(
    path: str,
    options: BatchOptions,
    within: int = DEFAULT_WITHIN,
    *,
    input_format: str | None = None,
    encoding: str = "utf-8",
    with_cells: bool = False,
) -> Worklist:
    """The worklist of the case log at `path` on `options.today`; `with_cells` keeps each
    item's case cells, for `item_milestones` (a calendar), which a long list need not hold."""
    within = check_within(within)
    log = CaseLog(path, options, input_format=input_format, encoding=encoding)
    chosen = [
        item
        for row in log.rows()
        for item in _items(log, row, options.today, with_cells)
        if item.state == OVERDUE or item.working_days_left <= within
    ]
    chosen.sort(key=lambda item: (item.due, item.row, item.milestone))
    return Worklist(options.today, within, tuple(chosen))


def _items(log: CaseLog, row: LogRow, today: date, with_cells: bool) -> Iterator[WorkItem]:
    answer = row.answer
    cells = row.cells if with_cells else None
    if answer.status == ERROR:
        return
    regime = log.regime_of(row)
    assert regime is not None  # a row without an error has a regime
    if answer.timeliness in STILL_OPEN and answer.due is not None:
        extended = answer.extended_due is not None
        due = answer.extended_due if extended else answer.due
        assert due is not None
        left = -(answer.working_days_late or 0) if answer.status == OVERDUE else None
        if left is None:
            left = _calendar(log, row, regime).between(today, due)
        milestone = RESPONSE_EXTENDED if extended else RESPONSE
        yield WorkItem(row.row, row.case_id, regime, due, left, answer.status, milestone, cells)
    review_due = answer.review_due
    if answer.review_timeliness in (OPEN_IN_TIME, OPEN_OVERDUE) and review_due is not None:
        calendar = _calendar(log, row, regime)
        if review_due < today:
            state, left = OVERDUE, -calendar.between(review_due, today)
        else:
            state = DUE_TODAY if review_due == today else OPEN
            left = calendar.between(today, review_due)
        yield WorkItem(row.row, row.case_id, regime, review_due, left, state, REVIEW, cells)


def _calendar(log: CaseLog, row: LogRow, regime: str) -> Any:
    nation = row.cells.get("nation")
    if isinstance(nation, str) and nation.strip():
        chosen = check_nation(nation)
    else:
        chosen = get_regime(regime).default_nation
    return counting_calendar(regime, chosen)


def item_milestones(worklist: Worklist, regime: str) -> list[tuple[Timeline, Milestone]]:
    """Each item's case timeline and the milestone it lists, for a calendar of the caseload
    (the same milestones, and so the same UIDs, as `foiclock timeline` gives the case)."""
    found = []
    for item in worklist.items:
        assert item.cells is not None, "worklist(..., with_cells=True)"
        cells = {k: v for k, v in item.cells.items() if k in CASE_KEYS and v not in (None, "")}
        cells.setdefault("regime", regime)
        if item.case_id is not None:  # the UID of `foiclock timeline --case-id`'s milestones
            cells["case_id"] = item.case_id
        timeline = case_timeline(case_from_mapping(cells, today=worklist.today), worklist.today)
        milestone = timeline.get(item.milestone)
        if milestone is not None and milestone.date is not None:
            found.append((timeline, milestone))
    return found
