"""Report screens.

area.py   the daily and range summaries on screen, print and export
"""
