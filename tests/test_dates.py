"""Reading dates: ISO and UK day-first only; never month-first, never a guess."""

from __future__ import annotations

from datetime import date

import pytest

from foiclock import InvalidInput, format_long, parse_date

ACCEPTED = "YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, D Month YYYY"


@pytest.mark.parametrize(
    "text",
    [
        "2025-08-19", "19/08/2025", "19-08-2025", "19.08.2025", "19/8/2025", "19 August 2025",
        "19 Aug 2025", "19 aug 2025", "19th August 2025", "Tuesday 19 August 2025",
        "Tue 19 Aug 2025", " 2025-08-19 ",
    ],
)  # fmt: skip
def test_accepted_forms(text: str) -> None:
    assert parse_date(text) == date(2025, 8, 19)


def test_sept_and_day_first_single_digits() -> None:
    assert parse_date("1 Sept 2025") == date(2025, 9, 1)
    assert parse_date("1/9/2025") == date(2025, 9, 1)  # 1 September, never 9 January


def test_today_uses_the_given_day() -> None:
    assert parse_date("today", today=date(2025, 8, 19)) == date(2025, 8, 19)
    assert parse_date("TODAY", today=date(2025, 8, 19)) == date(2025, 8, 19)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2025-02-30", "is not a real date (February 2025 has no day 30)"),
        ("29/02/2025", "is not a real date (February 2025 has no day 29)"),
        ("08/19/2025", "has no month 19 (dates are read day first, never month first)"),
        ("next week", "is not a date foiclock reads"),
        ("19/08/25", "needs a four-digit year"),
        ("19 Agust 2025", "has no month called 'Agust'"),
        ("Monday 19 August 2025", "names the wrong weekday: Tuesday 19 August 2025"),
        ("2025/08/19", "is not a date foiclock reads"),
        ("1999-12-31", "is outside the years foiclock supports (2000 to 2100)"),
        ("01/01/2101", "is outside the years foiclock supports (2000 to 2100)"),
        ("", "is not a date foiclock reads"),
    ],
)
def test_rejected_with_field_value_and_accepted_forms(text: str, problem: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, "received")
    message = str(caught.value)
    assert message.startswith(f"received: {text!r} {problem}")
    assert "\n" not in message
    assert "accepted: " in message


def test_format_long_is_uk_style() -> None:
    assert format_long(date(2025, 9, 17)) == "Wednesday 17 September 2025"
