"""A throwaway PostgreSQL cluster for the tests that need a real server.

One cluster per test session: `initdb` into a temporary folder, `pg_ctl start`
listening on 127.0.0.1 at a free port (and a unix socket in that folder), every
test gets its own database, and the cluster is stopped and deleted at the end.
initdb refuses to run as root, so as root (CI) the server runs as the
`postgres` user (or `nobody`) through runuser/setpriv.

Set up the way docs/POSTGRES.md tells an IT admin to: the app connects as an
ordinary role (`frontdesk`, password login over TCP) that owns its database,
never as the superuser. Test databases use an ICU Chinese collation when the
server has ICU, as a hospital's server in China would, so nothing may depend
on the byte order of the database's default collation.

No server binaries → the tests are skipped (say so); binaries present but the
server does not start → the tests fail, with the server's log.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUPERUSER, SUPERUSER_PASSWORD = "postgres", "pg-superuser-secret"
APP_ROLE, APP_PASSWORD = "frontdesk", "desk s@cret/1"  # URL-quoting is part of the test
ICU_LOCALE = "zh"


def find_bindir() -> Path | None:
    """FRONTDESK_PG_BINDIR, else Debian's newest /usr/lib/postgresql/<ver>/bin, else PATH."""
    env = os.environ.get("FRONTDESK_PG_BINDIR")
    candidates = [Path(env)] if env else []
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += [Path(p) for p in sorted(versions, key=lambda p: _version_key(p), reverse=True)]
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).parent)
    for c in candidates:
        if (c / "initdb").is_file() and (c / "pg_ctl").is_file():
            return c
    return None


def _version_key(path: str) -> tuple:
    part = Path(path).parent.name
    return tuple(int(x) for x in part.split(".") if x.isdigit())


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_user() -> str | None:
    """The unprivileged user to run the server as when we are root; None when we are not."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    pytest.fail("running as root and neither a 'postgres' nor a 'nobody' user exists")


@dataclass
class Cluster:
    bindir: Path
    root: Path
    user: str | None
    port: int = 0
    icu: bool = False
    _names: itertools.count = field(default_factory=itertools.count)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def _as_server(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess:
        prefix: list[str] = []
        if self.user is not None:
            if shutil.which("runuser"):
                prefix = ["runuser", "-u", self.user, "--"]
            else:
                entry = pwd.getpwnam(self.user)
                prefix = ["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}",
                          "--clear-groups"]
        env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        env.pop("PGDATA", None)
        result = subprocess.run([*prefix, *cmd], cwd=self.root, env=env, capture_output=True,
                                text=True, timeout=120)
        if check and result.returncode != 0:
            pytest.fail(f"{' '.join(cmd[:2])} failed ({result.returncode}):\n{result.stdout}\n"
                        f"{result.stderr}\n{self.log_tail()}")
        return result

    def log_tail(self) -> str:
        try:
            return "server log:\n" + "\n".join(self.log.read_text().splitlines()[-30:])
        except OSError:
            return "(no server log)"

    def init(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            for path in (self.root, pwfile):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._as_server(str(self.bindir / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
                        f"--pwfile={pwfile}", "--auth-local=trust",
                        "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
        pwfile.unlink()

    def _start(self) -> subprocess.CompletedProcess:
        # fsync and friends off: a throwaway cluster on a shared, busy test machine.
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c unix_socket_directories={self.root} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40 "
                   "-c shared_buffers=16MB")
        # -l: the server must not inherit our captured stdout (we would wait for it for ever).
        return self._as_server(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l",
                               str(self.log), "-w", "-t", "60", "-o", options, "start",
                               check=False)

    def start(self) -> None:
        for _attempt in range(3):  # a free port can be taken by someone else meanwhile
            self.port = _free_port()
            result = self._start()
            if result.returncode == 0:
                return
        pytest.fail(f"PostgreSQL did not start:\n{result.stdout}\n{result.stderr}\n"
                    f"{self.log_tail()}")

    def stop(self) -> None:
        self._as_server(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast",
                        "-w", "stop", check=False)

    def restart(self) -> None:
        """Stop and start the server on the same port: every open connection is dropped."""
        self.stop()
        result = self._start()
        if result.returncode != 0:
            pytest.fail(f"PostgreSQL did not restart:\n{result.stderr}\n{self.log_tail()}")

    def admin(self):
        """A superuser connection to the maintenance database (autocommit)."""
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user=SUPERUSER,
                                password=SUPERUSER_PASSWORD, dbname="postgres")
        conn.autocommit = True
        return conn

    def sql(self, statement: str, params=None) -> list[tuple]:
        conn = self.admin()
        try:
            with conn.cursor() as cur:
                cur.execute(statement, params)
                return cur.fetchall() if cur.description else []
        finally:
            conn.close()

    def url(self, dbname: str, *, user: str = APP_ROLE, password: str | None = APP_PASSWORD,
            host: str = "127.0.0.1", port: int | None = None) -> str:
        auth = quote(user, safe="")
        if password is not None:
            auth += ":" + quote(password, safe="")
        return f"postgresql://{auth}@{host}:{port or self.port}/{dbname}"

    def new_name(self, prefix: str = "fd") -> str:
        return f"{prefix}_{next(self._names)}_{uuid.uuid4().hex[:6]}"

    def create_database(self, name: str | None = None, *, template: str | None = None) -> str:
        """A database owned by the app's role: ICU Chinese collation, or a copy of `template`."""
        name = name or self.new_name()
        if template is not None:
            self.sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}" OWNER {APP_ROLE}')
        elif self.icu:
            self.sql(f'CREATE DATABASE "{name}" TEMPLATE template0 OWNER {APP_ROLE} '
                     f"LOCALE_PROVIDER icu ICU_LOCALE '{ICU_LOCALE}' LOCALE 'C.UTF-8'")
        else:
            self.sql(f'CREATE DATABASE "{name}" TEMPLATE template0 OWNER {APP_ROLE}')
        return name

    def drop_database(self, name: str) -> None:
        # WITH (FORCE): a test that failed mid-way may have left a connection open.
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _icu_available(cluster: Cluster) -> bool:
    probe = cluster.new_name("icu_probe")
    try:
        cluster.sql(f'CREATE DATABASE "{probe}" TEMPLATE template0 LOCALE_PROVIDER icu '
                    f"ICU_LOCALE '{ICU_LOCALE}' LOCALE 'C.UTF-8'")
    except Exception:  # noqa: BLE001 - older server or no ICU: the default collation it is
        return False
    cluster.drop_database(probe)
    return True


