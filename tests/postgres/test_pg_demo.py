"""The demo hospital as `frontdesk --demo` installs it, on PostgreSQL: the week and this
morning are written through the same domain APIs (advisory-lock turns, sequences)."""

from __future__ import annotations


def test_full_demo_installs_on_postgresql(pg_db, clock):
    from frontdesk.db.models import Consultation, Fine, QueueEntry, SignIn, Visit
    from frontdesk.demo import install_demo
    from frontdesk.queue import clinic
    from tests.conftest import DEMO_TODAY
    from tests.helpers.clock import TEST_NOW

    clock.freeze(TEST_NOW)
    report = install_demo(today=DEMO_TODAY)
    assert report.sign_ins >= 4 and report.queued >= 10
    assert SignIn.select().where(SignIn.date == DEMO_TODAY).count() == report.sign_ins
    assert Fine.select().where(Fine.date == DEMO_TODAY).count() >= 3
    assert Consultation.select().where(Consultation.visit.is_null(False)).count() >= 3
    states = {e.state for e in QueueEntry.select().where(QueueEntry.day == DEMO_TODAY)}
    assert {clinic.WAITING, clinic.CALLED, clinic.MISSED, clinic.CONSULTING} <= states
    assert Visit.select().where(Visit.visit_date == DEMO_TODAY).count() == 25
