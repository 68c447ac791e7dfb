"""Batch files: CSV or JSON Lines in, every row out in order with its own cells untouched and the
answer columns (`foiclock.batch.rows.OUTPUT_COLUMNS`) added. Streamed row by row, so memory stays
flat whatever the file's size.

Speed: a row's answer depends only on its case cells (the receipt date, the regime and event
columns), so answers are remembered by those cells, already rendered as output text, and a
million-row export with a few thousand distinct receipt dates is mostly dictionary look-ups. The
memory is bounded (`MEMO_LIMIT` entries, then it starts again).

A bad row is kept: its status is `error` and `error` names the column and the value; the run goes
on. Only an input that cannot be read at all (no header, no receipt column, a byte its encoding
cannot decode, broken CSV quoting) stops it, with InvalidInput naming the line.

CSV output is neutralised against formula injection as OWASP advises: a cell starting with `=`,
`+`, `-`, `@`, a tab or a carriage return gets a leading `'` (`sanitize=False` turns it off).
"""

import codecs
import csv
import io
import itertools
import json
import os
import re
import stat
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain, tee
from operator import itemgetter
from typing import IO, TYPE_CHECKING, Any, Final, NamedTuple, NoReturn, Protocol, TextIO

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M, Message
from foiclock.base.output import (
    FORMULA_STARTS,
    atomic_output,
    check_output_path,
    file_identity,
    neutralised,
    replaced_by_rename,
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
from foiclock.calendar.calendars import holiday_table
from foiclock.law.regimes import get_regime

if TYPE_CHECKING:
    import _csv

    from foiclock.batch.fast import CsvAnswers

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
_UNDECODABLE: Final = "foiclock-undecodable"  # the codec error handler of batch input
_UNDECODED: Final = re.compile("[\udc00-\udcff]")  # its stand-ins for bytes
#: A line of a batch file, to try an encoding with: letters of both cases, digits, delimiters,
#: quotes, a backslash escape, a tab and the line ends.
_PROBE: Final = 'Case_ID,received;"x":[1.5e-3,{}]\t|\'=+-@_/\\u0041 AZaz09\r\n2, 2025-08-19\n'
_ENCODING_HELP: Final = M("UTF-8 text, with or without a byte-order mark, or --encoding NAME")
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
    """`path` (or `-`, standard input) opened for a batch; InvalidInput if it cannot be. A byte
    its encoding cannot decode is read as a stand-in (`_stand_ins`), so that the row holding it
    is found, and the batch stopped (`_Undecodable`), when that row is written."""
    utf_8 = _text_codec(encoding).name in ("utf-8", "utf-8-sig")
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
    had_bom = start == _BOM and utf_8
    text = io.TextIOWrapper(
        binary, encoding="utf-8-sig" if had_bom else encoding, errors=_UNDECODABLE, newline=""
    )
    size = None
    if path != "-":
        try:
            size = os.fstat(binary.fileno()).st_size
        except OSError:
            size = None
    return InputFile(text, had_bom, size, binary.tell)


def _text_codec(encoding: str) -> codecs.CodecInfo:
    """The codec `encoding` names; InvalidInput unless it is one for text files.

    Python flags base64, zlib, rot13 and the like as not text encodings (`_is_text_encoding`).
    Of the rest, a few transform whole strings rather than characters; they are known by what
    they do to a line of a batch file (`_PROBE`). The incremental encoder, given the line a
    character at a time and never flushed (TextIOWrapper never flushes it), must write bytes
    that the incremental decoder, given them a byte at a time, reads back as the line; and it
    must refuse a lone surrogate, which is how an undecodable byte is read (`_stand_ins`). That
    refuses idna (it holds a label back until the next dot: a 0-byte output), punycode (a whole
    string at a time), raw_unicode_escape (it reads \\u0041 as A), unicode_escape and utf-7
    (they write a lone surrogate) and undefined."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        raise InvalidInput("encoding", encoding, M("is not a known encoding"), "utf-8") from None
    if not (info._is_text_encoding and _reads_lines(info)):
        raise InvalidInput(
            "encoding",
            encoding,
            M("is not a text encoding for files"),
            M("a text encoding such as utf-8, cp1252, latin-1 or utf-16"),
        )
    return info


def _reads_lines(info: codecs.CodecInfo) -> bool:
    """Whether the codec writes and reads `_PROBE` back a piece at a time, and refuses a lone
    surrogate (see `_text_codec`)."""
    try:
        encoder = info.incrementalencoder()
        data = b"".join(encoder.encode(character) for character in _PROBE)
        decoder = info.incrementaldecoder()
        text = "".join(decoder.decode(data[at : at + 1]) for at in range(len(data)))
        text += decoder.decode(b"", True)
    except ValueError:  # UnicodeError among them
        return False
    if text != _PROBE:
        return False
    try:
        encoder.encode("\udc80")
    except UnicodeEncodeError:
        return True
    return False


def _stand_ins(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler of batch input: each byte that cannot be decoded is read as the
    lone surrogate U+DC00 + byte (surrogateescape does so for bytes 0x80 to 0xFF only, but
    UTF-16 and UTF-32 can fail on any byte). No output encoding writes a lone surrogate
    (`_text_codec`), so the row that holds one fails when it is written, and its line is known
    then, for a file or a pipe alike; decoding itself goes a block at a time ahead of the rows."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "".join(chr(0xDC00 + byte) for byte in error.object[error.start : error.end]), error.end


codecs.register_error(_UNDECODABLE, _stand_ins)


class _Undecodable(Exception):
    """A byte (`byte`) of the input its encoding cannot decode, on line `line`."""

    def __init__(self, line: int, byte: int) -> None:
        super().__init__(line, byte)
        self.line = line
        self.byte = byte


def _check_decoded(text: str, first_line: int, count_breaks: bool = True) -> None:
    """_Undecodable if `text`, read from line `first_line` on, holds the stand-in of a byte
    that could not be decoded; `count_breaks`: the line breaks in `text` count (CSV: CR, LF,
    CRLF)."""
    found = _UNDECODED.search(text)
    if found is None:
        return
    line = first_line
    if count_breaks:
        before = text[: found.start()]
        line += before.count("\n") + before.count("\r") - before.count("\r\n")
    raise _Undecodable(line, ord(found.group()) - 0xDC00)


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


class Split(NamedTuple):
    """A CSV input file to read in parts of about `part_bytes` in `jobs` worker processes
    (`--jobs`): `source` is the file, `encoding` its text's (a byte-order mark, at its very
    start, is not in the parts); `done` the bytes answered so far (for progress)."""

    path: str
    encoding: str
    jobs: int
    part_bytes: int
    size: int
    done: list[int]


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
    limit = csv.field_size_limit(_FIELD_SIZE_LIMIT)
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
    rows (`_write_rows`), in parts (`_write_parts`) when `split` says how and the header is one
    line ending in LF or CRLF."""
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
    # A header cell may hold a line break; the header is written anew, with the answer columns.
    header_text = "".join([next_raw() for _ in range(reader.line_num)])
    _check_decoded(options.delimiter.join(header), 1)
    keys, indexes = _case_columns(header, options)
    if options.byte_order_mark:
        sink.write("\ufeff")  # Excel's "CSV UTF-8" in, the same out
    sink.write(
        _csv_line(header, options.delimiter, line_ending, options.sanitize, list(OUTPUT_COLUMNS))
    )
    columns = Columns(keys, indexes, len(header), line_ending)
    answer_of = row_answers(options, columns)
    if split is not None and reader.line_num == 1 and line_ending.endswith("\n"):
        start = len(header_text.encode(split.encoding))
        start += len(_BOM) if options.byte_order_mark else 0
        return _write_parts(split, start, sink, options, columns, answer_of, progress)
    return _write_rows(reader, raw_lines, sink, options, columns, answer_of, progress)


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
                _csv_suffix(found, delimiter, line_ending, sanitize),
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
        fast=fast and delimiter in _PLAIN_DELIMITERS,
    )


