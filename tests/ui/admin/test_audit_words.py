"""The audit log reads in words in the Chinese UI (issue 18, point 9)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QDate

from frontdesk.admin import audit_words
from frontdesk.db.models import AuditLog, Staff
from frontdesk.ui.admin.audit import COL_DETAIL, COL_ENTITY
from tests.ui.admin.test_admin_ui import area  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def test_entity_and_detail_in_words():
    assert audit_words.entity_name("grooming_check", "zh_CN") == "仪容检查"
    assert audit_words.entity_name("grooming_check", "en") == "grooming check"
    assert audit_words.detail_text('{"document": "pdf"}', "zh_CN") == "文件：PDF 文件"
    assert audit_words.detail_text('{"active": false, "reason": "离职"}', "zh_CN") == \
        "启用：否；原因：离职"
    changed = audit_words.detail_text(
        '{"before": {"printers": {"guide": ""}, "print_without_asking": false},'
        ' "after": {"printers": {"guide": "Desk-2"}, "print_without_asking": true}}', "zh_CN")
    assert changed == "打印机（导诊单：— → Desk-2）；直接打印：否 → 是"
    assert audit_words.entity_name("some_new_thing") == "some new thing"  # readable, not hidden
    assert audit_words.detail_text("plain words") == "plain words"
    assert audit_words.detail_text("{not json") == "{not json"


def test_audit_tab_shows_no_raw_identifiers_or_json(qtbot, area):  # noqa: F811
    boss = Staff.get(Staff.username == "boss")
    AuditLog.create(at=dt.datetime(2026, 11, 1, 9), staff=boss, action="print",
                    entity="grooming_check", entity_id="12", detail='{"document": "pdf"}')
    AuditLog.create(at=dt.datetime(2026, 11, 1, 10), staff=boss, action="update",
                    entity="handover_note", entity_id="3", detail='{"acknowledged": true}')
    tab = area.audit_tab
    tab._fill_choices()
    tab.since.setDate(QDate(2026, 11, 1))
    tab.until.setDate(QDate(2026, 11, 1))
    assert tab.model.rowCount() == 2
    shown = [(tab.model.index(r, COL_ENTITY).data(), tab.model.index(r, COL_DETAIL).data())
             for r in range(2)]
    assert ("仪容检查", "文件：PDF 文件") in shown
    assert ("交接班记录", "已确认：是") in shown
    for entity, detail in shown:
        assert not re.search(r"[a-z]+_[a-z]+|[{}\"]", entity + detail), (entity, detail)


def test_the_command_lines_and_service_desks_records_read_in_chinese():
    """What `frontdesk report`/`slip` and the service desk write read in words too: the
    demo hospital's log showed "staff id: 5", "by: system (root)", "报表：satisfaction"."""
    shown = [
        audit_words.detail_text('{"report": "satisfaction", "format": "pdf", '
                                '"file": "svc.pdf", "by": "system (root)"}', "zh_CN"),
        audit_words.detail_text('{"report": "range", "from": "2026-11-17", '
                                '"to": "2026-11-23", "by": "system (root)"}', "zh_CN"),
        audit_words.detail_text('{"visit": 430, "kind": "ticket", "fmt": "roll80"}', "zh_CN"),
        audit_words.detail_text('{"staff_id": 5}', "zh_CN"),
        audit_words.detail_text('{"date": "2026-11-23", "minutes_late": 0,'
                                ' "on_roster": true, "fine_fen": 0}', "zh_CN"),
        audit_words.detail_text('{"attitude": 4, "skill": 3, "timeliness": 4, "promises": 4,'
                                ' "source": "visit"}', "zh_CN"),
        audit_words.entity_name("consultation", "zh_CN"),
        audit_words.entity_name("follow_up", "zh_CN"),
    ]
    assert shown[0] == "报表：满意度报表；格式：PDF 文件；文件：svc.pdf；操作人：system (root)"
    assert shown[2] == "就诊：430；类别：取号小票；纸张：80 毫米小票"
    assert shown[3] == "员工：5"
    for line in shown:
        keys = re.sub(r"system \(root\)|svc\.pdf|\d{4}-\d\d-\d\d", "", line)
        assert not re.search(r"\b(?!PDF\b)[A-Za-z]{2,}", keys.replace("visit", "")), line
    assert audit_words.detail_text('{"report": "daily", "by": "ops"}', "en") == \
        "report: daily summary; by: ops"
