from __future__ import annotations

import tempfile
from pathlib import Path

from frontdesk.commands import open_for, say

HELP = "measure triage suggestions on a labelled TSV of complaints (top-1, top-3, red flags)"


def add_arguments(p) -> None:
    p.add_argument("file", type=Path, help="TSV: complaint, department code, yes/no red flag, "
                                           "[sex M/F], [age]")
    p.add_argument("--use-database", action="store_true",
                   help="use the hospital's database (its rules and past visits) instead of "
                        "the bundled rules in a scratch database")
    p.add_argument("--misses", action="store_true", help="list every case it got wrong")


def run(args) -> int:
    from frontdesk.triage import eval as triage_eval

    cases = triage_eval.read_cases(args.file)
    if args.use_database:
        open_for(args)
        result = triage_eval.evaluate(cases, learn=True)
    else:
        from frontdesk import rules
        from frontdesk.db import connection
        from frontdesk.db.session import open_database

        with tempfile.TemporaryDirectory() as folder:
            open_database(f"sqlite:///{Path(folder) / 'triage-eval.sqlite3'}")
            try:
                rules.load_rules()
                result = triage_eval.evaluate(cases)
            finally:
                connection.close()
    if args.misses:
        for case, ranked, red in result.misses:
            flag = "RED" if red else "-"
            print(f"  line {case.line}: {case.complaint} | expected {case.expected}"
                  f"{' RED' if case.red_flag else ''} | got {','.join(ranked) or '∅'} {flag}")
    rates = {k: result.rate(k) for k in ("top1", "top3", "red_recall", "false_red")}
    say(f"共 {result.cases} 条（危急 {result.red_cases} 条）：首选正确 {rates['top1']:.1%}，"
        f"前三含正确 {rates['top3']:.1%}，危急召回 {rates['red_recall']:.1%}，"
        f"误报危急 {rates['false_red']:.1%}。",
        result.summary())
    return 0 if result.meets_targets() else 1
