"""The batch's fast path: a CSV row's answer columns counted on the calendar's arrays, with no
Case or Deadline built for it (`foiclock.batch.plans` counts; this module reads the cells and
remembers what rows share).

A real export is mostly closed cases: a receipt date, a regime, a response date, now and then a
clarification, a fee, an extension or a subject access start event. Each row's answer is split
into what its case gives without the response date (a plan: the deadline, the day the count
runs from, the deadline that applies) and what the response date adds (the state, the days
counted and late, the review window), counted on top in a few list look-ups.

A plan is counted from a template: the case clock's own deadline for the first row of each kind
(the regime, nation, receipt rule and extension cells, and the versions in force: rows whose
receipt dates lie between the same version boundaries of the response rule, rules-over-time.md,
count alike). The template is checked against the case clock on that row; every other row of its
kind is counted from its own dates (`foiclock.batch.plans` lists the rules).

Anything else takes the slow path, `foiclock.batch.rows.RowAnswers` (the case clock itself): a
row with a body, a posted notice or review events, a clarification or a fee still awaited or
dated after --today, a fee paid late, an event before receipt, a version that turns on the
response date (`T-COVID-FOISA`), a cell that is not a date (but a bad date of receipt, whose
error is remembered), a delimiter that may need quoting. tests/test_batch_fast.py checks the
fast path against the slow one, row for row, on every regime and event column.
"""

from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from operator import itemgetter
from typing import Any, Final

from foiclock.base.dates import FIRST_YEAR, LAST_YEAR
from foiclock.base.errors import InvalidInput
from foiclock.batch.plans import (
    NO_REVIEW,
    SLOW,
    Answer,
    Days,
    Fixed,
    Plan,
    Review,
    Template,
    make_template,
    month_plan,
    review_mode,
    same_as_clock,
    version_boundaries,
    working_day_plan,
)
from foiclock.calendar.calendars import WorkingCalendar
from foiclock.calendar.working_days import counting_calendar
from foiclock.clock.case import case_date, case_from_mapping
from foiclock.clock.deadline import Deadline
from foiclock.law.regimes import get_regime

#: The case keys a template reads besides the date of receipt: one template for each set of
#: their cells and each span of receipt dates between two version boundaries.
TEMPLATE_KEYS: Final = ("regime", "nation", "receipt_rule", "extended")
#: The event cells the fast path counts itself (or sends to the slow path).
EVENT_KEYS: Final = (
    "clarification_requested",
    "clarification_received",
    "fees_notice",
    "fee_paid",
    "id_received",
)
#: A row whose date of receipt is not a date: the case clock reads that cell first, so its
#: error is the same whatever the row's other cells; it is remembered once answered (`Fixed`).
_RECEIPT_ERROR: Final = "receipt error"
_BAD: Final = -1  # a cell that is not a date the batch reads


