"""The voice settings of this PC: engine, voice, repeat count, chime, volume, names said."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk import settings
from frontdesk.changes import Changed, changes
from frontdesk.errors import ValidationError
from frontdesk.validation import clean_label, whole_number
from frontdesk.voice.announcement import NameMode

ENGINES = ("auto", "qt", "espeak", "clips", "off")
MAX_REPEAT = 5


@dataclass(frozen=True)
class VoicePrefs:
    engine: str = "auto"
    voice: str = ""
    repeat: int = 2
    chime: bool = True
    volume: int = 90
    name_mode: str = NameMode.MASKED


def load() -> VoicePrefs:
    """The settings as stored; anything unreadable falls back to the default."""
    d = VoicePrefs()
    engine = settings.get("voice.engine")
    name = settings.get("voice.name")
    try:
        repeat = min(MAX_REPEAT, max(1, int(settings.get("voice.repeat"))))
    except (TypeError, ValueError):
        repeat = d.repeat
    try:
        volume = min(100, max(0, int(settings.get("voice.volume"))))
    except (TypeError, ValueError):
        volume = d.volume
    return VoicePrefs(
        engine=engine if engine in ENGINES else d.engine,
        voice=str(settings.get("voice.voice") or ""),
        repeat=repeat,
        chime=bool(settings.get("voice.chime")),
        volume=volume,
        name_mode=name if name in tuple(NameMode) else d.name_mode,
    )


def validate(p: VoicePrefs) -> VoicePrefs:
    if not isinstance(p, VoicePrefs):
        raise ValidationError("语音设置无效。", "These are not voice settings.", field="engine")
    if not isinstance(p.engine, str) or p.engine not in ENGINES:
        raise ValidationError("未知的语音引擎。", "Unknown voice engine.", field="engine")
    repeat = whole_number(p.repeat, 4)
    if repeat is None or not 1 <= repeat <= MAX_REPEAT:
        raise ValidationError(f"重复次数应在 1 到 {MAX_REPEAT} 之间。",
                              f"Say each call 1 to {MAX_REPEAT} times.", field="repeat")
    volume = whole_number(p.volume, 4)
    if volume is None or not 0 <= volume <= 100:
        raise ValidationError("音量应在 0 到 100 之间。", "Volume is 0 to 100.", field="volume")
    if not isinstance(p.name_mode, str) or p.name_mode not in tuple(NameMode):
        raise ValidationError("未知的姓名播报方式。", "Unknown way of saying names.", field="name_mode")
    # The name of an installed voice, as the engine lists it.
    voice = clean_label(p.voice, "voice", 200, "语音名称", "voice name", required=False)
    return VoicePrefs(p.engine, voice, repeat, bool(p.chime), volume, p.name_mode)


@changes(Changed.SETTINGS)
def save(p: VoicePrefs) -> VoicePrefs:
    """Store this PC's voice settings (the name rule is the hospital's: stored for all)."""
    p = validate(p)
    settings.set("voice.engine", p.engine)
    settings.set("voice.voice", p.voice)
    settings.set("voice.repeat", p.repeat)
    settings.set("voice.chime", p.chime)
    settings.set("voice.volume", p.volume)
    settings.set("voice.name", p.name_mode)
    return p
