"""Give a test its own data and config directories, and forget every table and config built
before it, so that a stored update or a config file never leaks into another test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from foiclock.calendar.config import forget_config
from foiclock.calendar.working_days import forget_calendars


def forget_everything() -> None:
    forget_calendars()
    forget_config()


@pytest.fixture
def own_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """tmp_path/data is the data directory, tmp_path/xdg/foiclock the config directory."""
    monkeypatch.setenv("FOICLOCK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    for name in ("FOICLOCK_CONFIG", "FOICLOCK_REGIME", "FOICLOCK_NATION", "FOICLOCK_FORMAT"):
        monkeypatch.delenv(name, raising=False)
    forget_everything()
    yield tmp_path
    forget_everything()
