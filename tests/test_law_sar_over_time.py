"""Subject access in force on the day of receipt (../shared/rules-over-time.md section 1 and
examples T10-T12): `T-SAR-1998` + `T-SAR-TRANS` (DPA 1998 s7, 40 days beginning with the relevant
day), `T-SAR-GDPR-A` / `T-SAR-GDPR-B` (the ICO's day 1), `T-SAR-STOP-ICO` and `T-SAR-12A` (stop
the clock as practice, then statute). Every date below is counted by hand in its comment
(calendar: England and Wales, GOV.UK data), never taken from the code's own output."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from foiclock import InvalidInput, answer_row, response_deadline
from foiclock.cli import app
from foiclock.clock.case import make_case
from foiclock.clock.timeline import case_timeline
from tests import oracle
from tests.test_case_properties import corresponding_date
from tests.test_welsh_coverage import (  # noqa: F401 - marked is a fixture
    assert_every_word_comes_from_the_catalogue,
    marked,
)

D = date
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def flat(text: str) -> str:
    """Text with its folded lines joined, to search for a sentence."""
    return " ".join(text.split())


# --- T-SAR-1998, T-SAR-TRANS ----------------------------------------------------------------


def test_t10_dpa_1998_forty_days_beginning_with_the_relevant_day() -> None:
    # T10: received Mon 5 Mar 2018 with the £10 fee and ID. 5 Mar is day 1: 5-31 Mar are days
    # 1-27, 1-13 Apr days 28-40: Fri 13 Apr 2018. The common "within 40 days" reading is
    # 5 Mar + 40 = Sat 14 Apr 2018, not rolled.
    deadline = response_deadline(
        D(2018, 3, 5), "sar", fee_paid=D(2018, 3, 5), id_received=D(2018, 3, 5)
    )
    assert deadline.due == D(2018, 4, 13)
    assert deadline.months is not None
    assert deadline.months.common_end == D(2018, 4, 14)
    assert deadline.months.days == 40
    assert deadline.safe_date is None  # the answer is itself the strict reading
    assert deadline.rule_version is not None and deadline.rule_version.id == "T-SAR-1998"
    assert deadline.status == "best reading"


def test_t10_in_json_and_explain() -> None:
    # T10 as above; --explain shows the common reading, marked best reading, and no working-day
    # calendar (calendar days with no roll).
    _, out, _ = run("due", "2018-03-05", "-r", "sar", "--json")
    data = json.loads(out)
    assert data["due"] == "2018-04-13"
    assert data["months"]["common_reading"] == "2018-04-14"
    assert data["months"]["days"] == 40
    assert data["months"]["ico_guidance_due"] is None
    assert data["rule_version"] == "T-SAR-1998"
    code, out, _ = run("due", "2018-03-05", "-r", "sar", "--explain")
    text = flat(out)
    assert code == 0
    assert text.startswith("Response due: Friday 13 April 2018")
    assert "Common reading: Saturday 14 April 2018" in text
    assert "(T-SAR-1998) [best reading]" in text
    assert "Rule version: T-SAR-1998" in text
    assert "WD-NATION" not in text
    _, plain, _ = run("due", "2018-03-05", "-r", "sar")
    assert "Common reading" not in plain  # --explain and JSON only


def test_t11_received_before_25_may_2018_stays_under_the_dpa_1998() -> None:
    # T11 (T-SAR-TRANS, DPA 2018 Sch 20 para 2(1)): received Mon 21 May 2018. 21-31 May are days
    # 1-11, 1-29 Jun days 12-40: Fri 29 Jun 2018, not the GDPR's Thu 21 Jun 2018.
    deadline = response_deadline(D(2018, 5, 21), "sar")
    assert deadline.due == D(2018, 6, 29)
    assert deadline.rule_version is not None and deadline.rule_version.id == "T-SAR-1998"


def test_the_last_day_of_the_dpa_1998_and_the_first_of_the_gdpr() -> None:
    # Thu 24 May 2018 (DPA 1998): 24-31 May days 1-8, June days 9-38, 1-2 Jul days 39-40:
    # Mon 2 Jul 2018. Fri 25 May 2018 (GDPR, T-SAR-GDPR-A): one month on, Mon 25 Jun 2018.
    last = response_deadline(D(2018, 5, 24), "sar")
    first = response_deadline(D(2018, 5, 25), "sar")
    assert last.due == D(2018, 7, 2)
    assert first.due == D(2018, 6, 25)
    assert last.rule_version is not None and last.rule_version.id == "T-SAR-1998"
    assert first.rule_version is not None and first.rule_version.id == "T-SAR-GDPR-A"


def test_the_version_is_keyed_by_receipt_not_the_relevant_time() -> None:
    # T-SAR-TRANS: a request received before 25 May 2018 stays under s7 even when the fee comes
    # later. Received Mon 21 May 2018, fee Mon 4 Jun 2018 (the relevant day): 4-30 Jun days 1-27,
    # 1-13 Jul days 28-40: Fri 13 Jul 2018.
    deadline = response_deadline(D(2018, 5, 21), "sar", fee_paid=D(2018, 6, 4))
    assert deadline.due == D(2018, 7, 13)
    assert deadline.months is not None and deadline.months.relevant_event == "fee_paid"


def test_no_roll_to_a_working_day() -> None:
    # Received Thu 16 Nov 2017: 16-30 Nov days 1-15, 1-25 Dec days 16-40: Mon 25 Dec 2017,
    # Christmas Day, kept (no roll); common reading Tue 26 Dec. The first day of the right, Wed
    # 1 Mar 2000: 1-31 Mar days 1-31, 1-9 Apr days 32-40: Sun 9 Apr 2000, kept.
    christmas = response_deadline(D(2017, 11, 16), "sar")
    assert christmas.due == D(2017, 12, 25)
    assert christmas.months is not None and christmas.months.common_end == D(2017, 12, 26)
    assert response_deadline(D(2000, 3, 1), "sar").due == D(2000, 4, 9)


def test_the_relevant_day_is_the_latest_of_receipt_fee_and_identity() -> None:
    # Received Mon 5 Mar 2018, fee Wed 7 Mar, ID Fri 9 Mar: relevant day 9 Mar. 9-31 Mar days
    # 1-23, 1-17 Apr days 24-40: Tue 17 Apr 2018; common reading Wed 18 Apr.
    deadline = response_deadline(
        D(2018, 3, 5), "sar", fee_paid=D(2018, 3, 7), id_received=D(2018, 3, 9)
    )
    assert deadline.due == D(2018, 4, 17)
    assert deadline.months is not None
    assert deadline.months.relevant_event == "id_received"
    assert deadline.months.common_end == D(2018, 4, 18)


def test_information_to_locate_the_data_is_a_start_event() -> None:
    # DPA 1998 s7(3), (10): received Mon 5 Mar 2018, information to locate the data asked for
    # Tue 6 Mar, fee Sat 10 Mar, the information received Tue 20 Mar (the latest: the relevant
    # day). 20-31 Mar days 1-12, 1-28 Apr days 13-40: Sat 28 Apr 2018, not rolled. Nothing is
    # "stopped": it is a start, not SAR-STOP.
    deadline = response_deadline(
        D(2018, 3, 5),
        "sar",
        clarification_requested=D(2018, 3, 6),
        clarification_received=D(2018, 3, 20),
        fee_paid=D(2018, 3, 10),
    )
    assert deadline.due == D(2018, 4, 28)
    assert deadline.months is not None
    assert deadline.months.relevant_event == "clarification_received"
    assert deadline.clarification is not None
    assert deadline.clarification.rule.effect == "start"
    assert deadline.clarification.stopped_days is None
    assert deadline.notes == ()
    _, out, _ = run(
        "due", "2018-03-05", "-r", "sar", "--clarification-requested", "2018-03-06",
        "--clarification-received", "2018-03-20", "--fee-paid", "2018-03-10", "--explain",
    )  # fmt: skip
    text = flat(out)
    assert "Relevant time: Tuesday 20 March 2018, when the information asked for arrived" in text
    assert "a start event, not a stop" in text


def test_while_the_information_is_awaited_the_forty_days_have_not_begun() -> None:
    # Received Mon 5 Mar 2018, information asked for Tue 6 Mar, not yet received: no date.
    deadline = response_deadline(D(2018, 3, 5), "sar", clarification_requested=D(2018, 3, 6))
    assert deadline.due is None
    assert deadline.state == "awaiting_clarification"
    _, out, _ = run("due", "2018-03-05", "-r", "sar", "--clarification-requested", "2018-03-06")
    assert flat(out).startswith(
        "Response due: not yet known: the period begins when the information asked for arrives"
    )
    _, out, _ = run(
        "status", "2018-03-05", "-r", "sar", "--clarification-requested", "2018-03-06",
        "--today", "2018-04-01",
    )  # fmt: skip
    assert "the period begins only when it arrives" in flat(out)


def test_information_asked_for_after_the_forty_days_is_flagged() -> None:
    # Received Mon 5 Mar 2018: day 40 Fri 13 Apr. Information asked for Mon 16 Apr, received
    # Fri 20 Apr (the relevant day, as s7(10) reads): 20-30 Apr days 1-11, 1-29 May days 12-40:
    # Tue 29 May 2018, with the note that the ask came after 13 Apr.
    deadline = response_deadline(
        D(2018, 3, 5),
        "sar",
        clarification_requested=D(2018, 4, 16),
        clarification_received=D(2018, 4, 20),
    )
    assert deadline.due == D(2018, 5, 29)
    assert any("after the original deadline (2018-04-13)" in note for note in deadline.notes)


def test_no_extension_under_the_dpa_1998() -> None:
    # T-SAR-1998: no SAR-EXT; refused with the rules named, one line, exit 2, an error row.
    with pytest.raises(InvalidInput) as caught:
        response_deadline(D(2018, 3, 5), "sar", extended=True)
    assert caught.value.field == "extended"
    assert "T-SAR-1998" in str(caught.value) and "SAR-EXT" in str(caught.value)
    code, out, err = run("due", "2018-03-05", "-r", "sar", "--extend")
    assert (code, out) == (2, "")
    assert "T-SAR-1998" in err and err.count("\n") == 1
    row = answer_row({"received": "05/03/2018", "regime": "sar", "extended": "yes"}, D(2018, 4, 1))
    assert row.status == "error" and row.error is not None and "T-SAR-1998" in row.error
    # From 25 May 2018 the extension exists: Fri 25 May + 3 months = Sat 25 Aug 2018, Mon 27 Aug
    # a bank holiday, so Tue 28 Aug 2018.
    assert response_deadline(D(2018, 5, 25), "sar", extended=True).extended_due == D(2018, 8, 28)


def test_timeline_has_no_extended_or_safe_milestone_under_the_dpa_1998() -> None:
    timeline = case_timeline(make_case(D(2018, 3, 5), "sar"), D(2018, 3, 20))
    keys = {milestone.key for milestone in timeline.milestones}
    assert "response_due_extended" not in keys and "response_due_safe" not in keys
    response = timeline.get("response_due")
    assert response is not None and response.date == D(2018, 4, 13)
    assert response.rule_version == "T-SAR-1998"
    later = case_timeline(make_case(D(2018, 9, 3), "sar"), D(2018, 9, 20))
    assert {"response_due_extended", "response_due_safe"} <= {m.key for m in later.milestones}


def received_dates(first: date, last: date) -> st.SearchStrategy[date]:
    return st.dates(first, last)


@settings(max_examples=300, deadline=None)
@given(
    received=received_dates(D(2000, 3, 1), D(2018, 5, 24)),
    fee=st.one_of(st.none(), st.integers(0, 30)),
    identity=st.one_of(st.none(), st.integers(0, 30)),
    information=st.one_of(st.none(), st.tuples(st.integers(0, 20), st.integers(0, 30))),
)
def test_dpa_1998_property(
    received: date,
    fee: int | None,
    identity: int | None,
    information: tuple[int, int] | None,
) -> None:
    """T-SAR-1998: the last day is the latest of the start days + 39, whatever day of the week
    or holiday it is; "within 40 days" is one day later; an extension is refused."""
    events: dict[str, date] = {}
    if fee is not None:
        events["fee_paid"] = received + timedelta(days=fee)
    if identity is not None:
        events["id_received"] = received + timedelta(days=identity)
    if information is not None:
        asked = received + timedelta(days=information[0])
        events["clarification_requested"] = asked
        events["clarification_received"] = asked + timedelta(days=information[1])
    deadline = response_deadline(received, "sar", **events)  # type: ignore[arg-type]
    starts = [day for key, day in events.items() if key != "clarification_requested"]
    relevant = max([received, *starts])
    assert deadline.due == relevant + timedelta(days=39)
    assert deadline.months is not None
    assert deadline.months.common_end == relevant + timedelta(days=40)
    with pytest.raises(InvalidInput, match="T-SAR-1998"):
        response_deadline(received, "sar", extended=True, **events)  # type: ignore[arg-type]


# --- T-SAR-GDPR-A, T-SAR-GDPR-B -------------------------------------------------------------


def test_t12_the_law_and_the_ico_guidance_at_the_time() -> None:
    # T12: received Mon 3 Sep 2018. The law (today's C-MONTH, the day of receipt as day 1):
    # Wed 3 Oct 2018. The ICO's guidance then counted from the day after, 4 Sep: Thu 4 Oct 2018,
    # shown as a note, not as the deadline.
    deadline = response_deadline(D(2018, 9, 3), "sar")
    assert deadline.due == D(2018, 10, 3)
    assert deadline.months is not None and deadline.months.guidance_due == D(2018, 10, 4)
    assert deadline.rule_version is not None and deadline.rule_version.id == "T-SAR-GDPR-A"
    data = json.loads(run("due", "2018-09-03", "-r", "sar", "--json")[1])
    assert (data["due"], data["months"]["ico_guidance_due"]) == ("2018-10-03", "2018-10-04")
    assert data["rule_version"] == "T-SAR-GDPR-A"
    text = flat(run("due", "2018-09-03", "-r", "sar", "--explain")[1])
    assert text.startswith("Response due: Wednesday 3 October 2018")
    assert "ICO guidance at the time: Thursday 4 October 2018 (T-SAR-GDPR-A)" in text
    assert "Rule version: T-SAR-GDPR-A" in text
    assert "ICO guidance" not in run("due", "2018-09-03", "-r", "sar")[1]


def test_ico_guidance_at_the_time_at_a_month_end_and_after_identity() -> None:
    # Received Thu 28 Feb 2019: the law Thu 28 Mar 2019; the guidance from Fri 1 Mar: Mon 1 Apr.
    # Received Mon 3 Sep 2018, ID Wed 5 Sep (the relevant time): the law Fri 5 Oct 2018; the
    # guidance from Thu 6 Sep: Sat 6 Oct, rolled to Mon 8 Oct 2018.
    month_end = response_deadline(D(2019, 2, 28), "sar")
    assert month_end.due == D(2019, 3, 28)
    assert month_end.months is not None and month_end.months.guidance_due == D(2019, 4, 1)
    identity = response_deadline(D(2018, 9, 3), "sar", id_received=D(2018, 9, 5))
    assert identity.due == D(2018, 10, 5)
    assert identity.months is not None and identity.months.guidance_due == D(2018, 10, 8)


def test_from_15_august_2019_the_ico_counts_the_day_of_receipt() -> None:
    # T-SAR-GDPR-B: received Thu 15 Aug 2019: 15 Sep is a Sunday, so Mon 16 Sep 2019; no note.
    # Wed 14 Aug 2019 is still T-SAR-GDPR-A.
    deadline = response_deadline(D(2019, 8, 15), "sar")
    assert deadline.due == D(2019, 9, 16)
    assert deadline.months is not None and deadline.months.guidance_due is None
    assert deadline.rule_version is not None and deadline.rule_version.id == "T-SAR-GDPR-B"
    before = response_deadline(D(2019, 8, 14), "sar").rule_version
    assert before is not None and before.id == "T-SAR-GDPR-A"


@pytest.mark.parametrize(
    ("received", "version"),
    [
        ("2000-03-01", "T-SAR-1998"),
        ("2018-05-24", "T-SAR-1998"),
        ("2018-05-25", "T-SAR-GDPR-A"),
        ("2019-08-14", "T-SAR-GDPR-A"),
        ("2019-08-15", "T-SAR-GDPR-B"),
        ("2021-01-04", "T-SAR-GDPR-B"),
        ("2026-12-01", "T-SAR-GDPR-B"),
    ],
)
def test_every_sar_deadline_names_its_version(received: str, version: str) -> None:
    data = json.loads(run("due", received, "-r", "sar", "--json")[1])
    assert data["rule_version"] == version
    assert f"Rule version: {version}" in run("due", received, "-r", "sar", "--explain")[1]
    words = ["timeline", received, "-r", "sar", "--today", received, "--json"]
    milestones = json.loads(run(*words)[1])["milestones"]
    assert {m["key"]: m["rule_version"] for m in milestones}["response_due"] == version


# --- no stop before T-SAR-STOP-ICO, then T-SAR-STOP-ICO, T-SAR-12A -------------------------


def test_before_21_october_2020_a_clarification_moves_nothing() -> None:
    # Best reading: no stop-the-clock in ICO practice before 21 Oct 2020. Received Mon 3 Sep
    # 2018, clarification asked Wed 5 Sep, received Fri 14 Sep: still Wed 3 Oct 2018 (T12), with
    # a note; awaited, the deadline still runs.
    answered = response_deadline(
        D(2018, 9, 3),
        "sar",
        clarification_requested=D(2018, 9, 5),
        clarification_received=D(2018, 9, 14),
    )
    assert answered.due == D(2018, 10, 3)
    assert answered.clarification is not None
    assert answered.clarification.stopped_days == 0
    assert answered.clarification.rule.effect == "none"
    assert answered.clarification.version is None
    assert any("T-SAR-STOP-ICO" in note for note in answered.notes)
    awaited = response_deadline(D(2018, 9, 3), "sar", clarification_requested=D(2018, 9, 5))
    assert (awaited.due, awaited.state) == (D(2018, 10, 3), "running")
    data = json.loads(
        run("due", "2018-09-03", "-r", "sar", "--clarification-requested", "2018-09-05",
            "--json")[1]
    )  # fmt: skip
    assert data["clarification"]["effect"] == "none"
    assert data["clarification"]["status"] == "best reading"
    assert data["clarification"]["rule_version"] is None
    explained = flat(
        run("due", "2018-09-03", "-r", "sar", "--clarification-requested", "2018-09-05",
            "--explain")[1]
    )  # fmt: skip
    assert "it stops nothing: there was no stop-the-clock then" in explained


@settings(max_examples=200, deadline=None)
@given(
    received=received_dates(D(2018, 5, 25), D(2020, 10, 20)),
    stop=st.one_of(
        st.none(), st.tuples(st.integers(0, 40), st.one_of(st.none(), st.integers(0, 30)))
    ),
)
def test_no_stop_before_stop_ico_property(
    received: date, stop: tuple[int, int | None] | None
) -> None:
    """Before T-SAR-STOP-ICO the date is today's C-MONTH answer whatever the clarification."""
    events: dict[str, date] = {}
    if stop is not None:
        asked = received + timedelta(days=stop[0])
        events["clarification_requested"] = asked
        if stop[1] is not None:
            events["clarification_received"] = asked + timedelta(days=stop[1])
    deadline = response_deadline(received, "sar", **events)  # type: ignore[arg-type]
    corresponding = corresponding_date(received, 1)
    assert deadline.due == oracle.first_working_day_from(corresponding, ("england-and-wales",))


