"""A case export as a table, whatever its file: a CSV file or an Excel workbook read into a
header and numbered rows (`read_table`), each row's case cells picked out as the batch picks them
(`CaseCells`), and the batch of a workbook: `.xlsx` in, or `-o out.xlsx` out
(`run_table_batch`). CSV to CSV and JSON Lines stay with `foiclock.batch.files`, which streams
them byte for byte.
"""

import csv
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from operator import itemgetter
from typing import IO, Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.output import atomic_output, check_output_path, neutralised
from foiclock.batch.columns import column_names
from foiclock.batch.csv_rows import CSV_ACCEPTED, case_columns
from foiclock.batch.excel import Sheet, cell_text, is_workbook, read_workbook, write_workbook
from foiclock.batch.inputs import ERRORS_LISTED, BatchOptions, BatchSummary, open_input
from foiclock.batch.rows import (
    ERROR,
    MEMO_LIMIT,
    OUTPUT_COLUMNS,
    RowAnswer,
    RowAnswers,
    error_answer,
)
from foiclock.batch.timeliness import OUTCOME, with_outcome
from foiclock.calendar.calendars import holiday_table
from foiclock.law.regimes import get_regime

_UNDECODED: Final = re.compile("[\udc00-\udcff]")  # foiclock.batch.files' stand-ins for bytes
_FIELD_SIZE_LIMIT: Final = 2**31 - 1


def read_table(path: str, options: BatchOptions, encoding: str = "utf-8") -> Sheet:
    """The header and rows of a CSV file (or `-`) or, by its suffix, an Excel workbook. Rows
    are numbered by the line (or sheet row) they start on; blank rows are left out."""
    if is_workbook(path):
        return read_workbook(path, options.sheet, options.source_name)
    source = open_input(path, encoding)
    reader = csv.reader(source.text, delimiter=options.delimiter, strict=True)
    csv.field_size_limit(_FIELD_SIZE_LIMIT)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        header = []
    if not any(cell.strip() for cell in header):
        raise InvalidInput(
            options.source_name,
            None,
            M("has no header row"),
            M("CSV whose first row names its columns"),
        )
    _check_decoded(header, 1, options)

    def numbered() -> Iterator[tuple[int, list[object]]]:
        with source.text:
            line = reader.line_num + 1
            try:
                for row in reader:
                    if any(cell.strip() for cell in row):
                        _check_decoded(row, line, options)
                        yield line, list(row)
                    line = reader.line_num + 1
            except csv.Error as error:
                raise InvalidInput(
                    options.source_name,
                    None,
                    M(
                        "cannot be read as CSV: the row starting at line {line} ({error})",
                        line=line,
                        error=str(error),
                    ),
                    CSV_ACCEPTED,
                ) from None

    return Sheet(header, numbered())


def _check_decoded(cells: Sequence[str], line: int, options: BatchOptions) -> None:
    found = _UNDECODED.search("".join(cells))
    if found is not None:
        byte = f"{ord(found.group()) - 0xDC00:#04x}"
        raise InvalidInput(
            options.source_name,
            None,
            M(
                "is not {encoding} text: line {line} has the byte {byte}",
                encoding="the input's",
                line=line,
                byte=byte,
            ),
            M("UTF-8 text, with or without a byte-order mark, or --encoding NAME"),
        )


