"""A package's names served from their modules on first use (frontdesk/lazy.py)."""

import subprocess
import sys
import types

import pytest

from frontdesk.lazy import lazy_exports


@pytest.fixture
def package(monkeypatch):
    """A throw-away package `fdlazy` whose `answer` lives in `fdlazy_home` (not imported)."""
    home = types.ModuleType("fdlazy_home")
    home.answer = 42
    loaded = []
    pkg = types.ModuleType("fdlazy")
    pkg.__path__ = []  # a package: `fdlazy.<sub>` may be looked up
    monkeypatch.setitem(sys.modules, "fdlazy", pkg)

    real_import = __import__("importlib").import_module

    def import_module(name, *args):
        loaded.append(name)
        if name == "fdlazy_home":
            return home
        return real_import(name, *args)

    monkeypatch.setattr("importlib.import_module", import_module)
    pkg.__getattr__, pkg.__dir__ = lazy_exports("fdlazy", {"answer": "fdlazy_home"})
    return pkg, loaded


def test_a_name_is_imported_at_first_use_then_kept(package):
    pkg, loaded = package
    assert loaded == []
    assert pkg.answer == 42
    assert pkg.answer == 42
    assert loaded == ["fdlazy_home"]  # once: then a plain attribute
    assert vars(pkg)["answer"] == 42


def test_an_unknown_name_is_an_attribute_error_and_dir_lists_the_served_names(package):
    pkg, _ = package
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = pkg.nope
    assert "answer" in pkg.__dir__()


def test_the_packages_serve_their_names_without_importing_them_first():
    # What the lazy exports are for: importing the package alone loads none of its homes.
    code = ("import sys; from frontdesk import admin, queue, reception; "
            "heavy = ['frontdesk.admin.rule_edits', 'frontdesk.queue.board', "
            "'frontdesk.reception.steps', 'frontdesk.reception.escorts']; "
            "print([m for m in heavy if m in sys.modules]); "
            "admin.save_doctor; queue.waiting_board; reception.register; reception.escorts; "
            "print([m for m in heavy if m not in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.split("\n")[:2] == ["[]", "[]"], out.stderr
