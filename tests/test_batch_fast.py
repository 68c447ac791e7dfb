"""The batch's fast path (`foiclock.batch.fast`) against the slow path (the case clock through
`foiclock.batch.rows.RowAnswers`, as `answer_row` answers a row), row for row: the same answer
text, status and error on every regime and every event column the batch reads, on random rows
(hypothesis, and a seeded set that shows each kind of row is counted by the fast path), and
known answers from rules.md's worked examples counted by the fast path itself."""

from __future__ import annotations

import contextlib
import io
import json
import random
from collections import Counter
from datetime import date, timedelta
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foiclock.batch import fast, plans
from foiclock.batch.columns import column_map
from foiclock.batch.csv_rows import Columns, case_columns, csv_answers
from foiclock.batch.files import JSONL, batch
from foiclock.batch.inputs import BatchOptions
from foiclock.batch.rows import EVENT_COLUMNS, OUTPUT_COLUMNS
from foiclock.batch.text_rows import TextRowAnswers

REGIMES = ("foia", "eir", "foisa", "eisr", "sar")
NATIONS = ("england-and-wales", "scotland", "northern-ireland")
FULL_HEADER = ["case_id", "received", *EVENT_COLUMNS, "subject"]
#: Days the rules change on (rules-over-time.md): T-FOIA-START, T-IR-2004 (4 July 2018),
#: T-SAR-1998 (25 May 2018), T-SAR-STOP-ICO (21 October 2020), T-COVID-FOISA (2020),
#: T-SAR-12A (5 February 2026), and the horizon (WD-HORIZON) and the first GOV.UK year.
EDGES = (
    date(2005, 1, 1),
    date(2011, 12, 31),
    date(2018, 5, 25),
    date(2018, 7, 4),
    date(2020, 4, 7),
    date(2020, 5, 26),
    date(2020, 10, 21),
    date(2026, 2, 5),
    date(2028, 12, 31),
)


Pair = tuple[fast.CsvAnswers, fast.CsvAnswers]


def answerers(header: list[str], today: date, regime: str = "foia") -> Pair:
    """The fast and the slow answers of one batch with `header`."""
    options = BatchOptions(today=today, regime=regime)
    keys, indexes = case_columns(header, options)
    columns = Columns(keys, indexes, len(header), "\r\n")
    quick = csv_answers(options, columns)
    slow = csv_answers(options, columns, fast=False)
    assert quick.fast and not slow.fast
    return quick, slow


def date_text(day: date, form: int) -> str:
    return (day.isoformat(), f"{day.day:02d}/{day.month:02d}/{day.year}", f" {day} ")[form % 3]


@st.composite
def batches(draw: st.DrawFn) -> tuple[date, str, list[dict[str, str]]]:
    """A batch's today, its default regime, and rows around one day (so that they share
    receipt dates, templates and review anchors)."""
    base = draw(st.sampled_from(EDGES) | st.dates(date(2004, 6, 1), date(2031, 6, 30)))
    offsets = st.integers(-40, 140)
    today = base + timedelta(days=draw(st.integers(-30, 400)))
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        form = draw(st.integers(0, 2))
        received = base + timedelta(days=draw(st.integers(-5, 60)))

        def later(start: date, form: int = form) -> str:
            return date_text(start + timedelta(days=draw(offsets)), form)

        cells = {"received": date_text(received, form)}
        if draw(st.integers(0, 30)) == 0:
            cells["received"] = draw(st.sampled_from(["2025-02-30", "soon", "", " ", "08/19/2025"]))
        regime = draw(st.sampled_from((*REGIMES, "", "FOIA", "gdpr")))
        if regime:
            cells["regime"] = regime
        if draw(st.booleans()):
            cells["responded"] = later(received)
        if draw(st.integers(0, 5)) == 0:
            cells["nation"] = draw(st.sampled_from((*NATIONS, "narnia")))
        if draw(st.integers(0, 5)) == 0:
            cells["receipt_rule"] = draw(st.sampled_from(("next-working-day", "date-of-receipt")))
        if draw(st.integers(0, 3)) == 0:
            cells["extended"] = draw(st.sampled_from(("true", "yes", "1", "false", "", "maybe")))
        events = draw(st.sampled_from(("none", "none", "clarification", "fees", "start", "both")))
        if events in ("clarification", "both"):
            asked = received + timedelta(days=draw(st.integers(-2, 45)))
            cells["clarification_requested"] = date_text(asked, form)
            if draw(st.integers(0, 4)):
                cells["clarification_received"] = later(asked)
        if events in ("fees", "both"):
            notice = received + timedelta(days=draw(st.integers(-2, 45)))
            cells["fees_notice"] = date_text(notice, form)
            if draw(st.integers(0, 4)):
                cells["fee_paid"] = later(notice)
        if events == "start":
            key = draw(st.sampled_from(("id_received", "fee_paid")))
            cells[key] = later(received)
        if draw(st.integers(0, 25)) == 0:  # a column the fast path leaves to the case clock
            key = draw(st.sampled_from(("body", "review_requested", "responded_posted")))
            body = draw(st.sampled_from(("school", "keeper")))
            cells[key] = body if key == "body" else later(received)
        rows.append(cells)
    default = draw(st.sampled_from(("foia", "sar", "foisa")))
    return today, default, rows


