"""Engine results as JSON-ready dicts: ISO dates, English keys, a stable interface (README)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from foiclock.calendar.calendars import Holiday
from foiclock.calendar.working_days import HolidayListing, WorkingDayAfter, WorkingDayCount
from foiclock.clock.deadline import Deadline
from foiclock.clock.steps import Step
from foiclock.law.regimes import BodyRule, EventRule, ExtensionRule
from foiclock.law.versions import version_id

if TYPE_CHECKING:
    from collections.abc import Sequence

    from foiclock.calendar.config import Config, OfficeClosure, Setting
    from foiclock.calendar.sources import DataSource, HolidayDifferences
    from foiclock.clock.case import Planned
    from foiclock.clock.newer_data import MovedBy
    from foiclock.clock.status import CaseStatus
    from foiclock.clock.timeline import Timeline


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


def _rule_json(rule: EventRule | ExtensionRule | BodyRule) -> dict[str, Any]:
    """The rule id, what it says, its source and how sure we are (rules.md status)."""
    return {
        "rule": rule.rule,
        "description": rule.description,
        "source": rule.source,
        "status": rule.status,
    }


def deadline_json(deadline: Deadline) -> dict[str, Any]:
    alternative = deadline.alternative
    case = deadline.case
    return {
        "regime": deadline.regime,
        "case_id": case.case_id if case is not None else None,
        "received": deadline.received.isoformat(),
        "state": deadline.state,
        "due": _iso(deadline.due),
        "extended_due": _iso(deadline.extended_due),
        "rule": deadline.rule,
        "rule_version": version_id(deadline.rule_version),
        "rule_description": deadline.rule_description,
        "source": deadline.source,
        "status": deadline.status,
        "calendar_rule": deadline.calendar_rule,
        "working_days": deadline.working_days,
        "months": _months_json(deadline),
        "receipt_rule": deadline.receipt_rule,
        "counting_from": _iso(deadline.counting_from),
        "day_one": _iso(deadline.day_one),
        "provisional": deadline.provisional,
        "holidays_checked": deadline.holidays_checked,
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
            "counting_from": _iso(alternative.counting_from),
            "due": _iso(alternative.due),
            "provisional": alternative.provisional,
            "holidays_checked": alternative.holidays_checked,
        },
        "clarification": _clarification_json(deadline),
        "fees": _fees_json(deadline),
        "extension": _extension_json(deadline),
        "body": _body_json(deadline),
        "notes": list(deadline.notes),
        "steps": [step_json(step) for step in deadline.steps],
    }


def _months_json(deadline: Deadline) -> dict[str, Any] | None:
    months = deadline.months
    if months is None:
        return None
    return {
        "relevant_time": months.relevant_time.isoformat(),
        "relevant_event": months.relevant_event,
        "corresponding_date": _iso(months.corresponding),
        "clamped": months.clamped,
        "end": _iso(months.end),
        "safe_date": _iso(deadline.safe_date),  # SAR-WORDS
        "days": months.days,  # T-SAR-1998: days beginning with the relevant time (else months)
        "common_reading": _iso(months.common_end),  # T-SAR-1998: "within 40 days"
        "ico_guidance_due": _iso(months.guidance_due),  # T-SAR-GDPR-A: a note, not the law
    }


def _clarification_json(deadline: Deadline) -> dict[str, Any] | None:
    clarification = deadline.clarification
    if clarification is None:
        return None
    return {
        **_rule_json(clarification.rule),
        "effect": clarification.rule.effect,
        "requested": clarification.requested.isoformat(),
        "received": _iso(clarification.received),
        "stopped_days": clarification.stopped_days,
        "rule_version": version_id(clarification.version),  # SAR-STOP's version
    }


def _fees_json(deadline: Deadline) -> dict[str, Any] | None:
    fees = deadline.fees
    if fees is None:
        return None
    return {
        **_rule_json(fees.rule.pause),
        "notice": fees.notice.isoformat(),
        "paid": _iso(fees.paid),
        "pay_by": fees.pay_by.isoformat(),
        "pay_by_status": fees.rule.pay_status,
        "counted_before_notice": fees.counted_before_notice,
        "paused_working_days": fees.paused_working_days,
        "lapsed": fees.lapsed,
        "after_due": fees.after_due,
    }


def _extension_json(deadline: Deadline) -> dict[str, Any] | None:
    extension = deadline.extension
    if extension is None:
        return None
    return {
        **_rule_json(extension.rule),
        "due": _iso(extension.due),
        "provisional": extension.provisional,
        "holidays_checked": deadline.holidays_checked and not extension.provisional,
    }


def _body_json(deadline: Deadline) -> dict[str, Any] | None:
    body = deadline.body
    if body is None:
        return None
    return {
        "body": body.rule.key,
        **_rule_json(body.rule),
        "school_closed": None
        if body.school_closed is None
        else [{"from": r.first.isoformat(), "to": r.last.isoformat()} for r in body.school_closed],
        "school_day_due": _iso(body.school_day_due),
        "working_day_due": _iso(body.working_day_due),
        "apply_to_commissioner_by": _iso(body.apply_to_commissioner_by),
    }


def holidays_json(listing: HolidayListing) -> dict[str, Any]:
    return {
        "calendar_rule": listing.calendar.rule,
        "regime": listing.regime,
        "divisions": list(listing.calendar.divisions),
        "years": list(listing.years),
        "provisional": listing.provisional,
        "holidays_checked": listing.holidays_checked,
        "holidays": [
            {
                "date": entry.day.isoformat(),
                "on_weekend": entry.on_weekend,
                "provisional": entry.provisional,
                "source": entry.source,
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
        "holidays_checked": result.holidays_checked,
    }


def working_day_count_json(result: WorkingDayCount) -> dict[str, Any]:
    return {
        "working_days": result.working_days,
        "start": result.start.isoformat(),
        "end": result.end.isoformat(),
        "regime": result.regime,
        "provisional": result.provisional,
        "holidays_checked": result.holidays_checked,
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


def _planned_json(planned: tuple[Planned, ...]) -> dict[str, Any]:
    """The events dated after `today` (`planned`; `left_out` is their earlier name, kept)."""
    events = [{"key": entry.key, "date": entry.date.isoformat()} for entry in planned]
    return {"left_out": events, "planned": events}


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """`foiclock timeline --json`: the case and every milestone, ISO dates, null while waiting."""
    return {
        "regime": timeline.regime,
        "case_id": timeline.case_id,
        "received": _iso(timeline.received),
        "today": timeline.today.isoformat(),
        "nation": timeline.nation,
        "provisional": timeline.provisional,
        "holidays_checked": timeline.holidays_checked,
        **_planned_json(timeline.planned),
        "milestones": [
            {
                **milestone._asdict(),
                "date": _iso(milestone.date),
                "office_closed": timeline.closed_on(milestone.date) is not None,
            }
            for milestone in timeline.milestones
        ],
        "office_closed": [_closure_json(closure) for closure in timeline.office_closed],
    }


def _closure_json(closure: OfficeClosure) -> dict[str, Any]:
    return {"from": closure.first.isoformat(), "to": closure.last.isoformat(), "name": closure.name}


def appeal_json(timeline: Timeline) -> dict[str, Any]:
    """`foiclock appeal --json`: the requester's windows only, under `windows`."""
    from foiclock.clock.timeline import requester_windows

    result = timeline_json(timeline)
    del result["milestones"]
    keys = {milestone.key for milestone in requester_windows(timeline)}
    result["windows"] = [m for m in timeline_json(timeline)["milestones"] if m["key"] in keys]
    return result


