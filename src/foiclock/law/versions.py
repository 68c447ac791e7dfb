"""The versions of a rule in force over time (../shared/rules-over-time.md), as data: which
dated version of a rules.md rule applied to a case, chosen by the date the rule is keyed by
(the date of receipt for a response limit; the response for an internal review's window to ask;
the review request for its answer; the decision notice for an appeal).

Each entry names its rules-over-time id, the rules.md rule it is a version of, the days it was
in force for (both ends included), what it says and how sure we are. A rule with no entry here
has had one version since its regime came into force (`T-*-START`). The engine reads this
table; a new version of a rule is a new entry, not a branch.

A version may also turn on a second event of the case (`also`): FOISA's 2020 coronavirus limit
(`T-COVID-FOISA`) is chosen by the date of receipt and by the date the response was issued, as
the SIC keys it. An entry may set the limit in working days (`working_days`); and besides the
versions that apply (`APPLIES`) the table holds conflicting readings shown beside the answer
(`READING`) and `--explain` notes that change no date (`NOTE`). A version that counts a
window differently from today's (`foiclock.law.windows`: its numbers, its roll, or no date at
all) says so in `counts`, which the timeline counts by.
"""

from collections.abc import Callable, Iterator, Mapping
from datetime import date, timedelta
from typing import Final

from foiclock.base.i18n import N_, M
from foiclock.base.records import NamedTuple

RECEIVED: Final = "received"
RESPONDED: Final = "responded"
REVIEW_REQUESTED: Final = "review_requested"
REVIEW_RESPONDED: Final = "review_responded"
DECISION_NOTICE: Final = "decision_notice"
RELEVANT_TIME: Final = "relevant_time"  # SAR: the day the period starts (SAR-START)

# RuleVersion.role
APPLIES: Final = "applies"  # the version in force: its limit is counted
READING: Final = "reading"  # a conflicting reading, shown beside the answer, never applied
NOTE: Final = "note"  # an --explain note: it changes no date


class EventDays(NamedTuple):
    """A second case event a version turns on, and the days its date must lie in (both ends
    included; None: open-ended). `unanswered`: the version also applies while the event has no
    date (the answer not issued, or not given)."""

    event: str
    first: date | None
    last: date | None
    unanswered: bool = False

    def holds(self, events: Mapping[str, date | None]) -> bool:
        day = events.get(self.event)
        if day is None:
            return self.unanswered
        return _within(day, self.first, self.last)


class VersionCount(NamedTuple):
    """How a version counts one window of its rule (a milestone key of `foiclock.law.windows`) where
    that differs from the window's own numbers, which are today's: `amount` days of the window's
    kind, rolled to a working day in `roll_to_working_day` (a division; None: not moved), or no
    date at all (`amount` None: the milestone says why, in `description`)."""

    key: str
    amount: int | None
    description: str
    roll_to_working_day: str | None = None


class RuleVersion(NamedTuple):
    """One dated version of a rule: in force for cases whose `keyed_by` date lies from `first`
    to `last` (None: open-ended) and, when it has `also`, whose second event's date lies in its
    days."""

    id: str  # the rules-over-time id, e.g. T-IR-2018
    rule: str  # the rules.md rule it is a version of, e.g. FOIA-IR-REQ
    first: date | None
    last: date | None
    keyed_by: str  # the case event whose date selects it
    description: str
    source: str
    status: str
    #: The windows it counts otherwise than today's version (empty: as `foiclock.law.windows`).
    counts: tuple[VersionCount, ...] = ()
    also: EventDays | None = None  # a second event it turns on (T-COVID-FOISA: the response)
    working_days: int | None = None  # the limit it sets (None: the rule's own)
    limit_description: str | None = None  # the rule's text with that limit
    #: the rule's own limit it is a version of (None: any): a window with another limit (FOISA
    #: s21(2)'s 30 working days) has none of these versions
    of_working_days: int | None = None
    role: str = APPLIES

    def count_for(self, key: str) -> VersionCount | None:
        """How this version counts the window `key`; None: as the window itself does."""
        return next((count for count in self.counts if count.key == key), None)


