"""Batch answers against the case clock (issue "Batch": row for row with `response_deadline` on
10,000 random rows covering every regime and event), the direct count against the case clock,
both against the day-stepping oracle, and the vectorised call."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foiclock import response_deadline
from foiclock.base.dates import MONTH_NAMES
from foiclock.base.errors import InvalidInput
from foiclock.batch.files import batch_csv
from foiclock.batch.inputs import BatchOptions
from foiclock.batch.rows import EVENT_COLUMNS, OUTPUT_COLUMNS, _clock_answer, case_answer
from foiclock.clock.case import case_from_mapping
from foiclock.clock.status import case_status
from foiclock.clock.timeline import case_timeline
from tests import oracle

REGIMES = ("foia", "eir", "foisa", "eisr", "sar")
NATIONS = ("england-and-wales", "scotland", "northern-ireland")
BODIES = ("school", "academy", "archive", "armed-forces", "abroad")


def date_text(day: date, generator: random.Random) -> str:
    """`day` in one of the forms a case-management export might use."""
    form = generator.randrange(4)
    if form == 0:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if form == 1:
        return f"{day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"
    return day.isoformat()


def random_row(generator: random.Random, first: date, last: date) -> dict[str, str]:
    """A row with a random regime and random events, mostly possible, some not (an extension
    with a body, review events under SAR, an event before receipt): those must be error rows."""
    span = (last - first).days
    received = first + timedelta(days=generator.randrange(span))
    regime = generator.choice(REGIMES)

    def later(day: date, most: int) -> date:
        return day + timedelta(days=generator.randrange(-1 if generator.random() < 0.02 else 0,
                                                        most))  # fmt: skip

    events: dict[str, date | str] = {}
    if generator.random() < 0.2:
        events["nation"] = generator.choice(NATIONS)
    if regime != "sar" and generator.random() < 0.1:
        events["receipt_rule"] = "next-working-day"
    if generator.random() < 0.15:
        asked = later(received, 30)
        events["clarification_requested"] = asked
        if generator.random() < 0.8:
            events["clarification_received"] = later(asked, 30)
    if regime == "sar" and generator.random() < 0.15:
        events[generator.choice(("id_received", "fee_paid"))] = later(received, 20)
    elif regime != "sar" and generator.random() < 0.1:
        notice = later(received, 25)
        events["fees_notice"] = notice
        if generator.random() < 0.8:
            events["fee_paid"] = later(notice, 70)
    if generator.random() < 0.2:
        events["extended"] = generator.choice(("true", "yes", "1", "false"))
    if regime == "foia" and generator.random() < 0.08:
        body = generator.choice(BODIES)
        events["body"] = body
        if body in ("school", "academy") and generator.random() < 0.5:
            closed = later(received, 20)
            events["school_closed"] = f"{closed.isoformat()}:{later(closed, 40).isoformat()}"
    if generator.random() < 0.5:
        responded = later(received, 80)
        events["responded"] = responded
        if generator.random() < 0.15:
            asked = later(responded, 50)
            events["review_requested"] = asked
            if generator.random() < 0.5:
                events["review_responded"] = later(asked, 40)
    if generator.random() < (0.2 if regime == "sar" else 0.01):
        # SAR-CTRL from 19 June 2026; 18 June (and other regimes) must be error rows.
        complaint = later(max(received, date(2026, 6, 18)), 60)
        events["complaint_received"] = complaint
        if generator.random() < 0.5:
            events["complaint_responded"] = later(complaint, 40)
    if regime == "foisa" and generator.random() < 0.05:
        events["body"] = "keeper"  # FOISA-KEEPER
        if generator.random() < 0.5:
            events["review_by_other_authority"] = generator.choice(("true", "false"))
    # C-POST-SCOT: posted notices (refused under FOIA and the EIR; an actual receipt before the
    # presumed one is refused too: error rows).
    for notice in ("responded", "review_responded"):
        sent = events.get(notice)
        if isinstance(sent, date) and regime != "sar" and generator.random() < 0.3:
            posted = later(sent, 3)
            events[f"{notice}_posted"] = posted
            if generator.random() < 0.3:
                events[f"{notice}_received"] = later(posted + timedelta(days=2), 10)
    cells = {"received": date_text(received, generator), "regime": regime}
    for key, value in events.items():
        cells[key] = value if isinstance(value, str) else date_text(value, generator)
    return cells


def expected_answer(cells: dict[str, str], today: date) -> dict[str, str]:
    """The answer counted by the case clock itself: `response_deadline` for the deadline,
    `case_status` for the state, `case_timeline` for the review window."""
    try:
        case = case_from_mapping(cells)
    except InvalidInput as error:
        typed = cells.get(error.field)
        if typed and (error.value is None or str(error.value) not in typed):
            # The batch quotes the cell as typed ('true'), not the value read from it (True),
            # nor nothing where the library's error names no value.
            error = InvalidInput(error.field, typed, error.problem, error.accepted)
        return {"status": "error", "error": str(error)}
    events = case._asdict()
    del events["received"], events["regime"]
    deadline = response_deadline(case.received, case.regime, **events)
    status = case_status(case, today)
    review = case_timeline(case, today).get("review_request_by")
    # A batch leaves out FOIA-IR-REQ's guidance date (no response): its cell cannot say so.
    review_by = review.date if review is not None and not review.guidance else None
    provisional = status.provisional or (review_by is not None and review_by.year > 2028)

    def text(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return value.isoformat() if isinstance(value, date) else str(value)

    return {
        "due": text(deadline.due),
        "extended_due": text(deadline.extended_due),
        "rule": deadline.rule,
        "status": status.state,
        "working_days_elapsed": text(status.working_days_elapsed),
        "working_days_late": text(status.working_days_late),
        "review_request_by": text(review_by),
        "provisional": text(provisional),
        "error": "",
    }


def run_batch_on(rows: list[dict[str, str]], today: date) -> list[dict[str, str]]:
    header = ["case_id", "received", *EVENT_COLUMNS]
    source = io.StringIO(newline="")
    writer = csv.DictWriter(source, header, restval="")
    writer.writeheader()
    for number, row in enumerate(rows):
        writer.writerow({"case_id": f"C-{number}", **row})
    source.seek(0)
    sink = io.StringIO(newline="")
    summary = batch_csv(source, sink, BatchOptions(today=today))
    assert summary.rows == len(rows)
    sink.seek(0)
    return list(csv.DictReader(sink))


def test_batch_agrees_with_response_deadline_on_10000_random_rows() -> None:
    generator = random.Random(20251125)
    # Receipt dates 2012-2028; judged after every event, so response_deadline (which knows every
    # event) and the batch (which knows those up to --today) see the same case.
    today = date(2029, 12, 31)
    rows = [random_row(generator, date(2012, 1, 1), date(2028, 12, 31)) for _ in range(10_000)]
    written = run_batch_on(rows, today)
    seen_regimes, seen_events, seen_states = set(), set(), set()
    for number, (cells, row) in enumerate(zip(rows, written, strict=True)):
        assert row["case_id"] == f"C-{number}"
        expected = expected_answer(cells, today)
        if expected["status"] == "error":
            assert (row["status"], row["error"]) == ("error", expected["error"]), cells
            continue
        assert {key: row[key] for key in expected} == expected, cells
        seen_regimes.add(cells["regime"])
        seen_events.update(cells)
        seen_states.add(row["status"])
    assert seen_regimes == set(REGIMES)
    assert seen_events >= {"received", "regime", *EVENT_COLUMNS} - {
        "decision_notice",
        "statement_of_reasons",
        "outcome",  # read by the timeliness columns only (tests/test_stats.py)
    }
    assert seen_states >= {
        "overdue",
        "answered_on_time",
        "answered_late",
        "awaiting_clarification",
        "fee_not_paid",  # judged in 2029, every fee still awaited is past its last day to pay
    }
    assert sum(row["status"] == "error" for row in written) > 50  # impossible rows were made


def test_batch_judges_rows_as_known_on_today() -> None:
    """Events after --today are not known yet, as `foiclock status` counts them."""
    generator = random.Random(7)
    today = date(2025, 10, 1)
    rows = [random_row(generator, date(2025, 6, 1), today) for _ in range(2_000)]
    written = run_batch_on(rows, today)
    states = set()
    for cells, row in zip(rows, written, strict=True):
        expected = expected_answer(cells, today)
        if expected["status"] == "error":
            assert row["status"] == "error"
            continue
        for key in ("status", "working_days_elapsed", "working_days_late", "review_request_by"):
            assert row[key] == expected[key], (key, cells)
        states.add(row["status"])
    assert {"open", "due_today", "overdue", "answered_on_time", "awaiting_fee"} <= states


# --- the direct count and the case clock -----------------------------------------------------

DAYS = st.dates(date(2012, 1, 1), date(2028, 10, 31))


@settings(max_examples=500, deadline=None)
@given(
    received=DAYS,
    regime=st.sampled_from(REGIMES),
    next_working_day=st.booleans(),
    extended=st.booleans(),
    responded_after=st.none() | st.integers(0, 90),
    today_after=st.integers(0, 120),
    nation=st.none() | st.sampled_from(NATIONS),
    sar_start=st.none()
    | st.tuples(st.sampled_from(["id_received", "fee_paid"]), st.integers(0, 20)),
)
def test_direct_count_matches_the_case_clock(
    received: date,
    regime: str,
    next_working_day: bool,
    extended: bool,
    responded_after: int | None,
    today_after: int,
    nation: str | None,
    sar_start: tuple[str, int] | None,
) -> None:
    """Rows that no clarification, fee or body moves are answered from their deadline without
    `case_status`; their answers must be `case_status`'s."""
    from foiclock.batch.rows import _direct, _direct_status

    cells: dict[str, object] = {"received": received, "regime": regime, "nation": nation}
    if next_working_day and regime != "sar":
        cells["receipt_rule"] = "next-working-day"
    # FOISA has no extension; nor had subject access under the DPA 1998 (T-SAR-1998).
    if extended and regime != "foisa" and not (regime == "sar" and received < date(2018, 5, 25)):
        cells["extended"] = True
    if responded_after is not None:
        cells["responded"] = received + timedelta(days=responded_after)
    if sar_start is not None and regime == "sar":
        cells[sar_start[0]] = received + timedelta(days=sar_start[1])
    case = case_from_mapping({k: v for k, v in cells.items() if v is not None})
    today = received + timedelta(days=today_after)
    direct = _direct(case)
    if regime == "foisa" and date(2020, 4, 7) <= received <= date(2020, 5, 26):
        assert direct is None  # T-COVID-FOISA: the limit turns on the response date
        return
    assert direct is not None
    assert _direct_status(direct, case.responded, today) == _clock_answer(case, today)


