"""Batch files: CSV or JSON Lines in, every row out in order with its own cells untouched and the
answer columns (`foiclock.batch.rows.OUTPUT_COLUMNS`) added (`run_batch`, `foiclock batch`).
Streamed row by row, so memory stays flat whatever the file's size. The input is opened by
`foiclock.batch.inputs`; CSV rows are written by `foiclock.batch.csv_rows`, a CSV file in parts
by worker processes by `foiclock.batch.csv_parts` (`--jobs`); JSON Lines are read and written
here.

Speed: a row's answer depends only on its case cells (the receipt date, the regime and event
columns): the fast path (`foiclock.batch.fast`) counts most rows on the calendar's arrays and
remembers what rows share; JSON Lines answers are remembered by those cells. The memory is
bounded (`MEMO_LIMIT` entries, then it starts again).

A bad row is kept: its status is `error` and `error` names the column and the value; the run goes
on. Only an input that cannot be read at all (no header, no receipt column, a byte its encoding
cannot decode, broken CSV quoting) stops it, with InvalidInput naming the line.
"""

import csv
import io
import json
import os
import re
import stat
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain, tee
from typing import IO, TYPE_CHECKING, Any, Final, NoReturn, TextIO

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.output import (
    atomic_output,
    check_output_path,
    file_identity,
    replaced_by_rename,
)
from foiclock.batch.columns import json_columns
from foiclock.batch.csv_parts import PART_BYTES, Split, split_for, write_parts
from foiclock.batch.csv_rows import (
    CSV_ACCEPTED,
    FIELD_SIZE_LIMIT,
    Columns,
    case_columns,
    csv_line,
    row_answers,
    write_rows,
)
from foiclock.batch.inputs import (
    BOM,
    CSV,
    ENCODING_HELP,
    ERRORS_LISTED,
    INPUT_FORMATS,
    JSONL,
    PROGRESS_EVERY,
    BatchOptions,
    BatchSummary,
    InputFile,
    Progress,
    Undecodable,
    check_decoded,
    input_format_for,
    open_input,
)
from foiclock.batch.rows import (
    ERROR,
    EVENT_COLUMNS,
    MEMO_LIMIT,
    OUTPUT_COLUMNS,
    RowAnswer,
    RowAnswers,
    error_answer,
    typed_key,
)
from foiclock.calendar.calendars import holiday_table
from foiclock.law.regimes import get_regime

if TYPE_CHECKING:
    import _csv

    from foiclock.batch.text_rows import TextRowAnswerer

#: What this module has always offered (the options, the summary, the input, the formats, CSV
#: and JSON Lines, `run_batch`), wherever it is defined now.
__all__ = [
    "CSV",
    "ERRORS_LISTED",
    "INPUT_FORMATS",
    "JSONL",
    "PROGRESS_EVERY",
    "BatchOptions",
    "BatchSummary",
    "InputFile",
    "Progress",
    "batch",
    "batch_csv",
    "batch_jsonl",
    "input_format_for",
    "open_input",
    "run_batch",
]


def batch(
    source: TextIO,
    sink: TextIO,
    input_format: str,
    options: BatchOptions,
    progress: Progress | None = None,
    split: "Split | None" = None,
) -> BatchSummary:
    """Read rows from `source` and write them with their answers to `sink`, in the same format
    (`csv` or `jsonl`); a CSV file in parts by worker processes when `split` says how."""
    if input_format == JSONL:
        return batch_jsonl(source, sink, options, progress)
    return batch_csv(source, sink, options, progress, split)


def batch_csv(
    source: TextIO,
    sink: TextIO,
    options: BatchOptions,
    progress: Progress | None = None,
    split: Split | None = None,
) -> BatchSummary:
    """CSV in, CSV out, with the input's delimiter and line ending (that of its first line:
    LF, CRLF, or CR alone)."""
    first_line = source.readline()
    if not first_line.strip():
        raise InvalidInput(
            options.source_name,
            None,
            M("has no header row"),
            M("CSV whose first row names its columns"),
        )
    line_ending = first_line[len(first_line.rstrip("\r\n")) :] or "\n"
    lines, raw_lines = tee(chain([first_line], source))
    # strict: a quote left open or text after a closing quote is an error, never a guess that
    # swallows the rest of the file. Free-text cells may be long: no limit below 2 GB.
    reader = csv.reader(lines, delimiter=options.delimiter, strict=True)
    limit = csv.field_size_limit(FIELD_SIZE_LIMIT)
    try:
        return _copy_rows(reader, raw_lines, sink, options, line_ending, progress, split)
    finally:
        csv.field_size_limit(limit)


