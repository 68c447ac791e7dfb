"""Batch files: CSV or JSON Lines in, every row out in order with its own cells untouched and the
answer columns (`foiclock.batch.OUTPUT_COLUMNS`) added. Streamed row by row, so memory stays flat
whatever the file's size.

Speed: a row's answer depends only on its case cells (the receipt date, the regime and event
columns), so answers are remembered by those cells, already rendered as output text, and a
million-row export with a few thousand distinct receipt dates is mostly dictionary look-ups. The
memory is bounded (`MEMO_LIMIT` entries, then it starts again).

A bad row is kept: its status is `error` and `error` names the column and the value; the run goes
on. Only an input that cannot be read at all (no header, no receipt column, not UTF-8, broken CSV
quoting) stops it, with InvalidInput.

CSV output is neutralised against formula injection as OWASP advises: a cell starting with `=`,
`+`, `-`, `@`, a tab or a carriage return gets a leading `'` (`sanitize=False` turns it off).
"""

import codecs
import csv
import io
import json
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain, tee
from operator import itemgetter
from typing import IO, TYPE_CHECKING, Any, Final, NamedTuple, TextIO

from foiclock.batch import (
    ERROR,
    EVENT_COLUMNS,
    MEMO_LIMIT,
    OUTPUT_COLUMNS,
    RowAnswer,
    RowAnswers,
    error_answer,
)
from foiclock.calendar import holiday_table
from foiclock.errors import InvalidInput
from foiclock.i18n import M, Message
from foiclock.output import (
    FORMULA_STARTS,
    atomic_output,
    check_output_path,
    neutralised,
    replaced_by_rename,
)
from foiclock.regimes import get_regime

if TYPE_CHECKING:
    import _csv

CSV: Final = "csv"
JSONL: Final = "jsonl"
INPUT_FORMATS: Final = (CSV, JSONL)
_PLAIN_DELIMITERS: Final = frozenset(",;\t|")  # never in a date, a number or a status word
_SAFE_STARTS: Final = frozenset(FORMULA_STARTS)  # a row is safe if no cell's first is one
_first_character: Final = itemgetter(slice(None, 1))
ERRORS_LISTED: Final = 5  # errors the summary lists with their line numbers
PROGRESS_EVERY: Final = 16384  # rows between progress reports
_BOM: Final = b"\xef\xbb\xbf"
_FIELD_SIZE_LIMIT: Final = 2**31 - 1
_UTF_8_NAMES: Final = ("utf-8", "utf8", "utf-8-sig")
_CSV_ACCEPTED: Final = M(
    "CSV (RFC 4180): a cell holding the delimiter, a quote or a line break is quoted"
)


class BatchOptions(NamedTuple):
    today: date
    regime: str = "foia"  # for rows without a regime cell
    received_column: str = "received"
    delimiter: str = ","
    sanitize: bool = True
    source_name: str = "INPUT"  # how errors name the input
    byte_order_mark: bool = False  # start the CSV output with one (the input had one)


class BatchSummary(NamedTuple):
    """What a run did: rows written, rows by status, and the first errors with the line each
    row starts on."""

    rows: int
    counts: dict[str, int]
    errors: list[tuple[int, str]]

    @property
    def failed(self) -> int:
        return self.counts.get(ERROR, 0)


Progress = Callable[[int], None]


class InputFile(NamedTuple):
    """An opened input: its text, whether it began with a UTF-8 byte-order mark (Excel's
    "CSV UTF-8"; the output then gets one too), and how far through its bytes the reading is."""

    text: TextIO
    had_bom: bool
    size: int | None  # bytes, when known (a file, not a pipe)
    position: Callable[[], int]


def open_input(path: str, encoding: str = "utf-8") -> InputFile:
    """`path` (or `-`, standard input) opened for a batch; InvalidInput if it cannot be."""
    try:
        binary: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as error:
        reason = error.strerror or str(error)
        raise InvalidInput(
            "INPUT",
            path,
            M("cannot be read ({reason})", reason=reason),
            M("a readable file, or - for standard input"),
        ) from None
    peek = getattr(binary, "peek", None)
    start = peek(3)[:3] if peek is not None else b""
    had_bom = start == _BOM and encoding.replace("_", "-").lower() in _UTF_8_NAMES
    try:
        text = io.TextIOWrapper(binary, encoding="utf-8-sig" if had_bom else encoding, newline="")
    except LookupError:
        if binary is not sys.stdin.buffer:
            binary.close()
        raise InvalidInput("encoding", encoding, M("is not a known encoding"), "utf-8") from None
    size = None
    if path != "-":
        try:
            size = os.fstat(binary.fileno()).st_size
        except OSError:
            size = None
    return InputFile(text, had_bom, size, binary.tell)


