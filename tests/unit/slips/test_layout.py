from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.slips.layout import ELLIPSIS, MAX_FIELD_LINES, text_width, wrap

ALPHABET = "王小明内科诊室出电梯左转，。（）abcdefghij ABC-0123456789"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=200), st.floats(min_value=40, max_value=400),
       st.sampled_from([7.0, 9.0, 12.0]))
def test_wrapped_lines_fit(text, width, size):
    lines = wrap(text, width, size, max_lines=1000)
    for line in lines:
        assert text_width(line, size) <= width + 1e-6 or len(line) == 1
    # nothing but spaces is lost
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_no_comma_opens_a_line():
    lines = wrap("出电梯左转沿蓝色地标直走约五十米，经过药房", 90, 9)
    assert all(not line.startswith("，") for line in lines)


def test_runaway_text_is_cut_with_ellipsis():
    lines = wrap("很" * 1000, 100, 9)
    assert len(lines) == MAX_FIELD_LINES and lines[-1].endswith(ELLIPSIS)
    assert all(text_width(line, 9) <= 100 for line in lines)
