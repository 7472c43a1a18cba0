from __future__ import annotations

from peewee import SqliteDatabase

from frontdesk import __version__, settings
from frontdesk.commands import open_for, say
from frontdesk.db import migrations

HELP = "check the database's integrity and schema version"


def add_arguments(p) -> None:
    p.add_argument("--full", action="store_true", help="full integrity_check instead of quick_check")


def _said(what: str) -> str:
    """settings.damaged()'s word for what is wrong, in the user's language."""
    from frontdesk.i18n import text

    if what == "not JSON":
        return text("不是可读的 JSON", "not readable JSON")
    if what == "out of range":
        return text("超出允许的范围", "out of its range")
    if what == "an unknown word":
        return text("不是可选的值之一", "not one of its choices")
    if what == "entries":
        return text("其中的条目格式不对", "entries of the wrong kind")
    return text(f"类型不对（{what.removeprefix('a ')}）", f"the wrong kind ({what.removeprefix('a ')})")


def _unreadable_rules() -> list[str]:
    """Rules documents that read as JSON of the right kind but whose entries do not
    (a fine that is text, a season without months): each reader says so."""
    from frontdesk import fees
    from frontdesk.errors import ConfigError
    from frontdesk.service import desk_rules
    from frontdesk.staffing import attendance, staffing_rules

    found = []
    for key, read in (("rules.lateness", attendance.lateness_rule),
                      ("rules.staffing", staffing_rules.current),
                      ("rules.fee_waivers", lambda: [fees.waiver_for(str(rule.get("vip_tier")))
                                                     for rule in settings.get(
                                                         "rules.fee_waivers")]),
                      ("rules.service", desk_rules.current)):
        try:
            read()
        except ConfigError:
            found.append(key)
        except (AttributeError, TypeError):  # fee waivers that are no mappings
            found.append(key)
    return found


def run(args) -> int:
    db = open_for(args)
    version = migrations.current_version(db)
    say(f"Frontdesk {__version__}，数据库结构版本 {version}（最新 {migrations.latest_version()}）。",
        f"Frontdesk {__version__}, schema version {version} (latest {migrations.latest_version()}).")
    gaps = migrations.schema_gaps(db)
    if gaps:
        # Every read of what is missing would fail: say it here, settings cannot be read.
        say("数据库结构不完整，缺少以下表或列：",
            "The database's structure is incomplete; these tables or columns are missing:")
        for name in gaps[:40]:
            print(f"  {name}")
        say("请从备份恢复（frontdesk restore）。", "Restore a backup (frontdesk restore).")
        return 1
    bad_settings = settings.damaged()
    bad_settings += [(key, "entries") for key in _unreadable_rules()
                     if key not in {k for k, _ in bad_settings}]
    if bad_settings:
        # Edited by hand or half-written: the desks use the default (or refuse a rules
        # document); the row itself is left as it is for IT to look at.
        say("以下设置在数据库中已损坏（无法按其格式读取）：",
            "These settings are damaged in the database (they cannot be read as their kind):")
        for key, what in bad_settings:
            print(f"  {key}: {_said(what)}")
    if "rules.triage" not in {key for key, _ in bad_settings}:
        from frontdesk import triage

        if triage.stored_rules_current() is False:
            # Not a fault: the desks triage with the database's rules until IT takes the new ones.
            say("数据库中的分诊规则与本机安装的 triage.toml 不同（升级或修改后）；"
                "运行 frontdesk rules reload 即可采用当前的规则。",
                "The database's triage rules differ from the triage.toml installed here (after "
                "an upgrade or an edit); run frontdesk rules reload to take the current ones.")
    if isinstance(db, SqliteDatabase):
        pragma = "integrity_check" if args.full else "quick_check"
        rows = [r[0] for r in db.execute_sql(f"PRAGMA {pragma}").fetchall()]
        fk = db.execute_sql("PRAGMA foreign_key_check").fetchall()
        if rows != ["ok"] or fk:
            say("数据库完整性检查失败：", "Database integrity check FAILED:")
            for line in rows[:20]:
                print(f"  {line}")
            if fk:
                print(f"  foreign key violations: {len(fk)}")
            return 1
    else:
        # A server checks its own storage; what a desk can vouch for is the connection.
        say("已连接数据库服务器（PostgreSQL 的完整性由服务器保证；备份请用 pg_dump）。",
            "Connected to the database server (PostgreSQL keeps its own integrity; back it "
            "up with pg_dump).")
        return 1 if bad_settings else 0
    say("数据库完整性检查通过。", "Database integrity check passed.")
    return 1 if bad_settings else 0
