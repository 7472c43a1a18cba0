"""The demo hospital's week and its morning, written through the domain APIs.

history.py writes last week's visits in bulk (fast; nothing reads them live). What a
new user opens first is written here by the functions the screens call, as the demo
staff on duty, with the clock standing at the moment each thing happens (`_Clock`):

- the roster of last week and this one (next week's too from Friday on; one rest day a
  week each), one approved leave, one leave and one swap waiting for a supervisor;
- today's sign-ins (two late: a 10-yuan fine, and a 20-yuan one for the second time
  this month, after an early leave last week) and the supervisor's grooming check (one
  failure, fined, acknowledged with the staff member's PIN);
- handover notes of yesterday's shifts (the last one not yet read);
- a week of consultations (咨询登记), some of whose callers came: linked to their visit;
- complaints at every step (closed, handled and awaiting revisit, just received);
- satisfaction ratings and this morning's first follow-up calls;
- this morning's patients: from the door to the doctor, and in the clinic queues as
  waiting, called, missed, with the doctor, at tests, finished.

So the data obeys the same rules as a real day. Deterministic: its own seeded
generator, and times are placed between the morning's start and `now`.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from frontdesk import clock, reception, stages
from frontdesk.db.models import (
    Appointment,
    Department,
    Doctor,
    MediaSource,
    Patient,
    Shift,
    ShiftAssignment,
    SignIn,
    Staff,
    Visit,
)
from frontdesk.demo.people import COMPLAINTS, DEMO_STAFF, GIVEN, SURNAMES
from frontdesk.permissions import Role

SEED = 23
DEMO_HOUR = dt.time(10, 0)  # "now" on a demo day that is not the clock's
OPENING = dt.time(8, 0)


class _Clock:
    """The app's clock, standing still at the moment the demo writes (restored after)."""

    def __init__(self, at: dt.datetime):
        self.travel = clock.Travel(at, frozen=True)
        self._previous = None

    def __enter__(self) -> _Clock:
        self._previous = clock.set_source(self.travel)
        return self

    def __exit__(self, *exc) -> None:
        clock.set_source(self._previous)

    def go(self, at: dt.datetime) -> None:
        self.travel.set(at.replace(microsecond=0))


@dataclass
class TodayReport:
    sign_ins: int = 0
    sign_ins_before: int = 0  # on the days before today (written in bulk)
    consultations: int = 0
    complaints: int = 0
    visits_today: int = 0
    queued: int = 0


def demo_now(today: dt.date) -> dt.datetime:
    """The moment the demo day has reached: the clock's (to the minute, so the seconds the
    install takes change nothing), or 10:00 on another day."""
    if clock.today() != today:
        return dt.datetime.combine(today, DEMO_HOUR)
    return clock.now().replace(second=0)


def load_week_and_today(*, today: dt.date, staff: list[Staff], patients: list[Patient],
                        seed: int = SEED) -> TodayReport:
    """Everything above, in the order it happened (rules and demo staff must exist)."""
    now = demo_now(today)
    rng = random.Random(seed)
    world = _World(today, now, {s.username: s for s in staff}, patients, rng)
    report = TodayReport()
    with _Clock(now) as tick:
        world.tick = tick
        _roster(world)
        _past_early_leave(world)
        report.sign_ins_before = _past_sign_ins(world)
        _handover_notes(world)
        report.consultations = _consultations(world)
        report.complaints = _complaints(world)
        _ratings(world)
        report.sign_ins = _sign_ins_and_grooming(world)
        report.visits_today, report.queued = _morning(world)
        _todays_service(world)
        tick.go(now)
        from frontdesk.service import conversion

        conversion.link_arrivals(today)
    return report