# T-IR-2004 and T-TRIB-IT: the words their entries share.
_CODE_2004: Final = N_(
    "the s45 Code of Practice of November 2004: a review within a reasonable time, no date to "
    "ask by"
)
_CODE_2004_SOURCE: Final = N_("s45 Code of Practice (2004)")
_NO_DATE_TO_ASK: Final = N_(
    "no date to ask by: the s45 Code of Practice of 2004 set none (the 40 working days came "
    "with the 2018 Code, for responses from 4 July 2018)"
)
_REASONABLE_TIME: Final = N_(
    "within a reasonable time: the s45 Code of Practice of 2004 set no number of days (the "
    "ICO's figures, 20 working days and at most 40, came in February 2007)"
)
_GUIDANCE_DAY_NOT_KNOWN: Final = N_(
    "within a reasonable time: the ICO's guidance of February 2007 (20 working days, at most "
    "40) was issued on a day not known, so foiclock applies it only to review requests from "
    "1 March 2007"
)
_INFORMATION_TRIBUNAL: Final = N_("the Information Tribunal, 1 January 2005 to 17 January 2010")
_TRIBUNAL_28_DAYS: Final = N_(
    "the notice of appeal must be served on the Information Tribunal within 28 days of the "
    "date the decision notice was served on or given to the appellant (the date given for the "
    "notice); a last day that is not a working day is not moved: no rule moving it was found"
)


def _no_date_to_answer(description: str) -> tuple[VersionCount, ...]:
    """T-IR-2004 before the ICO's figures: neither review answer has a date."""
    return (
        VersionCount("review_response_due", None, description),
        VersionCount("review_response_due_longest", None, description),
    )


# FOISA s10 and s21 over time, with the 2020 coronavirus limits (rules-over-time.md
# T-FOISA-START, T-COVID-FOISA, T-COVID-END, T-COVID-SIC). T-COVID-OTHER: the EISRs, FOIA, the
# EIR and SAR kept their limits, so they have no entry here.
COVID_FIRST: Final = date(2020, 4, 7)  # Coronavirus (Scotland) Act 2020 in force
COVID_LAST: Final = date(2020, 5, 26)  # the last day a response was judged against 60 WD
COVID_END: Final = date(2020, 5, 27)  # Coronavirus (Scotland) (No.2) Act 2020 in force
_COVID_SOURCE: Final = N_(
    "Coronavirus (Scotland) Act 2020 sch 6 Part 2 (text not seen); SIC guidance"
)
_COVID_END_SOURCE: Final = N_("Coronavirus (Scotland) (No.2) Act 2020 sch 4 para 11(2); SIC")


def _foisa_limits(rule: str, asked: str, answered: str, source: str) -> tuple[RuleVersion, ...]:
    """The versions of FOISA's 20 working days to answer `asked` (a request, s10(1); a
    requirement for review, s21(1): `source`) by `answered`. The SIC keys the coronavirus limit
    to the day the answer was issued: 7 April to 26 May 2020, 60 working days; not answered by
    then, 20 again from 27 May 2020. The change was "not retrospective": only for what was
    received from 7 April (best reading; Brodies' reading is a READING entry)."""
    return (
        RuleVersion(
            "T-FOISA-START",
            rule,
            date(2005, 1, 1),
            COVID_FIRST - timedelta(days=1),
            asked,
            N_("20 working days since 1 January 2005"),
            source,
            "statute",
            of_working_days=20,
        ),
        RuleVersion(
            "T-COVID-FOISA",
            rule,
            COVID_FIRST,
            COVID_LAST,
            asked,
            N_(
                "an answer issued from 7 April to 26 May 2020, to a request or requirement for "
                "review received from 7 April 2020, was judged against 60 working days, not 20"
            ),
            _COVID_SOURCE,
            "statute",
            also=EventDays(answered, COVID_FIRST, COVID_LAST),
            working_days=60,
            limit_description=N_(
                "60th working day after receipt: the answer was issued from 7 April to 26 May 2020"
            ),
            of_working_days=20,
        ),
        RuleVersion(
            "T-COVID-END",
            rule,
            COVID_FIRST,  # received from 7 April 2020, answered from 27 May or not yet
            None,
            asked,
            N_("20 working days again from 27 May 2020, for everything not answered by 26 May"),
            _COVID_END_SOURCE,
            "statute",
            also=EventDays(answered, COVID_END, None, unanswered=True),
            of_working_days=20,
        ),
    )


