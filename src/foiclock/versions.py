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