class _World:
    def __init__(self, today, now, by_user, patients, rng):
        self.today, self.now, self.by_user, self.patients, self.rng = (
            today, now, by_user, patients, rng)
        self.tick: _Clock | None = None
        self._shifts_today: dict[int, list[Shift]] | None = None
        # The morning runs from opening to now (squeezed when the demo starts early).
        start = dt.datetime.combine(today, OPENING)
        if now - start < dt.timedelta(minutes=90):
            start = max(dt.datetime.combine(today, dt.time(0, 5)),
                        now - dt.timedelta(minutes=120))
        # Just after midnight the morning is minutes long, or not begun (before 00:05):
        # it is squeezed into what there is, never after now.
        self.start = min(start, now)
        self.depts = {d.code: d for d in Department.select()}
        self.doctors: dict[int, list[Doctor]] = {}
        for doc in Doctor.select().order_by(Doctor.id):
            self.doctors.setdefault(doc.department_id, []).append(doc)
        self.media = list(MediaSource.select().order_by(MediaSource.id))
        self.phones = {p.phone for p in patients}

    def at(self, fraction: float) -> dt.datetime:
        """A moment of this morning: 0 is the opening, 1 is now."""
        return (self.start + (self.now - self.start) * fraction).replace(microsecond=0)

    def go(self, at: dt.datetime) -> None:
        self.tick.go(min(at, self.now))

    def who(self, username: str) -> Staff:
        return self.by_user[username]

    def role(self, role: str) -> list[Staff]:
        return [s for s in self.by_user.values() if s.role == role]

    def on_duty(self, role: str, at: dt.datetime) -> list[Staff]:
        """Staff of `role` whose shift today has begun by `at` (and not ended)."""
        if self._shifts_today is None:  # read once: the roster is written before the morning
            from frontdesk.staffing.attendance import assigned_shifts

            self._shifts_today = {s.id: assigned_shifts(s, self.today)
                                  for s in self.by_user.values()}
        out = []
        for s in self.role(role):
            for shift in self._shifts_today[s.id]:
                start = dt.datetime.combine(self.today, dt.time.fromisoformat(shift.start))
                end = dt.datetime.combine(self.today, dt.time.fromisoformat(shift.end))
                if start - dt.timedelta(minutes=15) <= at < end:
                    out.append(s)
                    break
        return out or self.role(role)

    def new_phone(self) -> str:
        while True:
            phone = f"1{self.rng.choice('3578')}{self.rng.randrange(10**9):09d}"
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def new_name(self) -> str:
        return self.rng.choice(SURNAMES[:60]) + "".join(
            self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))


# --- roster, leave and swaps ----------------------------------------------------------

# Shift rotation and rest day by the staff member's place in DEMO_STAFF (admin is 0):
# on day `today + k`, staff i works SHIFT_CYCLE[(i - k % 7) % 3] and rests when
# (i + k) % 7 == 5: one person rests each day, never both supervisors or both desks, and
# the pattern repeats weekly (the supervisor copies last week's roster forward).
SHIFT_CYCLE = ("day", "early", "late")


def _rota_for(i: int, k: int) -> str | None:
    return None if (i + k) % 7 == 5 else SHIFT_CYCLE[(i - k % 7) % 3]


def _roster(w: _World) -> None:
    from frontdesk.staffing import leave, roster, swaps

    boss, boss2 = w.who("leitt"), w.who("zhengyu")
    staff = sorted((s for s in w.by_user.values() if s.role != Role.ADMIN), key=lambda s: s.id)
    order = {s.id: i for i, s in enumerate(sorted(w.by_user.values(), key=lambda s: s.id))}
    monday = roster.monday_of(w.today)
    first = monday - dt.timedelta(days=7)
    # Last week is written day by day the Friday before; this week is a copy of it, and so
    # is next week from Friday on (the days ahead would run out before Monday).
    w.go(dt.datetime.combine(first - dt.timedelta(days=3), dt.time(16, 30)))
    for j in range(7):
        day = first + dt.timedelta(days=j)
        k = (day - w.today).days
        for s in staff:
            code = _rota_for(order[s.id], k)
            roster.set_day(actor=boss, staff_id=s.id, day=day,
                           shifts=() if code is None else (code,), rest=code is None)
    weeks = [monday] + ([monday + dt.timedelta(days=7)] if w.today.weekday() >= 4 else [])
    for week in weeks:
        w.go(dt.datetime.combine(week - dt.timedelta(days=3), dt.time(16, 30)))
        roster.copy_last_week(actor=boss, monday=week)
    ahead = [w.today + dt.timedelta(days=k) for k in range(
        1, (weeks[-1] + dt.timedelta(days=7) - w.today).days)]

    def code_of(s: Staff, day: dt.date) -> str | None:
        return _rota_for(order[s.id], (day - w.today).days)

    # A colleague asks the one of her role who rests that day to cover her shift (pending):
    # guides first, as a door guide's family emergency is the usual case.
    swap = next(((day, giver, taker) for role in (Role.GUIDE, Role.SUPERVISOR, Role.DESK)
                 for day in ahead for taker in w.role(role) if code_of(taker, day) is None
                 for giver in w.role(role) if code_of(giver, day)), None)
    busy: set[int] = set()
    if swap is not None:
        day, giver, taker = swap
        w.go(w.at(0.45))
        swaps.request_swap(actor=giver, day=day, shift_code=code_of(giver, day),
                           partner_id=taker.id, reason="家里老人住院，需要陪护半天。")
        busy = {giver.id, taker.id}
    # Personal leave taken last week (approved: its roster row came off and the leave
    # rule's fine is dated that day) and a sick day ahead not yet decided. The approved
    # leave lies in the past: its fine is dated on the leave day, and a fine dated after
    # "now" is something that has not happened yet.
    past = [first + dt.timedelta(days=j) for j in range(3, (w.today - first).days)]
    asks = [("personal", "孩子学校开家长会，需请假一天。", True),
            ("sick", "预约了医院复查，附医院证明。", False)]
    for s in (s for s in staff if s.id not in busy and s.role != Role.SUPERVISOR):
        if not asks:
            break
        _kind, _reason, approve = asks[0]
        day = next((d for d in (reversed(past) if approve else ahead[1:]) if code_of(s, d)),
                   None)
        if day is None:
            continue
        kind, reason, approve = asks.pop(0)
        asked = day - dt.timedelta(days=2) if approve else w.today
        w.go(dt.datetime.combine(asked, dt.time(15, 10)) if approve else w.at(0.3))
        line = leave.request_leave(actor=s, kind=kind, start=day, reason=reason)
        if approve:
            w.go(dt.datetime.combine(day - dt.timedelta(days=1), dt.time(17, 40)))
            leave.decide(actor=boss2, leave_id=line.id, approve=True, note="已安排同事顶岗。")