_FOISA_VERSIONS: Final = (
    *_foisa_limits("FOISA-RESP", RECEIVED, RESPONDED, N_("FOISA s10(1)")),
    *_foisa_limits("FOISA-RR-RESP", REVIEW_REQUESTED, REVIEW_RESPONDED, N_("FOISA s21(1)")),
    RuleVersion(
        "T-COVID-FOISA",
        "FOISA-RESP",
        # Received in 2020 before 7 April: a request received earlier had passed even its 60th
        # working day before the Act came into force.
        date(2020, 1, 1),
        COVID_FIRST - timedelta(days=1),
        RECEIVED,
        N_(
            "Brodies read the 60 working days as having immediate effect, including for "
            "requests already received; the SIC said the change was not retrospective, and "
            "foiclock follows the SIC (best reading)"
        ),
        N_("Brodies; SIC, 6 April 2020"),
        "best reading",
        also=EventDays(RESPONDED, COVID_FIRST, COVID_LAST, unanswered=True),
        working_days=60,
        role=READING,
    ),
    RuleVersion(
        "T-COVID-SIC",
        "FOISA-RESP",
        COVID_FIRST,
        date(2021, 9, 30),
        RECEIVED,
        N_(
            "the Commissioner may find that an authority did not fail to respond in time where "
            "the failure was due to the effect of coronavirus, the public interest in prompt "
            "compliance being the primary consideration; no date changes"
        ),
        N_("Coronavirus (Scotland) Act 2020 sch 6 para 6, as amended"),
        "statute",
        role=NOTE,
    ),
    RuleVersion(
        "T-COVID-SIC",
        "FOISA-RESP",
        COVID_FIRST,
        COVID_LAST,
        RECEIVED,
        N_(
            "not answered by 26 May 2020, the request went back to 20 working days on "
            "27 May 2020, which may already have passed: the Commissioner may find no failure "
            "to respond in time where the authority was operating under the repealed 60 "
            "working days; no date changes"
        ),
        N_("Coronavirus (Scotland) Act 2020 sch 6 para 6(2)(a)(ii), as amended"),
        "statute",
        also=EventDays(RESPONDED, COVID_END, None, unanswered=True),
        role=NOTE,
    ),
)


