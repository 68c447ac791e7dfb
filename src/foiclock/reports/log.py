"""A case log read for the statistics and the worklist: each row of a CSV, JSON Lines or Excel
export (the same columns as `foiclock batch`, `--map` and `--ignore` applied) with the batch's
own answer for it (by the batch's fast path, `foiclock.batch.text_rows`, or its case clock,
`foiclock.batch.rows.RowAnswers`: the same dates, statuses and timeliness as `batch` writes),
judged on `--today` or on another day (the end of a period)."""

import json
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple
from foiclock.batch.columns import json_columns
from foiclock.batch.excel import is_workbook
from foiclock.batch.files import BatchOptions, input_format_for, open_input
from foiclock.batch.rows import (
    ERROR,
    EVENT_COLUMNS,
    MEMO_LIMIT,
    RowAnswer,
    RowAnswers,
    error_answer,
    typed_key,
)
from foiclock.batch.tables import CaseCells, outcome_applied, read_table
from foiclock.batch.timeliness import OUTCOME
from foiclock.clock.case import case_date
from foiclock.law.regimes import get_regime

if TYPE_CHECKING:
    from foiclock.batch.text_rows import TextRowAnswerer

JSONL: Final = "jsonl"


class LogRow(NamedTuple):
    """One row of a case log: where it is, the case cells, and its answer on `--today`."""

    row: int  # the line (or sheet row) it starts on
    cells: dict[str, object]  # the case keys the answer is counted from (not the case_id)
    answer: RowAnswer
    group: str | None  # the cell of the --by COLUMN, when asked for
    case_id: str | None = None

    @property
    def label(self) -> str:
        """The case_id, else the row: what a figure lists for it."""
        return self.case_id or f"row {self.row}"


