"""Chrome from any site: one test per cue family (the verbatim line and whether it is dropped, in the head of
a page, between two paragraphs or under the closing), prose lines with cue words kept, fragments cut out of
lines, one-line reports split and kept, and one fixture per hard case (tests/fixtures/, own text modelled on
real pages)."""
import os

import pytest

from cn_gov_reports import chrome
from cn_gov_reports.chrome import clean, is_prose
from cn_gov_reports.normalize import is_one_line, normalize
from cn_gov_reports.pipeline import process_report
from cn_gov_reports.read import read_report

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
TITLE = "某某市2024年政府工作报告\n——2024年1月8日在某某市第十届人民代表大会第三次会议上\n各位代表:\n"
PARA1 = "现在,我代表市人民政府向大会报告工作,请予审议,并请市政协委员和其他列席人员提出意见。\n"
PARA2 = "过去一年,全市地区生产总值增长5.2%,一般公共预算收入增长6.1%,经济运行总体回升向好。\n"
CLOSING = "各位代表,让我们团结一心,为全面建设社会主义现代化新某某而努力奋斗!\n"


def fate(line, where):
    """'dropped' or 'kept': what clean() does with `line` placed at `where` (head, middle, tail) of a report."""
    text = {"head": line + "\n" + TITLE + PARA1 + PARA2 + CLOSING,
            "middle": TITLE + PARA1 + line + "\n" + PARA2 + CLOSING,
            "tail": TITLE + PARA1 + PARA2 + CLOSING + line + "\n"}[where]
    c = clean(normalize(text))
    assert PARA1.strip() in c.text and PARA2.strip() in c.text and CLOSING.strip() in c.text
    return "dropped" if any(d[1] == line for d in c.dropped) else "kept"


# (family, verbatim line, where, expected)
CASES = [
    ("menu", "下载 打印 全屏 收藏", "head", "dropped"),
    ("menu", "下载 打印 全屏 收藏", "middle", "dropped"),
    ("menu", "【字号: 大 中 小】 【打印】 【关闭】", "head", "dropped"),
    ("menu", "全屏阅读", "tail", "dropped"),
    ("menu", "附件下载:2024年政府工作报告.docx", "tail", "dropped"),
    ("news source and time", "来源:湖北日报 时间:2026-02-05 09:12", "head", "dropped"),
    ("news source and time", "来源:湖北日报 时间:2026-02-05 09:12", "middle", "dropped"),
    ("news source", "来源:湖北日报", "head", "dropped"),
    ("news source", "来源:湖北日报", "tail", "dropped"),
    ("news time", "时间:2026-02-05", "head", "dropped"),
    ("editor credit", "责任编辑:王芳", "tail", "dropped"),
    ("date stamp", "2016-12-14", "head", "dropped"),
    ("news dateline", "新华社北京3月15日电", "head", "dropped"),
    ("news dateline", "中新社武汉1月8日电(记者 张三)", "head", "dropped"),
    ("news dateline mid-report", "新华社北京3月15日电", "middle", "kept"),
    ("related links", "相关报道", "tail", "dropped"),
    ("related links", "延伸阅读", "tail", "dropped"),
    ("license footer", "本作品来自中华人民共和国政府的官方文件,依据《中华人民共和国著作权法》第五条,不适用于该法。"
                       "在全世界都属于公有领域。", "tail", "dropped"),
    ("license footer", "Public domainPublic domainfalsefalse", "tail", "dropped"),
    ("citation code", "【法宝引证码】CLI.12.345678", "tail", "dropped"),
    ("url", "原文链接:https://www.pkulaw.com/chl/abc.html", "tail", "dropped"),
    ("url", "http://www.gov.cn/zhengce/2024-03/12/content_1.htm", "tail", "dropped"),
    ("login bar", "会员登录 | 注册", "head", "dropped"),
    ("login bar", "欢迎您,张三 [退出]", "head", "dropped"),
    ("breadcrumb", "首页 > 政务公开 > 政府工作报告", "head", "dropped"),
    ("breadcrumb", "网站首页 >> 时政要闻 >> 正文", "head", "dropped"),
    ("counter", "浏览次数: 1234", "head", "dropped"),
    ("counter", "阅读 123", "tail", "dropped"),
    ("counter", "2316人阅读", "middle", "dropped"),
    ("page footer", "— 3 —", "middle", "dropped"),
    ("page footer", "- 12 -", "middle", "dropped"),
    ("photo caption", "1月18日,市第十届人民代表大会第三次会议开幕。 记者 张三 摄", "middle", "dropped"),
    ("photo caption", "通讯员 李明 摄", "head", "dropped"),
    # report lines that carry a cue word stay
    ("prose with 下载", "我们开通政务服务下载专区,企业可在线下载办事指南,群众办事更加便利。", "middle", "kept"),
    ("prose with 来源", "重大项目来源于全市各区,资金来源:财政资金和社会资本共同投入,全年完成投资1200亿元。", "middle", "kept"),
    ("prose with 便民热线", "健全12345政务服务便民热线接诉即办响应机制,民生诉求办结率达到98.6%。", "middle", "kept"),
    ("prose with 无障碍", "积极营造无障碍环境,提升残疾预防和康复服务水平。", "middle", "kept"),
    ("prose with 阅读", "深入开展全民阅读活动,新建城市书房30个。", "middle", "kept"),
    ("prose with 记者", "邀请中央媒体记者走进园区采访拍摄。", "middle", "kept"),
    ("heading with 无障碍", "(五)加强无障碍环境建设", "middle", "kept"),
    ("date stamp mid-report", "2016-12-14", "middle", "kept"),
    ("prose after a dateline", "新华社北京3月15日电 国务院总理在十一届全国人大三次会议上作政府工作报告,全文如下。", "head", "kept"),
    ("footnote", "[12]按可比价格计算。", "middle", "kept"),
    ("footnote marker", "[12]", "tail", "kept"),
    ("signature", "某某市人民政府", "tail", "kept"),
]


