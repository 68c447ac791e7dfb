"""foiclock: UK information-rights deadlines from the statute's own working-day rules.

>>> from datetime import date
>>> from foiclock import response_deadline
>>> response_deadline(date(2025, 8, 19)).due
datetime.date(2025, 9, 17)

The names below are loaded on first use (PEP 562), so that `import foiclock.cli` for a single
lookup pays only for the modules that lookup needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from foiclock._version import __version__

if TYPE_CHECKING:
    from foiclock.calendar import Holiday
    from foiclock.dates import format_long, parse_date
    from foiclock.engine import (
        CalendarDifference,
        Deadline,
        ListedHoliday,
        Step,
        add_working_days,
        bank_holidays,
        response_deadline,
        working_days_between,
    )
    from foiclock.errors import InvalidInput
    from foiclock.regimes import REGIMES

_EXPORTED_FROM = {
    "Holiday": "foiclock.calendar",
    "format_long": "foiclock.dates",
    "parse_date": "foiclock.dates",
    "CalendarDifference": "foiclock.engine",
    "Deadline": "foiclock.engine",
    "ListedHoliday": "foiclock.engine",
    "Step": "foiclock.engine",
    "add_working_days": "foiclock.engine",
    "bank_holidays": "foiclock.engine",
    "response_deadline": "foiclock.engine",
    "working_days_between": "foiclock.engine",
    "InvalidInput": "foiclock.errors",
    "REGIMES": "foiclock.regimes",
}

__all__ = [
    "REGIMES",
    "CalendarDifference",
    "Deadline",
    "Holiday",
    "InvalidInput",
    "ListedHoliday",
    "Step",
    "__version__",
    "add_working_days",
    "bank_holidays",
    "format_long",
    "parse_date",
    "response_deadline",
    "working_days_between",
]


def __getattr__(name: str) -> Any:
    module_name = _EXPORTED_FROM.get(name)
    if module_name is None:
        raise AttributeError(f"module 'foiclock' has no attribute {name!r}")
    value = getattr(import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
