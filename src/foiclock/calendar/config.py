"""The config file and the settings it gives: defaults for the command line, the bank holidays
proclaimed since the data was published, and the organisation's office closures.

A setting comes from the first of: the command's flag, its environment variable, the config file,
the default (`setting`). The config file is `--config FILE`, else `FOICLOCK_CONFIG`, else
`config.toml` in the platform's user config directory if it exists. It is TOML:

    regime = "foisa"            # foia, eir, foisa, eisr or sar
    nation = "scotland"         # the body's own nation
    format = "json"             # text or json
    lang = "cy"                 # en, cy or cy+en (Welsh, then English)

    [[proclaimed]]              # a bank holiday GOV.UK has not published yet
    date = 2027-06-07
    name = "Example proclaimed holiday"
    divisions = ["scotland"]    # or "all" (the default)

    [[office_closed]]           # shown, never skipped (rules.md section 2, ICO LTT47)
    from = 2025-12-29
    to = 2025-12-31
    name = "Christmas closure"

Proclaimed days are bank holidays (rules.md section 2: proclaimed one-off days count) and move
deadlines like any other. Office closures are working days under every regime: they are shown on
timelines and calendars, and never move a statutory date.
"""

import os
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import Any, Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import LANG_CHOICES, M
from foiclock.base.records import NamedTuple
from foiclock.calendar.table import ProclaimedDay
from foiclock.law.divisions import ALL_DIVISIONS

CONFIG_ENV: Final = "FOICLOCK_CONFIG"
CONFIG_FILE_NAME: Final = "config.toml"


class SettingRule(NamedTuple):
    env: str
    default: str | None
    values: tuple[str, ...] | None  # None: checked by the regime or nation tables
    meaning: str


#: Every setting: its environment variable, default, accepted values and what it sets.
SETTINGS: Final[dict[str, SettingRule]] = {
    "regime": SettingRule(
        "FOICLOCK_REGIME",
        "foia",
        None,
        M("the regime when neither --regime nor a case gives one"),
    ),
    "nation": SettingRule(
        "FOICLOCK_NATION",
        None,
        None,
        M(
            "the body's own nation (default: the regime's: england-and-wales, or scotland for "
            "FOISA/EISR)"
        ),
    ),
    "format": SettingRule("FOICLOCK_FORMAT", "text", ("text", "json"), M("text or json output")),
    "lang": SettingRule(
        "FOICLOCK_LANG", "en", LANG_CHOICES, M("the language of text output: en, cy or cy+en")
    ),
}
_TABLES: Final = ("proclaimed", "office_closed")
_COLUMN_KEYS: Final = ("columns", "ignore_columns")  # checked by foiclock.batch.columns


class Setting(NamedTuple):
    name: str
    value: str | None
    origin: str  # "--regime", "FOICLOCK_REGIME", "config file /path/config.toml", "default"


class OfficeClosure(NamedTuple):
    """Days the organisation's office is closed: working days all the same (rules.md section 2)."""

    first: date
    last: date
    name: str

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last


class Config(NamedTuple):
    path: Path | None  # None when there is no config file
    chosen_by: str  # --config, FOICLOCK_CONFIG, or the default location
    values: dict[str, str]
    proclaimed: tuple[ProclaimedDay, ...] = ()
    office_closed: tuple[OfficeClosure, ...] = ()
    #: `[columns]`: case keys read from an export's own headers (foiclock.batch.columns).
    columns: tuple[tuple[str, str], ...] = ()
    ignore_columns: tuple[str, ...] = ()  # columns named like case keys, left unread


#: --config, set by the command line before anything is computed; a ContextVar, so that runs in
#: threads of one process never share it.
_chosen_path: ContextVar[str | None] = ContextVar("foiclock_config_path", default=None)
_loaded: dict[tuple[str, str, int, int], Config] = {}


def use_config_file(path: str | None) -> None:
    """Read the config from `path` (the --config option; None: the usual places)."""
    _chosen_path.set(path)


def forget_config() -> None:
    """Read the config file afresh next time (after it changed), from the usual places."""
    _loaded.clear()
    _chosen_path.set(None)


