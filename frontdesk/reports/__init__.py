"""Daily and date-range summaries (issue 7): SQL aggregates in, PDF/CSV/XLSX out.

- :mod:`daily` / :mod:`range`: `build_daily(day, actor=...)`, `build_range(start, end, actor=...)`
- :mod:`tables`: the summary as titled tables (the one layout every output uses)
- :mod:`pdf`: `render_daily_pdf(summary) -> bytes`, `render_range_pdf(summary)`
- :mod:`export`: CSV (UTF-8 with BOM) and XLSX; `save_report(...)` writes any of
  them atomically and records it in the audit log.

Never imports Qt; reportlab and openpyxl are imported only when rendering.
"""
