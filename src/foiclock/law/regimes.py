"""The regimes foiclock knows, as data: each names its working-day calendar, its response window
and the case events it has (clarification, fees, extension, special bodies), with the rule ids,
sources and status of ../shared/rules.md. The engine reads these tables; adding a regime or an
event rule is adding an entry here, not a branch in the engine."""

from datetime import date
from typing import Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import N_, M
from foiclock.base.records import NamedTuple
from foiclock.law.divisions import ALL_DIVISIONS, ENGLAND_AND_WALES, SCOTLAND

# rules.md section 1: which day is the date of receipt.
DATE_OF_RECEIPT: Final = "date-of-receipt"
NEXT_WORKING_DAY: Final = "next-working-day"
RECEIPT_RULES: Final = {DATE_OF_RECEIPT: "C-RECEIPT", NEXT_WORKING_DAY: "C-RECEIPT-ALT"}


class CalendarRule(NamedTuple):
    """Which days are working days under a regime (rules.md section 2)."""

    rule: str
    divisions: tuple[str, ...]
    description: str
    source: str
    status: str


class WorkingDayWindow(NamedTuple):
    """A period of N working days after a date (rules.md `C-WD`)."""

    rule: str
    working_days: int
    description: str
    source: str
    status: str


class MonthWindow(NamedTuple):
    """A period of calendar months from a date (rules.md `C-MONTH`)."""

    rule: str
    months: int
    description: str
    source: str
    status: str


class DayWindow(NamedTuple):
    """A period of N calendar days beginning with a date (rules.md `C-BEGINNING-WITH`: the date
    is day 1, so the last day is D + N - 1), with no roll to a working day: DPA 1998 s7
    (`T-SAR-1998`). Many sources read "within N days" instead (`C-DAYS`, D + N): shown as the
    common reading."""

    rule: str
    days: int
    description: str
    source: str
    status: str


class EventRule(NamedTuple):
    """What one case event does to the clock.

    `effect`: "restart" (the count starts again from zero on the day the information arrives,
    `*-CLAR`), "stop" (the days from the ask to the answer, both included, do not count:
    `SAR-STOP`), "pause" (the working days from the notice to the payment, both included, are
    left out: `*-FEES`), "start" (the day moves the start of the period: `SAR-START`; under the
    DPA 1998 a clarification too), "none" (it moves nothing: a SAR clarification before ICO
    practice stopped the clock, `T-SAR-STOP-ICO`).
    """

    rule: str
    effect: str
    description: str
    source: str
    status: str


class FeesRule(NamedTuple):
    """A fees notice (`*-FEES`): the pause, and the last day to pay, either `pay_months` beginning
    with the notice day (`C-BEGINNING-WITH`) or `pay_working_days` after it (`C-WD`)."""

    pause: EventRule
    pay_description: str
    pay_months: int | None
    pay_working_days: int | None
    pay_status: str


class ExtensionRule(NamedTuple):
    """`--extend`. `counted`: "after-due" (N working days after the deadline: `FOIA-PIT`),
    "from-receipt" (the Nth working day after receipt, pauses still left out: `EIR-EXT`), or
    "months" (N months from the relevant time: `SAR-EXT`)."""

    rule: str
    counted: str
    amount: int
    description: str
    source: str
    status: str


class BodyRule(NamedTuple):
    """A body with its own time limit under FOIA (SI 2004/3364; rules.md section 3).

    `working_days`: the limit in working days (the latest day, when the Commissioner sets it);
    `school_days`: a school-day limit that applies when it comes first; `apply_within`: working
    days within which the body must apply to the Commissioner, who then sets the day."""

    key: str
    name: str
    rule: str
    description: str
    source: str
    status: str
    working_days: int
    school_days: int | None = None
    apply_within: int | None = None


class Regime(NamedTuple):
    key: str
    short_name: str
    name: str
    calendar: CalendarRule
    default_nation: str
    response: WorkingDayWindow | MonthWindow | DayWindow
    clarification: EventRule
    fees: FeesRule | None
    extension: ExtensionRule | None
    no_extension: str  # why there is none, when `extension` is None
    bodies: tuple[str, ...] = ()  # keys of BODIES this regime has
    body_extension: ExtensionRule | None = None  # `extension` when a body has its own limit
    start_events: EventRule | None = None  # SAR-START

    @property
    def counts_months(self) -> bool:
        """Calendar months, or calendar days under the DPA 1998 (SAR): no working-day count."""
        return isinstance(self.response, MonthWindow | DayWindow)

    def extension_for(self, body: str | None) -> ExtensionRule | None:
        """The extension of a case, `body_extension` when it has a body of its own limit."""
        if body is not None and self.body_extension is not None:
            return self.body_extension
        return self.extension


