"""espeak-ng, called directly: Mandarin from tone-numbered pinyin to a WAV (no Qt).

Debian 12's plain `cmn` voice reads the tone numbers of pinyin aloud, and fed
Chinese characters it guesses readings; the `cmn-latn-pinyin` voice reads
"qing3" as 请. So the announcement is turned into pinyin here
(announcement.pinyin_text, with pypinyin) and espeak-ng only pronounces it.
Nothing goes over the network: espeak-ng is a local program.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

VOICE = "cmn-latn-pinyin"
SPEED = 150      # words per minute; a little slower than espeak's 175 for a large hall
TIMEOUT_S = 20


def executable() -> str | None:
    """The espeak-ng program on PATH, or None."""
    return shutil.which("espeak-ng")


def available() -> bool:
    return executable() is not None and has_voice(VOICE)


def has_voice(voice: str = VOICE) -> bool:
    exe = executable()
    if exe is None:
        return False
    try:
        out = subprocess.run([exe, "--voices=cmn"], capture_output=True, text=True,
                             timeout=TIMEOUT_S, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return any(voice in line.split() for line in out.splitlines())


def render(pinyin: str, out: Path | str, *, voice: str = VOICE, speed: int = SPEED,
           pitch: int | None = None) -> Path:
    """Speak `pinyin` into the WAV file `out` (22.05 kHz mono, 16 bit). Raises OSError."""
    exe = executable()
    if exe is None:
        raise FileNotFoundError("espeak-ng")
    out = Path(out)
    cmd = [exe, "-v", voice, "-s", str(int(speed)), "-w", str(out)]
    if pitch is not None:
        cmd += ["-p", str(int(pitch))]
    # The text goes on stdin, never the command line: nothing in it is an option.
    proc = subprocess.run([*cmd, "--stdin"], input=pinyin.encode("utf-8"), capture_output=True,
                          timeout=TIMEOUT_S, check=False)
    if proc.returncode != 0 or not out.exists() or out.stat().st_size <= 44:
        raise OSError(f"espeak-ng failed ({proc.returncode}): "
                      f"{proc.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return out
