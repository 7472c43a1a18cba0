"""Column widths see every row: a long call-back list keeps its row numbers on one line."""

from reportlab.lib.pagesizes import A4

from frontdesk.reports import pdf
from frontdesk.reports.tables import ReportTable
from frontdesk.slips.fonts import ensure_font


def _long_table(n: int) -> ReportTable:
    rows = tuple((i, f"患者{i % 7}", f"1380000{i:04d}", "内科", "14:05") for i in range(1, n + 1))
    return ReportTable("callbacks", "callbacks", "回访", ("#", "患者", "电话", "科室", "到院"),
                       rows)


def test_rows_far_down_the_list_count_for_the_width():
    styles = pdf._styles(ensure_font())
    table = _long_table(1500)
    widths = pdf._column_widths(table, styles["cell"], A4[0] - 2 * pdf.MARGIN)
    # row 1,500's number is wider than row 400's: it must still fit on one line
    assert all(isinstance(c, str) for row in table.rows
               for c in pdf._cells(row, widths, styles))
