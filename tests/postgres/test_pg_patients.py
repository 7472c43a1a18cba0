"""Patient lookup on PostgreSQL: the same hits as the keys say, through the key index."""

from __future__ import annotations

import pytest

from frontdesk import patients, pinyin
from frontdesk.db.models import Patient, PatientSearchKey, database_proxy
from frontdesk.reception import RegistrationForm
from tests.helpers.actors import viewer

pytestmark = pytest.mark.postgres


def expected_ids(query: str) -> set[int]:
    """Patients with a key starting with the query (or the phone tail), worked out in Python."""
    wanted = [low for low, _high in patients.search_ranges(query)]
    return {k.patient_id for k in PatientSearchKey.select()
            if any(k.key.startswith(w) for w in wanted)}


def plan(query: str) -> str:
    db = database_proxy.obj
    params: list = []
    ranges = patients.search_ranges(query)
    for low, high in ranges:
        params += [low, high, 80]
    sql = "EXPLAIN " + patients._search_sql(len(ranges), db.param)
    return "\n".join(r[0] for r in db.execute_sql(sql, params))


@pytest.fixture(scope="module")
def _search_db(pg_cluster, _pg_demo_template):
    """The demo hospital plus 张晓明 (13812345678), analysed: shared by the read-only tests."""
    from frontdesk.db import connection
    from tests.helpers.report_day import _staff_factory

    name = pg_cluster.create_database(template=_pg_demo_template)
    url = pg_cluster.url(name)
    db = connection.connect(url)
    desk = _staff_factory()("desk")
    form = RegistrationForm(name="张晓明", sex="M", phone="13812345678", age=40)
    zhang_id = patients.create_patient(actor=desk, form=form).id
    db.execute_sql("ANALYZE")
    connection.close()
    yield url, zhang_id
    pg_cluster.drop_database(name)


@pytest.fixture
def zhang(_search_db):
    from frontdesk.db import connection

    url, zhang_id = _search_db
    connection.connect(url)
    yield Patient.get_by_id(zhang_id)
    connection.close()


@pytest.mark.parametrize("query", ["138", "1381234", "张", "张晓", "zxm", "zhangx", "D00001",
                                   "5678", "王", "w", "l"])
def test_search_finds_what_the_keys_say(zhang, query):
    limit = 500  # all of them: compare sets, not the first page
    got = [h.id for h in patients.search(query, limit=limit, actor=viewer())]
    assert len(got) == len(set(got))
    assert set(got) == expected_ids(query)
    assert got, query


def test_each_kind_of_query_finds_the_patient(zhang):
    def found(q: str) -> dict[int, str]:
        return {h.id: h.matched_on for h in patients.search(q, limit=200, actor=viewer())}

    assert found("13812345678")[zhang.id] == "phone"
    assert found("138123")[zhang.id] == "phone"
    assert found("5678")[zhang.id] == "phone_tail"
    assert found("张晓")[zhang.id] == "name"
    assert found("zxm")[zhang.id] == "pinyin"
    assert found("ZhangXiao")[zhang.id] == "pinyin"
    assert found(zhang.record_no)[zhang.id] == "record_no"
    assert found(zhang.record_no.lower())[zhang.id] == "record_no"


def test_keys_are_in_byte_order_as_on_sqlite(zhang):
    """Byte order ("C") whatever the database's own collation ('#' tails, digits, letters,
    then Chinese), so a prefix range means "starts with" and hits come in SQLite's order."""
    keys = [r[0] for r in database_proxy.obj.execute_sql(
        "SELECT key FROM patient_search_key WHERE patient_id = %s ORDER BY key", [zhang.id])]
    assert {"张晓明", "zxm", "13812345678", "#87654321831"} <= set(keys)
    assert keys == sorted(keys, key=lambda k: k.encode())
    ids = patients.search_ids("z", limit=200)
    first_keys = [min(k.key for k in PatientSearchKey.select().where(
        (PatientSearchKey.patient == pid) & PatientSearchKey.key.startswith("z"))) for pid in ids]
    assert first_keys == sorted(first_keys)


@pytest.mark.parametrize("query", ["138", "张", "zxm", "5678", "d0000"])
def test_lookup_is_an_index_range_scan(zhang, query):
    text = plan(query)
    assert "Index" in text and "patient_search_key" in text, text
    assert "Seq Scan" not in text, text


def test_duplicates_and_merge(pg_demo_db):
    from tests.helpers.report_day import _staff_factory

    make = _staff_factory()
    desk, admin = make("desk"), make("admin")
    zhang = patients.create_patient(actor=desk, form=RegistrationForm(
        name="张晓明", sex="M", phone="13812345678", age=40))
    form = RegistrationForm(name="张小明", sex="M", phone="13900000000", age=40)
    form.validate()
    dups = patients.find_duplicates(form, actor=viewer())
    assert zhang.id in [hit.id for hit, _reasons in dups]
    other = patients.create_patient(actor=desk, form=RegistrationForm(
        name="张小明", sex="M", phone="13900000000", age=40))
    kept = patients.merge_patients(actor=admin, keep_id=zhang.id, merge_id=other.id)
    assert Patient.get_by_id(other.id).merged_into_id == kept.id
    assert other.id not in [h.id for h in patients.search("13900000000", actor=viewer())]
    assert pinyin.query_key("张小明") not in {
        k.key for k in PatientSearchKey.select().where(PatientSearchKey.patient == other.id)}
