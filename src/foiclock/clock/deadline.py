"""The case clock: the statutory response deadline of a case, moved by its events exactly as
../shared/rules.md says, with what is needed to explain it. Pure functions; nothing here prints.
The day-by-day explanation (`Deadline.steps`) is built in `foiclock.clock.steps`. A case that only
its date of receipt moves (most of a batch) takes a fast path, `_plain_deadline`, which gives the
same Deadline as the general count (tests/test_fast_deadline.py).

Rules applied: `C-RECEIPT`, `C-RECEIPT-ALT`, `C-WD`, `C-MONTH`, `C-BEGINNING-WITH`; the response
windows (`FOIA-RESP`, `EIR-RESP`, `FOISA-RESP`, `EISR-RESP`, `SAR-RESP`); clarification
(`*-CLAR` restart, `SAR-STOP`); fees (`*-FEES` pause and last day to pay); extensions
(`FOIA-PIT`, `EIR-EXT`, `EISR-EXT`, `SAR-EXT`); bodies (`FOIA-SCHOOL`, `FOIA-ARCHIVE`,
`FOIA-ARMED`, `FOIA-ABROAD`); `SAR-START`; subject access as in force on the day of receipt
(rules-over-time.md `T-SAR-*`, chosen by `foiclock.law.sar_versions`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, Final, Self, Unpack

from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple
from foiclock.calendar.calendars import Holiday, WorkingCalendar, calendar_for
from foiclock.calendar.table import LAST_CALENDAR_YEAR
from foiclock.calendar.working_days import (
    add_excluding,
    counting_calendar,
    date_of_receipt,
    regime_calendar,
)
from foiclock.clock.case import Case, CaseEvents, check_case, make_case
from foiclock.law.regimes import (
    BODIES,
    DATE_OF_RECEIPT,
    NEXT_WORKING_DAY,
    ExtensionRule,
    FeesRule,
    Regime,
    WorkingDayWindow,
    get_regime,
)
from foiclock.law.versions import (
    VERSIONS,
    RuleVersion,
    counts_as_written,
    remarks_in_force,
    version_in_force,
    version_notes,
)

if TYPE_CHECKING:
    from foiclock.clock.deadline_parts import Body, Clarification, Extension, Fees, MonthCount
    from foiclock.clock.steps import Step

# Deadline.state
RUNNING: Final = "running"
AWAITING_CLARIFICATION: Final = "awaiting_clarification"
AWAITING_FEE: Final = "awaiting_fee"
FEE_NOT_PAID: Final = "fee_not_paid"

_ONE_DAY: Final = timedelta(days=1)


class Record:
    """A read-only record that behaves as a NamedTuple does: its fields in order (`_fields`,
    `_field_defaults`), `_make`, `_replace`, `_asdict`, iteration, indexing and `len`, equality
    and hash as the tuple of its values (so equal to that tuple), the same `repr`, copying and
    pickling (as its values). Unlike a NamedTuple it keeps its values in slots, so a subclass
    can work some out only when they are first read.

    A subclass lists its fields in `_fields` (and `__match_args__`) and keeps each in the slot
    `_NAME`; it gets a read-only property `NAME` for each field it does not define itself."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _field_defaults: ClassVar[dict[str, Any]] = {}
    _read_fields: ClassVar[attrgetter[tuple[Any, ...]]]  # the fields, in order

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        for name in cls._fields:
            if name not in cls.__dict__:
                setattr(cls, name, property(attrgetter("_" + name), doc=f"The field {name}."))
        cls._read_fields = attrgetter(*cls._fields)

    def _values(self) -> tuple[Any, ...]:
        """Every field's value, in order (a field worked out when read is worked out now)."""
        return self._read_fields(self)

    @classmethod
    def _make(cls, iterable: Iterable[Any]) -> Self:
        return cls(*iterable)

    def _asdict(self) -> dict[str, Any]:
        return dict(zip(self._fields, self._values(), strict=True))

    def _replace(self, **changes: Any) -> Self:
        record = self._make(map(changes.pop, self._fields, self._values()))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return record

    __replace__ = _replace  # copy.replace (Python 3.13)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values())

    def __len__(self) -> int:
        return len(self._fields)

    def __getitem__(self, index: Any) -> Any:
        return self._values()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Record):
            return self._values() == other._values()
        if isinstance(other, tuple):
            return self._values() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self._values(), strict=True))
        return f"{type(self).__name__}({fields})"

    def __reduce__(self) -> tuple[type[Self], tuple[Any, ...]]:
        return type(self), self._values()


