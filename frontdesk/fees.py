"""The registration fee: from the doctor's fee class, less any VIP waiver.

Amounts are fen. A quote carries a snapshot of the rule it applied; the visit
stores it so a later change of prices never rewrites history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from frontdesk import settings
from frontdesk.db import prepared
from frontdesk.db.models import Doctor, FeeClass, database_proxy
from frontdesk.errors import ConfigError, NotFound
from frontdesk.i18n import localized, text
from frontdesk.money import format_fen  # noqa: F401 - fees.format_fen for callers
from frontdesk.validation import lookup_id


@dataclass(frozen=True)
class FeeQuote:
    lines: list[tuple[str, int]]  # (label, fen)
    waiver_label: str
    waiver_fen: int  # the amount waived (positive), 0 when nothing is waived
    total_fen: int
    snapshot: dict[str, Any] = field(default_factory=dict)

    @property
    def waived(self) -> bool:
        return self.waiver_fen > 0


def _fee_class(doctor_id: int | None) -> tuple[FeeClass, Doctor | None]:
    # Prepared reads (db.prepared), not peewee-built queries: registration quotes the fee
    # inside its transaction, and building those selects took longer than the rest
    # of the step's writes (bench/). The same rows and model instances as before.
    if doctor_id is not None:
        doctor = prepared.get_or_none(Doctor, lookup_id(doctor_id))
        if doctor is None:
            raise NotFound("找不到这位医生。", "That doctor was not found.")
        fee_class = prepared.get_or_none(FeeClass, doctor.fee_class_id)
        if fee_class is None:  # what doctor.fee_class raised
            raise FeeClass.DoesNotExist(f"FeeClass {doctor.fee_class_id} does not exist")
        return fee_class, doctor
    # No doctor chosen yet: the cheapest class is the ordinary registration (普通号), read
    # whole in one statement.
    fee_class = prepared.first(FeeClass, "ORDER BY amount_fen, id LIMIT 1")
    if fee_class is None:
        raise ConfigError("尚未设置挂号费类别。", "No registration fee classes are set up.")
    return fee_class, None


def waiver_for(vip_tier: str) -> dict[str, str] | None:
    """The waiver rule for a VIP tier (from rules fees.toml), or None."""
    if not vip_tier:
        return None
    with settings.reading_rule("rules.fee_waivers"):
        for rule in settings.get("rules.fee_waivers") or []:
            if rule.get("vip_tier") == vip_tier:
                str(rule["name_zh"])  # what a quote shows: missing is damage, said now
                return rule
    return None


def quote(*, doctor_id: int | None, vip_tier: str = "") -> FeeQuote:
    """The registration fee for `doctor_id` and a patient of `vip_tier`."""
    fee_class, doctor = _fee_class(doctor_id)
    label = localized(fee_class, "name")
    amount = fee_class.amount_fen
    rule = waiver_for(vip_tier)
    waiver_fen = amount if rule else 0
    waiver_label = text(rule["name_zh"], rule.get("name_en") or rule["name_zh"]) if rule else ""
    snapshot = {
        "fee_class": fee_class.code,
        "name_zh": fee_class.name_zh,
        "name_en": fee_class.name_en,
        "amount_fen": amount,
        "doctor_id": doctor.id if doctor else None,
        "doctor_name": doctor.name if doctor else "",
        "vip_tier": vip_tier,
        "waiver": dict(rule) if rule else None,
        "waiver_fen": waiver_fen,
        "total_fen": amount - waiver_fen,
    }
    return FeeQuote(
        lines=[(label, amount)],
        waiver_label=waiver_label,
        waiver_fen=waiver_fen,
        total_fen=amount - waiver_fen,
        snapshot=snapshot,
    )


_DOCTOR_SQL = "SELECT id, name, fee_class_id FROM doctor WHERE id = {p}"
_CLASS_SQL = "SELECT id, code, name_zh, name_en, amount_fen FROM fee_class "
_CLASS_BY_ID = _CLASS_SQL + "WHERE id = {p}"
_CHEAPEST = _CLASS_SQL + "ORDER BY amount_fen, id LIMIT 1"

# What registration_fee reads, as part of a caller's statement that has the visit as `v`:
# the visit's doctor and the fee class quoted (the doctor's, else the cheapest), the
# columns FEE_COLUMNS (FEE_WIDTH of them) after FEE_JOIN.
FEE_JOIN = ("LEFT JOIN doctor fd ON fd.id = v.doctor_id "
            "LEFT JOIN fee_class fc ON fc.id = CASE WHEN v.doctor_id IS NULL THEN "
            "(SELECT id FROM fee_class ORDER BY amount_fen, id LIMIT 1) "
            "ELSE fd.fee_class_id END")
FEE_COLUMNS = ("fd.id, fd.name, fd.fee_class_id, "
               "fc.id, fc.code, fc.name_zh, fc.name_en, fc.amount_fen")
FEE_WIDTH = FEE_COLUMNS.count(",") + 1


def registration_fee(*, doctor_id: int | None, vip_tier: str = "",
                     read: tuple | None = None) -> tuple[int, str, bool, str]:
    """What a visit stores of a fresh quote: (total fen, the snapshot as JSON, waived,
    the waiver's name).

    quote() for registration without the model instances and the FeeQuote it builds:
    the same rows, the same errors, the same snapshot (registration is timed: bench/).
    `read`: FEE_COLUMNS' values, read by the caller's own statement for the visit whose
    doctor is `doctor_id`; without it the rows are read here.
    """
    if read is not None:
        doctor = read[:3] if read[0] is not None else None
        row = read[3:] if read[3] is not None else None
        if doctor_id is not None and doctor is None:
            raise NotFound("找不到这位医生。", "That doctor was not found.")
    else:
        db = database_proxy.obj
        doctor = None
        if doctor_id is not None:
            doctor = prepared.execute(_DOCTOR_SQL.format(p=db.param),
                                      [lookup_id(doctor_id)]).fetchone()
            if doctor is None:
                raise NotFound("找不到这位医生。", "That doctor was not found.")
            row = prepared.execute(_CLASS_BY_ID.format(p=db.param), [doctor[2]]).fetchone()
        else:
            row = prepared.execute(_CHEAPEST).fetchone()
    if row is None:
        if doctor is not None:  # what doctor.fee_class raised
            raise FeeClass.DoesNotExist(f"FeeClass {doctor[2]} does not exist")
        raise ConfigError("尚未设置挂号费类别。", "No registration fee classes are set up.")
    _id, code, name_zh, name_en, amount = row
    rule = waiver_for(vip_tier)
    waiver_fen = amount if rule else 0
    snapshot = {
        "fee_class": code,
        "name_zh": name_zh,
        "name_en": name_en,
        "amount_fen": amount,
        "doctor_id": doctor[0] if doctor else None,
        "doctor_name": doctor[1] if doctor else "",
        "vip_tier": vip_tier,
        "waiver": dict(rule) if rule else None,
        "waiver_fen": waiver_fen,
        "total_fen": amount - waiver_fen,
    }
    return (amount - waiver_fen, json.dumps(snapshot, ensure_ascii=False), waiver_fen > 0,
            ((rule or {}).get("name_zh") or "")[:80])


def quote_from_snapshot(snapshot: dict[str, Any]) -> FeeQuote:
    """Rebuild the quote a visit stored at registration (prices may have changed since)."""
    amount = int(snapshot.get("amount_fen") or 0)
    rule = snapshot.get("waiver") or None
    waiver_fen = int(snapshot.get("waiver_fen") or 0)
    label = text(snapshot.get("name_zh") or "", snapshot.get("name_en") or snapshot.get("name_zh") or "")
    waiver_label = text(rule["name_zh"], rule.get("name_en") or rule["name_zh"]) if rule else ""
    return FeeQuote(
        lines=[(label, amount)],
        waiver_label=waiver_label,
        waiver_fen=waiver_fen,
        total_fen=int(snapshot.get("total_fen", amount - waiver_fen)),
        snapshot=dict(snapshot),
    )