def config_location() -> tuple[Path, str, bool]:
    """(the config file, what chose it, whether it must exist)."""
    chosen = _chosen_path.get()
    if chosen is not None:
        return Path(chosen), "--config", True
    from_env = os.environ.get(CONFIG_ENV)
    if from_env:
        return Path(from_env), CONFIG_ENV, True
    from foiclock.base.files import user_directory

    return user_directory("config", None) / CONFIG_FILE_NAME, M("default location"), False


def load_config() -> Config:
    """The config file's settings, read once per location; an empty Config when the default
    location holds none. InvalidInput (naming the file and key) for anything it cannot use."""
    path, chosen_by, required = config_location()
    try:
        stat = path.stat()
    except OSError:
        return _read(path, chosen_by, required)  # missing: nothing to keep
    key = (str(path), chosen_by, stat.st_mtime_ns, stat.st_size)
    config = _loaded.get(key)
    if config is None:
        config = _loaded[key] = _read(path, chosen_by, required)
    return config


def setting(name: str, flag: str | None = None, flag_name: str | None = None) -> Setting:
    """Setting `name` from the flag (when given), its environment variable, the config file or
    the default, in that order; checked wherever it came from."""
    rule = SETTINGS[name]
    if flag is not None:
        return Setting(name, flag, flag_name or f"--{name}")
    from_env = os.environ.get(rule.env)
    if from_env:
        return Setting(name, check_setting(name, from_env, rule.env), rule.env)
    config = load_config()
    if name in config.values:
        return Setting(name, config.values[name], M("config file {path}", path=str(config.path)))
    return Setting(name, rule.default, M("default"))


def check_setting(name: str, value: object, field: str) -> str:
    """`value` normalised if setting `name` accepts it, else InvalidInput naming `field`."""
    rule = SETTINGS[name]
    if not isinstance(value, str):
        accepted = (
            ", ".join(rule.values) if rule.values else M("a {name} name in quotes", name=name)
        )
        raise InvalidInput(field, value, M("is not a string"), accepted)
    cleaned = value.strip().lower()
    if name == "regime":
        from foiclock.law.regimes import REGIMES

        accepted = ", ".join(REGIMES)
        if cleaned not in REGIMES:
            raise InvalidInput(field, value, M("is not a regime foiclock knows"), accepted)
    elif name == "nation":
        if cleaned not in ALL_DIVISIONS:
            accepted = ", ".join(ALL_DIVISIONS)
            raise InvalidInput(field, value, M("is not a nation foiclock knows"), accepted)
    elif rule.values is not None and cleaned not in rule.values:
        raise InvalidInput(
            field, value, M("is not a {name} foiclock offers", name=name), ", ".join(rule.values)
        )
    return cleaned


