"""Subject access as it was in force for a case (../shared/rules-over-time.md section 1), as
data: what each dated version of `SAR-RESP` counts, and which `SAR-START` and `SAR-STOP` rules
applied at the relevant time. The versions' days and keys are entries of
`foiclock.law.versions.VERSIONS`; this module holds their numbers and rules, keyed by the same ids,
and makes the choice. The month-deadline code (`foiclock.clock.deadline`) reads what it returns.

- `T-SAR-1998` + `T-SAR-TRANS`: a request received before 25 May 2018 stays under DPA 1998 s7:
  40 days beginning with the relevant day (the later of receipt and the first day the controller
  has the fee and the identity or locating information it reasonably asked for: `id_received`,
  `fee_paid` and `clarification_received` move it), no roll, no extension.
- `T-SAR-GDPR-A`, `T-SAR-GDPR-B`: today's `C-MONTH` answer; under -A the ICO's guidance of the
  time (the day after the relevant time as day 1) is shown beside it.
- `SAR-STOP` at the relevant time: before 21 October 2020 no stop-the-clock (a clarification
  moves nothing; best reading); `T-SAR-STOP-ICO` (practice) to 4 February 2026; `T-SAR-12A`
  (statute) from 5 February 2026, the same arithmetic. `SAR-START`: ICO practice before
  `T-SAR-12A`, the statute from it, the same days.
"""

from collections.abc import Mapping
from datetime import date
from typing import Final

from foiclock.base.i18n import N_
from foiclock.base.records import NamedTuple
from foiclock.law.regimes import REGIMES, DayWindow, EventRule, ExtensionRule, MonthWindow, Regime
from foiclock.law.versions import RuleVersion, version_id, version_in_force

_SAR: Final = REGIMES["sar"]
assert isinstance(_SAR.response, MonthWindow) and _SAR.start_events is not None


class SarVersion(NamedTuple):
    """What one version of `SAR-RESP` counts. `start` and `clarification`: the version's own
    rules, or None where the `SAR-START` / `SAR-STOP` version in force at the relevant time
    decides (`start_rule`, `stop_rule`)."""

    response: MonthWindow | DayWindow
    start_keys: tuple[str, ...]  # the case events that, when the latest, are the relevant time
    start: EventRule | None
    clarification: EventRule | None
    extension: ExtensionRule | None
    no_extension: str  # why there is none, when `extension` is None
    guidance_from_day_after: bool = False  # T-SAR-GDPR-A: the ICO's method of the time


_GDPR: Final = SarVersion(
    response=_SAR.response,
    start_keys=("id_received", "fee_paid"),
    start=None,
    clarification=None,
    extension=_SAR.extension,
    no_extension="",
)

#: Keyed by the id of the `SAR-RESP` version (foiclock.law.versions).
SAR_VERSIONS: Final[dict[str, SarVersion]] = {
    "T-SAR-1998": SarVersion(
        response=DayWindow(
            rule="SAR-RESP",
            days=40,
            description=N_(
                "40 days beginning with the relevant day: the relevant day is day 1, so the last "
                "day is the relevant day + 39; calendar days, with no roll to a working day"
            ),
            source=N_("DPA 1998 s7(1), (8), (10) (words not seen); SI 2000/191 reg 3"),
            status="best reading",
        ),
        # s7(3), (10): the identity and locating information asked for, and the fee (s7(2)).
        start_keys=("id_received", "fee_paid", "clarification_received"),
        start=EventRule(
            rule="SAR-START",
            effect="start",
            description=N_(
                "the relevant day is the later of the day the request is received and the first "
                "day the controller has both the fee and the information it reasonably asked "
                "for to confirm identity and locate the data"
            ),
            source=N_("DPA 1998 s7(2), (3), (10)"),
            status="best reading",
        ),
        clarification=EventRule(
            rule="SAR-START",
            effect="start",
            description=N_(
                "information the controller reasonably asked for to locate the data: the 40 "
                "days begin with the day it arrives when that is the latest start event; "
                "nothing stops the clock once it runs"
            ),
            source=N_("DPA 1998 s7(2), (3), (10)"),
            status="best reading",
        ),
        extension=None,
        no_extension=N_(
            "subject access under the DPA 1998 had no extension: SAR-EXT (UK GDPR art 12(3)) "
            "applies to requests received from 25 May 2018 (T-SAR-1998, T-SAR-TRANS)"
        ),
    ),
    "T-SAR-GDPR-A": _GDPR._replace(guidance_from_day_after=True),
    "T-SAR-GDPR-B": _GDPR,
}

