"""The audit log in words: what a record is and what its detail says, not raw JSON.

`audit.record` stores an entity code ("grooming_check") and a JSON detail
({"document": "pdf"}); the audit browser shows :func:`entity_name` and
:func:`detail_text` instead, in the UI language. Unknown codes and keys are
shown readably (underscores become spaces), never hidden: the raw text stays
available as the tooltip.
"""

from __future__ import annotations

import json
from typing import Any

from frontdesk.i18n import Msg, text

ENTITY_NAMES: dict[str, Msg] = {
    "staff": Msg("员工", "staff member"),
    "patient": Msg("患者", "patient"),
    "visit": Msg("就诊", "visit"),
    "visit_list": Msg("就诊列表", "visit list"),
    "visit_draft": Msg("登记草稿", "registration draft"),
    "fine": Msg("罚款", "fine"),
    "fines": Msg("罚款记录", "fines"),
    "fines_report": Msg("罚款报表", "fines report"),
    "roster": Msg("排班", "roster"),
    "report": Msg("工作汇总", "summary report"),
    "grooming_check": Msg("仪容检查", "grooming check"),
    "grooming_item": Msg("仪容检查项目", "grooming item"),
    "database": Msg("数据库", "database"),
    "swap": Msg("换班", "shift swap"),
    "leave": Msg("请假", "leave"),
    "media_source": Msg("媒体来源", "media source"),
    "handover_note": Msg("交接班记录", "handover note"),
    "calendar_day": Msg("日历日", "calendar day"),
    "sign_in": Msg("签到", "sign-in"),
    "settings": Msg("设置", "settings"),
    "setting": Msg("设置项", "setting"),
    "session": Msg("登录会话", "session"),
    "rule_item": Msg("规则条目", "rule"),
    "follow_up_list": Msg("回访名单", "follow-up list"),
    "doctor_schedule": Msg("医生排班", "doctor schedule"),
    "appointment_list": Msg("预约列表", "appointment list"),
    "complaint_list": Msg("投诉列表", "complaint list"),
    "consultation_call_backs": Msg("咨询回电", "consultation call-backs"),
    "consultation_list": Msg("咨询列表", "consultation list"),
    "patient_duplicates": Msg("疑似重复患者", "possible duplicate patients"),
    "patient_search": Msg("患者查找", "patient search"),
    "department": Msg("科室", "department"),
    "doctor": Msg("医生", "doctor"),
    "backup": Msg("备份", "backup"),
    "consultation": Msg("咨询", "consultation"),
    "complaint": Msg("投诉", "complaint"),
    "satisfaction": Msg("满意度评价", "satisfaction rating"),
    "satisfaction_visits": Msg("满意度评价名单", "visits to rate"),
    "follow_up": Msg("回访", "follow-up call"),
}

KEY_NAMES: dict[str, Msg] = {
    "document": Msg("文件", "document"),
    "doc": Msg("文件", "document"),
    "file": Msg("文件", "file"),
    "format": Msg("格式", "format"),
    "fmt": Msg("纸张", "paper"),
    "kind": Msg("类别", "kind"),
    "printer": Msg("打印机", "printer"),
    "reason": Msg("原因", "reason"),
    "note": Msg("备注", "note"),
    "status": Msg("状态", "status"),
    "username": Msg("用户名", "user name"),
    "staff": Msg("员工", "staff member"),
    "name": Msg("姓名", "name"),
    "code": Msg("代码", "code"),
    "shifts": Msg("班次", "shifts"),
    "doctor": Msg("医生", "doctor"),
    "visit": Msg("就诊", "visit"),
    "patient": Msg("患者", "patient"),
    "date": Msg("日期", "date"),
    "day": Msg("日期", "day"),
    "start": Msg("开始", "start"),
    "before": Msg("原为", "before"),
    "after": Msg("改为", "after"),
    "report": Msg("报表", "report"),
    "rows": Msg("行数", "rows"),
    "record_no": Msg("病历号", "record no."),
    "vip_tier": Msg("VIP 卡", "VIP card"),
    "fine_fen": Msg("罚款（分）", "fine (fen)"),
    "outcome": Msg("结果", "outcome"),
    "channel": Msg("渠道", "channel"),
    "changed": Msg("修改的项", "changed"),
    "added": Msg("新增", "added"),
    "active": Msg("启用", "active"),
    "acknowledged": Msg("已确认", "acknowledged"),
    "department_id": Msg("科室", "department"),
    "via": Msg("方式", "via"),
    "what": Msg("内容", "what"),
    "typed_length": Msg("输入字数", "characters typed"),
    "switched_to": Msg("切换到", "switched to"),
    "switched_from": Msg("切换自", "switched from"),
    "partner": Msg("对方", "partner"),
    "severity": Msg("严重程度", "severity"),
    "lockout": Msg("锁定", "locked out"),
    "role": Msg("角色", "role"),
    "pin": Msg("PIN", "PIN"),
    "password": Msg("密码", "password"),
    "printers": Msg("打印机", "printers"),
    "formats": Msg("纸张格式", "paper formats"),
    "print_without_asking": Msg("直接打印", "print without asking"),
    "guide": Msg("导诊单", "guide slip"),
    "billing": Msg("缴费单", "billing slip"),
    "ticket": Msg("取号小票", "door ticket"),
    # Seen in the demo hospital's log shown in English in the Chinese UI ("staff id: 5",
    # "by: system (root)", "minutes late", "on roster").
    "staff_id": Msg("员工", "staff member"),
    "by": Msg("操作人", "by"),
    "from": Msg("从", "from"),
    "to": Msg("到", "to"),
    "end": Msg("结束", "end"),
    "days": Msg("天数", "days"),
    "at": Msg("时间", "at"),
    "shift": Msg("班次", "shift"),
    "rest": Msg("休息", "rest"),
    "fields": Msg("修改的项", "fields"),
    "source": Msg("来源", "source"),
    "notes": Msg("记录", "notes"),
    "callbacks": Msg("回访人数", "call-backs"),
    "minutes_late": Msg("迟到（分钟）", "minutes late"),
    "minutes_early": Msg("早退（分钟）", "minutes early"),
    "on_roster": Msg("在排班表上", "on the roster"),
    "off_roster": Msg("未排班", "not on the roster"),
    "failed": Msg("不合格项", "failed items"),
    "recheck_of": Msg("复查", "recheck of"),
    "retry_on": Msg("再次回访日期", "call again on"),
    "handle_by": Msg("处理期限", "handle by"),
    "revisit": Msg("回访结果", "revisit"),
    "rule": Msg("规定", "rule"),
    "occurrence": Msg("本月第几次", "time this month"),
    "amount_fen": Msg("金额（分）", "amount (fen)"),
    "compensation_fen": Msg("赔偿金额（分）", "compensation (fen)"),
    "approver_role": Msg("审批人职务", "approver's role"),
    "approved_by_role": Msg("审批人职务", "approved by (role)"),
    "copied_from": Msg("复制自", "copied from"),
    "attitude": Msg("服务态度", "attitude"),
    "skill": Msg("医疗技术", "medical skill"),
    "timeliness": Msg("到达时间", "timeliness"),
    "promises": Msg("答应事项", "promises kept"),
}

