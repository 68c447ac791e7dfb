"""The fast path's counting (`foiclock.batch.fast`): a case without its response date as a
`Plan`, counted on a calendar's arrays (`WorkingCalendar.arrays`: `C-WD`'s "nth working day
after D" is `working[rank[D] + n - 1]`, "working days after S up to E" is `rank[E] - rank[S]`)
from a `Template`, what the case clock made of the first case of its kind; and a plan's answer
for a response date, as CSV cells. No Case or Deadline is built here.

Counted here, as ../shared/rules.md says and the case clock counts:
- the response window (`FOIA-RESP`, `EIR-RESP`, `FOISA-RESP`, `EISR-RESP`: N working days after
  the date of receipt, `C-RECEIPT` or `C-RECEIPT-ALT`); `SAR-RESP` one month from the relevant
  time (`SAR-START`: the latest of receipt, identity and fee), `C-MONTH` rolled to a working day,
  or 40 days beginning with it (`T-SAR-1998`);
- a clarification (`*-CLAR`: the count restarts from the day it arrives) and a fee (`*-FEES`:
  the working days from the notice to the payment, both included, left out), with the last day
  to pay (three months, `C-BEGINNING-WITH`, or 60 working days), the days elapsed numbered as
  the case clock's steps number them; a subject access clarification (`SAR-STOP`, as the
  version in force at the relevant time has it: `T-SAR-STOP-ICO`, `T-SAR-12A`, `T-SAR-1998`);
- an extension (`FOIA-PIT` 20 working days after the deadline, `EIR-EXT`/`EISR-EXT` the 40th
  working day after receipt, the fee days still left out, `SAR-EXT` three months);
- the state on a day and the days late (as `case_status`), the review window (`FOIA-IR-REQ`,
  `EIR-REP-REQ`, `FOISA-RR-REQ`, `EISR-REP-REQ`, `foiclock.law.windows`), which depends only on
  the day it counts from: the timeline's own answer for the first such day between two version
  boundaries (`T-IR-2004`), then `C-WD`;
- `WD-HORIZON` (provisional) and `WD-PRE2012` (holidays checked).
What a plan does not count is `SLOW`: the row takes the case clock.
"""

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Final

from foiclock.batch.timeliness import (
    LATE,
    OPEN_IN_TIME,
    OPEN_OVERDUE,
    WITHIN_EXTENSION,
    WITHIN_LIMIT,
)
from foiclock.calendar.calendars import WorkingCalendar
from foiclock.clock.deadline import Deadline
from foiclock.clock.status import (
    ANSWERED_LATE,
    ANSWERED_ON_TIME,
    DUE_TODAY,
    NOT_YET_RECEIVED,
    OPEN,
    OVERDUE,
)
from foiclock.clock.timeline import review_request_by
from foiclock.law.regimes import COMMENCEMENTS, NEXT_WORKING_DAY, MonthWindow, get_regime
from foiclock.law.versions import VERSIONS
from foiclock.law.windows import FIRST_GIVEN, LATER, WINDOWS, WORKING_DAYS

#: A row's answer as the CSV loop writes it: the answer cells (delimiter first, line ending
#: last), the status, the error message.
Answer = tuple[str, str, str | None]
SLOW: Final = "slow"  # what the fast path does not count: the row takes the slow path