@settings(max_examples=300, deadline=None)
@given(
    received=DAYS,
    regime=st.sampled_from(REGIMES[:4]),
    responded_after=st.none() | st.integers(0, 60),
    today_after=st.integers(0, 90),
)
def test_direct_count_against_the_oracle(
    received: date, regime: str, responded_after: int | None, today_after: int
) -> None:
    divisions = oracle.REGIME_DIVISIONS[regime]
    today = received + timedelta(days=today_after)
    responded = None if responded_after is None else received + timedelta(days=responded_after)
    case = case_from_mapping({"received": received, "regime": regime, "responded": responded})
    answer = case_answer(case, today)
    due = oracle.add(received, oracle.foisa_limit(regime, received, responded), divisions)
    known = responded if responded is not None and responded <= today else None
    end = known or today
    assert answer.due == due
    assert answer.working_days_elapsed == max(0, oracle.between(received, end, divisions))
    if known is not None:
        assert answer.status == ("answered_on_time" if known <= due else "answered_late")
    else:
        assert answer.status == ("overdue" if today > due else "due_today" if today == due
                                 else "open")  # fmt: skip
    if answer.status in ("overdue", "answered_late"):
        assert answer.working_days_late == oracle.between(due, end, divisions)
    else:
        assert answer.working_days_late is None
    # The review window: FOIA from the response; EIR and EISR from the response or, without
    # one, the deadline; FOISA from the later of the deadline and the response (40 WD). A
    # response after today is planned: the window is counted from it all the same. A FOIA
    # response before 4 July 2018 has none (T-IR-2004).
    anchors = {
        "foia": responded,
        "eir": responded or due,
        "eisr": responded or due,
        "foisa": max(due, responded or due),
    }
    anchor = anchors[regime]
    review_by = oracle.review_ask_by(regime, anchor, divisions) if anchor is not None else None
    assert answer.review_request_by == review_by


