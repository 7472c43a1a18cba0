"""The standalone bundle, built once per session by installer/build.sh and run like a reception PC.

What travels with the program is proved by using it: the main window opens in
Chinese (translations), `init --demo` loads the house rules (rules), and the
slip and the daily report come out as PDFs with Chinese text in the embedded
CJK font (fonts, reportlab, barcodes). Bad input must give the same message and
exit code as the source install, never a traceback.

Set FRONTDESK_TEST_BUNDLE=<dist folder> to reuse a bundle already built by
installer/build.sh instead of building one (quicker while working on these tests).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.clock import TEST_NOW

pytestmark = [pytest.mark.packaging, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
MiB = 1024 * 1024
BUNDLE_BUDGET = 130 * MiB  # "130 MB" as du -sh counts it
TARBALL_BUDGET = 60 * MiB
CJK = re.compile(r"[\u4e00-\u9fff]")
# Qt plugin folders the spec keeps (installer/frontdesk.spec KEEP_PLUGINS).
ALLOWED_PLUGIN_DIRS = {"platforms", "imageformats", "iconengines", "printsupport",
                       "platforminputcontexts"}


@dataclass(frozen=True)
class Bundle:
    folder: Path  # dist/frontdesk
    exe: Path  # dist/frontdesk/frontdesk
    tarball: Path | None


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Bundle:
    """installer/build.sh run once from the working tree into a temporary dist folder."""
    reuse = os.environ.get("FRONTDESK_TEST_BUNDLE")
    if reuse:
        dist = Path(reuse)
    else:
        for tool in ("objdump", "strip"):
            assert shutil.which(tool), f"{tool} missing: scripts/setup.sh installs binutils"
        out = tmp_path_factory.mktemp("bundle")
        dist = out / "dist"
        env = dict(os.environ, PYTHON=sys.executable, FRONTDESK_DIST=str(dist),
                   FRONTDESK_BUILD=str(out / "build"))
        env.pop("FRONTDESK_BUNDLE_POSTGRES", None)  # the budget is for the standard bundle
        proc = subprocess.run(["bash", str(ROOT / "installer" / "build.sh")], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=1800)
        assert proc.returncode == 0, f"build failed:\n{proc.stdout}\n{proc.stderr[-6000:]}"
        shutil.rmtree(out / "build", ignore_errors=True)  # PyInstaller's work files: 100+ MB
    tarballs = sorted(dist.glob("frontdesk-*-linux-*.tar.gz"))
    folder = dist / "frontdesk"
    assert (folder / "frontdesk").is_file(), f"no bundle in {dist}"
    return Bundle(folder, folder / "frontdesk", tarballs[-1] if tarballs else None)


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("FRONTDESK_DB", "FRONTDESK_LANG", "LANGUAGE", "PYTHONPATH")}
    env.update(QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", FRONTDESK_DATA_DIR=str(data_dir),
               FRONTDESK_NOW=TEST_NOW.isoformat())  # the bundle runs on the tests' day
    env.update(extra)
    return env


def run_bundle(bundle: Bundle, *args: str, data_dir: Path, cwd: Path | None = None,
               exe: Path | None = None, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, str(exe or bundle.exe), *args], env=_env(data_dir),
                          cwd=cwd or tempfile.gettempdir(), capture_output=True, text=True, timeout=180)


def run_source(*args: str, data_dir: Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The same command from the source tree (python -m frontdesk), for comparison."""
    return subprocess.run([sys.executable, "-m", "frontdesk", *args],
                          env=_env(data_dir, PYTHONPATH=str(ROOT)),
                          cwd=cwd or tempfile.gettempdir(),
                          capture_output=True, text=True, timeout=180)