class Days:
    """One calendar's arrays over the supported span (`WorkingCalendar.arrays`), its limits as
    ordinals (`WD-HORIZON`, `WD-PRE2012`), and the ISO text of each day of the span."""

    __slots__ = ("first", "first_checked_year", "horizon", "iso", "rank", "working")

    def __init__(self, calendar: WorkingCalendar) -> None:
        self.first, self.rank, self.working = calendar.arrays()
        self.horizon = date(calendar.last_announced_year, 12, 31).toordinal()
        self.first_checked_year = calendar.first_checked_year
        self.iso = _iso_texts(self.first, len(self.rank))

    def add(self, start: int, n: int) -> int:
        """The nth working day after `start` (`C-WD`: `start` never counts); n >= 1.
        IndexError past the span."""
        return self.working[self.rank[start - self.first] + n - 1]

    def counted(self, start: int, end: int) -> int:
        """Working days after `start` up to and including `end`; 0 when `end` is not after it
        (`working_days_counted`)."""
        if end <= start:
            return 0
        return self.rank[end - self.first] - self.rank[start - self.first]

    def add_paused(self, start: int, n: int, notice: int, paid: int) -> int:
        """The nth working day after `start` outside the days `notice` to `paid`, both included
        (`*-FEES`), as `add_excluding` counts it."""
        if paid <= start:
            return self.add(start, n)
        before = self.counted(start, notice - 1) if notice > start else 0
        if before >= n:
            return self.add(start, n)
        return self.add(paid, n - before)

    def is_working(self, day: int) -> bool:
        index = day - self.first
        return self.rank[index] > (self.rank[index - 1] if index else 0)


_iso_cache: dict[tuple[int, int], list[str]] = {}


def _iso_texts(first: int, size: int) -> list[str]:
    """The ISO text of the days `first` to `first + size - 1` (built once: a few ms)."""
    texts = _iso_cache.get((first, size))
    if texts is None:
        texts = _iso_cache[first, size] = [
            date.fromordinal(ordinal).isoformat() for ordinal in range(first, first + size)
        ]
    return texts


# How a review window picks the day it counts from (`Review`).
NO_REVIEW: Final = 0
_FROM_RESPONSE: Final = 1  # FOIA-IR-REQ
_FROM_RESPONSE_OR_DUE: Final = 2  # EIR-REP-REQ, EISR-REP-REQ
_FROM_LATER: Final = 3  # FOISA-RR-REQ


class Review:
    """A regime's review window (`review_request_by`) from a response date and the deadline
    that applies. It counts from one day, its anchor: the response (`FOIA-IR-REQ`), the response
    or else the deadline (`EIR-REP-REQ`, `EISR-REP-REQ`), or the later of the two
    (`FOISA-RR-REQ`); nothing else changes it (the version in force is keyed by the anchor:
    `T-IR-2004`). The answer for each anchor is remembered (`days`). Anchors between the same
    version boundaries count alike: the first of them is the timeline's own answer, which is
    then counted as the Nth working day after each other anchor when the version counts so
    (`C-WD`), and asked of the timeline otherwise."""

    __slots__ = ("_boundaries", "_calendar", "_counts", "_window", "days", "mode", "nation",
                 "regime")  # fmt: skip

    def __init__(self, regime: str, nation: str, mode: int, calendar: Days) -> None:
        self.regime, self.nation, self.mode = regime, nation, mode
        self._calendar = calendar
        self._window = next(w for w in WINDOWS[regime] if w.key == "review_request_by")
        self._boundaries = version_boundaries([self._window.rule], regime)
        self._counts: dict[int, int] = {}  # by span: working days to add; 0 no date; -1 ask
        self.days: dict[int, int] = {}

    def count(self, anchor: int, responded: int, applies: int) -> int:
        """The last day to ask for a review (0: none), remembered for `anchor`."""
        span = bisect_right(self._boundaries, anchor)
        amount = self._counts.get(span)
        if amount is None or amount < 0:
            found = self._timeline(responded, applies)
            if amount is None:
                self._counts[span] = self._amount(anchor, found)
        elif amount:
            found = self._calendar.add(anchor, amount)
        else:
            found = 0  # the version in force sets no date (T-IR-2004)
        self.days[anchor] = found
        return found

    def _timeline(self, responded: int, applies: int) -> int:
        day = review_request_by(
            self.regime,
            self.nation,
            date.fromordinal(responded) if responded else None,
            date.fromordinal(applies),
        )
        return day.toordinal() if day is not None else 0

    def _amount(self, anchor: int, found: int) -> int:
        """How the window in force for `anchor` counts, checked against the timeline's answer
        `found`: N working days, 0 (no date), or -1 (ask the timeline each time)."""
        from foiclock.clock.timeline import in_force

        counted, _version, dated = in_force(self._window, date.fromordinal(anchor))
        if not dated:
            return 0 if found == 0 else -1
        if counted.counted != WORKING_DAYS or found != self._calendar.add(anchor, counted.amount):
            return -1
        return counted.amount


