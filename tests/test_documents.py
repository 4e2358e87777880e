import os

import pytest

from cn_gov_reports.documents import describe, find_doc_type, find_title, find_years, iso_date
from cn_gov_reports.pipeline import process_report

from conftest import SEEDS


@pytest.mark.parametrize("lines, expected", [
    pytest.param(["东湖高新区2019年工作报告", "东湖高新区2019年工作报告"], "东湖高新区2019年工作报告", id="plain title"),
    pytest.param(["印发《武汉经济技术开发区(汉南区)关于落实促进中部地区崛起战略推动高质量发展的实施方案》的通知",
                  "各园区,各街道:", "武汉开发区(汉南区)党政办公室", "2019年10月10日",
                  "武汉经济技术开发区(汉南区)关于落实促进", "中部地区崛起战略推动高质量发展的", "实 施 方 案"],
                 "武汉经济技术开发区(汉南区)关于落实促进中部地区崛起战略推动高质量发展的实施方案",
                 id="title broken over lines, spaced out"),
    pytest.param(["武政〔2021〕21号《武汉市人民政府关于印发武汉东湖新技术开发区发展“十四五”规划的通知》",
                  "市人民政府关于印发武汉东湖新技术开发区", "发展“十四五”规划的通知", "武汉东湖新技术开发区发展“十四五”规划"],
                 "武汉东湖新技术开发区发展“十四五”规划", id="the plan, not the notice that issues it"),
    pytest.param(["[湖北] 2020年武汉市黄陂区政府工作报告"], "2020年武汉市黄陂区政府工作报告", id="forum tag removed"),
    pytest.param(["2021年武汉市武昌区政府工作报告—全文"], "2021年武汉市武昌区政府工作报告", id="全文 suffix removed"),
    pytest.param(["新乡市建设制造强市三年行动计划(2023—2025年)"], "新乡市建设制造强市三年行动计划(2023—2025年)",
                 id="title with a period in brackets"),
    pytest.param(["印发《某区行动方案》的通知", "各单位:"], "某区行动方案", id="only the notice names the title"),
    pytest.param(["各位代表:", "现在,我代表区人民政府,向大会报告工作。"], "", id="no title"),
])
def test_find_title(lines, expected):
    assert find_title(lines) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("东湖高新区2019年工作报告", "", "government_work_report"),
    ("2019年度政府工作报告", "", "government_work_report"),
    ("", "各位代表:\n现在,我代表区人民政府,向大会报告工作,请予审议", "government_work_report"),
    ("关于洪山区2019年国民经济和社会发展计划执行情况与2020年计划草案的报告", "", "development_plan_report"),
    ("武汉东湖新技术开发区发展“十四五”规划", "", "five_year_plan"),
    ("武汉市江夏区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", "", "five_year_plan"),
    ("关于落实促进中部地区崛起战略推动高质量发展的实施方案", "", "implementation_plan"),
    ("新乡市建设制造强市三年行动计划(2023—2025年)", "", "implementation_plan"),
    ("关于开展植树活动的通知", "请各单位做好植树工作。", "other"),
    pytest.param("", "现将有关情况报告如下:\n一、统筹推进\n年初,制定法治政府建设工作方案,部署全年工作。", "other",
                 id="a plan named in a sentence of the opening is no title"),
    pytest.param("", "某区法治政府建设工作方案\n一、总体要求\n为推进法治政府建设,制定本方案。", "implementation_plan",
                 id="a title-like line of the opening still names the type"),
])
def test_find_doc_type(title, text, expected):
    assert find_doc_type(title, text) == expected


