"""`frontdesk service-report KIND --from YYYY-MM-DD --to YYYY-MM-DD [--by day|week|month]
[--out FILE]`: consultation statistics, complaints or satisfaction.

KIND is consultations, complaints or satisfaction. The format follows the file's
extension (.pdf, .csv, .xlsx); without --out the first table is printed. Runs as
the system (frontdesk.reports.access); the file is audited. Exit codes: 0 written
(or printed), 2 bad input or an unwritable file.
"""

from __future__ import annotations

import argparse

from frontdesk.commands import check_out_file, open_for, print_table, say
from frontdesk.errors import ValidationError

HELP = "write the service desk's reports (consultations, complaints, satisfaction)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=("consultations", "complaints", "satisfaction"))
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                   help="first day (default: the first of this month)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default: today)")
    p.add_argument("--by", dest="period", choices=("day", "week", "month"), default="day",
                   help="consultations grouped by day, week or month")
    p.add_argument("--out", metavar="FILE", help="output file, .pdf / .csv / .xlsx")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args) -> int:
    from frontdesk import clock
    from frontdesk.reports.access import SYSTEM
    from frontdesk.reports.daily import parse_day

    today = clock.today()
    start = parse_day(args.start, field="from") if args.start else today.replace(day=1)
    end = parse_day(args.end, field="to") if args.end else today
    if end < start:
        raise ValidationError("结束日期不能早于开始日期。", "The end is before the start.",
                              field="to")
    check_out_file(args)
    open_for(args)
    from frontdesk.service import service_report

    report = service_report.build(actor=SYSTEM, kind=args.kind, start=start, end=end,
                                  period=args.period)
    if not args.out:
        print_table(f"{report.hospital}  {report.title()}", report.tables[0])
        return 0
    written = service_report.save(report, args.out, actor=SYSTEM)
    say(f"已写入 {written}（{report.title()}）。", f"Wrote {written} ({report.title()}).")
    return 0
