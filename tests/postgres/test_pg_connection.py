"""Connecting to a PostgreSQL server that is down, refuses us or lacks the database; backups
and the command line on a server database."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from frontdesk.admin import backup
from frontdesk.db import connection
from frontdesk.db.session import open_database
from frontdesk.errors import ConfigError
from tests.postgres.conftest import APP_PASSWORD, APP_ROLE, ROOT, _free_port

pytestmark = pytest.mark.postgres


def refused(url: str) -> ConfigError:
    with pytest.raises(ConfigError) as err:
        open_database(url)
    exc = err.value
    for lang in ("zh_CN", "en"):
        text = exc.message(lang)
        assert APP_PASSWORD not in text and "s%40cret" not in text  # never the password
        assert "Traceback" not in text and "\n" not in text
    return exc


def test_server_down_names_host_and_database(pg_cluster):
    port = _free_port()  # nothing listens there
    exc = refused(pg_cluster.url("frontdesk", port=port))
    assert f"127.0.0.1:{port}" in exc.message("en") and "frontdesk" in exc.message("en")
    assert "Cannot reach the database server" in exc.message("en")
    assert f"127.0.0.1:{port}" in exc.message("zh_CN") and "无法连接数据库服务器" in exc.message("zh_CN")


def test_wrong_password(pg_cluster, pg_url):
    name = pg_url.rsplit("/", 1)[1]
    exc = refused(pg_cluster.url(name, password="wrong"))
    assert f"user {APP_ROLE}" in exc.message("en") and name in exc.message("en")
    assert "用户名或密码不对" in exc.message("zh_CN")


def test_unknown_role(pg_cluster, pg_url):
    name = pg_url.rsplit("/", 1)[1]
    exc = refused(pg_cluster.url(name, user="nobody_here", password="x"))
    assert "nobody_here" in exc.message("en") and "wrong user name or password" in exc.message("en")


def test_missing_database(pg_cluster):
    exc = refused(pg_cluster.url("no_such_db"))
    assert "has no database no_such_db" in exc.message("en")
    assert f"127.0.0.1:{pg_cluster.port}" in exc.message("en")
    assert "没有数据库 no_such_db" in exc.message("zh_CN")


def test_role_that_may_not_create_tables(pg_cluster, pg_url):
    """A login role that does not own the (empty) database cannot create the schema."""
    pg_cluster.sql("DO $$ BEGIN CREATE ROLE reader LOGIN PASSWORD 'r'; "
                   "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    name = pg_url.rsplit("/", 1)[1]
    exc = refused(pg_cluster.url(name, user="reader", password="r"))
    assert "User reader may not create" in exc.message("en") and name in exc.message("en")
    assert "owner" in exc.message("en") and "所有者" in exc.message("zh_CN")


def test_url_options_reach_the_driver():
    db = connection.make_database(
        "postgresql://desk:s%40cret@db.local/frontdesk?sslmode=require&connect_timeout=3")
    assert db.connect_params["sslmode"] == "require"
    assert db.connect_params["connect_timeout"] == "3"
    assert db.connect_params["password"] == "s@cret" and db.connect_params["host"] == "db.local"
    default = connection.make_database("postgresql://desk@db.local/frontdesk")
    assert default.connect_params["connect_timeout"] == str(connection.PG_CONNECT_TIMEOUT)


def test_unix_socket_url(pg_cluster, pg_url):
    """?host=/folder connects over the server's unix socket (trusted for local users here)."""
    name = pg_url.rsplit("/", 1)[1]
    url = (f"postgresql://{APP_ROLE}@/{name}?host={pg_cluster.root}"
           f"&port={pg_cluster.port}")
    db = open_database(url)
    assert db.execute_sql("SELECT current_user").fetchone()[0] == APP_ROLE


def test_backup_points_at_pg_dump(pg_rules_db, tmp_path):
    with pytest.raises(ConfigError) as err:
        backup.make_backup(tmp_path)
    assert "pg_dump" in err.value.message("en") and "pg_dump" in err.value.message("zh_CN")
    assert backup.auto_backup() is None  # the daily backup is the server's job
    assert list(tmp_path.iterdir()) == []


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable, "-m", "frontdesk", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_on_a_server_that_is_down(pg_cluster):
    url = pg_cluster.url("frontdesk", port=_free_port())
    result = cli("--lang", "en", "--db", url, "check")
    assert result.returncode == 2
    assert "Cannot reach the database server" in result.stderr
    assert "Traceback" not in result.stderr and APP_PASSWORD not in result.stderr


def test_cli_check_init_and_backup_on_postgres(pg_url):
    result = cli("--lang", "en", "--db", pg_url, "check")
    assert result.returncode == 0, result.stderr
    assert "schema version" in result.stdout and "Connected to the database server" in result.stdout
    result = cli("--lang", "en", "--db", pg_url, "backup")
    assert result.returncode == 2 and "pg_dump" in result.stderr
    assert "Traceback" not in result.stderr


def test_password_from_the_environment_instead_of_the_url(pg_cluster, pg_url, monkeypatch):
    """libpq's own PGPASSWORD (or a pgpass file) keeps the password out of FRONTDESK_DB."""
    name = pg_url.rsplit("/", 1)[1]
    monkeypatch.setenv("PGPASSWORD", APP_PASSWORD)
    db = open_database(pg_cluster.url(name, password=None))
    assert db.execute_sql("SELECT current_database()").fetchone()[0] == name


def test_desks_carry_on_after_the_server_restarts(pg_cluster, pg_rules_db, pg_make_staff):
    """A server restart drops every desk's connection: the next step reconnects (its BEGIN
    meets the dropped connection, nothing done yet, so it starts over on a fresh one)."""
    from peewee import OperationalError as PeeweeOperationalError

    from frontdesk import reception
    from frontdesk.db.models import Setting, Visit

    guide = pg_make_staff("guide")
    before = reception.new_arrival(actor=guide, booked=False, first_visit=True)
    pg_cluster.restart()
    after = reception.new_arrival(actor=guide, booked=False, first_visit=True)
    assert after.id != before.id and Visit.select().count() == 2

    pg_cluster.restart()
    # A lone read is not retried (the desk shows the error); the next one reconnects.
    with pytest.raises(PeeweeOperationalError) as err:
        Setting.select().count()
    said = connection.describe_database_error("postgresql://desk@db.local/fd", err.value)
    assert "Cannot reach the database server db.local:5432 (database fd)" in said.message("en")
    assert Setting.select().count() > 0
