"""Chinese UI translation. The .ts file is the source; Qt Linguist is the editor.

Source strings in the code are English (`self.tr("Save")`,
`QT_TRANSLATE_NOOP("Areas", "Reports")`). Their Chinese lives in ONE file,
resources/translations/frontdesk_zh_CN.ts (Qt's XML format, with the source
location of every string). The compiled frontdesk_zh_CN.qm next to it is what
the app loads; it is always built by lrelease, never edited.

After changing UI text (adding, rewording or removing a tr() string):

  1. .venv/bin/python -m tools.i18n update
       runs pyside6-lupdate over frontdesk/ INTO the .ts: existing translations
       and locations are kept, new strings are added as "unfinished", strings
       gone from the code are dropped (and printed, so nothing disappears
       silently), then lrelease rebuilds the .qm. Lists what is still
       untranslated (exit 1 while anything is).
  2. translate the unfinished entries, any of:
       .venv/bin/pyside6-linguist resources/translations/frontdesk_zh_CN.ts
           (Ctrl+Enter marks an entry done and moves on; save with Ctrl+S)
       .venv/bin/python -m tools.i18n set CONTEXT "English" "中文"
       edit the XML: fill <translation>, delete type="unfinished"
       .venv/bin/python -m tools.i18n set --from FILE   (many at once: lines
           CONTEXT<TAB>English<TAB>中文, one lupdate at the end)
     `python -m tools.i18n todo` lists what is left, with file:line.
  3. .venv/bin/python -m tools.i18n update      (again: rebuilds the .qm)
  4. .venv/bin/python -m tools.i18n check       (what tests/unit/test_translations.py runs)
     and commit resources/translations/ (both the .ts and the .qm).

`check` runs lupdate into a temporary copy of the .ts and fails, listing each
problem, on: unfinished entries; obsolete/vanished entries left in the .ts;
orphaned entries (in the .ts, no longer in the code); strings in the code that
are missing from the .ts or whose source file changed (the .ts is out of date;
line numbers alone may drift, `update` refreshes them); the same English
translated two different ways in different contexts; placeholder mismatches
between English and Chinese ({name}, %1, %n); a .qm that differs from what
lrelease builds from the .ts.

The same English may deliberately read differently in two places ("Name" is
姓名 for a person, 名称 for a fee): give the odd one a translator comment that
starts with "variant:" (Linguist: "Translator comments"; or
`set ... --note "variant: a thing, not a person"`) and the consistency check
leaves it alone.

`python -m tools.i18n pseudo` builds build/i18n/frontdesk_pseudo.qm, where
every string is the English wrapped in ［…］ with accents and ~40% padding.
Start the app with FRONTDESK_PSEUDO_TRANSLATION=1 to see it: clipped text
loses its closing ］, and text that is not accented never went through tr().
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import fcntl
import importlib.util
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANG = "zh_CN"
TS = TRANSLATIONS / f"frontdesk_{LANG}.ts"
QM = TRANSLATIONS / f"frontdesk_{LANG}.qm"
SOURCES = (ROOT / "frontdesk",)
PSEUDO_QM = ROOT / "build" / "i18n" / "frontdesk_pseudo.qm"
VARIANT_NOTE = "variant:"
DEAD = ("obsolete", "vanished")


def _tool(name: str) -> str:
    """lupdate/lrelease: the binary shipped inside PySide6 (fast), else the pyside6-* wrapper."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for exe in (Path(folder) / name, Path(folder) / f"{name}.exe"):
            if exe.is_file():
                return str(exe)
    wrapper = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(wrapper) if wrapper.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def _run(cmd: list[str]) -> None:
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{Path(cmd[0]).name} failed:\n{out.stdout}{out.stderr}")


# ---------------------------------------------------------------- the .ts file

@dataclass
class Entry:
    context: str
    source: str
    comment: str = ""
    numerus: bool = False
    kind: str = ""  # "", "unfinished", "obsolete" or "vanished"
    forms: list[str] = field(default_factory=list)  # one text, or the numerus forms
    note: str = ""  # translator comment
    locations: list[tuple[str, str]] = field(default_factory=list)  # (file, line)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def live(self) -> bool:
        return self.kind not in DEAD

    @property
    def finished(self) -> bool:
        return self.kind == "" and all(self.forms) and bool(self.forms)

    @property
    def text(self) -> str:
        return self.forms[0] if self.forms else ""

    @property
    def where(self) -> str:
        shown = [(re.sub(r"^(\.\./)+", "", f), line) for f, line in self.locations]
        return ", ".join(f"{f}:{line}" if line else f for f, line in shown) or "?"

    def label(self) -> str:
        extra = f" ({self.comment})" if self.comment else ""
        return f"[{self.context}] {self.source!r}{extra}"


