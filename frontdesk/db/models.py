"""Peewee models: the whole first cut of Frontdesk's schema.

Money is stored in fen (integer cents) so sums are exact. Rule rows carry both
languages (`*_zh`, `*_en`). Anything that applies a rule (a grooming check, a
fine, a fee) stores a snapshot of what it applied, so history never changes
when the rules do.
"""

from __future__ import annotations

from enum import StrEnum

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    SmallIntegerField,
    TextField,
)

from frontdesk import clock

database_proxy = DatabaseProxy()


class LockTimeField(DateTimeField):
    """A nullable time whose None means "no wait" (an account's lock). Text that is no
    time (edited into SQLite by hand, which keeps any text in a DATETIME column) reads as
    None: peewee hands such text on as it is, and comparing it with a time made every
    login of that account end in a TypeError."""

    def python_value(self, value):
        import datetime as _dt

        value = super().python_value(value)
        return value if isinstance(value, _dt.datetime) else None


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


# --- Settings and bookkeeping ----------------------------------------------


class SchemaVersion(BaseModel):
    version = IntegerField(primary_key=True)
    applied_at = DateTimeField(default=clock.now)
    app_version = CharField(max_length=32)


class Setting(BaseModel):
    key = CharField(max_length=64, primary_key=True)
    value = TextField()


# --- Staff, shifts, grooming ------------------------------------------------

class Role(StrEnum):
    """A staff member's role; the value is what `Staff.role` stores."""

    GUIDE = "guide"  # door guide (导医)
    DESK = "desk"  # the desk (导医台)
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLES = tuple(Role)


class Staff(BaseModel):
    username = CharField(max_length=40, unique=True)
    display_name = CharField(max_length=40)
    role = CharField(max_length=16, index=True)  # a Role
    sex = CharField(max_length=1, default="")  # "M" / "F" / ""
    password_hash = CharField(max_length=255, default="")
    pin_hash = CharField(max_length=255, default="")
    active = BooleanField(default=True)
    failed_logins = SmallIntegerField(default=0)
    locked_until = LockTimeField(null=True)
    created_at = DateTimeField(default=clock.now)


class Shift(BaseModel):
    """A shift pattern from the house rules (e.g. 08:00–18:00 with lunch 12:00–14:00)."""

    code = CharField(max_length=16, unique=True)
    name_zh = CharField(max_length=40)
    name_en = CharField(max_length=40)
    start = CharField(max_length=5)  # "HH:MM"
    end = CharField(max_length=5)
    breaks = TextField(default="[]")  # JSON list of {"start","end","label_zh","label_en"}
    active = BooleanField(default=True)


class ShiftAssignment(BaseModel):
    staff = ForeignKeyField(Staff, backref="assignments", on_delete="RESTRICT")
    shift = ForeignKeyField(Shift, on_delete="RESTRICT")
    date = DateField(index=True)

    class Meta:
        indexes = ((("staff", "date", "shift"), True),)


class SignIn(BaseModel):
    staff = ForeignKeyField(Staff, backref="sign_ins", on_delete="RESTRICT")
    shift = ForeignKeyField(Shift, on_delete="RESTRICT")
    date = DateField(index=True)
    signed_at = DateTimeField(default=clock.now)
    minutes_late = IntegerField(default=0)

    class Meta:
        indexes = ((("staff", "date", "shift"), True),)


class GroomingItem(BaseModel):
    code = CharField(max_length=32, unique=True)
    category = CharField(max_length=16)  # appearance / dress / manner
    name_zh = CharField(max_length=80)
    name_en = CharField(max_length=120)
    fine_fen = IntegerField()
    sort = IntegerField(default=0)
    active = BooleanField(default=True)


class GroomingCheck(BaseModel):
    staff = ForeignKeyField(Staff, backref="grooming_checks", on_delete="RESTRICT")
    supervisor = ForeignKeyField(Staff, on_delete="RESTRICT")
    shift = ForeignKeyField(Shift, null=True, on_delete="RESTRICT")
    date = DateField(index=True)
    checked_at = DateTimeField(default=clock.now)
    recheck_of = ForeignKeyField("self", null=True, backref="rechecks", on_delete="RESTRICT")
    off_shift_reason = TextField(default="")
    items_snapshot = TextField(default="[]")  # JSON: the items as they were when checked
    notes = TextField(default="")
    photo = BlobField(null=True)
    acknowledged_at = DateTimeField(null=True)


