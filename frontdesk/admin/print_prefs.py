"""The desk's printing choices: which printer each kind of paper goes to, slip formats,
and whether a busy desk prints without the dialog. Stored as settings; changes are audited."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk import audit, settings
from frontdesk.errors import ValidationError
from frontdesk.slips.model import SlipFormat, SlipKind

REPORT = "report"  # the printer for reports; slips go by SlipKind
KINDS = (*SlipKind, REPORT)
SLIP_FORMATS = tuple(SlipFormat)


@dataclass
class PrintPrefs:
    printers: dict[str, str]  # kind -> printer name ("" = ask / system default)
    formats: dict[str, str]  # slip kind -> format
    print_without_asking: bool


def load() -> PrintPrefs:
    return PrintPrefs(
        printers={k: str(settings.get(f"printing.{k}.printer") or "") for k in KINDS},
        formats={k: str(settings.get(f"slips.{k}.format")) for k in SlipKind},
        print_without_asking=bool(settings.get("printing.print_without_asking")),
    )


def save(prefs: PrintPrefs, *, actor) -> None:
    """Store `prefs` for this PC (desk-local settings); any logged-in staff may choose them."""
    if actor is None:
        raise ValidationError("请先登录。", "Log in first.", field="printer")
    for kind, fmt in prefs.formats.items():
        if fmt not in SLIP_FORMATS:
            raise ValidationError(f"未知的纸张格式：{fmt}", f"Unknown paper format: {fmt}",
                                  field=f"{kind}_format")
    before = load()
    for kind in KINDS:
        settings.set(f"printing.{kind}.printer", prefs.printers.get(kind, "").strip())
    for kind, fmt in prefs.formats.items():
        settings.set(f"slips.{kind}.format", fmt)
    settings.set("printing.print_without_asking", bool(prefs.print_without_asking))
    after = load()
    if after != before:
        audit.record(actor, "update", "settings", "printing",
                     {"before": before.__dict__, "after": after.__dict__})
