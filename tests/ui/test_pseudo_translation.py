"""FRONTDESK_PSEUDO_TRANSLATION swaps in the pseudo catalogue; without it nothing changes."""

import pytest
from PySide6.QtCore import QCoreApplication

from frontdesk.ui import translation
from tools import i18n

pytestmark = pytest.mark.gui


def test_without_the_variable_the_chinese_catalogue_is_used(qapp, monkeypatch):
    monkeypatch.delenv(translation.PSEUDO_ENV, raising=False)
    translation.install("zh_CN")
    assert QCoreApplication.translate("Areas", "Reports") == "报表"
    translation.install("en")
    assert QCoreApplication.translate("Areas", "Reports") == "Reports"


def test_the_pseudo_catalogue_makes_every_string_longer(qapp, monkeypatch, tmp_path):
    qm = i18n.pseudo(tmp_path / "frontdesk_pseudo.qm")
    monkeypatch.setenv(translation.PSEUDO_ENV, str(qm))
    for lang in ("zh_CN", "en"):
        translation.install(lang)
        shown = QCoreApplication.translate("Areas", "Reports")
        assert shown.startswith("［") and shown.endswith("］")
        assert len(shown) >= len("Reports") * 1.4
    monkeypatch.delenv(translation.PSEUDO_ENV)
    translation.install("zh_CN")
    assert QCoreApplication.translate("Areas", "Reports") == "报表"


def test_one_means_the_catalogue_tools_i18n_pseudo_builds(monkeypatch):
    monkeypatch.setenv(translation.PSEUDO_ENV, "1")
    assert translation._pseudo_catalogue() == str(i18n.PSEUDO_QM)
    monkeypatch.setenv(translation.PSEUDO_ENV, "0")
    assert translation._pseudo_catalogue() is None