class GroomingResult(BaseModel):
    check = ForeignKeyField(GroomingCheck, backref="results", on_delete="CASCADE")
    item_code = CharField(max_length=32)
    item_name_zh = CharField(max_length=80)
    item_name_en = CharField(max_length=120)
    passed = BooleanField(default=True)
    corrected = BooleanField(default=False)
    note = TextField(default="")
    fine_fen = IntegerField(default=0)


class FineKind(StrEnum):
    """What a fine is for; the value is what `Fine.kind` stores."""

    GROOMING = "grooming"  # a failed grooming check
    LATE = "late"  # late arrival or early leave (sign-in)
    OTHER = "other"
    RULE = "rule"  # a rule of the fines list was broken (staffing.ledger)
    REWARD = "reward"  # a reward of the rules (same ledger; the amount is paid out)


FINE_KINDS = tuple(FineKind)


class Fine(BaseModel):
    """The fine ledger: rows are never deleted; a waiver is recorded on the row."""

    staff = ForeignKeyField(Staff, backref="fines", on_delete="RESTRICT")
    kind = CharField(max_length=16, index=True)  # one of FINE_KINDS
    amount_fen = IntegerField()
    reason_zh = TextField()
    reason_en = TextField(default="")
    date = DateField(index=True)
    grooming_check = ForeignKeyField(GroomingCheck, null=True, on_delete="RESTRICT")
    sign_in = ForeignKeyField(SignIn, null=True, on_delete="RESTRICT")
    rule_snapshot = TextField(default="{}")  # JSON of the rule applied
    created_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    created_at = DateTimeField(default=clock.now)
    waived_at = DateTimeField(null=True)
    waived_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    waive_reason = TextField(default="")
    # The rules ledger (schema step 6): which rule, the staff member's PIN, paid when.
    rule_code = CharField(max_length=32, default="", index=True)
    acknowledged_at = DateTimeField(null=True)
    paid_at = DateTimeField(null=True)


class HandoverNote(BaseModel):
    shift = ForeignKeyField(Shift, null=True, on_delete="RESTRICT")
    date = DateField(index=True)
    author = ForeignKeyField(Staff, on_delete="RESTRICT")
    written_at = DateTimeField(default=clock.now)
    equipment = TextField(default="")
    hard_cases = TextField(default="")
    staff_swaps = TextField(default="")
    open_visits = TextField(default="")
    acknowledged_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    acknowledged_at = DateTimeField(null=True)


# --- Hospital rules ----------------------------------------------------------


class Department(BaseModel):
    code = CharField(max_length=16, unique=True)
    name_zh = CharField(max_length=40)
    name_en = CharField(max_length=60)
    short_zh = CharField(max_length=4)  # queue prefix, e.g. 内 for 内-012
    short_en = CharField(max_length=8)
    room = CharField(max_length=40, default="")
    floor = CharField(max_length=16, default="")
    directions_zh = TextField(default="")
    directions_en = TextField(default="")
    is_emergency = BooleanField(default=False)
    sort = IntegerField(default=0)
    active = BooleanField(default=True)


class FeeClass(BaseModel):
    code = CharField(max_length=16, unique=True)
    name_zh = CharField(max_length=40)
    name_en = CharField(max_length=60)
    amount_fen = IntegerField()


class Doctor(BaseModel):
    name = CharField(max_length=40)
    department = ForeignKeyField(Department, backref="doctors", on_delete="RESTRICT")
    title_zh = CharField(max_length=40)
    title_en = CharField(max_length=60)
    specialty_zh = CharField(max_length=120, default="")
    specialty_en = CharField(max_length=160, default="")
    fee_class = ForeignKeyField(FeeClass, on_delete="RESTRICT")
    active = BooleanField(default=True)


class DoctorSchedule(BaseModel):
    doctor = ForeignKeyField(Doctor, backref="schedule", on_delete="CASCADE")
    weekday = SmallIntegerField()  # 0 = Monday, as datetime.weekday()
    start = CharField(max_length=5)
    end = CharField(max_length=5)
    # Bookings per appointment slot in this block (slot length: rules.service appointments).
    capacity = SmallIntegerField(default=4)

    class Meta:
        indexes = ((("weekday", "doctor"), False),)


