"""Small WAV helpers on the standard library: the chime, silence, joining clips (no Qt)."""

from __future__ import annotations

import array
import io
import math
import wave
from pathlib import Path

RATE = 22050  # espeak-ng's rate: clips and rendered speech join without resampling


def tone_samples(freq: float, seconds: float, *, rate: int = RATE, volume: float = 0.45,
                 decay: float = 3.0) -> array.array:
    """A bell-like tone: a sine with two soft overtones and an exponential fade."""
    n = int(rate * seconds)
    out = array.array("h")
    for i in range(n):
        t = i / rate
        env = math.exp(-decay * t) * min(1.0, i / (0.005 * rate))  # 5 ms attack, no click
        v = (math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)
             + 0.1 * math.sin(6 * math.pi * freq * t)) / 1.4
        out.append(int(32767 * volume * env * v))
    return out


def chime_samples(rate: int = RATE) -> array.array:
    """Ding-dong (E5 then C5), the two notes waiting rooms use, about 1.3 s."""
    ding = tone_samples(659.25, 0.55, rate=rate)
    dong = tone_samples(523.25, 0.8, rate=rate)
    return ding + dong


def silence(seconds: float, rate: int = RATE) -> array.array:
    return array.array("h", bytes(2 * int(rate * seconds)))


def write(path: Path | str, samples: array.array, rate: int = RATE) -> Path:
    path = Path(path)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return path


def to_bytes(samples: array.array, rate: int = RATE) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return buf.getvalue()


def read(path: Path | str) -> tuple[array.array, int]:
    """Mono 16-bit samples and the rate (stereo is mixed down)."""
    with wave.open(str(path), "rb") as w:
        if w.getsampwidth() != 2:
            raise ValueError(f"{path}: only 16-bit WAV is supported")
        rate, channels = w.getframerate(), w.getnchannels()
        data = array.array("h", w.readframes(w.getnframes()))
    if channels > 1:
        data = array.array("h", (int(sum(data[i:i + channels]) / channels)
                                 for i in range(0, len(data), channels)))
    return data, rate


def duration(path: Path | str) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / float(w.getframerate())


def peak(samples: array.array) -> int:
    return max((abs(s) for s in samples), default=0)


def trim(samples: array.array, *, threshold: int = 300, keep: int = 0) -> array.array:
    """Cut leading and trailing near-silence (espeak pads every clip), keeping `keep` samples."""
    start = next((i for i, s in enumerate(samples) if abs(s) > threshold), len(samples))
    end = next((i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > threshold), -1)
    if end < start:
        return array.array("h")
    return samples[max(0, start - keep):min(len(samples), end + 1 + keep)]


def join(parts: list[array.array], *, gap_seconds: float = 0.06, rate: int = RATE) -> array.array:
    """Clips one after another with a short gap, as a phrase."""
    out = array.array("h")
    gap = silence(gap_seconds, rate)
    for i, p in enumerate(parts):
        if i:
            out.extend(gap)
        out.extend(p)
    return out