class _Unsplittable(Exception):
    """A row of a part of the input spans several lines: the input cannot be split there."""


class _Sink(Protocol):
    """What the row loop writes to: a text file, or a part's pieces (`--jobs`)."""

    def write(self, text: str, /) -> object: ...


def _write_rows(
    reader: "_csv.Reader",
    raw_lines: Iterator[str],
    sink: _Sink,
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
    several lines raises _Unsplittable (a part of the input read on its own, `--jobs`);
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
                    raise _Unsplittable
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
                    write(_csv_line(row, delimiter, "", sanitize) + suffix)
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
            _CSV_ACCEPTED,
        ) from None
    except UnicodeEncodeError:  # nothing of the row was written: it is encoded before
        _check_decoded(options.delimiter.join(row), start_line)
        raise
    return BatchSummary(rows, dict(counts), errors)


#: `--jobs`: the bytes of input a worker process answers at a time (an input of fewer than two
#: parts is answered in one process: starting others would cost more).
PART_BYTES: Final = 4 << 20
#: Encodings in which every LF byte is a line feed and a part is text on its own.
_SPLITTABLE_ENCODINGS: Final = frozenset({"utf-8", "ascii", "iso8859-1", "iso8859-15", "cp1252"})


class _Part(NamedTuple):
    """The bytes `start` to `end` of a CSV input, whole lines, for a worker process."""

    path: str
    start: int
    end: int
    encoding: str
    options: BatchOptions
    columns: Columns


