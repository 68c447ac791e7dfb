"""Real exports' headers: which column of a file is read as which case key. `--map
received="Date received"` reads the column headed "Date received" as the date of receipt (the
config file's `[columns]` table does the same); `--ignore body` leaves a column named like a case
key unread. Headers are matched ignoring case and surrounding spaces, as the batch matches them.
"""

from collections.abc import Iterable, Sequence
from typing import Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple
from foiclock.batch.timeliness import OUTCOME
from foiclock.clock.case import CASE_KEYS

#: What a column may be read as.
READABLE: Final = (*CASE_KEYS, OUTCOME)
MAP_FORM: Final = M('KEY=HEADER, such as received="Date received"')


class ColumnMap(NamedTuple):
    """Case keys read from columns with other headers, and columns left unread."""

    renames: tuple[tuple[str, str], ...] = ()  # (case key, the file's header)
    ignored: tuple[str, ...] = ()
    origin: str = "--map"  # what gave the map, for errors


def parse_maps(values: Iterable[str], field: str = "--map") -> tuple[tuple[str, str], ...]:
    """`--map KEY=HEADER` values as (key, header) pairs; InvalidInput naming a bad one."""
    pairs = []
    for value in values:
        key, equals, header = value.partition("=")
        pairs.append(checked_rename(key, header.strip().strip("\"'") if equals else "", field))
    return tuple(pairs)


def checked_rename(key: object, header: object, field: str) -> tuple[str, str]:
    """One (case key, header) pair of a map, checked."""
    if not isinstance(key, str) or key.strip().lower() not in READABLE:
        raise InvalidInput(field, key, M("is not a case key"), ", ".join(READABLE))
    if not isinstance(header, str) or not header.strip():
        raise InvalidInput(field, key, M("names no header"), MAP_FORM)
    return key.strip().lower(), header


def column_map(maps: Sequence[str] = (), ignored: Sequence[str] = ()) -> ColumnMap:
    """The map of `--map` and `--ignore`, on top of the config file's `[columns]` table and
    `ignore_columns` (a flag wins for its key)."""
    from foiclock.calendar.config import load_config

    config = load_config()
    where = f"[columns] in {config.path}"
    from_config = {
        key: header for key, header in (checked_rename(k, h, where) for k, h in config.columns)
    }
    from_config.update(parse_maps(maps))
    kept = [*config.ignore_columns, *ignored]
    return ColumnMap(tuple(from_config.items()), tuple(kept))


def column_names(header: Sequence[str], columns: ColumnMap, source: str) -> list[str]:
    """The name each column of `header` is read as: its header (stripped, lower case), the case
    key a map gives it, or "" for a column left unread (ignored, or a same-named column that a
    map replaces). InvalidInput for a map or an ignore that names no column."""
    names = [str(name).strip().lower() for name in header]
    for key, wanted in columns.renames:
        found = names.index(wanted.strip().lower()) if wanted.strip().lower() in names else None
        if found is None:
            raise _no_column(columns.origin, f"{key}={wanted}", header, source)
        names = ["" if name == key else name for name in names]
        names[found] = key
    for ignored in columns.ignored:
        cleaned = ignored.strip().lower()
        if cleaned not in names:
            raise _no_column("--ignore", ignored, header, source)
        names = ["" if name == cleaned else name for name in names]
    return names


def json_names(keys: Sequence[str], columns: ColumnMap) -> list[tuple[str, str]]:
    """(the JSON key read, the case key) for each of `keys`: a mapped one under the file's own
    name, an ignored one not at all."""
    renames = dict(columns.renames)
    ignored = {name.strip().lower() for name in columns.ignored}
    return [(renames.get(key, key), key) for key in keys if key not in ignored]


def json_columns(
    received_column: str, event_keys: Sequence[str], columns: ColumnMap
) -> list[tuple[str, str]]:
    """(the JSON key read, the case key) for the date of receipt, first, and then each of
    `event_keys` (`json_names`): the receipt under `--map received=NAME` when given, else under
    --received-column."""
    received_name = dict(columns.renames).get("received", received_column)
    events = json_names([key for key in event_keys if key != received_column], columns)
    return [(received_name, "received"), *events]


def _no_column(field: str, value: str, header: Sequence[str], source: str) -> InvalidInput:
    return InvalidInput(
        field,
        value,
        M(
            "names no column of {source} (its columns: {columns})",
            source=source,
            columns=", ".join(str(name) for name in header),
        ),
        M("a header of the file, as it is written there"),
    )
