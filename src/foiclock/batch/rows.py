"""One batch row's answer: its case (cells keyed by case key, as `foiclock batch` reads them from a
CSV or JSON Lines row) judged on a day, as the columns the batch adds. Reading and writing files
is `foiclock.batch.files`.

Rows of an export share receipt dates and regimes. A row whose count no clarification, fee or
body moves (most rows) has its deadline from the case clock once for all rows that share those
cells (`case_deadline`, remembered); its response date then changes only its state, counted on
top: a few calendar look-ups (`_direct_status`). Every other row goes through `case_status`
itself. tests/test_batch_agreement.py checks that both give the same answers, and that the batch
agrees with `response_deadline` row for row.
"""

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final

from foiclock.base.dates import as_date
from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple
from foiclock.batch.timeliness import OUTCOME, TIMELINESS_COLUMNS, RowTimeliness
from foiclock.calendar.calendars import WorkingCalendar
from foiclock.calendar.working_days import counting_calendar
from foiclock.clock.case import CASE_KEYS, Case, case_date, case_from_mapping
from foiclock.clock.deadline import RUNNING, Deadline, checked_case_deadline
from foiclock.clock.status import case_status, happened, state_on, working_days_counted
from foiclock.clock.timeline import requester_receipt, review_request_by
from foiclock.law.versions import RESPONDED, turns_on

ERROR: Final = "error"

#: The columns a batch adds to every row, in order, and what each holds (README "Batch").
OUTPUT_COLUMNS: Final = {
    "due": M("the statutory response deadline (the rule in `rule`); empty while the clock waits"),
    "extended_due": M(
        "the extended deadline, when the row is extended (FOIA-PIT, EIR-EXT, EISR-EXT, SAR-EXT)"
    ),
    "working_days_elapsed": M("working days counted by --today, or by the response once answered"),
    "status": M(
        "not_yet_received (received after --today), open, due_today, overdue, answered_on_time, "
        "answered_late; while the clock waits awaiting_clarification, awaiting_fee, or "
        "fee_not_paid; error for a row that cannot be counted"
    ),
    "working_days_late": M("working days overdue so far, or answered late by"),
    "review_request_by": M(
        "the requester's last day to ask for an internal review (FOIA-IR-REQ, EIR-REP-REQ, "
        "FOISA-RR-REQ, EISR-REP-REQ); empty until there is a date to count it from"
    ),
    "rule": M("the rule id of the response deadline (FOIA-RESP, FOIA-SCHOOL, SAR-RESP, ...)"),
    "provisional": M(
        "true when a date or a count in the row depends on bank holidays not yet announced"
    ),
    "holidays_checked": M(
        "true when every year the row's count touched is in GOV.UK's bank-holiday data; false "
        "when years before it were counted by rule (WD-PRE2012) or the row is provisional"
    ),
    **TIMELINESS_COLUMNS,
    "error": M("why the row cannot be counted: the column, its value and what is accepted"),
}

#: The input columns a batch reads besides the date of receipt: the case keys (`CASE_KEYS`),
#: which mean what the case-clock options mean. `case_id` is the user's own and is not read.
EVENT_COLUMNS: Final = (
    *(key for key in CASE_KEYS if key not in ("received", "case_id")),
    OUTCOME,  # read by foiclock.batch.timeliness only
)

#: The keys of a row that may be a direct count (`_direct`): nothing that restarts, pauses or
#: stops the count (SAR's identity and fee only move its start).
_DIRECT_KEYS: Final = frozenset(
    {
        "received",
        "regime",
        "nation",
        "receipt_rule",
        "extended",
        "responded",
        "case_id",
        "id_received",
        "fee_paid",
    }
)
#: Entries each memo of a batch holds before it starts again (memory stays bounded).
MEMO_LIMIT: Final = 100_000
_ONE_DAY: Final = timedelta(days=1)
_MISSING: Final = object()


def typed_key(cells: Mapping[str, object]) -> tuple[tuple[str, type, object], ...]:
    """`cells` as a key to remember an answer by, each value with its type: in JSON, 0 and
    false (1.0 and true) are equal keys but not the same cell. TypeError for an unhashable
    value (a list of school closures) when it is hashed."""
    return tuple((key, type(value), value) for key, value in cells.items())


class RowAnswer(NamedTuple):
    """The columns a batch adds to one row (OUTPUT_COLUMNS, in order)."""

    due: date | None
    extended_due: date | None
    working_days_elapsed: int | None
    status: str
    working_days_late: int | None
    review_request_by: date | None
    rule: str | None
    provisional: bool | None
    holidays_checked: bool | None
    # foiclock.batch.timeliness.TIMELINESS_COLUMNS
    timeliness: str | None = None
    working_days_taken: int | None = None
    review_due: date | None = None
    review_timeliness: str | None = None
    error: str | None = None


