"""Priority classes a patient can have in a queue (优先): what the door records and queues order by.

The order between classes and the rules behind them (the elderly age, a booked patient's
slot, late arrivals) are rules data; this module only names the classes.
"""

from __future__ import annotations

from enum import StrEnum

from frontdesk.i18n import Msg


class PriorityClass(StrEnum):
    NONE = ""
    EMERGENCY = "emergency"
    ELDERLY = "elderly"
    DISABLED = "disabled"
    MILITARY = "military"
    PREGNANT = "pregnant"
    VIP = "vip"
    BOOKED = "booked"


LABELS: dict[PriorityClass, Msg] = {
    PriorityClass.NONE: Msg("无", "None"),
    PriorityClass.EMERGENCY: Msg("急诊", "Emergency"),
    PriorityClass.ELDERLY: Msg("老年人", "Elderly"),
    PriorityClass.DISABLED: Msg("残疾人", "Disabled"),
    PriorityClass.MILITARY: Msg("军人", "Military"),
    PriorityClass.PREGNANT: Msg("孕妇", "Pregnant"),
    PriorityClass.VIP: Msg("贵宾卡", "VIP card"),
    PriorityClass.BOOKED: Msg("预约", "Booked"),
}
