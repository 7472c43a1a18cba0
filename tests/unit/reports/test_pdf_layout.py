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


def _row_table(n: int):
    from frontdesk.reports.pdf_rows import RowTable

    rows = [[str(i), f"患者{i}", "内科"] for i in range(1, n + 1)]
    return RowTable(["#", "患者", "科室"], rows, [40, 120, 80], font=ensure_font(), size=7.5,
                    right=[True, False, False], header_bg=pdf.HEADER_BG,
                    row_bgs=pdf.ROW_BACKGROUNDS, rule=pdf.RULE, grid=pdf.GRID)


def test_a_long_row_table_splits_into_pages_keeping_every_row_once():
    table = _row_table(500)
    page = 700.0  # points of frame height
    parts, rest = [], table
    while True:
        rest.wrap(500, page)
        pieces = rest.split(500, page)
        if pieces == [rest]:
            parts.append(rest)
            break
        first, rest = pieces
        _, height = first.wrap(500, page)
        assert height <= page  # what is placed on a page fits on it
        parts.append(first)
    assert [r[0] for p in parts for r in p.rows] == [str(i) for i in range(1, 501)]
    assert len(parts) > 1
    assert [p.last_part for p in parts] == [False] * (len(parts) - 1) + [True]


def test_a_row_table_that_cannot_fit_a_row_moves_on():
    table = _row_table(10)
    assert table.split(500, table.row_height * 1.5) == []  # header only: next frame


def test_row_table_pages_hold_every_row_number(tmp_path):
    import shutil
    import subprocess

    import pytest
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils")
    path = tmp_path / "rows.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([_row_table(300)])
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    numbers = [line.split()[0] for line in out.splitlines() if line.strip()[:1].isdigit()]
    assert numbers == [str(i) for i in range(1, 301)]
    assert out.count("患者") >= 300 + out.count("\f")  # the header on every page


def _drawn(table) -> bytes:
    import io

    from reportlab.platypus import SimpleDocTemplate

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1, pageCompression=0)
    doc.build([table])
    return out.getvalue()


def test_the_fast_cell_text_writes_what_reportlabs_textout_writes(monkeypatch):
    """RowTable._fast_text keeps reportlab's per-cell operators per distinct text (it leans
    on reportlab internals): the PDF must be byte for byte what textOut writes, with
    Chinese and ASCII cells, right-aligned numbers, repeated texts and a page break."""
    from frontdesk.reports import pdf_rows

    rows = [[str(i), ("王小明", "李 Lee", "欧阳娜娜", "")[i % 4], ("内科", "ENT", "口腔科")[i % 3]]
            for i in range(1, 160)]

    def table():
        from frontdesk.reports.pdf_rows import RowTable

        return RowTable(["#", "患者", "科室"], rows, [40, 120, 80], font=ensure_font(),
                        size=7.5, right=[True, False, False], header_bg=pdf.HEADER_BG,
                        row_bgs=pdf.ROW_BACKGROUNDS, rule=pdf.RULE, grid=pdf.GRID)

    fast = _drawn(table())
    monkeypatch.setattr(pdf_rows, "FAST_TEXT", False)  # reportlab's own textOut per cell
    slow = _drawn(table())
    assert fast == slow and b"Tm" in fast
