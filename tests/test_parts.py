from cn_gov_reports.parts import section_parts
from cn_gov_reports.sections import build_sections

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
