"""The statistics and the worklist for people and programs: a text table, Markdown, CSV rows and
an .xlsx workbook of `foiclock.reports.stats.run_stats`'s object and of a worklist. Labels come
from the templates (`foiclock.reports.templates`) in the language in use; CSV and the workbook
keep the machine keys, as every CSV of foiclock does. Nothing here counts a date or a figure."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from typing import Any

from foiclock.base.dates import format_long, short_date_column
from foiclock.base.i18n import N_, _, localise, ngettext
from foiclock.present.render import state_word
from foiclock.reports.templates import TEMPLATES, Figure, Template
from foiclock.reports.worklist import Worklist

_BANDS = {"good": N_("good"), "adequate": N_("adequate"), "unsatisfactory": N_("unsatisfactory")}
_MILESTONES = {
    "response_due": N_("Response due"),
    "response_due_extended": N_("Response due (extended)"),
    "review_response_due": N_("Review outcome due"),
}
_REGIME_NAMES = {"foisa": "FOISA", "eisr": "EISR", "foia": "FOIA", "eir": "EIR", "sar": "SAR"}


def template_of(result: dict[str, Any]) -> Template:
    return TEMPLATES[result["template"]]


def value_text(figure: Figure, value: object) -> str:
    """A figure's value as people read it: a count, a percentage, a band word, or a dash."""
    if value is None:
        return "-"
    if figure.key == "band":
        return _(_BANDS[str(value)])
    if figure.key.endswith("percent_in_time"):
        return f"{value}%"
    return f"{value:,}" if isinstance(value, int) else str(value)


def period_line(result: dict[str, Any]) -> str:
    period = result["period"]
    first, last = date.fromisoformat(period["from"]), date.fromisoformat(period["to"])
    judged = date.fromisoformat(result.get("as_of", result["today"]))
    return _("Period: {first} to {last}; open cases judged on {day}").format(
        first=format_long(first), last=format_long(last), day=format_long(judged)
    )


def stats_text(result: dict[str, Any], cases: bool = False) -> str:
    """The figures as a table of label and value, the definition and its source; with `cases`,
    the cases behind each count under it; then the rows that could not be placed, and each
    regime (`sic`) and group (`--by`) the same way."""
    template = template_of(result)
    lines = [localise(template.title), period_line(result), ""]
    lines += _figure_lines(template, result, cases)
    lines += ["", _("Definition: {text}").format(text=localise(template.definition))]
    lines.append(_("Source: {text}").format(text=localise(template.source)))
    lines += _unplaced_lines(result)
    for heading, part in _parts(result):
        lines += ["", heading, *_figure_lines(template, part, cases), *_unplaced_lines(part)]
    return "\n".join(lines)