class CalendarDifference(NamedTuple):
    """A day the statutory calendar and the body's own nation's calendar treat differently."""

    day: date
    non_working_under: str  # "statute" or "nation"
    holidays: tuple[Holiday, ...]


#: The fields of a Deadline, in order (as the NamedTuple it was had them).
_FIELDS: Final = (
    "regime", "received", "due", "rule", "rule_description", "source", "status",
    "calendar_rule", "working_days", "receipt_rule", "counting_from", "provisional", "nation",
    "nation_due", "alternative", "state", "case", "clarification", "fees", "extension", "body",
    "months", "notes", "version_notes",
)  # fmt: skip


class Deadline(Record):
    """A statutory response deadline, with everything needed to explain it.

    `due` is None while the clock waits for the requester (`state` says for what) and when an
    unpaid fee has ended the request. `steps` and `nation_differences` are worked out when asked
    for, so a batch that wants only `due` does not pay for them; so are `nation_due` and
    `alternative` of a deadline only its date of receipt moves (`_Later`). A Deadline behaves as
    the NamedTuple it was (`Record`): the same fields, equality, `_replace` and pickling.
    """

    __slots__ = (*(f"_{name}" for name in _FIELDS), "_later")
    _fields = __match_args__ = _FIELDS
    _field_defaults: ClassVar[dict[str, Any]] = {
        "state": RUNNING,
        "case": None,
        "clarification": None,
        "fees": None,
        "extension": None,
        "body": None,
        "months": None,
        "notes": (),
        "version_notes": (),
    }

    # Read-only properties (`Record`), but `nation_due` and `alternative`, defined below.
    regime: str
    received: date
    due: date | None
    rule: str
    rule_description: str
    source: str
    status: str
    calendar_rule: str
    working_days: int | None  # None for calendar months (SAR)
    receipt_rule: str
    counting_from: date | None  # the day the count starts after; None while it waits
    provisional: bool
    nation: str
    state: str
    case: Case | None
    clarification: Clarification | None
    fees: Fees | None
    extension: Extension | None
    body: Body | None
    months: MonthCount | None
    notes: tuple[str, ...]
    #: The notes, among `notes`, of the rule's other versions (rules-over-time.md): the limit
    #: had the response come in another version's days, a conflicting reading.
    version_notes: tuple[str, ...]

    def __init__(
        self,
        regime: str,
        received: date,
        due: date | None,
        rule: str,
        rule_description: str,
        source: str,
        status: str,
        calendar_rule: str,
        working_days: int | None,
        receipt_rule: str,
        counting_from: date | None,
        provisional: bool,
        nation: str,
        nation_due: date | None,
        alternative: Deadline | None,
        state: str = RUNNING,
        case: Case | None = None,
        clarification: Clarification | None = None,
        fees: Fees | None = None,
        extension: Extension | None = None,
        body: Body | None = None,
        months: MonthCount | None = None,
        notes: tuple[str, ...] = (),
        version_notes: tuple[str, ...] = (),
    ) -> None:
        self._regime = regime
        self._received = received
        self._due = due
        self._rule = rule
        self._rule_description = rule_description
        self._source = source
        self._status = status
        self._calendar_rule = calendar_rule
        self._working_days = working_days
        self._receipt_rule = receipt_rule
        self._counting_from = counting_from
        self._provisional = provisional
        self._nation = nation
        self._nation_due = nation_due
        self._alternative = alternative
        self._state = state
        self._case = case
        self._clarification = clarification
        self._fees = fees
        self._extension = extension
        self._body = body
        self._months = months
        self._notes = notes
        self._version_notes = version_notes
        self._later: _Later | None = None  # set by `_plain_deadline` until they are counted

    @property
    def nation_due(self) -> date | None:
        """The date the body's own nation's calendar alone gives (`WD-NATION`); None when it is
        the statutory calendar, or while the clock waits."""
        if self._later is not None:
            self._count_later()
        return self._nation_due

    @property
    def alternative(self) -> Deadline | None:
        """`C-RECEIPT-ALT`: the deadline on the other receipt rule, when the date of receipt (or
        of the clarification) is not a working day; None otherwise."""
        if self._later is not None:
            self._count_later()
        return self._alternative

    def _count_later(self) -> None:
        """Count `nation_due` and `alternative` of a deadline built by `_plain_deadline`, on the
        calendars it was counted on (so the holiday data it used, whatever the block now)."""
        later = self._later
        case = self._case
        assert later is not None and case is not None  # `_plain_deadline` sets both
        self._nation_due = _plain_nation_due(case, self._receipt_rule, later)
        alternative = None
        if later.shown and not later.calendar.is_working_day(case.received):
            # C-RECEIPT-ALT: received on a non-working day, the other reading is shown beside it.
            other_rule = _other_receipt_rule(self._receipt_rule)
            alternative = _plain_deadline(case, other_rule, later._replace(shown=False))
        self._alternative = alternative
        self._later = None

    @property
    def extended_due(self) -> date | None:
        return extension_due(self.extension)

    @property
    def holidays_checked(self) -> bool:
        """Every year the count touched is in GOV.UK's data (`WD-PRE2012`; JSON
        `holidays_checked`)."""
        return counting_calendar(self.regime, self.nation).is_checked(
            self.received, self.provisional
        )

    @property
    def rule_version(self) -> RuleVersion | None:
        """The dated version of the rule applied (rules-over-time.md), keyed by the date of
        receipt and, for a version that turns on it, by the response (T-COVID-FOISA); None for
        a rule with one version since its regime came into force."""
        return version_in_force(self.rule, self.received, self._events)

    @property
    def remarks(self) -> tuple[RuleVersion, ...]:
        """The rules-over-time.md notes on the case that change no date (T-COVID-SIC), shown
        by `--explain`."""
        return remarks_in_force(self.rule, self.received, self._events)

    @property
    def _events(self) -> dict[str, date | None]:
        """The case's event dates, by their case keys (the versions turn on them)."""
        return self.case._asdict() if self.case is not None else {"received": self.received}

    @property
    def safe_date(self) -> date | None:
        """`SAR-WORDS`: the day the response is due on the strict reading of "one month
        beginning with the relevant time", shown beside the ICO's date (None outside SAR and
        while the clock waits)."""
        return self.months.safe_end if self.months is not None else None

    @property
    def day_one(self) -> date | None:
        """The first day counted: a working day outside any fees pause and, when the school-day
        count decides, any closure (None for calendar months and while waiting)."""
        if self.counting_from is None or self.months is not None or self.due is None:
            return None
        excluded = []
        fees = self.fees
        if fees is not None and fees.paid is not None and not fees.after_due:
            excluded.append((fees.notice, fees.paid))
        body = self.body
        if body is not None and body.decided_by_school_days:
            excluded.extend((r.first, r.last) for r in body.school_closed or ())
        return add_excluding(regime_calendar(self.regime), self.counting_from, 1, excluded)

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every day from the receipt to the deadline (received, skipped with why, counted,
        paused, stopped, restarted, extension days); for calendar months, the dates that matter."""
        from foiclock.clock.steps import deadline_steps

        return tuple(deadline_steps(self))

    @property
    def nation_differences(self) -> tuple[CalendarDifference, ...]:
        """Days up to the later of the two answers that the statute and the body's own nation's
        calendar treat differently (rules.md section 2); empty when they are the same calendar."""
        if self.nation_due is None or self.due is None:
            return ()
        statute_calendar = regime_calendar(self.regime)
        nation_calendar = calendar_for((self.nation,))
        differences = []
        # Under C-RECEIPT-ALT the day of arrival itself can differ: a working day in one
        # calendar is the date of receipt there, in the other it moves the date of receipt on.
        day = self.received if self.receipt_rule == NEXT_WORKING_DAY else self.received + _ONE_DAY
        last = max(self.due, self.nation_due)
        while day <= last:
            statute_works = statute_calendar.is_working_day(day)
            if statute_works != nation_calendar.is_working_day(day):
                skipping = nation_calendar if statute_works else statute_calendar
                differences.append(
                    CalendarDifference(
                        day=day,
                        non_working_under="nation" if statute_works else "statute",
                        holidays=skipping.holidays_on(day),
                    )
                )
            day += _ONE_DAY
        return tuple(differences)


def response_deadline(
    received: date, regime: str = "foia", **events: Unpack[CaseEvents]
) -> Deadline:
    """The statutory response deadline for a request received on `received`, moved by the case's
    events. `regime`: foia, eir, foisa, eisr or sar. The events are keyword arguments named as
    `foiclock.clock.case.Case`'s fields: `nation` (the body's own nation; for SAR the controller's,
    whose calendar counts), `receipt_rule` ("date-of-receipt", `C-RECEIPT`, the default, or
    "next-working-day", `C-RECEIPT-ALT`), `clarification_requested`, `clarification_received`,
    `fees_notice`, `fee_paid`, `extended`, `body`, `school_closed` (a tuple of DayRange) and
    `id_received`. Dates are `date`s (a `datetime` at midnight is taken as its date)."""
    return checked_case_deadline(make_case(received, regime, **events))


def case_deadline(case: Case) -> Deadline:
    """The deadline of a case, checked first as `foiclock.clock.case.make_case` checks it."""
    return checked_case_deadline(check_case(case))


def checked_case_deadline(case: Case) -> Deadline:
    """The deadline of a case already checked (by `make_case` or `check_case`)."""
    regime = get_regime(case.regime)
    if not isinstance(regime.response, WorkingDayWindow):  # SAR: calendar months or days
        return _month_deadline(case, regime)
    if _counts_plainly(case, regime.response):
        calendar = regime_calendar(regime.key)
        nation_calendar = calendar_for((case.nation or regime.default_nation,))
        return _plain_deadline(
            case, case.receipt_rule, _Later(regime, calendar, nation_calendar, shown=True)
        )
    return _counted_deadline(case, regime, regime.response)


def _counted_deadline(case: Case, regime: Regime, response: WorkingDayWindow) -> Deadline:
    """The deadline of a case under a working-day window, every event and version applied."""
    window = _window_in_force(case, response)
    deadline = _working_day_deadline(case, regime, window, case.receipt_rule)
    calendar = regime_calendar(regime.key)
    arrival = _arrival(case)
    if arrival is None or calendar.is_working_day(arrival):
        return deadline
    # C-RECEIPT-ALT: the date of receipt (or of the clarification) is a non-working day, so the
    # other reading gives another answer, shown beside it.
    other_rule = _other_receipt_rule(case.receipt_rule)
    alternative = _working_day_deadline(case, regime, window, other_rule)
    return deadline._replace(alternative=alternative)


def _other_receipt_rule(receipt_rule: str) -> str:
    """The receipt rule `C-RECEIPT-ALT`'s alternative is counted on: the one not applied."""
    return NEXT_WORKING_DAY if receipt_rule == DATE_OF_RECEIPT else DATE_OF_RECEIPT


