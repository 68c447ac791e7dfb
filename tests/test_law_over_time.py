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


def test_json_and_explain_name_the_rule_version_used() -> None:
    """rules-over-time.md: T-FOIA-S10 (s10 unchanged since 2005) for a FOIA response; T-IR-2018
    for a review window counted from a response on or after 4 July 2018."""
    import json

    runner = CliRunner()
    data = json.loads(runner.invoke(app, ["due", "2025-08-19", "--json"]).stdout)
    assert data["rule_version"] == "T-FOIA-S10"
    explained = runner.invoke(app, ["due", "2025-08-19", "--explain"]).stdout
    assert "Rule version: T-FOIA-S10" in explained
    words = ["timeline", "2025-08-19", "--responded", "2025-09-16", "--today", "2025-10-01"]
    timeline = json.loads(runner.invoke(app, [*words, "--json"]).stdout)
    versions = {m["key"]: m["rule_version"] for m in timeline["milestones"]}
    assert versions["response_due"] == "T-FOIA-S10"
    assert versions["review_request_by"] == "T-IR-2018"
    eir = json.loads(runner.invoke(app, ["due", "2025-08-19", "-r", "eir", "--json"]).stdout)
    assert eir["rule_version"] is None  # one version since 2005
