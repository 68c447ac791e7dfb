"""The law as corrected on 2026-12-01 (issue "The law as settled"): known answers from
../shared/rules.md examples 36 onwards, each counted by hand in its comment."""

from __future__ import annotations

from datetime import date

import pytest

from foiclock import bank_holidays, response_deadline
from foiclock.calendar.table import PACKAGE_CORRECTIONS


@pytest.mark.parametrize("regime", ["foia", "foisa"])
def test_example_36_st_andrews_day_2006_was_not_a_bank_holiday(regime: str) -> None:
    """rules.md example 36 (WD-STANDREW): received Fri 10 Nov 2006. Working days: 13-17 Nov
    (1-5), 20-24 (6-10), 27, 28, 29 (11-13), Thu 30 Nov (14: not yet a bank holiday), Fri 1 Dec
    (15), 4-8 Dec (16-20): Fri 8 Dec 2006. The package's St Andrew's Day gave Mon 11 Dec."""
    assert response_deadline(date(2006, 11, 10), regime).due == date(2006, 12, 8)


@pytest.mark.parametrize("regime", ["foia", "foisa"])
def test_example_37_a_request_received_the_day_before(regime: str) -> None:
    """rules.md example 37: received Wed 29 Nov 2006. Thu 30 Nov (1), Fri 1 Dec (2), 4-8 (3-7),
    11-15 (8-12), 18-22 (13-17), 25 and 26 Dec skipped (Christmas, Boxing Day), 27, 28, 29
    (18-20): Fri 29 Dec 2006 (the package gave Wed 3 Jan 2007)."""
    assert response_deadline(date(2006, 11, 29), regime).due == date(2006, 12, 29)


def test_example_38_no_4_january_2010_in_scotland() -> None:
    """rules.md example 38 (WD-PRE2012): FOISA, received Mon 7 Dec 2009. 8-11 Dec (1-4), 14-18
    (5-9), 21-24 (10-13), Fri 25 and Mon 28 Dec skipped (Christmas Day; Boxing Day substitute),
    29, 30, 31 (14-16), Fri 1 Jan 2010 skipped (New Year's Day), Sat 2 Jan's substitute was not
    proclaimed, so Mon 4 Jan (17), 5, 6, 7 (18-20): Thu 7 Jan 2010 (package: Fri 8 Jan)."""
    assert response_deadline(date(2009, 12, 7), "foisa").due == date(2010, 1, 7)


def test_example_39_no_4_january_2011_in_scotland() -> None:
    """rules.md example 39 (WD-PRE2012): FOIA, received Mon 6 Dec 2010. 7-10 Dec (1-4), 13-17
    (5-9), 20-24 (10-14), Mon 27 and Tue 28 Dec skipped (Christmas and Boxing Day substitutes),
    29, 30, 31 (15-17), Mon 3 Jan 2011 skipped (New Year substitute), Tue 4 Jan (18: not
    proclaimed in Scotland), 5, 6 (19, 20): Thu 6 Jan 2011 (package: Fri 7 Jan)."""
    assert response_deadline(date(2010, 12, 6), "foia").due == date(2011, 1, 6)


def test_4_january_2005_stays_a_scottish_bank_holiday() -> None:
    """WD-PRE2012: 4 January 2005 was proclaimed in Scotland (keep it)."""
    listed = {entry.day for entry in bank_holidays([2005], nation="scotland").days}
    assert date(2005, 1, 4) in listed
    assert date(2006, 11, 30) not in {e.day for e in bank_holidays([2006], regime="foisa").days}
    assert date(2007, 11, 30) in {e.day for e in bank_holidays([2007], regime="foisa").days}


def test_every_package_correction_cites_its_rule_and_source() -> None:
    assert {c.rule for c in PACKAGE_CORRECTIONS} == {"WD-STANDREW", "WD-PRE2012"}
    assert all(c.source and c.day.year < 2012 for c in PACKAGE_CORRECTIONS)


@pytest.mark.parametrize(
    ("received", "notice", "pay_by"),
    [
        # rules.md example 40: the day before 31 Mar is 30 Mar; three months after it, 30 Jun.
        (date(2026, 3, 16), date(2026, 3, 31), date(2026, 6, 30)),
        # 30 Nov 2027: the day before is 29 Nov; three months after it, 29 Feb 2028 (leap year).
        (date(2027, 11, 22), date(2027, 11, 30), date(2028, 2, 29)),
        # rules.md C-BEGINNING-WITH: 30 Nov 2025 and 29 Nov 2025 -> 28 Feb 2026; 5 Sep -> 4 Dec.
        (date(2025, 11, 24), date(2025, 11, 30), date(2026, 2, 28)),
        (date(2025, 11, 24), date(2025, 11, 29), date(2026, 2, 28)),
        (date(2025, 9, 1), date(2025, 9, 5), date(2025, 12, 4)),
    ],
)
def test_example_40_three_months_beginning_with_a_month_end(
    received: date, notice: date, pay_by: date
) -> None:
    """C-BEGINNING-WITH at month ends, leap years included (FOIA-FEES: three months to pay)."""
    deadline = response_deadline(received, "foia", fees_notice=notice)
    assert deadline.fees is not None
    assert deadline.fees.pay_by == pay_by


