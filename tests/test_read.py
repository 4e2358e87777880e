"""Reading real files of every kind users add: encodings, line ends, traditional characters, saved web
pages, and files that are not reports (tests/fixtures/, made by tests/fixtures/make_fixtures.py)."""
import codecs
import os

import pytest

from cn_gov_reports.normalize import squeeze
from cn_gov_reports.pipeline import process_report
from cn_gov_reports.read import ReportError, decode, read_report
from cn_gov_reports.webpage import page_text

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
PROVENANCE = {"source_file", "source_sha256", "source_encoding"}  # columns that describe the file, not the text


def fixture(name):
    return os.path.join(FIXTURES, name)


def tables(name):
    """(documents row without provenance columns, section rows) of one fixture, under a fixed id."""
    report = process_report(fixture(name), {"id": "doc"})
    document = {k: v for k, v in report.document.items() if k not in PROVENANCE}
    return document, report.sections


@pytest.mark.parametrize("name, encoding", [
    ("report_gb18030.txt", "gb18030"),
    ("report_utf8_bom.txt", "utf-8"),
    ("report_utf16.txt", "utf-16"),
    ("report_utf16le_nobom.txt", "utf-16-le"),
    ("report_crlf.txt", "utf-8"),
    ("report_cr.txt", "utf-8"),
])
def test_encodings_and_line_ends_give_the_same_tables_as_utf8(name, encoding):
    assert tables(name) == tables("report.txt")
    assert process_report(fixture(name), {"id": "doc"}).document["source_encoding"] == encoding


def test_traditional_characters_kept_and_processed_like_simplified():
    document, sections = tables("report_traditional.txt")
    simple_document, simple_sections = tables("report.txt")
    assert [(s["level"], s["label"], s["char_start"]) for s in sections] == \
        [(s["level"], s["label"], s["char_start"]) for s in simple_sections]
    assert sections[1]["heading"] == "2024年工作回顧" and simple_sections[1]["heading"] == "2024年工作回顾"
    assert "現在,我代表區人民政府" in sections[0]["text"]  # as written, not converted
    assert {k: document[k] for k in ("doc_type", "region", "region_code", "review_year", "plan_year")} == \
        {k: simple_document[k] for k in ("doc_type", "region", "region_code", "review_year", "plan_year")}


def test_saved_government_page_gives_the_article_and_its_metadata():
    document, sections = tables("page.html")
    _, text_sections = tables("report.txt")
    body = [(s["level"], s["label"], s["heading"], s["text"].rstrip("\n")) for s in sections[1:]]
    assert body == [(s["level"], s["label"], s["heading"], s["text"].rstrip("\n")) for s in text_sections[1:]]
    assert document["title"] == "东西湖区2025年政府工作报告"
    assert (document["issuer"], document["published"], document["index_number"]) == (
        "东西湖区人民政府办公室", "2025-01-20", "011000000/2025-00012")
    everything = "".join(s["heading"] + s["text"] for s in sections)
    for chrome in ("首页", "政务公开", "您现在的位置", "搜索", "分享到", "浏览次数", "相关文章", "版权所有", "ICP",
                   "网站地图", "_hmt", "jquery", "float: left", "统计代码"):
        assert chrome not in everything, chrome


@pytest.mark.parametrize("html, expected", [
    pytest.param("<p>增长<span>9.7%</span>,<strong>好</strong>。</p><p>二</p>", "增长9.7%,好。\n二", id="inline joins"),
    pytest.param("<p>第一行<br>第二行</p>", "第一行\n第二行", id="br breaks a line"),
    pytest.param("<p>全区\n   地区&nbsp;生产</p>", "全区 地区 生产", id="source whitespace collapses"),
    pytest.param("<table><tr><td>索引号:</td><td>001</td><td>发布机构:</td><td>区政府</td></tr></table>",
                 "索引号: 001 发布机构: 区政府", id="a table row is one line"),
    pytest.param("<nav>首页 新闻</nav><div class='breadcrumb'>位置</div><p>正文。</p><aside>相关</aside>",
                 "正文。", id="navigation, breadcrumb and aside dropped"),
    pytest.param("<header>网站</header><article><header><h1>标题</h1></header><p>正文。</p>"
                 "<footer>区政府</footer></article><footer>版权</footer>", "标题\n正文。\n区政府",
                 id="header and footer kept only inside the article"),
    pytest.param("<div class='header'><h1>报告标题</h1></div><div id='footer'>版权</div>", "报告标题",
                 id="furniture holding the h1 is kept"),
    pytest.param("<script>var a='脚本';</script><style>p{}</style><!-- 注释 --><p>正文。</p>", "正文。",
                 id="scripts, styles and comments dropped"),
    pytest.param("<pre>一行\n  二行</pre>", "一行\n二行", id="pre keeps its line breaks"),
])
def test_page_text(html, expected):
    assert page_text(html) == expected


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "empty file"),
    ("blank.txt", "empty file"),
    ("binary.txt", "binary file"),
    ("scan.pdf", "not a report file type"),
    ("not_a_report_table.txt", "not a report: no Chinese prose (0 Chinese characters"),
    ("not_a_report_english.txt", "not a report: no Chinese prose (0 Chinese characters"),
    ("not_a_report_index.txt", "not a report: no Chinese prose (0 sentences ending in"),
])
def test_files_that_are_not_reports_are_refused_with_a_reason(name, reason):
    with pytest.raises(ReportError) as e:
        process_report(fixture(name))
    assert str(e.value).startswith(f"{name}: {reason}")
    assert "\n" not in str(e.value)


def test_control_characters_are_binary(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(("各位代表。" * 20).encode("utf-8") + bytes(range(1, 9)) * 20)
    with pytest.raises(ReportError, match="binary file"):
        read_report(str(path))


def test_declared_page_charset_is_used():
    html = '<html><head><meta charset="gbk"></head><body><p>报告正文。</p></body></html>'.encode("gbk")
    assert decode(html, "page.html", html=True) == ('<html><head><meta charset="gbk"></head><body><p>报告正文。</p>'
                                                    '</body></html>', "gb18030")


def test_text_that_is_not_in_its_encoding_is_refused(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(codecs.BOM_UTF8 + "报告正文。".encode("utf-8")[:-1] * 30)
    with pytest.raises(ReportError, match=r"cut.txt: not valid utf-8"):
        read_report(str(path))


def test_report_without_headings_is_one_root_section():
    report = process_report(fixture("no_headings.txt"))
    assert len(report.sections) == 1
    assert report.sections[0]["text"] == report.text and "各位代表" in report.text


def test_numbers_split_by_line_breaks_and_spaces_are_kept_verbatim():
    report = process_report(fixture("split_numbers.txt"))
    with open(fixture("split_numbers.txt"), encoding="utf-8") as fh:
        assert report.text == fh.read()
    first = report.sections[1]
    assert first["heading"] == "2024年工作回顾" and "增长9.\n7%" in first["text"]
    for number in ("1234.5亿元", "增长9.7%", "增长6.1%", "增长5.2%", "1.68万人"):
        assert number in squeeze(first["text"])  # what extraction sees once whitespace is squeezed out
    assert [s["heading"] for s in report.sections] == ["", "2024年工作回顾", "2025年主要安排"]
