"""`frontdesk slip`: a visit's slip as a PDF file, and clear failures that leave no file."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def frontdesk(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "frontdesk", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)


def pdftotext(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("slipcli") / "demo.sqlite3"
    out = frontdesk("--db", f"sqlite:///{path}", "init", "--demo")
    assert out.returncode == 0, out.stderr
    return path


@pytest.fixture
def demo(demo_template, tmp_path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    return path


def query(path: Path, sql: str, *params):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def a_visit(path: Path, vip: bool):
    """(visit id, patient name, record no, department, queue short, queue no, fee class name)."""
    tiers = ("gold", "diamond") if vip else ("",)
    return query(path, f"""
        SELECT v.id, p.name, p.record_no, d.name_zh, d.short_zh, v.queue_no, f.name_zh
        FROM visit v JOIN patient p ON p.id = v.patient_id
        JOIN department d ON d.id = v.department_id
        JOIN doctor doc ON doc.id = v.doctor_id JOIN fee_class f ON f.id = doc.fee_class_id
        WHERE p.vip_tier IN ({",".join("?" * len(tiers))}) AND v.queue_no IS NOT NULL
        ORDER BY v.id LIMIT 1""", *tiers)[0]


def audit_rows(path: Path, visit_id: int):
    # A registered patient's slip is logged as an access to the patient, the visit in detail.
    return query(path, "SELECT action, staff_id, detail FROM audit_log "
                       "WHERE (entity = 'visit' AND entity_id = ?) OR (entity = 'patient' "
                       "AND json_extract(detail, '$.visit') = ?)", str(visit_id), visit_id)


def test_guide_slip_shows_the_masked_name_never_the_full_one(demo, tmp_path):
    visit_id, name, _record, dept, short, queue_no, _fee = a_visit(demo, vip=False)
    out_file = tmp_path / "guide.pdf"
    out = frontdesk("--db", f"sqlite:///{demo}", "slip", "--visit", str(visit_id),
                    "--kind", "guide", "--out", str(out_file))
    assert out.returncode == 0, out.stderr
    assert str(out_file) in out.stdout
    assert out_file.read_bytes().startswith(b"%PDF")
    text = pdftotext(out_file)
    from frontdesk.slips import mask_name

    masked = mask_name(name)
    assert masked != name and "*" in masked
    assert f"患者： {masked}" in text or f"患者：{masked}" in text
    assert name not in text
    for expected in ("导诊单", dept, f"{short}-{queue_no:03d}", "祝您健康", "仁和医院"):
        assert expected in text
    # the export is audited as the system: no staff member behind it
    rows = audit_rows(demo, visit_id)
    assert len(rows) == 1
    action, staff_id, detail = rows[0]
    assert (action, staff_id) == ("export", None)
    assert '"kind": "guide"' in detail and '"format": "roll80"' in detail


def test_billing_slip_with_waiver_in_a4(demo, tmp_path):
    visit_id, name, record, dept, _short, _no, fee_class = a_visit(demo, vip=True)
    out_file = tmp_path / "billing.pdf"
    out = frontdesk("--db", f"sqlite:///{demo}", "slip", "--visit", str(visit_id),
                    "--kind", "billing", "--out", str(out_file), "--format", "a4")
    assert out.returncode == 0, out.stderr
    text = pdftotext(out_file)
    for expected in ("缴费单", name, record, dept, fee_class, "免挂号费", "¥0.00"):
        assert expected in text
    info = subprocess.run(["pdfinfo", str(out_file)], capture_output=True, text=True).stdout
    assert "595.276 x 841.89" in info or "595.28 x 841.89" in info  # A4 in points


def test_format_defaults_to_the_setting(demo, tmp_path):
    visit_id = a_visit(demo, vip=False)[0]
    con = sqlite3.connect(demo)
    con.execute("INSERT OR REPLACE INTO setting (key, value) VALUES "
                "('slips.guide.format', '\"a5\"')")
    con.commit()
    con.close()
    out_file = tmp_path / "g.pdf"
    out = frontdesk("--db", f"sqlite:///{demo}", "slip", "--visit", str(visit_id),
                    "--kind", "guide", "--out", str(out_file))
    assert out.returncode == 0, out.stderr
    info = subprocess.run(["pdfinfo", str(out_file)], capture_output=True, text=True).stdout
    assert "419.528 x 595.276" in info or "419.53 x 595.28" in info  # A5 in points


def add_visit_without_department(path: Path) -> int:
    """A visit just greeted at the door: no department, no patient yet."""
    from frontdesk.db import connection
    from frontdesk.db.models import Visit
    from frontdesk.db.session import open_database

    open_database(f"sqlite:///{path}")
    try:
        return Visit.create(visit_date="2026-11-23", stage="GREETING").id
    finally:
        connection.close()


def no_file_left(folder: Path) -> bool:
    return not any(folder.iterdir())


def test_unknown_visit_fails_clearly(demo, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = frontdesk("--db", f"sqlite:///{demo}", "--lang", "en", "slip", "--visit", "987654",
                    "--kind", "guide", "--out", str(out_dir / "x.pdf"))
    assert out.returncode == 2
    assert "No visit with id 987654" in out.stderr and "Traceback" not in out.stderr
    assert no_file_left(out_dir)


def test_visit_without_department_fails_clearly(demo, tmp_path):
    visit_id = add_visit_without_department(demo)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for kind in ("guide", "billing"):
        out = frontdesk("--db", f"sqlite:///{demo}", "slip", "--visit", str(visit_id),
                        "--kind", kind, "--out", str(out_dir / f"{kind}.pdf"))
        assert out.returncode == 2
        assert "分诊" in out.stderr and "Traceback" not in out.stderr
    assert no_file_left(out_dir)
    assert audit_rows(demo, visit_id) == []


def test_missing_folder_fails_clearly(demo, tmp_path):
    visit_id = a_visit(demo, vip=False)[0]
    target = tmp_path / "no" / "such" / "folder" / "x.pdf"
    out = frontdesk("--db", f"sqlite:///{demo}", "--lang", "en", "slip", "--visit",
                    str(visit_id), "--kind", "guide", "--out", str(target))
    assert out.returncode == 2
    assert "folder does not exist" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "no").exists()
    assert audit_rows(demo, visit_id) == []


@pytest.mark.permissions
def test_readonly_folder_fails_clearly(demo, tmp_path):
    visit_id = a_visit(demo, vip=False)[0]
    if os.geteuid() == 0:
        # root writes through permission bits; a read-only file system still says no
        folder = Path("/proc")
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
    before = set(os.listdir(folder))
    try:
        out = frontdesk("--db", f"sqlite:///{demo}", "--lang", "en", "slip", "--visit",
                        str(visit_id), "--kind", "billing", "--out", str(folder / "x.pdf"))
    finally:
        if folder != Path("/proc"):
            folder.chmod(0o755)
    assert out.returncode == 2
    assert "Cannot write" in out.stderr and "Traceback" not in out.stderr
    if folder != Path("/proc"):
        assert set(os.listdir(folder)) == before
    assert audit_rows(demo, visit_id) == []


def test_existing_file_is_replaced_whole(demo, tmp_path):
    visit_id = a_visit(demo, vip=False)[0]
    out_file = tmp_path / "slip.pdf"
    out_file.write_bytes(b"%PDF-1.4 old contents")
    out = frontdesk("--db", f"sqlite:///{demo}", "slip", "--visit", str(visit_id),
                    "--kind", "billing", "--out", str(out_file), "--force")
    assert out.returncode == 0, out.stderr
    assert out_file.read_bytes().startswith(b"%PDF")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".slip.pdf.")]


@pytest.mark.parametrize("name", ["slip.txt", "slip", "slip.pdf.csv"])
def test_a_slip_named_other_than_pdf_is_refused_before_anything_is_read(tmp_path, name):
    """`--out slip.txt` wrote a PDF under a .txt name; now it asks for a .pdf name (the
    database is not even opened: a missing one is not created)."""
    db = tmp_path / "none.sqlite3"
    out = frontdesk("--db", f"sqlite:///{db}", "--lang", "en", "slip", "--visit", "1",
                    "--kind", "guide", "--out", str(tmp_path / name))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert ".pdf" in out.stderr
    assert not (tmp_path / name).exists() and not db.exists()