class MediaSource(BaseModel):
    code = CharField(max_length=16, unique=True)
    name_zh = CharField(max_length=40)
    name_en = CharField(max_length=60)
    sort = IntegerField(default=0)
    active = BooleanField(default=True)
    # Two levels: a group (搜索引擎) has no parent; a source (百度) names its group.
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")


class TriageKeyword(BaseModel):
    keyword = CharField(max_length=40, index=True)
    lang = CharField(max_length=5, default="zh")
    department = ForeignKeyField(Department, on_delete="CASCADE")
    red_flag = BooleanField(default=False)
    weight = SmallIntegerField(default=1)


# --- Patients and visits -----------------------------------------------------

class VipTier(StrEnum):
    """A patient's VIP card; the value is what `Patient.vip_tier` stores. The fee rules
    waive gold and diamond."""

    NONE = ""  # no card
    GOLD = "gold"
    DIAMOND = "diamond"


VIP_TIERS = tuple(VipTier)


class Patient(BaseModel):
    record_no = CharField(max_length=20, unique=True)
    name = CharField(max_length=40, index=True)
    sex = CharField(max_length=1, default="")
    birth_date = DateField(null=True)
    # Only an age was given: birth_date is estimated (today minus the age), shown as "about".
    birth_date_estimated = BooleanField(default=False)
    phone = CharField(max_length=20, default="", index=True)
    id_number = CharField(max_length=18, null=True, index=True)
    address = TextField(default="")
    medical_history = TextField(default="")
    person_type = CharField(max_length=40, default="")
    economic_status = CharField(max_length=40, default="")
    vip_tier = CharField(max_length=8, default=VipTier.NONE.value)  # a VipTier
    media_source = ForeignKeyField(MediaSource, null=True, on_delete="SET NULL")
    merged_into = ForeignKeyField("self", null=True, on_delete="RESTRICT")
    created_at = DateTimeField(default=clock.now)
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        indexes = ((("name", "birth_date"), False),)


class PatientSearchKey(BaseModel):
    """Lookup keys (pinyin forms, reversed phone tail, …) served by one index.

    Prefix search is a range scan `key >= q AND key < q + '\\uffff'`, which uses
    the index on SQLite and PostgreSQL alike (LIKE would not, on either). Keys
    compare byte by byte: SQLite's BINARY; on PostgreSQL the column is COLLATE
    "C" (migration 3 / AFTER_CREATE, as the model cannot say it portably)."""

    patient = ForeignKeyField(Patient, backref="search_keys", on_delete="CASCADE")
    key = CharField(max_length=64)

    class Meta:
        indexes = ((("key", "patient"), True),)


BOOKING_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def booking_code() -> str:
    """A booking's short code: six characters without look-alikes (32**6 ≈ 10**9 codes)."""
    import secrets

    return "".join(secrets.choice(BOOKING_CODE_ALPHABET) for _ in range(6))


class Appointment(BaseModel):
    patient = ForeignKeyField(Patient, null=True, backref="appointments", on_delete="SET NULL")
    patient_name = CharField(max_length=40)
    phone = CharField(max_length=20, default="", index=True)
    department = ForeignKeyField(Department, on_delete="RESTRICT")
    doctor = ForeignKeyField(Doctor, null=True, on_delete="SET NULL")
    date = DateField(index=True)
    time = CharField(max_length=5, default="")
    complaint = TextField(default="")
    status = CharField(max_length=12, default="booked")  # booked / arrived / cancelled / no_show
    created_at = DateTimeField(default=clock.now)
    # Short code printed on the booking and scanned at the door (unique, never reused).
    code = CharField(max_length=10, null=True, unique=True, default=booking_code)
    booked_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    version = IntegerField(default=1)  # optimistic lock: two desks changing one booking
    updated_at = DateTimeField(null=True)


class Stage(StrEnum):
    """Where a visit is; the value is what `Visit.stage` stores (moves: frontdesk.stages)."""

    GREETING = "GREETING"
    TRIAGE = "TRIAGE"
    REGISTRATION = "REGISTRATION"
    BILLING = "BILLING"
    ESCORT = "ESCORT"
    DONE = "DONE"
    LEFT = "LEFT"


STAGES = tuple(Stage)
OPEN_STAGES = STAGES[:5]


