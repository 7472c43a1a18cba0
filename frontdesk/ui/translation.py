"""Install Qt translators: the app's own strings and Qt's (qtbase_*) for dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from frontdesk import i18n
from frontdesk.paths import resource_path

_installed: list[QTranslator] = []


def install(lang: str) -> None:
    """Switch the whole UI to `lang` ("zh_CN" or "en"); widgets get a LanguageChange event."""
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    i18n.set_language(lang)
    QLocale.setDefault(QLocale("zh_CN" if lang == "zh_CN" else "en_US"))
    if lang == "en":
        # Source strings are English; only the language-change event is needed.
        app.sendEvent(app, _language_change_event())
        return
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"frontdesk_{lang}.qm"))):
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    for tr in _installed:
        app.installTranslator(tr)


def _language_change_event():
    from PySide6.QtCore import QEvent

    return QEvent(QEvent.Type.LanguageChange)
