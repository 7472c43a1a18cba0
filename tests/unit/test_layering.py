"""The domain layer never imports Qt (DESIGN.md): import every domain module with PySide6 blocked."""

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import frontdesk

ROOT = Path(frontdesk.__file__).parent


def domain_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(ROOT)], prefix="frontdesk."):
        if info.name.startswith("frontdesk.ui") or info.name == "frontdesk.__main__":
            continue
        names.append(info.name)
    return names


def test_domain_imports_without_qt():
    code = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked in the domain layer: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {domain_modules()!r}:\n"
        "    importlib.import_module(m)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT.parent)
    assert out.returncode == 0, out.stderr
    assert "ok" in out.stdout


def test_widgets_build_no_queries():
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for needle in (".select(", ".execute_sql(", ".raw(", "import peewee", "from peewee"):
            if needle in text:
                offenders.append(f"{path.name}: {needle}")
    assert not offenders


def test_domain_module_list_is_not_empty():
    mods = domain_modules()
    assert "frontdesk.db.models" in mods and "frontdesk.rules" in mods
    for m in ("frontdesk.cli", "frontdesk.settings"):
        importlib.import_module(m)
