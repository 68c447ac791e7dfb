"""`foiclock calendar`: the count as month grids, checked against grids drawn by hand."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from typer.testing import CliRunner

from foiclock import make_case
from foiclock.cli import app
from foiclock.clock.deadline import case_deadline
from foiclock.present.month_grid import month_grid, print_in_colour

runner = CliRunner()

# rules.md ex 1, drawn by hand: received Tue 19 Aug 2025 (R, day 0); Wed 20 to Fri 22 Aug are
# days 1-3; Mon 25 Aug is the late summer bank holiday (H); 26-29 Aug are days 4-7; Sep 1-5 are
# 8-12, Sep 8-12 are 13-17, Sep 15 and 16 are 18 and 19; Wed 17 Sep is day 20, the deadline.
SEED_GRID = """\
FOIA count, received Tuesday 19 August 2025
Due Wednesday 17 September 2025 (FOIA-RESP)

August 2025
   Mon       Tue       Wed       Thu       Fri       Sat       Sun
                                          1         2         3
  4         5         6         7         8         9        10
 11        12        13        14        15        16        17
 18        19 R      20 1      21 2      22 3      23 -      24 -
 25 H      26 4      27 5      28 6      29 7      30 -      31 -

September 2025
   Mon       Tue       Wed       Thu       Fri       Sat       Sun
  1 8       2 9       3 10      4 11      5 12      6 -       7 -
  8 13      9 14     10 15     11 16     12 17     13 -      14 -
 15 18     16 19     17 [20]   18        19        20        21
 22        23        24        25        26        27        28
 29        30

  R   date of receipt: day 0, never counted (C-RECEIPT)
  1   working day counted, numbered (C-WD)
  -   weekend: not a working day
  H   bank holiday: not a working day (listed below)
  [ ] the deadline

Bank holidays skipped:
  Mon 25 Aug 2025  Late Summer Bank Holiday (England and Wales, Northern
    Ireland)
"""


def test_seed_request_grid_matches_the_hand_drawn_one() -> None:
    result = runner.invoke(app, ["calendar", "2025-08-19"])
    assert result.exit_code == 0
    assert result.stdout == SEED_GRID


def test_fees_pause_grid() -> None:
    # rules.md ex 11: received Mon 1 Sep 2025; notice Fri 5 Sep, paid Wed 10 Sep: 5, 8, 9, 10 Sep
    # are paused (P); Tue 2 to Thu 4 Sep are days 1-3, Thu 11 Sep is day 4, and the 20th working
    # day is Fri 3 Oct; days after the deadline are left unmarked.
    grid = month_grid(
        case_deadline(
            make_case(date(2025, 9, 1), fees_notice=date(2025, 9, 5), fee_paid=date(2025, 9, 10))
        )
    ).text.splitlines()
    assert "  1 R       2 1       3 2       4 3       5 P       6 -       7 -" in grid
    assert "  8 P       9 P      10 P      11 4      12 5      13 -      14 -" in grid
    assert "                      1 18      2 19      3 [20]    4         5" in grid
    assert "  P   fees pause: left out of the count (*-FEES)" in grid


def test_sar_stop_grid() -> None:
    # rules.md ex 30: received Mon 2 Mar 2026 (day 1, C-MONTH); clarification asked Thu 5 Mar,
    # received Thu 12 Mar: 8 days stopped (5-12 Mar); one month on is Thu 2 Apr; moved 8 days to
    # Fri 10 Apr 2026, a working day: the deadline.
    grid = month_grid(
        case_deadline(
            make_case(
                date(2026, 3, 2),
                "sar",
                clarification_requested=date(2026, 3, 5),
                clarification_received=date(2026, 3, 12),
            )
        )
    ).text.splitlines()
    assert "  2 R       3         4         5 S       6 S       7 S       8 S" in grid
    assert "  9 S      10 S      11 S      12 S      13        14        15" in grid
    assert "                      1         2 =       3         4         5" in grid
    assert "  6         7         8         9        10 [M]    11        12" in grid
    assert "  R   date of receipt: day 1 of the month (C-MONTH)" in grid


@pytest.mark.parametrize(
    "args",
    [
        ["2025-08-19", "--extend"],
        ["2021-07-03", "--receipt-rule", "next-working-day"],
        ["2025-07-14", "--body", "school", "--school-closed", "2025-07-23:2025-09-02"],
        ["2014-12-01", "--regime", "foisa"],
    ],
)
def test_grids_fit_80_columns(args: list[str]) -> None:
    result = runner.invoke(app, ["calendar", *args])
    assert result.exit_code == 0
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert "\x1b[" not in result.stdout  # no colour when not a terminal


def test_colour_on_a_terminal_and_none_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    grid = month_grid(case_deadline(make_case(date(2025, 8, 19))))
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = io.StringIO()
    print_in_colour(grid, coloured)
    assert re.search(r"\x1b\[[0-9;]*3[0-7]m", coloured.getvalue())  # a foreground colour
    monkeypatch.setenv("NO_COLOR", "1")
    plain = io.StringIO()
    print_in_colour(grid, plain)
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", plain.getvalue())
    # Without colour the text is the same grid, marks and brackets included.
    stripped = re.sub(r"\x1b\[[0-9;]*m", "", plain.getvalue())
    assert [line.rstrip() for line in stripped.splitlines()] == grid.text.splitlines()
