"""Who may do what. Enforced in the domain layer; the UI only mirrors it.

Every domain function that changes or reveals protected data takes the acting
staff member and calls `require` first, so a forgotten button check in the UI
cannot open a hole.
"""

from __future__ import annotations

from enum import StrEnum

from frontdesk.db.models import ROLES, Role
from frontdesk.errors import PermissionDenied
from frontdesk.i18n import Msg

__all__ = ["ROLES", "ROLE_NAMES", "ROLE_PERMISSIONS", "SYSTEM", "SYSTEM_PERMISSIONS", "Perm",
           "Role", "allowed", "require", "role_name"]


class Perm(StrEnum):
    GREET = "visit.greet"  # door guide: new arrivals
    RUN_VISIT = "visit.run"  # desk: triage, registration, billing, escort
    VIEW_PATIENT = "patient.view"
    MERGE_PATIENTS = "patient.merge"
    GROOMING_CHECK = "grooming.check"
    SIGN_IN = "shift.sign_in"
    VIEW_FINES = "fines.view"
    WAIVE_FINES = "fines.waive"
    PRINT_REPORTS = "reports.print"
    WRITE_HANDOVER = "handover.write"
    MANAGE_STAFF = "staff.manage"
    MANAGE_RULES = "rules.manage"
    MANAGE_SETTINGS = "settings.manage"
    MANAGE_BACKUPS = "backup.manage"
    VIEW_AUDIT = "audit.view"
    SET_VIP = "patient.set_vip"  # VIP card tier (waives the fee): supervisors and admins
    FOLLOW_UP = "patient.follow_up"  # follow-up calls: sees full phone numbers
    REQUEST_ROSTER = "roster.request"  # ask for a swap or leave
    MANAGE_ROSTER = "roster.manage"  # roster, approve swaps and leave, record rules broken
    CONSULT = "service.consult"  # consultations, bookings, complaints and ratings taken
    SUPERVISE_COMPLAINTS = "service.complaints"  # handle, approve and close complaints


class _System:
    """The trusted in-process caller (command line, benchmark) — never a screen.

    Permission on the command line is the operating system's: whoever can run
    it against a database file can read that file directly. The system may only
    read (SYSTEM_PERMISSIONS), and the audit log records it as no staff row.
    """

    id = None
    role = "system"
    active = True
    display_name = "system"
    username = "system"

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = _System()
SYSTEM_PERMISSIONS = frozenset({Perm.VIEW_PATIENT, Perm.PRINT_REPORTS})


_FRONT = {Perm.GREET, Perm.RUN_VISIT, Perm.VIEW_PATIENT, Perm.SIGN_IN, Perm.WRITE_HANDOVER}

_FRONT |= {Perm.REQUEST_ROSTER}  # every front-line role asks for swaps and leave

ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    Role.GUIDE: frozenset({Perm.GREET, Perm.RUN_VISIT, Perm.VIEW_PATIENT, Perm.SIGN_IN,
                           Perm.WRITE_HANDOVER}),
    Role.DESK: frozenset(_FRONT | {Perm.FOLLOW_UP, Perm.CONSULT}),
    Role.SUPERVISOR: frozenset(_FRONT | {Perm.GROOMING_CHECK, Perm.VIEW_FINES, Perm.WAIVE_FINES,
                                         Perm.PRINT_REPORTS, Perm.SET_VIP, Perm.FOLLOW_UP,
                                         Perm.CONSULT, Perm.SUPERVISE_COMPLAINTS}),
    Role.ADMIN: frozenset({Perm.VIEW_PATIENT, Perm.MERGE_PATIENTS, Perm.SET_VIP,
                           Perm.PRINT_REPORTS, Perm.VIEW_FINES, Perm.MANAGE_STAFF,
                           Perm.MANAGE_RULES, Perm.MANAGE_SETTINGS, Perm.MANAGE_BACKUPS,
                           Perm.VIEW_AUDIT, Perm.SIGN_IN}),
}

# Staffing: door guides ask for swaps and leave too; supervisors run the roster.
ROLE_PERMISSIONS[Role.GUIDE] |= {Perm.REQUEST_ROSTER}
ROLE_PERMISSIONS[Role.SUPERVISOR] |= {Perm.MANAGE_ROSTER}

ROLE_NAMES: dict[str, Msg] = {
    Role.GUIDE: Msg("导医", "Door guide"),
    Role.DESK: Msg("导医台", "Desk"),
    Role.SUPERVISOR: Msg("主管", "Supervisor"),
    Role.ADMIN: Msg("管理员", "Administrator"),
}

