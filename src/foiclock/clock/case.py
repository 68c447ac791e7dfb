"""A case: the date of receipt, the regime and the events that move the clock (clarification,
fees, extension, special bodies, SAR start events), checked against the regime's rules before any
counting. The same keys serve the CLI options, case files and batch columns.

Checks (issue "The case clock"): no event before receipt; the second half of a pair not before
the first and never without it; no event the regime does not have. The first half alone (a
clarification asked, not yet answered; a fees notice, not yet paid) is a live state, not an error.
"""

from collections.abc import Mapping
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any, Final, TypedDict, Unpack

from foiclock.base.dates import ACCEPTED_FORMS, as_date, check_supported, parse_date
from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple
from foiclock.law.regimes import (
    DATE_OF_RECEIPT,
    NEXT_WORKING_DAY,
    RECEIPT_RULES,
    MonthWindow,
    check_in_force,
    check_nation,
    get_body,
    get_regime,
)

RANGE_SEPARATOR: Final = ":"
RANGE_LIST_SEPARATOR: Final = ";"  # between ranges in one text value (a batch cell)
RANGE_FORMS: Final = M("a date or FROM:TO (for example 2025-07-23:2025-09-02)")


class DayRange(NamedTuple):
    """The days from `first` to `last`, both included."""

    first: date
    last: date


class Case(NamedTuple):
    """One request and its events. Build with `make_case` (or `case_from_mapping`), which checks
    it; the engine trusts a Case it is given to have been checked."""

    received: date
    regime: str = "foia"
    nation: str | None = None
    receipt_rule: str = DATE_OF_RECEIPT
    clarification_requested: date | None = None
    clarification_received: date | None = None
    fees_notice: date | None = None
    fee_paid: date | None = None
    extended: bool = False
    body: str | None = None
    school_closed: tuple[DayRange, ...] | None = None  # None: none given, assumed none
    id_received: date | None = None
    case_id: str | None = None
    responded: date | None = None
    review_requested: date | None = None
    review_responded: date | None = None
    decision_notice: date | None = None
    complaint_received: date | None = None
    complaint_responded: date | None = None
    responded_posted: date | None = None
    responded_received: date | None = None
    review_responded_posted: date | None = None
    review_responded_received: date | None = None
    statement_of_reasons: date | None = None
    review_by_other_authority: bool = False


