"""The columns the statistics rest on, added to every batch row after the others: the case's
`timeliness`, the `working_days_taken` to answer it, and its internal review's own deadline and
timeliness (`review_due`, `review_timeliness`). Every value comes from the case clock's own dates
and states (the row's `status`, `due`, `working_days_elapsed`; the timeline's review milestones):
nothing is counted a second time.

Timeliness of the request (on the batch's `--today`):
- `within_limit`: answered on or before the statutory deadline (`due`: FOIA-RESP, EIR-RESP,
  FOISA-RESP, EISR-RESP, SAR-RESP, or the body's own: FOIA-SCHOOL, FOIA-ARCHIVE, ...);
- `within_extension`: answered after it but on or before the extended deadline of a row that
  is extended (FOIA-PIT, EIR-EXT, EISR-EXT, SAR-EXT);
- `late`: answered after the deadline that applies (`answered_late`);
- `open_in_time`, `open_overdue`: not answered yet, the deadline not passed (`open`,
  `due_today`) or passed (`overdue`);
- `on_hold`: the clock waits for the requester (`awaiting_clarification`, `awaiting_fee`:
  FOIA-CLAR, FOIA-FEES, EIR-FEES, ...) or the optional `outcome` column says `on_hold`;
- `lapsed`: an unpaid fee ended the request (`fee_not_paid`), or `outcome` says `lapsed` or
  `withdrawn`, with no response issued.
Empty for a row not yet received on `--today` and for an error row.

The optional `outcome` column (granted, part, withheld, not_held, withdrawn, lapsed, on_hold) is
read only here: a response date, when there is one, decides the timeliness whatever the outcome.
"""

from collections.abc import Mapping
from contextlib import suppress
from datetime import date
from typing import Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple
from foiclock.clock.case import case_date, case_from_mapping
from foiclock.clock.deadline import AWAITING_CLARIFICATION, AWAITING_FEE, FEE_NOT_PAID
from foiclock.clock.status import ANSWERED_LATE, ANSWERED_ON_TIME, DUE_TODAY, OPEN, OVERDUE
from foiclock.law.regimes import get_regime

WITHIN_LIMIT: Final = "within_limit"
WITHIN_EXTENSION: Final = "within_extension"
LATE: Final = "late"
OPEN_IN_TIME: Final = "open_in_time"
OPEN_OVERDUE: Final = "open_overdue"
ON_HOLD: Final = "on_hold"
LAPSED: Final = "lapsed"
#: Every timeliness value, answered ones first.
TIMELINESS: Final = (
    WITHIN_LIMIT,
    WITHIN_EXTENSION,
    LATE,
    OPEN_IN_TIME,
    OPEN_OVERDUE,
    ON_HOLD,
    LAPSED,
)
IN_TIME: Final = frozenset({WITHIN_LIMIT, WITHIN_EXTENSION})
ANSWERED: Final = frozenset({WITHIN_LIMIT, WITHIN_EXTENSION, LATE})
STILL_OPEN: Final = frozenset({OPEN_IN_TIME, OPEN_OVERDUE})

OUTCOME: Final = "outcome"
#: The values of the optional `outcome` column.
OUTCOMES: Final = ("granted", "part", "withheld", "not_held", "withdrawn", "lapsed", "on_hold")
_ENDED_BY_OUTCOME: Final = {"withdrawn": LAPSED, "lapsed": LAPSED, "on_hold": ON_HOLD}
_ENDABLE: Final = frozenset({OPEN_IN_TIME, OPEN_OVERDUE, ON_HOLD})

#: The columns added to every batch row after the others, and what each holds (README "Batch").
TIMELINESS_COLUMNS: Final = {
    "timeliness": M(
        "within_limit, within_extension, late, open_in_time, open_overdue, on_hold or lapsed "
        "(the statistics' base); empty before receipt and for an error row"
    ),
    "working_days_taken": M(
        "working days counted by the response, as the deadline counts them; empty while open"
    ),
    "review_due": M(
        "the internal review's deadline (FOIA-IR-RESP, EIR-REP-RESP, FOISA-RR-RESP, "
        "EISR-REP-RESP) when review_requested is given"
    ),
    "review_timeliness": M(
        "within_limit, within_extension (FOIA: by the 40th working day, Code para 5.5), late, "
        "open_in_time or open_overdue for the review"
    ),
}

_STATES: Final = {
    OPEN: OPEN_IN_TIME,
    DUE_TODAY: OPEN_IN_TIME,
    OVERDUE: OPEN_OVERDUE,
    AWAITING_CLARIFICATION: ON_HOLD,
    AWAITING_FEE: ON_HOLD,
    FEE_NOT_PAID: LAPSED,
    ANSWERED_LATE: LATE,
}
#: The review milestone's states (foiclock.clock.timeline), as review timeliness.
_REVIEW_STATES: Final = {
    "met": WITHIN_LIMIT,
    "late": LATE,
    "open": OPEN_IN_TIME,
    "due_today": OPEN_IN_TIME,
    "overdue": OPEN_OVERDUE,
}