def review_mode(regime: str) -> int | None:
    """How the regime's review window picks its anchor (see `Review`); `NO_REVIEW` for a
    regime without one (SAR); None for a window of another shape, whose rows take the slow
    path."""
    window = next((w for w in WINDOWS.get(regime, ()) if w.key == "review_request_by"), None)
    if window is None:
        return NO_REVIEW
    if window.after == ("responded",) and window.anchor_mode == FIRST_GIVEN:
        return _FROM_RESPONSE
    if window.after == ("responded", "response_due") and window.anchor_mode == FIRST_GIVEN:
        return _FROM_RESPONSE_OR_DUE
    if window.after == ("response_due", "responded") and window.anchor_mode == LATER:
        return _FROM_LATER
    return None


def version_boundaries(rules: Sequence[str], regime: str) -> list[int]:
    """The ordinals on which a version of one of `rules` begins, or the day after one ends
    (rules-over-time.md), with the regime's commencement (`T-*-START`): receipt dates between two
    of them have the same versions in force."""
    days = {COMMENCEMENTS[regime].day.toordinal()}
    for version in VERSIONS:
        if version.rule in rules:
            if version.first is not None:
                days.add(version.first.toordinal())
            if version.last is not None:
                days.add(version.last.toordinal() + 1)
    return sorted(days)


class Template:
    """What the rows of one kind share: the regime's rules as the case clock applied them to the
    first row, the calendar, the review window, and how cells are written."""

    __slots__ = (
        "days",
        "delimiter",
        "end",
        "extended",
        "extension",
        "fees_months",
        "fees_working_days",
        "months",
        "next_working_day",
        "restart",
        "review",
        "review_days",
        "review_mode",
        "rule_cells",
        "sar",
        "state_cells",
        "tails",
        "today",
        "window_days",
        "working_days",
    )

    days: Days
    delimiter: str
    end: str  # the last answer cells, all empty (the review's columns, the error)
    extended: bool
    extension: tuple[str, int] | None  # (how it is counted, its amount)
    fees_months: int | None
    fees_working_days: int | None
    months: int | None  # SAR-RESP: calendar months (C-MONTH)
    next_working_day: bool  # C-RECEIPT-ALT
    restart: bool  # *-CLAR restarts the count
    review: Review | None
    review_days: dict[int, int]  # the review's, by anchor
    review_mode: int
    rule_cells: str
    sar: bool
    state_cells: dict[str, str]  # a state between delimiters
    tails: dict[bool, tuple[str, str]]  # by holidays checked: (not provisional, provisional)
    today: int
    window_days: int | None  # T-SAR-1998: calendar days beginning with the relevant day
    working_days: int | None


