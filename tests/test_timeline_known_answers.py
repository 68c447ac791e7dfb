"""Known answers for the windows after the response: rules.md section 8, examples 15 to 20 and 31
to 34, for every regime that has each window, and counts written out by hand below. States are
checked on a fixed `today` (and with freezegun for the default)."""

from datetime import date

import pytest
from freezegun import freeze_time

from foiclock import InvalidInput, make_case
from foiclock.clock.timeline import case_timeline, requester_windows, timeline_from_events

D = date


def when(tl, key):  # type: ignore[no-untyped-def]
    milestone = tl.get(key)
    assert milestone is not None, key
    return milestone


# --- Internal review: asking for it -------------------------------------------------------------


@pytest.mark.parametrize("regime", ["foia", "eir", "eisr"])
def test_example_15_review_request_by(regime: str) -> None:
    # rules.md ex 15 (FOIA-IR-REQ): response issued Tue 16 Sep 2025 -> Tue 11 Nov 2025. EIR-REP-REQ
    # and EISR-REP-REQ count the same 40 working days from the response date; no holiday in
    # England, Wales, Scotland or Northern Ireland falls from 17 Sep to 11 Nov 2025:
    # Sep 17-19 (3), 22-26 (8), 29-Oct 3 (13), Oct 6-10 (18), 13-17 (23), 20-24 (28),
    # 27-31 (33), Nov 3-7 (38), Nov 10 (39), Nov 11 (40).
    tl = timeline_from_events(None, regime, responded=D(2025, 9, 16), today=D(2025, 9, 16))
    milestone = when(tl, "review_request_by")
    assert milestone.date == D(2025, 11, 11)
    assert (
        milestone.rule
        == {"foia": "FOIA-IR-REQ", "eir": "EIR-REP-REQ", "eisr": "EISR-REP-REQ"}[regime]
    )
    assert milestone.counted_from == "responded"
    assert (milestone.state, milestone.days_left, milestone.days_left_kind) == (
        "open",
        40,
        "working",
    )


def test_example_15_statute_date_under_foisa_when_answered_on_the_deadline() -> None:
    # FOISA-RR-REQ counts from the expiry of the time for compliance: received 19 Aug 2025, due
    # Tue 16 Sep (ex 2), answered that day: 40 working days after 16 Sep is 11 Nov, as ex 15.
    tl = case_timeline(make_case(D(2025, 8, 19), "foisa", responded=D(2025, 9, 16)), D(2025, 9, 16))
    assert when(tl, "review_request_by").date == D(2025, 11, 11)
    assert when(tl, "review_request_by_safe").date == D(2025, 11, 11)


def test_example_18_foisa_answered_on_time_statute_and_safe_dates() -> None:
    # rules.md ex 18: received 19 Aug 2025 (due 16 Sep), answered on time Wed 10 Sep: the statute
    # gives Tue 11 Nov 2025 (40 WD after the expiry), the SIC's guidance Wed 5 Nov 2025 (40 WD
    # after the answer): Sep 11-12 (2), 15-19 (7), 22-26 (12), 29-Oct 3 (17), Oct 6-10 (22),
    # 13-17 (27), 20-24 (32), 27-31 (37), Nov 3, 4, 5 (40).
    tl = case_timeline(make_case(D(2025, 8, 19), "foisa", responded=D(2025, 9, 10)), D(2025, 9, 10))
    statute = when(tl, "review_request_by")
    safe = when(tl, "review_request_by_safe")
    assert (statute.date, statute.rule, statute.status) == (
        D(2025, 11, 11),
        "FOISA-RR-REQ",
        "statute",
    )
    assert statute.counted_from == "response_due"
    assert (safe.date, safe.rule, safe.status) == (D(2025, 11, 5), "FOISA-RR-REQ", "practice")
    assert when(tl, "response_due").state == "met"