#: The response rules with a version (rules-over-time.md) that sets its own limit or turns on
#: another event (T-COVID-FOISA): only these can count a case otherwise than their window reads.
_VERSIONED_LIMITS: Final = frozenset(
    version.rule
    for version in VERSIONS
    if version.working_days is not None or version.also is not None
)


def _counts_plainly(case: Case, window: WorkingDayWindow) -> bool:
    """Whether nothing but the date of receipt moves the case's count: no clarification
    (`*-CLAR`), fee (`*-FEES`), extension or body of its own, under a window whose versions
    change neither its limit nor its notes for this case (`_window_in_force`, `version_notes`):
    it has none that could, or none that does on the date of receipt (`counts_as_written`).
    FOISA-RESP: every case but those received from 1 January to 26 May 2020 (T-COVID-FOISA's
    conflicting reading and its days)."""
    return (
        case.clarification_requested is None
        and case.fees_notice is None
        and case.fee_paid is None
        and not case.extended
        and case.body is None
        and (window.rule not in _VERSIONED_LIMITS or counts_as_written(window.rule, case.received))
    )


class _Later(NamedTuple):
    """What a deadline `_plain_deadline` builds needs to count its `nation_due` and `alternative`
    when they are first read: the regime, and the calendars the eager count would have used (so
    the same holiday data, with or without `without_newer_data()`'s)."""

    regime: Regime
    calendar: WorkingCalendar  # the statutory one (WD-UK, WD-SCOT)
    nation_calendar: WorkingCalendar  # the body's own nation's (WD-NATION)
    shown: bool  # the reading asked for, which may have an alternative (not the alternative)


