"""The API answers with the command line's own JSON (issue 21): for hypothesis-generated cases,
`GET /api/v1/due|timeline|status|appeal` returns the object `foiclock due|timeline|status|appeal
--json` prints for the same case, and where the command refuses the case (exit 2) the API
refuses it with the same one-line message (HTTP 400). Events are drawn in any order, so that
refusals are tried as often as answers."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient
from typer.testing import CliRunner

from foiclock.cli import app
from foiclock.web.app import create_app

runner = CliRunner()
client = TestClient(create_app())

REGIMES = st.sampled_from(["foia", "eir", "foisa", "eisr", "sar"])
#: The case's events `due` and `status` take, and those after the response `timeline` and
#: `appeal` take too.
CLOCK_EVENTS = ("clarification_requested", "clarification_received", "fees_notice", "fee_paid")
LATER_EVENTS = ("responded", "review_requested", "review_responded", "decision_notice")
RUNS = settings(max_examples=40, deadline=None)


@st.composite
def events(draw: st.DrawFn, keys: tuple[str, ...], start: date) -> dict[str, str]:
    """Some of `keys`, each a date 0 to 120 days after `start` (so sometimes out of order)."""
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
    return {key: (start + timedelta(days=draw(st.integers(0, 120)))).isoformat() for key in chosen}


@st.composite
def cases(draw: st.DrawFn, keys: tuple[str, ...]) -> dict[str, str]:
    received = draw(st.dates(date(2017, 1, 1), date(2027, 12, 31)))
    case = {"received": received.isoformat(), "regime": draw(REGIMES)}
    case.update(draw(events(keys, received)))
    if draw(st.booleans()):
        case["extended"] = "true"
    return case


def options(case: dict[str, str]) -> list[str]:
    """The command-line options of a case."""
    words = [case["received"]] if "received" in case else []
    for key, value in case.items():
        if key == "received":
            continue
        words += ["--extend"] if key == "extended" else [f"--{key.replace('_', '-')}", value]
    return words


def agree(command: str, case: dict[str, str], words: list[str] | None = None) -> None:
    """The command's --json and the API's answer are the same, or the same refusal."""
    result = runner.invoke(app, [command, *(words or options(case)), "--json"])
    response = client.get(f"/api/v1/{command}", params=case)
    if result.exit_code == 2:
        assert response.status_code == 400, (case, result.stderr)
        assert result.stderr == f"foiclock: error: {response.json()['error']}\n"
    else:
        assert result.exit_code in (0, 1), (case, result.stderr)  # status: 1 when overdue
        assert response.status_code == 200, (case, response.text)
        assert response.json() == json.loads(result.stdout)


@RUNS
@given(cases((*CLOCK_EVENTS, "responded")))
def test_due_is_the_command_lines(case: dict[str, str]) -> None:
    agree("due", case)


@RUNS
@given(cases(CLOCK_EVENTS + LATER_EVENTS), st.dates(date(2017, 1, 1), date(2028, 12, 31)))
def test_timeline_is_the_command_lines(case: dict[str, str], today: date) -> None:
    agree("timeline", {**case, "today": today.isoformat()})


@RUNS
@given(cases((*CLOCK_EVENTS, "responded")), st.dates(date(2017, 1, 1), date(2028, 12, 31)))
def test_status_is_the_command_lines(case: dict[str, str], today: date) -> None:
    agree("status", {**case, "today": today.isoformat()})


@RUNS
@given(cases(LATER_EVENTS), st.booleans(), st.dates(date(2017, 1, 1), date(2028, 12, 31)))
def test_appeal_is_the_command_lines(case: dict[str, str], keep: bool, today: date) -> None:
    """`appeal` takes the date of receipt as an option; without it, the requester's view."""
    if not keep:
        del case["received"]
    case["today"] = today.isoformat()
    words = options({k: v for k, v in case.items() if k != "received"})
    if "received" in case:
        words += ["--received", case["received"]]
    agree("appeal", case, words)
