"""The .ts file is the translation source: the repo passes the check, and the check catches
every kind of problem (proved on small synthetic projects); pseudo-translation makes text longer."""

import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tools import i18n

ROOT = Path(__file__).resolve().parents[2]

CODE = '''
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

TITLES = (QT_TRANSLATE_NOOP("Areas", "Reports"),)


class Panel(QWidget):
    def texts(self, n):
        return [self.tr("Save"), self.tr("Hello {name}"), self.tr("%n file(s)", "", n)]
'''

TRANSLATED = {("Areas", "Reports"): "报表", ("Panel", "Save"): "保存",
              ("Panel", "Hello {name}"): "你好，{name}", ("Panel", "%n file(s)"): "%n 个文件"}


def test_the_repo_translations_pass_the_check():
    out = subprocess.run([sys.executable, "-m", "tools.i18n", "check"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_no_dictionaries_beside_the_ts():
    """The TOML dictionaries were migrated into the .ts; nothing may overwrite it again."""
    assert not list((ROOT / "resources" / "translations").rglob("*.toml"))


class Project:
    """A tiny project: one code folder, a .ts and a .qm, all under tmp_path."""

    def __init__(self, tmp_path: Path):
        self.code = tmp_path / "code"
        self.code.mkdir()
        (self.code / "panel.py").write_text(CODE, encoding="utf-8")
        self.ts = tmp_path / "translations" / "frontdesk_zh_CN.ts"
        self.ts.parent.mkdir()
        self.qm = self.ts.with_suffix(".qm")

    def update(self) -> int:
        return i18n.update(self.ts, self.qm, sources=[self.code], quiet=True)

    def set(self, context, source, text, **kw):
        i18n.set_translation(context, source, text, ts_path=self.ts, qm_path=self.qm,
                             sources=[self.code], **kw)

    def add_code(self, text: str):
        with open(self.code / "panel.py", "a", encoding="utf-8") as fh:
            fh.write(textwrap.dedent(text))

    def problems(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for p in i18n.check(self.ts, self.qm, sources=[self.code]):
            found.setdefault(p.kind, []).append(p.message)
        return found

    def edit_ts(self, change):
        """Change the XML directly (as a hand edit or another tool would)."""
        tree = ET.parse(self.ts)
        change(tree.getroot())
        tree.write(self.ts, encoding="utf-8", xml_declaration=True)
        i18n.lrelease(self.ts, self.qm)  # keep the .qm in step: only the .ts is at fault

    def message(self, root, context, source):
        for ctx in root.iter("context"):
            if ctx.findtext("name") == context:
                for msg in ctx.iter("message"):
                    if msg.findtext("source") == source:
                        return msg
        raise KeyError((context, source))


@pytest.fixture(scope="module")
def translated_project(tmp_path_factory):
    p = Project(tmp_path_factory.mktemp("template"))
    assert p.update() == 1  # everything new is unfinished
    for (context, source), text in TRANSLATED.items():
        p.set(context, source, text)
    return p.code.parent


@pytest.fixture
def project(translated_project, tmp_path):
    """A fresh copy of the translated project for each test (lupdate runs are slow)."""
    shutil.copytree(translated_project, tmp_path / "p")
    p = Project.__new__(Project)
    p.code, p.ts = tmp_path / "p" / "code", tmp_path / "p" / "translations" / "frontdesk_zh_CN.ts"
    p.qm = p.ts.with_suffix(".qm")
    return p


def test_a_translated_project_passes_and_keeps_locations(project):
    assert project.problems() == {}
    entries = {e.key[:2]: e for e in i18n.read_ts(project.ts)}
    assert entries[("Panel", "Save")].locations[0][0] == "../code/panel.py"
    assert entries[("Panel", "%n file(s)")].numerus


def test_update_keeps_translations_made_in_the_ts(project):
    """A translation made in Linguist (here: in the XML) survives the next update."""
    project.edit_ts(lambda root: setattr(
        project.message(root, "Panel", "Save").find("translation"), "text", "存盘"))
    project.add_code("""
        class Other(Panel):
            def more(self):
                return self.tr("Close")
    """)
    assert project.update() == 1  # "Close" is new
    entries = {e.key[:2]: e for e in i18n.read_ts(project.ts)}
    assert entries[("Panel", "Save")].text == "存盘"
    assert entries[("Other", "Close")].kind == "unfinished"


def test_new_code_strings_are_missing_then_unfinished(project):
    project.add_code("""
        class Other(Panel):
            def more(self):
                return self.tr("Close")
    """)
    assert "[Other] 'Close'" in project.problems()["missing"][0]
    project.update()
    problems = project.problems()
    assert list(problems) == ["unfinished"]
    assert "[Other] 'Close' at code/panel.py:" in problems["unfinished"][0]
    project.set("Other", "Close", "关闭")
    assert project.problems() == {}


def test_orphaned_entries_are_reported(project):
    def add_orphan(root):
        ctx = next(c for c in root.iter("context") if c.findtext("name") == "Panel")
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = "Open visits"
        ET.SubElement(msg, "translation").text = "未完成就诊"

    project.edit_ts(add_orphan)
    assert list(project.problems()) == ["orphaned"]
    project.update()  # update drops it
    assert project.problems() == {}


def test_obsolete_entries_are_reported(project):
    project.edit_ts(lambda root: project.message(root, "Panel", "Save")
                    .find("translation").set("type", "vanished"))
    problems = project.problems()
    assert "obsolete" in problems and "marked vanished" in problems["obsolete"][0]


def test_the_same_english_translated_two_ways_is_reported(project):
    project.add_code("""
        class Other(Panel):
            def more(self):
                return self.tr("Save")
    """)
    project.update()
    project.set("Other", "Save", "存盘")
    problems = project.problems()
    assert list(problems) == ["inconsistent"]
    assert "'存盘' in Other" in problems["inconsistent"][0]
    assert "'保存' in Panel" in problems["inconsistent"][0]
    # a deliberate difference carries a note and passes
    project.set("Other", "Save", "存盘", note="variant: saves a file, not a form")
    assert project.problems() == {}


@pytest.mark.parametrize("source, bad", [
    ("Hello {name}", "你好，{nom}"),
    ("Hello {name}", "你好"),
    ("%n file(s)", "个文件"),
])
def test_placeholder_mismatches_are_reported(project, source, bad):
    def spoil(root):
        tr = project.message(root, "Panel", source).find("translation")
        for form in tr.findall("numerusform") or [tr]:
            form.text = bad

    project.edit_ts(spoil)
    assert list(project.problems()) == ["placeholder"]


def test_set_refuses_a_placeholder_mismatch(project):
    with pytest.raises(SystemExit, match="missing {name}"):
        project.set("Panel", "Hello {name}", "你好")


def test_a_stale_or_hand_made_qm_is_reported(project):
    project.qm.write_bytes(project.qm.read_bytes() + b"\0")
    assert list(project.problems()) == ["stale-qm"]
    project.qm.unlink()
    assert list(project.problems()) == ["stale-qm"]


def test_placeholders_are_read_from_both_notations():
    assert i18n.placeholder_problem("{n} of {total}", "共 {total} 条中的 {n} 条") == ""
    assert i18n.placeholder_problem("{n} min", "{n} 分钟，{n}") == ""
    assert i18n.placeholder_problem("%1 of %2", "%2 中的 %1") == ""
    assert "missing %2" in i18n.placeholder_problem("%1 of %2", "%1")
    assert "extra {x}" in i18n.placeholder_problem("Total", "合计 {x}")
    assert i18n.placeholder_problem("{{literal}} {a}", "{{字面}} {a}") == ""


def test_pseudo_text_is_longer_and_keeps_placeholders_and_mnemonics():
    text = i18n.pseudo_text("&Save {name} as %1")
    assert text.startswith("［&S") and text.endswith("］")
    assert "{name}" in text and "%1" in text
    assert len(text) >= len("&Save {name} as %1") * 1.4


def test_pseudo_qm_makes_a_known_string_longer(project, tmp_path):
    from PySide6.QtCore import QTranslator

    qm = i18n.pseudo(tmp_path / "pseudo.qm", ts_path=project.ts)
    translator = QTranslator()
    assert translator.load(str(qm))
    shown = translator.translate("Panel", "Save")
    assert shown.startswith("［") and shown.endswith("］")
    assert len(shown) >= len("Save") * 1.4
    assert "{name}" in translator.translate("Panel", "Hello {name}")


def test_a_string_that_moved_to_another_file_makes_the_ts_stale(project):
    (project.code / "panel.py").rename(project.code / "screen.py")
    problems = project.problems()
    assert list(problems) == ["stale"]
    assert "code/screen.py" in problems["stale"][0]
    project.update()
    assert project.problems() == {}


def test_english_text_reads_right_for_any_count():
    # The English UI is the source text itself (no English catalogue): "%n patient(s)" or
    # "{n} entries" shows "(s)" or "1 entries" to an English-speaking user. A count goes
    # after a colon, or with a unit that does not change ("min").
    import re

    root = ET.parse(ROOT / "resources" / "translations" / "frontdesk_zh_CN.ts").getroot()
    sources = [m.findtext("source") for m in root.iter("message")]
    counted_plural = re.compile(r"(?:\{\w+\}|%n) (?:[a-z-]+ )?(?!is\b|was\b|has\b)[a-z]+s\b")
    # Always more than one (PIN lengths 4–6, a page of the audit log), or "1 of 1 visits".
    fixed_plural = {"{n} digits", "{early} minutes", "{reached} of {visits} visits",
                    "newest {n} entries"}
    bad = [s for s in sources if "(s)" in s or (
        counted_plural.search(s) and not any(f in s for f in fixed_plural))]
    assert bad == [], bad
