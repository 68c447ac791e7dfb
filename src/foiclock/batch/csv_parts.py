"""`foiclock batch --jobs N` for CSV: the input file in parts of whole lines, each answered in a
worker process (`foiclock.batch.split`) as one process answers its rows, the output written in
order; when the file is read in parts at all (`split_for`), and what is done when a part cannot
be read on its own (`write_parts`).
"""

import csv
import io
import itertools
import os
import stat
from itertools import tee
from typing import Any, Final, TextIO

from foiclock.base.errors import InvalidInput
from foiclock.base.records import NamedTuple
from foiclock.batch.csv_rows import (
    FIELD_SIZE_LIMIT,
    Columns,
    RowAnswerer,
    Unsplittable,
    row_answers,
    write_rows,
)
from foiclock.batch.inputs import (
    ERRORS_LISTED,
    UNDECODABLE,
    BatchOptions,
    BatchSummary,
    Progress,
    Undecodable,
    text_codec,
)


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


def write_parts(
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
        text = io.TextIOWrapper(binary, encoding=split.encoding, errors=UNDECODABLE, newline="")
        reader_lines, raw_lines = tee(text)
        reader = csv.reader(reader_lines, delimiter=options.delimiter, strict=True)
        rest = write_rows(
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
    """A worker process's part: its rows answered as `write_rows` answers them; None if a row
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
        io.BytesIO(data), encoding=part.encoding, errors=UNDECODABLE, newline=""
    )
    reader_lines, raw_lines = tee(text)
    reader = csv.reader(reader_lines, delimiter=part.options.delimiter, strict=True)
    pieces: list[str] = []
    sink = _Pieces(pieces)
    limit = csv.field_size_limit(FIELD_SIZE_LIMIT)
    try:
        summary = write_rows(
            reader, raw_lines, sink, part.options, part.columns, answer_of, None, whole_lines=True
        )
        output = "".join(pieces).encode(part.encoding)
        return _PartDone(output, summary, reader.line_num)
    except (Unsplittable, Undecodable, InvalidInput, UnicodeError):
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
    if text_codec(encoding).name not in _SPLITTABLE_ENCODINGS:
        return None
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
    except OSError:
        return None
    return Split(path, encoding, jobs, part_bytes, size, [0])
