from __future__ import annotations

import getpass
import os
import sys

from frontdesk import accounts, installation, rules
from frontdesk.commands import open_for, say
from frontdesk.errors import ValidationError

HELP = "create the database, load the house rules and the first administrator (--demo: a demo hospital)"



def add_arguments(p) -> None:
    p.add_argument("--demo", action="store_true",
                   help="also add demo staff, patients, appointments and a past week of visits")
    p.add_argument("--hospital", metavar="NAME", help="the hospital's name (shown in titles and slips)")
    p.add_argument("--admin", metavar="USERNAME",
                   help="create the first administrator; the password and PIN are asked for "
                        "(or read from FRONTDESK_ADMIN_PASSWORD and FRONTDESK_ADMIN_PIN)")
    p.add_argument("--admin-name", metavar="NAME", help="the administrator's full name")


def _secret(env: str, prompt_zh: str, prompt_en: str, field: str) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise ValidationError(f"请设置环境变量 {env}，或在终端中运行以输入。",
                              f"Set {env}, or run this in a terminal to type it.", field=field)
    from frontdesk.i18n import text

    first = getpass.getpass(text(prompt_zh, prompt_en))
    again = getpass.getpass(text("再输入一次：", "Once more: "))
    if first != again:
        raise ValidationError("两次输入不一致。", "The two entries differ.", field=field)
    return first


def _first_admin(args) -> installation.FirstAdmin | None:
    if not args.admin:
        return None
    return installation.FirstAdmin(
        username=args.admin, display_name=args.admin_name or args.admin,
        password=_secret("FRONTDESK_ADMIN_PASSWORD", "管理员密码：", "Administrator password: ",
                         "password"),
        pin=_secret("FRONTDESK_ADMIN_PIN", "管理员 PIN：", "Administrator PIN: ", "pin"))


def run(args) -> int:
    if args.hospital is not None and args.hospital.strip():
        from frontdesk.validation import hospital_name

        # Shown in every title and slip: one line, no control or bidi characters, not a book.
        args.hospital = hospital_name(args.hospital)
    open_for(args)
    if args.demo:
        if rules.rules_loaded():
            say("数据库已初始化，未做任何更改。", "The database is already initialised; nothing changed.")
            return 0
        from frontdesk import settings
        from frontdesk.demo import install_demo

        demo = install_demo()
        if args.hospital and args.hospital.strip():
            settings.set("hospital.name", args.hospital.strip())
        say(f"已载入规则和演示数据：员工 {demo.staff} 人，患者 {demo.patients} 人，就诊 {demo.visits} 次。",
            f"Rules and demo data loaded: {demo.staff} staff, {demo.patients} patients, "
            f"{demo.visits} visits.")
        return 0
    if not installation.needs_setup() or (rules.rules_loaded() and not args.admin):
        say("数据库已初始化，未做任何更改。", "The database is already initialised; nothing changed.")
        if accounts.needs_first_admin():
            say("还没有管理员：请用 --admin 创建，或在首次打开程序时创建。",
                "There is no administrator yet: create one with --admin, or when the app first opens.")
        return 0
    had_rules = rules.rules_loaded()
    if not had_rules and not (args.hospital or "").strip():
        raise ValidationError("请用 --hospital 提供医院名称。", "Give the hospital's name with --hospital.",
                              field="hospital")
    admin = _first_admin(args)
    installation.set_up(hospital_name=args.hospital, admin=admin)
    if not had_rules:
        say("已载入院内规章（科室、医生、班次、仪容检查项、罚款标准）。",
            "House rules loaded (departments, doctors, shifts, grooming items, fines).")
    if admin:
        say(f"已创建管理员 {admin.username}。", f"Administrator {admin.username} created.")
    else:
        say("尚未创建管理员：首次打开程序时会要求创建。",
            "No administrator yet: the app asks for one when it first opens.")
    return 0
