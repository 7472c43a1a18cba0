"""`frontdesk display`: the waiting-room display and the voice, on a PC that does nothing else.

    frontdesk display --department 内科 --department 外科 --screen 2
    frontdesk display --db postgresql://desk@server/frontdesk      # every department

No log-in: the display shows only what strangers may see (masked names), and
writes nothing. Qt is imported inside `run`, like every window of the app.
"""

from __future__ import annotations

import argparse

HELP = "open the waiting-room display (calls, next patients, voice) full screen"


def add_arguments(p) -> None:
    p.add_argument("--department", action="append", default=[], metavar="NAME",
                   help="department id, code or name (repeat, or separate with commas); "
                        "default: this PC's last choice, else every department")
    p.add_argument("--screen", type=int, default=None, metavar="N",
                   help="screen number, 1 = the first (default: this PC's last choice, else the last screen)")
    p.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    p.add_argument("--no-voice", action="store_true", help="show calls without announcing them")
    p.add_argument("--seconds", type=float, default=None, help=argparse.SUPPRESS)  # close after N seconds (tests, benchmark)


def run(args) -> int:
    from frontdesk.cli import database_url
    from frontdesk.ui.queue.display_app import run_display

    screen = None if args.screen is None else args.screen - 1
    return run_display(database_url(args), departments=args.department, screen=screen,
                       windowed=args.windowed, voice=not args.no_voice, lang=args.lang,
                       seconds=args.seconds)
