"""Known answers from ../shared/rules.md section 8 (examples 1-10), each citing its number."""

from __future__ import annotations

from datetime import date

import pytest

from foiclock import response_deadline


@pytest.mark.parametrize(
    ("example", "received", "regime", "due"),
    [
        (1, date(2025, 8, 19), "foia", date(2025, 9, 17)),  # FOIA-RESP: 25 Aug skipped
        (2, date(2025, 8, 19), "foisa", date(2025, 9, 16)),  # FOISA-RESP: 25 Aug works in SCT
        (3, date(2014, 3, 16), "foia", date(2014, 4, 14)),  # C-RECEIPT: a Sunday receipt
        (4, date(2021, 5, 1), "foia", date(2021, 6, 1)),  # MoJ case tool tests
        (5, date(2021, 7, 3), "foia", date(2021, 8, 3)),  # 12 Jul (NI), 2 Aug (SCT) skipped
        (6, date(2023, 11, 27), "foia", date(2023, 12, 28)),  # St Andrew's Day skipped
        (7, date(2014, 12, 1), "foia", date(2014, 12, 31)),  # C-RECEIPT default reading
        (8, date(2026, 3, 6), "foia", date(2026, 4, 8)),
        (8, date(2026, 3, 6), "foisa", date(2026, 4, 6)),  # Easter Monday works in SCT
        (9, date(2026, 6, 1), "foia", date(2026, 6, 30)),  # Scotland's 15 Jun 2026 counts
        (10, date(2024, 7, 5), "foia", date(2024, 8, 6)),  # Boyne 12 Jul, SCT 5 Aug skipped
    ],
)
def test_rules_md_example(example: int, received: date, regime: str, due: date) -> None:
    deadline = response_deadline(received, regime)
    assert deadline.due == due, f"rules.md example {example}"
    assert deadline.working_days == 20
    assert not deadline.provisional


def test_example_7_next_working_day_reading() -> None:
    """rules.md example 7, C-RECEIPT-ALT: Mon 1 Dec 2014 is a Scottish holiday, so Tue 2 Dec is
    treated as the date of receipt and the count ends Mon 5 Jan 2015 (1 and 2 Jan are holidays,
    3-4 Jan a weekend)."""
    alternative = response_deadline(date(2014, 12, 1), receipt_rule="next-working-day")
    assert alternative.counting_from == date(2014, 12, 2)
    assert alternative.due == date(2015, 1, 5)
    assert alternative.alternative is not None
    assert alternative.alternative.due == date(2014, 12, 31)
    default = response_deadline(date(2014, 12, 1))
    assert default.alternative is not None
    assert default.alternative.due == date(2015, 1, 5)


def test_example_5_own_nation_count_differs() -> None:
    """rules.md example 5: an England-and-Wales-only count wrongly gives Fri 30 Jul 2021; the
    difference is NI's 12 Jul and Scotland's 2 Aug."""
    deadline = response_deadline(date(2021, 7, 3), nation="england-and-wales")
    assert deadline.nation_due == date(2021, 7, 30)
    differences = {(d.day, d.non_working_under) for d in deadline.nation_differences}
    assert differences == {(date(2021, 7, 12), "statute"), (date(2021, 8, 2), "statute")}
    assert deadline.nation_differences[0].holidays[0].divisions == ("northern-ireland",)
    assert deadline.nation_differences[1].holidays[0].divisions == ("scotland",)


def test_example_10_wales_only_count() -> None:
    """rules.md example 10: a Wales-only count gives Fri 2 Aug 2024."""
    assert response_deadline(date(2024, 7, 5)).nation_due == date(2024, 8, 2)


def test_example_1_steps_counted_by_hand() -> None:
    """rules.md example 1, counted by hand: received Tue 19 Aug 2025; day 1 Wed 20 Aug; 20-22 Aug
    are days 1-3; 23-24 weekend; Mon 25 Aug Summer bank holiday (E&W, NI) skipped; 26-29 Aug days
    4-7; 1-5 Sep days 8-12; 8-12 Sep days 13-17; 15-17 Sep days 18-20."""
    deadline = response_deadline(date(2025, 8, 19))
    steps = deadline.steps
    assert steps[0].kind == "received"
    assert steps[0].day == date(2025, 8, 19)
    assert steps[0].rule == "C-RECEIPT"
    assert deadline.day_one == date(2025, 8, 20)
    counted = [s.day for s in steps if s.kind == "counted"]
    assert [s.working_day for s in steps if s.kind == "counted"] == list(range(1, 21))
    assert counted[:3] == [date(2025, 8, 20), date(2025, 8, 21), date(2025, 8, 22)]
    assert counted[3] == date(2025, 8, 26)
    assert counted[-1] == date(2025, 9, 17)
    skipped = {s.day: s for s in steps if s.kind == "skipped"}
    assert sorted(skipped) == [
        date(2025, 8, 23), date(2025, 8, 24), date(2025, 8, 25), date(2025, 8, 30),
        date(2025, 8, 31), date(2025, 9, 6), date(2025, 9, 7), date(2025, 9, 13),
        date(2025, 9, 14),
    ]  # fmt: skip
    bank_holiday = skipped[date(2025, 8, 25)]
    assert bank_holiday.rule == "WD-UK"
    assert [h.divisions for h in bank_holiday.holidays] == [
        ("england-and-wales", "northern-ireland")
    ]
    assert skipped[date(2025, 8, 23)].reason == "weekend"
    assert steps[-1].rule == "FOIA-RESP"


def test_example_2_foisa_counts_25_august() -> None:
    """rules.md example 2: under FOISA (WD-SCOT) Mon 25 Aug 2025 is working day 4."""
    steps = response_deadline(date(2025, 8, 19), "foisa").steps
    day_25 = next(s for s in steps if s.day == date(2025, 8, 25))
    assert (day_25.kind, day_25.working_day) == ("counted", 4)


def test_example_7_own_nation_count_under_next_working_day_reading() -> None:
    """rules.md example 7 under C-RECEIPT-ALT, on England and Wales's own calendar. Counted by
    hand: Mon 1 Dec 2014 is a working day there, so it stays the date of receipt; 2-5 Dec are
    days 1-4, 8-12 Dec 5-9, 15-19 Dec 10-14, 22-24 Dec 15-17, 25-26 Dec holidays, 29-31 Dec
    18-20: Wed 31 Dec 2014. 1 Dec (Scotland) is one of the days that make the difference."""
    deadline = response_deadline(date(2014, 12, 1), receipt_rule="next-working-day")
    assert deadline.due == date(2015, 1, 5)
    assert deadline.nation_due == date(2014, 12, 31)
    differing = [d.day for d in deadline.nation_differences]
    assert differing == [date(2014, 12, 1), date(2015, 1, 2)]
