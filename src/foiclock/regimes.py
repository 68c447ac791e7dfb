"""The regimes foiclock knows, as data: each names its working-day calendar and its windows, with
the rule ids, sources and status of ../shared/rules.md. The engine reads these tables; adding a
regime is adding an entry here, not a branch in the engine."""

from __future__ import annotations

from typing import Final, NamedTuple

from foiclock.divisions import ALL_DIVISIONS, ENGLAND_AND_WALES, SCOTLAND
from foiclock.errors import InvalidInput


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


class Regime(NamedTuple):
    key: str
    short_name: str
    name: str
    calendar: CalendarRule
    default_nation: str
    response: WorkingDayWindow


WD_UK: Final = CalendarRule(
    rule="WD-UK",
    divisions=ALL_DIVISIONS,
    description=(
        "weekends, Christmas Day, Good Friday and bank holidays in any part of the UK do not count"
    ),
    source="FOIA s10(6)",
    status="statute",
)
WD_UK_EIR: Final = CalendarRule(
    rule="WD-UK",
    divisions=ALL_DIVISIONS,
    description=WD_UK.description,
    source="FOIA s10(6); EIR reg 2(1) takes the FOIA meaning",
    status="best reading",
)
WD_SCOT: Final = CalendarRule(
    rule="WD-SCOT",
    divisions=(SCOTLAND,),
    description="weekends, Christmas Day and bank holidays in Scotland do not count",
    source="FOISA s73",
    status="statute",
)
WD_SCOT_EISR: Final = CalendarRule(
    rule="WD-SCOT",
    divisions=(SCOTLAND,),
    description=WD_SCOT.description,
    source="FOISA s73; EISR reg 2(1) takes the FOISA meaning",
    status="best reading",
)


def nation_calendar(nation: str) -> CalendarRule:
    """`WD-NATION`: one nation's own bank holidays (rules.md section 2)."""
    return CalendarRule(
        rule="WD-NATION",
        divisions=(nation,),
        description="weekends, Christmas Day and that nation's bank holidays do not count",
        source="the body's own nation",
        status="best reading",
    )


REGIMES: Final[dict[str, Regime]] = {
    "foia": Regime(
        key="foia",
        short_name="FOIA",
        name="Freedom of Information Act 2000",
        calendar=WD_UK,
        default_nation=ENGLAND_AND_WALES,
        response=WorkingDayWindow(
            rule="FOIA-RESP",
            working_days=20,
            description="20th working day following the date of receipt",
            source="FOIA s10(1)",
            status="statute",
        ),
    ),
    "eir": Regime(
        key="eir",
        short_name="EIR",
        name="Environmental Information Regulations 2004",
        calendar=WD_UK_EIR,
        default_nation=ENGLAND_AND_WALES,
        response=WorkingDayWindow(
            rule="EIR-RESP",
            working_days=20,
            description="20 working days after the date of receipt",
            source="EIR reg 5(2)",
            status="statute",
        ),
    ),
    "foisa": Regime(
        key="foisa",
        short_name="FOISA",
        name="Freedom of Information (Scotland) Act 2002",
        calendar=WD_SCOT,
        default_nation=SCOTLAND,
        response=WorkingDayWindow(
            rule="FOISA-RESP",
            working_days=20,
            description="20th working day after receipt",
            source="FOISA s10(1)",
            status="statute",
        ),
    ),
    "eisr": Regime(
        key="eisr",
        short_name="EISR",
        name="Environmental Information (Scotland) Regulations 2004",
        calendar=WD_SCOT_EISR,
        default_nation=SCOTLAND,
        response=WorkingDayWindow(
            rule="EISR-RESP",
            working_days=20,
            description="20 working days after the date of receipt",
            source="EISR reg 5(2)(a)",
            status="statute",
        ),
    ),
}

NATIONS: Final = ALL_DIVISIONS


def get_regime(key: str) -> Regime:
    """The regime called `key` (case-insensitive); InvalidInput listing the valid ones if none."""
    regime = REGIMES.get(key.strip().lower()) if isinstance(key, str) else None
    if regime is None:
        raise InvalidInput("regime", key, "is not a regime foiclock knows", ", ".join(REGIMES))
    return regime


def check_nation(nation: str) -> str:
    """`nation` if it is a GOV.UK division key; InvalidInput listing them if not."""
    cleaned = nation.strip().lower() if isinstance(nation, str) else ""
    if cleaned not in NATIONS:
        raise InvalidInput("nation", nation, "is not a nation foiclock knows", ", ".join(NATIONS))
    return cleaned