@pytest.mark.parametrize("family, line, where, expected", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_cue(family, line, where, expected):
    assert fate(line, where) == expected


def test_news_dateline_in_full_width_digits():
    """A dateline written with full-width digits (新华社北京３月１５日电) above the title goes once normalized."""
    c = clean(normalize("2010年政府工作报告\n新华社北京３月１５日电\n" + TITLE + PARA1 + PARA2 + CLOSING))
    assert "新华社" not in c.text and PARA1.strip() in c.text


def test_prose_lines():
    assert is_prose(PARA1) and is_prose("区政协的监督支持下,我们坚持以习近平新时代中国特色社会")  # a PDF line
    assert not is_prose("隐私声明 网站地图 收藏本站") and not is_prose("网站首页 >> 时政要闻 >> 正文")
    assert is_prose("很长的一行" * 70)  # a long line is report text whatever it holds


def test_prose_line_with_footer_marker_is_not_a_footer():
    """A body line near the end that names 版权 or a hotline does not start the page footer."""
    text = TITLE + PARA1 * 5 + "加强版权保护,版权所有人的合法权益得到保障,全年查处侵权案件120件。\n" + PARA2 + CLOSING
    c = clean(text)
    assert c.dropped == [] and c.text == text


def test_page_jump_cut_from_a_line_and_halves_joined():
    text = TITLE + "全市接待游客增长30%,(下转第3版)\n\n政 府 工 作 报 告\n\n(上接第1版)旅游收入增长28%。\n" + CLOSING
    c = clean(normalize(text))
    assert "全市接待游客增长30%,旅游收入增长28%。" in c.text.split("\n")
    assert [(d[1], d[2]) for d in c.dropped] == [("(下转第3版)", "page jump"), ("政 府 工 作 报 告", "page header"),
                                                ("(上接第1版)", "page jump")]


def test_page_number_inside_a_sentence_is_cut():
    c = clean(TITLE + "加快推进 — 3 — 产业升级,全年新增高新技术企业500家。\n" + CLOSING)
    assert "加快推进产业升级,全年新增高新技术企业500家。" in c.text
    assert ("— 3 —" in [d[1] for d in c.dropped])


def test_a_title_in_the_head_is_not_a_page_header():
    c = clean(normalize("政 府 工 作 报 告\n" + TITLE[TITLE.index("\n") + 1:] + PARA1 + CLOSING))
    assert c.text.startswith("政 府 工 作 报 告\n")


def test_linked_term_on_its_own_line_is_joined():
    text = "一年来,我们坚持创新驱动,加快推进\n光谷科创大走廊\n建设,全年新增高新技术企业500家。\n"
    assert clean(text).text == "一年来,我们坚持创新驱动,加快推进光谷科创大走廊建设,全年新增高新技术企业500家。\n"


def test_short_heading_between_lines_is_not_joined():
    text = PARA1 + "2023年工作回顾\n" + PARA2
    assert clean(text).text == text


def test_an_attachment_label_over_download_links_is_dropped():
    text = TITLE + PARA1 + PARA2 + CLOSING + "\n附件:\n1.附件1:2016年某某区民生实事项目一览表(精简版).doc\n2.附件2:有关名词解释.doc\n"
    c = clean(normalize(text))
    assert [d[1] for d in c.dropped] == ["附件:", "1.附件1:2016年某某区民生实事项目一览表(精简版).doc", "2.附件2:有关名词解释.doc"]
    assert c.text.rstrip().endswith(CLOSING.strip())


def test_an_attachment_with_its_text_is_kept():
    text = TITLE + PARA1 + PARA2 + CLOSING + "附件\n有关名词解释\n1.先行示范区:深圳建设中国特色社会主义先行示范区的简称,是党中央的重大部署。\n"
    c = clean(normalize(text))
    assert c.dropped == [] and "附件\n有关名词解释" in c.text


def test_one_line_report_is_never_dropped():
    """A report with no line break at all, with site debris at its start and end (a footer marker inside)."""
    text = "政 府 工 作 报 告 2016-12-14 " + (PARA1.strip() + " ") * 20 + "版权所有:某某区人民政府 ICP备1234号"
    assert "\n" not in text and is_one_line(text)
    c = clean(normalize(text))
    assert c.text.count(PARA1.strip()) == 20
    assert [d[1] for d in c.dropped] == ["2016-12-14", "版权所有:某某区人民政府 ICP备1234号"]


def test_one_line_fixture():
    with open(os.path.join(FIXTURES, "one_line_report.txt"), encoding="utf-8") as fh:
        raw = fh.read()
    assert "\n" not in raw
    text = normalize(raw)
    assert len(text) == len(raw)  # split by turning spaces into line breaks: offsets keep their meaning
    assert text.replace("\n", " ") == raw
    lines = text.split("\n")
    assert "各位代表:" in lines and "一、2023年工作回顾" in lines and "(一)产业发展提质增效" in lines
    assert "——2024年1月8日在某某市第十届人民代表大会第三次会议上" in lines
    report = process_report(os.path.join(FIXTURES, "one_line_report.txt"))
    assert "努力奋斗!" in report.text and "版权所有" not in report.text and "首页" not in report.text
    assert [s["heading"] for s in report.sections if s["level"] == 1][:1] == ["2023年工作回顾"]


def test_news_page_fixture():
    c = clean(normalize(read_report(os.path.join(FIXTURES, "news_page.txt")).text))
    assert c.text.split("\n")[:2] == ["某某市政府工作报告(全文)", "各位代表:"]
    for debris in ("会员登录", "首页", "来源:某某日报", "字号", "全屏", "记者 张三 摄", "— 3 —", "责任编辑", "相关报道",
                   "十届人大三次会议", "阅读 123"):
        assert debris not in c.text, debris
    for body in ("下载办事指南", "重大项目来源于全市各区", "努力奋斗!"):
        assert body in c.text


def test_newspaper_fixture():
    c = clean(normalize(read_report(os.path.join(FIXTURES, "newspaper_jump.txt")).text))
    assert "全市接待游客增长30%,旅游收入增长28%。" in c.text
    assert "政 府 工 作 报 告" not in c.text and "版)" not in c.text
    assert c.text.startswith("某某市2024年政府工作报告")


def test_wikisource_and_legal_database_fixture():
    c = clean(normalize(read_report(os.path.join(FIXTURES, "wikisource_legal_db.txt")).text))
    assert "公有领域" not in c.text and "引证码" not in c.text and "https://" not in c.text
    assert "增长5.5%[1]," in c.text and "[1]按不变价格计算。" in c.text  # footnotes are report text


def test_crlf_full_width_indent_and_linked_term_fixture():
    c = clean(normalize(read_report(os.path.join(FIXTURES, "report_crlf_links.txt")).text))
    assert "\r" not in c.text and "  各位代表:" in c.text
    assert "加快推进光谷科创大走廊建设,全年新增" in c.text and c.dropped == []


def test_rules_lists_are_read():
    assert chrome.FRAGMENT.search("(下转第3版)") and chrome.STRONG.search("记者 张三 摄")
