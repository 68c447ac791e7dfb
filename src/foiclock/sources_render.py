"""Where the holidays and the settings come from, as text: `holidays --source` and `--diff`,
`update-holidays`, `config show`, and the lines `due` and `timeline` add when newer holiday data
moved a date. Pure functions; nothing here computes a date."""

from collections.abc import Sequence

from foiclock.config import Config, Setting
from foiclock.dates import format_long, format_short
from foiclock.divisions import DIVISION_NAME, division_names
from foiclock.holiday_sources import DataSource, HolidayDifferences
from foiclock.holiday_update import UpdateReport
from foiclock.newer_data import MovedBy
from foiclock.render import day_range_text, wrap_lines

_CHANGE_TEXT = {
    ("added", "update"): "a bank holiday in the GOV.UK update stored by update-holidays",
    ("removed", "update"): "no longer a bank holiday in the GOV.UK update stored by "
    "update-holidays",
    ("added", "config"): "a bank holiday proclaimed in the config file",
    ("removed", "config"): "removed by the config file",
}
#: rules.md section 2: a day proclaimed after a request arrived still counts.
RECHECK = (
    "Re-check any date printed before this data arrived: a day proclaimed after a request "
    "arrived still counts (rules.md section 2)."
)


def moved_by_lines(moved: MovedBy | None) -> list[str]:
    """Which newer days moved which dates, and the dates without them; [] when none moved."""
    if moved is None:
        return []
    lines = ["Newer holiday data moved this date:"]
    for day in moved.days:
        what = _CHANGE_TEXT[(day.change, day.layer)]
        lines.append(
            f"  {format_short(day.day)}  {day.name} ({division_names(day.divisions)}): {what}"
        )
    if moved.state is not None:
        now_state, then_state = moved.state
        lines.append(f"  State: {now_state}; without the newer data: {then_state}")
    for moved_date in moved.dates:
        now = format_long(moved_date.day) if moved_date.day is not None else "none"
        then = (
            format_long(moved_date.without_newer_data)
            if moved_date.without_newer_data is not None
            else "none"
        )
        lines.append(f"  {moved_date.label}: {now}; without the newer data: {then}")
    lines.append(f"  {RECHECK}")
    return ["", *wrap_lines(lines).splitlines()]


def data_sources_lines(sources: Sequence[DataSource], last_announced_year: int) -> list[str]:
    """`holidays --source`: each source, what it covers and how old it is, newest first."""
    lines = ["Holiday data in use, newest first (a newer source wins for what it covers):"]
    provisional_after = f"; answers reaching {last_announced_year + 1} or later are provisional"
    for source in sources:
        if source.kind == "config":
            count = source.days or 0
            lines.append(
                f"  config file {source.origin}: {count} proclaimed day{'s' * (count != 1)}"
            )
            continue
        covers = f"{source.first_year} to {source.last_year}"
        if source.kind == "package":
            lines.append(f"  {source.label}: {covers} by rule{provisional_after}")
            continue
        age = _age(source.age_days)
        assert source.as_of is not None
        if source.kind == "update":
            lines.append(
                f"  {source.label}: {covers}, fetched {format_long(source.as_of)} ({age}) from "
                f"{source.origin}"
            )
        else:
            lines.append(
                f"  {source.label}: {covers}, as published up to {format_long(source.as_of)} "
                f"({age}), shipped with foiclock"
            )
    return lines


def _age(days: int | None) -> str:
    if days is None:
        return "age unknown"
    if days == 0:
        return "today"
    return f"{days} day{'s' * (days != 1)} ago"


def differences_text(differences: HolidayDifferences) -> str:
    """`holidays --diff`: a row per weekday and division where the sources disagree."""
    columns = [differences.package_label, f"snapshot {differences.snapshot_as_of.isoformat()}"]
    if differences.update_as_of is not None:
        columns.append(f"update {differences.update_as_of.isoformat()}")
    sources = ", ".join(columns)
    if not differences.rows:
        return f"No differences: {sources} agree on every weekday they all cover."
    lines = [
        f"Weekdays where the holiday sources disagree ({sources}); yes = a bank holiday, "
        "- = the source does not cover that year; names are not compared:",
        "",
    ]
    widths = [max(len(column), 3) for column in columns]
    header = "  ".join(f"{column:<{width}}" for column, width in zip(columns, widths, strict=True))
    lines.append(f"{'Date':<16}  {'Division':<17}  {header}  {'Used':<7}  Name")
    for row in differences.rows:
        sides = [row.package, row.snapshot]
        if differences.update_as_of is not None:
            sides.append(row.update)
        cells = "  ".join(
            f"{_side(side):<{width}}" for side, width in zip(sides, widths, strict=True)
        )
        used = "holiday" if row.used else "working"
        lines.append(
            f"{format_short(row.day):<16}  {DIVISION_NAME[row.division]:<17}  {cells}  "
            f"{used:<7}  {row.name}"
        )
    return "\n".join(lines)


def _side(side: bool | None) -> str:
    return "-" if side is None else ("yes" if side else "no")


def update_report_lines(report: UpdateReport) -> list[str]:
    """`update-holidays`: what was stored, where, and which weekdays changed."""
    lines = [
        f"Stored GOV.UK bank holidays for {report.first_year} to {report.last_year} "
        f"({report.events} entries) from {report.source}",
        f"  in {report.path}; they win over the shipped data for those years.",
    ]
    if not report.changed:
        lines.append("No weekday changed against the holiday data in use before.")
        return lines
    lines.append("Weekdays changed against the holiday data in use before:")
    for changed in report.changed:
        what = "now a bank holiday" if changed.change == "added" else "no longer a bank holiday"
        lines.append(
            f"  {format_short(changed.day)}  {changed.name} "
            f"({division_names(changed.divisions)}): {what}"
        )
    lines.append(f"  {RECHECK}")
    return lines


def config_lines(config: Config, settings: Sequence[Setting]) -> list[str]:
    """`config show`: the file, each setting with where it came from, and the file's days."""
    from foiclock.config import config_location

    if config.path is not None:
        lines = [f"Config file: {config.path} (chosen by {config.chosen_by})"]
    else:
        lines = [f"Config file: none (looked for {config_location()[0]})"]
    lines.append("")
    lines.append(f"{'Setting':<8}  {'Value':<20}  From")
    for setting in settings:
        value = setting.value if setting.value is not None else "(the regime's)"
        lines.append(f"{setting.name:<8}  {value:<20}  {setting.origin}")
    if config.proclaimed:
        lines.append("")
        lines.append("Proclaimed days (bank holidays: they move deadlines, rules.md section 2):")
        for day in config.proclaimed:
            lines.append(f"  {format_short(day.day)}  {day.name} ({division_names(day.divisions)})")
    if config.office_closed:
        lines.append("")
        lines.append(
            "Office closures (shown on timelines and calendars, never skipped: closure days are "
            "working days under every regime, rules.md section 2; ICO LTT47):"
        )
        for closure in config.office_closed:
            lines.append(f"  {day_range_text(closure.first, closure.last)}  {closure.name}")
    return wrap_lines(lines).splitlines()
