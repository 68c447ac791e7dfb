"""Where the holidays and the settings come from, as text: `holidays --source` and `--diff`,
`update-holidays`, `config show`, and the lines `due` and `timeline` add when newer holiday data
moved a date. Pure functions; nothing here computes a date."""

from collections.abc import Sequence
from datetime import date

from foiclock.base.dates import format_long, format_short, short_date_column, short_date_width
from foiclock.base.i18n import N_, _, holiday_name, localise, ngettext
from foiclock.calendar.config import Config, Setting
from foiclock.calendar.sources import DataSource, HolidayDifferences
from foiclock.calendar.update import UpdateReport
from foiclock.clock.newer_data import MovedBy
from foiclock.law.divisions import DIVISION_NAME, division_names
from foiclock.present.render import closure_line, state_word, wrap_lines

_CHANGE_TEXT = {
    ("added", "update"): N_("a bank holiday in the GOV.UK update stored by update-holidays"),
    ("removed", "update"): N_(
        "no longer a bank holiday in the GOV.UK update stored by update-holidays"
    ),
    ("added", "config"): N_("a bank holiday proclaimed in the config file"),
    ("removed", "config"): N_("removed by the config file"),
}
#: rules.md section 2: a day proclaimed after a request arrived still counts.
RECHECK = N_(
    "Re-check any date printed before this data arrived: a day proclaimed after a request "
    "arrived still counts (rules.md section 2)."
)


def _holiday_line(day: date, name: str, divisions: tuple[str, ...], what: str = "") -> str:
    """'  Mon 25 Dec 2028  Christmas Day (England and Wales): what'."""
    names = f"{holiday_name(name)} ({localise(division_names(divisions))})"
    text = f"  {short_date_column(day)}  {names}"
    return f"{text}: {what}" if what else text


def moved_by_lines(moved: MovedBy | None) -> list[str]:
    """Which newer days moved which dates, and the dates without them; [] when none moved."""
    if moved is None:
        return []
    lines = [_("Newer holiday data moved this date:")]
    for day in moved.days:
        what = _(_CHANGE_TEXT[(day.change, day.layer)])
        lines.append(_holiday_line(day.day, day.name, day.divisions, what))
    if moved.state is not None:
        now_state, then_state = moved.state
        lines.append(
            "  "
            + _("State: {now}; without the newer data: {then}").format(
                now=state_word(now_state),
                then=state_word(then_state),
            )
        )
    for moved_date in moved.dates:
        now = format_long(moved_date.day) if moved_date.day is not None else _("none")
        then = (
            format_long(moved_date.without_newer_data)
            if moved_date.without_newer_data is not None
            else _("none")
        )
        lines.append(
            "  "
            + _("{label}: {now}; without the newer data: {then}").format(
                label=localise(moved_date.label), now=now, then=then
            )
        )
    lines.append(f"  {_(RECHECK)}")
    return ["", *wrap_lines(lines).splitlines()]


def data_sources_lines(sources: Sequence[DataSource], last_announced_year: int) -> list[str]:
    """`holidays --source`: each source, what it covers and how old it is, newest first."""
    lines = [_("Holiday data in use, newest first (a newer source wins for what it covers):")]
    for source in sources:
        if source.kind == "config":
            count = source.days or 0
            lines.append(
                "  "
                + ngettext(
                    "config file {file}: {n} proclaimed day",
                    "config file {file}: {n} proclaimed days",
                    count,
                ).format(file=source.origin, n=count)
            )
            continue
        values = {
            "label": _(source.label),  # "GOV.UK snapshot", "holidays 0.109"
            "first": source.first_year,
            "last": source.last_year,
            "origin": source.origin,
        }
        if source.kind == "package":
            lines.append(
                "  "
                + _(
                    "{label}: {first} to {last} by rule; answers reaching {year} or later are "
                    "provisional"
                ).format(year=last_announced_year + 1, **values)
            )
            continue
        age = _age(source.age_days)
        assert source.as_of is not None
        if source.kind == "update":
            template = _("{label}: {first} to {last}, fetched {date} ({age}) from {origin}")
        else:
            template = _(
                "{label}: {first} to {last}, as published up to {date} ({age}), shipped with "
                "foiclock"
            )
        lines.append("  " + template.format(date=format_long(source.as_of), age=age, **values))
    return lines


