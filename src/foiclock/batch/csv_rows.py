"""A CSV batch's rows: the header's case columns, and the loop that writes every row as the very
text it was read from, then its answer cells (by the fast path, `foiclock.batch.fast`, or the
case clock). Streamed row by row, so memory stays flat whatever the file's size.

CSV output is neutralised against formula injection as OWASP advises: a cell starting with `=`,
`+`, `-`, `@`, a tab or a carriage return gets a leading `'` (`sanitize=False` turns it off).
"""

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Final, Protocol

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M, Message
from foiclock.base.output import (
    FORMULA_STARTS,
    neutralised,
)
from foiclock.base.records import NamedTuple
from foiclock.batch.columns import column_names
from foiclock.batch.inputs import (
    ERRORS_LISTED,
    PROGRESS_EVERY,
    BatchOptions,
    BatchSummary,
    Progress,
    check_decoded,
)
from foiclock.batch.rows import (
    ERROR,
    EVENT_COLUMNS,
    MEMO_LIMIT,
    OUTPUT_COLUMNS,
    RowAnswer,
    RowAnswers,
    error_answer,
)

if TYPE_CHECKING:
    import _csv

    from foiclock.batch.fast import CsvAnswers

PLAIN_DELIMITERS: Final = frozenset(",;\t|")  # never in a date, a number or a status word
_SAFE_STARTS: Final = frozenset(FORMULA_STARTS)  # a row is safe if no cell's first is one
_first_character: Final = itemgetter(slice(None, 1))
FIELD_SIZE_LIMIT: Final = 2**31 - 1
CSV_ACCEPTED: Final = M(
    "CSV (RFC 4180): a cell holding the delimiter, a quote or a line break is quoted"
)


class Columns(NamedTuple):
    """What the row loop knows of the header: the case keys it reads, their columns, how many
    cells a row has, and the line ending of the output."""

    keys: list[str]
    indexes: list[int]
    width: int
    line_ending: str


RowAnswerer = Callable[[list[str]], tuple[str, str, str | None]]


def row_answers(options: BatchOptions, columns: Columns) -> RowAnswerer:
    """The answer of a row (its cells), as the loop writes it: the answer cells as text to
    follow the row, its status, its error (`csv_answers`)."""
    return csv_answers(options, columns).answer


def csv_answers(options: BatchOptions, columns: Columns, fast: bool = True) -> "CsvAnswers":
    """The answers of a batch's rows: by the fast path (`foiclock.batch.fast`) where it counts
    the row; by the case clock (`RowAnswers`) otherwise, remembered by the row's case cells,
    already rendered. `fast=False`: by the case clock alone (the tests compare them)."""
    keys, indexes, _, line_ending = columns
    get_cells = itemgetter(*indexes)
    single = len(indexes) == 1
    delimiter, sanitize = options.delimiter, options.sanitize
    answers = RowAnswers(options.today, options.regime, options.received_column)
    memo: dict[Any, tuple[str, str, str | None]] = {}

    def slow(row: list[str]) -> tuple[str, str, str | None]:
        key = get_cells(row)
        answer = memo.get(key)
        if answer is None:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            found = answers.answer(dict(zip(keys, (key,) if single else key, strict=True)))
            answer = memo[key] = (
                csv_suffix(found, delimiter, line_ending, sanitize),
                found.status,
                found.error,
            )
        return answer

    from foiclock.batch.fast import CsvAnswers

    return CsvAnswers(
        keys,
        indexes,
        options.today,
        options.regime,
        delimiter,
        line_ending,
        slow,
        fast=fast and delimiter in PLAIN_DELIMITERS,
    )


class Unsplittable(Exception):
    """A row of a part of the input spans several lines: the input cannot be split there."""


class Sink(Protocol):
    """What the row loop writes to: a text file, or a part's pieces (`--jobs`)."""

    def write(self, text: str, /) -> object: ...