class Visit(BaseModel):
    visit_date = DateField(index=True)
    stage = CharField(max_length=16, default=Stage.GREETING.value, index=True)
    version = IntegerField(default=1)  # optimistic lock: two desks, one visit
    patient = ForeignKeyField(Patient, null=True, backref="visits", on_delete="RESTRICT")
    first_visit = BooleanField(default=True)
    has_appointment = BooleanField(default=False)
    appointment = ForeignKeyField(Appointment, null=True, on_delete="SET NULL")
    department = ForeignKeyField(Department, null=True, on_delete="RESTRICT")
    doctor = ForeignKeyField(Doctor, null=True, on_delete="RESTRICT")
    queue_no = IntegerField(null=True)
    complaint = TextField(default="")
    red_flag = BooleanField(default=False)
    triage_reason = TextField(default="")
    illness_duration = CharField(max_length=40, default="")
    disease_category = CharField(max_length=40, default="")
    intention = TextField(default="")
    concerns = TextField(default="")
    health_question = TextField(default="")
    price_comparison = TextField(default="")
    habits = TextField(default="")
    media_source = ForeignKeyField(MediaSource, null=True, on_delete="SET NULL")
    fee_fen = IntegerField(default=0)
    fee_snapshot = TextField(default="{}")
    fee_waived = BooleanField(default=False)
    waiver_reason = CharField(max_length=80, default="")
    escort = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    left_reason = TextField(default="")
    created_at = DateTimeField(default=clock.now, index=True)
    updated_at = DateTimeField(default=clock.now)
    # What the door guide saw and asked (schema step 8): the day's ticket ("A012"), sex,
    # age band (child / adult / elder), a name or surname if given, a PriorityClass value.
    door_ticket_no = IntegerField(null=True)
    door_ticket = CharField(max_length=12, default="")
    door_sex = CharField(max_length=1, default="")
    door_age_band = CharField(max_length=8, default="")
    door_name = CharField(max_length=40, default="")
    priority = CharField(max_length=16, default="")

    class Meta:
        # Two desks registering at the same moment can never share a number;
        # two door devices can never hand out the same ticket on one day.
        indexes = ((("department", "visit_date", "queue_no"), True),
                   (("visit_date", "door_ticket_no"), True))


class VisitEvent(BaseModel):
    """One row per transition: the timing source for every statistic."""

    visit = ForeignKeyField(Visit, backref="events", on_delete="CASCADE")
    from_stage = CharField(max_length=16, default="")
    stage = CharField(max_length=16)
    action = CharField(max_length=24, default="")  # e.g. "handed_to_doctor", "paid"
    at = DateTimeField(default=clock.now, index=True)
    staff = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    note = TextField(default="")

    class Meta:
        indexes = ((("visit", "at"), False),)


class Payment(BaseModel):
    visit = ForeignKeyField(Visit, backref="payments", on_delete="CASCADE")
    amount_fen = IntegerField()
    waived = BooleanField(default=False)
    waiver_reason = CharField(max_length=80, default="")
    confirmed_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    confirmed_at = DateTimeField(default=clock.now)


class VisitDraft(BaseModel):
    """A half-filled registration form, kept so a crash loses nothing typed."""

    visit = ForeignKeyField(Visit, unique=True, on_delete="CASCADE")
    data = TextField(default="{}")
    updated_at = DateTimeField(default=clock.now)


class FollowUp(BaseModel):
    # One follow-up per visit, enforced by the database (two desks may list at once).
    visit = ForeignKeyField(Visit, null=True, unique=True, on_delete="SET NULL")
    # A no-show's call has no visit (and, booked by phone, maybe no record): one per booking.
    patient = ForeignKeyField(Patient, null=True, backref="follow_ups", on_delete="CASCADE")
    appointment = ForeignKeyField(Appointment, null=True, unique=True, on_delete="SET NULL")
    due_date = DateField(index=True)
    status = CharField(max_length=12, default="open")  # open / done / unreachable / declined
    called_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    called_at = DateTimeField(null=True)
    notes = TextField(default="")


class Feedback(BaseModel):
    patient = ForeignKeyField(Patient, null=True, on_delete="SET NULL")
    visit = ForeignKeyField(Visit, null=True, on_delete="SET NULL")
    kind = CharField(max_length=12)  # complaint / suggestion / praise
    text = TextField()
    status = CharField(max_length=12, default="open")
    staff = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    created_at = DateTimeField(default=clock.now)


