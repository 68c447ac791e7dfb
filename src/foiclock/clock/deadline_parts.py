"""The parts of a deadline, as records: the state of the clock, and how a clarification, a fees
notice, an extension, a body's own limit and a calendar-month period were counted. They are
the fields of `foiclock.clock.deadline.Deadline` and what its explanation (`foiclock.clock.steps`)
reads; the counting is in `foiclock.clock.deadline`. `Record` is what the Deadline is built on: a
NamedTuple's behaviour, with fields that can be worked out when first read.
"""

from collections.abc import Iterable, Iterator
from datetime import date
from operator import attrgetter
from typing import Any, ClassVar, Final, NamedTuple, Self

from foiclock.clock.case import DayRange
from foiclock.law.regimes import BodyRule, EventRule, ExtensionRule, FeesRule
from foiclock.law.versions import RuleVersion

# Deadline.state
RUNNING: Final = "running"
AWAITING_CLARIFICATION: Final = "awaiting_clarification"
AWAITING_FEE: Final = "awaiting_fee"
FEE_NOT_PAID: Final = "fee_not_paid"


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


class Record:
    """A read-only record that behaves as a NamedTuple does: its fields in order (`_fields`,
    `_field_defaults`), `_make`, `_replace`, `_asdict`, iteration, indexing and `len`, equality
    and hash as the tuple of its values (so equal to that tuple), the same `repr`, copying and
    pickling (as its values). Unlike a NamedTuple it keeps its values in slots, so a subclass
    can work some out only when they are first read.

    A subclass lists its fields in `_fields` (and `__match_args__`) and keeps each in the slot
    `_NAME`; it gets a read-only property `NAME` for each field it does not define itself."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _field_defaults: ClassVar[dict[str, Any]] = {}
    _read_fields: ClassVar["attrgetter[tuple[Any, ...]]"]  # the fields, in order

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        for name in cls._fields:
            if name not in cls.__dict__:
                setattr(cls, name, property(attrgetter("_" + name), doc=f"The field {name}."))
        cls._read_fields = attrgetter(*cls._fields)

    def _values(self) -> tuple[Any, ...]:
        """Every field's value, in order (a field worked out when read is worked out now)."""
        return self._read_fields(self)

    @classmethod
    def _make(cls, iterable: Iterable[Any]) -> Self:
        return cls(*iterable)

    def _asdict(self) -> dict[str, Any]:
        return dict(zip(self._fields, self._values(), strict=True))

    def _replace(self, **changes: Any) -> Self:
        record = self._make(map(changes.pop, self._fields, self._values()))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return record

    __replace__ = _replace  # copy.replace (Python 3.13)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values())

    def __len__(self) -> int:
        return len(self._fields)

    def __getitem__(self, index: Any) -> Any:
        return self._values()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Record):
            return self._values() == other._values()
        if isinstance(other, tuple):
            return self._values() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self._values(), strict=True))
        return f"{type(self).__name__}({fields})"

    def __reduce__(self) -> tuple[type[Self], tuple[Any, ...]]:
        return type(self), self._values()
