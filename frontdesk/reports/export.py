"""The same numbers as the printed report, as CSV (for anything) and XLSX (for Excel/WPS).

CSV is UTF-8 with a byte-order mark, so Excel on a Chinese Windows opens it
without mangling the characters. Both list every table of the report in order,
each under its title. :func:`save_report` writes a PDF, CSV or XLSX (by the
file's extension) atomically and records who did it in the audit log.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from frontdesk import audit, clock
from frontdesk.errors import ValidationError
from frontdesk.export_safety import csv_row, xlsx_row
from frontdesk.i18n import text
from frontdesk.reports import render_process
from frontdesk.reports.access import audit_staff, check, printed_by
from frontdesk.reports.files import write_atomic
from frontdesk.reports.model import DailySummary, RangeSummary
from frontdesk.reports.tables import (
    CONFIDENTIAL,
    SECTION_NAMES,
    ReportTable,
    empty_notice,
    range_empty_notice,
    tables_for,
    title_for,
)

FORMATS = (".pdf", ".csv", ".xlsx")
Summary = DailySummary | RangeSummary


def _preamble(summary: Summary, lang) -> list[list]:
    lines = [[summary.hospital], [title_for(summary, lang)],
             [text(f"生成于 {summary.generated_at:%Y-%m-%d %H:%M}",
                   f"Made at {summary.generated_at:%Y-%m-%d %H:%M}", lang)]]
    if isinstance(summary, DailySummary):
        lines.append([CONFIDENTIAL.text(lang)])
    if summary.is_empty:
        lines.append([empty_notice(lang) if isinstance(summary, DailySummary)
                      else range_empty_notice(lang)])
    return lines


def _block(table: ReportTable) -> list[list]:
    lines: list[list] = [[table.title], list(table.columns)]
    if table.rows:
        lines += [["" if v is None else v for v in row] for row in table.rows]
    else:
        lines.append([table.empty])
    if table.note:
        lines.append([table.note])
    return lines


def to_csv(summary: Summary, lang: str | None = None) -> bytes:
    """Every table, one after the other, separated by blank lines (UTF-8 with BOM)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    # Reasons, names and notes come from the desk: no cell may run as a formula.
    writer.writerows(csv_row(line) for line in _preamble(summary, lang))
    for table in tables_for(summary, lang):
        writer.writerow([])
        writer.writerows(csv_row(line) for line in _block(table))
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(summary: Summary, lang: str | None = None) -> bytes:
    """One worksheet per section, its tables stacked with their titles in bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    sheets: dict[str, object] = {}

    def sheet_for(section: str):
        if section not in sheets:
            # Excel refuses []:*?/\ and names past 31 characters
            name = "".join(c for c in SECTION_NAMES[section].text(lang) if c not in "[]:*?/\\")[:31]
            ws = wb.create_sheet(name)
            ws.column_dimensions["A"].width = 28
            for col in "BCDEFGH":
                ws.column_dimensions[col].width = 14
            sheets[section] = ws
            if len(sheets) == 1:
                for line in _preamble(summary, lang):
                    ws.append(xlsx_row(ws, line))
        return sheets[section]

    # Every text cell is stored as a string (xlsx_row): "=..." typed at the desk stays text.
    for table in tables_for(summary, lang):
        ws = sheet_for(table.section)
        ws.append([])
        block = _block(table)
        ws.append(xlsx_row(ws, block[0], Font(bold=True, size=12)))
        ws.append(xlsx_row(ws, block[1], bold))
        for line in block[2:]:
            ws.append(xlsx_row(ws, line))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render(summary: Summary, fmt: str, *, printed_by_name: str = "",
           lang: str | None = None) -> bytes:
    """The report in `fmt` (".pdf", ".csv" or ".xlsx") as bytes."""
    if fmt == ".pdf":
        from frontdesk.reports.pdf import render_pdf

        return render_pdf(summary, printed_by=printed_by_name, lang=lang)
    if fmt == ".csv":
        return to_csv(summary, lang)
    if fmt == ".xlsx":
        return to_xlsx(summary, lang)
    raise _unsupported(fmt)


def _unsupported(fmt: str) -> ValidationError:
    return ValidationError(
        f"不支持的文件类型“{fmt or '（无扩展名）'}”，请使用 .pdf、.csv 或 .xlsx。",
        f"Unsupported file type '{fmt or '(no extension)'}'; use .pdf, .csv or .xlsx.",
        field="out")


def format_of(path: str | os.PathLike[str]) -> str:
    """The output format named by the file's extension; ValidationError if unknown."""
    fmt = Path(path).suffix.lower()
    if fmt not in FORMATS:
        raise _unsupported(fmt)
    return fmt


def _describe(summary: Summary) -> dict:
    if isinstance(summary, DailySummary):
        return {"report": "daily", "day": summary.day.isoformat(),
                "callbacks": len(summary.callbacks)}
    return {"report": "range", "from": summary.start.isoformat(), "to": summary.end.isoformat()}


def save_report(summary: Summary, path: str | os.PathLike[str], *, actor,
                lang: str | None = None) -> Path:
    """Write the report to `path` (format by extension) atomically; audit it as an export.

    Raises PermissionDenied (actor may not print reports) or ValidationError
    (unknown extension, missing or unwritable folder) — leaving no file behind.
    """
    check(actor)
    fmt = format_of(path)
    data = render_process.render(render, summary, fmt, printed_by_name=printed_by(actor),
                                 lang=lang)
    written = write_atomic(data, path)
    audit.record(audit_staff(actor), "export", "report", _entity_id(summary),
                 {**_describe(summary), "format": fmt.lstrip("."), "file": str(written),
                  "by": printed_by(actor)})
    return written


def report_pdf(summary: Summary, *, actor, lang: str | None = None) -> bytes:
    """The PDF the print preview shows, with the actor's name as "printed by"."""
    check(actor)
    # A big report renders in a helper process: the desk's window keeps answering.
    return render_process.render(render, summary, ".pdf", printed_by_name=printed_by(actor),
                                 lang=lang)


def record_print(summary: Summary, *, actor, printer: str = "") -> None:
    """Note in the audit log that the report went to a printer (call after it did)."""
    check(actor)
    audit.record(audit_staff(actor), "print", "report", _entity_id(summary),
                 {**_describe(summary), "by": printed_by(actor), "printer": printer,
                  "at": clock.now().isoformat()})


def _entity_id(summary: Summary) -> str:
    if isinstance(summary, DailySummary):
        return summary.day.isoformat()
    return f"{summary.start.isoformat()}..{summary.end.isoformat()}"