class CaseCells:
    """The case cells of a table's rows, keyed by case key (the batch's columns, `--map` and
    `--ignore` applied), and the answers for them, remembered by those cells."""

    def __init__(self, header: Sequence[str], options: BatchOptions, typed: bool = False) -> None:
        self.keys, self.indexes = case_columns(list(header), options)
        names = column_names(header, options.columns, options.source_name)
        # the user's own reference: shown, never counted (and not part of what is remembered)
        self.id_index = names.index("case_id") if "case_id" in names else None
        self._outcome_at = self.keys.index(OUTCOME) if OUTCOME in self.keys else None
        self.width = len(header)
        self.typed = typed  # a workbook's cells: numbers and booleans are read as their text
        self._get = itemgetter(*self.indexes)
        self._answers = RowAnswers(options.today, options.regime, options.received_column)
        from foiclock.batch.text_rows import TextRowAnswers

        wanted = [(key, key) for key in self.keys]
        self._fast = TextRowAnswers(wanted, options.today, options.regime).answer_cells
        self._memo: dict[object, RowAnswer] = {}

    def cells(self, row: Sequence[object]) -> dict[str, object]:
        values = self._values(row)
        return dict(zip(self.keys, values, strict=True))

    def case_id(self, row: Sequence[object]) -> str | None:
        """The row's case_id cell, as text (None when there is none)."""
        index = self.id_index
        if index is None or index >= len(row):
            return None
        text = cell_text(row[index]).strip()
        return text or None

    def answer(self, row: Sequence[object]) -> RowAnswer:
        """The row's answer; the outcome cell is applied on top of the answer of the other
        cells (`with_outcome`), so that rows differing only in it share one."""
        values = self._values(row)
        at = self._outcome_at
        if at is None:
            return self._answer(values)
        outcome = values[at]
        answer = self._answer((*values[:at], "", *values[at + 1 :]))
        return outcome_applied(answer, outcome)

    def _answer(self, values: tuple[object, ...]) -> RowAnswer:
        """By the fast path where it counts the cells (`foiclock.batch.text_rows`: text cells,
        a workbook's dates as ISO text), else by the case clock, remembered."""
        texts = values
        if self.typed:
            texts = tuple(v.isoformat() if v.__class__ is date else v for v in values)
        found = self._fast(texts)
        if found is not None:
            return found
        try:
            found = self._memo.get(values)
        except TypeError:
            found = None
        if found is None:
            found = self._answers.answer(dict(zip(self.keys, values, strict=True)))
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            self._memo[values] = found
        return found

    def _values(self, row: Sequence[object]) -> tuple[object, ...]:
        if len(row) < self.width:
            row = [*row, *([""] * (self.width - len(row)))]
        got = self._get(row)
        values: tuple[object, ...] = (got,) if len(self.indexes) == 1 else got
        if self.typed:
            values = tuple(v if isinstance(v, str | date) else cell_text(v) for v in values)
        return values


def outcome_applied(answer: RowAnswer, outcome: object) -> RowAnswer:
    """`answer` (of a row's cells but its outcome) with the `outcome` cell's effect on its
    timeliness (`with_outcome`); an error answer for a bad outcome."""
    if answer.status == ERROR or outcome in ("", None):
        return answer
    try:
        return answer._replace(timeliness=with_outcome(answer.timeliness, outcome))
    except InvalidInput as error:
        return error_answer(error.message())


def answer_cells(answer: RowAnswer) -> list[object]:
    """The answer columns as workbook cells: dates as dates, numbers as numbers."""
    cells: list[object] = []
    for value in answer:
        if isinstance(value, bool):
            cells.append("true" if value else "false")
        else:
            cells.append("" if value is None else value)
    return cells


def run_table_batch(
    input_path: str,
    output_path: str | None,
    options: BatchOptions,
    encoding: str = "utf-8",
    progress: Callable[[int, float | None], None] | None = None,
) -> BatchSummary:
    """`foiclock batch` where the input or the output is a workbook: every row in order, its
    cells as they were (dates as dates), then the answer columns. A CSV output (from a workbook
    input) is neutralised against formula injection as `foiclock.batch.files` does."""
    options = options._replace(regime=get_regime(options.regime).key)
    holiday_table()
    if output_path is not None and output_path != "-":
        check_output_path(output_path)
    table = read_table(input_path, options, encoding)
    cases = CaseCells(table.header, options, typed=is_workbook(input_path))
    counts: dict[str, int] = {}
    errors: list[tuple[int, str]] = []

    def rows() -> Iterator[list[object]]:
        for line, row in table.rows:
            answer = cases.answer(row)
            counts[answer.status] = counts.get(answer.status, 0) + 1
            if answer.status == ERROR and len(errors) < ERRORS_LISTED:
                errors.append((line, answer.error or ""))
            cells = [*row, *([""] * (cases.width - len(row)))] if len(row) < cases.width else row
            yield [*cells, *answer_cells(answer)]
            if progress is not None and sum(counts.values()) % 16384 == 0:
                progress(sum(counts.values()), None)

    header = [*table.header, *OUTPUT_COLUMNS]
    if is_workbook(output_path):
        assert output_path is not None
        with atomic_output(output_path) as binary:
            write_workbook(binary, header, rows())
    elif output_path is None or output_path == "-":
        _write_csv(sys.stdout, header, rows(), options)
    else:
        with atomic_output(output_path) as binary:
            import io

            text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
            _write_csv(text, header, rows(), options)
            text.flush()
            text.detach()
    return BatchSummary(sum(counts.values()), counts, errors)


def _write_csv(
    sink: IO[str], header: list[str], rows: Iterator[list[object]], options: BatchOptions
) -> None:
    writer = csv.writer(sink, delimiter=options.delimiter, lineterminator="\n")
    for row in [header], rows:
        for cells in row:
            text = [cell_text(cell) for cell in cells]
            writer.writerow(neutralised(text) if options.sanitize else text)