def read_ts(path: Path, relative_to: Path | None = None) -> list[Entry]:
    """Entries of a .ts file; location paths re-expressed relative to `relative_to`."""
    entries = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [f.text or "" for f in tr.findall("numerusform")] if tr is not None else []
            if tr is not None and msg.get("numerus") != "yes":
                forms = [tr.text or ""]
            locations = []
            for loc in msg.findall("location"):
                filename = loc.get("filename", "")
                if relative_to is not None and filename:
                    full = os.path.normpath(os.path.join(path.parent, filename))
                    filename = Path(os.path.relpath(full, relative_to)).as_posix()
                locations.append((filename, loc.get("line", "")))
            entries.append(Entry(
                context=name, source=msg.findtext("source") or "",
                comment=msg.findtext("comment") or "", numerus=msg.get("numerus") == "yes",
                kind=(tr.get("type", "") if tr is not None else "unfinished"), forms=forms,
                note=msg.findtext("translatorcomment") or "", locations=locations))
    return entries


def lupdate(ts_path: Path, sources=SOURCES, keep_obsolete: bool = False) -> None:
    cmd = [_tool("lupdate"), "-silent", "-extensions", "py", "-locations", "absolute",
           *(str(s) for s in sources), "-ts", str(ts_path)]
    if not keep_obsolete:
        cmd.insert(2, "-no-obsolete")
    _run(cmd)


def lrelease(ts_path: Path, qm_path: Path) -> None:
    qm_path.parent.mkdir(parents=True, exist_ok=True)
    _run([_tool("lrelease"), "-silent", "-nounfinished", str(ts_path), "-qm", str(qm_path)])


# ---------------------------------------------------------------- placeholders

_BRACES = re.compile(r"\{([^{}!:]*)(?:![^{}:]*)?(?::[^{}]*)?\}")
_QT_ARG = re.compile(r"%L?(\d{1,2})")
_QT_N = re.compile(r"%L?n")


def placeholders(text: str) -> Counter:
    """{name}, {} and {0} (Python format), %1…%99 and %n (Qt) in `text`, with counts."""
    found: Counter = Counter()
    plain = text.replace("{{", "").replace("}}", "")
    for name in _BRACES.findall(plain):
        found["{" + name + "}"] += 1
    for num in _QT_ARG.findall(text):
        found["%" + num] += 1
    if _QT_N.search(text):
        found["%n"] += 1
    return found


def placeholder_problem(source: str, translation: str) -> str:
    """'' if the translation keeps the source's placeholders, else what is wrong."""
    want, got = placeholders(source), placeholders(translation)
    # A translation may repeat a named placeholder; it must not lose or invent one.
    parts = []
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    if missing:
        parts.append("missing " + " ".join(missing))
    if extra:
        parts.append("extra " + " ".join(extra))
    if want["{}"] and got["{}"] and want["{}"] != got["{}"]:  # positional: count matters
        parts.append(f"{want['{}']} × {{}} in the source, {got['{}']} in the translation")
    return "; ".join(parts)


# ---------------------------------------------------------------- the check

@dataclass
class Problem:
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


def check(ts_path: Path = TS, qm_path: Path | None = QM, sources=SOURCES) -> list[Problem]:
    """Every problem of the committed .ts (and .qm) against the code, in a stable order."""
    problems: list[Problem] = []
    committed = read_ts(ts_path, relative_to=ts_path.parent)
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts = Path(tmp) / ts_path.name
        shutil.copy(ts_path, fresh_ts)
        lupdate(fresh_ts, sources, keep_obsolete=True)
        fresh = read_ts(fresh_ts, relative_to=ts_path.parent)
        if qm_path is not None:
            built = Path(tmp) / "built.qm"
            lrelease(ts_path, built)
            if not qm_path.exists():
                problems.append(Problem("stale-qm", f"{qm_path.name} is missing"))
            elif qm_path.read_bytes() != built.read_bytes():
                problems.append(Problem(
                    "stale-qm", f"{qm_path.name} differs from what lrelease builds from "
                    f"{ts_path.name} (never edit the .qm; run `python -m tools.i18n update`)"))

    in_code = {e.key: e for e in fresh if e.live}
    live = [e for e in committed if e.live]
    in_ts = {e.key: e for e in live}
    for e in committed:
        if not e.live:
            problems.append(Problem("obsolete", f"{e.label()} is marked {e.kind} in the .ts "
                                    "(run `python -m tools.i18n update` to drop it)"))
    for e in live:
        if e.key not in in_code:
            problems.append(Problem("orphaned", f"{e.label()} is in the .ts but no longer "
                                    f"in the code (was {e.where})"))
    for key, e in in_code.items():
        if key not in in_ts:
            problems.append(Problem("missing", f"{e.label()} at {e.where} is not in the .ts "
                                    "(run `python -m tools.i18n update`)"))
        else:
            old = in_ts[key]
            if sorted({f for f, _ in old.locations}) != sorted({f for f, _ in e.locations}):
                problems.append(Problem("stale", f"{e.label()} is now at {e.where}, the .ts "
                                        f"says {old.where} (run `python -m tools.i18n update`)"))
            elif old.numerus != e.numerus:
                problems.append(Problem("stale", f"{e.label()} changed plural form use "
                                        "(run `python -m tools.i18n update`)"))
    for e in live:
        if not e.finished:
            problems.append(Problem("unfinished", f"{e.label()} at {e.where}"))
            continue
        for form in e.forms:
            trouble = placeholder_problem(e.source, form)
            if trouble:
                problems.append(Problem("placeholder", f"{e.label()} → {form!r}: {trouble}"))
    problems.extend(inconsistencies(live))
    return problems


