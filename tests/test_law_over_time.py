"""The law in force on the day of receipt (../shared/rules-over-time.md): known answers T1-T13,
each counted by hand in its comment."""

from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from foiclock import InvalidInput, answer_row, response_deadline, response_deadlines
from foiclock.cli import app


@pytest.mark.parametrize(
    ("regime", "rule"),
    [
        ("foia", "T-FOIA-START"),
        ("eir", "T-EIR-START"),
        ("foisa", "T-FOISA-START"),
        ("eisr", "T-EISR-START"),
    ],
)
def test_t1_no_deadline_before_commencement(regime: str, rule: str) -> None:
    """T1: a request received on Fri 31 Dec 2004 had no FOIA (EIR, FOISA, EISR) deadline: the
    rights came into force on 1 January 2005. A clear error naming the commencement, exit 2."""
    with pytest.raises(InvalidInput) as caught:
        response_deadline(date(2004, 12, 31), regime)
    assert caught.value.field == "received"
    assert rule in str(caught.value) and "1 January 2005" in str(caught.value)
    result = CliRunner().invoke(app, ["due", "2004-12-31", "--regime", regime])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert rule in result.stderr and result.stderr.count("\n") == 1
    row = answer_row({"received": "31/12/2004", "regime": regime}, date(2005, 6, 1))
    assert row.status == "error" and row.error is not None and rule in row.error
    with pytest.raises(InvalidInput, match=rule):
        response_deadlines([date(2004, 12, 31)], regime)


def test_t2_foia_from_the_first_day() -> None:
    """T2: FOIA received Sat 1 Jan 2005: Sun 2 Jan; Mon 3 Jan (New Year's Day substitute); Tue
    4 Jan (Scotland's 2 January substitute, proclaimed, WD-PRE2012); day 1 = Wed 5 Jan; 5-7 (3),
    10-14 (8), 17-21 (13), 24-28 (18), Mon 31 Jan (19), Tue 1 Feb 2005 (20)."""
    assert response_deadline(date(2005, 1, 1), "foia").due == date(2005, 2, 1)


def test_t3_foisa_from_the_first_day() -> None:
    """T3: FOISA received Sat 1 Jan 2005: the same two Scottish holidays (3, 4 Jan), so the same
    count on WD-SCOT: Tue 1 Feb 2005."""
    assert response_deadline(date(2005, 1, 1), "foisa").due == date(2005, 2, 1)


def test_subject_access_before_the_dpa_1998_right() -> None:
    """T-SAR-1998: the DPA 1998 right of access from 1 March 2000; before it (DPA 1984, not
    researched) foiclock computes nothing."""
    with pytest.raises(InvalidInput, match="T-SAR-1998"):
        response_deadline(date(2000, 2, 29), "sar")