def write_rows(
    reader: "_csv.Reader",
    raw_lines: Iterator[str],
    sink: Sink,
    options: BatchOptions,
    columns: Columns,
    answer_of: RowAnswerer,
    progress: Progress | None,
    whole_lines: bool = False,
    lines_before: int = 0,
) -> BatchSummary:
    """The loop of batch_csv, kept lean: it runs once a row. Line numbers are the reader's.

    A row is written as the very text it was read from (`raw_lines` runs in step with the
    reader), then the answer cells: its values stay byte for byte what they were, quoting
    included, and nothing is quoted again. A row that must change (a formula cell to neutralise,
    missing or extra cells) is written anew by the csv module. `whole_lines`: a row that spans
    several lines raises Unsplittable (a part of the input read on its own, `--jobs`);
    `lines_before`: the lines of the input before the reader's first."""
    next_raw = raw_lines.__next__
    width = columns.width
    write = sink.write
    delimiter = options.delimiter
    sanitize = options.sanitize
    safe = _SAFE_STARTS.isdisjoint if sanitize else None
    counts: defaultdict[str, int] = defaultdict(int)
    errors: list[tuple[int, str]] = []
    rows = 0
    end_line = reader.line_num + lines_before
    try:
        for row in reader:
            start_line = end_line + 1
            end_line = reader.line_num + lines_before
            raw = next_raw()
            if end_line != start_line:  # a cell with line breaks: the row spans several lines
                if whole_lines:
                    raise Unsplittable
                raw += "".join([next_raw() for _ in range(end_line - start_line)])
            if not any(row):
                continue  # a blank line, or cells all empty (Excel leaves such rows): no row
            if len(row) == width:
                suffix, status, detail = answer_of(row)
                if status == ERROR:
                    if not "".join(row).strip():
                        continue  # cells of spaces only: no row either
                    if len(errors) < ERRORS_LISTED:
                        errors.append((start_line, detail or ""))
                if safe is None or safe(map(_first_character, row)):
                    write(raw.rstrip("\r\n") + suffix)
                else:
                    write(csv_line(row, delimiter, "", sanitize) + suffix)
            else:  # missing cells at the end are empty; more cells than the header: an error
                uneven = _write_uneven(row, columns, options, answer_of, write)
                if uneven is None:
                    continue  # cells of spaces only
                status, detail = uneven
                if status == ERROR and len(errors) < ERRORS_LISTED:
                    errors.append((start_line, detail or ""))
            rows += 1
            counts[status] += 1
            if progress is not None and rows % PROGRESS_EVERY == 0:
                progress(rows)
    except csv.Error as error:  # strict: a quote left open, text after a closing quote
        raise InvalidInput(
            options.source_name,
            None,
            M(
                "cannot be read as CSV: the row starting at line {line} ({error})",
                line=end_line + 1,
                error=str(error),
            ),
            CSV_ACCEPTED,
        ) from None
    except UnicodeEncodeError:  # nothing of the row was written: it is encoded before
        check_decoded(options.delimiter.join(row), start_line)
        raise
    return BatchSummary(rows, dict(counts), errors)


def _write_uneven(
    row: list[str],
    columns: Columns,
    options: BatchOptions,
    answer_of: RowAnswerer,
    write: Callable[[str], object],
) -> tuple[str, str | None] | None:
    """A row of fewer or more cells than the header, written anew: missing cells at the end are
    empty; a row of more cells is an error row, kept whole, the answer under its own header and
    the extra cells after it. Its status and error (None: no row, its cells are spaces only)."""
    width, delimiter, sanitize = columns.width, options.delimiter, options.sanitize
    row.extend([""] * (width - len(row)))
    suffix, status, detail = answer_of(row)
    if status == ERROR and not "".join(row).strip():
        return None
    if len(row) > width:
        detail = _long_row(len(row), width)
        more = csv_cells(error_answer(detail)) + row[width:]
        write(csv_line(row[:width], delimiter, columns.line_ending, sanitize, more))
        return ERROR, detail
    write(csv_line(row, delimiter, "", sanitize) + suffix)
    return status, detail


