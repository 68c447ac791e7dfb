"""The versions of a rule in force over time (../shared/rules-over-time.md), as data: which
dated version of a rules.md rule applied to a case, chosen by the date the rule is keyed by
(the date of receipt for a response limit; the response for an internal review's window to ask;
the review request for its answer; the decision notice for an appeal).

Each entry names its rules-over-time id, the rules.md rule it is a version of, the days it was
in force for (both ends included), what it says and how sure we are. A rule with no entry here
has had one version since its regime came into force (`T-*-START`). The engine reads this
table; a new version of a rule is a new entry, not a branch. A version that counts a window
differently from today's (`foiclock.windows`: its numbers, its roll, or no date at all) says
so in `counts`, which the timeline counts by.
"""

from datetime import date
from typing import Final, NamedTuple

from foiclock.i18n import N_

RECEIVED: Final = "received"
RESPONDED: Final = "responded"
REVIEW_REQUESTED: Final = "review_requested"
DECISION_NOTICE: Final = "decision_notice"


class VersionCount(NamedTuple):
    """How a version counts one window of its rule (a milestone key of `foiclock.windows`) where
    that differs from the window's own numbers, which are today's: `amount` days of the window's
    kind, rolled to a working day in `roll_to_working_day` (a division; None: not moved), or no
    date at all (`amount` None: the milestone says why, in `description`)."""

    key: str
    amount: int | None
    description: str
    roll_to_working_day: str | None = None


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
    #: The windows it counts otherwise than today's version (empty: as `foiclock.windows`).
    counts: tuple[VersionCount, ...] = ()

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


def superseded(version_id: str | None) -> bool:
    """Whether `version_id` names a version no longer in force (it has a last day): the outputs
    name it beside its rule, whose source then differs from today's."""
    return any(v.id == version_id and v.last is not None for v in VERSIONS)
