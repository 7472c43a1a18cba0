"""Language choice for text produced outside Qt (domain messages, rule data, PDFs).

Qt widgets translate through QTranslator; the domain layer cannot, so its
text is a `Msg` that carries both languages and picks one when it is shown:
the language is chosen once, here (`set_language`), not at every call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


@dataclass(frozen=True, slots=True)
class Msg:
    """One piece of domain text in both languages; `str()` gives the current language.

    Immutable and comparable, so it can be a dict value, a constant or part of
    a frozen dataclass. `format()` fills the same placeholders in both forms.
    """

    zh: str
    en: str

    def text(self, lang: str | None = None) -> str:
        """The English form when `lang` (or the current language) is "en", else Chinese."""
        return self.en if (lang or _current) == "en" else self.zh

    def __str__(self) -> str:
        return self.text()

    def pair(self) -> tuple[str, str]:
        """(zh, en): for writing this text into a longer message in each language."""
        return self.zh, self.en

    def format(self, *args: Any, **kwargs: Any) -> Msg:
        """Both forms with `str.format` applied to each."""
        return Msg(self.zh.format(*args, **kwargs), self.en.format(*args, **kwargs))

    def format_map(self, mapping: Any) -> Msg:
        return Msg(self.zh.format_map(mapping), self.en.format_map(mapping))

    def __add__(self, other: Msg) -> Msg:
        if not isinstance(other, Msg):
            return NotImplemented
        return Msg(self.zh + other.zh, self.en + other.en)

    @classmethod
    def same(cls, value: str) -> Msg:
        """Text that reads the same in both languages (a code, a name we have no translation of)."""
        return cls(value, value)

    @classmethod
    def from_columns(cls, obj: object, field: str) -> Msg:
        """`<field>_zh` / `<field>_en` of a rule row; a missing English form falls back to Chinese."""
        zh = getattr(obj, f"{field}_zh", "") or ""
        en = getattr(obj, f"{field}_en", "") or ""
        return cls(zh, en or zh)


def text(zh: str, en: str, lang: str | None = None) -> str:
    """Shorthand for `Msg(zh, en).text(lang)`: a message shown at once, never kept."""
    return Msg(zh, en).text(lang)


def localized(obj: object, field: str, lang: str | None = None) -> str:
    """Read `<field>_zh` / `<field>_en` from a rule row, falling back to Chinese."""
    return Msg.from_columns(obj, field).text(lang)