def as_row(cells: dict[str, str], header: list[str]) -> list[str]:
    return [cells.get(name, "") for name in header]


@settings(max_examples=1500, deadline=None)
@given(batch=batches())
def test_fast_path_matches_the_case_clock(batch: tuple[date, str, list[dict[str, str]]]) -> None:
    today, regime, rows = batch
    quick, slow = answerers(FULL_HEADER, today, regime)
    for cells in rows * 2:  # the second time from what the fast path remembers
        row = as_row(cells, FULL_HEADER)
        assert quick.answer(row) == slow.answer(row), cells


@settings(max_examples=300, deadline=None)
@given(batch=batches())
def test_fast_path_matches_with_few_columns(batch: tuple[date, str, list[dict[str, str]]]) -> None:
    """Exports with only some of the columns: a receipt date alone, or with a response."""
    today, regime, rows = batch
    for header in (["received"], ["responded", "x", "received"], ["received", "regime"]):
        quick, slow = answerers(header, today, regime)
        for cells in rows:
            row = as_row(cells, header)
            assert quick.answer(row) == slow.answer(row), (header, cells)


def seeded_rows(count: int, seed: int) -> list[dict[str, str]]:
    """Rows of every kind the fast path counts, received 2012-2028 and judged in 2029."""
    generator = random.Random(seed)
    rows = []
    for _ in range(count):
        regime = generator.choice(REGIMES)
        received = date(2012, 1, 1) + timedelta(days=generator.randrange(6200))
        cells = {"received": received.isoformat(), "regime": regime}

        def later(start: date, most: int) -> str:
            return (start + timedelta(days=generator.randrange(most))).isoformat()

        if generator.random() < 0.7:
            cells["responded"] = later(received, 70)
        kind = generator.randrange(6)
        if kind in (1, 4):
            asked = cells["clarification_requested"] = later(received, 25)
            cells["clarification_received"] = later(date.fromisoformat(asked), 25)
        if kind in (2, 4) and regime != "sar":
            cells["fees_notice"] = later(received, 30)
            cells["fee_paid"] = later(date.fromisoformat(cells["fees_notice"]), 40)
        elif kind == 3 and regime == "sar":
            cells[generator.choice(("id_received", "fee_paid"))] = later(received, 15)
        if regime != "foisa" and generator.random() < 0.3:
            cells["extended"] = "true"
        if regime != "sar" and generator.random() < 0.2:
            cells["receipt_rule"] = "next-working-day"
        if generator.random() < 0.1:
            cells["nation"] = generator.choice(NATIONS)
        if generator.random() < 0.01:
            cells["received"] = "2025-02-30"
        rows.append(cells)
    return rows