_PERM_NAMES = {
    Perm.GREET: Msg("接待新到患者", "greet new arrivals"),
    Perm.RUN_VISIT: Msg("办理就诊流程", "run patient visits"),
    Perm.VIEW_PATIENT: Msg("查看患者资料", "view patient records"),
    Perm.MERGE_PATIENTS: Msg("合并患者档案", "merge patient records"),
    Perm.GROOMING_CHECK: Msg("仪容检查", "run grooming checks"),
    Perm.SIGN_IN: Msg("签到", "sign in"),
    Perm.VIEW_FINES: Msg("查看罚款", "view fines"),
    Perm.WAIVE_FINES: Msg("免除罚款", "waive fines"),
    Perm.PRINT_REPORTS: Msg("查看和打印报表", "view and print reports"),
    Perm.WRITE_HANDOVER: Msg("填写交接班记录", "write handover notes"),
    Perm.MANAGE_STAFF: Msg("管理员工", "manage staff"),
    Perm.MANAGE_RULES: Msg("修改规则", "change rules"),
    Perm.MANAGE_SETTINGS: Msg("修改设置", "change settings"),
    Perm.MANAGE_BACKUPS: Msg("备份与恢复", "back up and restore"),
    Perm.VIEW_AUDIT: Msg("查看审计日志", "view the audit log"),
    Perm.SET_VIP: Msg("设置患者VIP卡", "set a patient's VIP card"),
    Perm.FOLLOW_UP: Msg("进行电话回访", "make follow-up calls"),
    Perm.REQUEST_ROSTER: Msg("申请换班或请假", "ask for a swap or leave"),
    Perm.MANAGE_ROSTER: Msg("排班、审批换班和请假、记录违规", "make the roster, approve swaps "
                            "and leave, and record rules broken"),
    Perm.CONSULT: Msg("登记咨询、预约、投诉和满意度", "record consultations, bookings, "
                      "complaints and ratings"),
    Perm.SUPERVISE_COMPLAINTS: Msg("处理和审批投诉", "handle and approve complaints"),
}


def allowed(actor, perm: Perm) -> bool:
    """True when `actor` (a Staff row, or None for the system) may do `perm`."""
    if actor is None:
        return False
    if actor is SYSTEM:
        return perm in SYSTEM_PERMISSIONS
    return bool(getattr(actor, "active", True)) and perm in ROLE_PERMISSIONS.get(actor.role, ())


def _still_active(actor) -> bool:
    """The acting staff member's account is still active in the database.

    A session keeps its Staff row in memory; an administrator deactivating the
    account (at any desk) must end its rights at the next domain call, so the
    flag is read again: one primary-key lookup per protected call.
    """
    staff_id = getattr(actor, "id", None)
    if actor is SYSTEM or staff_id is None:
        return True
    from peewee import InterfaceError, OperationalError

    from frontdesk.db.models import database_proxy  # the domain layer's one database

    db = database_proxy.obj
    if db is None:
        return True
    sql = f"SELECT active FROM staff WHERE id = {db.param}"
    try:
        row = db.execute_sql(sql, [staff_id]).fetchone()
    except (OperationalError, InterfaceError):
        if db.in_transaction():
            raise
        # Often the first statement after a server restart: a lone read is safe to try
        # again, and the server database class reconnects for it (db/server.py).
        row = db.execute_sql(sql, [staff_id]).fetchone()
    if row is not None and row[0]:
        return True
    try:
        actor.active = False  # the session's copy learns it too
    except AttributeError:
        pass
    return False


def require(actor, perm: Perm) -> None:
    """Raise PermissionDenied unless `actor` holds `perm` (and is still an active account)."""
    if allowed(actor, perm) and _still_active(actor):
        return
    if actor is not None and actor is not SYSTEM and not getattr(actor, "active", True):
        raise PermissionDenied(
            "该账号已停用，不能再进行任何操作。请联系管理员。",
            "This account has been deactivated and can no longer do anything. "
            "Ask an administrator.",
        )
    action = _PERM_NAMES[perm]
    if actor is None:
        raise PermissionDenied(f"请先登录，才能{action.zh}。", f"Log in first to {action.en}.")
    role = role_name(actor.role)
    raise PermissionDenied(
        f"“{role.zh}”角色无权{action.zh}。请让有权限的同事操作。",
        f"The {role.en} role may not {action.en}. Ask a colleague who may.",
    )


def role_name(role: str) -> Msg:
    """The role's name in both languages; an unknown role reads as itself."""
    return ROLE_NAMES.get(role) or Msg.same(role)
