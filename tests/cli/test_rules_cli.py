"""`frontdesk rules reload`: a database made with older triage rules gets the current file."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def frontdesk(*args, data_dir: Path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               FRONTDESK_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "frontdesk", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)


def _stored(path: Path) -> tuple[dict, str, int]:
    con = sqlite3.connect(path)
    try:
        rows = dict(con.execute("SELECT key, value FROM setting WHERE key IN "
                                "('rules.triage', 'triage.rules_version')").fetchall())
        audit = con.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND "
                            "entity = 'setting' AND entity_id = 'rules.triage'").fetchone()[0]
    finally:
        con.close()
    return json.loads(rows["rules.triage"]), rows.get("triage.rules_version", ""), audit


def test_an_older_rule_document_is_replaced_and_every_desk_told(tmp_path):
    path = tmp_path / "h.sqlite3"
    url = f"sqlite:///{path}"
    assert frontdesk("--db", url, "init", "--demo", data_dir=tmp_path).returncode == 0
    doc, _version, _audit = _stored(path)
    # As a database made before this release would hold it: fewer red flags, no synonyms.
    old = {**doc, "red_flags": doc["red_flags"][:3], "synonyms": {}}
    con = sqlite3.connect(path)
    con.execute("UPDATE setting SET value = ? WHERE key = 'rules.triage'",
                (json.dumps(old, ensure_ascii=False),))
    con.commit()
    con.close()
    version_before = _stored(path)[1]
    out = frontdesk("--db", url, "rules", "reload", data_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "已重新载入分诊规则" in out.stdout
    doc_after, version_after, audits = _stored(path)
    assert doc_after == doc  # the installed triage.toml again
    assert version_after != version_before and audits == 1


def test_a_broken_rules_file_is_a_message_and_changes_nothing(tmp_path):
    path = tmp_path / "h.sqlite3"
    url = f"sqlite:///{path}"
    assert frontdesk("--db", url, "init", "--demo", data_dir=tmp_path).returncode == 0
    before = _stored(path)
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "resources" / "rules", folder)
    (folder / "triage.toml").write_text("[[red_flag]]\ncode = 'x'\npatterns = ['(']\n",
                                        encoding="utf-8")
    out = frontdesk("--db", url, "--lang", "en", "rules", "reload", "--folder", str(folder),
                    data_dir=tmp_path)
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    assert "triage.toml" in out.stderr
    assert _stored(path) == before


def test_check_says_when_the_database_keeps_older_triage_rules(tmp_path):
    path = tmp_path / "h.sqlite3"
    url = f"sqlite:///{path}"
    assert frontdesk("--db", url, "init", "--demo", data_dir=tmp_path).returncode == 0
    fresh = frontdesk("--db", url, "check", data_dir=tmp_path)
    assert fresh.returncode == 0, fresh.stderr
    assert "rules reload" not in fresh.stdout
    doc = _stored(path)[0]
    con = sqlite3.connect(path)
    con.execute("UPDATE setting SET value = ? WHERE key = 'rules.triage'",
                (json.dumps({**doc, "red_flags": doc["red_flags"][:3]}, ensure_ascii=False),))
    con.commit()
    con.close()
    old = frontdesk("--db", url, "check", data_dir=tmp_path)
    assert old.returncode == 0, old.stderr  # not a fault: the desks still triage
    assert "frontdesk rules reload" in old.stdout and "triage.toml" in old.stdout
    assert frontdesk("--db", url, "rules", "reload", data_dir=tmp_path).returncode == 0
    assert "rules reload" not in frontdesk("--db", url, "check", data_dir=tmp_path).stdout