class CsvAnswers:
    """The answers of one CSV batch: `answer(row)` for each row (its cells as the csv module
    read them, of the header's width), by the fast path where it counts the row and by `slow`
    (the case clock, `foiclock.batch.rows.RowAnswers`) otherwise.

    `keys` are the case keys of the columns the batch reads and `indexes` their positions in a
    row, the date of receipt first; `delimiter` and `line_ending` are the output's. `fast`:
    False sends every row to `slow` (a delimiter that may need quoting)."""

    def __init__(
        self,
        keys: Sequence[str],
        indexes: Sequence[int],
        today: date,
        regime: str,
        delimiter: str,
        line_ending: str,
        slow: Callable[[list[str]], Answer],
        fast: bool = True,
    ) -> None:
        from foiclock.batch.rows import MEMO_LIMIT

        self._slow = slow
        self._today = today
        self._regime = regime
        self._delimiter = delimiter
        self._memo_limit = MEMO_LIMIT
        positions = dict(zip(keys, indexes, strict=True))
        self._responded = positions.pop("responded", None)
        received = positions.pop("received")
        self._template_keys = [key for key in TEMPLATE_KEYS if key in positions]
        self._event_keys: list[str] = [key for key in EVENT_KEYS if key in positions]
        template_at = [positions.pop(key) for key in self._template_keys]
        events_at = [positions.pop(key) for key in self._event_keys]
        self._events = slice(1 + len(template_at), 1 + len(template_at) + len(events_at))
        rest = [received, *template_at, *events_at, *positions.values()]  # then the others
        self._rest = itemgetter(*rest)  # one column: its cell alone, not in a tuple
        self._plans: dict[Any, Plan | Fixed | str] = {}
        self._dates: dict[str, int] = {}
        self._shapes: dict[tuple[str, ...], tuple[list[int], dict[int, Template | str]] | str] = {}
        self._days: dict[WorkingCalendar, Days] = {}
        self._reviews: dict[tuple[str, str], Review | str | None] = {}

        def tail(provisional: bool, checked: bool) -> str:
            """provisional, holidays_checked, then the delimiter before timeliness."""
            cells = ("true" if provisional else "false", "true" if checked else "false", "")
            return delimiter + delimiter.join(cells)

        # holidays_checked: never for a provisional count (WD-HORIZON), else from WD-PRE2012
        self._tails = {
            checked: (tail(False, checked), tail(True, False)) for checked in (True, False)
        }
        # after working_days_taken: review_due and review_timeliness (a row with a review
        # request takes the slow path) and error, all empty
        self._end = delimiter * 3 + line_ending
        self.fast = fast and FIRST_YEAR <= today.year <= LAST_YEAR
        self.answer: Callable[[list[str]], Answer] = self._answerer() if self.fast else slow

    def _answerer(self) -> Callable[[list[str]], Answer]:
        """`answer`, for this batch's columns: a closure over what it uses, kept lean (it runs
        once a row)."""
        rest_of, plans_get, new_plan = self._rest, self._plans.get, self._plan
        dates_get, new_date, slow = self._dates.get, self._date, self._slow
        responded_at = self._responded

        def answer(row: list[str]) -> Answer:
            """The answer of one row."""
            rest = rest_of(row)
            plan = plans_get(rest) or new_plan(rest)
            if plan.__class__ is str:
                return self._not_counted(plan, rest, row)
            text = row[responded_at] if responded_at is not None else ""
            if not text or text.isspace():
                return plan.unanswered or plan.answer_unanswered()  # type: ignore[union-attr]
            responded = dates_get(text) or new_date(text)
            if responded < plan.received:  # type: ignore[union-attr]
                return slow(row)  # not a date, or before receipt: an error row
            return plan.answer(responded)  # type: ignore[union-attr]

        return answer

    def _not_counted(self, plan: object, rest: tuple[str, ...] | str, row: list[str]) -> Answer:
        """The answer of a row the fast path does not count, by the slow path; a row whose
        date of receipt is not a date has it remembered (`Fixed`)."""
        found = self._slow(row)
        if plan is _RECEIPT_ERROR:
            self._remember(rest, Fixed(found))
        return found

    def _date(self, text: str) -> int:
        """A cell as an ordinal (remembered), `_BAD` if it is not a date the batch reads."""
        found = self._dates.get(text)
        if found is None:
            if len(self._dates) >= self._memo_limit:
                self._dates.clear()
            try:
                found = case_date("responded", text, self._today).toordinal()
            except InvalidInput:
                found = _BAD
            self._dates[text] = found
        return found

    def _plan(self, rest: tuple[str, ...] | str) -> Plan | str:
        """The plan of a row's cells but its response, remembered unless the row has events
        (they rarely repeat, and would push out the plans that do)."""
        cells = rest if isinstance(rest, tuple) else (rest,)
        events = cells[self._events]
        has_events = any(events) and any(map(_given, events))
        plan = self._count(cells, events if has_events else ())
        if not has_events:
            self._remember(rest, plan)
        return plan

    def _remember(self, rest: tuple[str, ...] | str, plan: "Plan | Fixed | str") -> None:
        if len(self._plans) >= self._memo_limit:
            self._plans.clear()
        self._plans[rest] = plan

    def _count(self, cells: tuple[str, ...], events: tuple[str, ...]) -> Plan | str:
        """`cells` (a row's in `_rest`'s order) counted, or `SLOW`; `events`: their event
        cells, or () when none is given."""
        others = cells[self._events.stop :]
        if any(others) and any(map(_given, others)):
            return SLOW  # a body, a school closure, a posted notice, review events, ...
        if not _given(cells[0]):
            return SLOW  # no date of receipt: the case clock says so
        received = self._date(cells[0])
        if received == _BAD:
            return _RECEIPT_ERROR
        template = self._template(cells[1 : self._events.start], received)
        if isinstance(template, str):
            return SLOW
        dates = {}
        for key, cell in zip(self._event_keys, events, strict=False):  # none: ()
            if cell and not cell.isspace():
                day = dates[key] = self._date(cell)
                if day < received:  # not a date, or before receipt
                    return SLOW
        try:
            if template.sar:
                return month_plan(template, received, dates)
            return working_day_plan(template, received, dates)
        except IndexError:  # past the calendar's span: the case clock says why
            return SLOW

    def _template(self, texts: tuple[str, ...], received: int) -> Template | str:
        """The template of rows with these cells and a receipt date in `received`'s span of
        versions, made from the case clock on the first such row."""
        shape = self._shapes.get(texts)
        if shape is None:
            if len(self._shapes) >= self._memo_limit:  # cells of many spellings: stay bounded
                self._shapes.clear()
            shape = self._shapes[texts] = self._shape(texts)
        if isinstance(shape, str):
            return shape
        boundaries, templates = shape
        span = bisect_right(boundaries, received)
        template = templates.get(span)
        if template is None:
            template = templates[span] = self._new_template(texts, received)
        return template

    def _shape(self, texts: tuple[str, ...]) -> tuple[list[int], dict[int, Template | str]] | str:
        """The version boundaries of the regime of rows with these cells (`SLOW` for a regime
        that is not one)."""
        try:
            regime = get_regime(str(self._cells(texts).get("regime", self._regime)))
        except InvalidInput:
            return SLOW
        rules = [regime.response.rule]
        if regime.counts_months:
            rules += ["SAR-START", "SAR-STOP"]
        return version_boundaries(rules, regime.key), {}

    def _cells(self, texts: tuple[str, ...]) -> dict[str, object]:
        return {key: text for key, text in zip(self._template_keys, texts, strict=True)
                if _given(text)}  # fmt: skip

    def _new_template(self, texts: tuple[str, ...], received: int) -> Template | str:
        """A template from the case clock's deadline for the case of these cells received on
        `received`, checked against the fast count of the same case; `SLOW` if the case clock
        refuses the case or holds its clock, if it turns on the response date
        (`T-COVID-FOISA`), or counts it otherwise than the fast path."""
        from foiclock.batch.rows import _direct

        cells = {"received": date.fromordinal(received), **self._cells(texts)}
        cells.setdefault("regime", self._regime)
        try:
            case = case_from_mapping(cells, today=self._today)
        except InvalidInput:
            return SLOW
        direct = _direct(case)
        if direct is None:
            return SLOW
        deadline = direct.deadline
        review = self._review(deadline)
        if isinstance(review, str):
            return SLOW
        template = make_template(deadline, self._days_of(direct.calendar), review, self._delimiter)
        if template is None:
            return SLOW
        template.tails = self._tails
        template.end = self._end
        template.today = self._today.toordinal()
        plan = (month_plan if template.sar else working_day_plan)(template, received, {})
        if not same_as_clock(plan, deadline, direct.applies, direct.count_from):
            return SLOW
        return template

    def _days_of(self, calendar: WorkingCalendar) -> Days:
        days = self._days.get(calendar)
        if days is None:
            days = self._days[calendar] = Days(calendar)
        return days

    def _review(self, deadline: Deadline) -> Review | str | None:
        """The review window of the deadline's regime and nation (None: none; `SLOW`: one the
        fast path does not count)."""
        key = (deadline.regime, deadline.nation)
        if key not in self._reviews:
            calendar = self._days_of(counting_calendar(deadline.regime, deadline.nation))
            mode = review_mode(deadline.regime)
            self._reviews[key] = (
                SLOW
                if mode is None
                else None
                if mode == NO_REVIEW
                else Review(deadline.regime, deadline.nation, mode, calendar)
            )
        return self._reviews[key]


def _given(cell: str) -> bool:
    """Whether a cell holds a value (empty and blank cells mean not given)."""
    return bool(cell) and not cell.isspace()