def test_example_19_foisa_answered_late() -> None:
    # rules.md ex 19: the same request answered late on Tue 30 Sep 2025: 40 WD after the late
    # answer, Tue 25 Nov 2025: Oct 1-3 (3), 6-10 (8), 13-17 (13), 20-24 (18), 27-31 (23),
    # Nov 3-7 (28), 10-14 (33), 17-21 (38), 24 (39), 25 (40). The answer was late by 10 working
    # days in Scotland: Sep 17, 18, 19, 22, 23, 24, 25, 26, 29, 30.
    tl = case_timeline(make_case(D(2025, 8, 19), "foisa", responded=D(2025, 9, 30)), D(2025, 10, 1))
    assert when(tl, "review_request_by").date == D(2025, 11, 25)
    assert when(tl, "review_request_by").counted_from == "responded"
    assert when(tl, "review_request_by_safe").date == D(2025, 11, 25)
    response = when(tl, "response_due")
    assert (response.date, response.state, response.working_days_late) == (
        D(2025, 9, 16),
        "late",
        10,
    )


def test_foisa_statute_date_without_a_response_counts_from_the_expiry() -> None:
    # No answer at all: 40 WD after the expiry (16 Sep 2025) is Tue 11 Nov 2025 (ex 15's count).
    tl = case_timeline(make_case(D(2025, 8, 19), "foisa"), D(2025, 10, 1))
    assert when(tl, "review_request_by").date == D(2025, 11, 11)
    assert when(tl, "response_due").state == "overdue"


def test_eir_representations_without_a_response_count_from_the_deadline() -> None:
    # EIR-REP-REQ: "the response deadline if none came". Received 19 Aug 2025, EIR due Wed 17 Sep
    # (as FOIA, ex 1); 40 WD after it: Sep 18-19 (2), 22-26 (7), 29-Oct 3 (12), Oct 6-10 (17),
    # 13-17 (22), 20-24 (27), 27-31 (32), Nov 3-7 (37), Nov 10, 11, 12 (40): Wed 12 Nov 2025.
    tl = case_timeline(make_case(D(2025, 8, 19), "eir"), D(2025, 10, 1))
    milestone = when(tl, "review_request_by")
    assert (milestone.date, milestone.counted_from) == (D(2025, 11, 12), "response_due")


def test_eir_representations_count_from_the_extended_deadline_when_extended() -> None:
    # EIR-EXT (ex 14): received 19 Aug 2025, extended to Wed 15 Oct 2025. With no response the
    # requester counts from that deadline: 40 WD after 15 Oct: Oct 16-17 (2), 20-24 (7),
    # 27-31 (12), Nov 3-7 (17), 10-14 (22), 17-21 (27), 24-28 (32; St Andrew's Day is Sun 30 Nov,
    # its substitute Mon 1 Dec skipped), Dec 2-5 (36), Dec 8, 9, 10, 11 (40): Thu 11 Dec 2025.
    tl = case_timeline(make_case(D(2025, 8, 19), "eir", extended=True), D(2025, 10, 1))
    assert when(tl, "response_due").state == "extended"
    assert when(tl, "response_due_extended").date == D(2025, 10, 15)
    assert when(tl, "review_request_by").date == D(2025, 12, 11)


def test_foia_review_request_waits_for_the_response_while_the_deadline_is_unknown() -> None:
    # Clarification asked for and awaited: no response deadline to count the FOIA-IR-REQ
    # guidance from (tests/test_law_foia.py), so the window waits for the response.
    case = make_case(D(2025, 8, 19), clarification_requested=D(2025, 8, 20))
    milestone = when(case_timeline(case, D(2025, 9, 1)), "review_request_by")
    assert (milestone.date, milestone.state, milestone.waits_for) == (None, "waiting", "responded")


# --- Internal review: answering it --------------------------------------------------------------


def test_example_16_foia_review_response() -> None:
    # rules.md ex 16 (FOIA-IR-RESP): review request received Wed 1 Oct 2025: Wed 29 Oct 2025
    # (20 WD: Oct 2-3 (2), 6-10 (7), 13-17 (12), 20-24 (17), 27, 28, 29 (20)); longest
    # Wed 26 Nov 2025 (40 WD).
    tl = timeline_from_events(
        None, "foia", responded=D(2025, 9, 16), review_requested=D(2025, 10, 1)
    )
    assert when(tl, "review_response_due").date == D(2025, 10, 29)
    assert when(tl, "review_response_due_longest").date == D(2025, 11, 26)
    assert when(tl, "review_response_due").rule == "FOIA-IR-RESP"


