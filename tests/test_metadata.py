"""The documents row read from the text itself (issue 13): one small fixture per phenomenon in tests/fixtures/meta/,
each written for the test (its place names are real so the region can be read)."""
import os

import pytest

from cn_gov_reports.chrome import clean
from cn_gov_reports.documents import DOC_NUMBER, delivered_date, find_doc_type, find_title, iso_date, named_issuer
from cn_gov_reports.normalize import matching_view, normalize
from cn_gov_reports.pipeline import process_report

META = os.path.join(os.path.dirname(__file__), "fixtures", "meta")
FIELDS = ("title", "doc_type", "region", "level", "issuer", "published", "review_year", "plan_year", "doc_number")


@pytest.mark.parametrize("name, expected", [
    pytest.param("one_line_spaced.txt", ("政府工作报告", "government_work_report", "汉阳区", "district", "汉阳区人民政府",
                                         "2016-12-06", 2016, 2017, ""), id="one line, letter-spaced title, venue line"),
    pytest.param("debris_title.txt", ("2026年上海市政府工作报告", "government_work_report", "上海市", "province",
                                      "上海市人民政府", "2026-01-25", 2025, 2026, ""), id="debris before the title"),
    pytest.param("december_district.txt", ("政府工作报告", "government_work_report", "江岸区", "district", "江岸区人民政府",
                                           "2023-12-20", 2023, 2024, ""), id="district report delivered in December"),
    pytest.param("chinese_date.txt", ("六安市政府工作报告", "government_work_report", "六安市", "city", "六安市人民政府",
                                      "2024-01-29", 2023, 2024, ""), id="venue date in Chinese numerals"),
    pytest.param("policy_notice.txt", ("六安市促进民营经济发展若干措施", "implementation_plan", "六安市", "city",
                                       "六安市人民政府办公室", "2021-06-03", None, 2021, "皖六政办秘〔2021〕82号"),
                 id="policy notice with a 文号"),
    pytest.param("national.txt", ("政府工作报告", "government_work_report", "全国", "national", "国务院", "2024-03-05",
                                  2023, 2024, ""), id="national report"),
])
def test_documents_row_from_the_text(name, expected):
    row = process_report(os.path.join(META, name)).document
    assert tuple(row[f] for f in FIELDS) == expected


@pytest.mark.parametrize("lines, expected", [
    (["会员登录新用户注册退出公文搜网-蓝秘书公文之家政府报告", "还原减小】2026年上海市政府工作报告"], "2026年上海市政府工作报告"),
    (["首页 > 政府报告 > 2024年某市政府工作报告"], "2024年某市政府工作报告"),
    (["2024年国务院政府工作报告_中国政府网"], "2024年国务院政府工作报告"),
    (["政 府 工 作 报 告", "——2015年2月5日在海拉尔区第十四届人民代表大会第四次会议上"], "政府工作报告"),
    (["六安市人民政府关于印发六安市促进民营经济发展若干措施的通知", "各县区人民政府:"], "六安市促进民营经济发展若干措施"),
])
def test_title_without_debris(lines, expected):
    assert find_title(lines) == expected


@pytest.mark.parametrize("lines, expected", [
    (["——二〇二四年一月二十九日在六安市第六届人民代表大会第四次会议上"], "2024-01-29"),
    (["——在六安市第六届人民代表大会第四次会议上(2024年1月29日)"], "2024-01-29"),
    (["2016年12月6日在武汉市汉阳区第十五届人民代表大会第一次会议上"], "2016-12-06"),
    (["——2023年8月29日在市第十六届人民代表大会常务委员会第十一次会议上"], "2023-08-29"),
    (["2024年1月29日", "各位代表:"], ""),  # a date alone is no venue line
])
def test_delivered_date(lines, expected):
    assert delivered_date(lines) == expected


@pytest.mark.parametrize("value, expected", [
    ("二〇二四年一月二十九日", "2024-01-29"), ("二○二一年十二月二日", "2021-12-02"), ("二零一九年十月十日", "2019-10-10"),
])
def test_iso_date_chinese_numerals(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("text, expected", [
    ("皖政办秘〔2021〕82号", "皖政办秘〔2021〕82号"), ("武政[2021]21号", "武政[2021]21号"),
    ("皖政办秘(2021)82号", "皖政办秘(2021)82号"), ("中华人民共和国国务院令第708号", "中华人民共和国国务院令第708号"),
    ("第十四届全国人民代表大会", None),
])
def test_doc_number_forms(text, expected):
    m = DOC_NUMBER.search(matching_view(normalize(text)))
    assert (m.group(0) if m else None) == expected


@pytest.mark.parametrize("title, expected", [
    ("六安市促进民营经济发展若干措施", "implementation_plan"),
    ("关于加快推进东湖科学城建设的意见", "implementation_plan"),
    ("某某区工作方案", "implementation_plan"),
    ("武汉市政府投资项目管理办法", "other"),
    ("关于进一步规范政府采购的若干规定", "other"),
    ("某某条例实施细则", "other"),
    ("关于表彰先进集体的决定", "other"),
    ("关于开展植树活动的通知", "other"),
])
def test_policy_doc_types(title, expected):
    # the opening of a work report says 提出意见: a title's type words are not read in the opening
    assert find_doc_type(title, "各位代表:\n我代表市人民政府向大会报告工作,请提出意见。") == expected


def test_work_report_without_title_or_opening_by_what_only_a_work_report_says():
    text = "各位代表!前进的道路充满希望。\n今年新区管委会工作的总体要求是:坚持稳中求进。\n(一)打好“生态牌”。"
    assert find_doc_type("", text) == "government_work_report"
    assert find_doc_type("", "今年的工作要求是:坚持稳中求进。") == "other"


def test_work_report_to_a_staff_meeting_opens_with_comrades():
    assert find_doc_type("", "同志们:\n根据会议安排,我代表新区管委会向大会报告工作。") == "government_work_report"


def test_work_report_opening_without_a_title():
    assert find_doc_type("", "各位代表:\n现在,我代表海拉尔区人民政府向大会作工作报告,请予审议。并请提出意见。") == \
        "government_work_report"


def test_news_site_time_line_is_the_published_date():
    cleaned = clean(normalize("2024年某市政府工作报告\n来源:湖北日报 时间:2024-02-05\n各位代表:\n正文。"))
    assert cleaned.metadata == {"issuer": "湖北日报", "published": "2024-02-05"}


@pytest.mark.parametrize("head, expected", [
    ("各位代表:\n现在,我代表国务院,向大会报告政府工作,请予审议。", "国务院"),
    ("各位代表:\n现在,我代表上海市人民政府,向大会报告工作。", "上海市人民政府"),
    ("政府工作报告\n海拉尔区人民政府区长 某某\n各位代表:\n现在,我代表区人民政府向大会作工作报告。", "海拉尔区人民政府"),
    ("各位代表:\n现在,我代表市人民政府向大会报告工作。", ""),  # a bare 市人民政府: the region names the government
])
def test_named_issuer(head, expected):
    assert named_issuer(head) == expected
