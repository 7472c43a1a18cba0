"""Reading the house rules' TOML files: one reader for every rules file.

`read_toml` names the file when it is missing, malformed or empty; `Reader` gives
typed access to one entry and fails with the file, the entry and the key named, in
both languages (an admin editing resources/rules/ sees exactly what to fix).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontdesk.errors import ConfigError
from frontdesk.i18n import Msg


def bad(path: Path, zh: str, en: str) -> ConfigError:
    return ConfigError(
        f"规则文件 {path} 有误：{zh}。请修正该文件后重试。",
        f"Rules file {path} is invalid: {en}. Fix the file and try again.",
    )


def toml_error(exc: Exception) -> tuple[str, str]:
    """(zh, en) of a TOML parse error: where it is in both languages; the parser's own
    English words ("Expected ']]' at the end of an array declaration") only in English."""
    import re

    text = str(exc)
    place = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if place:
        zh = f"第 {place.group(1)} 行第 {place.group(2)} 列格式错误"
    elif "end of document" in text:
        zh = "文件在末尾处不完整（缺少括号或引号）"
    else:
        zh = "格式错误"
    return zh, f"malformed TOML ({text})"


def read_toml(path: Path) -> dict[str, Any]:
    """A rules file's tables; missing, unreadable (a folder, binary, not UTF-8), malformed
    or empty files are a ConfigError naming the file (a UTF-8 BOM is accepted)."""
    import tomllib  # here, not at module level: the app's start-up reads no TOML

    from frontdesk.files import read_text

    if not Path(path).exists() and not Path(path).is_symlink():
        raise ConfigError(
            f"缺少规则文件 {path}。请重新安装 Frontdesk。",
            f"The rules file {path} is missing. Reinstall Frontdesk.",
        )
    text = read_text(path, "规则文件", "rules file")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise bad(path, *toml_error(exc)) from exc
    except RecursionError:  # thousands of nested arrays
        raise bad(path, "嵌套过深", "nested too deeply") from None
    if not data:  # an emptied file would load as "no departments, no fees": say so
        raise bad(path, "文件是空的", "the file is empty")
    return data


class Reader:
    """Typed access to one TOML entry, failing with the file and entry named."""

    def __init__(self, path: Path, entry: dict[str, Any], where: str):
        self.path, self.entry, self.where = path, entry, where

    def _fail(self, key: str, zh: str, en: str) -> ConfigError:
        return bad(self.path, f"{self.where} 的“{key}”{zh}", f"{self.where}: '{key}' {en}")

    def str(self, key: str, default: str | None = None) -> str:
        value = self.entry.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self._fail(key, "缺失或不是文字", "is missing or not text")
        return value

    def bilingual(self, key: str, required: bool = True) -> Msg:
        """A {zh, en} table as a Msg (English falls back to Chinese); Msg("", "") when optional."""
        value = self.entry.get(key)
        if value is None and not required:
            return Msg("", "")
        if not isinstance(value, dict) or not isinstance(value.get("zh"), str) or not value["zh"]:
            raise self._fail(key, "需要 zh 和 en 两种文字", "needs zh and en text")
        return Msg(value["zh"], str(value.get("en") or value["zh"]))

    def amount_fen(self, key: str) -> int:
        value = self.entry.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, "必须是金额（元）", "must be an amount in yuan")
        if value < 0:
            raise self._fail(key, "不能为负数", "must not be negative")
        return round(value * 100)

    def whole(self, key: str, default: int, *, minimum: int = 0) -> int:
        """A whole number (TOML integer) of at least `minimum`; `default` when absent."""
        value = self.entry.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(key, "必须是整数", "must be a whole number")
        if value < minimum:
            raise self._fail(key, f"不能小于 {minimum}", f"must be at least {minimum}")
        return value

    def number(self, key: str, default: float) -> float:
        value = self.entry.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, "必须是数字", "must be a number")
        return float(value)

    def time(self, key: str) -> str:
        value = self.str(key)
        parts = value.split(":")
        ok = len(parts) == 2 and all(p.isdigit() for p in parts)
        if not ok or not (0 <= int(parts[0]) <= 24 and 0 <= int(parts[1]) < 60):
            raise self._fail(key, "必须是 HH:MM 时间", "must be a time HH:MM")
        return f"{int(parts[0]):02d}:{parts[1]}"


def entries(path: Path, data: dict[str, Any], key: str) -> list[Reader]:
    rows = data.get(key, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise bad(path, f"“{key}”必须是表格数组", f"'{key}' must be an array of tables")
    return [Reader(path, row, f"[[{key}]] #{i + 1}") for i, row in enumerate(rows)]