def _parts(result: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for regime, part in result.get("regimes", {}).items():
        yield _REGIME_NAMES.get(regime, regime), part
    for name, part in result.get("groups", {}).items():
        yield _("Group: {name}").format(name=name or _("(none)")), part


def _figure_lines(template: Template, result: dict[str, Any], cases: bool) -> list[str]:
    labels = [localise(figure.label) for figure in template.figures]
    width = max(len(label) for label in labels) + 2
    lines = []
    for figure, label in zip(template.figures, labels, strict=True):
        lines.append(f"  {label.ljust(width)}{value_text(figure, result[figure.key])}")
        listed = result["case_ids"].get(figure.key) if cases else None
        if listed:
            lines.append("      " + ", ".join(listed))
    return lines


def _unplaced_lines(result: dict[str, Any]) -> list[str]:
    if not result["unplaced_rows"]:
        return []
    lines = ["", _("Rows that could not be placed:")]
    for entry in result["unplaced_rows"]:
        name = entry["case_id"] or _("row {row}").format(row=entry["row"])
        lines.append(
            _("  line {row} ({name}): {reason}").format(
                row=entry["row"], name=name, reason=localise(entry["reason"])
            )
        )
    return lines


def stats_markdown(result: dict[str, Any], cases: bool = False) -> str:
    """The figures as Markdown tables (a heading and a table for each regime and group)."""
    template = template_of(result)
    lines = [f"# {localise(template.title)}", "", period_line(result), ""]
    lines += _markdown_table(template, result, cases)
    lines += ["", _("Definition: {text}").format(text=localise(template.definition))]
    lines += ["", _("Source: {text}").format(text=localise(template.source))]
    for heading, part in _parts(result):
        lines += ["", f"## {heading}", "", *_markdown_table(template, part, cases)]
    return "\n".join(lines) + "\n"


def _markdown_table(template: Template, result: dict[str, Any], cases: bool) -> list[str]:
    head = [_("Figure"), _("Value")] + ([_("Cases")] if cases else [])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for figure in template.figures:
        cells = [localise(figure.label), value_text(figure, result[figure.key])]
        if cases:
            cells.append(", ".join(result["case_ids"].get(figure.key, [])))
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return lines


def stats_rows(result: dict[str, Any]) -> list[list[object]]:
    """One row a figure (group, figure, value, cases), the whole result, then each regime
    and group: the machine keys, English, as JSON has them."""
    template = template_of(result)
    rows: list[list[object]] = [["group", "figure", "value", "case_ids"]]
    parts = [("", result), *((f"regime:{r}", p) for r, p in result.get("regimes", {}).items())]
    parts += [(f"group:{name}", part) for name, part in result.get("groups", {}).items()]
    for group, part in parts:
        for figure in template.figures:
            value = part[figure.key]
            listed = " ".join(part["case_ids"].get(figure.key, []))
            rows.append([group, figure.key, "" if value is None else value, listed])
    return rows


def rows_csv(rows: list[list[object]]) -> str:
    """Rows as CSV text: text cells that start like a formula neutralised (a case_id, a
    group), numbers as they are (-11 working days left is a number, not a formula)."""
    from foiclock.base.output import neutralised

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(
            [
                str(cell) if isinstance(cell, int | float) else neutralised([str(cell)])[0]
                for cell in ("" if cell is None else cell for cell in row)
            ]
        )
    return buffer.getvalue()


def workbook_bytes(rows: list[list[object]]) -> bytes:
    """Rows (the first a header) as an .xlsx workbook."""
    from foiclock.batch.excel import write_workbook

    buffer = io.BytesIO()
    write_workbook(buffer, [str(cell) for cell in rows[0]], rows[1:])
    return buffer.getvalue()


def worklist_text(worklist: Worklist) -> str:
    """The worklist, overdue first then soonest: due date, days left or late, the case."""
    heading = _("Worklist on {day}: open cases due within {n} working days, and overdue").format(
        day=format_long(worklist.today), n=worklist.within
    )
    if not worklist.items:
        return heading + "\n" + _("Nothing due.")
    lines = [heading, ""]
    lefts = [_left_text(item.working_days_left) for item in worklist.items]
    width = max(len(left) for left in lefts)
    for item, left in zip(worklist.items, lefts, strict=True):
        name = item.case_id or _("row {row}").format(row=item.row)
        regime = _REGIME_NAMES.get(item.regime, item.regime)
        milestone = localise(_MILESTONES[item.milestone])
        lines.append(
            f"  {short_date_column(item.due)}  {left.ljust(width)}  {name} ({regime}): "
            f"{milestone}, {state_word(item.state)}"
        )
    return "\n".join(lines)


def _left_text(left: int) -> str:
    if left < 0:
        return ngettext("{n} working day late", "{n} working days late", -left).format(n=-left)
    return ngettext("{n} working day left", "{n} working days left", left).format(n=left)


def worklist_rows(worklist: Worklist) -> list[list[object]]:
    keys = ["row", "case_id", "regime", "due", "working_days_left", "state", "milestone"]
    rows: list[list[object]] = [list(keys)]
    for item in worklist.items:
        values = item.as_json()
        rows.append(["" if values[key] is None else values[key] for key in keys])
    return rows


def worklist_markdown(worklist: Worklist) -> str:
    head = [_("Due"), _("Working days"), _("Case"), _("Regime"), _("Deadline"), _("State")]
    title = _("Worklist on {day}").format(day=format_long(worklist.today))
    lines = [
        f"# {title}",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for item in worklist.items:
        name = item.case_id or _("row {row}").format(row=item.row)
        cells = [
            format_long(item.due),
            str(item.working_days_left),
            name,
            _REGIME_NAMES.get(item.regime, item.regime),
            localise(_MILESTONES[item.milestone]),
            state_word(item.state),
        ]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


STATS_FORMATS = ("text", "json", "csv", "md", "html", "xlsx")
WORKLIST_FORMATS = ("text", "json", "csv", "md", "ics")


def stats_output(result: dict[str, Any], chosen: str, cases: bool = False) -> bytes:
    """The statistics in format `chosen` (text and md in the language in use; html is
    `foiclock.present.report_html`)."""
    if chosen == "json":
        import json

        return (json.dumps(result, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if chosen == "csv":
        return rows_csv(stats_rows(result)).encode("utf-8")
    if chosen == "xlsx":
        return workbook_bytes(stats_rows(result))
    render = stats_markdown if chosen == "md" else stats_text
    return (render(result, cases) + ("" if chosen == "md" else "\n")).encode("utf-8")


def worklist_output(worklist: Worklist, chosen: str) -> bytes:
    if chosen == "json":
        import json

        return (json.dumps(worklist.as_json(), indent=2, ensure_ascii=False) + "\n").encode()
    if chosen == "csv":
        return rows_csv(worklist_rows(worklist)).encode("utf-8")
    if chosen == "md":
        return worklist_markdown(worklist).encode("utf-8")
    return (worklist_text(worklist) + "\n").encode("utf-8")
