"""foiclock inside other people's data frames (issue 20, "Beyond one machine"): the README's
recipes for `response_deadlines` and `answer_row` in a Polars expression (`map_batches`,
`map_elements`), in pandas, and in Dask's `map_partitions` over pandas, run on small data in
this process, their results checked against the library called row by row, and what crosses a
process boundary (the functions, the answers, the errors, a lazy Polars query) pickled.

Polars, pandas and Dask are not test dependencies (installed, they weigh about 450 MB): these
tests skip without them (`pip install -e '.[test,dataframes]'` runs them)."""

from __future__ import annotations

import pickle
from datetime import date
from typing import Any

import pytest

from foiclock import InvalidInput, RowAnswer, answer_row, response_deadline, response_deadlines

TODAY = date(2025, 12, 1)
RECEIVED = [date(2025, 8, 19), None, date(2025, 8, 23), date(2025, 12, 24), date(2020, 2, 29)]
RESPONDED = ["2025-09-19", None, "2025-09-01", "", "30/03/2020"]
REGIMES = ["foia", "foia", "foisa", "eir", "sar"]


def expected_due(regime: str = "foia") -> list[date | None]:
    """The deadlines counted one by one (rules.md example 1: 19 August 2025 -> 17 September)."""
    return [None if day is None else response_deadline(day, regime).due for day in RECEIVED]


def expected_answers() -> list[RowAnswer]:
    return [
        answer_row({"received": day, "responded": responded, "regime": regime}, TODAY)
        for day, responded, regime in zip(RECEIVED, RESPONDED, REGIMES, strict=True)
    ]


# --- the README's recipes (kept word for word in step with README "Beyond one machine") ----


def polars_due(received: Any) -> Any:
    """A Polars batch of receipt dates (one regime) to their deadlines."""
    import polars

    return polars.Series(response_deadlines(received.to_numpy(), "foia"), dtype=polars.Date)


def with_answers(frame: Any, today: date) -> Any:
    """A pandas frame with foiclock's answer columns added, counted from its case columns
    (`received`, `regime`, `responded`, ... named as `foiclock batch` reads them)."""
    import pandas

    answers = [answer_row(cells, today) for cells in frame.to_dict("records")]
    added = pandas.DataFrame(answers, columns=RowAnswer._fields, index=frame.index, dtype=object)
    return frame.join(added)


# --- Polars ----------------------------------------------------------------------------------


def test_polars_map_batches_gives_the_deadlines() -> None:
    polars = pytest.importorskip("polars")
    frame = polars.DataFrame({"received": RECEIVED}, schema={"received": polars.Date})
    found = frame.with_columns(
        due=polars.col("received").map_batches(polars_due, return_dtype=polars.Date)
    )
    assert found["due"].to_list() == expected_due()
    assert found["due"].to_list()[0] == date(2025, 9, 17)
    lazy = frame.lazy().with_columns(
        due=polars.col("received").map_batches(polars_due, return_dtype=polars.Date)
    )
    again = pickle.loads(pickle.dumps(lazy))  # a query with the function, sent elsewhere
    assert again.collect()["due"].to_list() == expected_due()


def test_polars_map_elements_gives_the_row_answers() -> None:
    polars = pytest.importorskip("polars")
    frame = polars.DataFrame({"received": RECEIVED, "responded": RESPONDED, "regime": REGIMES})
    answer_type = polars.Struct(
        {"due": polars.Date, "status": polars.String, "working_days_late": polars.Int64,
         "review_request_by": polars.Date, "rule": polars.String, "error": polars.String}
    )  # fmt: skip
    found = frame.with_columns(
        answer=polars.struct("received", "responded", "regime").map_elements(
            lambda cells: answer_row(cells, TODAY)._asdict(), return_dtype=answer_type
        )
    ).unnest("answer")
    for row, expected in zip(found.iter_rows(named=True), expected_answers(), strict=True):
        assert {key: row[key] for key in answer_type.to_schema()} == {
            key: getattr(expected, key) for key in answer_type.to_schema()
        }
    assert found["status"].to_list()[:3] == ["answered_late", "error", "answered_on_time"]
    assert found["error"].to_list()[1] == "received is missing; accepted: a date of receipt"


# --- pandas and Dask -------------------------------------------------------------------------


def test_pandas_columns_and_rows() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(
        {"received": pandas.to_datetime(RECEIVED), "responded": RESPONDED, "regime": REGIMES}
    )
    due = response_deadlines(frame["received"].to_numpy(), "foia")  # NaT stays NaT
    assert [None if pandas.isna(day) else day.item() for day in due] == expected_due()
    found = with_answers(frame, TODAY)
    assert list(found.columns) == ["received", "responded", "regime", *RowAnswer._fields]
    assert [RowAnswer(*row) for row in found[list(RowAnswer._fields)].itertuples(index=False)] == (
        expected_answers()
    )


def test_dask_map_partitions_gives_the_row_answers_across_processes() -> None:
    pandas = pytest.importorskip("pandas")
    dataframe = pytest.importorskip("dask.dataframe")
    frame = pandas.DataFrame(
        {"received": pandas.to_datetime(RECEIVED), "responded": RESPONDED, "regime": REGIMES}
    )
    parts = dataframe.from_pandas(frame, npartitions=3)
    meta = with_answers(frame.head(0), TODAY)
    answered = parts.map_partitions(with_answers, TODAY, meta=meta)
    fields = list(RowAnswer._fields)  # Dask may store the input's text columns otherwise
    expected = with_answers(frame, TODAY)[fields]
    pandas.testing.assert_frame_equal(answered.compute(scheduler="synchronous")[fields], expected)
    # Worker processes: the function, the day and the partitions are pickled to them, the
    # answers back.
    found = answered.compute(scheduler="processes", num_workers=2)
    pandas.testing.assert_frame_equal(found[fields], expected)
    assert found["status"].tolist()[:3] == ["answered_late", "error", "answered_on_time"]


# --- what crosses a process boundary ---------------------------------------------------------


def test_what_a_worker_sends_back_pickles() -> None:
    for answer in expected_answers():
        assert pickle.loads(pickle.dumps(answer)) == answer
    assert pickle.loads(pickle.dumps(with_answers)) is with_answers
    try:
        response_deadlines(["2025-08-19", "1999-12-31"])
    except InvalidInput as error:  # raised in a worker, it reaches the driver as itself
        again = pickle.loads(pickle.dumps(error))
        assert (again.field, again.value, str(again)) == ("received[1]", "1999-12-31", str(error))
    else:
        raise AssertionError("1999 is outside the supported years")
