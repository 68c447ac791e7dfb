"""Case files: a case kept as TOML or JSON (`foiclock due --case case.toml`), one flat table of
the keys in `foiclock.clock.case.CASE_KEYS`. TOML dates may be written bare (`received =
2025-09-01`) or as text; JSON dates are text. Unknown keys are refused by name."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from foiclock.base.dates import as_date
from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.clock.case import Case, case_from_mapping

FIELD = "case"
ACCEPTED = M("a .toml or .json file holding one table of case keys (see the README)")


def load_case(path: str | Path, today: date | None = None) -> Case:
    """The checked Case in a TOML or JSON file (chosen by the file's suffix); the text `today`
    in it means `today` (a date; default: the clock's today)."""
    if today is not None:
        today = as_date(today, "today")
    return case_from_mapping(read_case_mapping(path), today=today)


def read_case_mapping(path: str | Path) -> dict[str, Any]:
    """The table in a case file, before its values are checked."""
    if not isinstance(path, str | os.PathLike):
        raise InvalidInput(FIELD, path, M("is not a path"), ACCEPTED)
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in (".toml", ".json"):
        raise InvalidInput(FIELD, str(path), M("is neither a .toml nor a .json file"), ACCEPTED)
    from foiclock.base.files import CASE_FILE_LIMIT, loads_toml, read_regular_file

    try:
        text = read_regular_file(file, CASE_FILE_LIMIT).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InvalidInput(
            FIELD, str(path), M("cannot be read ({reason})", reason=reason), ACCEPTED
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # newlines as a text file reads them
    try:
        if suffix == ".toml":
            table: object = loads_toml(text)
        else:
            table = json.loads(text, object_pairs_hook=_unique_keys)
    except InvalidInput:
        raise
    except (ValueError, RecursionError) as error:  # TOMLDecodeError, JSONDecodeError, nesting
        deep = isinstance(error, RecursionError)
        problem = M("nested too deeply") if deep else str(error).splitlines()[0]
        raise InvalidInput(
            FIELD,
            str(path),
            M("is not valid {format}: {problem}", format=suffix[1:].upper(), problem=problem),
            ACCEPTED,
        ) from None
    if not isinstance(table, dict):
        raise InvalidInput(FIELD, str(path), M("does not hold a table of keys"), ACCEPTED)
    return table


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (JSON would keep the last silently; TOML
    refuses it itself)."""
    table: dict[str, Any] = {}
    for key, value in pairs:
        if key in table:
            raise InvalidInput(FIELD, key, M("is given twice"), M("each key once"))
        table[key] = value
    return table
