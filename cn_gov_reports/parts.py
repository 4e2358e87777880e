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
The heading words are rules/part_headings.tsv, the openings of a past period rules/past_openings.tsv.
"""
import re
from dataclasses import dataclass

from . import phrases
from .normalize import matching_view, squeeze

# heading words of each part (rules/part_headings.tsv): 2018年工作回顾, 发展基础 -> review; 2019年重点工作任务 -> plan
REVIEW_HEADING = phrases.compiled("part_headings", part="review")
PLAN_HEADING = phrases.compiled("part_headings", part="plan")
# A body that opens like this reviews a past period (rules/past_openings.tsv): “十三五”时期, 过去五年, 五年来
PAST_OPENING = phrases.compiled("past_openings", "^.{0,3}{}")
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
