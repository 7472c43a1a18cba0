"""Language choice for text produced outside Qt (domain messages, rule data, PDFs).

Qt widgets translate through QTranslator; the domain layer cannot, so its
messages carry both languages and pick one here.
"""

from __future__ import annotations

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_current = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    _current = lang


def language() -> str:
    return _current


def text(zh: str, en: str, lang: str | None = None) -> str:
    """Return the Chinese or English form, by `lang` or the current language."""
    return en if (lang or _current) == "en" else zh


def localized(obj: object, field: str, lang: str | None = None) -> str:
    """Read `<field>_zh` / `<field>_en` from a rule row, falling back to Chinese."""
    zh = getattr(obj, f"{field}_zh", "") or ""
    en = getattr(obj, f"{field}_en", "") or ""
    return text(zh, en or zh, lang)