def inconsistencies(entries: list[Entry]) -> list[Problem]:
    """The same English translated differently (ignoring entries noted 'variant:')."""
    by_source: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for e in entries:
        if e.finished and not e.note.strip().lower().startswith(VARIANT_NOTE):
            by_source[e.source][e.text].append(e.context)
    problems = []
    for source, variants in sorted(by_source.items()):
        if len(variants) > 1:
            ways = " / ".join(f"{text!r} in {', '.join(sorted(ctxs))}"
                              for text, ctxs in sorted(variants.items()))
            problems.append(Problem("inconsistent", f"{source!r} is translated as {ways} "
                                    f"(pick one, or note the odd one '{VARIANT_NOTE} why')"))
    return problems


# ---------------------------------------------------------------- update / set / todo

def update(ts_path: Path = TS, qm_path: Path = QM, sources=SOURCES, quiet: bool = False) -> int:
    before = {e.key: e for e in read_ts(ts_path)} if ts_path.exists() else {}
    lupdate(ts_path, sources)
    after = read_ts(ts_path)
    lrelease(ts_path, qm_path)
    keys = {e.key for e in after}
    added = [e for e in after if e.key not in before]
    dropped = [e for k, e in before.items() if k not in keys]
    todo = [e for e in after if not e.finished]
    if not quiet:
        for e in dropped:
            print(f"dropped (gone from the code): {e.label()} = {e.text!r}")
        for e in added:
            print(f"new: {e.label()} at {e.where}")
        print(f"{ts_path.relative_to(ROOT) if ts_path.is_relative_to(ROOT) else ts_path}: "
              f"{len(after)} strings, {len(added)} new, {len(dropped)} dropped, "
              f"{len(todo)} to translate")
        if todo:
            print("translate them: .venv/bin/pyside6-linguist "
                  "resources/translations/frontdesk_zh_CN.ts, or `python -m tools.i18n set "
                  "CONTEXT \"English\" \"中文\"`; then run `python -m tools.i18n update` again")
    return 1 if todo else 0


def set_translation(context: str, source: str, text: str, note: str | None = None,
                    comment: str | None = None, ts_path: Path = TS, qm_path: Path = QM,
                    sources=SOURCES) -> None:
    """Translate one entry (all its plural forms), then update so the file stays lupdate's."""
    _write_translations(context, source, text, note=note, comment=comment, ts_path=ts_path)
    update(ts_path, qm_path, sources, quiet=True)


def _write_translations(context: str, source: str, text: str, note: str | None = None,
                        comment: str | None = None, ts_path: Path = TS) -> None:
    tree = ET.parse(ts_path)
    hits = []
    contexts = []
    for ctx in tree.getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for msg in ctx.iter("message"):
            contexts.append(msg.findtext("source") or "")
            if msg.findtext("source") == source and (
                    comment is None or (msg.findtext("comment") or "") == comment):
                hits.append(msg)
    if not hits:
        near = difflib.get_close_matches(source, contexts, n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(map(repr, near))}?" if near else ""
        raise SystemExit(f"no entry [{context}] {source!r} in {ts_path.name} "
                         f"(run `python -m tools.i18n update` first){hint}")
    if len(hits) > 1:
        raise SystemExit(f"[{context}] {source!r} has {len(hits)} entries; pass --comment")
    trouble = placeholder_problem(source, text)
    if trouble:
        raise SystemExit(f"placeholder mismatch: {trouble}")
    msg = hits[0]
    tr = msg.find("translation")
    forms = tr.findall("numerusform")
    for form in forms:
        form.text = text
    if not forms:
        tr.text = text
    tr.attrib.pop("type", None)
    if note is not None:
        old = msg.find("translatorcomment")
        if old is not None:
            msg.remove(old)
        if note:
            el = ET.Element("translatorcomment")
            el.text = note
            msg.insert(list(msg).index(tr), el)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)