@pytest.mark.parametrize(
    ("received", "events", "due", "version", "status"),
    [
        # Received Tue 20 Oct 2020: no stop-the-clock yet, asked Thu 22 Oct, received Thu 29 Oct:
        # one month on, Fri 20 Nov 2020.
        (D(2020, 10, 20), {}, D(2020, 11, 20), None, "best reading"),
        # Received Wed 21 Oct 2020 (T-SAR-STOP-ICO): 22-29 Oct are 8 days stopped; 21 Nov + 8 =
        # Sun 29 Nov, so Mon 30 Nov 2020 (England and Wales).
        (D(2020, 10, 21), {}, D(2020, 11, 30), "T-SAR-STOP-ICO", "practice"),
        # Received Tue 20 Oct, ID Wed 21 Oct: the relevant time keys the version: as above.
        (D(2020, 10, 20), {"id_received": D(2020, 10, 21)}, D(2020, 11, 30), "T-SAR-STOP-ICO",
         "practice"),
    ],
)  # fmt: skip
def test_stop_the_clock_starts_with_ico_practice_on_21_october_2020(
    received: date, events: dict[str, date], due: date, version: str | None, status: str
) -> None:
    deadline = response_deadline(
        received,
        "sar",
        clarification_requested=D(2020, 10, 22),
        clarification_received=D(2020, 10, 29),
        **events,  # type: ignore[arg-type]
    )
    assert deadline.due == due
    clarification = deadline.clarification
    assert clarification is not None
    assert clarification.rule.status == status
    assert (clarification.version.id if clarification.version else None) == version


