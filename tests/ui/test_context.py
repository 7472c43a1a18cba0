"""The one runner: it emits exactly what the operations declared, after the caller's callback."""

import re
from pathlib import Path

import pytest

import frontdesk
from frontdesk.changes import Changed, changes
from frontdesk.errors import ConflictError, ValidationError

SIGNALS = ("visits_changed", "patients_changed", "staff_changed", "rules_changed",
           "grooming_changed", "settings_changed", "session_changed")


@changes(Changed.VISITS | Changed.PATIENTS)
def _register(fail: Exception | None = None) -> str:
    if fail is not None:
        raise fail
    return "view"


@changes(Changed.SETTINGS, when=bool)
def _update(changed: list[str]) -> list[str]:
    return changed


def _others(ctx, qtbot, emitted):
    return [qtbot.assertNotEmitted(getattr(ctx.changes, s), wait=0)
            for s in SIGNALS if s not in emitted]


def _enter_all(managers, stack):
    for m in managers:
        stack.enter_context(m)


@pytest.fixture
def app_ctx():
    from frontdesk.ui.context import AppContext

    context = AppContext(db_url="sqlite:///:memory:")
    yield context
    context.tasks.wait()


def test_a_call_emits_exactly_what_it_declared(qtbot, app_ctx):
    from contextlib import ExitStack

    order = []
    app_ctx.changes.visits_changed.connect(lambda: order.append("visits"))
    with ExitStack() as stack:
        _enter_all(_others(app_ctx, qtbot, ("visits_changed", "patients_changed")), stack)
        with qtbot.waitSignals([app_ctx.changes.visits_changed,
                                app_ctx.changes.patients_changed], timeout=0):
            result = app_ctx.run(_register, on_done=lambda r: order.append(r))
    assert result == "view"
    assert order == ["view", "visits"]  # the caller's callback first, then every screen


def test_nothing_changed_emits_nothing(qtbot, app_ctx):
    from contextlib import ExitStack

    with ExitStack() as stack:
        _enter_all(_others(app_ctx, qtbot, ()), stack)
        assert app_ctx.run(_update, []) == []
        assert app_ctx.run(print) is None  # an undeclared call changes nothing


def test_a_refused_call_goes_to_on_error_and_emits_nothing(qtbot, app_ctx):
    from contextlib import ExitStack

    errors = []
    with ExitStack() as stack:
        _enter_all(_others(app_ctx, qtbot, ()), stack)
        assert app_ctx.run(_register, ValidationError("不行", "refused"),
                           on_error=errors.append) is None
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    with pytest.raises(ValidationError):  # no on_error: the caller sees it
        app_ctx.run(_register, ValidationError("不行", "refused"))


def test_a_conflict_refreshes_what_the_refused_call_would_change(qtbot, app_ctx):
    errors = []
    with qtbot.waitSignal(app_ctx.changes.visits_changed, timeout=0), \
            qtbot.assertNotEmitted(app_ctx.changes.staff_changed, wait=0):
        app_ctx.run(_register, ConflictError("已被修改", "changed elsewhere"),
                    on_error=errors.append)
    assert len(errors) == 1


def test_on_the_worker_the_signals_follow_on_done(qtbot, app_ctx):
    done = []
    with qtbot.waitSignal(app_ctx.changes.settings_changed, timeout=5000), \
            qtbot.assertNotEmitted(app_ctx.changes.visits_changed, wait=0):
        app_ctx.run(_update, ["ui.language"], background=True, on_done=done.append)
    assert done == [["ui.language"]]


def test_the_session_signals_stay_with_the_context(qtbot, app_ctx):
    with qtbot.waitSignal(app_ctx.changes.session_changed, timeout=0):
        app_ctx.set_staff(None)
    with qtbot.waitSignal(app_ctx.changes.session_changed, timeout=0):
        app_ctx.session_locked()



def test_no_widget_emits_what_changed_by_hand():
    """Only the runner (ui/context.py) emits the "what changed" signals."""
    ui = Path(frontdesk.__file__).parent / "ui"
    pattern = re.compile(r"changes\s*\.\s*\w+\s*\.\s*emit\b")
    offenders = []
    for path in ui.rglob("*.py"):
        if path.name == "context.py" and path.parent == ui:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(ui)}:{n}: {line.strip()}")
    assert offenders == []
