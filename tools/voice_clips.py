"""Render the voice clip set (resources/voice/clips) with espeak-ng: run once, commit the WAVs.

    .venv/bin/python -m tools.voice_clips            # every clip
    .venv/bin/python -m tools.voice_clips d0 d1      # only these
"""

from __future__ import annotations

import sys

from frontdesk.voice import clips, espeak


def main(argv: list[str]) -> int:
    if not espeak.available():
        print("espeak-ng with the cmn-latn-pinyin voice is needed: apt-get install espeak-ng",
              file=sys.stderr)
        return 1
    written = clips.render_set(clips.folder(), only=argv or None)
    print(f"{len(written)} clips in {clips.folder()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
