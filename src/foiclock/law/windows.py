"""The windows after the response, as data (rules.md sections 3 to 7): the requester's time to ask
for a review, the body's time to answer it, the Commissioner, the Tribunal and the Court of
Session; for subject access, the controller's time to acknowledge a complaint (`SAR-CTRL`) and
the ICO's (`SAR-ICO`). Each window counts from an anchor (an event or an earlier milestone) in
working days (`C-WD`), calendar days (`C-DAYS`, `C-BEGINNING-WITH`) or months;
`foiclock.clock.timeline` reads these tables.

Milestone keys are the JSON contract of `foiclock timeline` (issue "Timelines").
"""

from datetime import date
from typing import Final

from foiclock.base.i18n import N_
from foiclock.base.records import NamedTuple
from foiclock.law.divisions import ENGLAND_AND_WALES, SCOTLAND

# Window.counted
WORKING_DAYS: Final = "working-days"  # the Nth working day after the anchor (C-WD)
CALENDAR_DAYS: Final = "calendar-days"  # anchor + N days (C-DAYS)
MONTHS: Final = "months"  # the corresponding date N months on
DAYS_BEGINNING_WITH: Final = "days-beginning-with"  # anchor + N - 1 (C-BEGINNING-WITH)
DAY_AFTER_WORKING_DAYS: Final = "day-after-working-days"  # the day after the Nth working day

# Window.party: who must act by the date.
BODY: Final = "body"
REQUESTER: Final = "requester"

# Window.anchor_mode
FIRST_GIVEN: Final = "first-given"  # the first of `after` that has a date
LATER: Final = "later"  # the later of `after`; the first must have a date
LATEST: Final = "latest"  # the latest of `after` that have a date


class Guidance(NamedTuple):
    """What a window counts from when none of its own anchors is given, as guidance only (no
    rule sets a date then), with how it is shown."""

    after: str  # the milestone key counted from
    label: str
    description: str
    source: str
    status: str


class Window(NamedTuple):
    """One milestone counted from an earlier one."""

    key: str
    rule: str
    label: str
    party: str
    after: tuple[str, ...]  # milestone keys it counts from (see anchor_mode)
    counted: str
    amount: int
    description: str
    source: str
    status: str
    anchor_mode: str = FIRST_GIVEN
    answered_by: str | None = None  # the event that meets it, when there is one
    not_needed_after: str | None = None  # an event that makes it moot
    roll_to_working_day: str | None = None  # a division: a last day off work runs on (r12)
    guidance: Guidance | None = None  # counted from another anchor when `after` has none
    in_force: date | None = None  # the first day its anchor may be (a duty not in force before)
    shown_to_requester: bool = False  # a body's deadline the requester's view lists too
    #: Count from the requester's receipt of the notice it counts from (`POSTINGS`), when that
    #: notice was posted (`C-POST-SCOT`): FOISA-RR-REQ after a late answer, FOISA-SIC.
    from_receipt: bool = False
    #: The window applies only when this notice reached the requester (its receipt, when posted)
    #: after the window's anchor: a late answer (FOISA-SIC's safe date).
    only_if_late: str | None = None
    #: The window applies only when the case key (a true-or-false one) has this value.
    if_case: tuple[str, bool] | None = None
    #: (a division, a warning): a last day that is not a working day there is not moved, but
    #: carries the warning (FOISA-COURT).
    off_day_warning: tuple[str, str] | None = None


#: Events a timeline records, in the order a case meets them, with their labels.
EVENT_LABELS: Final = {
    "received": N_("Request received"),
    "responded": N_("Response issued"),
    "review_requested": N_("Review requested"),
    "review_responded": N_("Review outcome issued"),
    "decision_notice": N_("Decision notice sent"),
    "complaint_received": N_("Complaint received by the controller"),
    "complaint_responded": N_("Complaint answered by the controller"),
    "responded_posted": N_("Response posted"),
    "review_responded_posted": N_("Review outcome posted"),
    "statement_of_reasons": N_("Statement of reasons intimated"),
}


class Posting(NamedTuple):
    """A notice the requester may receive by post (`C-POST-SCOT`): the event, the case key of
    its posting date, and the case key of an actual later receipt, which is also the key of the
    receipt milestone (the actual day, else the presumed one)."""

    notice: str
    posted: str
    received: str
    label: str  # the receipt milestone's label, when the actual receipt is given
    presumed_label: str  # and when it is presumed