class Timeliness(NamedTuple):
    """The columns of TIMELINESS_COLUMNS for one row."""

    timeliness: str | None = None
    working_days_taken: int | None = None
    review_due: date | None = None
    review_timeliness: str | None = None


NONE: Final = Timeliness()
MEMO_LIMIT: Final = 100_000  # reviews remembered before the memory starts again
#: What a review's deadline turns on (RowTimeliness._review).
_REVIEW_KEYS: Final = (
    "regime",
    "nation",
    "review_requested",
    "review_responded",
    "body",
    "review_by_other_authority",
)


def outcome_value(value: object) -> str | None:
    """An `outcome` cell as one of OUTCOMES (case, spaces and hyphens aside); None when empty;
    InvalidInput otherwise."""
    if value is None:
        return None
    text = str(value).strip().lower().replace(" ", "_").replace("-", "_")
    if not text:
        return None
    if text not in OUTCOMES:
        raise InvalidInput(OUTCOME, value, M("is not an outcome"), ", ".join(OUTCOMES))
    return text


def with_outcome(timeliness: str | None, outcome: object) -> str | None:
    """`timeliness` as the `outcome` cell leaves it: a case not answered that the outcome
    says was withdrawn or lapsed is `lapsed`, one it says is on hold `on_hold`. InvalidInput
    for a bad outcome."""
    ended = _ENDED_BY_OUTCOME.get(outcome_value(outcome) or "")
    if ended is not None and timeliness in _ENDABLE:
        return ended
    return timeliness


class RowTimeliness:
    """The timeliness columns of the rows of one batch, judged on `today` (a response's date is
    remembered: exports repeat them)."""

    def __init__(self, today: date) -> None:
        self.today = today
        self._dates: dict[object, date] = {}
        self._reviews: dict[tuple[object, ...], tuple[date | None, str | None]] = {}

    def columns(
        self,
        status: str,
        due: date | None,
        elapsed: int | None,
        given: Mapping[str, object],
        outcome: object,
    ) -> Timeliness:
        """The columns of a row whose answer has `status`, the statutory `due` date and the
        working days `elapsed`; `given` holds its case cells. InvalidInput for a bad outcome."""
        outcome_value(outcome)  # a bad one is the row's error, whatever its state
        if status == ANSWERED_ON_TIME:
            responded = self._date(given["responded"])
            late_for_limit = due is not None and responded > due
            timeliness: str | None = WITHIN_EXTENSION if late_for_limit else WITHIN_LIMIT
        else:
            timeliness = with_outcome(_STATES.get(status), outcome)
        if timeliness is None:  # not yet received, or an error
            return NONE
        taken = elapsed if timeliness in ANSWERED else None
        review_due, review = (None, None)
        if "review_requested" in given:
            review_due, review = self._review(given)
        return Timeliness(timeliness, taken, review_due, review)

    def _date(self, value: object) -> date:
        try:
            return self._dates[value]
        except (KeyError, TypeError):
            day = case_date("responded", value, self.today)
            with suppress(TypeError):  # an unhashable cell: not remembered
                self._dates[value] = day
            return day

    def _review(self, given: Mapping[str, object]) -> tuple[date | None, str | None]:
        """The review's deadline and timeliness from the timeline's own review milestones: the
        20th working day (FOIA-IR-RESP, FOISA-RR-RESP, EISR-REP-RESP) or the 40th (EIR-REP-RESP);
        for FOIA a review answered after the 20th but by the 40th is `within_extension` (s45
        Code para 5.5: "in complex cases up to 20 more working days"). Remembered by the review's
        own cells: its deadline turns on nothing else."""
        key = tuple(given.get(name) for name in _REVIEW_KEYS)
        try:
            return self._reviews[key]
        except KeyError:
            pass
        except TypeError:
            return self._review_of(given)
        if len(self._reviews) >= MEMO_LIMIT:
            self._reviews.clear()
        found = self._reviews[key] = self._review_of(given)
        return found

    def _review_of(self, given: Mapping[str, object]) -> tuple[date | None, str | None]:
        from foiclock.clock.timeline import review_milestones

        case = case_from_mapping(given, today=self.today)
        nation = case.nation or get_regime(case.regime).default_nation
        assert case.review_requested is not None
        found = {
            m.key: m
            for m in review_milestones(
                case.regime,
                nation,
                case.review_requested,
                case.review_responded,
                self.today,
                case.review_by_other_authority,
            )
        }
        review = found.get("review_response_due")
        if review is None or review.date is None:
            return None, None  # no review window (SAR), or no date then (T-IR-2004)
        state = _REVIEW_STATES.get(review.state)
        longest = found.get("review_response_due_longest")
        if state == LATE and longest is not None and longest.state == "met":
            state = WITHIN_EXTENSION
        return review.date, state
