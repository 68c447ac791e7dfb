"""Calendar-month arithmetic, from dateutil's `relativedelta` (it clamps to the month's end), never
by hand. Imported only by the paths that count months (SAR, fees deadlines), so a plain FOIA
lookup does not load dateutil.

rules.md `C-MONTH`: the "corresponding date" is the same day-of-month N months on, or that month's
last day when it has no such day. `C-BEGINNING-WITH`: a period of N months beginning with D ends
the day before the corresponding date (or on the month's last day when there is none).
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta


def corresponding_date(day: date, months: int) -> date:
    """The same day-of-month `months` later, clamped to that month's last day (`C-MONTH`)."""
    result: date = day + relativedelta(months=months)
    return result


def last_day_beginning_with(day: date, months: int) -> date:
    """The last day of a period of `months` months beginning with `day` (`C-BEGINNING-WITH`):
    the day before the corresponding date; when that month has no corresponding date, the
    corresponding-date rule of Dodds v Walker [1981] 1 WLR 1027 (HL) applied to the day before
    `day`, which falls back to the month's last day: 31 March 2026 -> 30 June 2026, not 29 June;
    30 November 2025 -> 28 February 2026; 30 November 2027 -> 29 February 2028 (rules.md
    example 40). For a day whose corresponding date exists (1 May -> 31 July) rules.md's "three
    months after D-1" would read 30 April -> 30 July; it scopes that reading to month ends, so
    the day before the corresponding date stands there."""
    corresponding = corresponding_date(day, months)
    if corresponding.day != day.day:  # clamped: the month has no such day
        return corresponding
    return corresponding - timedelta(days=1)