def error_answer(message: str) -> RowAnswer:
    """The answer of a row that cannot be counted."""
    return RowAnswer(None, None, None, ERROR, None, None, None, None, None, error=message)


def answer_row(
    cells: Mapping[str, object],
    today: date,
    regime: str = "foia",
    received_column: str = "received",
) -> RowAnswer:
    """The answer for one row: `cells` maps case keys to values (text in any date form the CLI
    accepts, or dates, a datetime at midnight being its date; empty text and None mean not
    given); `today` is a date (or a datetime at midnight); `regime` is used where the row has
    none. A row that cannot be counted gets status `error` and a message naming its column
    (`received_column` for the date of receipt); nothing is raised for a row (a `today` that is
    not a date is InvalidInput). For many rows use
    `RowAnswers`, which remembers what rows share."""
    return RowAnswers(today, regime, received_column).answer(cells)


class _Direct(NamedTuple):
    """A case whose count no event restarts, pauses or stops: its deadline, and what its state
    on a day is counted with, fixed before any response."""

    deadline: Deadline
    calendar: WorkingCalendar  # the regime's counting calendar
    count_from: date  # the working days elapsed are those after it
    applies: date  # the deadline that applies: the extended one when extended


class RowAnswers:
    """Answers for the rows of one batch, judged on `today`. Rows share receipt dates and
    regimes, so the part of a row's answer that does not depend on its response date is
    remembered (a bounded number of entries), and the response date's effect is counted on
    top: a few calendar look-ups a row."""

    def __init__(self, today: date, regime: str = "foia", received_column: str = "received"):
        self.today = as_date(today, "today")
        self.regime = regime
        self.received_column = received_column
        self._directs: dict[object, _Direct | None] = {}
        self._dates: dict[tuple[type, object], date | None] = {}
        self._timeliness = RowTimeliness(self.today)

    def answer(self, cells: Mapping[str, object]) -> RowAnswer:
        if not isinstance(cells, Mapping):
            raise InvalidInput(
                "cells", type(cells).__name__, M("is not a mapping"), M("a mapping of case keys")
            )
        given: dict[str, object] = {}
        outcome = cells.get(OUTCOME)
        for key, value in cells.items():  # once a row: kept lean
            if key not in CASE_KEYS:
                continue  # a row's other columns (the outcome is read below)
            if isinstance(value, str):
                if not value.strip():
                    continue
            elif _not_given(value):
                continue
            given[key] = value
        given.setdefault("regime", self.regime)
        return self._with_timeliness(self._answer_given(given), given, outcome)

    def _answer_given(self, given: dict[str, object]) -> RowAnswer:
        if given.keys() <= _DIRECT_KEYS:
            answer = self._direct_answer(given)
            if answer is not None:
                return answer
        return self._case_answer(given)

    def _with_timeliness(
        self, answer: RowAnswer, given: dict[str, object], outcome: object
    ) -> RowAnswer:
        """`answer` with the columns of foiclock.batch.timeliness added."""
        if answer.status == ERROR:
            return answer
        try:
            added = self._timeliness.columns(
                answer.status, answer.due, answer.working_days_elapsed, given, outcome
            )
        except InvalidInput as error:
            return error_answer(error.message())
        return answer._replace(**added._asdict())

    def _direct_answer(self, given: dict[str, object]) -> RowAnswer | None:
        """The answer of a row whose only event is a response, from what is remembered; None
        when the row is not a direct count or has an error (the case clock then says which)."""
        # Typed: in JSON, 1 and true are equal keys but not the same cell.
        key = tuple(
            (name, type(value), value) for name, value in given.items() if name != "responded"
        )
        try:
            direct = self._directs.get(key)
        except TypeError:  # an unhashable value (a JSON list): not a direct count
            return None
        if direct is None and key not in self._directs:
            if len(self._directs) >= MEMO_LIMIT:
                self._directs.clear()
            direct = self._directs[key] = self._direct_count({name: v for name, _, v in key})
        if direct is None:
            return None
        responded = None
        if "responded" in given:
            responded = self._response_date(given["responded"])
            if responded is None or responded < direct.deadline.received:
                return None
        return _direct_status(direct, responded, self.today)

    def _direct_count(self, given: dict[str, object]) -> _Direct | None:
        try:
            case = case_from_mapping(given, today=self.today)
        except InvalidInput:
            return None
        return _direct(case)

    def _response_date(self, value: object) -> date | None:
        """A `responded` value as a date (remembered: exports repeat them); None if it is not
        one, and the case clock then says why."""
        memo_key = (type(value), value)
        try:
            found = self._dates.get(memo_key, _MISSING)
        except TypeError:
            return None
        if found is _MISSING:
            if len(self._dates) >= MEMO_LIMIT:
                self._dates.clear()
            try:
                found = case_date("responded", value, self.today)
            except InvalidInput:
                found = None
            self._dates[memo_key] = found
        return found  # type: ignore[return-value]

    def _case_answer(self, given: dict[str, object]) -> RowAnswer:
        try:
            case = case_from_mapping(given, today=self.today)
            return case_answer(case, self.today)
        except InvalidInput as error:
            return error_answer(self._row_error(error, given).message())

    def _row_error(self, error: InvalidInput, given: dict[str, object]) -> InvalidInput:
        """`error` as the row's own: naming the receipt column as the file does, and quoting
        the cell as typed (`25/12/2026`, not the date read from it), or the part of it that
        the error is about (one range of a `school_closed` cell)."""
        field = self.received_column if error.field == "received" else error.field
        value = error.value
        typed = given.get(error.field)
        part = isinstance(typed, str) and isinstance(value, str) and value in typed
        if isinstance(typed, str) and not part:
            value = typed  # a value given as text; a date object keeps the error's own wording
        return InvalidInput(field, value, error.problem, error.accepted)


