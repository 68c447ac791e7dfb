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
    from foiclock.batch import RowAnswer, answer_row
    from foiclock.calendar import Holiday
    from foiclock.case import Case, DayRange, make_case
    from foiclock.case_file import load_case
    from foiclock.dates import format_long, parse_date
    from foiclock.deadline import CalendarDifference, Deadline, case_deadline, response_deadline
    from foiclock.engine import (
        ListedHoliday,
        add_working_days,
        bank_holidays,
        working_days_between,
    )
    from foiclock.errors import InvalidInput
    from foiclock.i18n import localise, using_language
    from foiclock.regimes import REGIMES
    from foiclock.steps import Step
    from foiclock.timeline import (
        Milestone,
        Timeline,
        case_timeline,
        requester_windows,
        timeline_from_events,
    )
    from foiclock.vectorised import response_deadlines

_EXPORTED_FROM = {
    "RowAnswer": "foiclock.batch",
    "answer_row": "foiclock.batch",
    "Holiday": "foiclock.calendar",
    "format_long": "foiclock.dates",
    "parse_date": "foiclock.dates",
    "Case": "foiclock.case",
    "DayRange": "foiclock.case",
    "make_case": "foiclock.case",
    "load_case": "foiclock.case_file",
    "CalendarDifference": "foiclock.deadline",
    "Deadline": "foiclock.deadline",
    "case_deadline": "foiclock.deadline",
    "response_deadline": "foiclock.deadline",
    "Step": "foiclock.steps",
    "ListedHoliday": "foiclock.engine",
    "add_working_days": "foiclock.engine",
    "bank_holidays": "foiclock.engine",
    "working_days_between": "foiclock.engine",
    "InvalidInput": "foiclock.errors",
    "localise": "foiclock.i18n",
    "using_language": "foiclock.i18n",
    "REGIMES": "foiclock.regimes",
    "Milestone": "foiclock.timeline",
    "Timeline": "foiclock.timeline",
    "case_timeline": "foiclock.timeline",
    "requester_windows": "foiclock.timeline",
    "timeline_from_events": "foiclock.timeline",
    "response_deadlines": "foiclock.vectorised",
}

__all__ = [
    "REGIMES",
    "CalendarDifference",
    "Case",
    "DayRange",
    "Deadline",
    "Holiday",
    "InvalidInput",
    "ListedHoliday",
    "Milestone",
    "RowAnswer",
    "Step",
    "Timeline",
    "__version__",
    "add_working_days",
    "answer_row",
    "bank_holidays",
    "case_deadline",
    "case_timeline",
    "format_long",
    "load_case",
    "localise",
    "make_case",
    "parse_date",
    "requester_windows",
    "response_deadline",
    "response_deadlines",
    "timeline_from_events",
    "using_language",
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
