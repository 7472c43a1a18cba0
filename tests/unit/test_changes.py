"""Domain operations declare what they change; a collecting block sees what actually ran."""

import pytest

from frontdesk.changes import ALL_DATA, Changed, changes, collecting, declared
from frontdesk.errors import ConflictError, ValidationError


@changes(Changed.VISITS)
def _step(fail: Exception | None = None) -> str:
    if fail is not None:
        raise fail
    return "view"


@changes(Changed.SETTINGS, when=bool)
def _update(changed: list[str]) -> list[str]:
    return changed


def test_the_declaration_keeps_the_function_and_its_result():
    assert _step() == "view" and _step.__name__ == "_step"
    assert declared(_step) == Changed.VISITS
    assert declared(print) == Changed.NONE


def test_collecting_sees_the_union_of_what_ran():
    with collecting() as box:
        _step()
        _update(["ui.language"])
    assert box.changed == Changed.VISITS | Changed.SETTINGS


def test_nothing_changed_reports_nothing():
    with collecting() as box:
        _update([])
    assert box.changed == Changed.NONE


def test_a_refused_operation_reports_nothing_but_a_conflict_reports_its_kinds():
    with collecting() as box, pytest.raises(ValidationError):
        _step(ValidationError("不行", "refused"))
    assert box.changed == Changed.NONE
    with collecting() as box, pytest.raises(ConflictError):
        _step(ConflictError("已被修改", "changed elsewhere"))
    assert box.changed == Changed.VISITS


def test_outside_a_collecting_block_nothing_is_kept():
    _step()
    with collecting() as box:
        pass
    assert box.changed == Changed.NONE


def test_the_domain_declares_its_writes():
    from frontdesk import admin, reception, settings
    from frontdesk.admin import backup
    from frontdesk.staffing import attendance, fines, grooming

    assert declared(reception.take_at_desk) == Changed.VISITS
    assert declared(reception.new_arrival) == Changed.VISITS
    assert declared(reception.register) == Changed.VISITS | Changed.PATIENTS
    assert declared(reception.complete_deferred) == Changed.VISITS | Changed.PATIENTS
    assert declared(fines.waive) == Changed.GROOMING
    assert declared(admin.save_doctor) == Changed.RULES
    assert declared(admin.update_settings) == Changed.SETTINGS
    assert declared(settings.set) == Changed.SETTINGS
    for fn in (grooming.record_check, grooming.acknowledge,
               attendance.sign_in, attendance.record_early_leave):
        assert declared(fn) == Changed.GROOMING
    assert declared(backup.restore) == ALL_DATA


def test_every_public_reception_step_that_writes_declares_it():
    # A step that writes without @changes leaves other desks' lists stale (issue 14):
    # assign_escort did, so no other station learnt that the escort was out.
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "frontdesk" / "reception"
    missing = []
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            writes = any(isinstance(n, ast.With) and any(
                isinstance(i.context_expr, ast.Call) and getattr(i.context_expr.func, "id", "")
                in ("_write_tx", "write_tx") for i in n.items) for n in ast.walk(node))
            declares = any(isinstance(d, ast.Call) and getattr(d.func, "id", "") == "changes"
                           for d in node.decorator_list)
            if writes and not declares:
                missing.append(f"{path.name}:{node.name}")
    assert not missing, missing