class Plan:
    """A case without its response date, counted: its answer for any response date is a few
    look-ups (`answer`). Subclasses count the working days elapsed around a restart or a
    pause (`stepped`)."""

    __slots__ = ("applies", "counted_from", "days", "due", "first", "head", "provisional",
                 "rank", "rank_from", "received", "tails", "template", "unanswered")  # fmt: skip

    stepped: bool = False  # the days elapsed are counted by `elapsed`, not from `rank_from`

    def __init__(
        self,
        template: Template,
        received: int,
        counted_from: int,
        due: int,
        extended_due: int,
        provisional: bool,
    ) -> None:
        days = self.days = template.days
        self.rank, self.first = days.rank, days.first
        self.template = template
        self.received = received
        self.counted_from = counted_from
        self.rank_from = self.rank[counted_from - self.first]
        self.applies = extended_due if template.extended else due
        self.due = due
        self.provisional = provisional
        iso, first, delimiter = days.iso, days.first, template.delimiter
        extended_text = iso[extended_due - first] if extended_due else ""
        self.head = f"{delimiter}{iso[due - first]}{delimiter}{extended_text}{delimiter}"
        earliest = min(received, template.today)
        self.tails = template.tails[days.first_checked_year <= date.fromordinal(earliest).year]
        self.unanswered: Answer | None = None  # the answer without a response, once counted

    def elapsed(self, end: int) -> int:
        """Working days counted by `end`: every working day after the day the count runs from,
        past the deadline too (`working_days_counted`)."""
        return self.days.counted(self.counted_from, end)

    def answer_unanswered(self) -> Answer:
        """The answer without a response (remembered: rows share it)."""
        self.unanswered = self.answer(0)
        return self.unanswered

    def answer(self, responded: int) -> Answer:
        """The row's answer for a response on `responded` (0: none), judged on the batch's
        today: a response after it is planned, and counts only for the review window (as
        `foiclock.batch.rows._direct_status` and `case_status` count it). Kept lean: it runs
        once a row."""
        template = self.template
        today = template.today
        known = responded if responded <= today else 0
        end = known or today
        applies = self.applies
        rank, first = self.rank, self.first
        # timeliness (foiclock.batch.timeliness): answered within the statutory limit, within
        # the extension of an extended row, late; open in time or overdue; none before receipt
        if today < self.received:
            state, late, timeliness = NOT_YET_RECEIVED, "", ""
        elif known:
            if known <= applies:
                state, late = ANSWERED_ON_TIME, ""
                timeliness = WITHIN_EXTENSION if known > self.due else WITHIN_LIMIT
            else:
                state, late = ANSWERED_LATE, str(rank[known - first] - rank[applies - first])
                timeliness = LATE
        elif today > applies:
            state, late = OVERDUE, str(rank[today - first] - rank[applies - first])
            timeliness = OPEN_OVERDUE
        else:
            state, late, timeliness = (DUE_TODAY if today == applies else OPEN), "", OPEN_IN_TIME
        if self.stepped:
            elapsed = self.elapsed(end)
        else:
            elapsed = rank[end - first] - self.rank_from if end > self.counted_from else 0
        mode = template.review_mode  # the review window's anchor (`Review`)
        if mode == _FROM_RESPONSE:
            anchor = responded
        elif mode == _FROM_RESPONSE_OR_DUE:
            anchor = responded or applies
        elif mode == _FROM_LATER:
            anchor = responded if responded > applies else applies
        else:
            anchor = 0
        review = 0
        if anchor:
            found = template.review_days.get(anchor)
            if found is None:
                assert template.review is not None  # a mode, so a window
                found = template.review.count(anchor, responded, applies)
            review = found
        horizon = template.days.horizon
        text = (
            f"{self.head}{elapsed}{template.state_cells[state]}{late}{template.delimiter}"
            f"{template.days.iso[review - first] if review else ''}{template.rule_cells}"
            f"{self.tails[self.provisional or end > horizon or review > horizon]}"
            f"{timeliness}{template.delimiter}{elapsed if known else ''}{template.end}"
        )
        return text, state, None


class Fixed:
    """A plan whose answer is the same for every response date: a row's error."""

    __slots__ = ("received", "unanswered")

    def __init__(self, answer: Answer) -> None:
        self.received = -2  # before every response date, bad ones (`_BAD`) included
        self.unanswered = answer

    def answer(self, responded: int) -> Answer:
        return self.unanswered

    def answer_unanswered(self) -> Answer:
        return self.unanswered