#: Every key a case file or batch row may hold, and what it holds (README "Case files").
CASE_KEYS: Final = {
    "case_id": M("your reference for the case (text)"),
    "regime": M("foia, eir, foisa, eisr or sar"),
    "received": M("date of receipt"),
    "nation": M("the body's own nation (SAR: the controller's)"),
    "receipt_rule": M("date-of-receipt or next-working-day"),
    "clarification_requested": M("date the body asked for clarification"),
    "clarification_received": M("date the clarification arrived"),
    "fees_notice": M("date the fees notice was given"),
    "fee_paid": M("date the fee arrived"),
    "extended": M("true when the deadline is extended"),
    "body": M("school, academy, archive, armed-forces or abroad (FOIA); keeper (FOISA)"),
    "school_closed": M("days the school was closed: dates or FROM:TO ranges"),
    "id_received": M("date identity information arrived (SAR)"),
    "responded": M("date the response was issued"),
    "review_requested": M(
        "date the internal review (representations, requirement for review) was received"
    ),
    "review_responded": M("date the review outcome was issued"),
    "decision_notice": M("date the Commissioner's decision notice was sent"),
    "complaint_received": M("date the controller received the requester's complaint (SAR)"),
    "complaint_responded": M("date the controller answered the complaint (SAR)"),
    "responded_posted": M("date the response was posted (FOISA, EISR: C-POST-SCOT)"),
    "responded_received": M(
        "date the requester actually received the posted response, if later than presumed"
    ),
    "review_responded_posted": M("date the review outcome was posted (FOISA, EISR: C-POST-SCOT)"),
    "review_responded_received": M(
        "date the requester actually received the posted review outcome, if later than presumed"
    ),
    "statement_of_reasons": M(
        "date a later statement of the Commissioner's reasons was intimated (FOISA-COURT)"
    ),
    "review_by_other_authority": M(
        "true when a different authority is, by virtue of FOISA s22(4), to review the Keeper's "
        "decision (FOISA-RR-RESP: 30th working day)"
    ),
}
_DATE_KEYS: Final = (
    "received",
    "clarification_requested",
    "clarification_received",
    "fees_notice",
    "fee_paid",
    "id_received",
    "responded",
    "review_requested",
    "review_responded",
    "decision_notice",
    "complaint_received",
    "complaint_responded",
    "responded_posted",
    "responded_received",
    "review_responded_posted",
    "review_responded_received",
    "statement_of_reasons",
)
#: The events on and after the response (`foiclock appeal`'s options, in the order above).
AFTER_RESPONSE_KEYS: Final = _DATE_KEYS[_DATE_KEYS.index("responded") :]
_BOOL_KEYS: Final = ("extended", "review_by_other_authority")
#: (index in Case, key) of each date field (`typed_case`).
_DATE_FIELDS: Final = tuple((Case._fields.index(key), key) for key in _DATE_KEYS)
_DAY_RANGES_ACCEPTED: Final = M("a tuple of DayRange(first, last), each a date")
_TRUE: Final = ("true", "yes", "1")
_FALSE: Final = ("false", "no", "0", "")
#: Characters a case_id may not hold: C0 and C1 controls (line breaks, tabs, NUL, DEL) and the
#: Unicode line and paragraph separators. A case_id is one line in every output, and iCalendar
#: refuses a line break in a property.


class CaseEvents(TypedDict, total=False):
    """The keyword arguments of `make_case` and `response_deadline`: a Case's fields after
    `received` and `regime`."""

    nation: str | None
    receipt_rule: str
    clarification_requested: date | None
    clarification_received: date | None
    fees_notice: date | None
    fee_paid: date | None
    extended: bool
    body: str | None
    school_closed: tuple[DayRange, ...] | None
    id_received: date | None
    case_id: str | None
    responded: date | None
    review_requested: date | None
    review_responded: date | None
    decision_notice: date | None
    complaint_received: date | None
    complaint_responded: date | None
    responded_posted: date | None
    responded_received: date | None
    review_responded_posted: date | None
    review_responded_received: date | None
    statement_of_reasons: date | None
    review_by_other_authority: bool


def make_case(received: date, regime: str = "foia", **events: Unpack[CaseEvents]) -> Case:
    """A checked Case; InvalidInput naming the event and the rule if it cannot be counted."""
    if not events and type(received) is date:
        # No event: of `check_case`'s checks only the regime and its start (T-*-START) can
        # fail, and nothing is normalised but the regime's key (the same Case, faster).
        key = get_regime(regime).key
        check_in_force(key, received)
        return Case(received, key)
    return check_case(Case(received, regime, **events))