VERSIONS: Final[tuple[RuleVersion, ...]] = (
    RuleVersion(
        "T-FOIA-S10",
        "FOIA-RESP",
        date(2005, 1, 1),
        None,
        RECEIVED,
        N_("FOIA s10(1)-(3) unchanged since 1 January 2005"),
        N_("FOIA s10, current text"),
        "statute",
    ),
    RuleVersion(
        "T-IR-2018",
        "FOIA-IR-REQ",
        date(2018, 7, 4),
        None,
        RESPONDED,
        N_("the s45 Code of Practice of 4 July 2018, paras 5.3 to 5.5"),
        N_("s45 Code of Practice (2018)"),
        "code",
    ),
    RuleVersion(
        "T-IR-2018",
        "FOIA-IR-RESP",
        date(2018, 7, 4),
        None,
        REVIEW_REQUESTED,
        N_("the s45 Code of Practice of 4 July 2018, paras 5.3 to 5.5"),
        N_("s45 Code of Practice (2018)"),
        "code",
    ),
    RuleVersion(
        "T-TRIB-GRC",
        "FOIA-TRIB",
        date(2010, 1, 18),
        None,
        DECISION_NOTICE,
        N_("the First-tier Tribunal (General Regulatory Chamber), from 18 January 2010"),
        N_("GRC Rules 2009 r22(1)(b)"),
        "statute",
    ),
    RuleVersion(
        "T-TRIB-GRC",
        "EIR-TRIB",
        date(2010, 1, 18),
        None,
        DECISION_NOTICE,
        N_("the First-tier Tribunal (General Regulatory Chamber), from 18 January 2010"),
        N_("GRC Rules 2009 r22(1)(b)"),
        "statute",
    ),
    # --- T-IR-2004 and T-TRIB-IT: FOIA internal reviews before 4 July 2018, and appeals to the
    # Information Tribunal, 1 January 2005 to 17 January 2010 (rules-over-time.md).
    # T-IR-2004: the s45 Code of November 2004 had a review "within a reasonable time" and no
    # date to ask by (keyed by the response). The ICO's guidance of February 2007 set 20
    # working days, "in no case" more than 40 (keyed by the review request; second-hand,
    # Panopticon). The day in February 2007 it was issued is not known: conservatively, its
    # figures apply only to review requests from 1 March 2007; a request in February 2007
    # shows "reasonable time" and no date, as best reading.
    RuleVersion(
        "T-IR-2004",
        "FOIA-IR-REQ",
        date(2005, 1, 1),
        date(2018, 7, 3),
        RESPONDED,
        _CODE_2004,
        _CODE_2004_SOURCE,
        "code",
        (VersionCount("review_request_by", None, _NO_DATE_TO_ASK),),
    ),
    RuleVersion(
        "T-IR-2004",
        "FOIA-IR-RESP",
        date(2005, 1, 1),
        date(2007, 1, 31),
        REVIEW_REQUESTED,
        _CODE_2004,
        _CODE_2004_SOURCE,
        "code",
        _no_date_to_answer(_REASONABLE_TIME),
    ),
    RuleVersion(
        "T-IR-2004",
        "FOIA-IR-RESP",
        date(2007, 2, 1),
        date(2007, 2, 28),
        REVIEW_REQUESTED,
        _CODE_2004,
        _CODE_2004_SOURCE,
        "best reading",
        _no_date_to_answer(_GUIDANCE_DAY_NOT_KNOWN),
    ),
    RuleVersion(
        "T-IR-2004",
        "FOIA-IR-RESP",
        date(2007, 3, 1),
        date(2018, 7, 3),
        REVIEW_REQUESTED,
        _CODE_2004,
        N_("ICO guidance of February 2007 on the s45 Code of Practice (2004)"),
        "practice",
        (
            VersionCount(
                "review_response_due",
                20,
                N_(
                    "20th working day after the review request is received: the ICO's "
                    'guidance of February 2007 on the 2004 Code\'s "reasonable time"'
                ),
            ),
            VersionCount(
                "review_response_due_longest",
                40,
                N_("in no case more than 40 working days (the ICO's guidance of February 2007)"),
            ),
        ),
    ),
    # T-TRIB-IT: 28 days of the date the decision notice was served on or given to the
    # appellant (SI 2005/14; the words of r5(1) not seen, the count is 28 days either way). No
    # rule moving a last day off a weekend or holiday was found for the Information Tribunal
    # (today's roll is GRC r12): not moved, as best reading.
    RuleVersion(
        "T-TRIB-IT",
        "FOIA-TRIB",
        date(2005, 1, 1),
        date(2010, 1, 17),
        DECISION_NOTICE,
        _INFORMATION_TRIBUNAL,
        N_("FOIA s57; Information Tribunal (Enforcement Appeals) Rules 2005 (SI 2005/14) r5(1)"),
        "best reading",
        (VersionCount("tribunal_appeal_by", 28, _TRIBUNAL_28_DAYS),),
    ),
    RuleVersion(
        "T-TRIB-IT",
        "EIR-TRIB",
        date(2005, 1, 1),
        date(2010, 1, 17),
        DECISION_NOTICE,
        _INFORMATION_TRIBUNAL,
        N_(
            "EIR reg 18 (FOIA s57); Information Tribunal (Enforcement Appeals) Rules 2005 "
            "(SI 2005/14) r5(1)"
        ),
        "best reading",
        (VersionCount("tribunal_appeal_by", 28, _TRIBUNAL_28_DAYS),),
    ),
    # --- end of T-IR-2004 and T-TRIB-IT
    *_FOISA_VERSIONS,  # FOISA s10 and s21, T-COVID-*
    # Subject access over time (rules-over-time.md section 1: T-SAR-1998, T-SAR-TRANS,
    # T-SAR-GDPR-A, T-SAR-GDPR-B, T-SAR-STOP-ICO, T-SAR-12A); what each counts is in
    # foiclock.law.sar_versions, keyed by these ids. SAR-RESP is keyed by the date of receipt
    # (T-SAR-TRANS: DPA 2018 Sch 20 para 2(1) keeps the DPA 1998 for a request received before
    # 25 May 2018); SAR-STOP and SAR-START by the relevant time (T-SAR-12A). Before the first
    # SAR-STOP entry ICO practice had no stop-the-clock, and before the SAR-START entry the same
    # start was ICO practice: foiclock.law.sar_versions says so. T-SAR-UKGDPR (1 January 2021) is
    # not an entry: it renamed the instrument, changed no word of art 12(3) and overlaps
    # T-SAR-GDPR-B, whose description names it.
    RuleVersion(
        "T-SAR-1998",
        "SAR-RESP",
        date(2000, 3, 1),
        date(2018, 5, 24),
        RECEIVED,
        N_(
            "DPA 1998 s7: 40 days beginning with the relevant day, kept for a request received "
            "before 25 May 2018 (T-SAR-TRANS)"
        ),
        N_("DPA 1998 s7; SI 2000/191; DPA 2018 Sch 20 para 2(1)"),
        "best reading",
    ),
    RuleVersion(
        "T-SAR-GDPR-A",
        "SAR-RESP",
        date(2018, 5, 25),
        date(2019, 8, 14),
        RECEIVED,
        N_(
            "GDPR art 12(3), one month from the relevant time; the ICO's guidance then counted "
            "from the day after it, shown as a note: the law did not change"
        ),
        N_("GDPR art 12(3); ICO right-of-access guidance as archived on 21 December 2018"),
        "practice",
    ),
    RuleVersion(
        "T-SAR-GDPR-B",
        "SAR-RESP",
        date(2019, 8, 15),
        None,
        RECEIVED,
        N_(
            "GDPR art 12(3) (the UK GDPR from 1 January 2021, in the same words), one month "
            "from the relevant time, which the ICO has counted as day 1 since 15 August 2019"
        ),
        N_("UK GDPR art 12(3); ICO right-of-access guidance"),
        "practice",
    ),
    RuleVersion(
        "T-SAR-STOP-ICO",
        "SAR-STOP",
        date(2020, 10, 21),
        date(2026, 2, 4),
        RELEVANT_TIME,
        N_(
            "ICO practice from 21 October 2020, before art 12A: the clock stops while a "
            "clarification the controller genuinely needs is awaited"
        ),
        N_("ICO right-of-access guidance of 21 October 2020: practice, not statute"),
        "practice",
    ),
    RuleVersion(
        "T-SAR-12A",
        "SAR-STOP",
        date(2026, 2, 5),
        None,
        RELEVANT_TIME,
        N_(
            "art 12A, in force from 5 February 2026 (SI 2026/82 reg 2(h)), for a relevant time "
            "on or after it"
        ),
        N_("UK GDPR art 12A (Data (Use and Access) Act 2025 s76)"),
        "statute",
    ),
    RuleVersion(
        "T-SAR-12A",
        "SAR-START",
        date(2026, 2, 5),
        None,
        RELEVANT_TIME,
        N_(
            "art 12A, in force from 5 February 2026 (SI 2026/82 reg 2(h)), for a relevant time "
            "on or after it"
        ),
        N_("UK GDPR art 12A (Data (Use and Access) Act 2025 s76)"),
        "statute",
    ),
)