def _age(days: int | None) -> str:
    if days is None:
        return _("age unknown")
    if days == 0:
        return _("today")
    return ngettext("{n} day ago", "{n} days ago", days).format(n=days)


def differences_text(differences: HolidayDifferences) -> str:
    """`holidays --diff`: a row per weekday and division where the sources disagree."""
    columns = [
        differences.package_label,
        _("snapshot {date}").format(date=differences.snapshot_as_of.isoformat()),
    ]
    if differences.update_as_of is not None:
        columns.append(_("update {date}").format(date=differences.update_as_of.isoformat()))
    sources = ", ".join(columns)
    if not differences.rows:
        return _("No differences: {sources} agree on every weekday they all cover.").format(
            sources=sources
        )
    lines = [
        _(
            "Weekdays where the holiday sources disagree ({sources}); yes = a bank holiday, "
            "- = the source does not cover that year; names are not compared:"
        ).format(sources=sources),
        "",
    ]
    widths = [max(len(column), 3) for column in columns]
    header = "  ".join(f"{column:<{width}}" for column, width in zip(columns, widths, strict=True))
    date_head, division_head, used_head = _("Date"), _("Division"), _("Used")
    date_width = max(16, short_date_width())
    lines.append(
        f"{date_head:<{date_width}}  {division_head:<17}  {header}  {used_head:<7}  " + _("Name")
    )
    for row in differences.rows:
        sides = [row.package, row.snapshot]
        if differences.update_as_of is not None:
            sides.append(row.update)
        cells = "  ".join(
            f"{_side(side):<{width}}" for side, width in zip(sides, widths, strict=True)
        )
        used = _("holiday") if row.used else _("working")
        lines.append(
            f"{format_short(row.day):<{date_width}}  "
            f"{localise(DIVISION_NAME[row.division]):<17}  {cells}  "
            f"{used:<7}  {holiday_name(row.name)}"
        )
    return "\n".join(lines)


def _side(side: bool | None) -> str:
    return "-" if side is None else (_("yes") if side else _("no"))


def update_report_lines(report: UpdateReport) -> list[str]:
    """`update-holidays`: what was stored, where, and which weekdays changed."""
    lines = [
        _("Stored GOV.UK bank holidays for {first} to {last} ({n} entries) from {source}").format(
            first=report.first_year, last=report.last_year, n=report.events, source=report.source
        ),
        "  "
        + _("in {path}; they win over the shipped data for those years.").format(path=report.path),
    ]
    if not report.changed:
        lines.append(_("No weekday changed against the holiday data in use before."))
        return lines
    lines.append(_("Weekdays changed against the holiday data in use before:"))
    for changed in report.changed:
        what = (
            _("now a bank holiday") if changed.change == "added" else _("no longer a bank holiday")
        )
        lines.append(_holiday_line(changed.day, changed.name, changed.divisions, what))
    lines.append(f"  {_(RECHECK)}")
    return lines


def config_lines(config: Config, settings: Sequence[Setting]) -> list[str]:
    """`config show`: the file, each setting with where it came from, and the file's days."""
    from foiclock.calendar.config import config_location

    if config.path is not None:
        lines = [
            _("Config file: {path} (chosen by {chosen_by})").format(
                path=config.path, chosen_by=localise(config.chosen_by)
            )
        ]
    else:
        lines = [_("Config file: none (looked for {path})").format(path=config_location()[0])]
    lines.append("")
    setting_head, value_head = _("Setting"), _("Value")
    lines.append(f"{setting_head:<8}  {value_head:<20}  " + _("From"))
    for setting in settings:
        value = setting.value if setting.value is not None else _("(the regime's)")
        lines.append(f"{setting.name:<8}  {value:<20}  {localise(setting.origin)}")
    if config.proclaimed:
        lines.append("")
        lines.append(_("Proclaimed days (bank holidays: they move deadlines, rules.md section 2):"))
        for day in config.proclaimed:
            lines.append(_holiday_line(day.day, day.name, day.divisions))
    if config.office_closed:
        lines.append("")
        lines.append(
            _(
                "Office closures (shown on timelines and calendars, never skipped: closure days "
                "are working days under every regime, rules.md section 2; ICO LTT47):"
            )
        )
        for closure in config.office_closed:
            lines.append(closure_line(closure))
    return wrap_lines(lines).splitlines()