#: FOISA s74(2)(a): a thing posted is presumed not to be received until the third day after the
#: day of posting (calendar days: posted Mon -> received Thu).
POSTED_DAYS: Final = 3
POSTINGS: Final = (
    Posting(
        "responded",
        "responded_posted",
        "responded_received",
        N_("Response received"),
        N_("Response presumed received"),
    ),
    Posting(
        "review_responded",
        "review_responded_posted",
        "review_responded_received",
        N_("Review outcome received"),
        N_("Review outcome presumed received"),
    ),
)
#: The regimes `C-POST-SCOT` applies to, with its source and status: FOISA s74(2) itself, and
#: the EISRs as FOISA (best reading: reg 17 applies FOISA Part 4 only).
POSTING_RULES: Final = {
    "foisa": (N_("FOISA s74(2)(a)"), "statute"),
    "eisr": (N_("FOISA s74(2)(a), applied to the EISRs as to FOISA"), "best reading"),
}
PRESUMED_RECEIPT: Final = N_(
    "presumed received on the third day after posting (calendar days); an actual later "
    "receipt, if given, wins"
)
ACTUAL_RECEIPT: Final = N_(
    "actually received, later than the third day after posting that the law presumes"
)

#: Every milestone key, in the order of a case (JSON `milestones[].key`).
MILESTONE_KEYS: Final = (
    "received",
    "response_due",
    "response_due_safe",
    "response_due_extended",
    "responded",
    "complaint_received",
    "complaint_acknowledge_by",
    "complaint_responded",
    "responded_posted",
    "responded_received",
    "review_request_by",
    "review_request_by_safe",
    "review_requested",
    "review_response_due",
    "review_response_due_longest",
    "review_responded",
    "review_responded_posted",
    "review_responded_received",
    "commissioner_complaint_from",
    "commissioner_complaint_by",
    "commissioner_complaint_by_safe",
    "decision_notice",
    "statement_of_reasons",
    "tribunal_appeal_by",
    "court_appeal_by",
)


def _tribunal(rule: str, source: str) -> Window:
    return Window(
        key="tribunal_appeal_by",
        rule=rule,
        label=N_("Appeal to the Tribunal by"),
        party=REQUESTER,
        after=("decision_notice",),
        counted=CALENDAR_DAYS,
        amount=28,
        description=N_(
            "the notice of appeal must reach the First-tier Tribunal (General Regulatory Chamber) "
            "within 28 days of the date the decision notice was sent; a last day that is not a "
            "working day in England and Wales runs on to the next working day"
        ),
        source=source,
        status="best reading",  # r22(1)(b) is statute; the roll (r12) is our best reading
        roll_to_working_day=ENGLAND_AND_WALES,
    )


def _ico_complaint(rule: str, source: str) -> tuple[Window, Window]:
    """`FOIA-ICO`, `EIR-ICO`: six weeks after the review outcome; without an outcome after 40
    working days (the longest review, FOIA-IR-RESP and EIR-REP-RESP), the requester may complain
    without it."""
    return (
        Window(
            key="commissioner_complaint_from",
            rule=rule,
            label=N_("Complain to the ICO from"),
            party=REQUESTER,
            after=("review_requested",),
            counted=DAY_AFTER_WORKING_DAYS,
            amount=40,
            description=N_(
                "with no review outcome after 40 working days, the requester may complain to the "
                "ICO without it (from the day after the 40th working day)"
            ),
            source=source,
            status="practice",
            not_needed_after="review_responded",
        ),
        Window(
            key="commissioner_complaint_by",
            rule=rule,
            label=N_("Complain to the ICO by"),
            party=REQUESTER,
            after=("review_responded",),
            counted=CALENDAR_DAYS,
            amount=42,
            description=N_(
                "the ICO asks for complaints within six weeks (42 days) of the review outcome; "
                "there is no statutory limit (s50(2)(b): undue delay)"
            ),
            source=source,
            status="practice",
        ),
    )