@pytest.fixture(scope="session")
def pg_cluster():
    """The session's PostgreSQL server (skipped when the binaries are not installed)."""
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        pytest.skip("psycopg2 is not installed (pip install -e '.[postgres]')")
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not found (apt-get install -y postgresql, "
                    "or set FRONTDESK_PG_BINDIR)")
    root = Path(tempfile.mkdtemp(prefix="frontdesk-pg-"))
    cluster = Cluster(bindir=bindir, root=root, user=_server_user())
    try:
        cluster.init()
        cluster.start()
        cluster.sql(f"CREATE ROLE {APP_ROLE} LOGIN PASSWORD %s", (APP_PASSWORD,))
        cluster.icu = _icu_available(cluster)
        yield cluster
    finally:
        if cluster.data.exists():
            cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_cluster):
    """URL of a fresh, empty database for this test (dropped afterwards)."""
    name = pg_cluster.create_database()
    yield pg_cluster.url(name)
    from frontdesk.db import connection

    connection.close()
    pg_cluster.drop_database(name)


@pytest.fixture
def pg_db(pg_url):
    """A fresh, migrated, empty PostgreSQL database bound to the models."""
    from frontdesk.db.session import open_database

    return open_database(pg_url)


@pytest.fixture
def pg_rules_db(pg_db):
    from frontdesk import rules, settings

    rules.load_rules()
    settings.set("hospital.name", "测试医院")
    return pg_db


@pytest.fixture
def pg_make_staff(pg_db):
    """make_staff for the PostgreSQL database: password "pw123456", PIN "1234"."""
    from tests.helpers.report_day import _staff_factory

    return _staff_factory()


def _template(pg_cluster, prefix: str, fill) -> str:
    """A database filled once by `fill()` (bound to the models), to be copied per test."""
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    name = pg_cluster.create_database(pg_cluster.new_name(prefix))
    open_database(pg_cluster.url(name))
    try:
        result = fill()
    finally:
        connection.close()
    return name, result


@pytest.fixture(scope="session")
def _pg_demo_template(pg_cluster):
    from frontdesk.demo import install_demo
    from tests.conftest import DEMO_TODAY
    from tests.helpers.clock import pinned

    def fill():
        with pinned():
            install_demo(today=DEMO_TODAY, this_week=False)  # the quiet hospital, as demo_db

    name, _ = _template(pg_cluster, "demo_tpl", fill)
    return name


@pytest.fixture
def pg_demo_db(pg_cluster, _pg_demo_template):
    """A copy of the demo hospital on PostgreSQL (today = DEMO_TODAY)."""
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    name = pg_cluster.create_database(template=_pg_demo_template)
    db = open_database(pg_cluster.url(name))
    yield db
    connection.close()
    pg_cluster.drop_database(name)


@pytest.fixture(scope="session")
def _pg_report_day_template(pg_cluster):
    from frontdesk import rules
    from tests.helpers import report_day
    from tests.helpers.clock import pinned

    def fill():
        rules.load_rules()
        with pinned() as travel:
            return report_day.build(report_day._staff_factory(), travel)

    return _template(pg_cluster, "day_tpl", fill)


@pytest.fixture
def pg_fx(pg_cluster, _pg_report_day_template):
    """The report tests' fixture day (tests/helpers/report_day.py), built on PostgreSQL."""
    from frontdesk.db import connection
    from frontdesk.db.session import open_database

    template, day = _pg_report_day_template
    name = pg_cluster.create_database(template=template)
    day.db_url = pg_cluster.url(name)
    day.db = open_database(day.db_url)
    yield day
    connection.close()
    pg_cluster.drop_database(name)