VALUE_NAMES: dict[str, Msg] = {
    "pdf": Msg("PDF 文件", "PDF file"),
    "csv": Msg("CSV 表格", "CSV table"),
    "xlsx": Msg("Excel 表格", "Excel workbook"),
    "roll80": Msg("80 毫米小票", "80 mm roll"),
    "guide": Msg("导诊单", "guide slip"),
    "billing": Msg("缴费单", "billing slip"),
    "pin": Msg("PIN", "PIN"),
    "password": Msg("密码", "password"),
    "grooming_check": Msg("仪容检查", "grooming check"),
    "gold": Msg("金卡", "gold card"),
    "diamond": Msg("钻石卡", "diamond card"),
    "a4": Msg("A4 纸", "A4"),
    "a5": Msg("A5 纸", "A5"),
    "ticket": Msg("取号小票", "door ticket"),
    "daily": Msg("每日工作汇总", "daily summary"),
    "range": Msg("区间工作汇总", "summary for a period"),
    "staff_month": Msg("员工月报", "monthly staff report"),
    "consultations": Msg("咨询统计报表", "consultation statistics"),
    "complaints": Msg("投诉统计报表", "complaints report"),
    "satisfaction": Msg("满意度报表", "satisfaction report"),
}


def _readable(code: str) -> str:
    return code.replace("_", " ")


def entity_name(entity: str, lang: str | None = None) -> str:
    """"grooming_check" → 仪容检查 / grooming check; an unknown code, readable."""
    msg = ENTITY_NAMES.get(entity or "")
    return msg.text(lang) if msg else _readable(entity or "")


def key_name(key: str, lang: str | None = None) -> str:
    msg = KEY_NAMES.get(key)
    return msg.text(lang) if msg else _readable(key)


def _value(value: Any, lang: str | None) -> str:
    if value is True:
        return text("是", "yes", lang)
    if value is False:
        return text("否", "no", lang)
    if value is None or value == "":
        return "—"
    if isinstance(value, list | tuple):
        return text("、", ", ", lang).join(_value(v, lang) for v in value) or "—"
    if isinstance(value, dict):
        return _pairs(value, lang)
    if isinstance(value, str) and value in VALUE_NAMES:
        return VALUE_NAMES[value].text(lang)
    return str(value)


def _pairs(data: dict, lang: str | None) -> str:
    if set(data) >= {"before", "after"} and isinstance(data["before"], dict) \
            and isinstance(data["after"], dict):
        return _changes(data["before"], data["after"], lang)
    sep = text("；", "; ", lang)
    colon = text("：", ": ", lang)
    return sep.join(f"{key_name(k, lang)}{colon}{_value(v, lang)}" for k, v in data.items())


def _changes(before: dict, after: dict, lang: str | None) -> str:
    """Only what changed: "打印机：— → 2号台小票机"."""
    colon = text("：", ": ", lang)
    parts = []
    for key in dict.fromkeys([*before, *after]):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            inner = _changes(old, new, lang)
            if inner:
                parts.append(f"{key_name(key, lang)}（{inner}）" if lang != "en"
                             else f"{key_name(key, lang)} ({inner})")
            continue
        parts.append(f"{key_name(key, lang)}{colon}{_value(old, lang)} → {_value(new, lang)}")
    return text("；", "; ", lang).join(parts) or text("无变化", "no change", lang)


def detail_text(detail: str, lang: str | None = None) -> str:
    """The stored detail in words: JSON objects become "名称：值" pairs, the rest as is."""
    raw = (detail or "").strip()
    if not raw or raw[0] not in "{[":
        return VALUE_NAMES[raw].text(lang) if raw in VALUE_NAMES else raw
    try:
        data = json.loads(raw)
    except ValueError:
        return raw
    return _value(data, lang)
