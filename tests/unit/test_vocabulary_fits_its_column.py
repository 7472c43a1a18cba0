"""Every value a vocabulary can store fits its column.

SQLite never checks a VARCHAR's length; PostgreSQL refuses the row. So a value one
letter too long passes every SQLite test and fails only at a hospital on PostgreSQL:
consultation outcome "not_interested" (14) in a varchar(12) did exactly that.
"""

from __future__ import annotations

import pytest

from frontdesk import stages
from frontdesk.db import models as m
from frontdesk.queue import clinic
from frontdesk.service import appointments, complaints, consultations, satisfaction


def _constants(module, names) -> tuple[str, ...]:
    return tuple(getattr(module, n) for n in names)


VISIT_ACTIONS = _constants(stages, (
    "ARRIVED", "AT_DESK", "TRIAGED", "REGISTERED", "PAID", "WAIVED", "DEFERRED",
    "HANDED_TO_DOCTOR", "BACK_AT_POST", "LEFT_ACTION", "REGISTERED_LATE", "PAID_LATE",
    "WAIVED_LATE"))
QUEUE_ACTIONS = (*clinic.MOVES, clinic.ENQUEUED, clinic.TRANSFER, clinic.PAUSE, clinic.RESUME)

CASES = [
    (consultations.OUTCOMES, m.Consultation.outcome),
    (consultations.CHANNELS, m.Consultation.channel),
    (complaints.SEVERITIES, m.Complaint.severity),
    (complaints.CHANNELS, m.Complaint.channel),
    ((complaints.OPEN, complaints.HANDLED, complaints.CLOSED), m.Complaint.status),
    (complaints.REVISIT_OUTCOMES, m.ComplaintRevisit.outcome),
    (satisfaction.SOURCES, m.SatisfactionRating.source),
    ((appointments.BOOKED, appointments.ARRIVED, appointments.CANCELLED, appointments.NO_SHOW),
     m.Appointment.status),
    (tuple(m.Stage), m.Visit.stage),
    (tuple(m.Stage), m.VisitEvent.stage),
    (VISIT_ACTIONS, m.VisitEvent.action),
    (clinic.STATES, m.QueueEntry.state),
    (clinic.STATES, m.QueueEvent.state),
    (QUEUE_ACTIONS, m.QueueEvent.action),
]


@pytest.mark.parametrize(("values", "column"), CASES,
                         ids=[f"{c.model.__name__}.{c.name}" for _v, c in CASES])
def test_every_value_fits_its_column(values, column):
    assert values, column
    too_long = [v for v in values if len(v) > column.max_length]
    assert too_long == [], f"{column.model.__name__}.{column.name} is varchar({column.max_length})"