def _plain_deadline(case: Case, receipt_rule: str, later: _Later) -> Deadline:
    """`_counted_deadline` for a case that `_counts_plainly`, without the branches it cannot
    take: the same Deadline, field for field (tests/test_fast_deadline.py). `FOIA-RESP` and the
    other windows: the Nth working day after the date of receipt (`C-WD`; `C-RECEIPT`, or under
    `C-RECEIPT-ALT` the next working day). `nation_due` (`WD-NATION`) and the `C-RECEIPT-ALT`
    alternative are counted when first read (`Deadline._count_later`), except in the calendar's
    last year: there a count may run past its end, and must fail now as the eager count did."""
    regime = later.regime
    window = regime.response
    assert isinstance(window, WorkingDayWindow)  # checked by `_counts_plainly`'s caller
    calendar = later.calendar
    counting_from = date_of_receipt(calendar, case.received, receipt_rule)
    due = calendar.add(counting_from, window.working_days)
    deadline = Deadline(
        regime.key,
        case.received,
        due,
        window.rule,
        window.description,
        window.source,
        window.status,
        regime.calendar.rule,
        window.working_days,
        receipt_rule,
        counting_from,
        calendar.is_provisional(due),
        case.nation or regime.default_nation,
        None,  # nation_due and alternative: counted when first read
        None,
        RUNNING,
        case,
    )
    deadline._later = later
    if case.received.year >= LAST_CALENDAR_YEAR:
        deadline._count_later()
    return deadline