# --- sign-ins and the grooming check ----------------------------------------------------

# (username, minutes after the shift's start: negative is early)
LATE_TODAY = {"desk2": 6, "guide2": 3}
GROOMING_FAILURE = ("guide2", "head_flower", "未戴头花，已当场补戴。")


def _pin(staff: Staff) -> str:
    return next(pin for username, *_rest, pin in DEMO_STAFF if username == staff.username)


def _past_early_leave(w: _World) -> None:
    """desk2 left early once this month (早退 counts with 迟到), so today's lateness is her
    second time: 20 yuan, not 10."""
    from frontdesk.staffing import attendance

    desk2 = w.who("desk2")
    for back in range(1, 8):
        day = w.today - dt.timedelta(days=back)
        if day.month != w.today.month:
            return
        shifts = attendance.assigned_shifts(desk2, day)
        if shifts:
            end = dt.datetime.combine(day, dt.time.fromisoformat(shifts[0].end))
            on = [b for b in w.role(Role.SUPERVISOR) if attendance.assigned_shifts(b, day)]
            boss = (on or w.role(Role.SUPERVISOR))[0]
            w.go(end)
            attendance.record_early_leave(actor=boss, staff=desk2, shift=shifts[0],
                                          left_at=end - dt.timedelta(minutes=25))
            return


def _past_sign_ins(w: _World) -> int:
    """Everyone signed in for every shift rostered before today, on time (most of them a
    few minutes early, as the rules ask). Written in bulk, as last week's visits are: a real
    sign-in proves the PIN with a slow hash, a second or more for a week of shifts. Only
    the rows are written (the staff report reads SignIn against ShiftAssignment); the
    audit log's sign-ins start today. Today's lateness fines stay the month's first
    lateness (after desk2's early leave), as none of these is late."""
    from frontdesk.staffing import shift_rules

    rng = random.Random(w.today.toordinal())  # own generator: today's story stays the same
    ids = {s.id for s in w.by_user.values()}
    rows = []
    for a in (ShiftAssignment.select(ShiftAssignment, Shift).join(Shift)
              .where(ShiftAssignment.date < w.today)
              .order_by(ShiftAssignment.date, ShiftAssignment.staff, Shift.start)):
        if a.staff_id not in ids:
            continue
        start = shift_rules.shift_start(a.shift, a.date)
        due = shift_rules.report_by(a.shift, a.date)
        # one in six just in time (after the report-by time, before the start)
        early = rng.random() >= 1 / 6 or due >= start
        at = (due - dt.timedelta(minutes=rng.randrange(0, 8), seconds=rng.randrange(60))
              if early else due + (start - due) * rng.random())
        rows.append({"staff": a.staff_id, "shift": a.shift_id, "date": a.date,
                     "signed_at": at.replace(microsecond=0), "minutes_late": 0})
    if rows:
        SignIn.insert_many(rows).execute()
    return len(rows)


def _sign_ins_and_grooming(w: _World) -> int:
    from frontdesk.staffing import attendance, grooming

    signed = []
    for s in sorted(w.by_user.values(), key=lambda s: s.id):
        if s.role == Role.ADMIN:
            continue
        for shift in attendance.assigned_shifts(s, w.today):
            start = dt.datetime.combine(w.today, dt.time.fromisoformat(shift.start))
            late = LATE_TODAY.get(s.username)
            at = start + dt.timedelta(minutes=late if late else -w.rng.randrange(3, 13),
                                      seconds=w.rng.randrange(60))
            if at > w.now:
                continue  # this shift has not begun yet
            attendance.sign_in(staff=s, pin=_pin(s), at=at, shift=shift)
            signed.append((at, s, shift))
    # The first supervisor in checks each colleague a few minutes after both are there
    # (nobody checks themself: she is checked by the other supervisor when she comes).
    checks = 0
    signed.sort(key=lambda t: t[0])
    for at, s, shift in signed:
        bosses = [(b_at, b) for b_at, b, _ in signed
                  if b.role == Role.SUPERVISOR and b.id != s.id]
        if not bosses:
            continue
        b_at, boss = bosses[0]
        when = max(at, b_at) + dt.timedelta(minutes=2 + checks % 3)
        if when > w.now:
            continue
        w.go(when)
        form = grooming.open_check(actor=boss, staff=s, day=w.today, shift=shift)
        outcomes = {}
        if s.username == GROOMING_FAILURE[0]:
            _, code, note = GROOMING_FAILURE
            outcomes[code] = grooming.ItemOutcome(passed=False, corrected=True, note=note)
        check = grooming.record_check(actor=boss, form=form, outcomes=outcomes)
        checks += 1
        if outcomes:
            grooming.acknowledge(check_id=check.id, pin=_pin(s), at=when + dt.timedelta(minutes=1))
    return len(signed)


