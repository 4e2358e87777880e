import pytest

from cn_gov_reports.sections import build_sections
from cn_gov_reports.sentences import section_sentences, split


def sentences(text):
    return [text[s:e] for s, e in split(text, 0, len(text))]


@pytest.mark.parametrize("text, expected", [
    pytest.param("GDP增长9.7%;规上工业增加值增长10.5%。", ["GDP增长9.7%;", "规上工业增加值增长10.5%。"],
                 id="semicolon and full stop"),
    pytest.param("预计全年完成地区生产总值 1720 亿元、 同比增\n长 14.5%,总量稳居中心城区第一;",
                 ["预计全年完成地区生产总值 1720 亿元、 同比增\n长 14.5%,总量稳居中心城区第一;"],
                 id="PDF line break inside a sentence"),
    pytest.param("全年进出口1263.4亿元,增长11.54%\n\n推动更高水平对外开放。",
                 ["全年进出口1263.4亿元,增长11.54%", "推动更高水平对外开放。"],
                 id="paragraph without final punctuation"),
    pytest.param("他说:“要建成光谷火车站。”然后开工。", ["他说:“要建成光谷火车站。”", "然后开工。"],
                 id="closing quote stays with its sentence"),
    pytest.param("各位代表:\n现在,我代表区人民政府", ["各位代表:", "现在,我代表区人民政府"], id="colon at a line end"),
    pytest.param("经济运行稳中向好\n    预计全年地区生产总值增长8%。", ["经济运行稳中向好", "预计全年地区生产总值增长8%。"],
                 id="indented line starts a paragraph"),
])
def test_split(text, expected):
    assert sentences(text) == expected


def test_sentences_never_cross_sections():
    text = "一、2018年工作回顾\n工业投资279亿元\n(一)经济总量稳步提升。GDP增长9.7%。"
    rows = build_sections("d", text)
    spans = [(sec["id"], text[s:e]) for sec, s, e in section_sentences(text, rows)]
    assert [t for _, t in spans] == ["一、2018年工作回顾", "工业投资279亿元", "(一)经济总量稳步提升。", "GDP增长9.7%。"]
    assert len({sid for sid, _ in spans}) == 2