def _copy_rows(
    reader: "_csv.Reader",
    raw_lines: Iterator[str],
    sink: TextIO,
    options: BatchOptions,
    line_ending: str,
    progress: Progress | None,
    split: Split | None = None,
) -> BatchSummary:
    """batch_csv after its first line: the header, written with the answer columns, then the
    rows (`write_rows`), in parts (`write_parts`) when `split` says how and the header is one
    line ending in LF or CRLF."""
    next_raw = raw_lines.__next__
    try:
        header = next(reader)
    except csv.Error as error:
        raise InvalidInput(
            options.source_name,
            None,
            M("has a header row that cannot be read as CSV ({error})", error=str(error)),
            CSV_ACCEPTED,
        ) from None
    # A header cell may hold a line break; the header is written anew, with the answer columns.
    header_text = "".join([next_raw() for _ in range(reader.line_num)])
    check_decoded(options.delimiter.join(header), 1)
    keys, indexes = case_columns(header, options)
    if options.byte_order_mark:
        sink.write("\ufeff")  # Excel's "CSV UTF-8" in, the same out
    sink.write(
        csv_line(header, options.delimiter, line_ending, options.sanitize, list(OUTPUT_COLUMNS))
    )
    columns = Columns(keys, indexes, len(header), line_ending)
    answer_of = row_answers(options, columns)
    if split is not None and reader.line_num == 1 and line_ending.endswith("\n"):
        start = len(header_text.encode(split.encoding))
        start += len(BOM) if options.byte_order_mark else 0
        return write_parts(split, start, sink, options, columns, answer_of, progress)
    return write_rows(reader, raw_lines, sink, options, columns, answer_of, progress)


def batch_jsonl(
    source: TextIO, sink: TextIO, options: BatchOptions, progress: Progress | None = None
) -> BatchSummary:
    """JSON Lines in and out: each object with the answer keys added. A line that is not a JSON
    object, or an object that already has an answer key, is kept whole under `input`. The output
    is always strict JSON (RFC 8259): a row that would not be (NaN, 1e999, a lone surrogate) is
    an error row, as are a duplicate key and nesting too deep to read."""
    wanted = json_columns(options.received_column, EVENT_COLUMNS, options.columns)
    answers = RowAnswers(options.today, options.regime, options.received_column)
    from foiclock.batch.text_rows import TextRowAnswers

    fast = TextRowAnswers(wanted, options.today, options.regime).answer
    memo: dict[Any, RowAnswer] = {}
    counts: defaultdict[str, int] = defaultdict(int)
    errors: list[tuple[int, str]] = []
    rows = 0
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    decode = json.JSONDecoder(
        object_pairs_hook=_json_object, parse_float=_finite, parse_constant=_not_finite
    ).decode
    write = sink.write
    for line_number, line in enumerate(_json_lines(source), start=1):
        if not line.strip():
            continue
        rows += 1
        try:
            out, answer = _json_row(line, decode, wanted, memo, answers, fast)
            text = dumps(out)
        except RecursionError:  # nested too deeply for the parser (or for the writer)
            out, answer = _json_error_row(line, _TOO_DEEP)
            text = dumps(out)
        try:
            write(text)
        except UnicodeEncodeError:  # nothing was written: the text is encoded before
            check_decoded(line, line_number, count_breaks=False)
            out, answer = _unwritable_row(line, out, answer, text)
            write(_ASCII_JSON.encode(out))
        write("\n")
        counts[answer.status] += 1
        if answer.status == ERROR and len(errors) < ERRORS_LISTED:
            errors.append((line_number, answer.error or ""))
        if progress is not None and rows % PROGRESS_EVERY == 0:
            progress(rows)
    return BatchSummary(rows, dict(counts), errors)


_ASCII_JSON: Final = json.JSONEncoder()  # non-ASCII characters as \u escapes
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_TOO_DEEP: Final = M("row is nested too deeply to be read; accepted: one JSON object a line")


