"""Build the Chinese UI translation from plain dictionaries.

Source strings in the code are English (`self.tr("Save")`). Translations live
in resources/translations/zh_CN/*.toml, one file per screen, as
    [ContextName]            # the class name lupdate reports
    "English source" = "中文"
`python -m tools.i18n` runs lupdate over frontdesk/ui, fills the .ts from the
dictionaries, compiles the .qm, and lists anything untranslated (exit 1).
`--check` only verifies (used by the tests).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANG = "zh_CN"


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def load_dictionaries(lang: str = LANG) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path in sorted((TRANSLATIONS / lang).glob("*.toml")):
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        for context, pairs in data.items():
            for source, target in pairs.items():
                table[(context, source)] = target
    return table


def extract(ts_path: Path) -> None:
    sources = sorted(str(p) for p in (ROOT / "frontdesk" / "ui").rglob("*.py"))
    subprocess.run([_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    *sources, "-ts", str(ts_path)], check=True, cwd=ROOT)


def fill(ts_path: Path, table: dict[tuple[str, str], str]) -> list[tuple[str, str]]:
    tree = ET.parse(ts_path)
    root = tree.getroot()
    root.set("language", LANG)
    missing = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr = msg.find("translation")
            target = table.get((name, source))
            forms = tr.findall("numerusform")
            if msg.get("numerus") == "yes" and not forms:
                forms = [ET.SubElement(tr, "numerusform")]
            if target:
                if forms:  # tr(text, n): Chinese has a single plural form
                    for form in forms:
                        form.text = target
                else:
                    tr.text = target
                tr.attrib.pop("type", None)
            else:
                for form in forms:
                    form.text = ""
                if not forms:
                    tr.text = ""
                tr.set("type", "unfinished")
                missing.append((name, source))
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def release(ts_path: Path, qm_path: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts_path), "-qm", str(qm_path)], check=True)


def build(out_dir: Path) -> list[tuple[str, str]]:
    ts = out_dir / f"frontdesk_{LANG}.ts"
    if out_dir != TRANSLATIONS and (TRANSLATIONS / ts.name).exists():
        shutil.copy(TRANSLATIONS / ts.name, ts)
    extract(ts)
    missing = fill(ts, load_dictionaries())
    release(ts, out_dir / f"frontdesk_{LANG}.qm")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="verify that every UI string is translated and the .qm is current")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            missing = build(Path(tmp))
            fresh = (Path(tmp) / f"frontdesk_{LANG}.qm").read_bytes()
        committed = TRANSLATIONS / f"frontdesk_{LANG}.qm"
        stale = not committed.exists() or committed.read_bytes() != fresh
    else:
        missing = build(TRANSLATIONS)
        stale = False
    for ctx, source in missing:
        print(f"untranslated: [{ctx}] {source!r}")
    if stale:
        print("stale: run `python -m tools.i18n` and commit resources/translations/")
    return 1 if (missing or stale) else 0


if __name__ == "__main__":
    raise SystemExit(main())
