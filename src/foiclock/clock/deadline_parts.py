"""The parts of a deadline, as records: how a clarification, a fees notice, an extension, a
body's own limit and a calendar-month period were counted. They are
the fields of `foiclock.clock.deadline.Deadline` and what its explanation (`foiclock.clock.steps`)
reads; the counting is in `foiclock.clock.deadline`.
"""

from datetime import date

from foiclock.base.records import NamedTuple
from foiclock.clock.case import DayRange
from foiclock.law.regimes import BodyRule, EventRule, ExtensionRule, FeesRule
from foiclock.law.versions import RuleVersion


class Clarification(NamedTuple):
    """A clarification asked for (`*-CLAR`: the count restarts; `SAR-STOP`: the clock stops)."""

    rule: EventRule
    requested: date
    received: date | None
    stopped_days: int | None  # SAR-STOP: calendar days that do not count (None for a restart)
    #: SAR: the dated version of `SAR-STOP` applied at the relevant time (foiclock.law.versions).
    version: "RuleVersion | None" = None


class Fees(NamedTuple):
    """A fees notice (`*-FEES`)."""

    rule: FeesRule
    notice: date
    paid: date | None
    pay_by: date
    counted_before_notice: int  # working days counted after the date of receipt, before it
    paused_working_days: int | None  # working days it left out of the count (None: unpaid)
    lapsed: bool  # paid after pay_by: the body need not comply
    after_due: bool  # given after the count had ended: it moves nothing


class Extension(NamedTuple):
    """`--extend` (`FOIA-PIT`, `EIR-EXT`, `EISR-EXT`, `SAR-EXT`)."""

    rule: ExtensionRule
    due: date | None
    provisional: bool
    months: "MonthCount | None" = None  # SAR-EXT: how the three months were counted


class Body(NamedTuple):
    """A body with its own limit (`FOIA-SCHOOL`, `FOIA-ARCHIVE`, `FOIA-ARMED`, `FOIA-ABROAD`)."""

    rule: BodyRule
    school_closed: tuple[DayRange, ...] | None  # None: no closures given, none assumed
    school_day_due: date | None  # the 20th school day
    working_day_due: date | None  # the 60th (30th) working day; the latest, when set
    apply_to_commissioner_by: date | None

    @property
    def decided_by_school_days(self) -> bool:
        return (
            self.school_day_due is not None
            and self.working_day_due is not None
            and self.school_day_due <= self.working_day_due
        )


class MonthCount(NamedTuple):
    """How a calendar-month period was counted (`SAR-START`, `C-MONTH`, `SAR-STOP`), or under the
    DPA 1998 a period of calendar days (`T-SAR-1998`: `days` is set)."""

    relevant_time: date
    #: "received", "id_received", "fee_paid" (or, DPA 1998, "clarification_received"): the latest
    relevant_event: str
    #: one month on (C-MONTH), before any stop; for days, the last day (relevant time + days - 1)
    corresponding: date
    clamped: bool  # the month had no such day: its last day was taken
    end: date | None  # corresponding + the days stopped, before rolling to a working day
    #: `SAR-WORDS`: the last day of "one month beginning with the relevant time" read strictly
    #: (`C-BEGINNING-WITH`), later by the days stopped, never rolled: the safe date.
    safe_end: date | None = None
    start: EventRule | None = None  # the rule that set the relevant time (SAR-START in force)
    days: int | None = None  # T-SAR-1998: the period is this many days beginning with it
    common_end: date | None = None  # T-SAR-1998: "within 40 days" read as relevant time + 40
    #: T-SAR-GDPR-A: the ICO's guidance of the time, which counted from the day after the
    #: relevant time (C-MONTH and its roll otherwise); a note, not the deadline.
    guidance_due: date | None = None
