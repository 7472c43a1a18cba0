"""Small dialogs over a form of FieldBoxes: their buttons and where a refusal shows.

Below the form stand any notes, the error label, then OK (or Save) and Cancel;
OK calls the dialog's submit(), Cancel rejects. A refusal shows at the FieldBox
its field names, else in the error label; nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from frontdesk.errors import FrontdeskError
from frontdesk.ui.widgets.fields import FieldBox, show_error

_Button = QDialogButtonBox.StandardButton


def lay_out_form_dialog(dialog: QDialog, form: QFormLayout, *below: QWidget,
                        ok: _Button = _Button.Ok, ok_text: str | None = None) -> None:
    """The dialog's layout: `form`, the widgets `below` it, then `ok` and Cancel."""
    buttons = QDialogButtonBox(ok | _Button.Cancel)
    if ok_text:
        buttons.button(ok).setText(ok_text)
    buttons.accepted.connect(dialog.submit)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    for widget in below:
        layout.addWidget(widget)
    layout.addWidget(buttons)


def show_refusal(exc: Exception, boxes: dict[str, FieldBox], error: QLabel) -> None:
    """Show `exc` at the box of its field (keys as the domain names fields), else in `error`."""
    message = exc.message() if isinstance(exc, FrontdeskError) else str(exc)
    box = boxes.get(getattr(exc, "field", None) or "")
    if box is not None:
        box.set_error(message)
    else:
        show_error(error, message)