def todo(ts_path: Path = TS) -> int:
    left = [e for e in read_ts(ts_path) if e.live and not e.finished]
    for e in left:
        print(f"{e.label()} at {e.where}")
    return 1 if left else 0


# ---------------------------------------------------------------- pseudo

_KEEP = re.compile(r"(\{[^{}]*\}|%L?\d{1,2}|%L?n|&&|&\w+;|&\w|<[^>]*>|\s)")
_ACCENTS = str.maketrans("AaCcEeIiNnOoSsUuYyZz", "ÅåÇçÉéÎîÑñÖöŠšÜüÝýŽž")


def pseudo_text(text: str) -> str:
    """［Åççéñţéð~~~］: longer (~40%), bracketed, placeholders and mnemonics untouched."""
    if not text:
        return text
    parts = _KEEP.split(text)
    out = "".join(p if i % 2 else p.translate(_ACCENTS) for i, p in enumerate(parts))
    pad = "~" * max(1, math.ceil(len(text) * 0.4))
    return f"［{out}{pad}］"


def pseudo(qm_path: Path = PSEUDO_QM, ts_path: Path = TS) -> Path:
    tree = ET.parse(ts_path)
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") in DEAD:
            continue
        text = pseudo_text(msg.findtext("source") or "")
        forms = tr.findall("numerusform")
        for form in forms:
            form.text = text
        if not forms:
            tr.text = text
        tr.attrib.pop("type", None)
    with tempfile.TemporaryDirectory() as tmp:
        pseudo_ts = Path(tmp) / "frontdesk_pseudo.ts"
        tree.write(pseudo_ts, encoding="utf-8", xml_declaration=True)
        lrelease(pseudo_ts, qm_path)
    return qm_path


# ---------------------------------------------------------------- command line

@contextlib.contextmanager
def _exclusive(ts_path: Path = TS):
    """One writer of the .ts at a time: several people (or scripts) may update at once."""
    lock = ts_path.with_suffix(".lock")
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def set_many(path: Path, ts_path: Path = TS, qm_path: Path = QM, sources=SOURCES) -> int:
    """Translate every `CONTEXT<TAB>English<TAB>中文` line of `path`; one update at the end."""
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    bad = [row for row in rows if len(row) != 3]
    if bad:
        raise SystemExit(f"expected CONTEXT<TAB>English<TAB>中文, got {bad[0]!r}")
    for context, source, text in rows:
        _write_translations(context, source, text, ts_path=ts_path)
    update(ts_path, qm_path, sources, quiet=True)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.i18n",
                                     description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="Run with no command to update.")
    parser.add_argument("--check", action="store_true", help=argparse.SUPPRESS)  # old spelling
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("update", help="lupdate frontdesk/ into the .ts, then lrelease the .qm")
    sub.add_parser("check", help="verify the .ts and .qm against the code (the test runs this)")
    sub.add_parser("todo", help="list untranslated entries")
    p_set = sub.add_parser("set", help='translate one entry: set CONTEXT "English" "中文"')
    p_set.add_argument("context", nargs="?")
    p_set.add_argument("source", nargs="?")
    p_set.add_argument("translation", nargs="?")
    p_set.add_argument("--from", dest="from_file", type=Path,
                       help="a file of CONTEXT<TAB>English<TAB>中文 lines")
    p_set.add_argument("--note", help="translator comment (e.g. 'variant: why it differs')")
    p_set.add_argument("--comment", help="the disambiguation comment, if the code gives one")
    p_pseudo = sub.add_parser("pseudo", help="build the pseudo-translation .qm (clipping check)")
    p_pseudo.add_argument("--out", type=Path, default=PSEUDO_QM)
    args = parser.parse_args(argv)
    command = "check" if args.check else (args.command or "update")

    if command == "check":
        problems = check()
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} translation problem(s); see `python -m tools.i18n --help`")
        return 1 if problems else 0
    if command == "todo":
        return todo()
    if command == "set":
        with _exclusive():
            if args.from_file is not None:
                print(f"translated {set_many(args.from_file)} entries")
                return 0
            if args.translation is None:
                parser.error('set needs CONTEXT "English" "中文" or --from FILE')
            set_translation(args.context, args.source, args.translation, note=args.note,
                            comment=args.comment)
        return 0
    if command == "pseudo":
        path = pseudo(args.out)
        print(f"built {path}; start the app with FRONTDESK_PSEUDO_TRANSLATION=1 "
              f"(or ={path}) to use it")
        return 0
    with _exclusive():
        return update()


if __name__ == "__main__":
    raise SystemExit(main())
