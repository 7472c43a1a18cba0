"""`frontdesk report daily --date YYYY-MM-DD --out FILE` (and `--from/--to` for a range).

The format follows the file's extension: .pdf, .csv or .xlsx. Without --out
the headline numbers are printed. Exit codes: 0 written (or printed), 2 bad
input or an unwritable file (cli.main prints the message; nothing is left half
written).

Permission: the CLI runs as the system (see frontdesk.reports.access): who can
run it can read the database file anyway. Each file written is recorded in the
audit log as a system export, with the operating-system user named.
"""

from __future__ import annotations

import argparse

from frontdesk.commands import check_out_file, open_for, print_table, say
from frontdesk.errors import ValidationError

HELP = "write the daily summary (or a date range) as PDF, CSV or XLSX"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=("daily", "range"),
                   help="daily: one day (--date); range: --from/--to (weekly, monthly views)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day of a range")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day of a range")
    p.add_argument("--out", metavar="FILE",
                   help="output file, .pdf / .csv / .xlsx (without it: print the headline numbers)")
    p.add_argument("--force", action="store_true",
                   help="replace FILE if it exists (a database or backup is never replaced)")
    p.add_argument("--full-phones", action="store_true",
                   help="daily: print the call-back list's phone numbers in full "
                        "(masked 138****8000 by default)")


FIRST_YEAR = 2000  # no hospital kept its reception desk in Frontdesk before this


def _check_era(day, field: str) -> None:
    if day.year < FIRST_YEAR:
        raise ValidationError(f"日期 {day:%Y-%m-%d} 太早：报表从 {FIRST_YEAR} 年起。",
                              f"The date {day:%Y-%m-%d} is too early: reports start in "
                              f"{FIRST_YEAR}.", field=field)


def _which(args) -> tuple[str, str | None, str | None]:
    """("daily", day, None) or ("range", start, end), from the arguments as given."""
    wants_range = args.start is not None or args.end is not None
    if wants_range and args.date is not None:
        raise ValidationError("请只用 --date（单日）或 --from/--to（时间段）其中一种。",
                              "Give either --date (one day) or --from/--to (a range), not both.",
                              field="date")
    if args.kind == "range" or wants_range:
        if args.start is None or args.end is None:
            raise ValidationError("时间段需要同时给出 --from 和 --to。",
                                  "A range needs both --from and --to.", field="from")
        return "range", args.start, args.end
    return "daily", args.date, None


def run(args) -> int:
    from frontdesk import clock
    from frontdesk.reports import export
    from frontdesk.reports.access import SYSTEM
    from frontdesk.reports.daily import check_not_future, parse_day
    from frontdesk.reports.range import check_range

    # Everything that can be checked without the database is checked first.
    kind, first, last = _which(args)
    today = clock.today()
    if kind == "daily":
        day = parse_day(first) if first is not None else today
        check_not_future(day, today=today)
        _check_era(day, "date")
    else:
        start, end = parse_day(first, field="from"), parse_day(last, field="to")
        _check_era(start, "from")
        _check_era(end, "to")
        check_range(start, end, today=today)
    check_out_file(args)

    open_for(args)
    if kind == "daily":
        from frontdesk.reports.daily import build_daily

        summary = build_daily(day, actor=SYSTEM, today=today,
                              full_phones=bool(getattr(args, "full_phones", False)))
        label = f"{day:%Y-%m-%d}"
    else:
        from frontdesk.reports.range import build_range

        summary = build_range(start, end, actor=SYSTEM, today=today)
        label = f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"

    if summary.is_empty:
        say(f"注意：{label} 没有就诊记录，报表内容为空。",
            f"Note: no visits were recorded for {label}; the report is mostly empty.")
    if not args.out:
        from frontdesk.reports.tables import tables_for

        print_table(f"{summary.hospital}  {label}", tables_for(summary)[0])
        return 0
    written = export.save_report(summary, args.out, actor=SYSTEM)
    say(f"已写入 {written}（{label}，就诊 {summary.totals.visits} 人次）。",
        f"Wrote {written} ({label}, {summary.totals.visits} visits).")
    return 0
