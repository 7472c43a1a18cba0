"""The rules files' reader: every broken file is a ConfigError naming it, never a traceback."""

import os

import pytest

from frontdesk.errors import ConfigError
from frontdesk.rule_files import read_toml


def test_a_bom_is_accepted(tmp_path):
    path = tmp_path / "fees.toml"
    path.write_bytes('[fee]\nname = "挂号费"\n'.encode("utf-8-sig"))
    assert read_toml(path) == {"fee": {"name": "挂号费"}}


@pytest.mark.parametrize("content", [b"", b"\0\x01\x02garbage", "名 = 1".encode("gbk"),
                                     b"a = " + b"[" * 50_000, b"[[[", b"a = 1\na = 2"])
def test_a_broken_rules_file_is_named(tmp_path, content):
    path = tmp_path / "rules.toml"
    path.write_bytes(content)
    with pytest.raises(ConfigError) as err:
        read_toml(path)
    assert str(path) in err.value.message("en") and str(path) in err.value.message("zh_CN")


def test_a_folder_a_loop_or_nothing_is_named(tmp_path):
    (tmp_path / "dir.toml").mkdir()
    os.symlink(tmp_path / "b.toml", tmp_path / "a.toml")
    os.symlink(tmp_path / "a.toml", tmp_path / "b.toml")
    for name in ("dir.toml", "a.toml", "missing.toml"):
        with pytest.raises(ConfigError) as err:
            read_toml(tmp_path / name)
        assert name in err.value.message("en")


@pytest.mark.parametrize("content,zh", [
    ('a = 1\nb = "open\n', "第 2 行"),
    ("[[nope", "末尾"),
])
def test_a_malformed_rules_file_says_where_in_chinese_without_the_parsers_english(
        tmp_path, content, zh):
    """The Chinese sentence carried tomllib's English ('格式错误（Expected ']]' at the end
    of an array declaration (at end of document)）'); now it says where, in Chinese."""
    from frontdesk.rule_files import read_toml

    path = tmp_path / "triage.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_toml(path)
    said = err.value.message("zh_CN")
    assert zh in said
    assert not any(word in said for word in ("Expected", "Illegal", "Unclosed", "document"))
    assert "malformed TOML" in err.value.message("en")