def check_case(case: Case) -> Case:
    """`case` with its regime, nation and body keys normalised, after every check."""
    if not isinstance(case, Case):
        raise InvalidInput(
            "case", type(case).__name__, M("is not a Case"), M("a Case (make_case, load_case)")
        )
    case = typed_case(case)
    regime = get_regime(case.regime)
    check_in_force(regime.key, case.received)  # T-*-START
    if isinstance(regime.response, MonthWindow):
        # Subject access: the rules of the version in force on the date of receipt (T-SAR-1998:
        # no extension). Only SAR has dated versions of its response window.
        from foiclock.law.sar_versions import in_force

        regime = in_force(regime, case.received)
    nation = check_nation(case.nation) if case.nation is not None else None
    if case.receipt_rule not in RECEIPT_RULES:
        raise InvalidInput(
            "receipt_rule", case.receipt_rule, M("is not a receipt rule"), ", ".join(RECEIPT_RULES)
        )
    if regime.counts_months and case.receipt_rule == NEXT_WORKING_DAY:
        raise InvalidInput(
            "receipt_rule",
            case.receipt_rule,
            M(
                "does not apply to SAR: the day of receipt counts as day 1 whether or not it is a "
                "working day (C-MONTH)"
            ),
            DATE_OF_RECEIPT,
        )
    clarification = regime.clarification.rule
    start_rule = regime.start_events.rule if regime.start_events is not None else "SAR-START"
    fees_rule = regime.fees.pause.rule if regime.fees is not None else start_rule
    event_rules = {
        "clarification_requested": clarification,
        "clarification_received": clarification,
        "fees_notice": fees_rule,
        "fee_paid": fees_rule,
        "id_received": start_rule,
    }
    for key, rule in event_rules.items():
        value = getattr(case, key)
        if value is not None and value < case.received:
            raise InvalidInput(
                key,
                value.isoformat(),
                M(
                    "is before the date of receipt ({date}) ({rule})",
                    date=case.received.isoformat(),
                    rule=rule,
                ),
                M("a date on or after the date of receipt"),
            )
    _check_pair(
        ("clarification_requested", case.clarification_requested),
        ("clarification_received", case.clarification_received),
        clarification,
    )
    if regime.fees is None:
        if case.fees_notice is not None:
            raise InvalidInput(
                "fees_notice",
                case.fees_notice.isoformat(),
                M(
                    "is not an event under {regime}: a fee moves the start of the period instead "
                    "(SAR-START)",
                    regime=regime.short_name,
                ),
                M("fee_paid alone"),
            )
    else:
        _check_pair(
            ("fees_notice", case.fees_notice), ("fee_paid", case.fee_paid), regime.fees.pause.rule
        )
    if case.id_received is not None and regime.start_events is None:
        raise InvalidInput(
            "id_received",
            case.id_received.isoformat(),
            M(
                "is not an event under {regime} (SAR-START is for subject access requests)",
                regime=regime.short_name,
            ),
            M("--regime sar with id_received"),
        )
    body = get_body(case.body, regime) if case.body is not None else None
    if case.review_by_other_authority and (body is None or body.key != "keeper"):
        raise InvalidInput(
            "review_by_other_authority",
            "true",
            M(
                "applies only where the authority is the Keeper of the Records of Scotland "
                "(FOISA-RR-RESP, s21(2))"
            ),
            M("--regime foisa --body keeper with it"),
        )
    if case.extended and regime.extension is None:
        raise InvalidInput(
            "extended",
            None,
            M("is not possible: {reason}", reason=regime.no_extension),
            M("no --extend"),
        )
    if case.school_closed is not None and (body is None or body.school_days is None):
        raise InvalidInput(
            "school_closed",
            ", ".join(_range_text(r) for r in case.school_closed),
            M("applies only to schools (FOIA-SCHOOL)"),
            M("--body school or academy with it"),
        )
    for closure in case.school_closed or ():
        if closure.last < closure.first:
            raise InvalidInput(
                "school_closed", _range_text(closure), M("ends before it starts"), RANGE_FORMS
            )
    check_later_events(regime.key, case.received, case)
    return case._replace(
        regime=regime.key, nation=nation, body=body.key if body is not None else None
    )


def typed_case(case: Case) -> Case:
    """`case` with each value of the type its field holds, or InvalidInput naming the field:
    dates (`foiclock.base.dates.as_date`: a midnight datetime becomes its date), `extended` and
    `review_by_other_authority` bools (None: False), `school_closed` a sequence of DayRange,
    `case_id` text on one line."""
    changes: dict[str, Any] = {}
    for index, key in _DATE_FIELDS:
        value = case[index]
        if type(value) is not date and (value is not None or index == 0):  # 0: received
            changes[key] = as_date(value, key)
    for key in _BOOL_KEYS:
        value = getattr(case, key)
        if type(value) is not bool:
            if value is not None:
                raise InvalidInput(key, value, M("is not true or false"), M("true or false"))
            changes[key] = False
    if case.school_closed is not None:
        closures = _day_ranges(case.school_closed)
        if closures is not case.school_closed:
            changes["school_closed"] = closures
    if case.case_id is not None:
        _check_case_id(case.case_id)
    return case._replace(**changes) if changes else case