class _PartDone(NamedTuple):
    """A part answered: its output, encoded; its summary, by its own line numbers; its lines."""

    output: bytes
    summary: BatchSummary
    lines: int


def _write_parts(
    split: Split,
    start: int,
    sink: TextIO,
    options: BatchOptions,
    columns: Columns,
    answer_of: RowAnswerer,
    progress: Progress | None,
) -> BatchSummary:
    """The rows from byte `start` on, in parts answered by worker processes, written in order.

    A part starts after an LF byte: at a row's start if no quoted cell holds a line break
    before it. Each part is read as if it did; a part that finds a row of several lines (or
    text the csv module or the encoding refuses, which a wrong start could cause) is answered
    with the rest of the input in this process instead, from that part's start. Every part
    before it found rows of one line each, starting where the file's rows start, so that part
    starts at a row's start too: the output is the one process's, byte for byte."""
    from foiclock.batch.split import in_order, line_starts

    starts = line_starts(split.path, start, split.size, split.part_bytes)
    parts = [
        _Part(split.path, first, end, split.encoding, options, columns)
        for first, end in itertools.pairwise(starts)
    ]
    summary = BatchSummary(0, {}, [])
    lines = 1  # the header's
    answered = in_order(_answer_part, parts, split.jobs)
    try:
        for part, done in zip(parts, answered, strict=False):
            if done is None:
                break
            sink.flush()
            sink.buffer.write(done.output)
            summary = _joined(summary, done.summary, lines)
            lines += done.lines
            split.done[0] = part.end
            if progress is not None:
                progress(summary.rows)
        else:
            return summary
    finally:
        answered.close()  # stops the workers
    so_far = summary.rows

    def more(rows: int) -> None:
        assert progress is not None
        progress(so_far + rows)

    with open(split.path, "rb") as binary:
        binary.seek(part.start)
        text = io.TextIOWrapper(binary, encoding=split.encoding, errors=_UNDECODABLE, newline="")
        reader_lines, raw_lines = tee(text)
        reader = csv.reader(reader_lines, delimiter=options.delimiter, strict=True)
        rest = _write_rows(
            reader,
            raw_lines,
            sink,
            options,
            columns,
            answer_of,
            more if progress is not None else None,
            lines_before=lines,
        )
    return _joined(summary, rest, 0)


def _joined(summary: BatchSummary, more: BatchSummary, lines_before: int) -> BatchSummary:
    """Two summaries as one; `more`'s line numbers are after `lines_before` lines."""
    counts = dict(summary.counts)
    for status, count in more.counts.items():
        counts[status] = counts.get(status, 0) + count
    errors = summary.errors + [(line + lines_before, error) for line, error in more.errors]
    return BatchSummary(summary.rows + more.rows, counts, errors[:ERRORS_LISTED])


#: A worker process's answers, kept from part to part (its plans and templates).
_part_answers: dict[Any, RowAnswerer] = {}