@pytest.mark.parametrize("value, expected", [
    ("2020-07-03 11:05:00", "2020-07-03"), ("2021年12月2日", "2021-12-02"), ("2019-3-11", "2019-03-11"), ("无", ""),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("doc_type, title, headings, published, expected", [
    ("government_work_report", "东湖高新区2019年工作报告", ["2018年工作回顾", "2019年重点工作任务"], "", (2018, 2019, None)),
    ("government_work_report", "2019年度政府工作报告", ["2019年工作回顾", "2020年工作安排"], "", (2019, 2020, None)),
    ("government_work_report", "江漢區2017年政府工作報告", ["過去五年工作回顧"], "", (2016, 2017, None)),
    ("government_work_report", "2019年度政府工作报告", ["过去五年工作回顾"], "", (2019, 2020, None)),
    ("five_year_plan", "武汉东湖新技术开发区发展“十四五”规划", ["“三个光谷”建设迈出坚实有力步伐"], "", (2020, 2021, 2025)),
    ("implementation_plan", "某某行动计划(2023—2025年)", ["总体要求"], "2023-10-24", (None, 2023, 2025)),
    ("implementation_plan", "某某实施方案", ["指导思想"], "2019-10-10", (None, 2019, None)),
])
def test_find_years(doc_type, title, headings, published, expected):
    assert find_years(doc_type, title, headings, published) == expected


@pytest.mark.parametrize("doc_type, title, headings, signed, expected", [
    pytest.param("other", "", ["统筹推进", "2020年工作计划"], "2019-12-18", (2019, 2020, None),
                 id="signed in December: reviews that year"),
    pytest.param("other", "", ["统筹推进"], "2020-01-10", (2019, None, None), id="signed in January: the year before"),
    pytest.param("other", "关于2019年法治政府建设情况的报告", ["统筹推进"], "", (2019, None, None),
                 id="关于...年...情况的报告 reviews that year"),
])
def test_find_years_of_a_signed_report(doc_type, title, headings, signed, expected):
    assert find_years(doc_type, title, headings, signed, signed=signed) == expected


CLOSING_SIGNED = ("现将有关情况报告如下:\n一、统筹推进\n年初,制定法治政府建设工作方案,部署全年工作。\n"
                  "二、2020年工作计划\n继续推进法治政府建设。\n专此报告。\n某市某某区人民政府\n2019年12月18日\n")


def test_describe_reads_the_closing_signature():
    """A report signed at its end (the issuing body, then a date line) was published on that date and reviews
    the year it was signed in (December); a sentence naming a 工作方案 does not make it an implementation plan."""
    text = CLOSING_SIGNED
    row = describe("d", text, {}, ["统筹推进", "2020年工作计划"], text.index("一、"))
    assert (row["doc_type"], row["issuer"], row["published"], row["review_year"], row["plan_year"]) == (
        "other", "某市某某区人民政府", "2019-12-18", 2019, 2020)


def test_a_signed_regulation_reviews_nothing():
    text = "一、总则\n为规范管理,制定本办法。\n二、附则\n本办法自发布之日起施行。\n某市某某区人民政府\n2019年12月18日\n"
    row = describe("d", text, {}, ["总则", "附则"], 0)
    assert (row["published"], row["review_year"]) == ("2019-12-18", None)


def test_describe_reads_page_metadata_and_signature():
    text = "关于印发某区实施方案的通知\n武汉市洪山区人民政府\n2020年3月5日\n洪山区工作实施方案\n一、指导思想\n正文。"
    row = describe("d", text, {}, ["指导思想"], text.index("一、"))
    assert (row["title"], row["issuer"], row["published"], row["region"], row["doc_type"]) == (
        "洪山区工作实施方案", "武汉市洪山区人民政府", "2020-03-05", "洪山区", "implementation_plan")


# The documents rows of the five seeds, read by hand from each report (title, type, region and code,
# issuer, published, review and plan years, 文号, 索引号).
SEED_DOCUMENTS = {
    "000_72912416dbe8ff8c.txt": ("东湖高新区2019年工作报告", "government_work_report", "东湖高新区", "420100-Z01",
                                 "东湖高新区党工委、管委会办公室", "2020-07-03", 2018, 2019, "三号", "010889595/2020-877144"),
    "001_23c6dced89acb416.txt": ("武汉经济技术开发区(汉南区)关于落实促进中部地区崛起战略推动高质量发展的实施方案",
                                 "implementation_plan", "武汉经济技术开发区(汉南区)", "420113", "武汉开发区(汉南区)党政办公室",
                                 "2019-10-10", None, 2019, None, None),
    "002_19ca00cc8670af50.txt": ("东西湖区2025年政府工作报告", "government_work_report", "东西湖区", "420112",
                                 "东西湖区人民政府", None, 2024, 2025, None, None),
    "003_aa0a9f9876963823.txt": ("武汉东湖新技术开发区发展“十四五”规划", "five_year_plan", "东湖高新区", "420100-Z01",
                                 "武汉市人民政府", "2021-12-02", 2020, 2021, "武政〔2021〕21号", None),
    "004_560a354189f325d1.txt": ("2019年度政府工作报告", "government_work_report", "洪山区", "420111", "洪山区政府办公室",
                                 "2019-12-25", 2019, 2020, None, None),
}
COLUMNS = ("title", "doc_type", "region", "region_code", "issuer", "published", "review_year", "plan_year",
           "doc_number", "index_number")


@pytest.mark.parametrize("file_name", sorted(SEED_DOCUMENTS))
def test_seed_documents_rows(seeds_build, file_name):
    import csv

    with open(seeds_build / "data" / "documents.csv", encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["source_file"] == file_name)
    expected = tuple("" if v is None else str(v) for v in SEED_DOCUMENTS[file_name])
    assert tuple(row[c] for c in COLUMNS) == expected


def test_report_without_catalog_entry_builds_from_text():
    report = process_report(os.path.join(SEEDS, "004_560a354189f325d1.txt"), None)
    assert report.document["region"] == "洪山区" and report.document["source_url"] == ""


# The level of each seed's region: a functional zone with a local code is a zone; 武汉经济技术开发区(汉南区) is
# governed together with 汉南区 and carries its GB/T 2260 district code, so its level is that code's, district.
SEED_LEVELS = {"000_72912416dbe8ff8c.txt": "zone", "001_23c6dced89acb416.txt": "district",
               "002_19ca00cc8670af50.txt": "district", "003_aa0a9f9876963823.txt": "zone",
               "004_560a354189f325d1.txt": "district"}


def test_seed_document_levels(seeds_build):
    import csv

    with open(seeds_build / "data" / "documents.csv", encoding="utf-8") as fh:
        levels = {r["source_file"]: r["level"] for r in csv.DictReader(fh)}
    assert levels == SEED_LEVELS
