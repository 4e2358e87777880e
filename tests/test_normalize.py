import hypothesis
import pytest

from cn_gov_reports import normalize as normalize_module
from cn_gov_reports.normalize import matching_view, normalize, squeeze


@pytest.mark.parametrize("raw, expected", [
    pytest.param("一、回顾\r\n正文\r尾", "一、回顾\n正文\n尾", id="CRLF and lone CR"),
    pytest.param("（一）增长１０．５％，", "(一)增长10.5%,", id="full-width forms to ASCII"),
    pytest.param("索\u3000引\u00a0号", "索 引 号", id="ideographic and no-break spaces"),
    pytest.param("\ufeff各位\u200b代表", "各位代表", id="BOM and zero-width characters"),
    pytest.param("“十四五”。、", "“十四五”。、", id="Chinese punctuation kept"),
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(hypothesis.strategies.text(alphabet=hypothesis.strategies.sampled_from(
    list("各位代表增长,。、“”()-[]\\^ \n") + [chr(c) for c in (0xFF01, 0xFF08, 0xFF0C, 0xFF3C, 0xFF3D, 0xFF3E,
                                                        0xFF5E, 0xFF5F, 0xFF00, 0x3000, 0x00A0, 0x200B, 0x200C,
                                                        0x200D, 0x2060, 0xFEFF, 0x200E)]), max_size=40))
def test_normalize_changes_exactly_the_characters_of_its_tables(text):
    """normalize finds the characters to change with patterns made from its tables (_WIDTH, _ZERO_WIDTH): the
    same text as translating every character by those tables, then splitting a one-line report."""
    expected = text.translate(normalize_module._WIDTH).translate(normalize_module._ZERO_WIDTH)
    assert normalize(text) == normalize_module.split_one_line(expected)


def test_matching_view_keeps_length_and_simplifies():
    text = "江漢區2017年政府工作報告,發布機構"
    view = matching_view(text)
    assert view == "江汉区2017年政府工作报告,发布机构"
    assert len(view) == len(text)


def test_squeeze_removes_pdf_line_breaks_and_spaces():
    assert squeeze("同比增\n长 14.5%") == "同比增长14.5%"
