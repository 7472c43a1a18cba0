"""The fixture day (tests/helpers/report_day.py), built through the domain APIs."""

from tests.helpers.report_day import _report_day_template, fx  # noqa: F401
