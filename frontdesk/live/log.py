"""Reading the change log: "what changed since seq", each seq delivered exactly once."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.changes import ALL_DATA, Changed
from frontdesk.db.change_log import parse_kinds

PAGE = 1000


@dataclass(frozen=True)
class Change:
    """One committed write: its seq, what kinds of data, the entity id if known, who wrote it.

    seq 0 with every kind stands for "the log cannot say" (pruned past us, or a restored
    database whose log went back): everything may have changed.
    """

    seq: int
    kinds: Changed
    entity_id: int | None = None
    station: str = ""


EVERYTHING = Change(0, ALL_DATA)


def _sql(text: str, style: str) -> str:
    return text.replace("?", "%s") if style == "format" else text


def read_since(cur, after: int, style: str = "qmark") -> list[Change]:
    """The rows with seq > `after`, in order (`cur`: a DB-API cursor; `style`: its paramstyle)."""
    out: list[Change] = []
    sql = _sql("SELECT seq, kinds, entity_id, station FROM change_log WHERE seq > ? "
               "ORDER BY seq LIMIT ?", style)
    while True:
        cur.execute(sql, (after, PAGE))
        rows = cur.fetchall()
        out.extend(Change(int(s), parse_kinds(k), e, st or "") for s, k, e, st in rows)
        if len(rows) < PAGE:
            return out
        after = int(rows[-1][0])


def bounds(cur) -> tuple[int, int]:
    """(oldest seq kept, newest seq); (0, 0) for an empty log."""
    cur.execute("SELECT min(seq), max(seq) FROM change_log")
    lo, hi = cur.fetchone()
    return int(lo or 0), int(hi or 0)


def newest_seq(db) -> int:
    """The change log's newest seq (0 when empty), read on `db` (a peewee database)."""
    row = db.execute_sql("SELECT max(seq) FROM change_log").fetchone()
    return int(row[0] or 0) if row else 0


class Tracker:
    """The last seq this station has seen; hands on each later seq once, in order."""

    def __init__(self) -> None:
        self.last: int | None = None

    def start_at(self, seq: int) -> None:
        self.last = seq

    def accept(self, changes: list[Change]) -> list[Change]:
        fresh = []
        for c in sorted(changes, key=lambda c: c.seq):
            if self.last is None or c.seq > self.last:
                fresh.append(c)
                self.last = c.seq
        return fresh

    def lost_between(self, lo: int, hi: int) -> bool:
        """After a gap in watching: True when the log cannot say what we missed.

        The newest seq went back (a restored database) or the oldest kept is past the
        next one we need (pruned while away). The tracker then follows the log as it is.
        """
        last = self.last or 0
        if hi < last:
            self.last = hi
            return True
        return lo > last + 1 and hi > last


def catch_up(cur, tracker: Tracker, style: str = "qmark") -> list[Change]:
    """Everything after the tracker's seq ([EVERYTHING] first if the log lost some)."""
    lo, hi = bounds(cur)
    if tracker.last is None:
        tracker.start_at(hi)  # a station starting now shows the present: no history
        return []
    lost = tracker.lost_between(lo, hi)
    fresh = tracker.accept(read_since(cur, tracker.last, style))
    return [EVERYTHING, *fresh] if lost else fresh
