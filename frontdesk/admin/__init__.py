"""The admin area's domain (the screens are frontdesk/ui/admin/).

rule_edits.py   departments, doctors and schedules, fees, grooming items and the
                editable settings: permission-checked, validated as a whole, one
                transaction each, audited as `rule_change` with before and after
audit_words.py  the audit log in words: entity names and details in the UI language
backup.py       online SQLite backups, verified and pruned; restore; the daily backup's turn
print_prefs.py  the desk's printing choices (printer per paper, slip formats), audited

The rule edits are the package's API: `from frontdesk import admin; admin.save_doctor(...)`.
They are loaded on first use (module __getattr__), so importing a sibling alone
(print_prefs for the settings dialog, backup for the CLI) does not load them and,
through them, triage. Import the other modules by name: `from frontdesk.admin import backup`.
"""

from __future__ import annotations

from frontdesk.lazy import lazy_exports

# frontdesk.admin.rule_edits' public names, served from here.
__all__ = [
    "CHILD_AGE_RANGE", "CODE_RE", "EDITABLE_SETTINGS", "ELDER_AGE_RANGE", "MAX_FEE_FEN",
    "MAX_FINE_FEN", "MAX_WAIT_MINUTES", "SETTINGS_LOCK_CLASS", "TICKET_PREFIX_RE", "TIME_RE",
    "DoctorInfo", "current_settings", "list_departments", "list_doctors", "list_fee_classes",
    "list_grooming_items", "parse_day_blocks", "parse_yuan", "save_department", "save_doctor",
    "save_fee_class", "save_grooming_item", "set_department_active", "set_doctor_active",
    "set_doctor_schedule", "set_grooming_item_active", "take_installed_triage_rules",
    "triage_rules_current", "update_settings",
]


__getattr__, __dir__ = lazy_exports(__name__, dict.fromkeys(__all__, "frontdesk.admin.rule_edits"))
