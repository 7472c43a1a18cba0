"""Queue screens.

board.py   the waiting board: who waits where, and for how long
"""