WD_UK: Final = CalendarRule(
    rule="WD-UK",
    divisions=ALL_DIVISIONS,
    description=N_(
        "weekends, Christmas Day, Good Friday and bank holidays in any part of the UK do not count"
    ),
    source=N_("FOIA s10(6)"),
    status="statute",
)
WD_UK_EIR: Final = CalendarRule(
    rule="WD-UK",
    divisions=ALL_DIVISIONS,
    description=WD_UK.description,
    source=N_("FOIA s10(6); EIR reg 2(1) takes the FOIA meaning"),
    status="best reading",
)
WD_SCOT: Final = CalendarRule(
    rule="WD-SCOT",
    divisions=(SCOTLAND,),
    description=N_("weekends, Christmas Day and bank holidays in Scotland do not count"),
    source=N_("FOISA s73"),
    status="statute",
)
WD_SCOT_EISR: Final = CalendarRule(
    rule="WD-SCOT",
    divisions=(SCOTLAND,),
    description=WD_SCOT.description,
    source=N_("FOISA s73; EISR reg 2(1) takes the FOISA meaning"),
    status="best reading",
)


def nation_calendar(nation: str) -> CalendarRule:
    """`WD-NATION`: one nation's own bank holidays (rules.md section 2)."""
    return CalendarRule(
        rule="WD-NATION",
        divisions=(nation,),
        description=N_("weekends, Christmas Day and that nation's bank holidays do not count"),
        source=N_("the body's own nation"),
        status="best reading",
    )


_CLARIFICATION_RESTARTS = N_(
    "the count restarts from zero on the day the information asked for arrives (not a pause)"
)
_FEES_PAUSE = N_(
    "the working days from the day the fees notice is given to the day the fee arrives, both "
    "included, are left out of the count"
)
_THREE_MONTHS_TO_PAY = N_(
    "three months beginning with the day of the notice (C-BEGINNING-WITH); "
    "unpaid by then, the body need not comply"
)
_SIXTY_WORKING_DAYS_TO_PAY = N_(
    "60 working days after the notice; unpaid by then, the body need not supply the information"
)
_FEES_PAUSE_EXTENDED_TOO = N_(
    "the working days from the day the fees notice is given to the day the fee arrives, both "
    "included, are left out of the count (for the 20 and the extended 40 working days)"
)
_COMPLEX_AND_VOLUMINOUS = N_(
    "40th working day after receipt, where the request is complex and voluminous; the "
    "requester must be told within the first 20 working days"
)


def _restart(
    rule: str, source: str, status: str, description: str = _CLARIFICATION_RESTARTS
) -> EventRule:
    """`*-CLAR`: the count restarts from the day the information arrives."""
    return EventRule(rule, "restart", description, source, status)


def _fees(rule: str, source: str, status: str, *, months: int | None) -> FeesRule:
    """`*-FEES`: the pause, and three months (FOIA, FOISA) or 60 working days (EIR, EISR) to pay."""
    if months is not None:
        return FeesRule(
            EventRule(rule, "pause", _FEES_PAUSE, source, status),
            _THREE_MONTHS_TO_PAY,
            pay_months=months,
            pay_working_days=None,
            pay_status="best reading",  # C-BEGINNING-WITH; FOISA's three months too
        )
    return FeesRule(
        EventRule(rule, "pause", _FEES_PAUSE_EXTENDED_TOO, source, status),
        _SIXTY_WORKING_DAYS_TO_PAY,
        pay_months=None,
        pay_working_days=60,
        pay_status="best reading",
    )


def _complex_and_voluminous(rule: str, source: str) -> ExtensionRule:
    """`EIR-EXT`, `EISR-EXT`: the 40th working day after receipt."""
    return ExtensionRule(rule, "from-receipt", 40, _COMPLEX_AND_VOLUMINOUS, source, "statute")


