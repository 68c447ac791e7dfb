"""The statistics as one self-contained HTML page (`foiclock stats --format html`): the figures
table, the definition and its source, and two charts drawn by matplotlib as inline SVG (the
percentage in time month by month against the 90% line, and the open caseload by age). Nothing
is fetched when it is viewed: no script, no font, no image from elsewhere. It prints on A4 and
its tables paste into a board paper. matplotlib comes with the `charts` extra and is imported
only here."""

from __future__ import annotations

import html
import io
import re
from typing import Any

from foiclock.base.i18n import _, current_language, localise
from foiclock.present.stats import period_line, template_of, value_text

TARGET = 90  # the ICO's line between adequate and unsatisfactory (and its monitoring line)
_STYLE = """
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 2em; max-width: 60em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #b1b4b6; padding: 0.3em 0.6em; text-align: left; }
td.value { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
p.note { color: #505a5f; font-size: 0.9em; }
@media print { body { margin: 0; } h2 { break-after: avoid; } table { break-inside: avoid; } }
@page { size: A4; margin: 15mm; }
"""


def stats_html(result: dict[str, Any]) -> str:
    """The page for `result` (run_stats's object, with its `series` and `open_by_age`)."""
    template = template_of(result)
    title = localise(template.title)
    rows = "\n".join(
        f'<tr><th scope="row">{_h(localise(f.label))}</th>'
        f'<td class="value">{_h(value_text(f, result[f.key]))}</td></tr>'
        for f in template.figures
    )
    charts = [
        _figure(_monthly_chart(result), _("Percentage in time by month, against the 90% line")),
        _figure(_age_chart(result), _("Open cases by age in working days")),
    ]
    return f"""<!DOCTYPE html>
<html lang="{current_language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_h(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>{_h(title)}</h1>
<p>{_h(period_line(result))}</p>
<table>
<thead><tr><th scope="col">{_h(_("Figure"))}</th><th scope="col">{_h(_("Value"))}</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
{"".join(charts)}
<p class="note">{_h(_("Definition: {text}").format(text=localise(template.definition)))}</p>
<p class="note">{_h(_("Source: {text}").format(text=localise(template.source)))}</p>
</body>
</html>
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _figure(svg: str, caption: str) -> str:
    label = _h(caption)
    return (
        f'<figure role="img" aria-label="{label}">\n{svg}\n'
        f"<figcaption>{label}</figcaption>\n</figure>\n"
    )


def _new_figure() -> Any:
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        from foiclock.batch.excel import missing_extra

        raise missing_extra("--format", "html", "charts") from None
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: smaller, searchable
    matplotlib.rcParams["svg.hashsalt"] = "foiclock"  # the same ids on every run
    return Figure(figsize=(7.5, 3.2), layout="constrained")


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    # the drawing alone: no XML prologue, and no RDF metadata block (names of vocabularies)
    return re.sub(r"\s*<metadata>.*?</metadata>", "", text[text.index("<svg") :], flags=re.DOTALL)


def _monthly_chart(result: dict[str, Any]) -> str:
    series = result.get("series", [])
    figure = _new_figure()
    axes = figure.add_subplot()
    names = [point["month"] for point in series]
    values = [point["percent_in_time"] for point in series]
    positions = range(len(names))
    shown = [(p, v) for p, v in zip(positions, values, strict=True) if v is not None]
    bars = axes.bar(
        [p for p, _v in shown], [v for _p, v in shown], color="#1d70b8", label=_("in time")
    )
    # each bar's value written on it, so that 0% is seen as 0% (no bar), not as no data; a
    # month with nothing answered is a dash
    axes.bar_label(bars, labels=[f"{v}%" for _p, v in shown], fontsize=8)
    for position, value in zip(positions, values, strict=True):
        if value is None:
            axes.annotate("-", (position, 2), ha="center", fontsize=8)
    axes.axhline(TARGET, color="#d4351c", linestyle="--", label=_("90% line"))
    axes.set_xticks(list(positions), names, rotation=45, ha="right", fontsize=8)
    axes.set_ylim(0, 100)
    axes.set_ylabel(_("% in time"))
    axes.legend(loc="lower right")
    return _svg(figure)


def _age_chart(result: dict[str, Any]) -> str:
    ages = result.get("open_by_age", {})
    figure = _new_figure()
    from matplotlib.ticker import MaxNLocator

    axes = figure.add_subplot()
    labels = list(ages)
    axes.bar(range(len(labels)), [ages[label] for label in labels], color="#505a5f")
    axes.set_xticks(range(len(labels)), labels)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # whole cases
    axes.set_xlabel(_("working days since receipt"))
    axes.set_ylabel(_("open cases"))
    return _svg(figure)