def _json_lines(source: TextIO) -> Iterator[str]:
    """The lines of JSON Lines text, as the format splits them: at LF, so at CRLF too; a CR
    alone between two tokens is JSON whitespace (RFC 8259), not the end of a row. `source`
    splits at CR, LF and CRLF (newline=""), so the pieces of a line are joined again here.

    A file whose lines end in CR alone (classic Mac OS) is read a CR at a time, as before: it is
    known by its first row, whole JSON up to a CR. (In a file of LF lines, a row is whole JSON
    up to a CR within it only if nothing but blanks follows that CR.) A CR-only file whose first
    row is not JSON is read as one line: one error row."""
    pieces = iter(source)
    held: list[str] = []  # the pieces of a line not yet ended by an LF
    for piece in pieces:
        held.append(piece)
        if piece[-1:] != "\r" or piece.strip():
            break  # the end of the first line, or the first piece that is not blank
    if held and held[-1][-1:] == "\r" and _whole_json(held[-1]):
        yield from held
        yield from pieces
        return
    pending: list[str] = []
    for piece in chain(held, pieces):
        if piece[-1:] == "\r":
            pending.append(piece)
        elif pending:
            pending.append(piece)
            yield "".join(pending)
            pending = []
        else:
            yield piece
    if pending:
        yield "".join(pending)


def _whole_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


class _RowRefused(ValueError):
    """A JSON row the batch refuses though the parser would read it; `message` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused if a key comes twice: a dict would keep the last value alone."""
    row = dict(pairs)
    if len(row) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RowRefused(
                    M(
                        "row has the key {key} twice; accepted: one JSON object a line, each "
                        "key once",
                        key=repr(key),
                    )
                )
            seen.add(key)
    return row


def _finite(text: str) -> float:
    """A JSON number with a fraction or an exponent; refused if it is too large for a float
    (1e999 would be written back as Infinity, which is not JSON)."""
    value = float(text)
    if value in _INFINITIES:
        _not_finite(text)
    return value


_INFINITIES: Final = (float("inf"), float("-inf"))


def _not_finite(text: str) -> NoReturn:
    """NaN, Infinity and -Infinity, which Python's parser reads though JSON has no such
    numbers."""
    raise _RowRefused(
        M(
            "row has the number {number}, which is not finite; accepted: finite numbers (JSON "
            "has no NaN or Infinity)",
            number=text,
        )
    )


def _json_row(
    line: str,
    decode: Callable[[str], Any],
    wanted: list[tuple[str, str]],
    memo: dict[Any, RowAnswer],
    answers: RowAnswers,
    fast: "TextRowAnswerer",
) -> tuple[dict[str, object], RowAnswer]:
    """One line as the object to write and its answer (by the fast path where it counts the
    row, `foiclock.batch.text_rows`)."""
    try:
        row = decode(line)
    except _RowRefused as refused:
        return _json_error_row(line, refused.message)
    except ValueError as error:
        return _json_error_row(
            line,
            M("row is not JSON ({error}); accepted: one JSON object a line", error=str(error)),
        )
    answer = _json_answer(row, wanted, memo, answers, fast)
    out: dict[str, object] = (
        {"input": row} if answer.status == ERROR and not _keeps_keys(row) else row
    )
    out.update(_json_values(answer))
    return out, answer


def _json_error_row(line: str, message: str) -> tuple[dict[str, object], RowAnswer]:
    """The line kept whole under `input`, with an error answer."""
    answer = error_answer(message)
    return {"input": line.rstrip("\r\n"), **_json_values(answer)}, answer


def _unwritable_row(
    line: str, out: dict[str, object], answer: RowAnswer, text: str
) -> tuple[dict[str, object], RowAnswer]:
    """A row the output's encoding cannot write (its input bytes were decoded: the caller has
    checked). A lone surrogate (`"\\ud800"`, which json reads) is no character in any encoding:
    an error row. Any other character is one the encoding lacks (a `\\u20ac` in a latin-1
    file): the same row, written with `\\u` escapes."""
    found = _SURROGATE.search(text)
    if found is None:
        return out, answer
    escape = f"\\u{ord(found.group()):04x}"
    return _json_error_row(
        line,
        M(
            "row has a lone surrogate {escape}, which is not a character; accepted: JSON text "
            "whose \\u escapes are characters (a surrogate only in a pair)",
            escape=escape,
        ),
    )