def _ok(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout


def _tree_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


# --- what is in the bundle ----------------------------------------------------------


def test_bundle_and_tarball_within_size_budget(bundle):
    size = _tree_size(bundle.folder)
    assert size <= BUNDLE_BUDGET, f"bundle is {size / MiB:.1f} MB, budget 130 MB"
    if bundle.tarball is not None:
        tar = bundle.tarball.stat().st_size
        assert tar <= TARBALL_BUDGET, f"tarball is {tar / MiB:.1f} MB, budget 60 MB"
    else:
        assert os.environ.get("FRONTDESK_TEST_BUNDLE"), "build.sh made no tarball"


def test_resources_travel_with_the_bundle(bundle):
    res = bundle.folder / "_internal" / "resources"
    for folder, pattern in [("rules", "*.toml"), ("translations", "*.qm"), ("icons", "*"),
                            ("icons/nav", "*.svg"), ("voice/clips", "*.wav")]:
        wanted = {p.name for p in (ROOT / "resources" / folder).glob(pattern)}
        assert wanted and wanted <= {p.name for p in (res / folder).glob(pattern)}, folder
    assert (res / "fonts" / "wqy-microhei.ttc").stat().st_size > 1_000_000
    assert list((res / "fonts").glob("LICENSE*")), "the font's licence must ship with it"
    # Sources of translations stay out: only compiled catalogues are loaded.
    assert not list((res / "translations").rglob("*.toml"))


def test_only_the_qt_parts_the_app_uses_are_bundled(bundle):
    qt = bundle.folder / "_internal" / "PySide6" / "Qt"
    plugin_dirs = {p.name for p in (qt / "plugins").iterdir()}
    assert plugin_dirs <= ALLOWED_PLUGIN_DIRS
    assert {"platforms", "imageformats", "iconengines", "printsupport"} <= plugin_dirs
    assert {p.name for p in (qt / "translations").iterdir()} == {"qtbase_zh_CN.qm"}
    libs = {p.name.split(".")[0] for p in (qt / "lib").iterdir()}
    assert {"libQt6Core", "libQt6Gui", "libQt6Widgets", "libQt6PrintSupport", "libQt6Svg",
            "libQt6Pdf"} <= libs
    assert not libs & {"libQt6Qml", "libQt6Quick", "libQt6OpenGL", "libQt6WaylandClient"}
    dangling = [p for p in bundle.folder.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling


# --- running it ------------------------------------------------------------------------


def test_smoke_opens_the_main_window_in_chinese_like_the_source_install(bundle, tmp_path):
    out = _ok(run_bundle(bundle, "--smoke", data_dir=tmp_path / "a"))
    assert "shown=True" in out
    title = out.strip().splitlines()[-1]
    assert CJK.search(title), f"the Chinese translation did not load: {title}"
    assert title == _ok(run_source("--smoke", data_dir=tmp_path / "b")).strip().splitlines()[-1]
    english = _ok(run_bundle(bundle, "--lang", "en", "--smoke", data_dir=tmp_path / "c"))
    assert "shown=True" in english and not CJK.search(english)


@pytest.fixture(scope="module")
def demo_db(bundle, tmp_path_factory):
    """A demo hospital created by the bundle itself (rules from the bundled TOML files)."""
    work = tmp_path_factory.mktemp("bundle_demo")
    url = f"sqlite:///{work / 'x.sqlite3'}"
    out = _ok(run_bundle(bundle, "--db", url, "init", "--demo", data_dir=work))
    assert CJK.search(out)
    return work, url


def test_init_demo_then_check(bundle, demo_db):
    work, url = demo_db
    out = _ok(run_bundle(bundle, "--db", url, "check", data_dir=work))
    assert "完整性检查通过" in out


def _pdf_has_chinese(pdf: Path) -> str:
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    cjk_fonts = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert cjk_fonts and all(" yes " in line for line in cjk_fonts), fonts  # embedded
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert CJK.search(text), text[:500]
    return text


def test_guide_slip_pdf_from_the_bundle(bundle, demo_db):
    work, url = demo_db
    pdf = work / "guide.pdf"
    _ok(run_bundle(bundle, "--db", url, "slip", "--visit", "1", "--kind", "guide",
                   "--out", str(pdf), data_dir=work))
    assert "导诊单" in _pdf_has_chinese(pdf)


def test_daily_report_pdf_from_the_bundle(bundle, demo_db):
    work, url = demo_db
    pdf = work / "daily.pdf"
    yesterday = (TEST_NOW.date() - dt.timedelta(days=1)).isoformat()  # demo visits: last week
    _ok(run_bundle(bundle, "--db", url, "report", "daily", "--date", yesterday,
                   "--out", str(pdf), data_dir=work))
    _pdf_has_chinese(pdf)


# --- bad input: the same clear message as the source install ---------------------------


def _bad_input_cases(tmp: Path) -> dict[str, tuple[list[str], Path]]:
    """name -> (arguments, data dir). A regular file stands in for a folder, so the
    cases fail even for root, who may write anywhere."""
    blocker = tmp / "not-a-folder"
    blocker.write_text("x")
    junk = tmp / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 10)
    ok_data = tmp / "data"
    return {
        "unknown scheme": (["--db", "mysql://desk@host/frontdesk", "check"], ok_data),
        "db pointing nowhere": (["--db", f"sqlite:///{blocker}/sub/x.sqlite3", "check"], ok_data),
        "not a database": (["--db", f"sqlite:///{junk}", "check"], ok_data),
        "data dir not writable": (["check"], blocker / "Frontdesk"),
        "smoke with data dir not writable": (["--smoke"], blocker / "Frontdesk"),
    }


@pytest.mark.parametrize("case", ["unknown scheme", "db pointing nowhere", "not a database",
                                  "data dir not writable", "smoke with data dir not writable"])
def test_bad_input_gives_the_source_install_message(bundle, tmp_path, case):
    args, data_dir = _bad_input_cases(tmp_path)[case]
    frozen = run_bundle(bundle, *args, data_dir=data_dir, cwd=tmp_path)
    source = run_source(*args, data_dir=data_dir, cwd=tmp_path)
    assert frozen.returncode != 0
    assert "Traceback" not in frozen.stderr, frozen.stderr
    assert frozen.stderr.startswith("frontdesk: ") and CJK.search(frozen.stderr), frozen.stderr
    assert (frozen.returncode, frozen.stderr) == (source.returncode, source.stderr)


def _as_unprivileged() -> tuple[str, ...] | None:
    """A command prefix that drops root, so file permissions apply; () when not root."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return (setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups")


def test_bundle_runs_from_a_read_only_folder(bundle):
    """Installed under /opt and owned by root: the program never writes beside itself."""
    prefix = _as_unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    base = Path(tempfile.mkdtemp(prefix="frontdesk-ro-"))
    try:
        os.chmod(base, 0o755)
        copy = base / "frontdesk"
        shutil.copytree(bundle.folder, copy, symlinks=True)
        data = base / "data"
        data.mkdir(mode=0o777)
        os.chmod(data, 0o777)
        for path in [copy, *copy.rglob("*")]:
            if not path.is_symlink():
                mode = path.stat().st_mode
                path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
                           | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        out = _ok(run_bundle(bundle, "--smoke", data_dir=data, cwd=data,
                             exe=copy / "frontdesk", prefix=prefix))
        assert "shown=True" in out
        assert not [p for p in copy.rglob("*") if p.suffix in (".pyc", ".log", ".sqlite3")]
    finally:
        for path in [base, *base.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | stat.S_IWUSR)
        shutil.rmtree(base, ignore_errors=True)
