"""Text from the desk (reasons, names, notes) going into spreadsheets, never as a formula.

Excel and WPS run a CSV cell that starts with = + - @ (or a tab or carriage
return) as a formula: a leave reason typed as =HYPERLINK(...) would become a
live link, or worse, in the supervisor's spreadsheet. Every CSV export passes
its cells through :func:`csv_cell`; XLSX exports store text as strings
(:func:`xlsx_row`), which a spreadsheet never evaluates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A signed plain number ("-3", "+12.5%") is read as a number, not run: left as it is.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*%?")


# What a worksheet cell cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE: C0 controls but tab,
# newline and carriage return) and lone surrogates, which no UTF-8 file can hold.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def writable(text: str) -> str:
    """`text` without what a spreadsheet or a UTF-8 file cannot hold (see _UNWRITABLE).

    Validation keeps such characters out of what is typed now; rows written before it (an
    older Frontdesk, another program on a shared server) may still hold them, and one such
    row made the XLSX export raise IllegalCharacterError.
    """
    if text.isprintable():  # most text: nothing to drop
        return text
    return _UNWRITABLE.sub("", text)


def csv_cell(value):
    """`value` for a CSV cell: text that would start a formula gets a leading apostrophe.

    The apostrophe is the spreadsheets' own mark for "this is text". Numbers,
    dates and None pass through unchanged; text loses what no file can hold (writable).
    """
    if isinstance(value, str):
        value = writable(value)
    if not isinstance(value, str) or value[:1] not in FORMULA_START:
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def csv_row(values: Iterable) -> list:
    return [csv_cell(v) for v in values]


def xlsx_row(ws, values: Iterable, font=None) -> list:
    """Write-only openpyxl cells for `values`; text is stored as a string, never a formula."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for v in values:
        if isinstance(v, str):
            v = writable(v)
        c = WriteOnlyCell(ws, value=v)
        if isinstance(v, str):
            c.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
        if font is not None:
            c.font = font
        cells.append(c)
    return cells
