"""Reporting periods: `--period` as a calendar quarter (`2025-Q3`), a month (`2025-07`), a year
(`2025`) or a financial year (`FY2025`: 1 April 2025 to 31 March 2026), or `--from`/`--to`; and
the months and quarters a period splits into (`--by month|quarter`). Both ends are included."""

import re
from datetime import date, timedelta
from typing import Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple

_QUARTER: Final = re.compile(r"(\d{4})-?Q([1-4])", re.IGNORECASE)
_MONTH: Final = re.compile(r"(\d{4})-(\d{2})")
_YEAR: Final = re.compile(r"(\d{4})")
_FINANCIAL_YEAR: Final = re.compile(r"FY(\d{4})", re.IGNORECASE)
PERIOD_FORMS: Final = M(
    "YYYY-QN (a calendar quarter), YYYY-MM, YYYY or FYYYYY (1 April to 31 March)"
)


class Period(NamedTuple):
    """The days from `first` to `last`, both included, and the name it was given."""

    first: date
    last: date
    name: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def parse_period(text: str, field: str = "--period") -> Period:
    """A `--period` value; InvalidInput naming it otherwise."""
    try:
        return _parsed(text, field)
    except (ValueError, OverflowError):  # a year date() cannot hold (0000, or past 9999)
        raise InvalidInput(field, text, M("is not a period"), PERIOD_FORMS) from None


def _parsed(text: str, field: str) -> Period:
    cleaned = text.strip()
    if found := _QUARTER.fullmatch(cleaned):
        year, quarter = int(found[1]), int(found[2])
        first = date(year, 3 * quarter - 2, 1)
        return Period(first, _month_end(date(year, 3 * quarter, 1)), f"{year}-Q{quarter}")
    if found := _FINANCIAL_YEAR.fullmatch(cleaned):
        year = int(found[1])
        return Period(date(year, 4, 1), date(year + 1, 3, 31), f"FY{year}")
    if found := _MONTH.fullmatch(cleaned):
        year, month = int(found[1]), int(found[2])
        if 1 <= month <= 12:
            first = date(year, month, 1)
            return Period(first, _month_end(first), cleaned)
    elif (found := _YEAR.fullmatch(cleaned)) and int(found[1]) >= 1:
        year = int(found[1])
        return Period(date(year, 1, 1), date(year, 12, 31), cleaned)
    raise InvalidInput(field, text, M("is not a period"), PERIOD_FORMS)


def period_between(first: date, last: date) -> Period:
    """`--from FIRST --to LAST`."""
    if last < first:
        raise InvalidInput(
            "--to",
            last.isoformat(),
            M("is before --from ({date})", date=first.isoformat()),
            M("a last day on or after the first"),
        )
    return Period(first, last, f"{first.isoformat()}/{last.isoformat()}")


def previous_quarter(today: date) -> Period:
    """The calendar quarter before the one `today` is in: the default period, the last full
    quarter a return covers."""
    quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    day_before = quarter_start - timedelta(days=1)
    return parse_period(f"{day_before.year}-Q{(day_before.month - 1) // 3 + 1}")


def months_of(period: Period) -> list[Period]:
    """The calendar months `period` touches, each cut to the period."""
    return _split(period, 1)


def quarters_of(period: Period) -> list[Period]:
    """The calendar quarters `period` touches, each cut to the period."""
    return _split(period, 3)


def month_key(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def _split(period: Period, months: int) -> list[Period]:
    parts = []
    start = date(period.first.year, (period.first.month - 1) // months * months + 1, 1)
    while start <= period.last:
        end = _month_end(_add_months(start, months - 1))
        quarter = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
        name = month_key(start) if months == 1 else quarter
        parts.append(Period(max(start, period.first), min(end, period.last), name))
        start = _add_months(start, months)
    return parts


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_end(first_of_month: date) -> date:
    return _add_months(first_of_month.replace(day=1), 1) - timedelta(days=1)


def chosen_period(period: str | None, first: str | None, last: str | None, today: date) -> Period:
    """The period of `--period`, or of `--from` and `--to` (both needed), else the quarter
    before `today`'s (`previous_quarter`)."""
    from foiclock.base.dates import parse_date

    if period is not None:
        if first is not None or last is not None:
            raise InvalidInput(
                "--period", period, M("is given with --from or --to"), M("one or the other")
            )
        return parse_period(period)
    if first is None and last is None:
        return previous_quarter(today)
    if first is None or last is None:
        missing = "--from" if first is None else "--to"
        raise InvalidInput(missing, None, M("is missing"), M("--from DATE with --to DATE"))
    return period_between(parse_date(first, "--from", today), parse_date(last, "--to", today))
