import pytest

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


def test_matching_view_keeps_length_and_simplifies():
    text = "江漢區2017年政府工作報告,發布機構"
    view = matching_view(text)
    assert view == "江汉区2017年政府工作报告,发布机构"
    assert len(view) == len(text)


def test_squeeze_removes_pdf_line_breaks_and_spaces():
    assert squeeze("同比增\n长 14.5%") == "同比增长14.5%"