REGIMES: Final[dict[str, Regime]] = {
    "foia": Regime(
        key="foia",
        short_name="FOIA",
        name=N_("Freedom of Information Act 2000"),
        calendar=WD_UK,
        default_nation=ENGLAND_AND_WALES,
        response=WorkingDayWindow(
            rule="FOIA-RESP",
            working_days=20,
            description=N_("20th working day following the date of receipt"),
            source=N_("FOIA s10(1)"),
            status="statute",
        ),
        clarification=_restart("FOIA-CLAR", N_("FOIA s1(3), s10(6)(b)"), "statute"),
        fees=_fees("FOIA-FEES", N_("FOIA s9(2), s10(2)"), "statute", months=3),
        extension=ExtensionRule(
            rule="FOIA-PIT",
            counted="after-due",
            amount=20,
            description=N_(
                "public interest extension: normally no more than 20 further working days after "
                "the deadline (40 in all); the refusal notice still goes within the 20"
            ),
            source=N_("FOIA s10(3); ICO practice"),
            status="practice",
        ),
        no_extension="",
        bodies=("school", "academy", "archive", "armed-forces", "abroad"),
        # rules.md FOIA-PIT: SI 2004/3364 varies s10(1) and (2) only, so s10(3) still applies;
        # the 20 further working days run from the body's own varied deadline (best reading).
        body_extension=ExtensionRule(
            rule="FOIA-PIT",
            counted="after-due",
            amount=20,
            description=N_(
                "public interest extension: normally no more than 20 further working days after "
                "the body's own deadline (where the Commissioner sets the day, after that day: "
                "at the latest 20 after the 60th working day); the refusal notice still goes by "
                "the body's own deadline"
            ),
            source=N_("FOIA s10(3), not varied by SI 2004/3364; ICO practice"),
            status="best reading",
        ),
    ),
    "eir": Regime(
        key="eir",
        short_name="EIR",
        name=N_("Environmental Information Regulations 2004"),
        calendar=WD_UK_EIR,
        default_nation=ENGLAND_AND_WALES,
        response=WorkingDayWindow(
            rule="EIR-RESP",
            working_days=20,
            description=N_("20 working days after the date of receipt"),
            source=N_("EIR reg 5(2)"),
            status="statute",
        ),
        clarification=_restart("EIR-CLAR", N_("EIR reg 9(4)"), "best reading"),
        fees=_fees("EIR-FEES", N_("EIR reg 8(4)-(7)"), "best reading", months=None),
        extension=_complex_and_voluminous("EIR-EXT", N_("EIR reg 7(1), 7(3)")),
        no_extension="",
    ),
    "foisa": Regime(
        key="foisa",
        short_name="FOISA",
        name=N_("Freedom of Information (Scotland) Act 2002"),
        calendar=WD_SCOT,
        default_nation=SCOTLAND,
        response=WorkingDayWindow(
            rule="FOISA-RESP",
            working_days=20,
            description=N_("20th working day after receipt"),
            source=N_("FOISA s10(1)"),
            status="statute",
        ),
        clarification=_restart(
            "FOISA-CLAR",
            N_("FOISA s1(3), s10(1)(b)"),
            "statute",
            N_(
                "20 working days from receipt of the further information: the count restarts "
                "from zero on the day the information asked for arrives (not a pause)"
            ),
        ),
        fees=_fees("FOISA-FEES", N_("FOISA s9, s10(2)"), "statute", months=3),
        extension=None,
        no_extension=N_(
            "FOISA has no extension of the time for compliance (rules.md section 5): the "
            "response is due by the limit in force (FOISA-RESP)"
        ),
        bodies=("keeper",),
    ),
    "eisr": Regime(
        key="eisr",
        short_name="EISR",
        name=N_("Environmental Information (Scotland) Regulations 2004"),
        calendar=WD_SCOT_EISR,
        default_nation=SCOTLAND,
        response=WorkingDayWindow(
            rule="EISR-RESP",
            working_days=20,
            description=N_("20 working days after the date of receipt"),
            source=N_("EISR reg 5(2)(a)"),
            status="statute",
        ),
        clarification=_restart("EISR-CLAR", N_("EISR reg 9(4)"), "best reading"),
        fees=_fees(
            "EISR-FEES",
            N_("EISRs, as EIR reg 8(4)-(7) (rules.md section 6)"),
            "best reading",
            months=None,
        ),
        extension=_complex_and_voluminous("EISR-EXT", N_("EISR reg 7")),
        no_extension="",
    ),
    "sar": Regime(
        key="sar",
        short_name="SAR",
        name=N_("UK GDPR right of access (subject access request)"),
        calendar=nation_calendar(ENGLAND_AND_WALES),
        default_nation=ENGLAND_AND_WALES,
        response=MonthWindow(
            rule="SAR-RESP",
            months=1,
            description=N_(
                "one month from the relevant time, by C-MONTH: the corresponding day of the next "
                "month (its last day if it has none), then the next working day if that is not one"
            ),
            source=N_("UK GDPR art 12(3); ICO right-of-access guidance"),
            status="statute",
        ),
        clarification=EventRule(
            rule="SAR-STOP",
            effect="stop",
            description=N_(
                "the days from the day the controller asks for the information it needs to the "
                "day it arrives, both included, do not count: the end moves later by that many "
                "days"
            ),
            source=N_("UK GDPR art 12A"),
            status="best reading",
        ),
        fees=None,
        extension=ExtensionRule(
            rule="SAR-EXT",
            counted="months",
            amount=3,
            description=N_(
                "two further months (three from the relevant time, by C-MONTH) where the requests "
                "are complex or numerous; the requester must be told within the first month"
            ),
            source=N_("UK GDPR art 12(3)"),
            status="statute",
        ),
        no_extension="",
        start_events=EventRule(
            rule="SAR-START",
            effect="start",
            description=N_(
                "the relevant time is the latest of: receipt of the request, of identity "
                "information reasonably asked for, and of a fee"
            ),
            source=N_("UK GDPR art 12A (Data (Use and Access) Act 2025 s76)"),
            status="statute",
        ),
    ),
}


