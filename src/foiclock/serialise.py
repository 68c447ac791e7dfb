"""Engine results as JSON-ready dicts: ISO dates, English keys, a stable interface (README)."""

from __future__ import annotations

from datetime import date
from typing import Any

from foiclock.calendar import Holiday
from foiclock.engine import (
    Deadline,
    HolidayListing,
    Step,
    WorkingDayAfter,
    WorkingDayCount,
)


def holiday_json(holiday: Holiday) -> dict[str, Any]:
    return {"name": holiday.name, "divisions": list(holiday.divisions)}


def step_json(step: Step) -> dict[str, Any]:
    return {
        "date": step.day.isoformat(),
        "kind": step.kind,
        "working_day": step.working_day,
        "reason": step.reason,
        "rule": step.rule,
        "holidays": [holiday_json(h) for h in step.holidays],
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def deadline_json(deadline: Deadline) -> dict[str, Any]:
    alternative = deadline.alternative
    return {
        "regime": deadline.regime,
        "received": deadline.received.isoformat(),
        "due": deadline.due.isoformat(),
        "rule": deadline.rule,
        "rule_description": deadline.rule_description,
        "source": deadline.source,
        "status": deadline.status,
        "calendar_rule": deadline.calendar_rule,
        "working_days": deadline.working_days,
        "receipt_rule": deadline.receipt_rule,
        "counting_from": deadline.counting_from.isoformat(),
        "day_one": deadline.day_one.isoformat(),
        "provisional": deadline.provisional,
        "nation": deadline.nation,
        "nation_due": _iso(deadline.nation_due),
        "nation_differences": [
            {
                "date": difference.day.isoformat(),
                "non_working_under": difference.non_working_under,
                "holidays": [holiday_json(h) for h in difference.holidays],
            }
            for difference in deadline.nation_differences
        ],
        "alternative": None
        if alternative is None
        else {
            "receipt_rule": alternative.receipt_rule,
            "counting_from": alternative.counting_from.isoformat(),
            "due": alternative.due.isoformat(),
            "provisional": alternative.provisional,
        },
        "steps": [step_json(step) for step in deadline.steps],
    }


def holidays_json(listing: HolidayListing) -> dict[str, Any]:
    return {
        "calendar_rule": listing.calendar.rule,
        "regime": listing.regime,
        "divisions": list(listing.calendar.divisions),
        "years": list(listing.years),
        "provisional": listing.provisional,
        "holidays": [
            {
                "date": entry.day.isoformat(),
                "on_weekend": entry.on_weekend,
                "provisional": entry.provisional,
                "holidays": [holiday_json(h) for h in entry.holidays],
            }
            for entry in listing.days
        ],
    }


def working_day_after_json(result: WorkingDayAfter) -> dict[str, Any]:
    return {
        "date": result.day.isoformat(),
        "start": result.start.isoformat(),
        "n": result.n,
        "regime": result.regime,
        "provisional": result.provisional,
    }


def working_day_count_json(result: WorkingDayCount) -> dict[str, Any]:
    return {
        "working_days": result.working_days,
        "start": result.start.isoformat(),
        "end": result.end.isoformat(),
        "regime": result.regime,
        "provisional": result.provisional,
    }


def to_json(
    result: Deadline | WorkingDayAfter | WorkingDayCount | HolidayListing,
) -> dict[str, Any]:
    """Any engine result as the JSON object its command prints."""
    if isinstance(result, Deadline):
        return deadline_json(result)
    if isinstance(result, WorkingDayAfter):
        return working_day_after_json(result)
    if isinstance(result, WorkingDayCount):
        return working_day_count_json(result)
    return holidays_json(result)
