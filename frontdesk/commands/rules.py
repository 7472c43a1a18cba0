"""`frontdesk rules reload`: put the current triage.toml into the database.

The database keeps the triage rule document it was given at `init` (setting
`rules.triage`), and every desk compiles from that copy. After an upgrade that
brings better rules, or after IT edited triage.toml, this is how the database
gets them; every desk picks them up at its next suggestion (the stored rules
version is bumped in the same transaction).
"""

from __future__ import annotations

from pathlib import Path

from frontdesk.commands import open_for, say

HELP = "reload the triage rules (triage.toml) into the database after an upgrade or an edit"


def add_arguments(p) -> None:
    p.add_argument("action", choices=["reload"], help="what to do with the rules")
    p.add_argument("--folder", type=Path, default=None,
                   help="the folder that holds triage.toml (default: the installed rules)")


def run(args) -> int:
    open_for(args)
    from frontdesk import rules
    from frontdesk.permissions import SYSTEM

    doc = rules.reload_triage(args.folder, actor=SYSTEM)
    flags, words = len(doc.get("red_flags", ())), len(doc.get("synonyms", {}))
    say(f"已重新载入分诊规则：危急症状 {flags} 类，同义说法 {words} 条。各导医台下次分诊即用新规则。",
        f"Triage rules reloaded: red-flag kinds: {flags}, synonyms: {words}. Every desk uses "
        "them from its next suggestion.")
    return 0
