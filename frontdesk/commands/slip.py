"""`frontdesk slip`: write a visit's guide or billing slip to a PDF file."""

from __future__ import annotations

from frontdesk.commands import open_for, say
from frontdesk.slips.model import SlipFormat, SlipKind

HELP = "write a visit's guide slip (导诊单) or billing slip (缴费单) to a PDF file"


def _visit_id(value: str) -> int:
    import argparse

    from frontdesk.errors import ValidationError
    from frontdesk.validation import record_id

    try:
        return record_id(value, "visit")
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.message()) from None


def add_arguments(p) -> None:
    p.add_argument("--visit", required=True, type=_visit_id, metavar="ID", help="the visit's id")
    p.add_argument("--kind", required=True, choices=[k.value for k in SlipKind],
                   help="guide: 导诊单 for the patient; billing: 缴费单 for the cashier; "
                        "ticket: 取号小票, the door's number")
    p.add_argument("--out", required=True, metavar="FILE.pdf",
                   help="the PDF file to write (replaced all at once, never half-written)")
    p.add_argument("--format", choices=[f.value for f in SlipFormat], dest="fmt",
                   help="paper: roll80 (80 mm receipt roll), a5 or a4 "
                        "(default: the setting slips.<kind>.format)")
    p.add_argument("--force", action="store_true",
                   help="replace FILE.pdf if it exists (a database or backup is never replaced)")


def run(args) -> int:
    from pathlib import Path

    from frontdesk.errors import ValidationError
    from frontdesk.files import check_output

    # Before the database is opened: the live database or a backup is never an output.
    check_output(args.out, "pdf", replace=args.force)
    if Path(args.out).suffix.lower() != ".pdf":
        # A slip is a PDF: "slip.txt" or a folder would get a PDF under a name that lies.
        shown = Path(args.out).suffix or "（无扩展名）"
        raise ValidationError(
            f"小票只能写成 PDF：请用以 .pdf 结尾的文件名（现在是“{shown[:20]}”）。",
            f"A slip is written as a PDF: name a file ending in .pdf (not "
            f"'{Path(args.out).suffix[:20] or 'no extension'}').", field="out")
    open_for(args)
    from frontdesk.permissions import SYSTEM
    from frontdesk.slips import source, write_pdf

    # Everything is checked and drawn before the file is touched, so a bad
    # visit leaves no file behind; write_pdf itself is temp-file-then-rename.
    slip = source.slip_for(args.visit, args.kind, actor=SYSTEM)
    fmt = args.fmt or source.default_format(args.kind)
    data = source.slip_pdf(slip, fmt)
    path = write_pdf(data, args.out, replace=args.force)
    # The command line acts as the system: no staff member is logged in.
    source.record_print(args.visit, args.kind, actor=SYSTEM, fmt=fmt,
                        printer=str(path.resolve()), exported=True)
    say(f"已写入：{path}", f"Written: {path}")
    return 0