def test_fast_path_counts_every_kind_of_row() -> None:
    """The agreement above is not vacuous: rows of each regime, with a clarification, a fee,
    both, a subject access start or stop, an extension and a bad date of receipt, are counted
    by the fast path, and agree with the case clock."""
    today = date(2029, 1, 1)
    quick, slow = answerers(FULL_HEADER, today)
    kinds: Counter[tuple[str, str]] = Counter()
    fast_rows = 0
    rows = seeded_rows(6000, 20251201)
    for cells in rows:
        row = as_row(cells, FULL_HEADER)
        answer = quick.answer(row)
        assert answer == slow.answer(row), cells
        plan = quick._plan(quick._rest(row))
        if isinstance(plan, plans.Plan) or plan == fast._RECEIPT_ERROR:
            fast_rows += 1
            events = [key for key in ("clarification_requested", "fees_notice", "id_received",
                                      "fee_paid") if key in cells]  # fmt: skip
            kind = "+".join(events[:2]) or "none"
            if plan == fast._RECEIPT_ERROR:
                kind = "error"
            elif cells.get("extended"):
                kind += "+extended"
            kinds[cells["regime"], kind] += 1
    assert fast_rows > 0.97 * len(rows)
    for regime in REGIMES:
        for kind in ("none", "none+extended", "error", "clarification_requested"):
            if (regime, kind) != ("foisa", "none+extended"):  # FOISA has no extension
                assert kinds[regime, kind] > 0, (regime, kind)
    for regime in ("foia", "eir", "foisa", "eisr"):
        for kind in ("fees_notice+fee_paid", "clarification_requested+fees_notice"):
            assert kinds[regime, kind] > 0, (regime, kind)
    assert kinds["eir", "fees_notice+fee_paid+extended"] > 0  # EIR-EXT leaves the fee days out
    assert kinds["sar", "id_received"] > 0 and kinds["sar", "fee_paid"] > 0  # SAR-START


def one_row(cells: dict[str, str], today: date) -> dict[str, str]:
    """The answer columns of one row, which must come from the fast path."""
    header = list(cells)
    quick, slow = answerers(header, today)
    row = list(cells.values())
    assert isinstance(quick._plan(quick._rest(row)), plans.Plan), cells
    answer = quick.answer(row)
    assert answer == slow.answer(row)
    return dict(zip(OUTPUT_COLUMNS, answer[0][1:].rstrip("\r\n").split(","), strict=True))


def test_known_answers_on_the_fast_path() -> None:
    """rules.md section 8's worked examples, counted by the fast path."""
    today = date(2026, 1, 1)
    # Example 1 (FOIA-RESP): received Tue 19 Aug 2025, due Wed 17 Sep 2025.
    assert one_row({"received": "2025-08-19"}, today)["due"] == "2025-09-17"
    # Example 11 (FOIA-FEES): received Mon 1 Sep 2025, notice Fri 5 Sep, paid Wed 10 Sep: due Fri
    # 3 Oct 2025 (5, 8, 9, 10 Sep left out).
    fees = {"received": "2025-09-01", "fees_notice": "2025-09-05", "fee_paid": "2025-09-10"}
    assert one_row(fees, today)["due"] == "2025-10-03"
    # Example 12 (FOIA-CLAR, FOISA-CLAR): received Mon 2 Jun 2025, clarification received Mon 16
    # Jun: FOIA Tue 15 Jul 2025, FOISA Mon 14 Jul 2025.
    clarification = {
        "received": "2025-06-02",
        "clarification_requested": "2025-06-03",
        "clarification_received": "2025-06-16",
    }
    assert one_row({**clarification, "regime": "foia"}, today)["due"] == "2025-07-15"
    assert one_row({**clarification, "regime": "foisa"}, today)["due"] == "2025-07-14"
    # Example 15 (FOIA-IR-REQ): response issued Tue 16 Sep 2025, review by Tue 11 Nov 2025.
    review = one_row({"received": "2025-08-19", "responded": "2025-09-16"}, today)
    assert review["review_request_by"] == "2025-11-11"
    assert review["status"] == "answered_on_time"
    # Examples 18 and 19 (FOISA-RR-REQ): received 19 Aug 2025 (due 16 Sep); answered on time
    # Wed 10 Sep: Tue 11 Nov 2025; answered late Tue 30 Sep: Tue 25 Nov 2025.
    on_time = {"received": "2025-08-19", "regime": "foisa", "responded": "2025-09-10"}
    assert one_row(on_time, today)["review_request_by"] == "2025-11-11"
    late = one_row({**on_time, "responded": "2025-09-30"}, today)
    assert (late["review_request_by"], late["status"]) == ("2025-11-25", "answered_late")
    # Example 44 (EIR-REP-REQ, no response): received Tue 19 Aug 2025, with an EIR-EXT notice:
    # Thu 11 Dec 2025; without: Wed 12 Nov 2025.
    eir = {"received": "2025-08-19", "regime": "eir"}
    assert one_row(eir, today)["review_request_by"] == "2025-11-12"
    assert one_row({**eir, "extended": "true"}, today)["review_request_by"] == "2025-12-11"