class AuditLog(BaseModel):
    at = DateTimeField(default=clock.now, index=True)
    staff = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    action = CharField(max_length=32, index=True)  # create / update / view / print / export / rule_change …
    entity = CharField(max_length=32)
    entity_id = CharField(max_length=32, default="")
    detail = TextField(default="")


# --- Service desk: consultations, complaints, satisfaction -------------------


class Consultation(BaseModel):
    """One phone / online / walk-in enquiry (咨询登记), the seed's general and targeted fields."""

    at = DateTimeField(default=clock.now, index=True)
    channel = CharField(max_length=12)  # frontdesk.service.consultations.CHANNELS
    answered_by = ForeignKeyField(Staff, on_delete="RESTRICT")
    patient = ForeignKeyField(Patient, null=True, on_delete="SET NULL")
    name = CharField(max_length=40, default="")
    sex = CharField(max_length=1, default="")
    age = SmallIntegerField(null=True)
    phone = CharField(max_length=20, default="", index=True)
    address = TextField(default="")
    illness_duration = CharField(max_length=40, default="")
    medical_history = TextField(default="")
    disease_category = CharField(max_length=40, default="")
    intention = TextField(default="")
    concerns = TextField(default="")
    health_question = TextField(default="")
    price_comparison = TextField(default="")
    habits = TextField(default="")
    economic_status = CharField(max_length=40, default="")
    person_type = CharField(max_length=40, default="")
    media_source = ForeignKeyField(MediaSource, null=True, on_delete="SET NULL")
    department = ForeignKeyField(Department, null=True, on_delete="SET NULL")
    outcome = CharField(max_length=16, index=True)  # booked / will_come / price_only / not_interested
    follow_up_on = DateField(null=True, index=True)
    notes = TextField(default="")
    appointment = ForeignKeyField(Appointment, null=True, on_delete="SET NULL")
    visit = ForeignKeyField(Visit, null=True, on_delete="SET NULL")  # linked on arrival
    version = IntegerField(default=1)


class CalendarDay(BaseModel):
    """An exception to Monday-Friday: a holiday (working=False) or a make-up working day."""

    day = DateField(primary_key=True)
    working = BooleanField(default=False)
    name = CharField(max_length=40, default="")


class Complaint(BaseModel):
    """A complaint (投诉) with its deadlines and rules snapshot taken when it was received."""

    received_at = DateTimeField(default=clock.now, index=True)
    channel = CharField(max_length=12)
    severity = CharField(max_length=8, index=True)  # major / general
    name = CharField(max_length=40, default="")
    phone = CharField(max_length=20, default="")
    patient = ForeignKeyField(Patient, null=True, on_delete="SET NULL")
    description = TextField()
    department = ForeignKeyField(Department, null=True, on_delete="RESTRICT")
    staff_concerned = CharField(max_length=40, default="")
    recorded_by = ForeignKeyField(Staff, on_delete="RESTRICT")
    handle_by = DateField()
    revisit_by = DateField(null=True)  # set when handled
    close_by = DateField()
    rules_snapshot = TextField(default="{}")
    status = CharField(max_length=10, default="open", index=True)  # open / handled / closed
    handled_at = DateTimeField(null=True)
    handled_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    resolution = TextField(default="")
    compensation_fen = IntegerField(default=0)
    approver_role = CharField(max_length=20, default="")  # required for compensation_fen
    closed_at = DateTimeField(null=True)
    version = IntegerField(default=1)


class ComplaintApproval(BaseModel):
    """Who approved a complaint's compensation: a named person in the role the amount needs."""

    complaint = ForeignKeyField(Complaint, backref="approvals", on_delete="CASCADE")
    amount_fen = IntegerField()
    role = CharField(max_length=20)
    approver_name = CharField(max_length=40)
    recorded_by = ForeignKeyField(Staff, on_delete="RESTRICT")
    at = DateTimeField(default=clock.now)

    class Meta:
        indexes = ((("complaint", "amount_fen"), True),)


class ComplaintRevisit(BaseModel):
    """A revisit call about a handled complaint (回访记录) and what the complainant said."""

    complaint = ForeignKeyField(Complaint, backref="revisits", on_delete="CASCADE")
    at = DateTimeField(default=clock.now)
    staff = ForeignKeyField(Staff, on_delete="RESTRICT")
    outcome = CharField(max_length=12)  # satisfied / partly / unsatisfied / unreachable
    notes = TextField(default="")