def _long_row(cells: int, width: int) -> Message:
    """The error of a row with more cells than the header: it is kept whole, the answer under
    its own header and the extra cells after it."""
    return M(
        "row has {cells} cells but the header has {width}; accepted: one cell a column "
        "(quote a cell that holds the delimiter)",
        cells=cells,
        width=width,
    )


def csv_line(
    cells: list[str],
    delimiter: str,
    line_ending: str,
    sanitize: bool,
    more: list[str] | None = None,
) -> str:
    """`cells` (neutralised when `sanitize`), then `more` after a delimiter, as CSV text ending
    in `line_ending`. Written with CRLF first, so that a cell holding a CR or an LF is quoted
    whatever the input's line ends were."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    if more is None:
        writer.writerow(neutralised(cells) if sanitize else cells)
    else:
        line = cells + more
        writer.writerow(neutralised(line) if sanitize else line)
        if not cells:  # the answer alone, to follow a row: it starts with the delimiter
            return delimiter + buffer.getvalue()[:-2] + line_ending
    return buffer.getvalue()[:-2] + line_ending


def case_columns(header: list[str], options: BatchOptions) -> tuple[list[str], list[int]]:
    """The case keys the batch reads and the index of each one's column. Header names are
    matched ignoring case and surrounding spaces."""
    names = column_names(header, options.columns, options.source_name)
    for name, given in zip(names, header, strict=True):
        if name in OUTPUT_COLUMNS:
            raise InvalidInput(
                options.source_name,
                None,
                M("already has a column {column}, which the batch adds", column=repr(given)),
                M(
                    "input without columns named {columns} (rename it)",
                    columns=", ".join(OUTPUT_COLUMNS),
                ),
            )
    received = options.received_column.strip().lower()
    wanted = [received, *(key for key in EVENT_COLUMNS if key != received)]
    keys: list[str] = []
    indexes: list[int] = []
    for key in wanted:
        found = [index for index, name in enumerate(names) if name == key]
        if len(found) > 1:
            raise InvalidInput(
                options.source_name,
                None,
                M("has {count} columns named {key}", count=len(found), key=repr(key)),
                M("one column for each case key"),
            )
        if found:
            keys.append("received" if key == received else key)
            indexes.append(found[0])
    if not keys or keys[0] != "received":
        raise InvalidInput(
            "received_column",
            options.received_column,
            M(
                "is not a column of {source} (its columns: {columns})",
                source=options.source_name,
                columns=", ".join(header),
            ),
            M("the name of the column that holds the date of receipt (--received-column)"),
        )
    return keys, indexes


def csv_suffix(answer: RowAnswer, delimiter: str, line_ending: str, sanitize: bool) -> str:
    """The answer cells as CSV text to follow a row: the delimiter first, the line ending last.
    Without an error message they are dates, numbers and words, which never need quoting."""
    cells = csv_cells(answer)
    if answer.error is None and delimiter in PLAIN_DELIMITERS:
        return delimiter + delimiter.join(cells) + line_ending
    return csv_line([], delimiter, line_ending, sanitize, cells)


def csv_cells(answer: RowAnswer) -> list[str]:
    """The answer as CSV cells: ISO dates, numbers, `true`/`false`, empty for None."""
    due, extended_due, elapsed, status, late, review_by, rule, provisional, checked = answer[:9]
    timeliness, taken, review_due, review_timeliness, error = answer[9:]
    return [
        "" if due is None else due.isoformat(),
        "" if extended_due is None else extended_due.isoformat(),
        "" if elapsed is None else str(elapsed),
        status,
        "" if late is None else str(late),
        "" if review_by is None else review_by.isoformat(),
        rule or "",
        "" if provisional is None else ("true" if provisional else "false"),
        "" if checked is None else ("true" if checked else "false"),
        timeliness or "",
        "" if taken is None else str(taken),
        "" if review_due is None else review_due.isoformat(),
        review_timeliness or "",
        error or "",
    ]