def _sic_application(rule: str, source: str) -> tuple[Window, Window, Window]:
    """`FOISA-SIC` (and the EISRs by reg 17): six months after the requester received the review
    outcome (posted: `C-POST-SCOT`), or after the review's deadline passed with none; for an
    outcome received late, also six months after the missed deadline, the earlier (safe) date.
    Six months after: the corresponding date, or that month's last day when it has none; never
    moved off a weekend or holiday (rules.md: best reading)."""
    return (
        Window(
            key="commissioner_complaint_from",
            rule=rule,
            label=N_("Apply to the SIC from"),
            party=REQUESTER,
            after=("review_response_due",),
            counted=CALENDAR_DAYS,
            amount=1,
            description=N_(
                "when the review's deadline passes with no outcome, the requester may apply to "
                "the Scottish Information Commissioner (from the next day)"
            ),
            source=source,
            status="best reading",
            not_needed_after="review_responded",
        ),
        Window(
            key="commissioner_complaint_by",
            rule=rule,
            label=N_("Apply to the SIC by"),
            party=REQUESTER,
            after=("review_responded", "review_response_due"),
            counted=MONTHS,
            amount=6,
            description=N_(
                "within six months after the requester received the review outcome, or after the "
                "review's deadline passed with none; the SIC may accept a late application"
            ),
            source=source,
            status="best reading",
            from_receipt=True,
        ),
        Window(
            key="commissioner_complaint_by_safe",
            rule=rule,
            label=N_("Apply to the SIC by (safe date)"),
            party=REQUESTER,
            after=("review_response_due",),
            counted=MONTHS,
            amount=6,
            description=N_(
                "the review outcome was received after the review's deadline: six months after "
                "that missed deadline (a complaint about the failure to review in time), earlier "
                "than six months after the outcome (a complaint about its content)"
            ),
            source=source,
            status="best reading",
            only_if_late="review_responded",
        ),
    )


#: FOISA-COURT: no rule moves a last day off work, so it stands, with this warning.
COURT_OFF_DAY: Final = N_(
    "the last day is a Saturday, Sunday or Scottish bank holiday: the General Department of the "
    "Court of Session may be closed, so lodge the appeal earlier; the date is not moved"
)


def _court(source: str) -> Window:
    """`FOISA-COURT`: 42 days (`C-DAYS`) after the decision was intimated, or after a later
    statement of reasons (RCS 41.20(1)(b)(ii)); not rolled (best reading), but a last day off
    work in Scotland carries a warning."""
    return Window(
        key="court_appeal_by",
        rule="FOISA-COURT",
        label=N_("Appeal to the Court of Session by"),
        party=REQUESTER,
        after=("decision_notice", "statement_of_reasons"),
        anchor_mode=LATER,
        counted=CALENDAR_DAYS,
        amount=42,
        description=N_(
            "an appeal on a point of law within 42 days after the date the Commissioner's "
            "decision was intimated, or after a later statement of reasons was intimated "
            "(calendar days; a last day off work is not moved)"
        ),
        source=source,
        status="best reading",  # RCS 41.20(1)(b) seen; the no-roll is our best reading
        off_day_warning=(SCOTLAND, COURT_OFF_DAY),
    )


def _review_answer(
    rule: str, working_days: int, description: str, source: str, status: str
) -> Window:
    return Window(
        key="review_response_due",
        rule=rule,
        label=N_("Review outcome due"),
        party=BODY,
        after=("review_requested",),
        counted=WORKING_DAYS,
        amount=working_days,
        description=description,
        source=source,
        status=status,
        answered_by="review_responded",
    )


def _representations_by(rule: str, source: str) -> Window:
    """`EIR-REP-REQ`, `EISR-REP-REQ`: 40 working days after the day the requester believes the
    body failed to comply: the response date, or the response deadline if none came, which is
    the extended one (`EIR-EXT`, `EISR-EXT`) when an extension notice was given: `_timeline`
    counts from the response deadline that applies (rules.md example 44, best reading)."""
    return Window(
        key="review_request_by",
        rule=rule,
        label=N_("Make representations by"),
        party=REQUESTER,
        after=("responded", "response_due"),
        counted=WORKING_DAYS,
        amount=40,
        description=N_(
            "40th working day after the date the requester believes the body failed to comply: "
            "the response date, or the response deadline if no response came (the extended "
            "deadline when an extension notice was given)"
        ),
        source=source,
        status="best reading",
        answered_by="review_requested",
    )


