"""A gentle warning under text staff type for patients: the house rules' forbidden phrases.

Handover notes, complaint replies and the like are read by patients or said to
them. The text is never refused; a small note under the editor names the
phrase and what the house rules say instead (frontdesk.etiquette), and goes
away when the phrase does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from frontdesk import etiquette
from frontdesk.errors import FrontdeskError
from frontdesk.ui import style

CHECK_DELAY_MS = 250  # after typing settles


def warning_text(text: str) -> str:
    """The note for `text` ("" when nothing in it is on the forbidden list)."""
    try:
        found = etiquette.find_forbidden(text)
        instead = {f.word: f.instead.text() for f in etiquette.forbidden_phrases()}
    except FrontdeskError:
        return ""  # a broken phrasebook must not stop anyone typing
    if not found:
        return ""
    parts = [QCoreApplication.translate(
        "PhraseCheck", "“{word}” — the house rules say: “{instead}”").format(
            word=word, instead=instead.get(word, "")) for word in found]
    return QCoreApplication.translate(
        "PhraseCheck", "Patients may read this. Consider rewording: {parts}").format(
            parts="; ".join(parts))


class PhraseCheck(QObject):
    """Watches `editor` and shows :func:`warning_text` in `label` (created when None)."""

    def __init__(self, editor: QWidget, label: QLabel | None = None):
        super().__init__(editor)
        self.editor = editor
        self.label = label or QLabel()
        self.label.setObjectName(f"{editor.objectName() or 'text'}PhraseWarning")
        self.label.setWordWrap(True)
        style.set_role(self.label, "phrase-warning")
        self.label.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        editor.textChanged.connect(self._timer.start)

    def _text(self) -> str:
        e = self.editor
        if isinstance(e, QLineEdit):
            return e.text()
        if isinstance(e, QPlainTextEdit | QTextEdit):
            return e.toPlainText()
        return ""

    def check(self) -> str:
        """Check now (also after typing settles); returns the note shown."""
        self._timer.stop()
        text = warning_text(self._text())
        self.label.setText(text)
        self.label.setVisible(bool(text))
        return text


def attach(editor: QWidget, layout=None) -> PhraseCheck:
    """Check `editor`'s text; the note goes into `layout` (under the editor) when given."""
    check = PhraseCheck(editor)
    if layout is not None:
        layout.addWidget(check.label)
    return check