def batch(
    source: TextIO,
    sink: TextIO,
    input_format: str,
    options: BatchOptions,
    progress: Progress | None = None,
) -> BatchSummary:
    """Read rows from `source` and write them with their answers to `sink`, in the same format
    (`csv` or `jsonl`)."""
    if input_format == JSONL:
        return batch_jsonl(source, sink, options, progress)
    return batch_csv(source, sink, options, progress)


def batch_csv(
    source: TextIO, sink: TextIO, options: BatchOptions, progress: Progress | None = None
) -> BatchSummary:
    """CSV in, CSV out, with the input's delimiter and line ending."""
    first_line = source.readline()
    if not first_line.strip():
        raise InvalidInput(
            options.source_name,
            None,
            M("has no header row"),
            M("CSV whose first row names its columns"),
        )
    line_ending = "\r\n" if first_line.endswith("\r\n") else "\n"
    lines, raw_lines = tee(chain([first_line], source))
    # strict: a quote left open or text after a closing quote is an error, never a guess that
    # swallows the rest of the file. Free-text cells may be long: no limit below 2 GB.
    reader = csv.reader(lines, delimiter=options.delimiter, strict=True)
    limit = csv.field_size_limit(_FIELD_SIZE_LIMIT)
    try:
        return _copy_rows(reader, raw_lines, sink, options, line_ending, progress)
    finally:
        csv.field_size_limit(limit)


def _copy_rows(
    reader: "_csv.Reader",
    raw_lines: Iterator[str],
    sink: TextIO,
    options: BatchOptions,
    line_ending: str,
    progress: Progress | None,
) -> BatchSummary:
    """The loop of batch_csv, kept lean: it runs once a row.

    A row is written as the very text it was read from (`raw_lines` runs in step with the
    reader), then the answer cells: its values stay byte for byte what they were, quoting
    included, and nothing is quoted again. A row that must change (a formula cell to neutralise,
    missing or extra cells) is written anew by the csv module."""
    next_raw = raw_lines.__next__
    try:
        header = next(reader)
    except csv.Error as error:
        raise InvalidInput(
            options.source_name,
            None,
            M("has a header row that cannot be read as CSV ({error})", error=str(error)),
            _CSV_ACCEPTED,
        ) from None
    for _ in range(reader.line_num):  # a header cell may hold a line break
        next_raw()  # the header is written anew, with the answer columns
    keys, indexes = _case_columns(header, options)
    width = len(header)
    get_cells = itemgetter(*indexes)
    single = len(indexes) == 1
    write = sink.write
    delimiter = options.delimiter
    sanitize = options.sanitize
    safe = _SAFE_STARTS.isdisjoint if sanitize else None
    if options.byte_order_mark:
        write("\ufeff")  # Excel's "CSV UTF-8" in, the same out
    write(_csv_line(header, delimiter, line_ending, sanitize, list(OUTPUT_COLUMNS)))
    answers = RowAnswers(options.today, options.regime, options.received_column)
    memo: dict[Any, tuple[str, str, str | None]] = {}
    counts: defaultdict[str, int] = defaultdict(int)
    errors: list[tuple[int, str]] = []
    rows = 0
    end_line = reader.line_num
    try:
        for row in reader:
            start_line = end_line + 1
            end_line = reader.line_num
            raw = next_raw()
            if end_line != start_line:  # a cell with line breaks: the row spans several lines
                raw += "".join([next_raw() for _ in range(end_line - start_line)])
            if not any(row):
                continue  # a blank line, or cells all empty (Excel leaves such rows): no row
            if len(row) != width:
                row.extend([""] * (width - len(row)))  # missing cells at the end are empty
                raw = ""  # written anew
            key = get_cells(row)
            answer = memo.get(key)
            if answer is None:
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()
                found = answers.answer(dict(zip(keys, (key,) if single else key, strict=True)))
                answer = memo[key] = (
                    _csv_suffix(found, delimiter, line_ending, sanitize),
                    found.status,
                    found.error,
                )
            detail: str | None
            if answer[1] == ERROR and not "".join(row).strip():
                continue  # cells of spaces only: no row either
            rows += 1
            if len(row) > width:
                detail = _long_row(len(row), width)
                more = _csv_cells(error_answer(detail)) + row[width:]
                write(_csv_line(row[:width], delimiter, line_ending, sanitize, more))
                status = ERROR
            else:
                if raw and (safe is None or safe(map(_first_character, row))):
                    write(raw.rstrip("\r\n"))
                else:
                    write(_csv_line(row, delimiter, "", sanitize))
                write(answer[0])
                status, detail = answer[1], answer[2]
            counts[status] += 1
            if status == ERROR and len(errors) < ERRORS_LISTED:
                errors.append((start_line, detail or ""))
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
            _CSV_ACCEPTED,
        ) from None
    return BatchSummary(rows, dict(counts), errors)