def _read(path: Path, chosen_by: str, required: bool) -> Config:
    from foiclock.base.files import DATA_FILE_LIMIT, read_regular_file

    try:
        data = read_regular_file(path, DATA_FILE_LIMIT)
    except FileNotFoundError:
        if required:
            raise InvalidInput(
                chosen_by,
                str(path),
                M("does not exist"),
                M("the path of a TOML config file"),
            ) from None
        return Config(None, chosen_by, {})
    except OSError as error:
        raise InvalidInput(
            chosen_by,
            str(path),
            M("cannot be read ({reason})", reason=error.strerror),
            M("a readable file"),
        ) from None
    import tomllib

    from foiclock.base.files import loads_toml

    try:
        document = loads_toml(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        reason = M("nested too deeply") if isinstance(error, RecursionError) else str(error)
        raise InvalidInput(
            "config file",
            str(path),
            M("is not valid TOML ({error})", error=reason),
            M("a UTF-8 TOML file"),
        ) from None
    return _config_from(document, path, chosen_by)


def _config_from(document: dict[str, Any], path: Path, chosen_by: str) -> Config:
    where = f"in {path}"
    unknown = sorted(set(document) - set(SETTINGS) - set(_TABLES) - set(_COLUMN_KEYS))
    if unknown:
        accepted = ", ".join(
            [*SETTINGS, *(f"[[{table}]]" for table in _TABLES), "[columns]", "ignore_columns"]
        )
        raise InvalidInput(f"config key {where}", unknown[0], M("is not a setting"), accepted)
    values = {
        name: check_setting(name, document[name], f"{name} {where}")
        for name in SETTINGS
        if name in document
    }
    proclaimed = tuple(
        _proclaimed_day(entry, f"[[proclaimed]] {number} {where}")
        for number, entry in enumerate(_table_list(document, "proclaimed", where), start=1)
    )
    closures = tuple(
        _office_closure(entry, f"[[office_closed]] {number} {where}")
        for number, entry in enumerate(_table_list(document, "office_closed", where), start=1)
    )
    return Config(path, chosen_by, values, proclaimed, closures, *_column_settings(document, where))


def _column_settings(
    document: dict[str, Any], where: str
) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """`[columns]` (key = "Export header") and `ignore_columns` (a list of headers)."""
    columns = document.get("columns", {})
    if not isinstance(columns, dict):
        raise InvalidInput(
            f"columns {where}", columns, M("is not a table"), M('[columns] with key = "Header"')
        )
    ignored = document.get("ignore_columns", [])
    if not (isinstance(ignored, list) and all(isinstance(name, str) for name in ignored)):
        raise InvalidInput(
            f"ignore_columns {where}", ignored, M("is not a list of headers"), M('["body"]')
        )
    return tuple(columns.items()), tuple(ignored)


def _table_list(document: dict[str, Any], name: str, where: str) -> list[dict[str, Any]]:
    entries = document.get(name, [])
    if not (isinstance(entries, list) and all(isinstance(e, dict) for e in entries)):
        raise InvalidInput(
            f"{name} {where}",
            entries,
            M("is not an array of tables"),
            M("[[{name}]] entries", name=name),
        )
    return entries


def _check_keys(entry: dict[str, Any], field: str, allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(entry) - set(allowed))
    if unknown:
        raise InvalidInput(f"key of {field}", unknown[0], M("is not known"), ", ".join(allowed))


def _entry_date(entry: dict[str, Any], key: str, field: str) -> date:
    value = entry.get(key)
    if isinstance(value, date) and not hasattr(value, "hour"):
        from foiclock.base.dates import check_supported

        return check_supported(value, f"{key} of {field}")
    if isinstance(value, str):
        from foiclock.base.dates import parse_date

        return parse_date(value, f"{key} of {field}")
    raise InvalidInput(
        f"{key} of {field}", value, M("is not a date"), M("a TOML date such as 2027-06-07")
    )


def _proclaimed_day(entry: dict[str, Any], field: str) -> ProclaimedDay:
    _check_keys(entry, field, ("date", "name", "divisions"))
    day = _entry_date(entry, "date", field)
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InvalidInput(
            f"name of {field}", name, M("is missing or empty"), M("the holiday's name")
        )
    divisions = entry.get("divisions", "all")
    if divisions == "all":
        return ProclaimedDay(day, name.strip(), ALL_DIVISIONS)
    if isinstance(divisions, str):
        divisions = [divisions]
    if not (isinstance(divisions, list) and divisions):
        divisions = [divisions]
    for division in divisions:
        if division not in ALL_DIVISIONS:
            raise InvalidInput(
                f"divisions of {field}",
                division,
                M("is not a division"),
                M('"all" or a list of {divisions}', divisions=", ".join(ALL_DIVISIONS)),
            )
    chosen = tuple(d for d in ALL_DIVISIONS if d in divisions)
    return ProclaimedDay(day, name.strip(), chosen)


def _office_closure(entry: dict[str, Any], field: str) -> OfficeClosure:
    _check_keys(entry, field, ("date", "from", "to", "name"))
    if "date" in entry:
        if "from" in entry or "to" in entry:
            raise InvalidInput(
                field, None, M("has both date and from/to"), M("date, or from and to")
            )
        first = last = _entry_date(entry, "date", field)
    else:
        first = _entry_date(entry, "from", field)
        last = _entry_date(entry, "to", field) if "to" in entry else first
    if last < first:
        raise InvalidInput(
            f"to of {field}",
            last.isoformat(),
            M("is before from ({date})", date=first.isoformat()),
            M("a last day on or after the first"),
        )
    if "name" not in entry:
        return OfficeClosure(first, last, M("Office closed"))
    name = entry["name"]
    if not isinstance(name, str) or not name.strip():
        problem = M("is empty") if isinstance(name, str) else M("is not text")
        raise InvalidInput(f"name of {field}", name, problem, M("a name for the closure in quotes"))
    return OfficeClosure(first, last, name.strip())