class SatisfactionRating(BaseModel):
    """The seed's four points, each 1 (较差) … 4 (非常满意) or null (not asked), kept as given."""

    at = DateTimeField(default=clock.now, index=True)
    source = CharField(max_length=8)  # visit / call
    visit = ForeignKeyField(Visit, null=True, on_delete="SET NULL")
    patient = ForeignKeyField(Patient, null=True, on_delete="SET NULL")
    follow_up = ForeignKeyField(FollowUp, null=True, on_delete="SET NULL")
    department = ForeignKeyField(Department, null=True, on_delete="SET NULL")
    attitude = SmallIntegerField(null=True)
    skill = SmallIntegerField(null=True)
    timeliness = SmallIntegerField(null=True)
    promises = SmallIntegerField(null=True)
    comment = TextField(default="")
    recorded_by = ForeignKeyField(Staff, on_delete="RESTRICT")


# Every appointment slot taken: the counter two desks race for (one row per doctor, day, time).
class AppointmentSlot(BaseModel):
    doctor = ForeignKeyField(Doctor, on_delete="CASCADE")
    date = DateField()
    time = CharField(max_length=5)
    booked = SmallIntegerField(default=0)
    capacity = SmallIntegerField()

    class Meta:
        indexes = ((("doctor", "date", "time"), True),)


SERVICE_MODELS = [Consultation, CalendarDay, Complaint, ComplaintApproval, ComplaintRevisit,
                  SatisfactionRating, AppointmentSlot]


# --- The queue after the desk (clinic queues) -----------------------------------


class QueueEntry(BaseModel):
    """A visit in its clinic's queue after the desk: waiting → called → consulting → done.

    One row per visit (a transfer moves the row, it never adds one); `version` is the
    optimistic lock two calling stations meet on. The ordering rules live in
    frontdesk.queue.clinic; the row keeps only the facts they read.
    """

    visit = ForeignKeyField(Visit, unique=True, backref="queue_entries", on_delete="CASCADE")
    day = DateField(index=True)
    department = ForeignKeyField(Department, on_delete="RESTRICT")
    doctor = ForeignKeyField(Doctor, null=True, on_delete="RESTRICT")  # None: any doctor
    state = CharField(max_length=12, default="waiting", index=True)
    version = IntegerField(default=1)
    joined_at = DateTimeField(default=clock.now)  # first come, first served among equals
    priority = CharField(max_length=16, default="")  # a class set at the calling panel
    room = CharField(max_length=40, default="")  # where the patient was last called to
    calls = SmallIntegerField(default=0)  # calls and recalls since the last wait
    called_at = DateTimeField(null=True)
    reinsert_rule = CharField(max_length=16, default="")  # after a missed turn: after_n / end_of_session
    reinsert_n = SmallIntegerField(default=0)
    requeued_at = DateTimeField(null=True)
    back_from_tests_at = DateTimeField(null=True)
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        indexes = ((("day", "department", "state"), False),)


class QueueEvent(BaseModel):
    """One row per queue change (called, recalled, missed, …): timings and the calls to announce."""

    entry = ForeignKeyField(QueueEntry, null=True, backref="events", on_delete="CASCADE")
    visit = ForeignKeyField(Visit, null=True, on_delete="CASCADE")
    day = DateField(index=True)
    action = CharField(max_length=24)
    from_state = CharField(max_length=12, default="")
    state = CharField(max_length=12, default="")
    department = ForeignKeyField(Department, on_delete="RESTRICT")
    doctor = ForeignKeyField(Doctor, null=True, on_delete="RESTRICT")
    room = CharField(max_length=40, default="")
    at = DateTimeField(default=clock.now, index=True)
    staff = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    note = TextField(default="")


class ClinicState(BaseModel):
    """A clinic's state for a day: paused (停诊) or open. doctor_key 0 = the whole department."""

    day = DateField()
    department = ForeignKeyField(Department, on_delete="RESTRICT")
    doctor_key = IntegerField(default=0)  # the doctor's id, 0 for the department (NULLs never clash)
    paused = BooleanField(default=False)
    reason = TextField(default="")
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=clock.now)
    updated_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")

    class Meta:
        indexes = ((("day", "department", "doctor_key"), True),)


