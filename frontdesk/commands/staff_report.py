"""`frontdesk staff-report --month YYYY-MM [--out FILE]`: the monthly staff report.

Attendance, lateness, fines, rewards, swaps and leave of a calendar month, as
PDF, CSV or XLSX by the file's extension; without --out the summary table is
printed. Runs as the system (frontdesk.reports.access); the file is audited.
Exit codes: 0 written (or printed), 2 bad input or an unwritable file.
"""

from __future__ import annotations

import argparse
import re

from frontdesk.commands import check_out_file, open_for, print_table, say
from frontdesk.errors import ValidationError

HELP = "write the monthly staff report (attendance, fines, rewards, swaps, leave)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--month", metavar="YYYY-MM", help="the month (default: this month)")
    p.add_argument("--out", metavar="FILE", help="output file, .pdf / .csv / .xlsx")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")


def parse_month(value: str | None, today) -> tuple[int, int]:
    if value is None:
        return today.year, today.month
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", value)
    if not match or not 1 <= int(match[2]) <= 12 or not 2000 <= int(match[1]) <= 2999:
        raise ValidationError(f"月份“{value}”无效，请写成 YYYY-MM（如 2026-11）。",
                              f"'{value}' is not a month; write YYYY-MM (e.g. 2026-11).",
                              field="month")
    return int(match[1]), int(match[2])


def run(args) -> int:
    from frontdesk import clock
    from frontdesk.reports.access import SYSTEM

    year, month = parse_month(args.month, clock.today())
    check_out_file(args)
    open_for(args)
    from frontdesk.staffing import staff_report

    report = staff_report.build(actor=SYSTEM, year=year, month=month)
    if not args.out:
        print_table(f"{report.hospital}  {report.title()}", report.tables[0])
        return 0
    written = staff_report.save(report, args.out, actor=SYSTEM)
    say(f"已写入 {written}（{year}-{month:02d}，{len(report.tables[0].rows)} 名员工）。",
        f"Wrote {written} ({year}-{month:02d}, {len(report.tables[0].rows)} staff).")
    return 0
