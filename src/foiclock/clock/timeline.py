"""A case's timeline: every milestone from receipt to the last appeal, each with its date, its rule
and its state on a given day (`today`), and the requester's view of it (which windows are open).
Dates come from the case clock (`foiclock.clock.deadline`) and the windows of
`foiclock.law.windows`, counted from every event given, whatever `today` is; a milestone whose
anchor is not given has no date and says what it waits for: never a guess. Only the states are
judged on `today`.

Milestone states:
- events: `done`, or `planned` when dated after `today` (it has not happened yet);
- the body's deadlines: `open`, `due_today`, `overdue` (with `working_days_late` so far), or
  once answered `met` / `late` (with `working_days_late`); `extended` when the extended deadline
  replaces it; `if_extended` for the extended deadline of a case that is not extended; `lapsed`
  when an unpaid fee ended the request; `not_needed` when an event made it moot (`SAR-CTRL`:
  the complaint answered);
- the requester's windows: `open`, `last_day`, `closed`, or once used `met` / `late`;
  `not_yet` / `open` / `not_needed` for a window that opens on its date;
- `not_yet` for a deadline counted from a planned event (the receipt, the response, ...) or from
  a deadline counted from one: the window is not open yet (`days_left`: calendar days until it
  opens);
- `waiting` when its date depends on one not given (`waits_for` names it);
- `no_date` when the version of its rule in force then set no date (`T-IR-2004`: no date to
  ask for a FOIA review by, and a review "within a reasonable time" before the ICO's figures).

A milestone with `guidance` set is counted from another anchor because no rule gives a date:
FOIA-IR-REQ with no response counts from the missed response deadline (best reading).
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Final, NoReturn

from foiclock.base.dates import day_or_today
from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import N_, M, joined
from foiclock.base.records import NamedTuple
from foiclock.calendar.calendars import WorkingCalendar, calendar_for
from foiclock.calendar.config import OfficeClosure
from foiclock.calendar.working_days import counting_calendar, first_working_day_from
from foiclock.clock.case import (
    Case,
    CaseEvents,
    Planned,
    check_case,
    check_later_events,
    make_case,
    planned,
    typed_case,
)
from foiclock.clock.deadline import (
    AWAITING_CLARIFICATION,
    AWAITING_FEE,
    FEE_NOT_PAID,
    Deadline,
    case_deadline,
    on_day,
)
from foiclock.law.regimes import MonthWindow, Regime, check_nation, get_regime
from foiclock.law.sar_versions import in_force as sar_rules_in_force
from foiclock.law.versions import (
    RuleVersion,
    superseded,
    version_id,
    version_in_force,
    version_notes,
)
from foiclock.law.windows import (
    ACTUAL_RECEIPT,
    BODY,
    DAY_AFTER_WORKING_DAYS,
    DAYS_BEGINNING_WITH,
    EVENT_LABELS,
    LATER,
    LATEST,
    MILESTONE_KEYS,
    MONTHS,
    POSTED_DAYS,
    POSTING_RULES,
    POSTINGS,
    PRESUMED_RECEIPT,
    REQUESTER,
    WINDOWS,
    WORKING_DAYS,
    Guidance,
    Posting,
    Window,
)

# Milestone.kind
EVENT: Final = "event"
DEADLINE: Final = "deadline"
OPENS: Final = "opens"  # a window that opens on its date

WORKING: Final = "working"
CALENDAR: Final = "calendar"

_WAITING_FOR: Final = {
    AWAITING_CLARIFICATION: "clarification_received",
    AWAITING_FEE: "fee_paid",
}
_ORDER: Final = {key: index for index, key in enumerate(MILESTONE_KEYS)}


class Milestone(NamedTuple):
    """One dated (or still waiting) point of a case."""

    key: str
    label: str
    date: date | None
    kind: str  # event, deadline or opens
    party: str | None  # who must act by a deadline: body or requester
    rule: str
    description: str
    source: str
    status: str  # statute, code, practice, best reading
    state: str
    waits_for: str | None = None  # the event key its date depends on
    counted_from: str | None = None  # the milestone key it was counted from
    days_left: int | None = None
    days_left_kind: str | None = None  # working or calendar
    working_days_late: int | None = None
    days_late: int | None = None  # the same in calendar days (late on a Saturday: 1, and 0 WD)
    provisional: bool = False
    guidance: bool = False  # guidance only: no rule sets this date (FOIA-IR-REQ, no response)
    rule_version: str | None = None  # the rules-over-time version applied (foiclock.law.versions)
    warning: str | None = None  # a last day that stands though offices may be shut (FOISA-COURT)

    @property
    def cited_rule(self) -> str:
        """The rule id, with the version applied beside it when that version is no longer in
        force (its source is not today's): 'FOIA-TRIB, T-TRIB-IT'."""
        if superseded(self.rule_version):
            return f"{self.rule}, {self.rule_version}"
        return self.rule


class Timeline(NamedTuple):
    regime: str
    received: date | None
    today: date
    milestones: tuple[Milestone, ...]  # dated ones in date order, then the waiting ones
    nation: str
    case_id: str | None = None
    deadline: Deadline | None = None
    planned: tuple[Planned, ...] = ()  # events dated after `today`: not happened yet that day
    #: The organisation's closures that touch the timeline: shown, never skipped (rules.md
    #: section 2: office closure days are working days under every regime, ICO LTT47).
    office_closed: tuple[OfficeClosure, ...] = ()

    @property
    def left_out(self) -> tuple[Planned, ...]:
        """The planned events, by their earlier name (JSON `left_out`)."""
        return self.planned

    @property
    def provisional(self) -> bool:
        """Whether a date that applies reaches past the announced holidays (an extension not
        taken does not count)."""
        return any(m.provisional for m in self.milestones if m.state != "if_extended")

    @property
    def holidays_checked(self) -> bool:
        """Every year the dates touched is in GOV.UK's data (`WD-PRE2012`)."""
        days = [m.date for m in self.milestones if m.date is not None]
        if self.received is not None:
            days.append(self.received)
        if not days:
            return True
        calendar = counting_calendar(self.regime, self.nation)
        return calendar.is_checked(min(days), self.provisional)

    def get(self, key: str) -> Milestone | None:
        return next((m for m in self.milestones if m.key == key), None)

    def closed_on(self, day: date | None) -> OfficeClosure | None:
        """The office closure covering `day`, if any (the day still counts)."""
        if day is None:
            return None
        return next((c for c in self.office_closed if c.covers(day)), None)

    def with_office_closed(self, closures: Iterable[OfficeClosure]) -> "Timeline":
        """This timeline showing the `closures` that touch it, from the receipt (or the first
        dated milestone) to the last dated milestone."""
        days = [m.date for m in self.milestones if m.date is not None]
        if self.received is not None:
            days.append(self.received)
        if not days:
            return self
        first, last = min(days), max(days)
        touching = tuple(c for c in closures if c.first <= last and c.last >= first)
        return self._replace(office_closed=touching)


def case_timeline(case: Case, today: date | None = None) -> Timeline:
    """Every milestone of a case (checked as `make_case` checks it), dated from every event,
    with its state on `today` (a date, default: the clock's today): an event after it is
    planned."""
    case, today = check_case(case), day_or_today(today)
    deadline = on_day(case_deadline(case), today)
    return _timeline(get_regime(case.regime), case, deadline, today)


def timeline_from_events(
    received: date | None,
    regime: str = "foia",
    *,
    responded: date | None = None,
    review_requested: date | None = None,
    review_responded: date | None = None,
    decision_notice: date | None = None,
    nation: str | None = None,
    today: date | None = None,
    complaint_received: date | None = None,
    complaint_responded: date | None = None,
    responded_posted: date | None = None,
    responded_received: date | None = None,
    review_responded_posted: date | None = None,
    review_responded_received: date | None = None,
    statement_of_reasons: date | None = None,
    extended: bool = False,
) -> Timeline:
    """The timeline from the events alone; without `received`, the response's own deadline and
    the windows counted from it wait for it (the requester's view, `foiclock appeal`). A
    notice's posting date and actual receipt (`C-POST-SCOT`) and a later statement of reasons
    (`FOISA-COURT`) are FOISA's and the EISRs'. `extended`: the body gave an extension notice,
    so a window counted from the response deadline counts from the extended one (EIR-REP-REQ
    with no response, rules.md example 44); it needs `received`."""
    given: CaseEvents = {
        "nation": nation,
        "responded": responded,
        "review_requested": review_requested,
        "review_responded": review_responded,
        "decision_notice": decision_notice,
        "complaint_received": complaint_received,
        "complaint_responded": complaint_responded,
        "responded_posted": responded_posted,
        "responded_received": responded_received,
        "review_responded_posted": review_responded_posted,
        "review_responded_received": review_responded_received,
        "statement_of_reasons": statement_of_reasons,
    }
    if received is not None:
        given["extended"] = extended
        return case_timeline(make_case(received, regime, **given), today)
    if extended:
        raise InvalidInput(
            "extended",
            None,
            M("needs the date of receipt: the extension moves the response deadline"),
            M("--received DATE with --extend"),
        )
    regime_rule = get_regime(regime)
    if nation is not None:
        given["nation"] = check_nation(nation)
    events = typed_case(Case(date.min, regime_rule.key, **given))
    check_later_events(regime_rule.key, None, events)
    return _timeline(regime_rule, events, None, day_or_today(today))


def requester_windows(timeline: Timeline) -> tuple[Milestone, ...]:
    """The requester's windows (review, Commissioner, Tribunal or Court), and the body's
    deadlines shown to the requester too (`SAR-CTRL`), in date order."""
    if not isinstance(timeline, Timeline):
        raise InvalidInput(
            "timeline", type(timeline).__name__, M("is not a Timeline"), M("a Timeline")
        )
    shown = {w.key for w in WINDOWS[timeline.regime] if w.shown_to_requester}
    return tuple(m for m in timeline.milestones if m.party == REQUESTER or m.key in shown)


def _timeline(regime: Regime, case: Case, deadline: Deadline | None, today: date) -> Timeline:
    nation = deadline.nation if deadline is not None else case.nation or regime.default_nation
    calendar = counting_calendar(regime.key, nation)
    known: dict[str, date | None] = {key: getattr(case, key) for key in EVENT_LABELS}
    waits: dict[str, str | None] = {}  # None for a computed milestone that can never have a date
    provisional: dict[str, bool] = {}
    milestones: list[Milestone] = []
    if deadline is None:
        known["received"] = None
    else:
        milestones.append(_received(deadline, today))
    # The day each milestone still to come opens on: an event after today (planned), and a
    # deadline counted from one, which is not open before it.
    opens = {key: day for key, day in known.items() if day is not None and day > today}
    response = _response_milestones(regime, case, deadline, calendar, today, opens)
    for milestone in response:
        waits[milestone.key] = milestone.waits_for
        provisional[milestone.key] = milestone.provisional
    milestones.extend(response)
    # A window counted from the response deadline counts from the one that applies (never the
    # safe date, SAR-WORDS).
    applicable = next(
        (
            m
            for m in reversed(response)
            if m.state != "if_extended" and m.key != "response_due_safe"
        ),
        None,
    )
    known["response_due"] = applicable.date if applicable is not None else None
    provisional["response_due"] = applicable is not None and applicable.provisional
    if "received" in opens:
        opens["response_due"] = opens["received"]
    for key, label in EVENT_LABELS.items():
        if key != "received" and (day := known[key]) is not None:
            milestones.append(
                _event(key, label, day, regime, "planned" if key in opens else "done", known)
            )
    for posting in POSTINGS:  # C-POST-SCOT: the day a posted notice reached the requester
        receipt = _receipt_milestone(posting, case, regime, today)
        known[posting.received] = receipt.date if receipt is not None else None
        if receipt is not None and receipt.date is not None:
            milestones.append(receipt)
            if receipt.state == "planned":
                opens[posting.received] = receipt.date
    for window in WINDOWS[regime.key]:
        if not _applies(window, case, known):  # another entry may give the key its date
            known.setdefault(window.key, None)
            waits.setdefault(window.key, None)
            continue
        milestone = _window(window, known, waits, opens, calendar, today)
        if milestone.counted_from is not None and provisional.get(milestone.counted_from):
            milestone = milestone._replace(provisional=True)  # counted from a provisional date
        if milestone.counted_from in opens:
            opens[window.key] = opens[milestone.counted_from]
        known[window.key] = milestone.date
        waits[window.key] = milestone.waits_for
        provisional[window.key] = milestone.provisional
        milestones.append(milestone)
    milestones.sort(key=lambda m: (m.date is None, m.date or date.min, _ORDER[m.key]))
    return Timeline(
        regime=regime.key,
        received=deadline.received if deadline is not None else None,
        today=today,
        milestones=tuple(milestones),
        nation=nation,
        case_id=case.case_id,
        deadline=deadline,
        planned=planned(case, today),
    )


def _received(deadline: Deadline, today: date) -> Milestone:
    return Milestone(
        key="received",
        label=EVENT_LABELS["received"],
        date=deadline.received,
        kind=EVENT,
        party=None,
        rule="C-RECEIPT",
        description=N_("the calendar day the request was delivered, whatever the hour or the day"),
        source=N_("ICO time-limits guidance"),
        status="practice",
        state="planned" if deadline.received > today else "done",
    )


def requester_receipt(case: Case, notice: str) -> date | None:
    """The day the requester received `notice` (`responded`, `review_responded`) when it was
    posted (`C-POST-SCOT`): an actual later receipt if given, else the third day after posting
    (calendar days); None when no posting date is given."""
    posting = next(p for p in POSTINGS if p.notice == notice)
    posted = getattr(case, posting.posted)
    if posted is None:
        return None
    actual: date | None = getattr(case, posting.received)
    return actual or posted + timedelta(days=POSTED_DAYS)


def _receipt_milestone(
    posting: Posting, case: Case, regime: Regime, today: date
) -> Milestone | None:
    day = requester_receipt(case, posting.notice)
    if day is None:
        return None
    actual = getattr(case, posting.received) is not None
    source, status = POSTING_RULES[regime.key]
    return Milestone(
        key=posting.received,
        label=posting.label if actual else posting.presumed_label,
        date=day,
        kind=EVENT,
        party=None,
        rule="C-POST-SCOT",
        description=ACTUAL_RECEIPT if actual else PRESUMED_RECEIPT,
        source=source,
        status=status,
        state="planned" if day > today else "done",
        counted_from=None if actual else posting.posted,
    )


def _applies(window: Window, case: Case, known: dict[str, date | None]) -> bool:
    """Whether `window` applies to the case: its case condition holds (FOISA-RR-RESP's 30
    working days for the Keeper), and for a window only for a late notice (FOISA-SIC's safe
    date), the notice reached the requester after the window's anchor."""
    if window.if_case is not None:
        key, value = window.if_case
        if bool(getattr(case, key)) != value:
            return False
    if window.only_if_late is not None:
        anchor = known[window.after[0]]
        _, notice = _from_receipt(window.only_if_late, known[window.only_if_late], known)
        return anchor is not None and notice is not None and notice > anchor
    return True


def _event(
    key: str, label: str, day: date, regime: Regime, state: str, known: dict[str, date | None]
) -> Milestone:
    """An event, with the rule (and its version in force) of the window it answers or starts."""
    answered = next((w for w in WINDOWS[regime.key] if w.answered_by == key), None)
    if answered is None:  # an event no window waits for: the rule of the window it starts or ends
        answered = next(
            (w for w in WINDOWS[regime.key] if key in w.after or w.not_needed_after == key),
            None,
        )
    post_rule = POSTING_RULES.get(regime.key)
    version: RuleVersion | None = None
    if key == "responded":
        rule, source, status = regime.response.rule, regime.response.source, regime.response.status
    elif key in ("decision_notice", "statement_of_reasons"):
        window = next(w for w in WINDOWS[regime.key] if w.after[0] == "decision_notice")
        window, version, _dated = in_force(window, _anchor_or_guidance(window, known), known)
        rule, source, status = window.rule, window.source, window.status
    elif post_rule is not None and any(key == p.posted for p in POSTINGS):
        rule, (source, status) = "C-POST-SCOT", post_rule
    else:
        assert answered is not None
        answered, version, _dated = in_force(answered, _anchor_or_guidance(answered, known), known)
        rule, source, status = answered.rule, answered.source, answered.status
    return Milestone(
        key=key,
        label=label,
        date=day,
        kind=EVENT,
        party=None,
        rule=rule,
        description=label,
        source=source,
        status=status,
        state=state,
        rule_version=version_id(version),
    )


def _anchor_or_guidance(window: Window, known: dict[str, date | None]) -> date | None:
    """The date `window` counts from, or its guidance's when it has none (FOIA-IR-REQ after no
    response): the date that picks the version of its rule."""
    _key, anchor, _waits = _anchor(window, known, {})
    if anchor is None and window.guidance is not None:
        return known.get(window.guidance.after)
    return anchor


def in_force(
    window: Window, day: date | None, known: dict[str, date | None] | None = None
) -> tuple[Window, RuleVersion | None, bool]:
    """`window` as the version of its rule in force for the anchor `day` (and, for a version
    that also turns on another event, the case's `known` dates) counts it (`VERSIONS`): the
    window itself under today's version (or a rule of one version); otherwise the version's
    numbers, roll, words, source and status (`T-IR-2004`, `T-TRIB-IT`: its `counts`;
    `T-COVID-FOISA`: its working days). With the version, and whether it gives a date at all
    (`T-IR-2004` may not)."""
    limit = window.amount if window.counted == WORKING_DAYS else None
    version = version_in_force(window.rule, day, known, limit)
    if version is None:
        return window, None, True
    count = version.count_for(window.key)
    if count is not None:
        counted = window._replace(
            amount=count.amount if count.amount is not None else window.amount,
            roll_to_working_day=count.roll_to_working_day,
            description=count.description,
            source=version.source,
            status=version.status,
        )
        return counted, version, count.amount is not None
    if version.working_days is not None:
        counted = window._replace(
            amount=version.working_days,
            description=version.limit_description or window.description,
            source=version.source,
            status=version.status,
        )
        return counted, version, True
    return window, version, True


def _response_milestones(
    regime: Regime,
    case: Case,
    deadline: Deadline | None,
    calendar: WorkingCalendar,
    today: date,
    opens: dict[str, date],
) -> list[Milestone]:
    """`response_due` and, where the regime has an extension, `response_due_extended`: not
    open before a receipt still to come, met or late by a response once it is issued."""
    response = regime.response
    received = opens.get("received")
    answer = None if "responded" in opens else case.responded
    kind = CALENDAR if regime.counts_months else WORKING
    waits_for: str | None = "received"
    if deadline is None:
        due, state, provisional = None, "waiting", False
    else:
        due, provisional = deadline.due, deadline.provisional
        waits_for = _WAITING_FOR.get(deadline.state)
        state = "lapsed" if deadline.state == FEE_NOT_PAID else "waiting"
    first = Milestone(
        key="response_due",
        label=N_("Response due"),
        date=due,
        kind=DEADLINE,
        party=BODY,
        rule=deadline.rule if deadline is not None else response.rule,
        description=deadline.rule_description if deadline is not None else response.description,
        source=deadline.source if deadline is not None else response.source,
        status=deadline.status if deadline is not None else response.status,
        state=state,
        waits_for=waits_for,
        counted_from="received",
        provisional=provisional,
        rule_version=version_id(deadline.rule_version if deadline is not None else None),
        warning=_warning(deadline.version_notes) if deadline is not None else None,
    )
    if due is not None:
        if case.extended:
            first = first._replace(state="extended")
        else:
            first = _judge(first, answer, kind, calendar, today, received)
    milestones = [first]
    # The rules in force on the date of receipt (T-SAR-1998: no SAR-WORDS reading, no extension).
    regime = sar_rules_in_force(regime, deadline.received if deadline is not None else None)
    if deadline is not None and isinstance(regime.response, MonthWindow):
        milestones.append(_safe_milestone(first, deadline, answer, calendar, today, received))
    extension = regime.extension_for(case.body)
    if extension is None:
        return milestones
    extended_due: date | None = None
    extended_waits = first.waits_for
    if deadline is not None and deadline.due is not None:
        extended = deadline if case.extended else case_deadline(case._replace(extended=True))
        extended_due = extended.extended_due
        # SAR-STOP (c): a stop after the first month can hold up the extended period alone.
        extended_waits = _WAITING_FOR.get(extended.state)
    second = Milestone(
        key="response_due_extended",
        label=N_("Response due if extended")
        if not case.extended
        else N_("Response due (extended)"),
        date=extended_due,
        kind=DEADLINE,
        party=BODY,
        rule=extension.rule,
        description=extension.description,
        source=extension.source,
        status=extension.status,
        state=_extended_state(first, extended_due),
        waits_for=extended_waits,
        counted_from="received",
        provisional=extended_due is not None and calendar.is_provisional(extended_due),
    )
    if extended_due is not None and case.extended:
        second = _judge(second, answer, kind, calendar, today, received)
    milestones.append(second)
    return milestones


def _extended_state(first: Milestone, extended_due: date | None) -> str:
    """The extended deadline's state before it is judged: `if_extended` with a date; without
    one, the response deadline's own state while that waits too, else `waiting`."""
    if extended_due is not None:
        return "if_extended"
    return first.state if first.date is None else "waiting"


#: `SAR-WORDS`: the safe date's rule, as the timeline shows it.
_SAFE_DESCRIPTION: Final = N_(
    "read strictly, one month beginning with the relevant time ends the day before the "
    "ICO's corresponding date (its last day at a month's end), later by any days stopped, "
    "with no roll to a working day: a safe date; the ICO's method gives the response date"
)
_SAFE_SOURCE: Final = N_("DPA 2018 s54(2) words; UK GDPR art 12A (text not seen)")


def _safe_milestone(
    first: Milestone,
    deadline: Deadline,
    answer: date | None,
    calendar: WorkingCalendar,
    today: date,
    received: date | None,
) -> Milestone:
    """`response_due_safe` (`SAR-WORDS`): the response deadline on the strict reading, judged
    as the response deadline is."""
    safe = first._replace(
        key="response_due_safe",
        label=N_("Response due (safe date)"),
        date=deadline.safe_date,
        rule="SAR-WORDS",
        description=_SAFE_DESCRIPTION,
        source=_SAFE_SOURCE,
        status="best reading",
        provisional=False,  # calendar days: no holiday moves it
    )
    if safe.date is None or first.state == "extended":
        return safe
    return _judge(safe._replace(state="waiting"), answer, CALENDAR, calendar, today, received)


def _window(
    window: Window,
    known: dict[str, date | None],
    waits: dict[str, str | None],
    opens: dict[str, date],
    calendar: WorkingCalendar,
    today: date,
) -> Milestone:
    anchor_key, anchor, waits_for = _anchor(window, known, waits)
    shown: Window | Guidance = window
    guidance = window.guidance
    if anchor is None and guidance is not None and known[guidance.after] is not None:
        # FOIA-IR-REQ with no response: the missed deadline, as guidance only (best reading)
        anchor_key, anchor, waits_for, shown = guidance.after, known[guidance.after], None, guidance
    if window.from_receipt and anchor_key is not None:
        anchor_key, anchor = _from_receipt(anchor_key, anchor, known)
    counted, version, dated = in_force(window, anchor, known)
    if counted is not window:  # an earlier version of the rule: its own count and words
        shown = counted
    day = _count(counted, anchor, calendar) if anchor is not None and dated else None
    notes = _version_notes(window, anchor, day, known, calendar) if day is not None else []
    if not dated:
        state = "no_date"
    else:
        state = "waiting" if day is not None or waits_for is not None else "lapsed"
    milestone = Milestone(
        key=window.key,
        label=shown.label,
        date=day,
        kind=OPENS if window.key.endswith("_from") else DEADLINE,
        party=window.party,
        rule=window.rule,
        description=shown.description,
        source=shown.source,
        status=shown.status,
        state=state,
        waits_for=waits_for,
        counted_from=anchor_key,
        provisional=day is not None and _reads_holidays_past_announced(counted, day, calendar),
        guidance=shown is guidance,
        rule_version=version_id(version),
        warning=_off_day_warning(window, day) or _warning(notes),
    )
    if day is None:
        return milestone
    moot = window.not_needed_after
    if moot is not None and known[moot] is not None and moot not in opens:
        return milestone._replace(state="not_needed")
    if milestone.kind == OPENS:
        return _not_yet(milestone, day, today) if today < day else milestone._replace(state="open")
    kind = WORKING if window.counted in (WORKING_DAYS, DAY_AFTER_WORKING_DAYS) else CALENDAR
    answered_by = window.answered_by
    answer = known[answered_by] if answered_by is not None and answered_by not in opens else None
    opening = opens.get(anchor_key) if anchor_key is not None else None
    if milestone.guidance and opening is None and anchor is not None and today <= anchor:
        opening = anchor + timedelta(days=1)  # a failure to respond: once the deadline is missed
    return _judge(milestone, answer, kind, calendar, today, opening)


def _version_notes(
    window: Window,
    anchor: date | None,
    day: date,
    known: dict[str, date | None],
    calendar: WorkingCalendar,
) -> list[str]:
    """What the rule's other versions say of the case (`version_notes`: T-COVID-FOISA's 60
    working days beside the 20), for a working-day window with an anchor; `day` is the date
    the version in force gave it."""
    limit = window.amount if window.counted == WORKING_DAYS else None
    if anchor is None or limit is None:
        return []
    return version_notes(
        window.rule,
        anchor,
        known,
        lambda n: calendar.add(anchor, n),
        day,
        limit,
    )


def _warning(notes: list[str] | tuple[str, ...]) -> str | None:
    """The notes of a milestone's other rule versions, as its warning (None: none)."""
    return joined("; ", list(notes)) if notes else None


def _anchor(
    window: Window, known: dict[str, date | None], waits: dict[str, str | None]
) -> tuple[str | None, date | None, str | None]:
    """(the key counted from, its date, what it waits for when there is none)."""
    given = [(key, day) for key in window.after if (day := known[key]) is not None]
    first = window.after[0]
    waits_for = waits.get(first, first)  # an event waits for itself
    if window.anchor_mode == LATER:
        if known[first] is None:
            return None, None, waits_for
        key, day = max(given, key=lambda pair: pair[1])
        return key, day, None
    if window.anchor_mode == LATEST and given:
        # the latest event; on a tie the one later in the case's order (an answer, not its ask)
        index = max(range(len(given)), key=lambda i: (given[i][1], i))
        key, day = given[index]
        return key, day, None
    if not given:
        return None, None, waits_for
    key, day = given[0]
    return key, day, None


def _from_receipt(
    key: str, day: date | None, known: dict[str, date | None]
) -> tuple[str, date | None]:
    """The anchor `key` or, when it is a posted notice, the day the requester received it
    (`C-POST-SCOT`), with the receipt milestone's key. A notice not posted was received the day
    it was sent (e-mailed: s74(2)(b)), as foiclock has always counted it."""
    posting = next((p for p in POSTINGS if p.notice == key), None)
    if posting is not None and (receipt := known.get(posting.received)) is not None:
        return posting.received, receipt
    return key, day


def _off_day_warning(window: Window, day: date | None) -> str | None:
    """The window's warning when its last day, which stands, is not a working day in its
    division (FOISA-COURT: the General Department may be closed)."""
    if day is None or window.off_day_warning is None:
        return None
    division, warning = window.off_day_warning
    return None if calendar_for((division,)).is_working_day(day) else warning


def _reads_holidays_past_announced(window: Window, day: date, calendar: WorkingCalendar) -> bool:
    """A date counted in working days, or rolled to one, past the last year announced for the
    calendar's divisions (`WD-HORIZON`)."""
    uses_holidays = window.counted in (WORKING_DAYS, DAY_AFTER_WORKING_DAYS) or (
        window.roll_to_working_day is not None
    )
    return uses_holidays and calendar.is_provisional(day)


def _count(window: Window, anchor: date, calendar: WorkingCalendar) -> date:
    if window.counted == WORKING_DAYS:
        return calendar.add(anchor, window.amount)
    if window.counted == DAY_AFTER_WORKING_DAYS:
        return calendar.add(anchor, window.amount) + timedelta(days=1)
    if window.counted == MONTHS:
        from foiclock.clock.months import corresponding_date

        return corresponding_date(anchor, window.amount)
    if window.counted == DAYS_BEGINNING_WITH:  # C-BEGINNING-WITH: the anchor is day 1
        return anchor + timedelta(days=window.amount - 1)
    day = anchor + timedelta(days=window.amount)  # C-DAYS
    if window.roll_to_working_day is not None:
        day = first_working_day_from(calendar_for((window.roll_to_working_day,)), day)
    return day


def _judge(
    milestone: Milestone,
    answer: date | None,
    kind: str,
    calendar: WorkingCalendar,
    today: date,
    opens: date | None = None,
) -> Milestone:
    """The state of a deadline on `today`: not yet open before the day it `opens` (an event
    still to come), or once answered, whether it was met."""
    due = milestone.date
    assert due is not None
    if opens is not None:
        return _not_yet(milestone, opens, today)
    if answer is not None:
        if answer <= due:
            return milestone._replace(state="met")
        return milestone._replace(
            state="late",
            working_days_late=calendar.between(due, answer),
            days_late=(answer - due).days,
        )
    body = milestone.party == BODY
    if today > due:
        if body:  # late so far
            return milestone._replace(
                state="overdue",
                working_days_late=calendar.between(due, today),
                days_late=(today - due).days,
            )
        return milestone._replace(state="closed")
    left = calendar.between(today, due) if kind == WORKING else (due - today).days
    state = "open" if today < due else ("due_today" if body else "last_day")
    return milestone._replace(state=state, days_left=left, days_left_kind=kind)


def _not_yet(milestone: Milestone, opens: date, today: date) -> Milestone:
    """A window that opens on `opens`, after `today`, with the calendar days until then."""
    return milestone._replace(
        state="not_yet", days_left=(opens - today).days, days_left_kind=CALENDAR
    )


def window_date(regime: str, key: str, anchor: date) -> tuple[date, Window, bool]:
    """The date of `regime`'s window `key` counted from `anchor` (its first anchor: the response
    for `review_request_by` and `review_request_by_safe`, the review outcome for
    `commissioner_complaint_by`, the decision notice for the appeals), with the window's rule (as
    the version in force for `anchor` counts it) and whether it is provisional. KeyError if the
    regime has no such window; InvalidInput (the field named by the anchor) when the version in
    force then set no date (`T-IR-2004`)."""
    regime_rule = get_regime(regime)
    window = next((w for w in WINDOWS[regime_rule.key] if w.key == key), None)
    if window is None:
        raise KeyError(key)
    counted, version, dated = in_force(window, anchor)
    if not dated:
        assert version is not None
        _no_date(window.after[0], anchor, version)
    calendar = counting_calendar(regime_rule.key, regime_rule.default_nation)
    day = _count(counted, anchor, calendar)
    return day, counted, _reads_holidays_past_announced(counted, day, calendar)


def _no_date(field: str, anchor: date, version: RuleVersion) -> NoReturn:
    """A clear error for a date asked of a version that set none (`T-IR-2004`)."""
    from foiclock.base.errors import InvalidInput
    from foiclock.base.i18n import M

    assert version.last is not None  # only an earlier version sets no date
    raise InvalidInput(
        field,
        anchor.isoformat(),
        M(
            "falls under {version} ({description}), which sets no date for {rule}",
            version=version.id,
            description=version.description,
            rule=version.rule,
        ),
        M("a date after {last}", last=version.last),
    )


def review_request_by(
    regime: str,
    nation: str,
    responded: date | None,
    response_due: date | None,
    responded_received: date | None = None,
) -> date | None:
    """The `review_request_by` milestone alone (a batch's column), from the response date and the
    response deadline that applies, counted as the timeline counts it; None while it waits for
    one of them, for a regime without the window (SAR), and for a FOIA response before 4 July
    2018 (`T-IR-2004`: no date to ask by). FOIA-IR-REQ's guidance date for a
    case with no response is left out: a batch cell cannot say that it is guidance only.
    `responded_received`: the day the requester received a posted response
    (`requester_receipt`; `C-POST-SCOT`)."""
    window = _REVIEW_REQUEST_WINDOWS.get(regime)
    if window is None:
        return None
    known: dict[str, date | None] = {
        "responded": responded,
        "response_due": response_due,
        "responded_received": responded_received,
    }
    key, anchor, _ = _anchor(window, known, {})
    if window.from_receipt and key is not None:
        key, anchor = _from_receipt(key, anchor, known)
    if anchor is None:
        return None
    counted, _version, dated = in_force(window, anchor)  # T-IR-2004: no date to ask by
    return _count(counted, anchor, counting_calendar(regime, nation)) if dated else None


_REVIEW_REQUEST_WINDOWS: Final = {
    regime: window
    for regime, windows in WINDOWS.items()
    for window in windows
    if window.key == "review_request_by"
}


def review_milestones(
    regime: str,
    nation: str,
    review_requested: date,
    review_responded: date | None,
    today: date,
    review_by_other_authority: bool = False,
) -> tuple[Milestone, ...]:
    """The body's review deadlines alone (`review_response_due`, and FOIA's
    `review_response_due_longest`), with their states on `today`, counted and judged as the
    timeline counts and judges them (a batch's `review_due` column): they turn only on the
    review's own dates (FOIA-IR-RESP, EIR-REP-RESP, FOISA-RR-RESP, EISR-REP-RESP; T-IR-2004 and
    T-COVID-FOISA by those dates). Empty for a regime without an internal review (SAR)."""
    known: dict[str, date | None] = {
        "review_requested": review_requested,
        "review_responded": review_responded,
    }
    opens = {key: day for key, day in known.items() if day is not None and day > today}
    calendar = counting_calendar(regime, nation)
    flags = {"review_by_other_authority": review_by_other_authority}
    return tuple(
        _window(window, known, {}, opens, calendar, today)
        for window in WINDOWS[regime]
        if window.key in ("review_response_due", "review_response_due_longest")
        and (window.if_case is None or flags.get(window.if_case[0]) == window.if_case[1])
    )
