"""Reading dates people type and writing dates people read.

Input: ISO 8601 (2025-08-19), UK day-first numbers (19/08/2025, 19-08-2025, 19.08.2025), UK words
(19 August 2025, 19 Aug 2025, Tuesday 19 August 2025) and `today`. Never month-first, never a
two-digit year, never a guess. Output: "Wednesday 17 September 2025" for people, ISO for machines.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import (
    ENGLISH,
    MONTH_NAMES,
    WEEKDAY_NAMES,
    M,
    date_words,
    in_language,
    long_date,
)

FIRST_YEAR: Final = 2000
LAST_YEAR: Final = 2100

ACCEPTED_FORMS: Final = M(
    "YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, D Month YYYY (19 August 2025, 19 Aug 2025) or today"
)

_MONTH_BY_WORD: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}
_WEEKDAY_BY_WORD: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)},
    **{name[:3].lower(): number for number, name in enumerate(WEEKDAY_NAMES)},
}

_ISO: Final = r"(\d{4})-(\d{2})-(\d{2})"
_DAY_FIRST_NUMBERS: Final = r"(\d{1,2})([/.-])(\d{1,2})\2(\d+)"
_DAY_FIRST_WORDS: Final = r"(?:([a-z]+),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d+)"


def parse_date(text: str, field: str = "date", today: date | None = None) -> date:
    """Read a date typed by a person; raise InvalidInput naming `field` if it is not one.
    `today` (a date; default: the clock's today) is what the text `today` means."""
    if not isinstance(text, str):
        raise InvalidInput(field, text, M("is not text"), ACCEPTED_FORMS)
    value = text.strip()
    if value.lower() == "today":
        return _in_supported_years(day_or_today(today), field, text)
    if match := re.fullmatch(_ISO, value, re.ASCII):
        year, month, day = (int(part) for part in match.groups())
        return _build(year, month, day, field, text)
    if match := re.fullmatch(_DAY_FIRST_NUMBERS, value, re.ASCII):
        day_text, _separator, month_text, year_text = match.groups()
        _require_four_digit_year(year_text, field, text)
        month = int(month_text)
        if not 1 <= month <= 12:
            raise InvalidInput(
                field,
                text,
                M(
                    "has no month {month} (dates are read day first, never month first)",
                    month=month,
                ),
                ACCEPTED_FORMS,
            )
        return _build(int(year_text), month, int(day_text), field, text)
    if match := re.fullmatch(_DAY_FIRST_WORDS, value, re.ASCII | re.IGNORECASE):
        weekday_word, day_text, month_word, year_text = match.groups()
        month_number = _MONTH_BY_WORD.get(month_word.lower())
        if month_number is None:
            raise InvalidInput(
                field, text, M("has no month called {word}", word=repr(month_word)), ACCEPTED_FORMS
            )
        _require_four_digit_year(year_text, field, text)
        parsed = _build(int(year_text), month_number, int(day_text), field, text)
        if weekday_word is not None:
            _check_weekday(weekday_word, parsed, field, text)
        return parsed
    raise InvalidInput(field, text, M("is not a date foiclock reads"), ACCEPTED_FORMS)


def _require_four_digit_year(year_text: str, field: str, text: str) -> None:
    if len(year_text) != 4:
        raise InvalidInput(field, text, M("needs a four-digit year"), ACCEPTED_FORMS)


def _check_weekday(weekday_word: str, parsed: date, field: str, text: str) -> None:
    weekday = _WEEKDAY_BY_WORD.get(weekday_word.lower())
    if weekday is None:
        raise InvalidInput(
            field, text, M("has no weekday called {word}", word=repr(weekday_word)), ACCEPTED_FORMS
        )
    if weekday != parsed.weekday():
        raise InvalidInput(
            field, text, M("names the wrong weekday: {date}", date=parsed), ACCEPTED_FORMS
        )


def _build(year: int, month: int, day: int, field: str, text: str) -> date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _outside_supported_years(field, text)
    if not 1 <= month <= 12:
        raise InvalidInput(field, text, M("has no month {month}", month=month), ACCEPTED_FORMS)
    try:
        built = date(year, month, day)
    except ValueError:
        with in_language(ENGLISH):  # the English text names the month in English
            problem = M(
                "is not a real date ({month} {year} has no day {day})",
                month=_MonthName(month),
                year=year,
                day=day,
            )
        raise InvalidInput(field, text, problem, ACCEPTED_FORMS) from None
    return _in_supported_years(built, field, text)


#: What a library argument that is a date may be (`as_date`).
DATE_VALUES: Final = M("a date, or a datetime at midnight")
_MIDNIGHT: Final = time()


def as_date(value: object, field: str) -> date:
    """A date given to the library as a `date`, or as a `datetime` at exactly midnight (what
    pandas and numpy give for a date column) taken as that date; a datetime with a time zone is
    read in UK time first (midnight in Sydney is the afternoon before in London). Anything else
    (text, a number, None, a numpy datetime64, a datetime with a time of day) is InvalidInput
    naming `field`: a calendar day is what every rule counts (C-RECEIPT)."""
    if type(value) is date:
        return value
    if isinstance(value, datetime) and value.utcoffset() is not None:
        from zoneinfo import ZoneInfo

        value = value.astimezone(ZoneInfo("Europe/London"))
    if isinstance(value, datetime) and value.time() == _MIDNIGHT:
        return date(value.year, value.month, value.day)
    if isinstance(value, datetime | time):
        problem = M("is a date and time; the date of receipt is a calendar day (C-RECEIPT)")
        raise InvalidInput(field, str(value), problem, DATE_VALUES)
    if isinstance(value, date):  # a subclass of date (freezegun's, pendulum's): the plain date
        return date(value.year, value.month, value.day)
    raise InvalidInput(field, value, M("is not a date"), DATE_VALUES)


def day_or_today(value: object, field: str = "today") -> date:
    """`as_date(value)`, or the clock's today when `value` is None."""
    return date.today() if value is None else as_date(value, field)


def check_supported(day: date, field: str = "date") -> date:
    """`day` if it lies in the years foiclock supports, else InvalidInput naming `field`."""
    return _in_supported_years(day, field, day.isoformat())


def _in_supported_years(day: date, field: str, text: str) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise _outside_supported_years(field, text)
    return day


def _outside_supported_years(field: str, text: str) -> InvalidInput:
    return InvalidInput(
        field,
        text,
        M(
            "is outside the years foiclock supports ({first} to {last})",
            first=FIRST_YEAR,
            last=LAST_YEAR,
        ),
        M("a date from 1 January {first} to 31 December {last}", first=FIRST_YEAR, last=LAST_YEAR),
    )


class _MonthName:
    """A month's name in a message: written in the language in use when the message is
    (`foiclock.base.i18n.localise` writes a value that is not text or a date with `str`)."""

    __slots__ = ("month",)

    def __init__(self, month: int) -> None:
        self.month = month

    def __reduce__(self) -> tuple[type[_MonthName], tuple[int]]:
        return (type(self), (self.month,))

    def __str__(self) -> str:
        return date_words().months[self.month - 1]


def format_long(day: date) -> str:
    """'Wednesday 17 September 2025' (Welsh: 'Dydd Mercher 17 Medi 2025'): the form shown to
    people, in the language in use."""
    if type(day) is not date:
        day = as_date(day, "day")
    return long_date(day)


def format_short(day: date) -> str:
    """'Wed 17 Sep 2025' (Welsh: 'Mer 17 Medi 2025'): the form used in lists of days."""
    words = date_words()
    weekday, month = words.short_weekdays[day.weekday()], words.short_months[day.month - 1]
    return f"{weekday} {day.day:>2} {month} {day.year}"


def short_date_width() -> int:
    """The width of the longest short date in the language in use (English 15, Welsh 18)."""
    words = date_words()
    return max(map(len, words.short_weekdays)) + max(map(len, words.short_months)) + 9


def short_date_column(day: date) -> str:
    """`format_short(day)` padded to `short_date_width()`, so that what follows it lines up."""
    return format_short(day).ljust(short_date_width())


def month_heading(day: date) -> str:
    """'September 2025' (Welsh: 'Medi 2025'): a month grid's heading."""
    return f"{date_words().months[day.month - 1]} {day.year}"


def weekday_short_names() -> tuple[str, ...]:
    """'Mon' to 'Sun' (Welsh: 'Llun' to 'Sul'): a month grid's column heads."""
    return date_words().short_weekdays