class StepPlan(Plan):
    """A count that a clarification restarted (`*-CLAR`) or a fees pause (`*-FEES`) stopped for
    a while, its days elapsed numbered as its steps number them (`case_status`): until the
    clarification arrives, the days counted from receipt up to the day before the ask; from
    its arrival, the days counted from it; either way, the working days from the fees notice
    to the payment, both included, left out. (0: no clarification, or no pause.)"""

    __slots__ = ("arrived", "asked", "first_counted_from", "notice", "paid")
    stepped = True

    asked: int
    arrived: int
    first_counted_from: int
    notice: int
    paid: int

    def elapsed(self, end: int) -> int:
        if end < self.arrived:
            return self._outside_pause(self.first_counted_from, min(end, self.asked - 1))
        return self._outside_pause(self.counted_from, end)

    def _outside_pause(self, start: int, end: int) -> int:
        """Working days after `start` up to and including `end` that are not paused."""
        counted = self.days.counted
        if not self.paid:
            return counted(start, end)
        return counted(start, end) - counted(max(start, self.notice - 1), min(end, self.paid))


def make_template(
    deadline: Deadline, days: Days, review: Review | None, delimiter: str
) -> Template | None:
    """The template of `deadline`, of a case that no event moves; None if the fast path does
    not count its kind."""
    case = deadline.case
    assert case is not None
    regime = get_regime(deadline.regime)
    template = Template()
    template.days = days
    template.review = review
    template.review_mode = review.mode if review is not None else NO_REVIEW
    template.review_days = review.days if review is not None else {}
    template.delimiter = delimiter
    template.rule_cells = f"{delimiter}{deadline.rule}"
    states = (NOT_YET_RECEIVED, ANSWERED_ON_TIME, ANSWERED_LATE, OVERDUE, DUE_TODAY, OPEN)
    template.state_cells = {state: f"{delimiter}{state}{delimiter}" for state in states}
    template.extended = case.extended
    template.sar = deadline.months is not None
    template.restart = regime.clarification.effect == "restart"
    template.next_working_day = deadline.receipt_rule == NEXT_WORKING_DAY
    template.fees_months = template.fees_working_days = None
    template.extension = None
    template.months = template.window_days = template.working_days = None
    if template.sar:
        from foiclock.law.sar_versions import sar_version

        version = sar_version(case.received)
        window = version.response
        if isinstance(window, MonthWindow):
            template.months = window.months  # SAR-RESP, C-MONTH
        else:
            template.window_days = window.days  # T-SAR-1998, C-BEGINNING-WITH
        if case.extended:
            if version.extension is None or version.extension.counted != "months":
                return None
            template.extension = ("months", version.extension.amount)  # SAR-EXT
    else:
        template.working_days = deadline.working_days
        if regime.fees is not None:
            template.fees_months = regime.fees.pay_months
            template.fees_working_days = regime.fees.pay_working_days
        if case.extended:
            rule = regime.extension_for(None)
            if rule is None or rule.counted not in ("after-due", "from-receipt"):
                return None
            template.extension = (rule.counted, rule.amount)
    return template


def working_day_plan(template: Template, received: int, events: dict[str, int]) -> Plan | str:
    """`FOIA-RESP`, `EIR-RESP`, `FOISA-RESP`, `EISR-RESP` (N working days after the date of
    receipt), moved by a clarification (`*-CLAR`) and a fee (`*-FEES`), each with both halves
    given by the batch's today."""
    days = template.days
    n = template.working_days
    assert n is not None
    counted_from = _date_of_receipt(template, received)
    asked = events.get("clarification_requested")
    arrived = events.get("clarification_received")
    notice = events.get("fees_notice")
    paid = events.get("fee_paid")
    if "id_received" in events:
        return SLOW  # not an event of these regimes: the case clock says so
    clarification = None
    if asked is not None or arrived is not None:
        if asked is None or arrived is None or not asked <= arrived <= template.today:
            return SLOW  # awaited, planned, or without its ask: the case clock says which
        if not template.restart:
            return SLOW
        clarification = (asked, arrived, counted_from)
        counted_from = _date_of_receipt(template, arrived)  # *-CLAR: the count starts again
    if notice is not None or paid is not None:
        if notice is None or paid is None or not notice <= paid <= template.today:
            return SLOW
        if template.fees_months is None and template.fees_working_days is None:
            return SLOW
        return _fees_plan(template, received, counted_from, notice, paid, clarification)
    due = days.add(counted_from, n)
    extended_due = _extension(template, counted_from, due, None)
    return _counted(template, received, counted_from, due, extended_due,
                    _provisional(days, due, extended_due), clarification)  # fmt: skip