# --- WD-PRE2012: counted by rule, not checked against GOV.UK ------------------------------------


def _cli(*words: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from foiclock.cli import app

    result = CliRunner().invoke(app, list(words))
    return result.exit_code, result.stdout, result.stderr


def test_an_answer_before_2012_says_it_was_counted_by_rule() -> None:
    """Example 39's count (Dec 2010 to Jan 2011) lies wholly before GOV.UK's data (2012 on)."""
    import json

    code, out, err = _cli("due", "2010-12-06", "--json")
    data = json.loads(out)
    assert (code, data["due"], data["provisional"], data["holidays_checked"]) == (
        0,
        "2011-01-06",
        False,
        False,
    )
    assert "counted by rule, not checked against GOV.UK (WD-PRE2012)" in err
    code, out, err = _cli("due", "2010-12-06")
    assert "Thursday 6 January 2011" in out
    assert "WD-PRE2012" in err


@pytest.mark.parametrize(
    ("words", "checked"),
    [
        (("due", "2025-08-19", "--json"), True),  # example 1: all of it in GOV.UK's data
        (("due", "2011-12-05", "--json"), False),  # starts in 2011, ends in January 2012
        (("due", "2012-01-03", "--json"), True),  # from 2012 on
        (("due", "2030-03-01", "--json"), False),  # provisional: past 2028
        (("add", "2012-01-10", "-10", "--json"), False),  # counts back into 2011
        (("add", "2012-01-20", "-10", "--json"), True),  # 10 WD back stays in January 2012
        (("count", "2011-12-30", "2012-02-01", "--json"), False),
        (("holidays", "2011", "--json"), False),
        (("holidays", "2012", "2013", "--json"), True),
        (("timeline", "2010-12-06", "--today", "2011-01-01", "--json"), False),
        (("status", "2010-12-06", "--today", "2011-01-01", "--json"), False),
        (("status", "2025-08-19", "--today", "2025-09-01", "--json"), True),
    ],
)
def test_every_json_result_says_whether_its_holidays_were_checked(
    words: tuple[str, ...], checked: bool
) -> None:
    import json

    code, out, _ = _cli(*words)
    assert code in (0, 1), out
    data = json.loads(out)
    assert data["holidays_checked"] is checked
    if checked:
        assert data["provisional"] is False


def test_batch_has_a_holidays_checked_column() -> None:
    from foiclock import answer_row

    assert answer_row({"received": "2010-12-06"}, date(2011, 1, 1)).holidays_checked is False
    assert answer_row({"received": "2025-08-19"}, date(2025, 9, 1)).holidays_checked is True
    # the clock path (a fees notice) too
    row = answer_row({"received": "2010-12-06", "fees_notice": "2010-12-08"}, date(2011, 1, 1))
    assert (row.status, row.holidays_checked) == ("awaiting_fee", False)


def test_cy_names_holiday_names_as_govuk_prints_them_in_welsh() -> None:
    """rules.md CY-NAMES: Dydd Calan, 2il o Ionawr, Gwener y Groglith, Llun y Pasg, Gŵyl banc
    dechrau Mai, Gŵyl banc y gwanwyn, Gŵyl banc yr haf, Gŵyl Andreas, Gŵyl Sant Padrig,
    Dydd Nadolig, Dydd San Steffan; substitute days "(diwrnod amgen)". 2026 has each of them;
    Boxing Day is a Saturday, so Monday 28 December is its substitute."""
    code, out, _ = _cli("holidays", "2026", "--lang", "cy")
    assert code == 0
    for line in (
        "Iau  1 Ion 2026     Dydd Calan (",
        "Gwen  2 Ion 2026    2il o Ionawr (yr Alban)",
        "Maw 17 Maw 2026     Gŵyl Sant Padrig (Gogledd Iwerddon)",
        "Gwen  3 Ebr 2026    Gwener y Groglith (",
        "Llun  6 Ebr 2026    Llun y Pasg (",
        "Llun  4 Mai 2026    Gŵyl banc dechrau Mai (",
        "Llun 25 Mai 2026    Gŵyl banc y gwanwyn (",
        "Llun 31 Awst 2026   Gŵyl banc yr haf (",
        "Llun 30 Tach 2026   Gŵyl Andreas (yr Alban)",
        "Gwen 25 Rhag 2026   Dydd Nadolig (",
        "Llun 28 Rhag 2026   Dydd San Steffan (diwrnod amgen) (",
    ):
        assert line in out, line
