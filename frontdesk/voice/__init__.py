"""Voice calls (叫号语音), without Qt: what is said, in what order, and the offline engines' files.

announcement.py   the Mandarin sentence of a call, recall, missed turn, back from tests
speech_queue.py   one serialized queue per speaker: chime, repeats, never overlapping
espeak.py         espeak-ng (cmn-latn-pinyin) to a WAV
clips.py          the pre-rendered clip set (resources/voice/clips), the fallback everywhere
wav.py            the chime, silence and joining clips (standard library `wave`)
prefs.py          the voice settings of this PC
"""
