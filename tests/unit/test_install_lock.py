"""Reproducible installs: constraints.txt pins what pyproject.toml allows, and every install uses it.

Also scripts/setup.sh's behaviour without root and sudo, and its no-op re-run,
driven through stub programs first in PATH (no apt, pip or network involved).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "constraints.txt"
SETUP = ROOT / "scripts" / "setup.sh"
BASH = shutil.which("bash") or "/bin/bash"


def _load_checker():
    spec = importlib.util.spec_from_file_location(
        "check_constraints", ROOT / "installer" / "check_constraints.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


checker = _load_checker()


def _pyproject_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs.extend(extra)
    return [Requirement(r) for r in reqs]


PINS = checker.read_pins(CONSTRAINTS)


def test_every_pyproject_dependency_is_pinned_inside_its_range():
    missing, outside = [], []
    for req in _pyproject_requirements():
        name = checker.normalize(req.name)
        if name not in PINS:
            missing.append(req.name)
        elif not req.specifier.contains(PINS[name], prereleases=True):
            outside.append(f"{req.name}=={PINS[name]} not in {req.specifier}")
    assert not missing, (
        f"pyproject.toml names {missing} but constraints.txt has no pin for them: add "
        "name==version (see docs/PACKAGING.md, 'The lock file')")
    assert not outside, f"constraints.txt pins outside pyproject.toml's ranges: {outside}"


def test_build_tools_and_test_tools_are_pinned():
    for name in ("ruff", "pyinstaller", "pyinstaller-hooks-contrib", "pytest-timeout",
                 "setuptools", "pip"):
        assert name in PINS, name


def test_the_lock_is_closed_under_dependencies():
    """Whatever a pinned, installed package requires here is pinned too (transitively)."""
    env = default_environment()
    unpinned = set()
    for name in PINS:
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue  # e.g. a build-only venv without the test tools
        for line in requires:
            req = Requirement(line)
            if req.marker is not None and not req.marker.evaluate({**env, "extra": ""}):
                continue  # an extra of that package we do not ask for, or another platform
            if checker.normalize(req.name) not in PINS:
                unpinned.add(f"{req.name} (needed by {name})")
    assert not unpinned, f"not in constraints.txt: {sorted(unpinned)}"


def test_this_venv_matches_the_lock():
    assert checker.mismatches(PINS, checker.installed_versions()) == []


def test_constraints_lines_are_exact_pins_without_the_project_itself():
    assert "frontdesk" not in PINS
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9._-]+==[A-Za-z0-9.+!_-]+", line.strip()), line


@pytest.mark.parametrize("script", ["scripts/setup.sh", "installer/build.sh",
                                    "installer/windows/build.ps1"])
def test_every_install_path_uses_the_constraints(script):
    text = (ROOT / script).read_text(encoding="utf-8")
    assert "-c constraints.txt" in text
    if script != "scripts/setup.sh":  # the bundle builds refuse versions other than the lock's
        assert "check_constraints.py constraints.txt" in text


def test_windows_batch_file_runs_the_powershell_build():
    text = (ROOT / "installer" / "windows" / "build.bat").read_text(encoding="utf-8")
    assert 'build.ps1" %*' in text


def test_docs_say_how_to_refresh_the_lock():
    text = (ROOT / "docs" / "PACKAGING.md").read_text(encoding="utf-8")
    assert "scripts/lock.sh" in text and (ROOT / "scripts" / "lock.sh").is_file()


def test_checker_reports_a_different_version(tmp_path, capsys):
    pins = tmp_path / "c.txt"
    pins.write_text("# comment\nPeeWee==0.0.1\nnot-installed-anywhere==1.0\n"
                    'pytest==0.0.1 ; sys_platform == "nonexistent-os"\n', encoding="utf-8")
    assert checker.main([str(pins)]) == 1
    err = capsys.readouterr().err
    assert "peewee: installed" in err and "pins 0.0.1" in err
    assert "not-installed-anywhere:" not in err and "pytest:" not in err  # absent; marker false
    assert "-c " in err  # says how to fix it

    pins.write_text(f"peewee=={metadata.version('peewee')}\n", encoding="utf-8")
    assert checker.main([str(pins)]) == 0


def test_checker_refuses_a_range(tmp_path):
    pins = tmp_path / "c.txt"
    pins.write_text("peewee>=3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="exact pin"):
        checker.read_pins(pins)


# --- scripts/setup.sh through stubs -------------------------------------------------------

def _stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)


def _stubs(tmp_path: Path, *, uid: int, missing: tuple[str, ...]) -> Path:
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    calls = tmp_path / "calls.log"
    _stub(stubs, "id", f'[ "$1" = "-u" ] && echo {uid} || echo "uid={uid}"')
    cases = "|".join(missing) or "__none__"
    _stub(stubs, "dpkg", f'echo "dpkg $*" >> {calls}\ncase "$2" in {cases}) exit 1;; esac\nexit 0')
    _stub(stubs, "apt-get", f'echo "apt-get $*" >> {calls}\nexit 0')
    return stubs


def _run_setup(args, path: str, tmp_path: Path, **env):
    return subprocess.run([BASH, str(SETUP), *args], capture_output=True, text=True, timeout=60,
                          env={"PATH": path, "HOME": str(tmp_path), "LANG": "C.UTF-8", **env})


def test_setup_without_root_or_sudo_prints_the_apt_command(tmp_path):
    stubs = _stubs(tmp_path, uid=1000, missing=("libxcb-cursor0", "fonts-wqy-microhei"))
    tools = tmp_path / "tools"  # the few real programs the script needs before that point
    tools.mkdir()
    for tool in ("dirname",):
        os.symlink(shutil.which(tool), tools / tool)
    proc = _run_setup(["--demo"], f"{stubs}:{tools}", tmp_path,
                      FRONTDESK_VENV=str(tmp_path / "venv"))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "command not found" not in proc.stderr
    assert "apt-get update && apt-get install -y libxcb-cursor0 fonts-wqy-microhei" in proc.stderr
    assert "not root and has no sudo" in proc.stderr
    assert "bash scripts/setup.sh --demo" in proc.stderr  # and what to do afterwards
    calls = (tmp_path / "calls.log").read_text(encoding="utf-8")
    assert "apt-get" not in calls  # nothing was attempted
    assert not (tmp_path / "venv").exists()


def test_setup_rejects_an_unknown_mode_before_installing_anything(tmp_path):
    stubs = _stubs(tmp_path, uid=1000, missing=())
    proc = _run_setup(["--bogus"], f"{stubs}:{os.environ['PATH']}", tmp_path)
    assert proc.returncode == 2
    assert "usage: scripts/setup.sh" in proc.stderr
    assert not (tmp_path / "calls.log").exists()


def test_setup_runs_pip_only_when_pyproject_or_constraints_changed(tmp_path):
    stubs = _stubs(tmp_path, uid=1000, missing=())
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    pip_log = tmp_path / "pip.log"
    _stub(venv / "bin", "python", f'echo "$*" >> {pip_log}')
    path = f"{stubs}:{os.environ['PATH']}"

    first = _run_setup(["--install-only"], path, tmp_path, FRONTDESK_VENV=str(venv))
    assert first.returncode == 0, first.stderr
    calls = pip_log.read_text(encoding="utf-8").splitlines()
    assert calls == ["-m pip install -q -c constraints.txt --upgrade pip",
                     "-m pip install -q -c constraints.txt -e .[test,package,postgres]"]
    assert (venv / ".frontdesk-install-stamp").is_file()

    again = _run_setup(["--install-only"], path, tmp_path, FRONTDESK_VENV=str(venv))
    assert again.returncode == 0, again.stderr
    assert pip_log.read_text(encoding="utf-8").splitlines() == calls  # pip not run again
    assert "up to date" in again.stdout

    (venv / ".frontdesk-install-stamp").write_text("something older\n", encoding="utf-8")
    third = _run_setup(["--install-only"], path, tmp_path, FRONTDESK_VENV=str(venv))
    assert third.returncode == 0, third.stderr
    assert len(pip_log.read_text(encoding="utf-8").splitlines()) == 4


@pytest.mark.skipif(sys.platform == "win32", reason="bash script")
def test_lock_script_is_valid_bash():
    assert subprocess.run([BASH, "-n", str(ROOT / "scripts" / "lock.sh")]).returncode == 0