def _keeps_keys(row: object) -> bool:
    """Whether an error row can be written as it is, with the answer keys added."""
    return isinstance(row, dict) and not any(key in OUTPUT_COLUMNS for key in row)


def _json_answer(
    row: object,
    wanted: list[tuple[str, str]],
    memo: dict[Any, RowAnswer],
    answers: RowAnswers,
    fast: "TextRowAnswerer",
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
    counted = fast(row)
    if counted is not None:
        return counted
    cells = {key: row[name] for name, key in wanted if name in row}
    try:
        memo_key: Any = typed_key(cells)
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


def run_batch(
    input_path: str,
    output_path: str | None,
    options: BatchOptions,
    *,
    input_format: str | None = None,
    encoding: str = "utf-8",
    progress: Callable[[int, float | None], None] | None = None,
    jobs: int = 1,
    part_bytes: int = PART_BYTES,
) -> BatchSummary:
    """`foiclock batch`: `input_path` (or `-`) to `output_path` (atomically), or to standard
    output when it is None. `jobs`: worker processes that answer a CSV file's parts of about
    `part_bytes` each, the output the same (`split_for` says when a file is read in one process
    all the same). `progress` is called now and then with the rows done so far and the
    fraction of the input read (None for a pipe). On any failure, Ctrl-C included, an output file
    is left as it was; an interrupt that comes after the rename finds it replaced, whole
    (`foiclock.base.output.file_identity` tells which). `-o` is refused if it is the input file,
    or the file standard input is redirected from."""
    chosen = input_format_for(input_path, input_format)
    if type(jobs) is not int or jobs < 1:
        raise InvalidInput(
            "jobs", jobs, M("is not a number of processes"), M("a whole number, 1 or more")
        )
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
        target = file_identity(output_path)
        if target is not None and target == _input_identity(input_path):
            raise InvalidInput(
                "output",
                output_path,
                M("is the input file: the batch would overwrite the rows it reads"),
                M("another file"),
            )
    source = open_input(input_path, encoding)
    text_encoding = source.text.encoding.replace("utf-8-sig", "utf-8")
    options = options._replace(byte_order_mark=source.had_bom)
    split = None
    if chosen == CSV:
        split = split_for(input_path, text_encoding, source.size, jobs, part_bytes)
    report = None
    if progress is not None:
        size = source.size

        def report(rows: int) -> None:
            read = split.done[0] if split is not None and split.done[0] else source.position()
            progress(rows, read / size if size else None)

    def write_all(binary: IO[bytes]) -> BatchSummary:
        sink = io.TextIOWrapper(binary, encoding=text_encoding, newline="")
        try:
            return batch(source.text, sink, chosen, options, report, split)
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
    except Undecodable as error:
        byte = f"{error.byte:#04x}"
        raise InvalidInput(
            options.source_name,
            None,
            M(
                "is not {encoding} text: line {line} has the byte {byte}",
                encoding=encoding,
                line=error.line,
                byte=byte,
            ),
            ENCODING_HELP,
        ) from None
    except UnicodeError as error:
        if isinstance(error, UnicodeEncodeError):
            raise
        # Every other decoding failure is read as a stand-in (_stand_ins), but for "UTF-16
        # stream does not start with BOM" (utf-16, utf-32), found in the first bytes.
        raise InvalidInput(
            options.source_name,
            None,
            M(
                "is not {encoding} text: line {line} cannot be decoded ({error})",
                encoding=encoding,
                line=1,
                error=str(error),
            ),
            ENCODING_HELP,
        ) from None


def _input_identity(path: str) -> tuple[int, int] | None:
    """The input file as `file_identity` gives it; for `-`, the file standard input is
    redirected from (`< cases.csv`), if it is one (not a pipe or a terminal, which -o
    /dev/stdout may share)."""
    if path != "-":
        return file_identity(path)
    try:
        status = os.fstat(sys.stdin.fileno())
    except (OSError, ValueError):  # closed, or no file descriptor (a test's stand-in)
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISREG(status.st_mode) else None