# --- handover notes -------------------------------------------------------------------


def _handover_notes(w: _World) -> None:
    """Yesterday's early shift handed over to the late one (read); the late shift's note
    waits for this morning."""
    from frontdesk.staffing import handover
    from frontdesk.staffing.attendance import assigned_shifts

    yesterday = w.today - dt.timedelta(days=1)
    shifts = {s.code: s for s in Shift.select()}

    def worker(code: str, roles=(Role.DESK, Role.SUPERVISOR)) -> Staff:
        people = [s for r in roles for s in w.role(r)]
        return next((s for s in people if shifts[code] in assigned_shifts(s, yesterday)),
                    people[0])

    early_author, late_author = worker("early"), worker("late")
    early = handover.write_note(
        actor=early_author, day=yesterday, shift=shifts["early"],
        equipment="叫号屏、打印机正常。二楼自助挂号机下午卡纸一次，已请信息科处理好。",
        hard_cases="一位老年患者听力不好，已陪同到内科诊室并向医生说明情况。",
        staff_swaps="无。",
        at=dt.datetime.combine(yesterday, dt.time(16, 5)))
    handover.acknowledge_note(actor=late_author, note_id=early.id,
                              at=dt.datetime.combine(yesterday, dt.time(16, 12)))
    resting = [s.display_name for s in w.by_user.values()
               if s.role != Role.ADMIN and not assigned_shifts(s, w.today)]
    handover.write_note(
        actor=late_author, day=yesterday, shift=shifts["late"],
        equipment="导医台打印机缺纸，新纸已放在柜子第二层。",
        hard_cases="一位患者家属对挂号费有疑问，已解释清楚，明天请再电话回访一次。",
        staff_swaps=(f"{'、'.join(resting)}明天轮休，门口忙时请导医台支援。" if resting else "无。"),
        at=dt.datetime.combine(yesterday, dt.time(20, 5)))


# --- consultations --------------------------------------------------------------------

ENQUIRIES = [
    # (department code, disease, duration, intention, concerns, price question)
    ("anorectal", "痔疮", "半年", "想做检查，看要不要手术", "手术疼不疼、要不要住院", "微创手术大概多少钱"),
    ("gyn", "月经不调", "三个月", "想找女医生看", "要做哪些检查", "B超和化验一共多少钱"),
    ("paeds", "小儿咳嗽", "一周", "周末带孩子来", "儿科周末有没有医生", ""),
    ("dental", "洗牙", "", "想预约洗牙", "洗牙会不会伤牙", "洗牙多少钱，有没有优惠"),
    ("derm", "湿疹", "两个月", "想换个医院看看", "会不会复发", ""),
    ("internal", "高血压", "三年", "想复查调药", "需不需要空腹", "医保能不能报"),
    ("ent", "鼻炎", "一年多", "考虑来看", "过敏性鼻炎能不能根治", "做个鼻内镜多少钱"),
    ("surgery", "腰痛", "一个月", "先问问", "要不要拍片", ""),
]
CHANNEL_WEIGHTS = {"phone": 6, "online": 4, "wechat": 3, "qq": 1, "walk_in": 2}
NOT_COMING = ["只是先了解一下价格", "离得太远，考虑就近看", "等放假再说", "已在别的医院看过，想比较一下"]