def _plain_nation_due(case: Case, receipt_rule: str, later: _Later) -> date | None:
    """`WD-NATION`: the same count on the body's own nation's calendar, the receipt rule applied
    on it too; None when that is the statutory calendar."""
    nation_calendar = later.nation_calendar
    if nation_calendar.divisions == later.calendar.divisions:
        return None
    window = later.regime.response
    assert isinstance(window, WorkingDayWindow)  # as for `_plain_deadline`
    counting_from = date_of_receipt(nation_calendar, case.received, receipt_rule)
    return nation_calendar.add(counting_from, window.working_days)


def _window_in_force(case: Case, window: WorkingDayWindow) -> WorkingDayWindow:
    """The response window as the version in force for the case reads it (rules-over-time.md:
    T-COVID-FOISA's 60 working days); a body's own limit has no versions."""
    if case.body is not None:
        return window
    version = version_in_force(window.rule, case.received, case._asdict(), window.working_days)
    if version is None or version.working_days is None:
        return window
    return window._replace(
        working_days=version.working_days,
        description=version.limit_description or window.description,
        source=version.source,
        status=version.status,
    )


def _arrival(case: Case) -> date | None:
    """The day the count runs from: the date of receipt, or under `*-CLAR` the day the
    clarification arrived (None while it is awaited)."""
    if case.clarification_requested is not None:
        return case.clarification_received
    return case.received


def _pauses(case: Case) -> list[tuple[date, date]]:
    """The fees pause, both ends included (`*-FEES`), once the fee has arrived."""
    if case.fees_notice is not None and case.fee_paid is not None:
        return [(case.fees_notice, case.fee_paid)]
    return []


def _count(
    calendar: WorkingCalendar,
    case: Case,
    window: WorkingDayWindow,
    receipt_rule: str,
    pauses: list[tuple[date, date]],
) -> tuple[date | None, Body | None]:
    """The deadline on `calendar` (and the body's limits), or None while the clock waits."""
    arrival = _arrival(case)
    if arrival is None:
        return None, None
    counting_from = date_of_receipt(calendar, arrival, receipt_rule)
    body_rule = BODIES[case.body] if case.body is not None else None
    if body_rule is None:
        return add_excluding(calendar, counting_from, window.working_days, pauses), None
    working_day_due = add_excluding(calendar, counting_from, body_rule.working_days, pauses)
    school_day_due = apply_by = None
    due = working_day_due
    if body_rule.school_days is not None:
        closures = [(r.first, r.last) for r in case.school_closed or ()]
        school_day_due = add_excluding(
            calendar, counting_from, body_rule.school_days, pauses + closures
        )
        due = min(school_day_due, working_day_due)  # FOIA-SCHOOL: whichever comes first
    if body_rule.apply_within is not None:
        # The application window (SI 2004/3364 regs 5, 6) is counted without any fees pause:
        # rules.md does not say the pause applies to it, and the earlier day is the safe one.
        apply_by = calendar.add(counting_from, body_rule.apply_within)
    from foiclock.clock.deadline_parts import Body

    body = Body(body_rule, case.school_closed, school_day_due, working_day_due, apply_by)
    return due, body