@pytest.mark.parametrize("delimiter", [":", "!"])
def test_a_delimiter_that_may_need_quoting_takes_the_slow_path(delimiter: str) -> None:
    options = BatchOptions(today=date(2029, 1, 1), delimiter=delimiter)
    keys, indexes = case_columns(["received"], options)
    assert not csv_answers(options, Columns(keys, indexes, 1, "\n")).fast


def jsonl_batch(
    lines: list[str], today: date, regime: str, fast_path: bool, maps: tuple[str, ...] = ()
) -> tuple[str, object]:
    """The output and summary of a JSON Lines batch, with or without the fast path for rows
    whose cells are text (foiclock.batch.text_rows)."""
    source, sink = io.StringIO("".join(line + "\n" for line in lines)), io.StringIO()
    options = BatchOptions(today=today, regime=regime, columns=column_map(maps))
    with contextlib.ExitStack() as stack:
        if not fast_path:
            stack.enter_context(patch.object(TextRowAnswers, "answer", lambda self, row: None))
        summary = batch(source, sink, JSONL, options)
    return sink.getvalue(), summary


def as_json_line(cells: dict[str, str], draw: st.DrawFn | None = None) -> str:
    """A row as a JSON object; with `draw`, now and then a cell of another type (a number,
    true, null), which the fast path leaves to the case clock."""
    row: dict[str, object] = {"case_id": "C-1", **cells}
    if draw is not None and draw(st.integers(0, 6)) == 0:
        key = draw(st.sampled_from([*cells, "regime"]))
        row[key] = draw(st.sampled_from([None, 7, True, 2.5, ["2025-01-02"]]))
    return json.dumps(row)


@settings(max_examples=400, deadline=None)
@given(batch=batches(), data=st.data())
def test_json_lines_fast_path_matches_the_case_clock(
    batch: tuple[date, str, list[dict[str, str]]], data: st.DataObject
) -> None:
    """JSON Lines: the same output, byte for byte, and the same summary, with and without the
    fast path, on the rows of the CSV test above as JSON objects."""
    today, regime, rows = batch
    lines = [as_json_line(cells, data.draw) for cells in rows * 2]
    assert jsonl_batch(lines, today, regime, True) == jsonl_batch(lines, today, regime, False)


def test_json_lines_take_the_fast_path() -> None:
    """The agreement above is not vacuous: nearly every row of the seeded mix (every regime and
    event) is answered by the fast path (the 1% with a bad date of receipt go to the case clock
    for their message), and the output is the case clock's."""
    today = date(2029, 1, 1)
    rows = seeded_rows(3000, 20251202)
    wanted = [("received", "received"), *((key, key) for key in EVENT_COLUMNS)]
    counted = TextRowAnswers(wanted, today, "foia")
    assert sum(counted.answer(cells) is not None for cells in rows) > 0.95 * len(rows)
    lines = [as_json_line(cells) for cells in rows]
    assert jsonl_batch(lines, today, "foia", True) == jsonl_batch(lines, today, "foia", False)


@pytest.mark.parametrize(
    ("row", "maps"),
    [
        ({"received": "2025-08-01", "responded": "2025-08-20"}, ("fee_paid=responded",)),
        (
            {"received": "2025-08-01", "fees_notice": "2025-08-05", "fee_paid": "2025-08-10"},
            ("clarification_requested=fees_notice",),
        ),
    ],
)
def test_json_lines_one_key_read_as_two_columns(row: dict[str, str], maps: tuple[str, ...]) -> None:
    """`--map KEY=NAME` onto a key another column also reads: its cell goes to both case keys,
    as the case clock reads it (found by review: the fast path gave it to one)."""
    lines = [json.dumps(row)]
    fast, slow = (jsonl_batch(lines, date(2026, 1, 15), "foia", on, maps) for on in (True, False))
    assert fast == slow
    if maps == ("fee_paid=responded",):  # a fee paid without its notice (FOIA-FEES)
        assert '"status": "error"' in fast[0]
