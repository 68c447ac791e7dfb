"""Excel workbooks in and out (`.xlsx`), with the `excel` extra (`pip install 'foiclock[excel]'`).

Reading is python-calamine's (a binding of the Rust calamine reader: a 100,000-row sheet in a
second or two, where openpyxl takes ten times as long; bench/stats.py measures it): the first sheet
or `--sheet NAME`, dates stored as Excel dates (read as dates) or as text (read as a batch reads
text). Writing is XlsxWriter's, row by row in its constant-memory mode: date cells are real Excel
dates, the header row is frozen, and every text cell is written as text, so no formula is ever
written from a cell's text (`=1+1` stays the text `=1+1`). Both are imported only for a workbook.
"""

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time
from typing import IO, Any, Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple

WORKBOOK_SUFFIXES: Final = (".xlsx", ".xlsm")
INSTALL: Final = "pip install 'foiclock[excel]'"
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .xlsx is an OLE file
_DATE_FORMAT: Final = "yyyy-mm-dd"
_ACCEPTED: Final = M("an .xlsx workbook that Excel can open, without a password")


def is_workbook(path: str | None) -> bool:
    """Whether `path` names an Excel workbook (by its suffix)."""
    return path is not None and path.lower().endswith(WORKBOOK_SUFFIXES)


def missing_extra(field: str, value: str, extra: str = "excel") -> InvalidInput:
    """The one line for a path that needs an extra not installed."""
    return InvalidInput(
        field,
        value,
        M("needs the {extra} extra, which is not installed", extra=extra),
        f"pip install 'foiclock[{extra}]'",
    )


class Sheet(NamedTuple):
    """A sheet's header and its rows: (the sheet's row number, the cells) for each row below the
    header that has a cell, in order."""

    header: list[str]
    rows: Iterator[tuple[int, list[object]]]


def read_workbook(path: str, sheet: str | None = None, source: str | None = None) -> Sheet:
    """The first sheet of the workbook at `path` (or the sheet named `sheet`). InvalidInput for
    a file that cannot be read, a password, a sheet that does not exist, a merged header."""
    source = source or path
    try:
        import python_calamine
    except ImportError:
        raise missing_extra("INPUT", path) from None
    try:
        with open(path, "rb") as file:
            start = file.read(8)
        workbook = python_calamine.CalamineWorkbook.from_path(path)
    except OSError as error:
        raise InvalidInput(
            "INPUT", path, M("cannot be read ({reason})", reason=error.strerror), _ACCEPTED
        ) from None
    except python_calamine.PasswordError:
        raise _password(source) from None
    except Exception as error:  # calamine's own errors: not a workbook, a broken zip
        if start == _OLE_MAGIC:
            raise _password(source) from None
        raise InvalidInput(
            source, None, M("cannot be read as a workbook ({error})", error=str(error)), _ACCEPTED
        ) from None
    names = workbook.sheet_names
    if sheet is not None and sheet not in names:
        raise InvalidInput(
            "--sheet",
            sheet,
            M(
                "is not a sheet of {source} (its sheets: {sheets})",
                source=source,
                sheets=", ".join(names),
            ),
            M("the name of one of its sheets"),
        )
    try:
        data = workbook.get_sheet_by_name(sheet if sheet is not None else names[0])
    except Exception as error:
        raise InvalidInput(
            source, None, M("cannot be read as a workbook ({error})", error=str(error)), _ACCEPTED
        ) from None
    return _sheet(data, source)


def _password(source: str) -> InvalidInput:
    return InvalidInput(
        source,
        None,
        M("is password-protected (encrypted), so it cannot be read"),
        M("the workbook saved again without a password"),
    )


def _sheet(data: Any, source: str) -> Sheet:
    first_row, first_column = data.start or (0, 0)
    for (top, left), (bottom, right) in data.merged_cell_ranges or ():
        if top <= first_row <= bottom:
            raise InvalidInput(
                source,
                None,
                M(
                    "has merged cells in its header row (columns {first} to {last})",
                    first=left - first_column + 1,
                    last=right - first_column + 1,
                ),
                M("a header row of one cell a column (unmerge them)"),
            )
    rows = data.iter_rows()
    header_row = next(rows, None)
    if header_row is None or not any(str(cell).strip() for cell in header_row):
        raise InvalidInput(
            source, None, M("has no header row"), M("a first row that names its columns")
        )
    header = [_text(cell) for cell in header_row]
    width = len(header)

    def numbered() -> Iterator[tuple[int, list[object]]]:
        for number, row in enumerate(rows, start=first_row + 2):
            cells = [_value(cell) for cell in row[:width]]
            if any(cell != "" for cell in cells):
                yield number, cells

    return Sheet(header, numbered())


def _value(cell: object) -> object:
    """A cell as the batch reads it: a date for an Excel date (a datetime at midnight too),
    whole numbers as int, text as it is."""
    if isinstance(cell, datetime):
        return cell.date() if cell.time() == time() else cell
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell


def _text(cell: object) -> str:
    value = _value(cell)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def cell_text(cell: object) -> str:
    """A cell as text (CSV output of a workbook's row): ISO dates, whole numbers without .0."""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return _text(cell)


def write_workbook(
    binary: IO[bytes],
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    sheet: str = "foiclock",
) -> None:
    """A workbook of one sheet: `header` (frozen), then `rows`. Dates are Excel dates, numbers
    numbers, True/False Excel booleans; text is text, never a formula."""
    try:
        import xlsxwriter  # type: ignore[import-untyped]
    except ImportError:
        raise missing_extra("--output", getattr(binary, "name", "xlsx")) from None
    workbook = xlsxwriter.Workbook(
        binary,
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    dates = workbook.add_format({"num_format": _DATE_FORMAT})
    bold = workbook.add_format({"bold": True})
    worksheet = workbook.add_worksheet(sheet)
    worksheet.freeze_panes(1, 0)
    for column, name in enumerate(header):
        worksheet.write_string(0, column, name, bold)
    for number, row in enumerate(rows, start=1):
        for column, cell in enumerate(row):
            _write(worksheet, number, column, cell, dates)
    workbook.close()


def _write(worksheet: Any, row: int, column: int, cell: object, dates: Any) -> None:
    if cell is None or cell == "":
        return
    if isinstance(cell, bool):
        worksheet.write_boolean(row, column, cell)
    elif isinstance(cell, datetime):
        worksheet.write_datetime(row, column, cell)
    elif isinstance(cell, date):
        worksheet.write_datetime(row, column, cell, dates)
    elif isinstance(cell, int | float):
        worksheet.write_number(row, column, cell)
    else:
        worksheet.write_string(row, column, str(cell))