@pytest.mark.parametrize(
    ("received", "events", "due", "version"),
    [
        # Relevant time Wed 4 Feb 2026 (T-SAR-STOP-ICO, practice): asked Mon 9 Feb, received Fri
        # 13 Feb: 5 days; 4 Mar + 5 = Mon 9 Mar 2026.
        (D(2026, 2, 4), {}, D(2026, 3, 9), "T-SAR-STOP-ICO"),
        # Relevant time Thu 5 Feb 2026 (T-SAR-12A, statute): 5 Mar + 5 = Tue 10 Mar 2026.
        (D(2026, 2, 5), {}, D(2026, 3, 10), "T-SAR-12A"),
        # Received 4 Feb, ID Thu 5 Feb: relevant time 5 Feb, art 12A: Tue 10 Mar 2026.
        (D(2026, 2, 4), {"id_received": D(2026, 2, 5)}, D(2026, 3, 10), "T-SAR-12A"),
    ],
)
def test_art_12a_only_for_a_relevant_time_from_5_february_2026(
    received: date, events: dict[str, date], due: date, version: str
) -> None:
    deadline = response_deadline(
        received,
        "sar",
        clarification_requested=D(2026, 2, 9),
        clarification_received=D(2026, 2, 13),
        **events,  # type: ignore[arg-type]
    )
    assert deadline.due == due
    assert deadline.clarification is not None and deadline.clarification.stopped_days == 5
    assert deadline.clarification.version is not None
    assert deadline.clarification.version.id == version
    words = ["due", received.isoformat(), "-r", "sar", "--clarification-requested", "2026-02-09",
             "--clarification-received", "2026-02-13"]  # fmt: skip
    for key, day in events.items():
        words += [f"--{key.replace('_', '-')}", day.isoformat()]
    data = json.loads(run(*words, "--json")[1])
    assert data["clarification"]["rule_version"] == version
    assert f"Rule version: {version}" in run(*words, "--explain")[1]