def _day_ranges(closures: object) -> tuple[DayRange, ...]:
    """`school_closed` given to the library, DayRanges (or pairs of dates) in a tuple or list,
    as a tuple of DayRanges of dates: `closures` itself when it is one already."""
    if not isinstance(closures, tuple | list):
        raise InvalidInput(
            "school_closed", closures, M("is not a list of days"), _DAY_RANGES_ACCEPTED
        )
    ranges = []
    kept = True
    for closure in closures:
        if not (isinstance(closure, tuple) and len(closure) == 2):
            raise InvalidInput(
                "school_closed", closure, M("is not a date or a range"), _DAY_RANGES_ACCEPTED
            )
        first, last = closure
        if type(first) is not date or type(last) is not date or type(closure) is not DayRange:
            closure = DayRange(as_date(first, "school_closed"), as_date(last, "school_closed"))
            kept = False
        ranges.append(closure)
    if kept and type(closures) is tuple:
        return closures
    return tuple(ranges)


def _check_case_id(case_id: object) -> None:
    if not isinstance(case_id, str):
        raise InvalidInput("case_id", case_id, M("is not text"), CASE_KEYS["case_id"])
    from foiclock.base.text import unsafe_character

    character = unsafe_character(case_id)
    if character is not None:
        raise InvalidInput(
            "case_id",
            case_id,
            M(
                "holds a character that cannot be shown or written ({character})",
                character=character,
            ),
            M("text on one line, without control characters"),
        )


#: The events that stop, pause or restart the clock (`*-CLAR`, `SAR-STOP`, `*-FEES`): whether the
#: clock runs on a day depends on those that have happened by then (`clock_on`).
_CLOCK_EVENTS: Final = (
    "clarification_requested",
    "clarification_received",
    "fees_notice",
    "fee_paid",
)


class Planned(NamedTuple):
    """An event dated after the day a case is judged on: every date is counted with it, but on
    that day it has not happened yet."""

    key: str
    date: date


def planned(case: Case, today: date) -> tuple[Planned, ...]:
    """The events of `case` dated after `today`, in the order of a case. The date of receipt is
    not among them: a case received after `today` is not yet received."""
    return tuple(
        Planned(key, value)
        for key in _DATE_KEYS
        if key != "received" and (value := getattr(case, key)) is not None and value > today
    )


def clock_on(case: Case, today: date) -> Case:
    """`case` without its clock events dated after `today`: its deadline's `state` is what the
    clock does on that day (runs, waits for a clarification or a fee, or has lapsed). Only that
    state is read from it; every date is counted from the whole case, planned events included."""
    if case.clarification_requested is None and case.fees_notice is None:
        return case  # no clock event: a pair's second half needs its first; SAR's fee comes
        # without a notice and only moves the start of the month (SAR-START)
    later: dict[str, Any] = {
        key: None
        for key in _CLOCK_EVENTS
        if (day := getattr(case, key)) is not None and day > today
    }
    return case._replace(**later) if later else case