def status_json(status: CaseStatus) -> dict[str, Any]:
    """`foiclock status --json`."""
    deadline = status.deadline
    case = deadline.case
    return {
        "state": status.state,
        "today": status.today.isoformat(),
        "regime": deadline.regime,
        "case_id": case.case_id if case is not None else None,
        "received": deadline.received.isoformat(),
        "due": _iso(status.due),
        "responded": _iso(case.responded if case is not None else None),
        "working_days_elapsed": status.working_days_elapsed,
        "working_days_total": status.working_days_total,
        "working_days_left": status.working_days_left,
        "calendar_days_left": status.calendar_days_left,
        "working_days_late": status.working_days_late,
        "days_late": status.days_late,
        **_planned_json(status.planned),
        "rule": deadline.rule,
        "provisional": status.provisional,
        "holidays_checked": status.holidays_checked,
    }


def moved_by_json(moved: MovedBy | None) -> dict[str, Any] | None:
    """The days of newer holiday data that moved dates, and the dates without them."""
    if moved is None:
        return None
    return {
        "days": [
            {
                "date": day.day.isoformat(),
                "name": day.name,
                "divisions": list(day.divisions),
                "change": day.change,
                "source": day.layer,
            }
            for day in moved.days
        ],
        "dates": [
            {
                "key": moved_date.key,
                "label": moved_date.label,
                "date": _iso(moved_date.day),
                "without_newer_data": _iso(moved_date.without_newer_data),
            }
            for moved_date in moved.dates
        ],
        "state": (
            {"state": moved.state[0], "without_newer_data": moved.state[1]}
            if moved.state is not None
            else None
        ),
    }


def data_sources_json(sources: Sequence[DataSource]) -> list[dict[str, Any]]:
    return [
        {
            "kind": source.kind,
            "label": source.label,
            "first_year": source.first_year,
            "last_year": source.last_year,
            "as_of": _iso(source.as_of),
            "age_days": source.age_days,
            "origin": source.origin or None,
            "days": source.days,
        }
        for source in sources
    ]


def differences_json(differences: HolidayDifferences) -> dict[str, Any]:
    return {
        "package": differences.package_label,
        "snapshot_as_of": differences.snapshot_as_of.isoformat(),
        "update_as_of": _iso(differences.update_as_of),
        "differences": [
            {
                "date": row.day.isoformat(),
                "division": row.division,
                "name": row.name,
                "package": row.package,
                "snapshot": row.snapshot,
                "update": row.update,
                "used": row.used,
            }
            for row in differences.rows
        ],
    }


def config_json(config: Config, settings: Sequence[Setting]) -> dict[str, Any]:
    return {
        "config_file": str(config.path) if config.path is not None else None,
        "chosen_by": config.chosen_by if config.path is not None else None,
        "settings": {s.name: {"value": s.value, "from": s.origin} for s in settings},
        "proclaimed": [
            {"date": d.day.isoformat(), "name": d.name, "divisions": list(d.divisions)}
            for d in config.proclaimed
        ],
        "office_closed": [_closure_json(closure) for closure in config.office_closed],
    }
