"""Issue 19: for any case log, every template's counts add up to the rows given (each row is
in exactly one of its buckets, or outside the period, of another regime, or unplaced), and
every count lists as many cases as it counts."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foiclock.base.errors import InvalidInput
from foiclock.reports.log import log_options
from foiclock.reports.periods import parse_period
from foiclock.reports.stats import StatsOptions, run_stats
from foiclock.reports.templates import TEMPLATES

START = date(2025, 5, 1)
REGIMES = ["foia", "eir", "foisa", "eisr", "sar", "", "bogus"]
OUTCOMES = ["", "", "", "granted", "withdrawn", "on_hold", "lapsed", "nonsense"]

row = st.tuples(
    st.integers(0, 200),  # received: days after START
    st.sampled_from(REGIMES),
    st.one_of(st.none(), st.integers(0, 90)),  # responded: days after receipt
    st.booleans(),  # extended
    st.sampled_from(OUTCOMES),
    st.one_of(st.none(), st.integers(0, 60)),  # review requested: days after receipt
    st.one_of(st.none(), st.integers(0, 60)),  # review answered: days after the request
)

#: The buckets of each template that, with the three below, hold every row once.
PARTS = {
    "cabinet-office": ("received", "excluded"),
    "ico": ("closed", "open_at_end", "on_hold_at_end", "lapsed"),
    "sic": ("received",),
    "s45": ("received",),
}
REST = ("outside_period", "out_of_scope", "unplaced")


def write_log(
    path: Path, rows: list[tuple[int, str, int | None, bool, str, int | None, int | None]]
) -> None:
    lines = ["case_id,received,regime,responded,extended,outcome,review_requested,review_responded"]
    for number, (received, regime, answered, extended, outcome, review, review_answer) in enumerate(
        rows
    ):
        day = START + timedelta(days=received)
        responded = (day + timedelta(days=answered)).isoformat() if answered is not None else ""
        requested = (day + timedelta(days=review)) if review is not None else None
        reviewed = (
            (requested + timedelta(days=review_answer)).isoformat()
            if requested is not None and review_answer is not None
            else ""
        )
        lines.append(
            f"P{number},{day.isoformat()},{regime},{responded},{'yes' if extended else ''},"
            f"{outcome},{requested.isoformat() if requested else ''},{reviewed}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=1, max_size=30), st.sampled_from(["2025-Q2", "2025-Q3", "2025-08"]))
def test_template_counts_add_up_to_the_rows_given(rows: list, period: str) -> None:  # type: ignore[type-arg]
    with TemporaryDirectory() as folder:
        path = Path(folder) / "log.csv"
        write_log(path, rows)
        for template in TEMPLATES:
            options = StatsOptions(
                template=template,
                period=parse_period(period),
                batch=log_options(today=date(2025, 12, 1), regime="foia"),
            )
            try:
                result = run_stats(str(path), options)
            except InvalidInput as error:  # a period with no case of the template's regimes
                assert error.field == "--period", error
                continue
            total = sum(result[key] for key in (*PARTS[template], *REST))
            assert total == result["rows"] == len(rows), (template, result)
            for key, listed in result["case_ids"].items():
                assert len(listed) == result[key], key
            if template == "cabinet-office":
                answered = result["within_20"] + result["within_extension"] + result["late"]
                assert (
                    result["received"] == answered + result["open_in_time"] + result["open_overdue"]
                )
            if template == "sic":
                for part in result["regimes"].values():
                    assert part["received"] == sum(
                        part[key]
                        for key in (
                            "answered_on_time",
                            "answered_late",
                            "open",
                            "on_hold",
                            "lapsed",
                        )
                    )