def _consultations(w: _World) -> int:
    """Eight days of enquiries: a few from people who then came (linked at the end)."""
    from frontdesk.service import consultations

    desks = w.role(Role.DESK) + [w.who("zhengyu")]
    rng = w.rng
    visits = list(Visit.select(Visit.id, Visit.patient, Visit.visit_date, Visit.department)
                  .where(Visit.visit_date >= w.today - dt.timedelta(days=6),
                         Visit.visit_date < w.today, Visit.first_visit == True)  # noqa: E712
                  .order_by(Visit.id))
    came = rng.sample(visits, min(6, len(visits)))
    rows = []
    for v in came:  # asked a day or two before coming
        p = v.patient
        at = dt.datetime.combine(v.visit_date - dt.timedelta(days=rng.choice((1, 2))),
                                 dt.time(rng.randrange(9, 19), rng.randrange(60)))
        rows.append((at, p.name, p.sex, p.phone, _age(p.birth_date, w.today), v.department.code,
                     rng.choice((consultations.BOOKED, consultations.WILL_COME)), None))
    for n in range(16):  # and those who have not (yet); five of them this morning
        if n < 5:
            at = w.at(0.05 + 0.9 * rng.random())
        else:
            at = dt.datetime.combine(w.today - dt.timedelta(days=rng.randrange(1, 8)),
                                     dt.time(rng.randrange(8, 20), rng.randrange(60)))
        outcome = rng.choices((consultations.BOOKED, consultations.WILL_COME,
                               consultations.PRICE_ONLY, consultations.NOT_INTERESTED),
                              (2, 4, 4, 1))[0]
        follow = None
        if outcome in consultations.NEEDS_PHONE:
            follow = max(at.date(), w.today) + dt.timedelta(days=rng.choice((0, 0, 1, 2)))
        rows.append((at, w.new_name(), rng.choice("MF"), w.new_phone(), rng.randrange(18, 70),
                     rng.choice(ENQUIRIES)[0], outcome, follow))
    rows.sort(key=lambda r: r[0])
    for at, name, sex, phone, age, dept_code, outcome, follow in rows:
        enquiry = next((e for e in ENQUIRIES if e[0] == dept_code), ENQUIRIES[0])
        _, disease, duration, intention, concerns, price = enquiry
        channel = rng.choices(list(CHANNEL_WEIGHTS), list(CHANNEL_WEIGHTS.values()))[0]
        anonymous = outcome == consultations.PRICE_ONLY and channel in ("online", "qq")
        form = consultations.ConsultationForm(
            channel=channel, name="" if anonymous else name, sex=sex, age=age,
            phone="" if anonymous else phone, disease_category=disease,
            illness_duration=duration, intention=intention, concerns=concerns,
            price_comparison=price, media_source_id=rng.choice(w.media).id,
            department_id=w.depts[dept_code].id, outcome=outcome, follow_up_on=follow,
            notes=rng.choice(NOT_COMING) if outcome == consultations.PRICE_ONLY else "")
        w.go(at)
        consultations.record(actor=_on_shift_at(w, desks, at), form=form, at=at)
    return len(rows)