# --- the vectorised call ---------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(
    days=st.lists(st.none() | DAYS, max_size=40),
    regime=st.sampled_from(REGIMES[:4]),
    next_working_day=st.booleans(),
)
def test_response_deadlines_against_the_oracle(
    days: list[date | None], regime: str, next_working_day: bool
) -> None:
    from foiclock.batch.vectorised import response_deadlines

    divisions = oracle.REGIME_DIVISIONS[regime]
    rule = "next-working-day" if next_working_day else "date-of-receipt"

    def expected(day: date) -> date:
        start = day
        if next_working_day and not oracle.is_working_day(day, divisions):
            start = oracle.first_working_day_from(day, divisions)
        return oracle.add(start, 20, divisions)

    wanted = [None if day is None else expected(day) for day in days]
    assert response_deadlines(days, regime, receipt_rule=rule) == wanted
    numpy = pytest.importorskip("numpy")
    array = numpy.array([numpy.datetime64("NaT") if d is None else d for d in days],
                        dtype="datetime64[D]")  # fmt: skip
    found = response_deadlines(array, regime, receipt_rule=rule)
    assert found.dtype == numpy.dtype("datetime64[D]")
    assert [None if numpy.isnat(d) else d.item() for d in found] == wanted


def test_response_deadlines_known_answers_and_errors() -> None:
    from foiclock.batch.vectorised import response_deadlines

    # rules.md examples 1, 3 and 23 (SAR, date by date).
    assert response_deadlines(["2025-08-19", "16/03/2014", None]) == [
        date(2025, 9, 17),
        date(2014, 4, 14),
        None,
    ]
    assert response_deadlines([date(2025, 9, 3)], "sar") == [date(2025, 10, 3)]
    with pytest.raises(InvalidInput, match=r"received\[1\]: '1999-12-31' is outside"):
        response_deadlines([date(2025, 1, 1), "1999-12-31"])
    numpy = pytest.importorskip("numpy")
    array = numpy.array(["2025-08-19", "1999-12-31"], dtype="datetime64[D]")
    with pytest.raises(InvalidInput, match=r"received\[1\]: '1999-12-31'"):
        response_deadlines(array)
    with pytest.raises(InvalidInput, match="is not a numpy datetime64 array"):
        response_deadlines(numpy.array([1, 2]))
    sar = response_deadlines(numpy.array(["2025-09-03"], dtype="datetime64[ns]"), "sar")
    assert sar.tolist() == [date(2025, 10, 3)]


def test_output_columns_are_the_issue_contract() -> None:
    assert list(OUTPUT_COLUMNS) == [
        "due",
        "extended_due",
        "working_days_elapsed",
        "status",
        "working_days_late",
        "review_request_by",
        "rule",
        "provisional",
        "holidays_checked",
        # issue 19: the columns the statistics rest on
        "timeliness",
        "working_days_taken",
        "review_due",
        "review_timeliness",
        "error",
    ]
