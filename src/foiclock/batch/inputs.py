"""A batch's input and what a run reports: the options, the summary, opening the input file
in its encoding, and how a byte that encoding cannot decode is found and named by its line.
"""

import codecs
import io
import os
import re
import sys
from collections.abc import Callable
from datetime import date
from typing import IO, Final, TextIO

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple
from foiclock.batch.columns import ColumnMap
from foiclock.batch.rows import (
    ERROR,
)

CSV: Final = "csv"
JSONL: Final = "jsonl"
INPUT_FORMATS: Final = (CSV, JSONL)
ERRORS_LISTED: Final = 5  # errors the summary lists with their line numbers
PROGRESS_EVERY: Final = 16384  # rows between progress reports
BOM: Final = b"\xef\xbb\xbf"
UNDECODABLE: Final = "foiclock-undecodable"  # the codec error handler of batch input
_UNDECODED: Final = re.compile("[\udc00-\udcff]")  # its stand-ins for bytes
#: A line of a batch file, to try an encoding with: letters of both cases, digits, delimiters,
#: quotes, a backslash escape, a tab and the line ends.
_PROBE: Final = 'Case_ID,received;"x":[1.5e-3,{}]\t|\'=+-@_/\\u0041 AZaz09\r\n2, 2025-08-19\n'
ENCODING_HELP: Final = M("UTF-8 text, with or without a byte-order mark, or --encoding NAME")


class BatchOptions(NamedTuple):
    today: date
    regime: str = "foia"  # for rows without a regime cell
    received_column: str = "received"
    delimiter: str = ","
    sanitize: bool = True
    source_name: str = "INPUT"  # how errors name the input
    byte_order_mark: bool = False  # start the CSV output with one (the input had one)
    columns: ColumnMap = ColumnMap()  # --map, --ignore (foiclock.batch.columns)
    sheet: str | None = None  # --sheet: the sheet of an .xlsx input (foiclock.batch.excel)


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
    is found, and the batch stopped (`Undecodable`), when that row is written."""
    utf_8 = text_codec(encoding).name in ("utf-8", "utf-8-sig")
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
    had_bom = start == BOM and utf_8
    text = io.TextIOWrapper(
        binary, encoding="utf-8-sig" if had_bom else encoding, errors=UNDECODABLE, newline=""
    )
    size = None
    if path != "-":
        try:
            size = os.fstat(binary.fileno()).st_size
        except OSError:
            size = None
    return InputFile(text, had_bom, size, binary.tell)


def text_codec(encoding: str) -> codecs.CodecInfo:
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
    surrogate (see `text_codec`)."""
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
    (`text_codec`), so the row that holds one fails when it is written, and its line is known
    then, for a file or a pipe alike; decoding itself goes a block at a time ahead of the rows."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "".join(chr(0xDC00 + byte) for byte in error.object[error.start : error.end]), error.end


codecs.register_error(UNDECODABLE, _stand_ins)


class Undecodable(Exception):
    """A byte (`byte`) of the input its encoding cannot decode, on line `line`."""

    def __init__(self, line: int, byte: int) -> None:
        super().__init__(line, byte)
        self.line = line
        self.byte = byte


def check_decoded(text: str, first_line: int, count_breaks: bool = True) -> None:
    """Undecodable if `text`, read from line `first_line` on, holds the stand-in of a byte
    that could not be decoded; `count_breaks`: the line breaks in `text` count (CSV: CR, LF,
    CRLF)."""
    found = _UNDECODED.search(text)
    if found is None:
        return
    line = first_line
    if count_breaks:
        before = text[: found.start()]
        line += before.count("\n") + before.count("\r") - before.count("\r\n")
    raise Undecodable(line, ord(found.group()) - 0xDC00)


def input_format_for(path: str, chosen: str | None) -> str:
    """The input format: the one chosen, else from the file's suffix (.jsonl, .ndjson), else
    CSV."""
    if chosen is None:
        return JSONL if path.lower().endswith((".jsonl", ".ndjson")) else CSV
    if chosen not in INPUT_FORMATS:
        raise InvalidInput("input_format", chosen, M("is not an input format"), M("csv or jsonl"))
    return chosen