def check_after_response(
    regime_key: str,
    received: date | None,
    *,
    responded: date | None,
    review_requested: date | None,
    review_responded: date | None,
    decision_notice: date | None,
    responded_posted: date | None = None,
    responded_received: date | None = None,
    review_responded_posted: date | None = None,
    review_responded_received: date | None = None,
    statement_of_reasons: date | None = None,
) -> None:
    """The events after the response (rules.md sections 3 to 6) in their order: none before
    receipt; the review request may come before a late response (or without one), as every
    regime with a review lets the requester ask for one when no response came (EIR, FOISA,
    EISR: the window counts from the deadline; FOIA-IR-REQ: a review of a failure to respond);
    the review outcome not before (nor without) the review request; the decision notice not
    before the review outcome. SAR has no review or appeal windows in rules.md, so
    those events are refused for it. A notice's posting and actual receipt (`C-POST-SCOT`) and a
    statement of reasons (`FOISA-COURT`) only where the regime has them (FOISA, EISR)."""
    if (
        responded is None
        and review_requested is None
        and review_responded is None
        and decision_notice is None
        and responded_posted is None
        and responded_received is None
        and review_responded_posted is None
        and review_responded_received is None
        and statement_of_reasons is None
    ):
        return  # no event after the response: nothing to check (a plain deadline)
    from foiclock.law.windows import review_rule

    regime = get_regime(regime_key)
    events = {
        "responded": responded,
        "review_requested": review_requested,
        "review_responded": review_responded,
        "decision_notice": decision_notice,
    }
    later = {
        "responded_posted": responded_posted,
        "responded_received": responded_received,
        "review_responded_posted": review_responded_posted,
        "review_responded_received": review_responded_received,
        "statement_of_reasons": statement_of_reasons,
    }
    for key, value in {**events, **later}.items():
        if value is not None and received is not None and value < received:
            raise InvalidInput(
                key,
                value.isoformat(),
                M("is before the date of receipt ({date})", date=received.isoformat()),
                M("a date on or after the date of receipt"),
            )
    _check_scottish_events(regime.key, {**events, **later})
    _check_pair(
        ("decision_notice", decision_notice),
        ("statement_of_reasons", statement_of_reasons),
        "FOISA-COURT",
    )
    review = review_rule(regime.key)
    if review is None:
        for key, value in events.items():
            if key != "responded" and value is not None:
                raise InvalidInput(
                    key,
                    value.isoformat(),
                    M(
                        "is not an event under {regime}: rules.md gives it no review or appeal "
                        "windows",
                        regime=regime.short_name,
                    ),
                    M("responded alone"),
                )
        return
    _check_pair(
        ("review_requested", review_requested), ("review_responded", review_responded), review
    )
    if review_responded is not None and decision_notice is not None:
        _check_pair(
            ("review_responded", review_responded), ("decision_notice", decision_notice), review
        )


def check_later_events(regime_key: str, received: date | None, events: Case) -> None:
    """The events of `events` after the response (`check_after_response`) and the complaint to
    the controller (`check_complaint`), against the date of receipt (None when not given)."""
    check_after_response(
        regime_key,
        received,
        responded=events.responded,
        review_requested=events.review_requested,
        review_responded=events.review_responded,
        decision_notice=events.decision_notice,
        responded_posted=events.responded_posted,
        responded_received=events.responded_received,
        review_responded_posted=events.review_responded_posted,
        review_responded_received=events.review_responded_received,
        statement_of_reasons=events.statement_of_reasons,
    )
    check_complaint(
        regime_key,
        received,
        complaint_received=events.complaint_received,
        complaint_responded=events.complaint_responded,
    )


def check_complaint(
    regime_key: str,
    received: date | None,
    *,
    complaint_received: date | None,
    complaint_responded: date | None,
) -> None:
    """A complaint to the controller (`SAR-CTRL`): a subject access event only; received on or
    after the date of receipt and on or after the day the duty came into force; its answer not
    before (nor without) it."""
    if complaint_received is None and complaint_responded is None:
        return
    from foiclock.law.windows import complaint_window

    regime = get_regime(regime_key)
    window = complaint_window(regime.key)
    if window is None:
        key, value = (
            ("complaint_received", complaint_received)
            if complaint_received is not None
            else ("complaint_responded", complaint_responded)
        )
        assert value is not None
        raise InvalidInput(
            key,
            value.isoformat(),
            M(
                "is not an event under {regime}: a complaint to the controller (SAR-CTRL, DPA "
                "2018 s164A) is a subject access rule",
                regime=regime.short_name,
            ),
            M("--regime sar with it"),
        )
    if complaint_received is not None:
        if received is not None and complaint_received < received:
            raise InvalidInput(
                "complaint_received",
                complaint_received.isoformat(),
                M(
                    "is before the date of receipt ({date}) ({rule})",
                    date=received.isoformat(),
                    rule=window.rule,
                ),
                M("a date on or after the date of receipt"),
            )
        if window.in_force is not None and complaint_received < window.in_force:
            raise InvalidInput(
                "complaint_received",
                complaint_received.isoformat(),
                M(
                    "is before {date}: the controller's duty to acknowledge a complaint (DPA "
                    "2018 s164A) was not yet in force, so there is no time limit to count ({rule})",
                    date=window.in_force.isoformat(),
                    rule=window.rule,
                ),
                M("a complaint received on or after {date}", date=window.in_force.isoformat()),
            )
    _check_pair(
        ("complaint_received", complaint_received),
        ("complaint_responded", complaint_responded),
        window.rule,
    )


