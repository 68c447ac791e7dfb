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
    the day before the corresponding date; when that month has no corresponding date (a notice
    on 31 March, three months: there is no 31 June), the month's last day, 30 June. rules.md is
    silent on that case; this is the corresponding-date rule's own fallback to the month's end
    (Dodds v Walker [1981] 1 WLR 1441), not the day before the clamped date (29 June)."""
    corresponding = corresponding_date(day, months)
    if corresponding.day != day.day:  # clamped: the month has no such day
        return corresponding
    return corresponding - timedelta(days=1)
