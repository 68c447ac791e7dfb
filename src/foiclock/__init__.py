"""foiclock: UK information-rights deadlines from the statute's own working-day rules.

    >>> from datetime import date
    >>> from foiclock import response_deadline
    >>> response_deadline(date(2025, 8, 19)).due
    datetime.date(2025, 9, 17)
"""

from foiclock._version import __version__
from foiclock.calendar import Holiday
from foiclock.dates import format_long, parse_date
from foiclock.engine import (
    CalendarDifference,
    Deadline,
    Step,
    add_working_days,
    response_deadline,
    working_days_between,
)
from foiclock.errors import InvalidInput
from foiclock.regimes import REGIMES

__all__ = [
    "REGIMES",
    "CalendarDifference",
    "Deadline",
    "Holiday",
    "InvalidInput",
    "Step",
    "__version__",
    "add_working_days",
    "format_long",
    "parse_date",
    "response_deadline",
    "working_days_between",
]
