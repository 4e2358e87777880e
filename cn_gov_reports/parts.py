"""Which part of a report a section is in (review or plan), and the period that part is about.

Decided on the section's level-1 ancestor by general heading phrasings, never per document:
- a heading like 2018年工作回顾 / 发展基础 / 执行情况 is the review part (numbers are actual);
- a heading like 2019年重点工作任务 / 2020年工作安排 / 主要目标 / 发展思路 is the plan part (targets);
- a heading naming the review year or the plan year decides too;
- an undecided level-1 section (一、抓项目强支撑 under "2021年工作回顾") continues the part before it;
- five-year plans and implementation plans are plans throughout, except a chapter that reviews the
  previous period (heading 发展基础, or a body that opens with “十三五”时期 / 过去五年);
- a lower section whose own heading is a review heading (第一节 发展基础 under 第一章) is review, and
  its subsections with it.
"""
import re
from dataclasses import dataclass

from . import phrases
from .normalize import matching_view, squeeze

REVIEW_HEADING = re.compile("|".join([
    r"回顾",  # 2018年工作回顾, 过去五年工作回顾
    r"总结",  # 工作总结
    r"发展基础|发展成就|主要成就|取得的成[就绩效]",  # five-year plans: 第一节 发展基础
    r"执行情况|完成情况",  # development plan reports: 2019年计划执行情况
]))
PLAN_HEADING = re.compile("|".join([
    r"安排",  # 2020年工作安排, 2025年主要安排
    r"任务",  # 2019年重点工作任务, 主要任务
    r"目标",  # 工作目标, 发展目标
    r"思路|打算|部署|展望|建议|指导思想|基本原则|发展定位",  # 总体思路, 工作打算
    r"计划(?!执行)|草案",  # 2020年计划草案
    r"保障|措施",  # 组织保障, 保障措施 (the end of a plan)
]))
# A body that opens like this reviews a past period: “十三五”时期, 过去五年, 五年来, 一年来
PAST_OPENING = re.compile(r"^.{0,3}(?:十[一二三四五]五.?(?:时期|期间|以来)|过去[一二三四五]年|[一二三四五]年来)")
PLAN_DOC_TYPES = ("five_year_plan", "implementation_plan")


@dataclass(frozen=True)
class Part:
    kind: str  # "review" or "plan"
    period: str  # the year or range the part is about ("" if unknown)


def document_periods(document):
    """(review period, plan period) strings for the document."""
    review = str(document.get("review_year") or "")
    start, end = document.get("plan_year"), document.get("plan_end_year")
    plan = f"{start}-{end}" if start and end and end != start else str(start or "")
    if document.get("doc_type") in PLAN_DOC_TYPES and start and not end:
        plan = ""  # a multi-year plan whose end is not stated
    return review, plan


def _heading_kind(heading, document):
    view = squeeze(matching_view(heading))
    years = {int(y) for y in re.findall(r"(?<!\d)(\d{4})年", view)}
    if REVIEW_HEADING.search(view):
        return "review"
    if PLAN_HEADING.search(view):
        return "plan"
    if document.get("plan_year") in years:
        return "plan"
    if document.get("review_year") in years:
        return "review"
    return None


def _opens_with_past(section, document):
    view = squeeze(matching_view(section["text"][:40]))
    m = PAST_OPENING.search(view)
    if not m:
        return False
    fyp = re.search(r"十[一二三四五]五", m.group(0))
    plan_year = document.get("plan_year") or 0
    return not fyp or phrases.five_year_plans()[fyp.group(0)][1] < plan_year or not plan_year


def section_parts(sections, document):
    """{section id: Part} for every section of one document."""
    review, plan = document_periods(document)
    is_plan_doc = document.get("doc_type") in PLAN_DOC_TYPES
    parts, current = {}, ("plan" if is_plan_doc else "review")
    by_id = {s["id"]: s for s in sections}
    for s in sections:
        if s["level"] == 1:
            kind = _heading_kind(s["heading"], document)
            if is_plan_doc:
                kind = "review" if kind == "review" or _opens_with_past(s, document) else "plan"
            current = kind or current
        if s["level"] <= 1:
            parts[s["id"]] = Part(current, review if current == "review" else plan)
        elif REVIEW_HEADING.search(squeeze(matching_view(s["heading"] or ""))):
            parts[s["id"]] = Part("review", review)  # 第一节 发展基础 under a plan chapter reviews the past
        else:
            parent = by_id.get(s["parent_id"])
            parts[s["id"]] = parts.get(parent["id"]) if parent else Part(current, review)
    return parts
