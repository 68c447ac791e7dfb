"""The on-disk holiday cache: used when valid, rebuilt when missing, stale, corrupt or wrongly
shaped, and never needed for correctness."""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from foiclock.calendar import table as holiday_data
from foiclock.calendar.calendars import WorkingCalendar
from foiclock.law.divisions import ALL_DIVISIONS


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FOICLOCK_CACHE_DIR", str(tmp_path))
    return tmp_path


def cache_file(cache_dir: Path) -> Path:
    return cache_dir / f"holidays-v{holiday_data.CACHE_FORMAT}.marshal"


def count_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    builds: list[int] = []
    real_build = holiday_data.build_holiday_table

    def counting_build() -> holiday_data.HolidayTable:
        builds.append(1)
        return real_build()

    monkeypatch.setattr(holiday_data, "build_holiday_table", counting_build)
    return builds


def foia_due(table: holiday_data.HolidayTable) -> date:
    """rules.md example 1 through a calendar built from `table`."""
    return WorkingCalendar(ALL_DIVISIONS, table).add(date(2025, 8, 19), 20)


def test_built_once_then_read(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = count_builds(monkeypatch)
    first = holiday_data.load_holiday_table()
    assert cache_file(cache_dir).exists()
    second = holiday_data.load_holiday_table()
    assert builds == [1]
    assert second == first
    assert foia_due(second) == date(2025, 9, 17)
    assert second.last_announced_year == 2028
    assert [p.name for p in cache_dir.iterdir()] == [cache_file(cache_dir).name]


def restamp_key(data: bytes) -> bytes:
    key, crc, payload = marshal.loads(data)
    return marshal.dumps(("format=0;" + key, crc, payload))


DAMAGES: list[Callable[[bytes], bytes]] = [
    lambda data: data[: len(data) // 2],  # truncated
    lambda data: b"not marshal data",
    lambda data: b"",
    restamp_key,  # stale: built from something else
    lambda data: data.replace(b"Summer Bank Holiday", b"Summer Bank Holidax"),  # damaged
    lambda data: marshal.dumps(["a", "list"]),  # wrong shape
]


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_cache_is_rebuilt(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, damage: Callable[[bytes], bytes]
) -> None:
    holiday_data.load_holiday_table()
    path = cache_file(cache_dir)
    path.write_bytes(damage(path.read_bytes()))
    builds = count_builds(monkeypatch)
    table = holiday_data.load_holiday_table()
    assert builds == [1]
    assert foia_due(table) == date(2025, 9, 17)
    assert b"Summer Bank Holidax" not in path.read_bytes()


def test_checksummed_payload_of_the_wrong_shape_is_rejected(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A payload with a right checksum is still refused when its shape is wrong: a day outside
    the calendar's years, a missing division, a name that is not text."""
    holiday_data.load_holiday_table()
    path = cache_file(cache_dir)
    key, _, payload_bytes = marshal.loads(path.read_bytes())
    last_announced, source, divisions, layers, changes, years = marshal.loads(payload_bytes)
    out_of_range = {**divisions, "scotland": {**divisions["scotland"], 1: "Year one"}}
    missing_division = {d: v for d, v in divisions.items() if d != "northern-ireland"}
    name_not_text = {**divisions, "scotland": {**divisions["scotland"], 739000: 5}}
    bad_changes = ((739000, "scotland", "added", ["not", "text"], "update"),)
    no_scotland_years = {d: span for d, span in years.items() if d != "scotland"}
    for bad_divisions, bad_change_list, bad_years in (
        (out_of_range, changes, years),
        (missing_division, changes, years),
        (name_not_text, changes, years),
        (divisions, bad_changes, years),
        (divisions, ((1, 2),), years),
        (divisions, changes, no_scotland_years),
        (divisions, changes, {**years, "scotland": (2012, "2028")}),
    ):
        bad_payload = marshal.dumps(
            (last_announced, source, bad_divisions, layers, bad_change_list, bad_years)
        )
        path.write_bytes(marshal.dumps((key, zlib.crc32(bad_payload), bad_payload)))
        builds = count_builds(monkeypatch)
        holiday_data.load_holiday_table()
        assert builds == [1]


def test_key_names_what_the_table_was_built_from() -> None:
    import holidays

    key = holiday_data._cache_key()
    assert f"holidays={holidays.__version__};" in key  # type: ignore[attr-defined]
    assert "foiclock=" in key
    assert "snapshot=" in key
    assert "update=none;" in key
    assert "python=" in key


def test_unwritable_cache_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("FOICLOCK_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    table = holiday_data.load_holiday_table()
    assert foia_due(table) == date(2025, 9, 17)