def _counted(
    template: Template,
    received: int,
    counted_from: int,
    due: int,
    extended_due: int,
    provisional: bool,
    clarification: tuple[int, int, int] | None,
    pause: tuple[int, int] | None = None,
) -> Plan:
    """The plan of a count, with the clarification that restarted it (asked, arrived, the
    day the count ran from before) and the fees pause left out of it, if any."""
    if clarification is None and pause is None:
        return Plan(template, received, counted_from, due, extended_due, provisional)
    plan = StepPlan(template, received, counted_from, due, extended_due, provisional)
    plan.asked, plan.arrived, plan.first_counted_from = clarification or (0, 0, 0)
    plan.notice, plan.paid = pause or (0, 0)
    return plan


def _fees_plan(
    template: Template,
    received: int,
    counted_from: int,
    notice: int,
    paid: int,
    clarification: tuple[int, int, int] | None,
) -> Plan | str:
    """`*-FEES`: a notice given after the count had ended moves nothing; a fee paid after the
    last day to pay ends the request (`fee_not_paid`: the slow path); otherwise the days from the
    notice to the payment are left out, of the extension's count too (`EIR-EXT`)."""
    days = template.days
    n = template.working_days
    assert n is not None
    due_without_fee = days.add(counted_from, n)
    if notice > due_without_fee:  # given after the count had ended: it moves nothing
        extended_due = _extension(template, counted_from, due_without_fee, None)
        provisional = _provisional(days, due_without_fee, extended_due)
        return _counted(template, received, counted_from, due_without_fee, extended_due,
                        provisional, clarification)  # fmt: skip
    if template.fees_months is not None:
        pay_by = _last_day_beginning_with(notice, template.fees_months)
    else:
        assert template.fees_working_days is not None
        pay_by = days.add(notice, template.fees_working_days)  # C-WD
    if paid > pay_by:
        return SLOW  # the request has lapsed: fee_not_paid
    due = days.add_paused(counted_from, n, notice, paid)
    extended_due = _extension(template, counted_from, due, (notice, paid))
    latest = max(due, extended_due)
    if template.fees_working_days is not None:
        latest = max(latest, pay_by)  # 60 working days to pay depend on the holidays too
    return _counted(template, received, counted_from, due, extended_due, latest > days.horizon,
                    clarification, (notice, paid))  # fmt: skip


def _date_of_receipt(template: Template, day: int) -> int:
    """The day a count runs from (`C-RECEIPT`; `C-RECEIPT-ALT`: the first working day after a
    non-working day)."""
    if template.next_working_day and not template.days.is_working(day):
        return template.days.add(day, 1)
    return day


def _extension(
    template: Template, counted_from: int, due: int, pause: tuple[int, int] | None
) -> int:
    """The extended deadline when the row is extended (0 otherwise): `FOIA-PIT` N working days
    after the deadline; `EIR-EXT`, `EISR-EXT` the Nth working day after receipt, the fee days
    left out."""
    if template.extension is None:
        return 0
    counted, amount = template.extension
    if counted == "after-due":
        return template.days.add(due, amount)
    if pause is None:
        return template.days.add(counted_from, amount)
    return template.days.add_paused(counted_from, amount, *pause)