def test_example_17_eir_representations_answered_within_40_working_days() -> None:
    # rules.md ex 17 (EIR-REP-RESP): representations received Wed 1 Oct 2025: Wed 26 Nov 2025:
    # Oct 2-3 (2), 6-10 (7), 13-17 (12), 20-24 (17), 27-31 (22), Nov 3-7 (27), 10-14 (32),
    # 17-21 (37), Nov 24, 25, 26 (40). There is no 20-day stage.
    tl = timeline_from_events(
        None, "eir", responded=D(2025, 9, 16), review_requested=D(2025, 10, 1)
    )
    assert when(tl, "review_response_due").date == D(2025, 11, 26)
    assert when(tl, "review_response_due").rule == "EIR-REP-RESP"
    assert tl.get("review_response_due_longest") is None


@pytest.mark.parametrize(
    ("regime", "rule"), [("foisa", "FOISA-RR-RESP"), ("eisr", "EISR-REP-RESP")]
)
def test_example_20_scottish_review_response(regime: str, rule: str) -> None:
    # rules.md ex 20 (FOISA-RR-RESP): requirement received Wed 1 Oct 2025: Wed 29 Oct 2025
    # (20 WD, as ex 16's count: no Scottish holiday in October). EISR-REP-RESP is 20 WD too.
    tl = timeline_from_events(
        None, regime, responded=D(2025, 9, 16), review_requested=D(2025, 10, 1)
    )
    assert (when(tl, "review_response_due").date, when(tl, "review_response_due").rule) == (
        D(2025, 10, 29),
        rule,
    )


def test_review_outcome_late_by_working_days() -> None:
    # Review requested 1 Oct 2025, due 29 Oct (ex 16); outcome Mon 3 Nov: late by 3 working days
    # (Oct 30, Oct 31, Nov 3). Against the longest (26 Nov) it was met.
    tl = timeline_from_events(
        None,
        "foia",
        responded=D(2025, 9, 16),
        review_requested=D(2025, 10, 1),
        review_responded=D(2025, 11, 3),
    )
    milestone = when(tl, "review_response_due")
    assert (milestone.state, milestone.working_days_late) == ("late", 3)
    assert when(tl, "review_response_due_longest").state == "met"


# --- The Commissioner ---------------------------------------------------------------------------


@pytest.mark.parametrize(("regime", "rule"), [("foia", "FOIA-ICO"), ("eir", "EIR-ICO")])
def test_example_33_ico_complaint_six_weeks(regime: str, rule: str) -> None:
    # rules.md ex 33: review outcome Fri 10 Oct 2025 -> Fri 21 Nov 2025 (10 Oct + 42 days).
    tl = timeline_from_events(
        None,
        regime,
        responded=D(2025, 9, 16),
        review_requested=D(2025, 9, 20),
        review_responded=D(2025, 10, 10),
        today=D(2025, 11, 20),
    )
    milestone = when(tl, "commissioner_complaint_by")
    assert (milestone.date, milestone.rule) == (D(2025, 11, 21), rule)
    assert (milestone.state, milestone.days_left, milestone.days_left_kind) == (
        "open",
        1,
        "calendar",
    )
    assert when(tl, "commissioner_complaint_from").state == "not_needed"


@pytest.mark.parametrize("regime", ["foisa", "eisr"])
def test_example_34_sic_application_six_months(regime: str) -> None:
    # rules.md ex 34 (FOISA-SIC; the EISRs by reg 17): outcome received Wed 15 Oct 2025 ->
    # Wed 15 Apr 2026.
    tl = timeline_from_events(
        None,
        regime,
        responded=D(2025, 9, 16),
        review_requested=D(2025, 9, 17),
        review_responded=D(2025, 10, 15),
    )
    milestone = when(tl, "commissioner_complaint_by")
    assert (milestone.date, milestone.rule) == (D(2026, 4, 15), "FOISA-SIC")


def test_foia_complaint_without_a_review_outcome_after_40_working_days() -> None:
    # FOIA-ICO: review requested Wed 1 Oct 2025; the 40th working day is Wed 26 Nov (ex 16), so
    # the requester may complain without an outcome from Thu 27 Nov 2025.
    tl = timeline_from_events(
        None, "foia", responded=D(2025, 9, 16), review_requested=D(2025, 10, 1)
    )
    milestone = when(tl, "commissioner_complaint_from")
    assert (milestone.date, milestone.rule) == (D(2025, 11, 27), "FOIA-ICO")
    assert when(tl, "commissioner_complaint_by").waits_for == "review_responded"


