"""The pre-rendered clip set: a voice that works on every PC, with no engine installed.

resources/voice/clips/ holds one short WAV per digit, letter, fixed word and
room word (announcement.all_clips) plus the chime; an announcement is said by
joining its clips (announcement.clip_keys). A patient's name has no clip, so
the clip voice says the number and the room only; the screen shows the name.
The set is rendered once with espeak-ng (`python -m tools.voice_clips`) and
committed, so a PC without espeak-ng or a Chinese voice still speaks.
"""

from __future__ import annotations

import array
from pathlib import Path

from frontdesk.paths import resource_path
from frontdesk.voice import wav
from frontdesk.voice.announcement import Announcement, NameMode, all_clips, clip_keys, clip_pinyin

PAUSE_SECONDS = 0.25
_cache: dict[tuple[str, str], array.array] = {}


def folder() -> Path:
    return resource_path("voice", "clips")


def clip_path(key: str, base: Path | None = None) -> Path:
    return (base or folder()) / f"{key}.wav"


def available(base: Path | None = None) -> bool:
    """The clip set is there (the chime and the digits at least)."""
    return all(clip_path(k, base).is_file() for k in ("chime", "qing", *(f"d{i}" for i in range(10))))


def missing(base: Path | None = None) -> list[str]:
    return [k for k in ("chime", *all_clips()) if not clip_path(k, base).is_file()]


def samples(key: str, base: Path | None = None) -> array.array:
    """The samples of one clip (cached; the set is small)."""
    base = base or folder()
    cache_key = (str(base), key)
    if cache_key not in _cache:
        data, rate = wav.read(clip_path(key, base))
        if rate != wav.RATE:
            raise ValueError(f"clip {key}: {rate} Hz, expected {wav.RATE}")
        _cache[cache_key] = data
    return _cache[cache_key]


def sentence(a: Announcement, *, base: Path | None = None) -> array.array:
    """The announcement's sentence (no chime) from clips; words without a clip are left out."""
    parts: list[array.array] = []
    for key in clip_keys(a, name_mode=NameMode.NONE, chime=False):
        if key == "pause":
            parts.append(wav.silence(PAUSE_SECONDS))
        elif clip_path(key, base).is_file():
            parts.append(samples(key, base))
    return wav.join(parts)


def chime(base: Path | None = None) -> array.array:
    path = clip_path("chime", base)
    return samples("chime", base) if path.is_file() else wav.chime_samples()


def render_set(out_dir: Path, *, only: list[str] | None = None) -> list[Path]:
    """Render every clip with espeak-ng into `out_dir` (trimmed), and the chime. Once, by hand."""
    import tempfile

    from frontdesk.voice import espeak

    out_dir.mkdir(parents=True, exist_ok=True)
    written = [wav.write(out_dir / "chime.wav", wav.chime_samples())]
    with tempfile.TemporaryDirectory() as tmp:
        for key in all_clips():
            if only and key not in only:
                continue
            raw = espeak.render(clip_pinyin(key), Path(tmp) / "clip.wav")
            data, rate = wav.read(raw)
            if rate != wav.RATE:
                raise ValueError(f"espeak-ng wrote {rate} Hz")
            written.append(wav.write(out_dir / f"{key}.wav", wav.trim(data, keep=220)))
    _cache.clear()
    return written