def _long_row(cells: int, width: int) -> Message:
    """The error of a row with more cells than the header: it is kept whole, the answer under
    its own header and the extra cells after it."""
    return M(
        "row has {cells} cells but the header has {width}; accepted: one cell a column "
        "(quote a cell that holds the delimiter)",
        cells=cells,
        width=width,
    )


def _csv_line(
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


def _case_columns(header: list[str], options: BatchOptions) -> tuple[list[str], list[int]]:
    """The case keys the batch reads and the index of each one's column. Header names are
    matched ignoring case and surrounding spaces."""
    names = [name.strip().lower() for name in header]
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


def _csv_suffix(answer: RowAnswer, delimiter: str, line_ending: str, sanitize: bool) -> str:
    """The answer cells as CSV text to follow a row: the delimiter first, the line ending last.
    Without an error message they are dates, numbers and words, which never need quoting."""
    cells = _csv_cells(answer)
    if answer.error is None and delimiter in _PLAIN_DELIMITERS:
        return delimiter + delimiter.join(cells) + line_ending
    return _csv_line([], delimiter, line_ending, sanitize, cells)


def _csv_cells(answer: RowAnswer) -> list[str]:
    """The answer as CSV cells: ISO dates, numbers, `true`/`false`, empty for None."""
    due, extended_due, elapsed, status, late, review_by, rule, provisional, error = answer
    return [
        "" if due is None else due.isoformat(),
        "" if extended_due is None else extended_due.isoformat(),
        "" if elapsed is None else str(elapsed),
        status,
        "" if late is None else str(late),
        "" if review_by is None else review_by.isoformat(),
        rule or "",
        "" if provisional is None else ("true" if provisional else "false"),
        error or "",
    ]


def batch_jsonl(
    source: TextIO, sink: TextIO, options: BatchOptions, progress: Progress | None = None
) -> BatchSummary:
    """JSON Lines in and out: each object with the answer keys added. A line that is not a JSON
    object, or an object that already has an answer key, is kept whole under `input`."""
    received = options.received_column
    wanted = [(received, "received"), *((key, key) for key in EVENT_COLUMNS if key != received)]
    answers = RowAnswers(options.today, options.regime, options.received_column)
    memo: dict[Any, RowAnswer] = {}
    counts: defaultdict[str, int] = defaultdict(int)
    errors: list[tuple[int, str]] = []
    rows = 0
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for line_number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        rows += 1
        row: object
        try:
            row = json.loads(line)
        except ValueError as error:
            row = line.rstrip("\r\n")
            answer = error_answer(
                M("row is not JSON ({error}); accepted: one JSON object a line", error=str(error))
            )
        else:
            answer = _json_answer(row, wanted, memo, answers)
        if answer.status == ERROR and not _keeps_keys(row):
            out: dict[str, object] = {"input": row}
        else:
            assert isinstance(row, dict)
            out = row
        out.update(_json_values(answer))
        sink.write(dumps(out))
        sink.write("\n")
        counts[answer.status] += 1
        if answer.status == ERROR and len(errors) < ERRORS_LISTED:
            errors.append((line_number, answer.error or ""))
        if progress is not None and rows % PROGRESS_EVERY == 0:
            progress(rows)
    return BatchSummary(rows, dict(counts), errors)


def _keeps_keys(row: object) -> bool:
    """Whether an error row can be written as it is, with the answer keys added."""
    return isinstance(row, dict) and not any(key in OUTPUT_COLUMNS for key in row)


def _json_answer(
    row: object,
    wanted: list[tuple[str, str]],
    memo: dict[Any, RowAnswer],
    answers: RowAnswers,
) -> RowAnswer:
    if not isinstance(row, dict):
        return error_answer(
            M(
                "row is a JSON {type}, not an object; accepted: one JSON object a line",
                type=type(row).__name__,
            )
        )
    clash = next((key for key in row if key in OUTPUT_COLUMNS), None)
    if clash is not None:
        return error_answer(
            M(
                "row already has the key {key}, which the batch adds; accepted: objects without "
                "the keys {keys} (rename it)",
                key=repr(clash),
                keys=", ".join(OUTPUT_COLUMNS),
            )
        )
    cells = {key: row[name] for name, key in wanted if name in row}
    try:
        memo_key: Any = tuple((key, type(value), value) for key, value in cells.items())
        hash(memo_key)
    except TypeError:  # a list of school closures: answer it without remembering it
        return answers.answer(cells)
    answer = memo.get(memo_key)
    if answer is None:
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        answer = memo[memo_key] = answers.answer(cells)
    return answer


def _json_values(answer: RowAnswer) -> dict[str, object]:
    return {
        name: value.isoformat() if isinstance(value, date) else value
        for name, value in zip(OUTPUT_COLUMNS, answer, strict=True)
    }


def input_format_for(path: str, chosen: str | None) -> str:
    """The input format: the one chosen, else from the file's suffix (.jsonl, .ndjson), else
    CSV."""
    if chosen is None:
        return JSONL if path.lower().endswith((".jsonl", ".ndjson")) else CSV
    if chosen not in INPUT_FORMATS:
        raise InvalidInput("input_format", chosen, M("is not an input format"), M("csv or jsonl"))
    return chosen


def run_batch(
    input_path: str,
    output_path: str | None,
    options: BatchOptions,
    *,
    input_format: str | None = None,
    encoding: str = "utf-8",
    progress: Callable[[int, float | None], None] | None = None,
) -> BatchSummary:
    """`foiclock batch`: `input_path` (or `-`) to `output_path` (atomically), or to standard
    output when it is None. `progress` is called now and then with the rows done so far and the
    fraction of the input read (None for a pipe). On any failure, Ctrl-C included, an output file
    is left as it was."""
    chosen = input_format_for(input_path, input_format)
    options = options._replace(regime=get_regime(options.regime).key)  # a bad --regime: exit 2
    holiday_table()  # a damaged stored update or config file: exit 2, not an error in every row
    if len(options.delimiter) != 1:
        raise InvalidInput(
            "delimiter",
            options.delimiter,
            M("is not one character"),
            M("one character, such as ; or ,"),
        )
    if options.delimiter in '"\r\n':
        raise InvalidInput(
            "delimiter",
            options.delimiter,
            M("cannot separate cells: it quotes them or ends a line"),
            M("one other character, such as ; or ,"),
        )
    if output_path == "-":
        output_path = None  # standard output, as for the input
    if output_path is not None:
        check_output_path(output_path)
        if (
            input_path != "-"
            and os.path.exists(output_path)
            and os.path.exists(input_path)
            and os.path.samefile(input_path, output_path)
        ):
            raise InvalidInput(
                "output",
                output_path,
                M("is the input file: the batch would overwrite the rows it reads"),
                M("another file"),
            )
    source = open_input(input_path, encoding)
    text_encoding = source.text.encoding.replace("utf-8-sig", "utf-8")
    options = options._replace(byte_order_mark=source.had_bom)
    report = None
    if progress is not None:
        size = source.size

        def report(rows: int) -> None:
            progress(rows, source.position() / size if size else None)

    def write_all(binary: IO[bytes]) -> BatchSummary:
        sink = io.TextIOWrapper(binary, encoding=text_encoding, newline="")
        try:
            return batch(source.text, sink, chosen, options, report)
        finally:
            sink.flush()
            sink.detach()

    try:
        with source.text:
            if output_path is None:
                return write_all(sys.stdout.buffer)
            with atomic_output(output_path) as binary:
                return write_all(binary)
    except BrokenPipeError:
        raise  # standard output closed by its reader: the caller decides
    except OSError as error:  # reading the input or writing the output
        reason = error.strerror or str(error)
        if output_path is not None and replaced_by_rename(output_path):
            problem = M(
                "stopped before the end ({reason}); {path} left as it was",
                reason=reason,
                path=output_path,
            )
        else:
            problem = M("stopped before the end ({reason})", reason=reason)
        raise InvalidInput(
            "batch", None, problem, M("a readable input and a writable output")
        ) from None
    except UnicodeDecodeError as error:
        line = _undecodable_line(input_path, error.encoding)
        byte = f"{error.object[error.start]:#04x}"
        if line is None:
            problem = M(
                "is not {encoding} text: a line has the byte {byte}",
                encoding=error.encoding,
                byte=byte,
            )
        else:
            problem = M(
                "is not {encoding} text: line {line} has the byte {byte}",
                encoding=error.encoding,
                line=line,
                byte=byte,
            )
        raise InvalidInput(
            options.source_name,
            None,
            problem,
            M("UTF-8 text, with or without a byte-order mark, or --encoding NAME"),
        ) from None


def _undecodable_line(path: str, encoding: str) -> int | None:
    """Which line of `path` cannot be decoded (None for standard input, read only once).
    Text is decoded a block at a time, ahead of the rows, so the error itself cannot say."""
    if path == "-":
        return None
    decoder = codecs.getincrementaldecoder(encoding)()
    with open(path, "rb") as stream:
        for number, line in enumerate(stream, start=1):
            try:
                decoder.decode(line)
            except UnicodeDecodeError:
                return number
    return None