def test_stop_ico_labelled_practice_and_12a_start_named() -> None:
    # ID received Mon 5 Jan 2026 (before art 12A): the start is ICO practice; Mon 9 Mar 2026
    # (after): art 12A. The dates are the same rule either way (SAR-START).
    before = flat(
        run("due", "2026-01-02", "-r", "sar", "--id-received", "2026-01-05", "--explain")[1]
    )
    after = flat(
        run("due", "2026-03-02", "-r", "sar", "--id-received", "2026-03-09", "--explain")[1]
    )
    assert "(SAR-START, ICO right-of-access guidance, before UK GDPR art 12A)" in before
    assert "(SAR-START, UK GDPR art 12A (Data (Use and Access) Act 2025 s76))" in after
    stopped = flat(
        run("due", "2025-03-05", "-r", "sar", "--clarification-requested", "2025-03-06",
            "--clarification-received", "2025-03-20", "--explain")[1]
    )  # fmt: skip
    assert "practice, not statute" in stopped


# --- Welsh ----------------------------------------------------------------------------------

WELSH_RUNS: list[tuple[str, ...]] = [
    ("due", "2018-03-05", "-r", "sar", "--explain"),
    ("due", "2018-03-05", "-r", "sar", "--clarification-requested", "2018-03-06",
     "--clarification-received", "2018-03-20", "--fee-paid", "2018-03-10",
     "--id-received", "2018-03-07", "--explain"),
    ("due", "2018-03-05", "-r", "sar", "--clarification-requested", "2018-04-16",
     "--clarification-received", "2018-04-20", "--explain"),
    ("due", "2018-03-05", "-r", "sar", "--clarification-requested", "2018-03-06", "--explain"),
    ("due", "2018-03-05", "-r", "sar", "--extend"),
    ("status", "2018-03-05", "-r", "sar", "--clarification-requested", "2018-03-06",
     "--today", "2018-04-01"),
    ("calendar", "2018-03-05", "-r", "sar", "--id-received", "2018-03-09"),
    ("due", "2018-09-03", "-r", "sar", "--clarification-requested", "2018-09-05",
     "--clarification-received", "2018-09-14", "--explain"),
    ("due", "2025-03-05", "-r", "sar", "--clarification-requested", "2025-03-06",
     "--clarification-received", "2025-03-20", "--explain"),
    ("due", "2026-01-02", "-r", "sar", "--id-received", "2026-01-05", "--explain"),
]  # fmt: skip


@pytest.mark.parametrize("args", WELSH_RUNS, ids=lambda args: " ".join(args)[:60])
def test_every_new_word_comes_from_the_catalogue(
    args: tuple[str, ...],
    marked: None,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert_every_word_comes_from_the_catalogue(args, tmp_path, monkeypatch)


def test_t10_in_welsh() -> None:
    _, out, _ = run("due", "2018-03-05", "-r", "sar", "--explain", "--lang", "cy")
    text = flat(out)
    assert "Dydd Gwener 13 Ebrill 2018" in text
    assert "Dydd Sadwrn 14 Ebrill 2018" in text
    assert "[darlleniad gorau]" in text