def _check_scottish_events(regime_key: str, events: dict[str, date | None]) -> None:
    """`C-POST-SCOT`: a notice's posting date needs the notice, on or after its date; an actual
    receipt needs the posting, and replaces the presumption only when later than it. Both are
    FOISA's (the EISRs as FOISA, best reading); a statement of reasons is `FOISA-COURT`'s."""
    from foiclock.law.windows import POSTED_DAYS, POSTING_RULES, POSTINGS, WINDOWS

    regime = get_regime(regime_key)
    for posting in POSTINGS:
        for key in (posting.posted, posting.received):
            value = events[key]
            if value is not None and regime.key not in POSTING_RULES:
                raise InvalidInput(
                    key,
                    value.isoformat(),
                    M(
                        "is not an event under {regime}: the presumed receipt of a posted "
                        "notice (C-POST-SCOT) is FOISA s74, for FOISA and the EISRs",
                        regime=regime.short_name,
                    ),
                    M("--regime foisa or eisr with it"),
                )
        posted, received = events[posting.posted], events[posting.received]
        _check_pair(
            (posting.notice, events[posting.notice]), (posting.posted, posted), "C-POST-SCOT"
        )
        _check_pair((posting.posted, posted), (posting.received, received), "C-POST-SCOT")
        presumed = posted + timedelta(days=POSTED_DAYS) if posted is not None else None
        if received is not None and presumed is not None and received < presumed:
            raise InvalidInput(
                posting.received,
                received.isoformat(),
                M(
                    "is before {date}, the third day after posting, when the law presumes it "
                    "received (C-POST-SCOT): only a later actual receipt replaces the presumption",
                    date=presumed.isoformat(),
                ),
                M("a date on or after {date}, or none", date=presumed.isoformat()),
            )
    statement = events["statement_of_reasons"]
    if statement is not None and not any(
        "statement_of_reasons" in w.after for w in WINDOWS[regime.key]
    ):
        raise InvalidInput(
            "statement_of_reasons",
            statement.isoformat(),
            M(
                "is not an event under {regime}: a later statement of reasons starts the 42 days "
                "to appeal to the Court of Session (FOISA-COURT)",
                regime=regime.short_name,
            ),
            M("--regime foisa or eisr with it"),
        )


def _check_pair(first: tuple[str, date | None], second: tuple[str, date | None], rule: str) -> None:
    """The second event of a pair needs the first, on or before it."""
    first_key, first_day = first
    second_key, second_day = second
    if second_day is None:
        return
    if first_day is None:
        raise InvalidInput(
            second_key,
            second_day.isoformat(),
            M("is given without {key} ({rule})", key=first_key, rule=rule),
            M("{key} with it, on or before it", key=first_key),
        )
    if second_day < first_day:
        raise InvalidInput(
            second_key,
            second_day.isoformat(),
            M(
                "is before {key} ({date}) ({rule})",
                key=first_key,
                date=first_day.isoformat(),
                rule=rule,
            ),
            M("a date on or after {key}", key=first_key),
        )


def _range_text(closure: DayRange) -> str:
    return f"{closure.first.isoformat()}{RANGE_SEPARATOR}{closure.last.isoformat()}"