class Commencement(NamedTuple):
    """The day a regime's right of access came into force (rules-over-time.md `T-*-START`): a
    request received before it had no deadline under that regime, so foiclock computes none."""

    rule: str
    day: date
    right: str  # the right, as people name it
    source: str
    before: str  # what applied before, which foiclock does not compute


_NOT_COMPUTED_BEFORE_2005 = N_(
    "foiclock does not compute the earlier non-statutory Code of Practice or EIR 1992 periods"
)

#: rules-over-time.md section 1: T-FOIA-START, T-EIR-START, T-FOISA-START, T-EISR-START (all
#: 1 January 2005) and T-SAR-1998 (the DPA 1998 right, from 1 March 2000).
COMMENCEMENTS: Final[dict[str, Commencement]] = {
    "foia": Commencement(
        "T-FOIA-START",
        date(2005, 1, 1),
        N_("the FOIA right of access (s1)"),
        N_("SI 2004/1909, SI 2004/3122"),
        _NOT_COMPUTED_BEFORE_2005,
    ),
    "eir": Commencement(
        "T-EIR-START",
        date(2005, 1, 1),
        N_("the EIR 2004"),
        N_("SI 2004/3391 reg 1"),
        _NOT_COMPUTED_BEFORE_2005,
    ),
    "foisa": Commencement(
        "T-FOISA-START",
        date(2005, 1, 1),
        N_("the FOISA right of access (s1)"),
        N_("SSI 2004/203"),
        N_("foiclock computes no deadline before FOISA"),
    ),
    "eisr": Commencement(
        "T-EISR-START",
        date(2005, 1, 1),
        N_("the EISRs 2004"),
        N_("SSI 2004/520"),
        N_("foiclock does not compute the EIR 1992 periods"),
    ),
    "sar": Commencement(
        "T-SAR-1998",
        date(2000, 3, 1),
        N_("subject access under the DPA 1998 (s7)"),
        N_("DPA 1998; SI 2000/191"),
        N_("foiclock does not compute subject access under the DPA 1984"),
    ),
}


def check_in_force(regime: str, received: date) -> None:
    """InvalidInput naming `received` when the regime's right was not yet in force on it."""
    commencement = COMMENCEMENTS[regime]
    if received < commencement.day:
        raise InvalidInput(
            "received",
            received.isoformat(),
            M(
                "is before {right} was in force ({rule}: from {day}, {source}): the request had "
                "no {regime} deadline, and {before}",
                right=commencement.right,
                rule=commencement.rule,
                day=commencement.day,
                source=commencement.source,
                regime=REGIMES[regime].short_name,
                before=commencement.before,
            ),
            M("a date of receipt on or after {day}", day=commencement.day),
        )


