"""The user's own directories for foiclock: a FOICLOCK_* variable when set, else the platform's
(platformdirs: `~/.cache/foiclock`, `~/.local/share/foiclock`, `~/.config/foiclock` on Linux)."""

import os
from pathlib import Path
from typing import Literal


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