def parse_day_range(text: str, field: str = "school_closed", today: date | None = None) -> DayRange:
    """`FROM:TO` or a single date, in any date form parse_date accepts."""
    first_text, separator, last_text = text.partition(RANGE_SEPARATOR)
    if not first_text.strip() or (separator and not last_text.strip()):
        raise InvalidInput(field, text, M("is not a date or a range"), RANGE_FORMS)
    first = parse_date(first_text, field, today)
    last = parse_date(last_text, field, today) if separator else first
    if last < first:
        raise InvalidInput(field, text, M("ends before it starts"), RANGE_FORMS)
    return DayRange(first, last)


def read_day_ranges(
    path: str, field: str = "school_closed_file", today: date | None = None
) -> tuple[DayRange, ...]:
    """One date or FROM:TO range a line; blank lines and lines starting with # are ignored."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InvalidInput(
            field, path, M("cannot be read ({reason})", reason=reason), M("a readable text file")
        ) from None
    ranges = []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if entry and not entry.startswith("#"):
            ranges.append(parse_day_range(entry, f"{field} line {number}", today))
    return tuple(ranges)


def case_from_mapping(
    values: Mapping[str, object], base: Case | None = None, today: date | None = None
) -> Case:
    """A checked Case from keys of CASE_KEYS (a case file, a batch row, the CLI's options).
    Dates may be `date` objects (or datetimes at midnight) or text in any form parse_date
    accepts, `today` meaning `today` (the day the case is judged on; default: the clock's
    today); keys given here replace `base`'s values. Unknown keys are refused by name."""
    unknown = sorted(set(values) - set(CASE_KEYS))
    if unknown:
        raise InvalidInput("case", unknown[0], M("is not a case key"), ", ".join(CASE_KEYS))
    fields: dict[str, object] = dict(base._asdict()) if base is not None else {}
    for key, value in values.items():
        fields[key] = _case_value(key, value, today)
    if fields.get("received") is None:
        raise InvalidInput("received", None, M("is missing"), M("a date of receipt"))
    return check_case(Case(**fields))  # type: ignore[arg-type]


def _case_value(key: str, value: object, today: date | None) -> object:
    """One case value, converted from the types a TOML or JSON file or a command line gives."""
    if value is None:
        return None
    if key in _DATE_KEYS:
        return case_date(key, value, today)
    if key in _BOOL_KEYS:
        return _bool_value(key, value)
    if key == "school_closed":
        if isinstance(value, str):  # one cell of a batch row: ranges separated by ";"
            entries: object = [part for part in value.split(RANGE_LIST_SEPARATOR) if part.strip()]
        else:
            entries = [value] if isinstance(value, date) else value
        if not isinstance(entries, (list, tuple)):
            raise InvalidInput(
                key, value, M("is not a list of days"), M("a list of {forms}", forms=RANGE_FORMS)
            )
        return tuple(_range_value(key, entry, today) for entry in entries) or None  # none given
    if not isinstance(value, str):
        raise InvalidInput(key, value, M("is not text"), CASE_KEYS[key])
    return value


def case_date(key: str, value: object, today: date | None = None) -> date:
    """The date of case key `key` from a date (a datetime at midnight is its date), or text in
    any form parse_date accepts."""
    if isinstance(value, str):
        return parse_date(value, key, today)
    if isinstance(value, date | time):  # a datetime at midnight is its date (pandas)
        return check_supported(as_date(value, key), key)
    raise InvalidInput(key, value, M("is not a date"), ACCEPTED_FORMS)


def _bool_value(key: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    raise InvalidInput(key, value, M("is not true or false"), M("true or false"))


def _range_value(key: str, value: object, today: date | None) -> DayRange:
    if isinstance(value, DayRange):
        return value
    if isinstance(value, date):  # a datetime at midnight too
        day = as_date(value, key)
        return DayRange(day, day)
    if isinstance(value, str):
        return parse_day_range(value, key, today)
    raise InvalidInput(key, value, M("is not a date or a range"), RANGE_FORMS)
