"""The queue area: queue numbers, the waiting board and the clinic queues after the desk.

The clinic queues (clinic.py, clinic_rules.py) are imported by who uses them: the
desk's first frame needs queue numbers, not the calling rules. The waiting board's
names load with their first use (`queue.waiting_board`), for the same reason.
"""

from frontdesk.lazy import lazy_exports
from frontdesk.privacy import mask_name
from frontdesk.queue.numbers import (
    MAX_ATTEMPTS,
    QUEUE_LOCK_CLASS,
    WAITING_STAGES,
    assign_queue_no,
    next_queue_no,
    queue_label,
)

__all__ = [
    "MAX_ATTEMPTS", "QUEUE_LOCK_CLASS", "WAITING_STAGES", "BoardDepartment", "BoardRow",
    "assign_queue_no", "mask_name", "next_queue_no", "queue_label",
    "wait_level", "waiting_board",
]

_BOARD = ("BoardDepartment", "BoardRow", "wait_level", "waiting_board")

__getattr__, __dir__ = lazy_exports(__name__, dict.fromkeys(_BOARD, "frontdesk.queue.board"))
