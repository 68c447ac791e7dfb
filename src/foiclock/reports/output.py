"""Which output format a report command writes: `--json`, `--format`, else the `-o` file's
suffix, else the config's `format` (json) or text."""

from pathlib import PurePath

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M

_SUFFIXES = {".json": "json", ".csv": "csv", ".md": "md", ".html": "html", ".htm": "html",
             ".xlsx": "xlsx", ".ics": "ics"}  # fmt: skip
_BINARY = ("xlsx",)


def output_format(
    as_json: bool,
    chosen: str | None,
    output: str | None,
    formats: tuple[str, ...],
    json_default: bool,
) -> str:
    """The format to write, checked against `formats`; an .xlsx needs `-o FILE`."""
    if as_json:
        return "json"
    if chosen is None:
        suffix = PurePath(output).suffix.lower() if output is not None else ""
        found = _SUFFIXES.get(suffix)
        chosen = found if found in formats else ("json" if json_default else "text")
    cleaned = chosen.strip().lower()
    if cleaned not in formats:
        raise InvalidInput("--format", chosen, M("is not a format"), ", ".join(formats))
    if cleaned in _BINARY and output is None:
        raise InvalidInput(
            "--format", cleaned, M("writes a workbook, not text"), M("-o FILE.xlsx with it")
        )
    return cleaned