def _provisional(days: Days, due: int, extended_due: int) -> bool:
    """`WD-HORIZON`: a deadline in a year whose bank holidays are not announced yet."""
    return max(due, extended_due) > days.horizon


def month_plan(template: Template, received: int, events: dict[str, int]) -> Plan | str:
    """`SAR-RESP` from the relevant time (`SAR-START`: the latest of receipt, identity and fee):
    one month by `C-MONTH`, rolled to a working day, or `SAR-EXT`'s three months; under
    `T-SAR-1998` 40 days beginning with it, not rolled. A clarification asked for and received
    by the batch's today stops the clock (`SAR-STOP`) as the version in force at the relevant
    time says: the days from the ask to the answer, both included, if asked by the period's
    corresponding date; nothing before `T-SAR-STOP-ICO`; a start event under `T-SAR-1998`."""
    if "fees_notice" in events:
        return SLOW  # not an event of subject access: the case clock says so
    asked = events.get("clarification_requested")
    answered = events.get("clarification_received")
    stop: tuple[int, int] | None = None  # (asked, answered) when the clarification stops
    if asked is None and answered is None:
        relevant_time = max((received, *events.values()))
    else:
        if asked is None or answered is None or not asked <= answered <= template.today:
            return SLOW
        from foiclock.law.sar_versions import sar_rules

        law = sar_rules(
            date.fromordinal(received), {key: date.fromordinal(day) for key, day in events.items()}
        )
        relevant_time = law.relevant_time.toordinal()
        effect = law.clarification.effect
        if effect == "stop":
            stop = (asked, answered)
        elif effect not in ("none", "start"):
            return SLOW
    days = template.days
    extended_due = 0
    if template.window_days is not None:
        due = relevant_time + template.window_days - 1  # C-BEGINNING-WITH
    else:
        assert template.months is not None
        due = _month_end(days, relevant_time, template.months, stop)
        if template.extension is not None:
            extended_due = _month_end(days, relevant_time, template.extension[1], stop)
    return Plan(template, received, relevant_time - 1, due, extended_due,
                 _provisional(days, due, extended_due))  # fmt: skip


def _month_end(days: Days, start: int, months: int, stop: tuple[int, int] | None) -> int:
    """`C-MONTH`: the corresponding date `months` on, later by the days stopped (`SAR-STOP`: a
    clarification asked by the corresponding date stops the days from the ask, or from the
    relevant time if later, to the answer, both included), or the first working day after it."""
    end = _corresponding(start, months)
    if stop is not None and stop[0] <= end:
        asked, answered = stop
        end += max(0, answered - max(asked, start) + 1)
    return days.add(end - 1, 1)


@lru_cache(maxsize=65536)
def _corresponding(start: int, months: int) -> int:
    """`C-MONTH`'s corresponding date (`foiclock.clock.months`), remembered."""
    from foiclock.clock.months import corresponding_date

    return corresponding_date(date.fromordinal(start), months).toordinal()


@lru_cache(maxsize=65536)
def _last_day_beginning_with(start: int, months: int) -> int:
    """`C-BEGINNING-WITH`'s last day of `months` months beginning with `start`, remembered."""
    from foiclock.clock.months import last_day_beginning_with

    return last_day_beginning_with(date.fromordinal(start), months).toordinal()


def same_as_clock(plan: Plan | str, deadline: Deadline, applies: date, count_from: date) -> bool:
    """Whether the fast count of a template's own case is the case clock's."""
    if not isinstance(plan, Plan) or deadline.due is None:
        return False
    delimiter = plan.template.delimiter
    extended = deadline.extended_due
    head = delimiter.join(
        ("", deadline.due.isoformat(), extended.isoformat() if extended else "", "")
    )
    return (
        plan.head == head
        and plan.applies == applies.toordinal()
        and plan.counted_from == count_from.toordinal()
        and plan.provisional == deadline.provisional
    )
