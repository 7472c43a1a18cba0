"""The same numbers as the printed report, as CSV (for anything) and XLSX (for Excel/WPS).

CSV is UTF-8 with a byte-order mark, so Excel on a Chinese Windows opens it
without mangling the characters. Both list every table of the report in order,
each under its title. :func:`save_report` writes a PDF, CSV or XLSX (by the
file's extension) atomically and records who did it in the audit log.

The one export path of every report made of titled tables: the daily and range
summaries here, the service desk's and the staff report (frontdesk.reports.titled)
share :func:`table_lines` / :func:`lines_csv`, the format switch :func:`render_as`
and the audited, atomic :func:`save`.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path

from frontdesk import audit, clock
from frontdesk.errors import ValidationError
from frontdesk.export_safety import csv_row, xlsx_row
from frontdesk.reports import render_process
from frontdesk.reports.access import audit_staff, check, printed_by
from frontdesk.reports.files import write_atomic
from frontdesk.reports.model import DailySummary, RangeSummary
from frontdesk.reports.tables import (
    CONFIDENTIAL,
    SECTION_NAMES,
    ReportTable,
    empty_notice,
    made_at,
    range_empty_notice,
    tables_for,
    title_for,
)

FORMATS = (".pdf", ".csv", ".xlsx")
Summary = DailySummary | RangeSummary


def _preamble(summary: Summary, lang) -> list[list]:
    lines = [[summary.hospital], [title_for(summary, lang)],
             [made_at(summary.generated_at, lang)]]
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


def table_lines(preamble: Iterable[list], tables: Iterable[ReportTable]) -> list[list]:
    """The preamble's lines, then every table under its title, a blank line before each."""
    lines = list(preamble)
    for table in tables:
        lines.append([])
        lines += _block(table)
    return lines


def lines_csv(lines: Iterable[list]) -> bytes:
    """The lines as CSV (UTF-8 with BOM for Excel, CRLF), every cell made safe."""
    out = io.StringIO(newline="")
    # Reasons, names and notes come from the desk: no cell may run as a formula.
    csv.writer(out, lineterminator="\r\n").writerows(csv_row(line) for line in lines)
    return out.getvalue().encode("utf-8-sig")


def to_csv(summary: Summary, lang: str | None = None) -> bytes:
    """Every table, one after the other, separated by blank lines (UTF-8 with BOM)."""
    return lines_csv(table_lines(_preamble(summary, lang), tables_for(summary, lang)))


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


def render_as(fmt: str, *, pdf, csv, xlsx) -> bytes:
    """The report in `fmt` (".pdf", ".csv" or ".xlsx"), each writer called only if chosen."""
    writers = {".pdf": pdf, ".csv": csv, ".xlsx": xlsx}
    if fmt not in writers:
        raise _unsupported(fmt)
    return writers[fmt]()


def render(summary: Summary, fmt: str, *, printed_by_name: str = "",
           lang: str | None = None) -> bytes:
    """The report in `fmt` (".pdf", ".csv" or ".xlsx") as bytes."""
    return render_as(fmt, pdf=lambda: _pdf(summary, printed_by_name, lang),
                     csv=lambda: to_csv(summary, lang), xlsx=lambda: to_xlsx(summary, lang))


def _pdf(summary: Summary, printed_by_name: str, lang: str | None) -> bytes:
    from frontdesk.reports.pdf import render_pdf  # reportlab only when a PDF is asked for

    return render_pdf(summary, printed_by=printed_by_name, lang=lang)


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


def save(report, path: str | os.PathLike[str], *, actor, render, entity_id: str,
         describe: dict, lang: str | None = None) -> Path:
    """Write `render(report, fmt, printed_by_name=, lang=)` (format by the file's extension)
    atomically and audit it as an export (`describe` and the format, file and actor).

    Every report's file goes through here. A big report renders in the helper process
    (render_process); `render` must be a module-level function for that. Raises
    PermissionDenied (actor may not print reports) or ValidationError (unknown extension,
    missing or unwritable folder) — leaving no file behind.
    """
    check(actor)
    fmt = format_of(path)
    data = render_process.render(render, report, fmt, printed_by_name=printed_by(actor),
                                 lang=lang)
    written = write_atomic(data, path)
    audit.record(audit_staff(actor), "export", "report", entity_id,
                 {**describe, "format": fmt.lstrip("."), "file": str(written),
                  "by": printed_by(actor)})
    return written


def save_report(summary: Summary, path: str | os.PathLike[str], *, actor,
                lang: str | None = None) -> Path:
    """Write the report to `path` (format by extension) atomically; audit it as an export."""
    return save(summary, path, actor=actor, render=render, entity_id=_entity_id(summary),
                describe=_describe(summary), lang=lang)


def report_pdf(summary: Summary, *, actor, lang: str | None = None) -> bytes:
    """The PDF the print preview shows, with the actor's name as "printed by"."""
    check(actor)
    # A big report renders in a helper process: the desk's window keeps answering.
    return render_process.render(render, summary, ".pdf", printed_by_name=printed_by(actor),
                                 lang=lang)


def record_print(summary: Summary, *, actor, printer: str = "") -> None:
    """Note in the audit log that the report went to a printer (call after it did)."""
    record_printed(actor=actor, entity_id=_entity_id(summary), describe=_describe(summary),
                   printer=printer)


def record_printed(*, actor, entity_id: str, describe: dict, printer: str = "") -> None:
    """Audit a report that went to a printer: call once the print dialog said it printed,
    never when the preview was made (a preview closed unprinted is no print)."""
    check(actor)
    audit.record(audit_staff(actor), "print", "report", entity_id,
                 {**describe, "by": printed_by(actor), "printer": printer,
                  "at": clock.now().isoformat()})


def _entity_id(summary: Summary) -> str:
    if isinstance(summary, DailySummary):
        return summary.day.isoformat()
    return f"{summary.start.isoformat()}..{summary.end.isoformat()}"