def _answer_part(part: _Part) -> _PartDone | None:
    """A worker process's part: its rows answered as `_write_rows` answers them; None if a row
    spans several lines, or the part cannot be read or written on its own."""
    with open(part.path, "rb") as binary:
        binary.seek(part.start)
        data = binary.read(part.end - part.start)
    columns = part.columns
    key = (part.options, tuple(columns.keys), tuple(columns.indexes), columns[2:])
    answer_of = _part_answers.get(key)
    if answer_of is None:
        answer_of = _part_answers[key] = row_answers(part.options, part.columns)
    # Read as the file is read in one process: the same decoder, the same line ends.
    text = io.TextIOWrapper(
        io.BytesIO(data), encoding=part.encoding, errors=_UNDECODABLE, newline=""
    )
    reader_lines, raw_lines = tee(text)
    reader = csv.reader(reader_lines, delimiter=part.options.delimiter, strict=True)
    pieces: list[str] = []
    sink = _Pieces(pieces)
    limit = csv.field_size_limit(_FIELD_SIZE_LIMIT)
    try:
        summary = _write_rows(
            reader, raw_lines, sink, part.options, part.columns, answer_of, None, whole_lines=True
        )
        output = "".join(pieces).encode(part.encoding)
        return _PartDone(output, summary, reader.line_num)
    except (_Unsplittable, _Undecodable, InvalidInput, UnicodeError):
        return None
    finally:
        csv.field_size_limit(limit)


class _Pieces:
    """A sink that keeps what is written as a list of its pieces (lighter than a StringIO's
    buffer of four bytes a character)."""

    def __init__(self, pieces: list[str]) -> None:
        self.write = pieces.append


def split_for(
    path: str, encoding: str, size: int | None, jobs: int, part_bytes: int
) -> Split | None:
    """How `path` is read with `jobs` worker processes, or None when it is read in one: one
    job, standard input or another file that is not a regular file, fewer than two parts, or an
    encoding in which a part is not text on its own (UTF-16)."""
    if jobs < 2 or path == "-" or size is None or size < 2 * part_bytes:
        return None
    if _text_codec(encoding).name not in _SPLITTABLE_ENCODINGS:
        return None
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
    except OSError:
        return None
    return Split(path, encoding, jobs, part_bytes, size, [0])


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
        more = _csv_cells(error_answer(detail)) + row[width:]
        write(_csv_line(row[:width], delimiter, columns.line_ending, sanitize, more))
        return ERROR, detail
    write(_csv_line(row, delimiter, "", sanitize) + suffix)
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
    due, extended_due, elapsed, status, late, review_by, rule, provisional, checked, error = answer
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
        error or "",
    ]


def batch_jsonl(
    source: TextIO, sink: TextIO, options: BatchOptions, progress: Progress | None = None
) -> BatchSummary:
    """JSON Lines in and out: each object with the answer keys added. A line that is not a JSON
    object, or an object that already has an answer key, is kept whole under `input`. The output
    is always strict JSON (RFC 8259): a row that would not be (NaN, 1e999, a lone surrogate) is
    an error row, as are a duplicate key and nesting too deep to read."""
    received = options.received_column
    wanted = [(received, "received"), *((key, key) for key in EVENT_COLUMNS if key != received)]
    answers = RowAnswers(options.today, options.regime, options.received_column)
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
            out, answer = _json_row(line, decode, wanted, memo, answers)
            text = dumps(out)
        except RecursionError:  # nested too deeply for the parser (or for the writer)
            out, answer = _json_error_row(line, _TOO_DEEP)
            text = dumps(out)
        try:
            write(text)
        except UnicodeEncodeError:  # nothing was written: the text is encoded before
            _check_decoded(line, line_number, count_breaks=False)
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
) -> tuple[dict[str, object], RowAnswer]:
    """One line as the object to write and its answer."""
    try:
        row = decode(line)
    except _RowRefused as refused:
        return _json_error_row(line, refused.message)
    except ValueError as error:
        return _json_error_row(
            line,
            M("row is not JSON ({error}); accepted: one JSON object a line", error=str(error)),
        )
    answer = _json_answer(row, wanted, memo, answers)
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
    except _Undecodable as error:
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
            _ENCODING_HELP,
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
            _ENCODING_HELP,
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