_FOIA_WINDOWS: Final = (
    Window(
        key="review_request_by",
        rule="FOIA-IR-REQ",
        label=N_("Ask for an internal review by"),
        party=REQUESTER,
        after=("responded",),
        counted=WORKING_DAYS,
        amount=40,
        description=N_(
            "40th working day after the date the response was issued; later requests may be refused"
        ),
        source=N_("s45 Code of Practice (2018) para 5.3"),
        status="code",
        answered_by="review_requested",
        # rules.md FOIA-IR-REQ: a review of a failure to respond is allowed; with no Code date,
        # the 40th working day after the missed deadline is shown as guidance (best reading).
        guidance=Guidance(
            after="response_due",
            label=N_("Ask for a review by (guidance)"),
            description=N_(
                "no response was issued: a review of the failure to respond may be asked for, "
                "but the Code sets no date; as guidance, the 40th working day after the missed "
                "response deadline (or complain to the ICO without a review)"
            ),
            source=N_("guidance only, no Code date; ICO guide to managing an FOI request"),
            status="best reading",
        ),
    ),
    _review_answer(
        "FOIA-IR-RESP",
        20,
        N_("20th working day after the review request is received"),
        N_("s45 Code of Practice (2018) para 5.4"),
        "code",
    ),
    Window(
        key="review_response_due_longest",
        rule="FOIA-IR-RESP",
        label=N_("Review outcome due at the latest"),
        party=BODY,
        after=("review_requested",),
        counted=WORKING_DAYS,
        amount=40,
        description=N_(
            "in complex cases up to 20 more working days (the 40th working day); longer only "
            "with reasons"
        ),
        source=N_("s45 Code of Practice (2018) para 5.5"),
        status="code",
        answered_by="review_responded",
    ),
    *_ico_complaint("FOIA-ICO", N_("FOIA s50; ICO complaints guidance")),
    _tribunal("FOIA-TRIB", N_("FOIA s57; GRC Rules 2009 r22(1)(b), r12")),
)

_EIR_WINDOWS: Final = (
    _representations_by("EIR-REP-REQ", N_("EIR reg 11(2)")),
    _review_answer(
        "EIR-REP-RESP",
        40,
        N_("40th working day after receipt of the representations (no 20-day stage)"),
        N_("EIR reg 11(4)"),
        "statute",
    ),
    *_ico_complaint("EIR-ICO", N_("EIR reg 18 (FOIA s50); ICO complaints guidance")),
    _tribunal("EIR-TRIB", N_("EIR reg 18 (FOIA s57); GRC Rules 2009 r22(1)(b), r12")),
)

_FOISA_WINDOWS: Final = (
    Window(
        key="review_request_by",
        rule="FOISA-RR-REQ",
        label=N_("Require a review by"),
        party=REQUESTER,
        after=("response_due", "responded"),
        anchor_mode=LATER,
        counted=WORKING_DAYS,
        amount=40,
        description=N_(
            "40th working day after the expiry of the time for compliance, or after the "
            "requester received the answer when it came late"
        ),
        source=N_("FOISA s20(5)"),
        status="statute",
        answered_by="review_requested",
        from_receipt=True,  # a late answer posted: its presumed receipt (C-POST-SCOT)
    ),
    Window(
        key="review_request_by_safe",
        rule="FOISA-RR-REQ",
        label=N_("Require a review by (safe date)"),
        party=REQUESTER,
        after=("responded", "response_due"),
        counted=WORKING_DAYS,
        amount=40,
        description=N_(
            "the SIC's guidance for requesters counts 40 working days from the day the answer "
            "was received: earlier than the statute's date when the answer came on time; "
            "counted from the day it was sent (a posted answer arrives later, C-POST-SCOT), it "
            "is never later than the statute's date"
        ),
        source=N_("SIC guidance for requesters"),
        status="practice",
        answered_by="review_requested",
    ),
    _review_answer(
        "FOISA-RR-RESP",
        20,
        N_(
            "20th working day after receipt of the requirement for review (the 30th where the "
            "authority is the Keeper of the Records of Scotland and a different authority is, "
            "by virtue of s22(4), to review: --review-by-other-authority)"
        ),
        N_("FOISA s21(1)"),
        "statute",
    )._replace(if_case=("review_by_other_authority", False)),
    _review_answer(
        "FOISA-RR-RESP",
        30,
        N_(
            "30th working day after receipt of the requirement for review: the authority is "
            "the Keeper of the Records of Scotland and a different authority is, by virtue of "
            "s22(4), to review a decision to which it relates"
        ),
        N_("FOISA s21(2)"),
        "statute",
    )._replace(if_case=("review_by_other_authority", True)),
    *_sic_application("FOISA-SIC", N_("FOISA s47(4)")),
    _court(N_("FOISA s56; RCS 41.20(1)(b)")),
)