def test_sic_application_when_the_review_deadline_passes_with_no_outcome() -> None:
    # FOISA-SIC: requirement received Wed 1 Oct 2025, review due Wed 29 Oct (ex 20); with no
    # outcome the requester may apply from Thu 30 Oct, and within six months after the
    # deadline passed: Wed 29 Apr 2026.
    tl = timeline_from_events(
        None, "foisa", responded=D(2025, 9, 16), review_requested=D(2025, 10, 1)
    )
    assert when(tl, "commissioner_complaint_from").date == D(2025, 10, 30)
    complaint = when(tl, "commissioner_complaint_by")
    assert (complaint.date, complaint.counted_from) == (D(2026, 4, 29), "review_response_due")


# --- Tribunal and Court of Session --------------------------------------------------------------


@pytest.mark.parametrize(("regime", "rule"), [("foia", "FOIA-TRIB"), ("eir", "EIR-TRIB")])
@pytest.mark.parametrize(
    ("sent", "last_day"),
    [
        # rules.md ex 31: sent Fri 6 Feb 2026 -> Fri 6 Mar 2026 (28 days).
        (D(2026, 2, 6), D(2026, 3, 6)),
        # rules.md ex 32: sent Fri 28 Nov 2025 -> 28 days is Fri 26 Dec, Boxing Day, a bank
        # holiday in England and Wales; Sat 27 and Sun 28 Dec follow: Mon 29 Dec 2025.
        (D(2025, 11, 28), D(2025, 12, 29)),
    ],
)
def test_examples_31_32_tribunal_appeal(regime: str, rule: str, sent: date, last_day: date) -> None:
    tl = timeline_from_events(None, regime, responded=D(2025, 9, 1), decision_notice=sent)
    milestone = when(tl, "tribunal_appeal_by")
    assert (milestone.date, milestone.rule) == (last_day, rule)
    assert tl.get("court_appeal_by") is None


@pytest.mark.parametrize("regime", ["foisa", "eisr"])
def test_court_of_session_appeal_42_days(regime: str) -> None:
    # FOISA-COURT: decision intimated Fri 6 Feb 2026; 42 days: to Sat 28 Feb is 22, to Fri 20 Mar
    # is 42. Calendar days; rules.md gives no roll for it.
    tl = timeline_from_events(None, regime, responded=D(2025, 9, 1), decision_notice=D(2026, 2, 6))
    assert when(tl, "court_appeal_by").date == D(2026, 3, 20)
    assert tl.get("tribunal_appeal_by") is None


# --- States on a given day ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "state", "days_left"),
    [
        # Received 19 Aug 2025, due Wed 17 Sep (ex 1). From Fri 12 Sep: 15, 16, 17 Sep left.
        (D(2025, 9, 12), "open", 3),
        (D(2025, 9, 16), "open", 1),
        (D(2025, 9, 17), "due_today", 0),
        (D(2025, 9, 18), "overdue", None),
    ],
)
def test_response_state_on_a_given_day(today: date, state: str, days_left: int | None) -> None:
    milestone = when(case_timeline(make_case(D(2025, 8, 19)), today), "response_due")
    assert (milestone.state, milestone.days_left) == (state, days_left)


def test_default_today_is_the_frozen_clock() -> None:
    with freeze_time("2025-09-17"):
        assert when(case_timeline(make_case(D(2025, 8, 19))), "response_due").state == "due_today"
    with freeze_time("2025-09-18"):
        tl = timeline_from_events(D(2025, 8, 19))
        assert tl.today == D(2025, 9, 18)
        assert when(tl, "response_due").state == "overdue"


def test_response_late_by_working_days() -> None:
    # Due Wed 17 Sep 2025 (ex 1); responded Fri 19 Sep: late by 2 working days (18, 19 Sep).
    tl = case_timeline(make_case(D(2025, 8, 19), responded=D(2025, 9, 19)), D(2025, 10, 1))
    assert (when(tl, "response_due").state, when(tl, "response_due").working_days_late) == (
        "late",
        2,
    )


