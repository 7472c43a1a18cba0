"""Install Qt translators: the app's own strings and Qt's (qtbase_*) for dialogs.

Developers: FRONTDESK_PSEUDO_TRANSLATION=1 replaces the app's catalogue with the
pseudo-translation built by `python -m tools.i18n pseudo` (every string longer and
bracketed, to find clipped text); a path instead of 1 names another .qm.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from frontdesk import i18n
from frontdesk.paths import resource_path

_installed: list[QTranslator] = []
log = logging.getLogger(__name__)

PSEUDO_ENV = "FRONTDESK_PSEUDO_TRANSLATION"
# Where `python -m tools.i18n pseudo` writes it (a source checkout only; never bundled).
PSEUDO_QM = Path(__file__).resolve().parents[2] / "build" / "i18n" / "frontdesk_pseudo.qm"


def _pseudo_catalogue() -> str | None:
    value = os.environ.get(PSEUDO_ENV, "").strip()
    if value in ("", "0"):
        return None
    return str(PSEUDO_QM) if value == "1" else value


def install(lang: str) -> None:
    """Switch the whole UI to `lang` ("zh_CN" or "en"); widgets get a LanguageChange event."""
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    i18n.set_language(lang)
    QLocale.setDefault(QLocale("zh_CN" if lang == "zh_CN" else "en_US"))
    pseudo = _pseudo_catalogue()
    if lang == "en" and pseudo is None:
        # Source strings are English; only the language-change event is needed.
        app.sendEvent(app, _language_change_event())
        return
    ours = QTranslator(app)
    catalogue = pseudo or str(resource_path("translations", f"frontdesk_{lang}.qm"))
    if ours.load(catalogue):
        _installed.append(ours)
    elif pseudo:
        log.warning("%s=%s but %s cannot be loaded; run `python -m tools.i18n pseudo`",
                    PSEUDO_ENV, os.environ.get(PSEUDO_ENV), catalogue)
    qt = QTranslator(app)
    if lang != "en" and qt.load(f"qtbase_{lang}",
                                QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    for tr in _installed:
        app.installTranslator(tr)


def _language_change_event():
    from PySide6.QtCore import QEvent

    return QEvent(QEvent.Type.LanguageChange)