class CaseLog:
    """The rows of the log at `path` (read once, in order: `rows()`), and the answers of the
    same cells on another day (`answer_on`)."""

    def __init__(
        self,
        path: str,
        options: BatchOptions,
        *,
        input_format: str | None = None,
        encoding: str = "utf-8",
        group_column: str | None = None,
    ) -> None:
        self.options = options
        self.path = path
        self.group_column = group_column
        self._judges: dict[date, tuple[TextRowAnswerer, RowAnswers]] = {}
        self._on_day: dict[object, RowAnswer] = {}
        self._dates: dict[tuple[str, object], date | None] = {}
        self._regimes: dict[object, str | None] = {}
        if is_workbook(path) or input_format_for(path, input_format) != JSONL:
            self.kind = "table"
            self._table = read_table(path, options, encoding)
            self._cases = CaseCells(self._table.header, options, typed=is_workbook(path))
            self.keys = list(self._cases.keys)
            self._group_index = self._column_index(group_column)
        else:
            self.kind = JSONL
            self._json = json_columns(options.received_column, EVENT_COLUMNS, options.columns)
            self._source = open_input(path, encoding)
            self.keys = [key for _, key in self._json]  # a JSON file may give any key
            self._jsonl_answers = RowAnswers(options.today, options.regime, options.received_column)
            self._jsonl_fast = self._text_answers(options.today)
            self._id_name = dict(options.columns.renames).get("case_id", "case_id")

    def _text_answers(self, day: date) -> "TextRowAnswerer":
        """The fast path's answers of the log's case cells (keyed by case key) judged on `day`."""
        from foiclock.batch.text_rows import TextRowAnswers

        wanted = [(key, key) for key in self.keys]
        return TextRowAnswers(wanted, day, self.options.regime).answer

    def _column_index(self, column: str | None) -> int | None:
        if column is None:
            return None
        names = [name.strip().lower() for name in self._table.header]
        if column.strip().lower() not in names:
            raise InvalidInput(
                "--by",
                column,
                M(
                    "is not a column of {source} (its columns: {columns})",
                    source=self.options.source_name,
                    columns=", ".join(self._table.header),
                ),
                M("regime, month, quarter, or team COLUMN with a column of the file"),
            )
        return names.index(column.strip().lower())

    def rows(self) -> Iterator[LogRow]:
        if self.kind == JSONL:
            yield from self._json_rows()
            return
        cases, index = self._cases, self._group_index
        for line, row in self._table.rows:
            group = None
            if index is not None:
                group = str(row[index]).strip() if index < len(row) else ""
            yield LogRow(line, cases.cells(row), cases.answer(row), group, cases.case_id(row))

    def _json_rows(self) -> Iterator[LogRow]:
        memo: dict[object, RowAnswer] = {}
        with self._source.text:
            for line_number, line in enumerate(self._source.text, start=1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except (ValueError, RecursionError) as error:
                    message = M(
                        "row is not JSON ({error}); accepted: one JSON object a line",
                        error=str(error),
                    )
                    yield LogRow(line_number, {}, error_answer(message), None)
                    continue
                if not isinstance(data, dict):
                    message = M("row is not a JSON object; accepted: one JSON object a line")
                    yield LogRow(line_number, {}, error_answer(message), None)
                    continue
                cells = {key: data[name] for name, key in self._json if name in data}
                identifier = _identifier(data.get(self._id_name))
                group = None
                if self.group_column is not None:
                    group = str(data.get(self.group_column, "")).strip()
                answer = _counted(self._jsonl_fast, cells)
                if answer is not None:
                    yield LogRow(line_number, cells, answer, group, identifier)
                    continue
                try:
                    key: object = typed_key(cells)
                    answer = memo.get(key)
                except TypeError:
                    key, answer = None, None
                if answer is None:
                    answer = self._jsonl_answers.answer(cells)
                    if key is not None:
                        if len(memo) >= MEMO_LIMIT:
                            memo.clear()
                        memo[key] = answer
                yield LogRow(line_number, cells, answer, group, identifier)

    def answer_on(self, row: LogRow, day: date) -> RowAnswer:
        """`row`'s answer judged on `day` (a period's end) instead of `--today`."""
        if day == self.options.today or row.answer.status == ERROR:
            return row.answer
        judges = self._judges.get(day)
        if judges is None:
            judges = self._judges[day] = (
                self._text_answers(day),
                RowAnswers(day, self.options.regime, self.options.received_column),
            )
        fast, judge = judges
        counted = _counted(fast, row.cells)
        if counted is not None:
            return counted
        try:
            key: object = (day, *typed_key(row.cells))
            found = self._on_day.get(key)
        except TypeError:
            return judge.answer(row.cells)
        if found is None:
            if len(self._on_day) >= MEMO_LIMIT:
                self._on_day.clear()
            found = self._on_day[key] = judge.answer(row.cells)
        return found

    def date_of(self, row: LogRow, key: str) -> date | None:
        """The date in `row`'s cell `key` (None when empty or not a date: the row's answer
        then says why)."""
        value = row.cells.get(key)
        if value is None or value == "":
            return None
        memo_key = (key, value)
        try:
            return self._dates[memo_key]
        except KeyError:
            pass
        except TypeError:
            return None
        try:
            found: date | None = case_date(key, value, self.options.today)
        except InvalidInput:
            found = None
        self._dates[memo_key] = found
        return found

    def regime_of(self, row: LogRow) -> str | None:
        """The row's regime key (the default where it has none; None for a bad one)."""
        value = row.cells.get("regime")
        if value is None or (isinstance(value, str) and not value.strip()):
            return self.options.regime
        try:
            return self._regimes[value]
        except KeyError:
            pass
        except TypeError:
            return None
        try:
            found: str | None = get_regime(str(value)).key
        except InvalidInput:
            found = None
        self._regimes[value] = found
        return found


def _identifier(value: object) -> str | None:
    """A JSON row's case_id as text (None when there is none)."""
    if value is None or isinstance(value, dict | list):
        return None
    return str(value).strip() or None


def _counted(fast: "TextRowAnswerer", cells: dict[str, object]) -> RowAnswer | None:
    """`cells`' answer by the fast path, the outcome applied on top of the other cells' (as a
    table's rows have it, `CaseCells.answer`); None: for the case clock."""
    outcome = cells.get(OUTCOME)
    if outcome in (None, ""):
        return fast(cells)
    answer = fast({**cells, OUTCOME: ""})
    return None if answer is None else outcome_applied(answer, outcome)


def log_options(
    *,
    today: date,
    regime: str,
    received_column: str = "received",
    delimiter: str = ",",
    source: str = "CASES",
    maps: list[str] | None = None,
    ignores: list[str] | None = None,
    sheet: str | None = None,
) -> BatchOptions:
    """The batch options a case log is read with (`--map`, `--ignore` and the config file's
    `[columns]` table applied)."""
    from foiclock.batch.columns import column_map

    return BatchOptions(
        today=today,
        regime=get_regime(regime).key,
        received_column=received_column,
        delimiter="\t" if delimiter in ("tab", "\\t") else delimiter,
        source_name=source,
        columns=column_map(maps or [], ignores or []),
        sheet=sheet,
    )
