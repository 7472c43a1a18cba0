"""Money as the desk, the slips and the reports show it: fen (1/100 yuan) as "¥1,234.50".

One definition, no imports: the slip renderer (also in the report helper process) and the
desk's screens both use it without loading the database layer or reportlab.
"""

from __future__ import annotations


def format_fen(amount_fen: int) -> str:
    """12050 → ``¥120.50``; thousands grouped (``¥1,234.00``); negative: ``-¥5.00``."""
    sign = "-" if amount_fen < 0 else ""
    yuan, fen = divmod(abs(int(amount_fen)), 100)
    return f"{sign}¥{yuan:,}.{fen:02d}"