def test_extended_response_is_judged_against_the_extended_deadline() -> None:
    # FOIA-PIT (ex 13): extended to Wed 15 Oct 2025; a response on 1 Oct meets it.
    tl = case_timeline(
        make_case(D(2025, 8, 19), extended=True, responded=D(2025, 10, 1)), D(2025, 10, 2)
    )
    assert when(tl, "response_due").state == "extended"
    assert (when(tl, "response_due_extended").date, when(tl, "response_due_extended").state) == (
        D(2025, 10, 15),
        "met",
    )


@pytest.mark.parametrize(
    ("today", "state"),
    [(D(2025, 11, 10), "open"), (D(2025, 11, 11), "last_day"), (D(2025, 11, 12), "closed")],
)
def test_requester_window_closes(today: date, state: str) -> None:
    tl = timeline_from_events(None, "foia", responded=D(2025, 9, 16), today=today)
    assert when(tl, "review_request_by").state == state


def test_review_asked_after_the_window_is_late() -> None:
    # Window closes Tue 11 Nov 2025 (ex 15); asked Thu 13 Nov: late by 2 working days.
    tl = timeline_from_events(
        None, "foia", responded=D(2025, 9, 16), review_requested=D(2025, 11, 13)
    )
    milestone = when(tl, "review_request_by")
    assert (milestone.state, milestone.working_days_late) == ("late", 2)


def test_waiting_states_say_what_they_wait_for() -> None:
    tl = case_timeline(
        make_case(D(2025, 8, 19), clarification_requested=D(2025, 8, 20)), D(2025, 9, 1)
    )
    response = when(tl, "response_due")
    assert (response.date, response.state, response.waits_for) == (
        None,
        "waiting",
        "clarification_received",
    )
    # Without a date of receipt (the requester's view) the response deadline waits for it.
    tl = timeline_from_events(None, "foisa", responded=D(2025, 9, 10))
    assert when(tl, "review_request_by").waits_for == "received"
    assert when(tl, "review_request_by_safe").date == D(2025, 11, 5)


def test_requester_windows_are_the_requesters() -> None:
    tl = timeline_from_events(None, "foia", responded=D(2025, 9, 16), today=D(2025, 9, 16))
    keys = [m.key for m in requester_windows(tl)]
    assert keys == [
        "review_request_by",
        "commissioner_complaint_from",
        "commissioner_complaint_by",
        "tribunal_appeal_by",
    ]


def test_sar_timeline_has_no_review_windows() -> None:
    # rules.md ex 23: received Wed 3 Sep 2025 -> Fri 3 Oct 2025; SAR-EXT three months: Wed 3 Dec.
    # SAR-WORDS: the safe date Thu 2 Oct; SAR-CTRL and SAR-ICO wait for their events (no review).
    tl = case_timeline(make_case(D(2025, 9, 3), "sar"), D(2025, 9, 3))
    assert [m.key for m in tl.milestones] == [
        "received",
        "response_due_safe",
        "response_due",
        "response_due_extended",
        "complaint_acknowledge_by",
        "commissioner_complaint_by",
    ]
    assert when(tl, "response_due_safe").date == D(2025, 10, 2)
    assert when(tl, "response_due").date == D(2025, 10, 3)
    assert when(tl, "response_due").days_left_kind == "calendar"
    assert when(tl, "response_due_extended").date == D(2025, 12, 3)


@pytest.mark.parametrize(
    ("events", "field"),
    [
        ({"responded": D(2025, 8, 18)}, "responded"),
        ({"review_responded": D(2025, 10, 1)}, "review_responded"),
        (
            {
                "responded": D(2025, 9, 16),
                "review_requested": D(2025, 9, 20),
                "review_responded": D(2025, 9, 19),
            },
            "review_responded",
        ),
        (
            {
                "responded": D(2025, 9, 16),
                "review_requested": D(2025, 9, 20),
                "review_responded": D(2025, 10, 19),
                "decision_notice": D(2025, 10, 1),
            },
            "decision_notice",
        ),
    ],
)
def test_events_out_of_order_are_refused(events: dict[str, date], field: str) -> None:
    with pytest.raises(InvalidInput) as error:
        make_case(D(2025, 8, 19), **events)  # type: ignore[arg-type]
    assert error.value.field == field


def test_sar_has_no_review_events() -> None:
    with pytest.raises(InvalidInput, match="review_requested"):
        make_case(D(2025, 9, 3), "sar", review_requested=D(2025, 10, 10))
