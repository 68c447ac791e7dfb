"""`foiclock letter`: the next-steps paragraphs with their dates (rules.md examples 15, 18, 33
and 34), in plain text and Markdown, and its errors."""

from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from foiclock.cli import app
from foiclock.present.letters import PARAGRAPHS, RESPONSE, REVIEW, next_steps

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_seed_letter_with_its_date() -> None:
    # rules.md section 9 and ex 15: "within 40 working days of the date of this response",
    # response issued Tue 16 Sep 2025 -> Tue 11 Nov 2025.
    code, out, err = run("letter", "--responded", "2025-09-16")
    assert code == 0
    paragraphs = out.rstrip("\n").split("\n\n")
    assert len(paragraphs) == 3
    assert "within 40 working days of the date of this response, that is by Tuesday 11 " in out
    assert "November 2025." in paragraphs[0]
    assert "ico.org.uk (https://ico.org.uk/make-a-complaint/)" in paragraphs[1]
    assert "First-tier Tribunal" in paragraphs[2] and "28 days" in paragraphs[2]
    assert "**" not in out and "\n" not in paragraphs[0]  # one line a paragraph, to paste
    assert err.startswith("foiclock: Tuesday 11 November 2025 is FOIA-IR-REQ: 40th working day")


def test_markdown() -> None:
    code, out, _ = run("letter", "--responded", "2025-09-16", "--format", "md")
    assert code == 0
    assert "that is by **Tuesday 11 November 2025**." in out
    assert "[ico.org.uk](https://ico.org.uk/make-a-complaint/)" in out


@pytest.mark.parametrize(
    ("regime", "responded", "review_by"),
    [
        # EIR-REP-REQ and EISR-REP-REQ: 40 working days after the response, as ex 15.
        ("eir", date(2025, 9, 16), "Tuesday 11 November 2025"),
        ("eisr", date(2025, 9, 16), "Tuesday 11 November 2025"),
        # FOISA: the SIC's safe date, 40 WD after the answer: ex 18, answered Wed 10 Sep 2025.
        ("foisa", date(2025, 9, 10), "Wednesday 5 November 2025"),
    ],
)
def test_response_letters(regime: str, responded: date, review_by: str) -> None:
    letter = next_steps(regime, RESPONSE, responded)
    assert f"that is by {review_by}." in letter.text


@pytest.mark.parametrize(
    ("regime", "outcome", "complaint_by"),
    [
        # rules.md ex 33: outcome Fri 10 Oct 2025 -> complain to the ICO by Fri 21 Nov 2025.
        ("foia", date(2025, 10, 10), "Friday 21 November 2025"),
        ("eir", date(2025, 10, 10), "Friday 21 November 2025"),
        # rules.md ex 34: outcome Wed 15 Oct 2025 -> apply to the SIC by Wed 15 Apr 2026.
        ("foisa", date(2025, 10, 15), "Wednesday 15 April 2026"),
        ("eisr", date(2025, 10, 15), "Wednesday 15 April 2026"),
    ],
)
def test_review_outcome_letters(regime: str, outcome: date, complaint_by: str) -> None:
    letter = next_steps(regime, REVIEW, outcome)
    assert f"that is by {complaint_by}." in letter.text
    assert [d.window.key for d in letter.dates] == ["commissioner_complaint_by"]


@pytest.mark.parametrize(("regime", "kind"), sorted(PARAGRAPHS))
def test_every_letter_fills_every_placeholder(regime: str, kind: str) -> None:
    letter = next_steps(regime, kind, date(2025, 9, 16))
    assert "{" not in letter.markdown and "}" not in letter.markdown
    assert letter.dates


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-r", "sar", "--responded", "2025-09-16"], "regime: 'sar' has no review or appeal"),
        ([], "letter needs the date of the letter"),
        (
            ["--responded", "2025-09-16", "--review-responded", "2025-10-10"],
            "letter needs the date of the letter",
        ),
        (["--responded", "2025-09-16", "-f", "pdf"], "format: 'pdf' is not a letter format"),
        (["--responded", "16/9/25"], "responded: '16/9/25'"),
    ],
)
def test_errors(args: list[str], message: str) -> None:
    code, out, err = run("letter", *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"foiclock: error: {message}")
    assert err.count("\n") == 1
