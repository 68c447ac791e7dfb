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
    from foiclock.base.dates import format_long, parse_date
    from foiclock.base.errors import InvalidInput
    from foiclock.base.i18n import localise
    from foiclock.base.languages import using_language
    from foiclock.batch.rows import RowAnswer, answer_row
    from foiclock.batch.vectorised import response_deadlines
    from foiclock.calendar.calendars import Holiday
    from foiclock.calendar.working_days import (
        ListedHoliday,
        add_working_days,
        bank_holidays,
        forget_calendars,
        refresh_holiday_data,
        working_days_between,
    )
    from foiclock.clock.case import Case, DayRange, make_case
    from foiclock.clock.case_file import load_case
    from foiclock.clock.deadline import (
        CalendarDifference,
        Deadline,
        case_deadline,
        response_deadline,
    )
    from foiclock.clock.status import CaseStatus, case_status
    from foiclock.clock.steps import Step
    from foiclock.clock.timeline import (
        Milestone,
        Timeline,
        case_timeline,
        requester_windows,
        timeline_from_events,
    )
    from foiclock.law.regimes import REGIMES
    from foiclock.present.letters import Letter, next_steps

_EXPORTED_FROM = {
    "RowAnswer": "foiclock.batch.rows",
    "answer_row": "foiclock.batch.rows",
    "Holiday": "foiclock.calendar.calendars",
    "format_long": "foiclock.base.dates",
    "parse_date": "foiclock.base.dates",
    "Case": "foiclock.clock.case",
    "DayRange": "foiclock.clock.case",
    "make_case": "foiclock.clock.case",
    "load_case": "foiclock.clock.case_file",
    "CalendarDifference": "foiclock.clock.deadline",
    "Deadline": "foiclock.clock.deadline",
    "case_deadline": "foiclock.clock.deadline",
    "response_deadline": "foiclock.clock.deadline",
    "Step": "foiclock.clock.steps",
    "ListedHoliday": "foiclock.calendar.working_days",
    "add_working_days": "foiclock.calendar.working_days",
    "bank_holidays": "foiclock.calendar.working_days",
    "working_days_between": "foiclock.calendar.working_days",
    "forget_calendars": "foiclock.calendar.working_days",
    "refresh_holiday_data": "foiclock.calendar.working_days",
    "CaseStatus": "foiclock.clock.status",
    "case_status": "foiclock.clock.status",
    "Letter": "foiclock.present.letters",
    "next_steps": "foiclock.present.letters",
    "InvalidInput": "foiclock.base.errors",
    "localise": "foiclock.base.i18n",
    "using_language": "foiclock.base.languages",
    "REGIMES": "foiclock.law.regimes",
    "Milestone": "foiclock.clock.timeline",
    "Timeline": "foiclock.clock.timeline",
    "case_timeline": "foiclock.clock.timeline",
    "requester_windows": "foiclock.clock.timeline",
    "timeline_from_events": "foiclock.clock.timeline",
    "response_deadlines": "foiclock.batch.vectorised",
}

__all__ = [
    "REGIMES",
    "CalendarDifference",
    "Case",
    "CaseStatus",
    "DayRange",
    "Deadline",
    "Holiday",
    "InvalidInput",
    "Letter",
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
    "case_status",
    "case_timeline",
    "forget_calendars",
    "format_long",
    "load_case",
    "localise",
    "make_case",
    "next_steps",
    "parse_date",
    "refresh_holiday_data",
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
