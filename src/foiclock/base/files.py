"""foiclock's own files: where they live, and reading them.

Where: the user's own directories (a FOICLOCK_* variable when set, else the platform's, from
platformdirs: `~/.cache/foiclock`, `~/.local/share/foiclock`, `~/.config/foiclock` on Linux),
and in the data directory the GOV.UK update that `update-holidays` stores.

Reading (the holiday cache, the stored GOV.UK update, the config file, case files): regular
files only, and only up to a size, so that a FIFO at one of those paths cannot hang every
command and a link to /dev/zero cannot fill the memory. The bounds are generous: the holiday
cache is about 40 kB, a stored update about 100 kB (`update-holidays` accepts a download of up
to 5 MB, stored indented), a config file a few kB even with years of proclaimed days and office
closures; a case file is one table of keys, a few hundred bytes, or a few kB with a school's
closures for years.
"""

import errno
import os
import stat
from pathlib import Path
from typing import Any, Final, Literal

from foiclock.base.i18n import M

DATA_DIR_ENV: Final = "FOICLOCK_DATA_DIR"
STORED_UPDATE_NAME: Final = "bank-holidays-update.json"


def user_directory(kind: Literal["cache", "data", "config"], variable: str | None) -> Path:
    """`variable`'s directory if it is set, else the platform's user `kind` directory."""
    configured = os.environ.get(variable) if variable is not None else None
    if configured:
        return Path(configured)
    import platformdirs

    directories = {
        "cache": platformdirs.user_cache_dir,
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
    }
    return Path(directories[kind]("foiclock", appauthor=False))


def data_directory() -> Path:
    """FOICLOCK_DATA_DIR if set, else the platform's user data directory for foiclock."""
    return user_directory("data", DATA_DIR_ENV)


def stored_update_file() -> Path:
    """Where `update-holidays` stores GOV.UK's data (`foiclock.calendar.stored_update`)."""
    return data_directory() / STORED_UPDATE_NAME


_MIB: Final = 1 << 20
#: The holiday cache, the stored update and the config file.
DATA_FILE_LIMIT: Final = 16 * _MIB
#: A case file (`--case`).
CASE_FILE_LIMIT: Final = 1 * _MIB


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (links followed). OSError when it cannot be
    read: as `open` raises it, IsADirectoryError for a directory, and an OSError whose
    `strerror` says why for anything else that is not a regular file (a FIFO, a device, a
    socket: opened without waiting for a writer) or a file larger than `limit` bytes."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(descriptor, "rb") as stream:  # closes the descriptor
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, M("not a regular file"), str(path))
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, M("larger than {size} MiB", size=limit // _MIB), str(path))
    return data


#: The most dotted parts a TOML key may have (`a.b.c` has 3): far more than any case or config
#: file needs, far fewer than it takes to make the parser slow.
DEEPEST_TOML_KEY: Final = 64


def loads_toml(text: str) -> dict[str, Any]:
    """`tomllib.loads`, refusing a key or table header of more than DEEPEST_TOML_KEY dotted
    parts as RecursionError, as nesting too deep for the parser is refused: tomllib builds a
    table for each part, and 200 kB of `a.a.a...=1` takes gigabytes and minutes."""
    import tomllib

    for line in text.splitlines():
        key = line.split("=", 1)[0]
        if key.count(".") >= DEEPEST_TOML_KEY:
            raise RecursionError(f"a key of more than {DEEPEST_TOML_KEY} dotted parts")
    return tomllib.loads(text)
