"""The customer-service area: what happens after and around a visit.

followups.py   follow-up calls (回访): the due list, call outcomes, retries
"""
