"""Voice calls on this PC's speakers (Qt): the engines, the one speaker, the settings panel.

players.py         the engines: Qt's QTextToSpeech (winrt/SAPI/…), espeak-ng WAVs, the clip set,
                   each playing one segment at a time through QtMultimedia
speaker.py         Speaker: one serialized queue (frontdesk.voice.speech_queue) per PC, a
                   watchdog for a stuck audio device, and the choice of engine from the settings
settings_panel.py  engine, voice, repeat count, chime, volume, names said; "test the voice"
"""
