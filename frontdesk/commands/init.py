from __future__ import annotations

from frontdesk import rules, settings
from frontdesk.commands import open_for, say
from frontdesk.errors import ValidationError

HELP = "create the database and load the house rules (--demo adds a demo hospital)"


def add_arguments(p) -> None:
    p.add_argument("--demo", action="store_true",
                   help="also add demo staff, patients, appointments and a past week of visits")
    p.add_argument("--hospital", metavar="NAME", help="the hospital's name (shown in titles and slips)")


def run(args) -> int:
    open_for(args)
    if rules.rules_loaded():
        say("数据库已初始化，未做任何更改。", "The database is already initialised; nothing changed.")
        return 0
    if args.demo:
        from frontdesk.demo import install_demo

        demo = install_demo()
        if args.hospital and args.hospital.strip():
            settings.set("hospital.name", args.hospital.strip())
        say(f"已载入规则和演示数据：员工 {demo.staff} 人，患者 {demo.patients} 人，就诊 {demo.visits} 次。",
            f"Rules and demo data loaded: {demo.staff} staff, {demo.patients} patients, "
            f"{demo.visits} visits.")
        return 0
    if not (args.hospital or "").strip():
        raise ValidationError("请用 --hospital 提供医院名称。", "Give the hospital's name with --hospital.")
    report = rules.initialise_installation(args.hospital)
    say(f"已载入规则：科室 {report.departments} 个，医生 {report.doctors} 位，仪容检查项 {report.grooming_items} 项。",
        f"Rules loaded: {report.departments} departments, {report.doctors} doctors, "
        f"{report.grooming_items} grooming items.")
    return 0