_EISR_WINDOWS: Final = (
    _representations_by("EISR-REP-REQ", N_("EISR reg 16")),
    _review_answer(
        "EISR-REP-RESP",
        20,
        N_("20th working day after receipt of the representations"),
        N_("EISR reg 16(4)"),
        "best reading",
    ),
    *_sic_application("FOISA-SIC", N_("EISR reg 17 (FOISA s47(4))")),
    _court(N_("EISR reg 17 (FOISA s56); RCS 41.20(1)(b)")),
)

#: `SAR-CTRL`: DPA 2018 s164A (inserted by the Data (Use and Access) Act 2025 s103) is in force
#: from this day (commencement seen second-hand, rules.md section 7).
SAR_COMPLAINTS_IN_FORCE: Final = date(2026, 6, 19)

_SAR_WINDOWS: Final = (
    Window(
        key="complaint_acknowledge_by",
        rule="SAR-CTRL",
        label=N_("Complaint acknowledgement due"),
        party=BODY,
        after=("complaint_received",),
        counted=DAYS_BEGINNING_WITH,
        amount=30,
        description=N_(
            "the controller must acknowledge the complaint within the period of 30 days "
            "beginning when it is received (that day is day 1), then respond to it without undue "
            "delay (no date is set)"
        ),
        source=N_("DPA 2018 s164A (Data (Use and Access) Act 2025 s103), in force 19 June 2026"),
        status="statute",
        not_needed_after="complaint_responded",
        in_force=SAR_COMPLAINTS_IN_FORCE,
        shown_to_requester=True,
    ),
    # "Last contact with the organisation" (best reading): the latest of the events a case
    # records between the requester and the controller after the request: the response, the
    # complaint and the controller's answer to it. A later contact (a follow-up) moves it on.
    Window(
        key="commissioner_complaint_by",
        rule="SAR-ICO",
        label=N_("Complain to the ICO by"),
        party=REQUESTER,
        after=("responded", "complaint_received", "complaint_responded"),
        anchor_mode=LATEST,
        counted=MONTHS,
        amount=3,
        description=N_(
            "no statutory time limit (UK GDPR art 77); ICO practice: complain to the "
            "organisation first, follow it up if there is no response after 30 days, and "
            "complain to the ICO within three months of your last contact with the organisation, "
            "here the latest of the response, the complaint and its answer (the corresponding "
            "date three months on, not moved to a working day)"
        ),
        source=N_("ICO practice: data protection complaints guidance"),
        status="best reading",  # ICO practice; the last contact and the count are our reading
    ),
)

#: The windows after the response, by regime.
WINDOWS: Final[dict[str, tuple[Window, ...]]] = {
    "foia": _FOIA_WINDOWS,
    "eir": _EIR_WINDOWS,
    "foisa": _FOISA_WINDOWS,
    "eisr": _EISR_WINDOWS,
    "sar": _SAR_WINDOWS,
}


def review_rule(regime: str) -> str | None:
    """The rule id of `regime`'s review answer (`FOIA-IR-RESP`, ...); None when it has none."""
    for window in WINDOWS[regime]:
        if window.key == "review_response_due":
            return window.rule
    return None


def complaint_window(regime: str) -> Window | None:
    """`regime`'s window counted from a complaint to the body (`SAR-CTRL`); None when the regime
    has none (complaints to the controller are a subject access rule)."""
    return next((w for w in WINDOWS[regime] if w.after == ("complaint_received",)), None)
