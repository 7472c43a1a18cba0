"""The report's data: plain frozen dataclasses, filled by SQL, read by every output.

The PDF, the CSV/XLSX exports and the reports screen all read the same tree,
so the numbers printed, exported and shown can never disagree. Durations are
seconds (float, or None when there was nothing to measure); money is fen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Flow segments, in the order the patient walks them: (code, from action, to action).
FLOW_SEGMENTS: tuple[tuple[str, str, str], ...] = (
    ("door_desk", "arrived", "at_desk"),
    ("desk_billing", "at_desk", "registered"),
    ("billing_doctor", "registered", "handed_to_doctor"),
    ("door_doctor", "arrived", "handed_to_doctor"),
    # The clinic queue after the desk (queue.clinic writes these visit events).
    ("waited_doctor", "handed_to_doctor", "consultation_started"),
    ("consultation", "consultation_started", "consultation_finished"),
)
FLOW_CODES = tuple(code for code, _a, _b in FLOW_SEGMENTS)


@dataclass(frozen=True)
class Totals:
    """Headline counts over the visits of a day (or a range of days)."""

    visits: int = 0
    first_visits: int = 0
    appointments: int = 0  # visits that came with a booking
    done: int = 0  # reached the doctor
    left: int = 0
    red_flags: int = 0
    still_open: int = 0  # not DONE and not LEFT when the report was made
    booked: int = 0  # appointments booked for the day(s), not cancelled
    booked_arrived: int = 0  # of those, the ones that turned up

    @property
    def returning(self) -> int:
        return self.visits - self.first_visits

    @property
    def walk_ins(self) -> int:
        return self.visits - self.appointments

    @property
    def arrival_rate(self) -> float | None:
        """Share of the day's bookings that arrived (来院就诊达到率), None with no bookings."""
        return self.booked_arrived / self.booked if self.booked else None


@dataclass(frozen=True)
class ReasonCount:
    reason: str  # leave_reasons code (old rows: their free text); "" when none was given
    count: int


@dataclass(frozen=True)
class RedFlagVisit:
    visit_id: int
    queue_label_zh: str  # e.g. 急-003 ("" before a queue number was given)
    queue_label_en: str
    arrived_at: dt.datetime | None
    department_zh: str
    department_en: str
    complaint: str
    stage: str


@dataclass(frozen=True)
class GroupRow:
    """One department, doctor or media source, with its visits.

    `label_*` is "" for visits with nothing recorded (not yet triaged, no
    answer to "how did you hear of us"); `extra_*` is the doctor's department.
    """

    label_zh: str
    label_en: str
    visits: int
    first_visits: int = 0
    appointments: int = 0
    done: int = 0
    left: int = 0
    extra_zh: str = ""
    extra_en: str = ""


@dataclass(frozen=True)
class HourRow:
    hour: int  # 0-23, by the arrival event
    visits: int


@dataclass(frozen=True)
class FlowTime:
    segment: str  # one of FLOW_CODES
    count: int  # visits measured
    median_s: float | None
    p90_s: float | None


@dataclass(frozen=True)
class StaffRow:
    staff_id: int
    name: str
    role: str
    greeted: int
    registered: int
    escorted: int


@dataclass(frozen=True)
class ItemFailure:
    code: str
    name_zh: str
    name_en: str
    failures: int
    corrected: int


@dataclass(frozen=True)
class FineRow:
    staff: str
    kind: str
    amount_fen: int
    reason_zh: str
    reason_en: str
    waived: bool


@dataclass(frozen=True)
class FineKindTotal:
    kind: str
    count: int
    amount_fen: int  # waived fines excluded
    waived: int


@dataclass(frozen=True)
class LateSignIn:
    staff: str
    shift_zh: str
    shift_en: str
    signed_at: dt.datetime | None
    minutes_late: int


@dataclass(frozen=True)
class Grooming:
    checks: int = 0
    staff_checked: int = 0
    staff_failed: int = 0
    failures: tuple[ItemFailure, ...] = ()
    fines: tuple[FineRow, ...] = ()  # the day's ledger rows (empty in range views)
    fine_totals: tuple[FineKindTotal, ...] = ()
    sign_ins: int = 0
    late_sign_ins: tuple[LateSignIn, ...] = ()  # the rows (empty in range views)
    late_count: int = 0

    @property
    def fines_total_fen(self) -> int:
        return sum(t.amount_fen for t in self.fine_totals)


@dataclass(frozen=True)
class HandoverRow:
    author: str
    shift_zh: str
    shift_en: str
    written_at: dt.datetime | None
    equipment: str
    hard_cases: str
    staff_swaps: str
    open_visits: str
    acknowledged_by: str


@dataclass(frozen=True)
class CallbackRow:
    """A patient to call back (回访): everyone who reached the doctor that day."""

    visit_id: int
    patient: str
    phone: str
    record_no: str
    department_zh: str
    department_en: str
    doctor: str
    arrived_at: dt.datetime | None
    first_visit: bool


@dataclass(frozen=True)
class Comparison:
    """A headline number beside its average over the previous days that had visits."""

    metric: str  # key into tables.METRIC_NAMES
    value: float | None
    average: float | None


class _Summary:
    """What the daily and the range summary answer alike (both have totals and flow)."""

    totals: Totals
    flow: tuple[FlowTime, ...]

    @property
    def is_empty(self) -> bool:
        return self.totals.visits == 0

    def flow_time(self, segment: str) -> FlowTime:
        return next(f for f in self.flow if f.segment == segment)


@dataclass(frozen=True)
class DailySummary(_Summary):
    day: dt.date
    hospital: str
    generated_at: dt.datetime
    totals: Totals
    left_reasons: tuple[ReasonCount, ...]
    red_flags: tuple[RedFlagVisit, ...]
    by_department: tuple[GroupRow, ...]
    by_doctor: tuple[GroupRow, ...]
    by_hour: tuple[HourRow, ...]
    by_media: tuple[GroupRow, ...]
    flow: tuple[FlowTime, ...]
    staff: tuple[StaffRow, ...]
    grooming: Grooming
    handovers: tuple[HandoverRow, ...]
    callbacks: tuple[CallbackRow, ...]
    comparison: tuple[Comparison, ...]
    comparison_days: int  # previous days (of the last 7) that had visits


@dataclass(frozen=True)
class DayRow:
    day: dt.date
    totals: Totals
    door_doctor_median_s: float | None


@dataclass(frozen=True)
class RangeSummary(_Summary):
    start: dt.date
    end: dt.date
    hospital: str
    generated_at: dt.datetime
    totals: Totals
    days: tuple[DayRow, ...]  # every calendar day of the range, empty ones included
    left_reasons: tuple[ReasonCount, ...]
    by_department: tuple[GroupRow, ...]
    by_doctor: tuple[GroupRow, ...]
    by_hour: tuple[HourRow, ...]
    by_media: tuple[GroupRow, ...]
    flow: tuple[FlowTime, ...]
    staff: tuple[StaffRow, ...]
    grooming: Grooming
    handover_notes: int = 0

    @property
    def day_count(self) -> int:
        return (self.end - self.start).days + 1
