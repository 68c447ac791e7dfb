"""The versions of a rule in force over time (../shared/rules-over-time.md), as data: which
dated version of a rules.md rule applied to a case, chosen by the date the rule is keyed by
(the date of receipt for a response limit; the response for an internal review's window to ask;
the review request for its answer; the decision notice for an appeal).

Each entry names its rules-over-time id, the rules.md rule it is a version of, the days it was
in force for (both ends included), what it says and how sure we are. A rule with no entry here
has had one version since its regime came into force (`T-*-START`). The engine reads this
table; a new version of a rule is a new entry, not a branch.
"""

from datetime import date
from typing import Final, NamedTuple

from foiclock.i18n import N_

RECEIVED: Final = "received"
RESPONDED: Final = "responded"
REVIEW_REQUESTED: Final = "review_requested"
DECISION_NOTICE: Final = "decision_notice"
RELEVANT_TIME: Final = "relevant_time"  # SAR: the day the period starts (SAR-START)


class RuleVersion(NamedTuple):
    """One dated version of a rule: in force for cases whose `keyed_by` date lies from `first`
    to `last` (None: open-ended)."""

    id: str  # the rules-over-time id, e.g. T-IR-2018
    rule: str  # the rules.md rule it is a version of, e.g. FOIA-IR-REQ
    first: date | None
    last: date | None
    keyed_by: str  # the case event whose date selects it
    description: str
    source: str
    status: str


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
    # Subject access over time (rules-over-time.md section 1: T-SAR-1998, T-SAR-TRANS,
    # T-SAR-GDPR-A, T-SAR-GDPR-B, T-SAR-STOP-ICO, T-SAR-12A); what each counts is in
    # foiclock.sar_versions, keyed by these ids. SAR-RESP is keyed by the date of receipt
    # (T-SAR-TRANS: DPA 2018 Sch 20 para 2(1) keeps the DPA 1998 for a request received before
    # 25 May 2018); SAR-STOP and SAR-START by the relevant time (T-SAR-12A). Before the first
    # SAR-STOP entry ICO practice had no stop-the-clock, and before the SAR-START entry the same
    # start was ICO practice: foiclock.sar_versions says so. T-SAR-UKGDPR (1 January 2021) is
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


def version_in_force(rule: str, day: date | None) -> RuleVersion | None:
    """The version of `rule` in force for a case whose keying date is `day`; None when the rule
    has no dated versions, or `day` is not known yet."""
    if day is None:
        return None
    for version in VERSIONS:
        if (
            version.rule == rule
            and (version.first is None or version.first <= day)
            and (version.last is None or day <= version.last)
        ):
            return version
    return None
