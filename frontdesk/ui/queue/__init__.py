"""Queue screens.

board.py   the waiting board: who waits where, and for how long
display.py the waiting-room display (候诊叫号屏): now called, next, ahead, notice, broadcast
display_setup.py  File → Waiting-room display…: open it on a screen, its voice, the broadcast
display_app.py    `frontdesk display`: the kiosk (display + voice, no log-in)
voice/     the voice calls: engines, the one serialized speaker, the settings panel
"""
