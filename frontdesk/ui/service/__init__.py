"""Customer-service screens.

followups.py   the follow-up calls list and call script (回访)
"""