def case_answer(case: Case, today: date) -> RowAnswer:
    """The answer for a checked case on `today`: its dates from every event, its status judged
    on that day (`not_yet_received` before the date of receipt)."""
    direct = _direct(case)
    if direct is not None:
        return _direct_status(direct, case.responded, today, requester_receipt(case, "responded"))
    return _clock_answer(case, today)


def _direct(case: Case) -> _Direct | None:
    """The case's deadline when no clarification, fee or body moves its count, nor the
    response date its limit (None otherwise): the response then changes only the state,
    counted on top of it."""
    if case.clarification_requested is not None or case.fees_notice is not None:
        return None
    if case.body is not None:
        return None
    deadline = checked_case_deadline(case)
    if deadline.state != RUNNING or deadline.due is None:
        return None
    if turns_on(deadline.rule, deadline.received, RESPONDED):
        return None  # T-COVID-FOISA: the limit depends on the response date
    calendar = counting_calendar(deadline.regime, deadline.nation)
    if deadline.months is not None:  # SAR: the relevant time is day 1
        count_from = deadline.months.relevant_time - _ONE_DAY
    else:
        assert deadline.counting_from is not None  # a running count
        count_from = deadline.counting_from
    applies = deadline.extended_due if case.extended else deadline.due
    assert applies is not None  # an extension is counted whenever the case is extended
    return _Direct(deadline, calendar, count_from, applies)


def _direct_status(
    direct: _Direct, responded: date | None, today: date, received: date | None = None
) -> RowAnswer:
    """A direct count's state on `today` (a response dated after it is planned), the working
    days counted and the review window (counted from the response, planned or not, or from the
    day the requester `received` a posted one: `C-POST-SCOT`), as `case_status` and the
    timeline give them."""
    deadline, calendar, applies = direct.deadline, direct.calendar, direct.applies
    assert deadline.case is not None
    known = happened(responded, today)
    state, late, _ = state_on(deadline.case, deadline, applies, known, calendar, today)
    review_by = review_request_by(deadline.regime, deadline.nation, responded, applies, received)
    provisional = deadline.provisional or _provisional(calendar, known or today, review_by)
    return RowAnswer(
        due=deadline.due,
        extended_due=deadline.extended_due,
        working_days_elapsed=working_days_counted(calendar, direct.count_from, known or today),
        status=state,
        working_days_late=late,
        review_request_by=review_by,
        rule=deadline.rule,
        provisional=provisional,
        holidays_checked=calendar.is_checked(min(deadline.received, today), provisional),
        error=None,
    )


def _clock_answer(case: Case, today: date) -> RowAnswer:
    """Any case, through the case clock (`case_status`) and the timeline's review window."""
    status = case_status(case, today)
    deadline = status.deadline
    review_by = review_request_by(
        deadline.regime,
        deadline.nation,
        case.responded,
        status.due,
        requester_receipt(case, "responded"),  # C-POST-SCOT
    )
    calendar = counting_calendar(deadline.regime, deadline.nation)
    provisional = status.provisional or _provisional(calendar, review_by)
    return RowAnswer(
        due=deadline.due,
        extended_due=deadline.extended_due,
        working_days_elapsed=status.working_days_elapsed,
        status=status.state,
        working_days_late=status.working_days_late,
        review_request_by=review_by,
        rule=deadline.rule,
        provisional=provisional,
        holidays_checked=calendar.is_checked(min(deadline.received, today), provisional),
        error=None,
    )


def _provisional(calendar: WorkingCalendar, *days: date | None) -> bool:
    """A count (the days elapsed, a review window) reaching a year whose bank holidays are not
    announced yet for the calendar's divisions (`WD-HORIZON`)."""
    return any(day is not None and calendar.is_provisional(day) for day in days)


def _not_given(value: object) -> bool:
    """A value that is not text and means not given: None, or a missing value from pandas or
    numpy (NaN of any float type, NaT, pandas.NA), recognised without importing either."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):  # an array, or a type that will not say
        return False
