"""What a stranger may see of a patient: the one name mask for paper and screens.

The guide slip and the waiting-room board both show a patient's name to
people who are not the patient, so both use :func:`mask_name` (the slips
module re-exports it under the same name).
"""

from __future__ import annotations

import re

# Two-character (复姓) surnames kept whole when masking a name.
COMPOUND_SURNAMES = frozenset(
    """欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离
    闻人 澹台 南宫 端木 西门 独孤 呼延 万俟 申屠 太史 司空 拓跋 公羊 赫连 百里 东郭
    濮阳 单于 淳于 仲孙 鲜于 闾丘 亓官 司寇 第五 梁丘 左丘 谷梁 羊舌 微生 乐正""".split()
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def one_line(value: object) -> str:
    """One line of printable text: line breaks, tabs and runs of spaces become one space."""
    if value is None:
        return ""
    s = str(value).replace("\r\n", "\n").replace("\r", "\n")
    s = s.replace("\u2028", "\n").replace("\u2029", "\n")
    parts = [_SPACES.sub(" ", _CONTROL.sub("", line)).strip() for line in s.split("\n")]
    out = ""
    for p in parts:
        if not p:
            continue
        # Chinese text joins across a line break without a space; Latin gets one.
        glue = "" if not out or _is_wide(out[-1]) or _is_wide(p[0]) else " "
        out += glue + p
    return out


def _is_wide(ch: str) -> bool:
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF
            or 0x20000 <= o <= 0x3FFFF or 0x3000 <= o <= 0x303F)


def mask_name(name: str) -> str:
    """Mask a patient's name for paper or a screen that strangers see.

    王小明 → 王*明, 王明 → 王*, 欧阳小明 → 欧阳*明, 欧阳明 → 欧阳*; longer names keep
    the surname and the last character with one star between (the length is not
    revealed). A one-character name is only a star. Latin names keep each word's
    first letter: John Smith → J* S*.
    """
    s = one_line(name)
    if not s:
        return ""
    if s.isascii():
        return " ".join(w[0] + "*" for w in s.split(" "))
    s = s.replace(" ", "").replace("·", "")
    if len(s) == 1:
        return "*"
    surname = s[:2] if len(s) >= 3 and s[:2] in COMPOUND_SURNAMES else s[:1]
    rest = s[len(surname):]
    if len(rest) <= 1:
        return surname + "*"
    return surname + "*" + rest[-1]
