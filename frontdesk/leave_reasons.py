"""Why a patient left before seeing the doctor: stored as a code, shown in the reader's language.

`Visit.left_reason` holds a code ("waited_too_long"), or "other:<free text>"
when the desk typed its own reason. Rows written before codes existed hold
free text in whatever language the desk used; they pass through unchanged.
"""

from __future__ import annotations

from frontdesk.i18n import Msg

OTHER = "other"
# code -> its label, in the order the desk offers them
REASONS: dict[str, Msg] = {
    "waited_too_long": Msg("等候时间太长", "Waited too long"),
    "fee": Msg("费用问题", "The fee"),
    "another_day": Msg("改天再来", "Will come another day"),
    "other_hospital": Msg("去其他医院", "Went to another hospital"),
    "personal": Msg("临时有事", "Something came up"),
    "consult_only": Msg("只是咨询", "Only came to ask"),
    OTHER: Msg("其他原因", "Other reason"),
}
_SEP = ":"


def _by_label() -> dict[str, str]:
    out = {}
    for code, name in REASONS.items():
        out[name.zh] = out[name.en.casefold()] = code
    return out


def encode(reason: str, note: str = "") -> str:
    """The value to store for a chosen code (with an optional note) or a typed reason.

    A known code or its label (either language) is stored as the code; anything
    else is the desk's own words, stored as "other:<text>".
    """
    reason, note = (reason or "").strip(), (note or "").strip()
    labels = _by_label()
    code = reason if reason in REASONS else labels.get(reason, labels.get(reason.casefold()))
    if code is None:
        code, note = OTHER, (f"{reason} {note}".strip() if note else reason)
    if code == OTHER and not note:
        return OTHER
    return f"{code}{_SEP}{note}" if note else code


def code_of(stored: str) -> str:
    """What a report groups by: the reason's code; the desk's own words (and old free text)
    stay apart, as stored, so a report still says what they were."""
    stored = (stored or "").strip()
    head = stored.split(_SEP, 1)[0]
    return head if head in REASONS and head != OTHER else stored


def label(stored: str, lang: str | None = None) -> str:
    """A stored reason for display: the code's label (with any note), old text unchanged."""
    stored = (stored or "").strip()
    head, _, note = stored.partition(_SEP)
    if head not in REASONS:
        return stored
    name = REASONS[head]
    if not note:
        return name.text(lang)
    return Msg(f"{name.zh}：{note}", f"{name.en}: {note}").text(lang) if head != OTHER else note