QUEUE_MODELS = [QueueEntry, QueueEvent, ClinicState]


ALL_MODELS = [
    SchemaVersion,
    Setting,
    Staff,
    Shift,
    ShiftAssignment,
    SignIn,
    GroomingItem,
    GroomingCheck,
    GroomingResult,
    HandoverNote,
    Department,
    FeeClass,
    Doctor,
    DoctorSchedule,
    MediaSource,
    TriageKeyword,
    Patient,
    PatientSearchKey,
    Appointment,
    Visit,
    VisitEvent,
    Payment,
    VisitDraft,
    FollowUp,
    Feedback,
    Fine,
    AuditLog,
    *SERVICE_MODELS,
    *QUEUE_MODELS,
]


# --- Staffing: rules list, rest days, swaps, leave (schema step 6) ------------


class RuleItem(BaseModel):
    """One entry of the fines and rewards list, or an optional behaviour (举止) item."""

    code = CharField(max_length=32, unique=True)
    kind = CharField(max_length=8)  # fine / reward / conduct
    name_zh = CharField(max_length=120)
    name_en = CharField(max_length=160)
    source = CharField(max_length=40, default="")  # where in the house rules
    amounts = TextField(default="[]")  # JSON: fen for the 1st, 2nd, … time in a month
    after_zh = TextField(default="")  # what happens past the list (e.g. dismissal)
    after_en = TextField(default="")
    half_days = SmallIntegerField(default=0)  # absence it counts as, in half days
    sort = IntegerField(default=0)
    active = BooleanField(default=True)


class RestDay(BaseModel):
    """The weekly rest day (轮休) of one staff member, as the supervisor rostered it."""

    staff = ForeignKeyField(Staff, on_delete="CASCADE")
    date = DateField(index=True)

    class Meta:
        indexes = ((("staff", "date"), True),)


class ShiftSwap(BaseModel):
    """A swap (换班): the requester's shift goes to the partner, the partner's (if any) back."""

    requester = ForeignKeyField(Staff, backref="swaps", on_delete="RESTRICT")
    requester_date = DateField(index=True)
    requester_shift = ForeignKeyField(Shift, on_delete="RESTRICT")
    partner = ForeignKeyField(Staff, on_delete="RESTRICT")
    partner_date = DateField(null=True)
    partner_shift = ForeignKeyField(Shift, null=True, on_delete="RESTRICT")
    reason = TextField(default="")
    status = CharField(max_length=10, default="pending", index=True)
    requested_at = DateTimeField(default=clock.now)
    decided_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    decided_at = DateTimeField(null=True)
    decision_note = TextField(default="")


class LeaveRequest(BaseModel):
    """A leave (请假) of one staff member over whole days, with its type as it was."""

    staff = ForeignKeyField(Staff, backref="leaves", on_delete="RESTRICT")
    kind = CharField(max_length=16)
    kind_zh = CharField(max_length=20)
    kind_en = CharField(max_length=40)
    start = DateField(index=True)
    end = DateField(index=True)
    reason = TextField(default="")
    status = CharField(max_length=10, default="pending", index=True)
    requested_by = ForeignKeyField(Staff, on_delete="RESTRICT")
    requested_at = DateTimeField(default=clock.now)
    decided_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    decided_at = DateTimeField(null=True)
    decision_note = TextField(default="")
    replaced = TextField(default="[]")  # JSON: roster rows the approval took off


STAFFING_MODELS = [RuleItem, RestDay, ShiftSwap, LeaveRequest]
ALL_MODELS.extend(STAFFING_MODELS)


# --- Live updates between stations: the change log (schema step 9) ----------

from peewee import BigAutoField, BigIntegerField  # noqa: E402 - this section's own fields


class ChangeLog(BaseModel):
    """One committed write other stations may show (frontdesk/db/change_log.py writes it,
    frontdesk/live reads it): seq is the commit order, pruned after a day."""

    seq = BigAutoField()
    kinds = CharField(max_length=120)  # Changed flag names, "VISITS,QUEUE"
    entity_id = BigIntegerField(null=True)  # the operation's *_id argument, when it has one
    station = CharField(max_length=16)  # the writing process: a station skips its own rows
    at = DateTimeField(index=True)

    class Meta:
        table_name = "change_log"


ALL_MODELS.append(ChangeLog)