def _working_day_deadline(
    case: Case, regime: Regime, window: WorkingDayWindow, receipt_rule: str
) -> Deadline:
    calendar = regime_calendar(regime.key)
    arrival = _arrival(case)
    counting_from = (
        date_of_receipt(calendar, arrival, receipt_rule) if arrival is not None else None
    )
    notes: list[str] = []
    clarification = None
    if case.clarification_requested is not None:
        from foiclock.clock.deadline_parts import Clarification

        clarification = Clarification(
            regime.clarification, case.clarification_requested, case.clarification_received, None
        )
    state = RUNNING if counting_from is not None else AWAITING_CLARIFICATION
    pauses = _pauses(case)
    due, body = _count(calendar, case, window, receipt_rule, pauses)
    fees = None
    if case.fees_notice is not None and regime.fees is not None:
        due_without_fee, body_without_fee = _count(calendar, case, window, receipt_rule, [])
        fees = _fees(calendar, case, regime.fees, counting_from, due_without_fee)
        if fees.after_due:
            due, body = due_without_fee, body_without_fee
            notes.append(
                M(
                    "the fees notice was given after the count had ended, so it does not move "
                    "the deadline ({rule})",
                    rule=regime.fees.pause.rule,
                )
            )
        elif fees.lapsed:
            state, due = FEE_NOT_PAID, None
        elif fees.paid is None and state == RUNNING:
            state, due = AWAITING_FEE, None
    body_rule = BODIES[case.body] if case.body is not None else None
    if body is None and body_rule is not None:  # the clock waits: the body's limits are unknown
        from foiclock.clock.deadline_parts import Body

        body = Body(body_rule, case.school_closed, None, None, None)
    if fees is not None and fees.after_due:
        pauses = []  # a notice after the count had ended moves nothing, the extension included
    if body is not None and body.rule.school_days is not None:
        if body.school_closed is None:
            notes.append(
                M(
                    "no school closures were given (--school-closed): the count assumes the "
                    "school was open on every working day ({rule})",
                    rule=body.rule.rule,
                )
            )
        if fees is not None and not fees.after_due and not fees.lapsed:
            # FOIA-FEES: SI 2004/3364 reg 3(2) modifies s10(1) and (2), so `_count` leaves the
            # fee days out of the school-day count and the working-day count alike.
            notes.append(
                M(
                    "the fee days are left out of both counts, the {school_days} school days and "
                    "the {working_days} working days ({rule}, SI 2004/3364 reg 3(2))",
                    school_days=body.rule.school_days,
                    working_days=body.rule.working_days,
                    rule=fees.rule.pause.rule,
                )
            )
    if clarification is not None and due is not None:
        original_due, _ = _count(
            calendar, case._replace(clarification_requested=None), window, receipt_rule, []
        )
        if original_due is not None and clarification.requested > original_due:
            notes.append(
                M(
                    "the clarification was asked for after the original deadline ({day}) had "
                    "passed",
                    day=original_due.isoformat(),
                )
            )
    extension = None
    extension_rule = regime.extension_for(case.body)  # FOIA-PIT: from a body's own deadline too
    if case.extended and extension_rule is not None:
        extension = _working_day_extension(calendar, extension_rule, due, counting_from, pauses)
    nation = case.nation or regime.default_nation
    nation_calendar = calendar_for((nation,))
    nation_due = None
    if due is not None and nation_calendar.divisions != calendar.divisions:
        # The same case on the nation's own calendar, the receipt rule applied on it too.
        nation_due, _ = _count(nation_calendar, case, window, receipt_rule, pauses)
    rule = body.rule if body is not None else None
    other_versions = []
    if body is None:  # the other versions of the rule (rules-over-time.md), with their dates

        def count_with(working_days: int) -> date | None:
            limit = window._replace(working_days=working_days)
            return _count(calendar, case, limit, receipt_rule, pauses)[0]

        other_versions = version_notes(window.rule, case.received, case._asdict(), count_with, due)
    # Provisional: a date that depends on holidays not yet announced (three calendar months to
    # pay depend on none).
    latest = [day for day in (due, extension_due(extension)) if day is not None]
    if fees is not None and fees.rule.pay_working_days is not None and not fees.after_due:
        latest.append(fees.pay_by)
    return Deadline(
        regime=regime.key,
        received=case.received,
        due=due,
        rule=rule.rule if rule else window.rule,
        rule_description=rule.description if rule else window.description,
        source=rule.source if rule else window.source,
        status=rule.status if rule else window.status,
        calendar_rule=regime.calendar.rule,
        working_days=rule.working_days if rule else window.working_days,
        receipt_rule=receipt_rule,
        counting_from=counting_from,
        provisional=bool(latest) and calendar.is_provisional(max(latest)),
        nation=nation,
        nation_due=nation_due,
        alternative=None,
        state=state,
        case=case,
        clarification=clarification,
        fees=fees,
        extension=extension,
        body=body,
        notes=(*notes, *other_versions),
        version_notes=tuple(other_versions),
    )