def version_id(version: RuleVersion | None) -> str | None:
    """The id JSON and the timeline carry (`rule_version`), None for a rule of one version."""
    return version.id if version is not None else None


def version_in_force(
    rule: str,
    day: date | None,
    events: Mapping[str, date | None] | None = None,
    working_days: int | None = None,
) -> RuleVersion | None:
    """The version of `rule` in force for a case whose keying date is `day`; None when the rule
    has no dated versions, or `day` is not known yet. `events`: the case's event dates (keyed as
    `foiclock.clock.case.Case`'s fields), for a version that also turns on one (`also`); an event
    not given has no date. `working_days`: the rule's own limit where it has more than one (FOISA
    s21(1) 20, s21(2) 30)."""
    given = events or {}
    return next(
        (
            version
            for version in _candidates(rule, day, APPLIES, working_days)
            if version.also is None or version.also.holds(given)
        ),
        None,
    )


def remarks_in_force(
    rule: str, day: date | None, events: Mapping[str, date | None]
) -> tuple[RuleVersion, ...]:
    """The `--explain` notes of the case (`NOTE` entries, T-COVID-SIC): they change no date."""
    return tuple(
        version
        for version in _candidates(rule, day, NOTE, None)
        if version.also is None or version.also.holds(events)
    )


def turns_on(rule: str, day: date, event: str) -> bool:
    """Whether the limit of `rule` for a case keyed on `day` depends on the date of `event`
    (T-COVID-FOISA: the response), so it cannot be counted once for every date of it."""
    return any(
        version.also is not None
        and version.also.event == event
        and version.working_days is not None
        for version in _candidates(rule, day, APPLIES, None)
    )


