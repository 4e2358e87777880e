import os

from cn_gov_reports.parts import section_parts
from cn_gov_reports.sections import build_sections
from helpers import indicators

PLAN = {"id": "t", "doc_type": "five_year_plan", "review_year": 2020, "plan_year": 2021, "plan_end_year": 2025}
REPORT = {"id": "t", "doc_type": "government_work_report", "review_year": 2018, "plan_year": 2019,
          "plan_end_year": None}


def parts_by_heading(text, document):
    sections = build_sections("t", text)
    parts = section_parts(sections, document)
    return {s["heading"]: (parts[s["id"]].kind, parts[s["id"]].period) for s in sections if s["heading"]}


def test_a_review_section_under_a_plan_chapter():
    text = "第一章开启新篇章,迈入新征程\n第一节发展基础\n1.综合实力\n总量增长。\n第二节发展目标\n目标。\n"
    assert parts_by_heading(text, PLAN) == {
        "开启新篇章,迈入新征程": ("plan", "2021-2025"), "发展基础": ("review", "2020"),
        "综合实力": ("review", "2020"), "发展目标": ("plan", "2021-2025")}


def test_work_report_parts_follow_the_level1_headings():
    text = "一、2018年工作回顾\n(一)坚持高位求进\n增长。\n二、2019年重点工作任务\n(一)聚力一芯驱动\n推进。\n"
    assert parts_by_heading(text, REPORT) == {
        "2018年工作回顾": ("review", "2018"), "坚持高位求进": ("review", "2018"),
        "2019年重点工作任务": ("plan", "2019"), "聚力一芯驱动": ("plan", "2019")}


# Mixed reports (issue 13): a five-year review or five-year goals inside a work report
REPORT_2026 = dict(REPORT, review_year=2025, plan_year=2026)
REPORT_2016 = dict(REPORT, review_year=2015, plan_year=2016)


def _fixture(name):
    with open(os.path.join(os.path.dirname(__file__), "fixtures", "periods", name), encoding="utf-8") as fh:
        return fh.read()


def _rows(text, document):
    return [(r["mention"], r["status"], r["period"]) for r in indicators(text, document)]


def test_five_year_review_in_a_work_report_is_actual_for_its_period():
    text = _fixture("five_year_review.txt")
    assert parts_by_heading(text, REPORT_2026) == {
        "2025年和“十四五”工作回顾": ("review", "2025"), "“十四五”时期发展成就": ("review", "2021-2025"),
        "2025年主要工作": ("review", "2025"), "2026年工作安排": ("plan", "2026")}
    assert _rows(text, REPORT_2026) == [
        ("5.2%", "actual", "2025"), ("5.5%", "actual", "2021-2025"), ("50万人", "actual", "2021-2025"),
        ("12所", "actual", "2025"),
        ("8%", "actual", "2021-2025"),  # 过去五年 inside the plan part: the past five years
        ("5%", "target", "2026")]


def test_earlier_plan_achievements_are_actual_for_that_plan():
    text = _fixture("five_year_achievements.txt")
    assert parts_by_heading(text, REPORT_2016) == {
        "“十二五”发展成就": ("review", "2011-2015"), "2016年工作安排": ("plan", "2016")}
    assert _rows(text, REPORT_2016) == [("9.6%", "actual", "2011-2015"), ("7%", "target", "2016")]


def test_five_year_goals_in_a_work_report_are_targets_for_the_coming_period():
    text = _fixture("five_year_goals.txt")
    assert parts_by_heading(text, REPORT_2026) == {
        "2025年工作回顾": ("review", "2025"), "“十五五”时期的主要目标": ("plan", "2026-2030"),
        "2026年工作安排": ("plan", "2026")}
    assert _rows(text, REPORT_2026) == [
        ("5.2%", "actual", "2025"), ("5%", "target", "2026-2030"),
        ("5.5%", "target", "2026"),  # 对接“十四五”规划,提出今年的目标: 今年 brings it back to the plan year
        ("6%", "target", "2026-2030")]  # 今后五年