def on_day(deadline: Deadline, today: date) -> Deadline:
    """The deadline as it stands on `today`: a fee still awaited after its last day to pay has
    ended the request, as a late payment does (`*-FEES`: the body need not comply)."""
    fees = deadline.fees
    if deadline.state == AWAITING_FEE and fees is not None and today > fees.pay_by:
        return deadline._replace(state=FEE_NOT_PAID)
    return deadline


def extension_due(extension: Extension | None) -> date | None:
    return extension.due if extension is not None else None


def _fees(
    calendar: WorkingCalendar,
    case: Case,
    rule: FeesRule,
    counting_from: date | None,
    due_without_fee: date | None,
) -> Fees:
    from foiclock.clock.deadline_parts import Fees

    notice = case.fees_notice
    assert notice is not None  # checked by the caller
    paid = case.fee_paid
    if rule.pay_months is not None:
        from foiclock.clock.months import last_day_beginning_with

        pay_by = last_day_beginning_with(notice, rule.pay_months)  # C-BEGINNING-WITH
    else:
        assert rule.pay_working_days is not None
        pay_by = calendar.add(notice, rule.pay_working_days)  # C-WD
    after_due = due_without_fee is not None and notice > due_without_fee
    counted_before = 0
    paused = None
    if counting_from is not None:
        counted_before = max(0, calendar.between(counting_from, notice - _ONE_DAY))
        if paid is not None:
            first = max(notice - _ONE_DAY, counting_from)
            paused = 0 if after_due else max(0, calendar.between(first, paid))
    return Fees(
        rule=rule,
        notice=notice,
        paid=paid,
        pay_by=pay_by,
        counted_before_notice=counted_before,
        paused_working_days=paused,
        lapsed=paid is not None and paid > pay_by,
        after_due=after_due,
    )


def _working_day_extension(
    calendar: WorkingCalendar,
    rule: ExtensionRule,
    due: date | None,
    counting_from: date | None,
    pauses: list[tuple[date, date]],
) -> Extension:
    from foiclock.clock.deadline_parts import Extension

    extended = None
    if due is not None and counting_from is not None:
        # FOIA-PIT: 20 further working days after the deadline, a body's own varied one too
        if rule.counted == "after-due":
            extended = calendar.add(due, rule.amount)
        else:  # EIR-EXT / EISR-EXT: the 40th working day after receipt, pauses left out
            extended = add_excluding(calendar, counting_from, rule.amount, pauses)
    provisional = extended is not None and calendar.is_provisional(extended)
    return Extension(rule, extended, provisional)


def _month_deadline(case: Case, regime: Regime) -> Deadline:
    """`SAR-RESP` as in force for the case, counted by `foiclock.clock.month_deadline` (calendar
    months, or the DPA 1998's days), as a Deadline."""
    from foiclock.clock.month_deadline import month_count

    count = month_count(case, regime)
    return Deadline(
        regime=count.regime.key,
        received=case.received,
        due=count.due,
        rule=count.window.rule,
        rule_description=count.window.description,
        source=count.window.source,
        status=count.window.status,
        calendar_rule="WD-NATION",
        working_days=None,
        receipt_rule=DATE_OF_RECEIPT,
        counting_from=count.months.relevant_time,
        provisional=count.provisional,
        nation=count.nation,
        nation_due=None,
        alternative=None,
        state=AWAITING_CLARIFICATION if count.waiting else RUNNING,
        case=case,
        clarification=count.clarification,
        extension=count.extension,
        months=count.months,
        notes=count.notes,
    )
