"""Realistic sample slips for demos, previews and the benchmark."""

from __future__ import annotations

from datetime import datetime

from frontdesk.slips.model import BillingSlip, FeeLine, GuideSlip, Waiver


def sample_guide_slip(visit_id: int = 123) -> GuideSlip:
    return GuideSlip(
        hospital="仁济社区医院",
        queue_number="内-012",
        department="内科",
        room="305 诊室",
        floor="3 楼",
        directions="出电梯左转，\n走廊尽头右手边",
        doctor_name="张伟",
        doctor_title="主任医师",
        time=datetime(2024, 5, 6, 9, 30),
        patient_name="王小明",
        visit_id=visit_id,
    )


def sample_billing_slip(visit_no: str = "V20240506-0012") -> BillingSlip:
    return BillingSlip(
        hospital="仁济社区医院",
        visit_no=visit_no,
        record_no="R00012345",
        patient_name="王小明",
        department="内科",
        doctor="张伟 主任医师",
        lines=(FeeLine("挂号费", 1000), FeeLine("诊查费", 2500)),
        waiver=Waiver("VIP 金卡 免挂号费", 1000),
        time=datetime(2024, 5, 6, 9, 32),
    )
