"""Rows that are not CSV lines on the batch's fast path: a JSON Lines object (or a case-log row)
whose case cells are all text is answered by `foiclock.batch.fast.CsvAnswers` as the CSV row of
the same cells, and the answer columns it writes are read back into a `RowAnswer`. The cells
mean in JSON what they mean in CSV (text in the forms the CLI reads: `RowAnswers` reads both
alike), so the answer is the one the case clock gives; a row with a cell of another type (a
number, `true`, `null`, a list) or one the fast path does not count returns None, for the case
clock (`RowAnswers`) to answer. tests/test_batch_fast.py checks JSON Lines with and without the
fast path, row for row, on every regime and event column.
"""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Final

from foiclock.batch.plans import Answer
from foiclock.batch.rows import MEMO_LIMIT, RowAnswer

_DELIMITER: Final = ","  # never in an answer cell the fast path writes (dates, numbers, words)
#: What `CsvAnswers` hands back for a row its fast path does not count: no answer text (the
#: fast path's always starts with the delimiter).
_NOT_COUNTED: Final[Answer] = ("", "", None)


class TextRowAnswers:
    """The answers of rows given as mappings of names to cells: `answer(row)`, or None when the
    row is not for the fast path. `wanted`: (the row's name, the case key) of each column the
    batch reads, the date of receipt first; `today` and `regime` as for `RowAnswers`. A name
    a row lacks is an empty cell, as in a CSV file with every wanted column."""

    def __init__(self, wanted: Sequence[tuple[str, str]], today: date, regime: str) -> None:
        from foiclock.batch.fast import CsvAnswers

        self._position = {name: position for position, (name, _) in enumerate(wanted)}
        self._empty = [""] * len(wanted)
        keys = [key for _, key in wanted]
        self._answers: Callable[[Any], Answer] = _not_counted  # CsvAnswers: any sequence of text
        # without a receipt column every row is the case clock's error; a name read as two case
        # keys (`--map fee_paid=responded`) gives its cell to both, which one list cannot
        if "received" in keys and len(self._position) == len(wanted):
            answers = CsvAnswers(
                keys, range(len(keys)), today, regime, _DELIMITER, "\n", _not_counted
            )
            self._answers = answers.answer
        self._dates: dict[str, date] = {}

    def answer(self, row: dict[str, Any]) -> RowAnswer | None:
        """`row`'s answer by the fast path; None: for the case clock."""
        cells = self._empty.copy()
        position = self._position
        for name, cell in row.items():  # once a row: kept lean
            at = position.get(name)
            if at is not None:
                if cell.__class__ is not str:
                    return None
                cells[at] = cell
        return self._answer(cells)

    def answer_cells(self, cells: Sequence[object]) -> RowAnswer | None:
        """The answer of a row's cells in `wanted`'s order (empty text: not given); None for
        the case clock."""
        for cell in cells:  # once a row: kept lean
            if cell.__class__ is not str:
                return None
        return self._answer(cells)

    def _answer(self, cells: Sequence[object]) -> RowAnswer | None:
        text = self._answers(cells)[0]
        if not text:
            return None
        return self._read(text)

    def _read(self, text: str) -> RowAnswer:
        """The answer cells `foiclock.batch.csv_rows.csv_cells` writes, read back: ISO dates,
        numbers, `true`/`false`, None for an empty cell."""
        (due, extended_due, elapsed, status, late, review_by, rule, provisional, checked,
         timeliness, taken, review_due, review_timeliness, error) = text[1:-1].split(_DELIMITER)  # fmt: skip  # noqa: E501
        day = self._date
        return RowAnswer(
            day(due),
            day(extended_due),
            int(elapsed) if elapsed else None,
            status,
            int(late) if late else None,
            day(review_by),
            rule or None,
            provisional == "true" if provisional else None,
            checked == "true" if checked else None,
            timeliness or None,
            int(taken) if taken else None,
            day(review_due),
            review_timeliness or None,
            error or None,
        )

    def _date(self, text: str) -> date | None:
        if not text:
            return None
        found = self._dates.get(text)
        if found is None:
            if len(self._dates) >= MEMO_LIMIT:
                self._dates.clear()
            found = self._dates[text] = date.fromisoformat(text)
        return found


def _not_counted(row: Sequence[object]) -> Answer:
    return _NOT_COUNTED


#: The type of `TextRowAnswers.answer`.
TextRowAnswerer = Callable[[dict[str, Any]], RowAnswer | None]