#: `SAR-STOP` by the id of its version in force at the relevant time; None: before any.
_STOP_RULES: Final[dict[str | None, EventRule]] = {
    None: EventRule(
        rule="SAR-STOP",
        effect="none",
        description=N_(
            "no stop-the-clock for a relevant time before 21 October 2020: a clarification "
            "asked for does not pause the month, whose date stays"
        ),
        source=N_("ICO right-of-access guidance before 21 October 2020 (T-SAR-STOP-ICO)"),
        status="best reading",
    ),
    "T-SAR-STOP-ICO": _SAR.clarification._replace(
        source=N_("ICO right-of-access guidance of 21 October 2020: practice, not statute"),
        status="practice",
    ),
    "T-SAR-12A": _SAR.clarification,
}

#: `SAR-START` by the id of its version in force at the relevant time; None: before any.
_START_RULES: Final[dict[str | None, EventRule]] = {
    None: _SAR.start_events._replace(
        source=N_("ICO right-of-access guidance, before UK GDPR art 12A"), status="practice"
    ),
    "T-SAR-12A": _SAR.start_events,
}


class SarRules(NamedTuple):
    """The subject access rules that applied to one case."""

    version: SarVersion
    relevant_event: str  # "received", or the latest of the version's start events
    relevant_time: date
    start: EventRule
    clarification: EventRule
    stop_version: RuleVersion | None  # the `SAR-STOP` version applied (None: none dated)


def sar_version(received: date) -> SarVersion:
    """The version of `SAR-RESP` for a request received on `received` (on or after 1 March
    2000, `T-SAR-1998`: `check_in_force` refuses earlier days)."""
    version = version_in_force("SAR-RESP", received)
    assert version is not None, received
    return SAR_VERSIONS[version.id]


def in_force(regime: Regime, received: date | None) -> Regime:
    """`regime` with the response window and extension of the version in force for a request
    received on `received`, and the version's own start and clarification rules where it has
    them (`T-SAR-1998`); any regime without dated versions of its response, as it is."""
    if regime.key != _SAR.key or received is None:
        return regime
    version = sar_version(received)
    return regime._replace(
        response=version.response,
        extension=version.extension,
        no_extension=version.no_extension,
        clarification=version.clarification or regime.clarification,
        start_events=version.start or regime.start_events,
    )


def sar_rules(received: date, events: Mapping[str, date | None]) -> SarRules:
    """The version of `SAR-RESP` for a case received on `received`, its relevant time (the
    latest of receipt and the version's start events, from `events`, the case's dates by case
    key; a tie keeps the earlier event), and the `SAR-START` and `SAR-STOP` rules in force at
    that time."""
    version = sar_version(received)
    starts: list[tuple[str, date | None]] = [("received", received)]
    starts += [(key, events.get(key)) for key in version.start_keys]
    relevant_event, relevant_time = max(
        ((key, day) for key, day in starts if day is not None), key=lambda item: item[1]
    )
    start = version.start or _START_RULES[version_id(version_in_force("SAR-START", relevant_time))]
    stop_version = None
    clarification = version.clarification
    if clarification is None:
        stop_version = version_in_force("SAR-STOP", relevant_time)
        clarification = _STOP_RULES[version_id(stop_version)]
    return SarRules(version, relevant_event, relevant_time, start, clarification, stop_version)