_SCHOOL_LIMIT = N_(
    "the 20th school day after receipt (days with a session) or the 60th working day, "
    "whichever comes first"
)
_COMMISSIONER_SETS = N_(
    "a day the Information Commissioner sets, no later than the 60th working day; the body "
    "must apply to the Commissioner within 20 working days"
)

BODIES: Final[dict[str, BodyRule]] = {
    "school": BodyRule(
        key="school",
        name=N_("a maintained school, nursery school or NI school"),
        rule="FOIA-SCHOOL",
        description=_SCHOOL_LIMIT,
        source=N_("SI 2004/3364 reg 3; SI 2009/1369"),
        status="statute",
        working_days=60,
        school_days=20,
    ),
    "academy": BodyRule(
        key="academy",
        name=N_("an academy"),
        rule="FOIA-SCHOOL",
        description=_SCHOOL_LIMIT,
        source=N_("SI 2004/3364 reg 3, extended to academies in 2010"),
        status="best reading",
        working_days=60,
        school_days=20,
    ),
    "archive": BodyRule(
        key="archive",
        name=N_("transferred public records at The National Archives or a place of deposit"),
        rule="FOIA-ARCHIVE",
        description=N_("30th working day following the date of receipt"),
        source=N_("SI 2004/3364 reg 4"),
        status="best reading",
        working_days=30,
    ),
    "armed-forces": BodyRule(
        key="armed-forces",
        name=N_("information from armed forces operations"),
        rule="FOIA-ARMED",
        description=_COMMISSIONER_SETS,
        source=N_("SI 2004/3364 reg 5"),
        status="statute",
        working_days=60,
        apply_within=20,
    ),
    "abroad": BodyRule(
        key="abroad",
        name=N_("information held outside the UK"),
        rule="FOIA-ABROAD",
        description=_COMMISSIONER_SETS,
        source=N_("SI 2004/3364 reg 6"),
        status="best reading",
        working_days=60,
        apply_within=20,
    ),
    # FOISA-KEEPER: the fees pause applies to the 30 as to the 20 (the count leaves it out).
    "keeper": BodyRule(
        key="keeper",
        name=N_(
            "the Keeper of the Records of Scotland, for information in a transferred record "
            "dealt with under s22"
        ),
        rule="FOISA-KEEPER",
        description=N_(
            "30th working day after receipt (not the 20th); fee days are disregarded from the 30 "
            "as from the 20"
        ),
        source=N_("FOISA s10 (Explanatory Notes paras 46, 47)"),
        status="statute",
        working_days=30,
    ),
}

NATIONS: Final = ALL_DIVISIONS


def get_regime(key: str) -> Regime:
    """The regime called `key` (case-insensitive); InvalidInput listing the valid ones if none."""
    regime = REGIMES.get(key.strip().lower()) if isinstance(key, str) else None
    if regime is None:
        raise InvalidInput("regime", key, M("is not a regime foiclock knows"), ", ".join(REGIMES))
    return regime


def get_body(key: str, regime: Regime) -> BodyRule:
    """The body rule called `key` for `regime`; InvalidInput if there is none."""
    cleaned = key.strip().lower() if isinstance(key, str) else ""
    body = BODIES.get(cleaned)
    if body is None:
        raise InvalidInput(
            "body", key, M("is not a kind of body foiclock knows"), ", ".join(BODIES)
        )
    if body.key not in regime.bodies:
        owner = next(r for r in REGIMES.values() if body.key in r.bodies)
        raise InvalidInput(
            "body",
            key,
            M(
                "has no time limit of its own under {regime} ({rule} is a {owner} rule)",
                regime=regime.short_name,
                rule=body.rule,
                owner=owner.short_name,
            ),
            M("--regime {owner} with --body, or no --body", owner=owner.key),
        )
    return body


def check_nation(nation: str) -> str:
    """`nation` if it is a GOV.UK division key; InvalidInput listing them if not."""
    cleaned = nation.strip().lower() if isinstance(nation, str) else ""
    if cleaned not in NATIONS:
        raise InvalidInput(
            "nation", nation, M("is not a nation foiclock knows"), ", ".join(NATIONS)
        )
    return cleaned
