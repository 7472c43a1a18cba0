"""One place that turns Qt's language-change event into a widget's retranslate()."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixin for widgets with a `retranslate()`: put it before the Qt base class.

    Switching the language installs a new translator; Qt then sends every widget
    a LanguageChange event, and each screen sets its texts again.
    """

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