def version_notes(
    rule: str,
    day: date | None,
    events: Mapping[str, date | None],
    count: Callable[[int], date | None],
    due: date | None,
    working_days: int | None = None,
) -> list[str]:
    """What the versions that turn on a second event say of the case: the limit an answer
    issued in their days has, when the answer's date is not given (the tool asks "answered
    on?") or came after them; a conflicting reading's date; and a date shown that had already
    passed when the version applied came into force. `count(n)`: the case's deadline with a limit
    of `n` working days (None while it waits). A date before the version's days is left out: the
    answer was late on either reading."""
    notes: list[str] = []
    applied = version_in_force(rule, day, events, working_days)
    others = (
        *_candidates(rule, day, APPLIES, working_days),
        *_candidates(rule, day, READING, working_days),
    )
    for version in others:
        also = version.also
        if also is None or version.working_days is None or version == applied:
            continue
        other = count(version.working_days)
        if other is None or (also.first is not None and other < also.first):
            continue
        answer = events.get(also.event)
        params: dict[str, object] = {
            "version": version.id,
            "first": also.first,
            "last": also.last,
            "working_days": version.working_days,
            "day": other,
        }
        if version.role == READING:
            if also.holds(events):
                notes.append(
                    M(
                        "conflicting reading ({version}): {description}; on it, an answer "
                        "issued from {first} to {last} is judged against {working_days} working "
                        "days, due {day}",
                        description=version.description,
                        **params,
                    )
                )
        elif answer is None:
            notes.append(
                M(
                    "the limit depends on when the answer was issued ({version}): one issued "
                    "from {first} to {last} is judged against {working_days} working days, due "
                    "{day}; the date shown applies to one issued later or not at all (give "
                    "{option})",
                    option="--" + also.event.replace("_", "-"),
                    **params,
                )
            )
        elif also.last is not None and answer > also.last:
            notes.append(
                M(
                    "an answer issued from {first} to {last} was judged against {working_days} "
                    "working days, due {day} ({version}); this one was issued after {last}, so "
                    "the date shown applies",
                    **params,
                )
            )
    came_in = applied.also.first if applied is not None and applied.also is not None else None
    if applied is not None and came_in is not None and due is not None and due < came_in:
        notes.append(
            M(
                "the date shown had already passed on {day}, when {version} came into force: an "
                "answer not issued by then was already late",
                day=came_in,
                version=applied.id,
            )
        )
    return notes


def counts_as_written(rule: str, day: date) -> bool:
    """Whether every dated version of `rule` that holds `day` (applied or a conflicting reading)
    leaves a case received that day counted as the rule reads, with no note: it sets no limit of
    its own, and any second event it turns on came into force by `day`, so `version_notes` can
    neither give another limit's date nor say the date shown had passed when it came in (the
    deadline lies after `day`). The case clock's fast path asks. FOISA-RESP: true before 2020
    (T-FOISA-START sets no limit of its own) and from 27 May 2020 (T-COVID-END changes nothing);
    false from 1 January to 26 May 2020. With today's entries the second condition adds
    nothing (on the days T-COVID-END holds before it came in, T-COVID-FOISA sets 60 working
    days); it stands for an entry that would not."""
    return all(
        version.working_days is None
        and (version.also is None or version.also.first is None or version.also.first <= day)
        for version in _VERSIONS_OF.get(rule, ())
        if version.role in (APPLIES, READING) and _within(day, version.first, version.last)
    )


def _candidates(
    rule: str, day: date | None, role: str, working_days: int | None
) -> Iterator[RuleVersion]:
    """The entries of `rule` in `role` whose days hold `day` (none when it is not known)."""
    if day is None:
        return
    for version in _VERSIONS_OF.get(rule, ()):
        if (
            version.role == role
            and _within(day, version.first, version.last)
            and (working_days is None or version.of_working_days in (None, working_days))
        ):
            yield version


#: VERSIONS by the rule they are versions of, in their order (a case's lookup reads only its
#: rule's few entries).
_VERSIONS_OF: Final[dict[str, tuple[RuleVersion, ...]]] = {
    rule: tuple(version for version in VERSIONS if version.rule == rule)
    for rule in dict.fromkeys(version.rule for version in VERSIONS)
}


def _within(day: date, first: date | None, last: date | None) -> bool:
    return (first is None or first <= day) and (last is None or day <= last)


def superseded(version_id: str | None) -> bool:
    """Whether `version_id` names a version no longer in force (it has a last day): the outputs
    name it beside its rule, whose source then differs from today's."""
    return any(v.id == version_id and v.last is not None for v in VERSIONS)