def _age(birth: dt.date | None, today: dt.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _on_shift_at(w: _World, people: list[Staff], at: dt.datetime) -> Staff:
    from frontdesk.staffing.attendance import assigned_shifts

    for s in people:
        for shift in assigned_shifts(s, at.date()):
            if shift.start <= f"{at:%H:%M}" < shift.end:
                return s
    return people[at.toordinal() % len(people)]


# --- complaints -----------------------------------------------------------------------


def _complaints(w: _World) -> int:
    from frontdesk.service import complaints, desk_rules

    desk1, desk2, boss, boss2 = (w.who(u) for u in ("desk1", "desk2", "leitt", "zhengyu"))
    day = lambda back, hh, mm: dt.datetime.combine(  # noqa: E731
        w.today - dt.timedelta(days=back), dt.time(hh, mm))
    pats = [p for p in w.patients if p.phone][:40]
    # 1. Closed: a missed call at the queue, put right, revisited, closed.
    p = pats[3]
    c = complaints.record(actor=desk1, channel="phone", severity=complaints.GENERAL, name=p.name,
                          phone=p.phone, patient_id=p.id, department_id=w.depts["internal"].id,
                          description="候诊区叫号声音太小，没听见被过号，又多等了四十分钟。",
                          at=day(6, 11, 20))
    w.go(day(5, 9, 40))
    c = complaints.handle(actor=boss, complaint_id=c.id, expected_version=c.version,
                          resolution="已当面致歉；叫号音量调高，过号患者改为复呼两次后再过号。")
    w.go(day(3, 15, 0))
    complaints.revisit(actor=desk2, complaint_id=c.id, outcome="satisfied",
                       notes="患者表示理解，下次复诊没有再遇到这个问题。")
    w.go(day(2, 10, 30))
    complaints.close(actor=boss, complaint_id=c.id, expected_version=c.version)
    # 2. Handled with compensation (department manager's approval), revisit due.
    p = pats[11]
    w.go(day(2, 14, 5))
    c = complaints.record(actor=desk2, channel="desk", severity=complaints.GENERAL, name=p.name,
                          phone=p.phone, patient_id=p.id, department_id=w.depts["dental"].id,
                          staff_concerned="收费处",
                          description="电话咨询时说洗牙有优惠，到院后按原价收费，要求退差价。",
                          at=day(2, 14, 5))
    w.go(day(1, 9, 50))
    c = complaints.handle(actor=boss2, complaint_id=c.id, expected_version=c.version,
                          resolution="核实为咨询时说明不清，退还差价，并统一了优惠说明口径。",
                          compensation=60)
    complaints.approve(actor=boss2, complaint_id=c.id, role=desk_rules.DEPT_MANAGER,
                       approver_name="梁主任")
    # 3. Received this morning, major: due by the next working day.
    w.go(w.at(0.35))
    complaints.record(actor=desk1, channel="desk", severity=complaints.MAJOR,
                      name=w.new_name(), phone=w.new_phone(), department_id=w.depts["paeds"].id,
                      description="孩子高烧，在儿科候诊一个多小时没人过问，家长情绪激动，要求院方说明。",
                      at=w.at(0.35))
    # 4. Phoned in yesterday evening, general, still open.
    w.go(day(1, 18, 20))
    complaints.record(actor=boss2, channel="phone", severity=complaints.GENERAL,
                      name=w.new_name(), phone=w.new_phone(),
                      description="停车场指示牌不清楚，绕了好几圈才找到门诊入口。",
                      at=day(1, 18, 20))
    return 4


# --- satisfaction ratings ----------------------------------------------------------------

RATING_COMMENTS = ["导医很热情，一直陪到诊室", "等的时间有点长", "医生讲解很耐心", "", "", "挂号缴费很快"]


def _ratings(w: _World) -> None:
    from frontdesk.service import satisfaction

    rng = w.rng
    recent = list(Visit.select().where(Visit.visit_date >= w.today - dt.timedelta(days=6),
                                       Visit.visit_date < w.today,
                                       Visit.stage == stages.DONE).order_by(Visit.id))
    for v in sorted(rng.sample(recent, min(18, len(recent))), key=lambda v: v.created_at):
        w.go(v.created_at + dt.timedelta(minutes=rng.randrange(30, 70)))
        ratings = {p: rng.choices((4, 3, 2, 1), (6, 4, 1, 0.3))[0]
                   for p in satisfaction.POINTS}
        if rng.random() < 0.3:
            ratings["promises"] = None  # not asked
        satisfaction.rate(actor=_on_shift_at(w, w.role(Role.DESK), w.tick.travel()),
                          ratings=ratings, visit_id=v.id, comment=rng.choice(RATING_COMMENTS))


# --- this morning ---------------------------------------------------------------------

# Who comes this morning, in order of arrival, and where each one is now.
# kind: "return" a known patient, "new" a first visit, "booked" a booking checked in at the
# door, "asked" a first visit who phoned yesterday (consultation → visit).
MORNING = [
    ("internal", "done", "return"), ("paeds", "done", "new"), ("anorectal", "done", "booked"),
    ("gyn", "done", "return"), ("internal", "done", "asked"), ("dental", "done", "return"),
    ("emergency", "red", "new"), ("anorectal", "consulting", "return"),
    ("derm", "done", "new"), ("internal", "consulting", "return"), ("paeds", "missed", "new"),
    ("surgery", "tests", "return"), ("ent", "called", "booked"), ("internal", "waiting", "return"),
    ("gyn", "consulting", "asked"), ("anorectal", "waiting", "new"), ("paeds", "waiting", "return"),
    ("surgery", "left", "new"), ("internal", "waiting", "new"), ("dental", "waiting", "return"),
    ("derm", stages.ESCORT, "return"), ("ent", stages.BILLING, "new"),
    ("gyn", stages.REGISTRATION, "return"), ("internal", stages.TRIAGE, "new"),
    ("", stages.GREETING, "new"),
]
IN_CLINIC = ("done", "red", "consulting", "missed", "tests", "called", "waiting")


@dataclass
class _Arrival:
    n: int
    dept: str
    target: str
    kind: str
    t0: dt.datetime
    patient: Patient | None = None
    appointment: Appointment | None = None
    complaint: str = ""
    name: str = ""
    sex: str = ""
    age: int = 0
    phone: str = ""
    view: object = None
    entry: object = None


def _morning(w: _World) -> tuple[int, int]:
    rng = w.rng
    arrivals = []
    used: set[int] = set()
    booked = [a for a in Appointment.select().where(Appointment.date == w.today,
                                                    Appointment.status == "booked")
              .order_by(Appointment.time, Appointment.id)]
    count = len(MORNING)
    for n, (dept, target, kind) in enumerate(MORNING):
        t0 = w.at(0.02 + 0.93 * n / count)
        a = _Arrival(n, dept, target, kind, t0)
        if kind == "booked":
            appt = next((b for b in booked if b.id not in used and b.department.code == dept),
                        None) or next((b for b in booked if b.id not in used), None)
            if appt is None:
                a.kind = kind = "return"
            else:
                used.add(appt.id)
                a.appointment, a.dept, a.complaint = appt, appt.department.code, appt.complaint
                a.patient = appt.patient
        if kind == "return":
            a.patient = _returning(w, dept, used)
        if kind in ("new", "asked"):
            a.sex = "F" if dept == "gyn" else rng.choice("MF")
            a.age = rng.randrange(2, 12) if dept == "paeds" else rng.randrange(18, 75)
            a.name, a.phone = w.new_name(), w.new_phone()
        if not a.complaint and dept:
            a.complaint = rng.choice(COMPLAINTS[dept])
        arrivals.append(a)
    _asked_yesterday(w, [a for a in arrivals if a.kind == "asked"])
    steps = []
    for a in arrivals:
        steps += [(at, a.n, i, fn) for i, (at, fn) in enumerate(_plan(w, a))]
    steps.sort(key=lambda s: s[:3])
    for at, _n, _i, fn in steps:
        w.go(at)
        fn()
    queued = sum(1 for a in arrivals if a.target in IN_CLINIC)
    return len(arrivals), queued


def _returning(w: _World, dept: str, used: set[int]) -> Patient:
    """A known patient fit for the department (a child for paediatrics, a woman for gyn)."""
    rng = w.rng
    for _ in range(200):
        p = rng.choice(w.patients)
        age = _age(p.birth_date, w.today) or 40
        if p.id in used or (dept == "paeds") != (age < 14) or (dept == "gyn" and p.sex != "F"):
            continue
        used.add(p.id)
        return p
    return rng.choice(w.patients)


def _asked_yesterday(w: _World, arrivals: list[_Arrival]) -> None:
    from frontdesk.service import consultations

    for a in arrivals:
        at = dt.datetime.combine(w.today - dt.timedelta(days=1),
                                 dt.time(w.rng.randrange(14, 19), w.rng.randrange(60)))
        w.go(at)
        enquiry = next((e for e in ENQUIRIES if e[0] == a.dept), ENQUIRIES[0])
        consultations.record(
            actor=_on_shift_at(w, w.role(Role.DESK), at), at=at,
            form=consultations.ConsultationForm(
                channel="phone", name=a.name, sex=a.sex, age=a.age, phone=a.phone,
                disease_category=enquiry[1], illness_duration=enquiry[2], intention=enquiry[3],
                concerns=enquiry[4], media_source_id=w.media[0].id,
                department_id=w.depts[a.dept].id, outcome=consultations.WILL_COME,
                follow_up_on=w.today))


def _plan(w: _World, a: _Arrival) -> list[tuple[dt.datetime, object]]:
    """The steps of one arrival: (moment, action), moments in order, none after now."""
    from frontdesk.queue import clinic

    rng = w.rng
    minute = dt.timedelta(minutes=1)
    plan: list[tuple[dt.datetime, object]] = []
    t = a.t0

    def later(minutes: float) -> dt.datetime:
        # Half a minute before now at the latest, and never before the step before it:
        # in a morning minutes long (just after midnight) the arrival itself can be later
        # than that, and a step before its arrival had no visit to act on.
        nonlocal t
        t = max(t, min(t + minutes * minute + dt.timedelta(seconds=rng.randrange(60)),
                       w.now - dt.timedelta(seconds=30)))
        return t

    def guide():
        people = w.on_duty(Role.GUIDE, t)
        return people[a.n % len(people)]

    def desk():
        people = w.on_duty(Role.DESK, t)
        return people[a.n % len(people)]

    door, at_desk = guide(), desk()

    def arrive():
        a.view = reception.new_arrival(
            actor=door, booked=a.appointment is not None, first_visit=a.kind in ("new", "asked"),
            appointment_id=a.appointment.id if a.appointment else None,
            sex=(a.patient.sex if a.patient else a.sex),
            age_band=_band(a), name=_door_name(a))

    plan.append((t, arrive))
    if a.target == stages.GREETING:
        return plan

    def take():
        a.view = reception.take_at_desk(a.view.id, actor=at_desk, expected_version=a.view.version)
        if a.patient is not None and a.view.patient_id is None:
            a.view = reception.attach_patient(a.view.id, actor=at_desk,
                                              expected_version=a.view.version,
                                              patient_id=a.patient.id)

    plan.append((later(rng.randrange(1, 4)), take))
    if a.target == stages.TRIAGE:
        return plan
    dept = w.depts[a.dept]
    doctors = w.doctors[dept.id]
    doctor = doctors[a.n % len(doctors)]

    def triage():
        a.view = reception.triage(a.view.id, actor=at_desk, expected_version=a.view.version,
                                  complaint=a.complaint, department_id=dept.id,
                                  doctor_id=doctor.id)

    plan.append((later(rng.randrange(2, 5)), triage))
    if a.target == stages.REGISTRATION:
        return plan
    red = a.target == "red"

    def register():
        a.view = reception.register(a.view.id, actor=at_desk, expected_version=a.view.version,
                                    form=_form(w, a), patient_id=a.patient.id if a.patient else None)

    def pay():
        a.view = reception.confirm_payment(a.view.id, actor=at_desk,
                                           expected_version=a.view.version)

    if not red:
        plan.append((later(rng.randrange(3, 7)), register))
        if a.target == "left":
            def go_away():
                reception.leave(a.view.id, actor=at_desk, expected_version=a.view.version,
                                reason="waited_too_long", note="排队缴费的人太多")
            plan.append((later(rng.randrange(8, 15)), go_away))
            return plan
        if a.target == stages.BILLING:
            return plan
        plan.append((later(rng.randrange(2, 6)), pay))
        if a.target == stages.ESCORT:
            return plan

    def hand_over():
        escort = _free_escort(w)
        a.view = reception.hand_to_doctor(a.view.id, actor=at_desk,
                                          expected_version=a.view.version, escort_id=escort)
        a.entry = clinic.entry_for_visit(a.view.id)

    def back():
        reception.back_at_post(a.view.id, actor=at_desk)

    plan.append((later(1 if red else rng.randrange(2, 6)), hand_over))
    plan.append((later(rng.randrange(2, 4)), back))

    def queue(action, **kw):
        def run():
            fn = getattr(clinic, action)
            a.entry = fn(a.entry.entry_id, actor=at_desk, expected_version=a.entry.version, **kw)
        return run

    target = a.target
    if target == "waiting":
        return plan
    if target == "red":
        plan.append((later(1), queue("start_consultation")))
        return plan
    if target in ("done", "tests"):
        plan.append((later(rng.randrange(4, 12)), queue("call")))
        plan.append((later(rng.randrange(1, 3)), queue("start_consultation")))
        plan.append((later(rng.randrange(6, 14)),
                     queue("finish") if target == "done"
                     else queue("send_for_tests", note="血常规、腹部B超")))
        return plan
    # The rest happen in the last minutes before now, however long they waited.
    t = max(t, w.now - dt.timedelta(minutes={"consulting": 14, "missed": 16,
                                             "called": 3}[target]))
    plan.append((later(0), queue("call")))
    if target == "consulting":
        plan.append((later(2), queue("start_consultation")))
    elif target == "missed":
        plan.append((later(4), queue("recall")))
        plan.append((later(5), queue("mark_missed")))
    return plan


def _free_escort(w: _World) -> int:
    from frontdesk.reception.escorts import free_escorts

    on_duty = {s.id for s in w.on_duty(Role.GUIDE, w.tick.travel())}
    free = [sid for sid, _ in free_escorts(w.today)]
    return next((sid for sid in free if sid in on_duty), free[0])


def _band(a: _Arrival) -> str:
    age = _age(a.patient.birth_date, a.t0.date()) if a.patient else a.age
    if age is None:
        return ""
    return "child" if age < 14 else "elder" if age >= 70 else "adult"


def _door_name(a: _Arrival) -> str:
    """What the guide noted at the door: the surname, as the rules have her address them."""
    name = a.patient.name if a.patient else a.name
    return name[:1]


def _form(w: _World, a: _Arrival) -> reception.RegistrationForm:
    media = w.media[a.n % len(w.media)].id
    if a.patient is not None:
        p = a.patient
        return reception.RegistrationForm(
            name=p.name, sex=p.sex, phone=p.phone, id_number=p.id_number or "",
            birth_date=None if p.id_number else p.birth_date, address=p.address or "",
            media_source_id=p.media_source_id or media)
    return reception.RegistrationForm(
        name=a.name, sex=a.sex, phone=a.phone, age=a.age, media_source_id=media,
        address=w.rng.choice(["朝阳区", "海淀区", "丰台区"]) + f"{w.rng.randrange(1, 200)}号",
        illness_duration=w.rng.choice(["两天", "一周", "半个月"]))


# --- the service desk this morning ---------------------------------------------------------


def _todays_service(w: _World) -> None:
    """This morning's first ratings at the desk, and the first of yesterday's follow-up calls."""
    from frontdesk.db.models import QueueEvent
    from frontdesk.queue.clinic import FINISH
    from frontdesk.service import followups, satisfaction

    finished = (QueueEvent.select().where(QueueEvent.day == w.today, QueueEvent.action == FINISH)
                .order_by(QueueEvent.at, QueueEvent.id))
    for i, ev in enumerate(list(finished)[::2]):  # every other patient agrees to rate
        at = ev.at + dt.timedelta(minutes=3 + i)
        if at > w.now:
            continue
        w.go(at)
        ratings = {p: w.rng.choices((4, 3, 2), (6, 3, 1))[0] for p in satisfaction.POINTS}
        satisfaction.rate(actor=w.on_duty(Role.DESK, at)[0], ratings=ratings,
                          visit_id=ev.visit_id, comment=w.rng.choice(RATING_COMMENTS))

    desk = w.on_duty(Role.DESK, w.now)[0]
    w.go(w.at(0.5))
    due = followups.due_calls(actor=desk, day=w.today)
    calls = [c for c in due if c.visit_id is not None][:3]
    outcomes = [("done", "恢复不错，按时服药，对导医服务满意。", {"attitude": 4, "skill": 4}),
                ("unreachable", "无人接听，明天上午再打。", None),
                ("done", "症状减轻，约好下周复诊。", {"attitude": 4, "timeliness": 3})]
    for i, (call, (outcome, notes, ratings)) in enumerate(zip(calls, outcomes, strict=False)):
        w.go(w.at(0.5 + 0.05 * i))
        followups.record_call(actor=desk, followup_id=call.followup_id, outcome=outcome,
                              notes=notes, ratings=ratings,
                              retry_on=w.today + dt.timedelta(days=1) if outcome == "unreachable" else None)
