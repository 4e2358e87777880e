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

Periods of several years inside a work report (rules/five_year_plans.tsv, past_openings.tsv, coming_periods.tsv):
- a heading that names a five-year plan's period and no year (“十二五”发展成就, “十五五”时期的主要目标) is
  about that plan's years, review or plan by whether they end before the plan year;
- a heading or sentence on the past N years (过去五年, 五年来) is about the N years up to the review year
  (2021-2025 in a report delivered in 2026), one on the coming N years (今后五年, 未来五年) about the N years from
  the plan year on (2026-2030); `span_period` gives it for a sentence.
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
# a period of several years named in a heading or a sentence: the past N years, the coming N years, a plan's period
PAST = phrases.compiled("past_openings")  # 过去五年, 五年来, “十三五”时期
COMING = phrases.compiled("coming_periods")  # 今后五年, 未来五年
FIVE_YEAR_NAMES = "|".join(sorted(phrases.five_year_plans(), key=len, reverse=True))
FIVE_YEAR = re.compile(FIVE_YEAR_NAMES)  # 十四五, 第十四个五年
SHORT_FIVE_YEAR = phrases.compiled("five_year_plans", form="short")  # 十三五 in “十三五”时期
THIS_YEAR = phrases.compiled("relative_years", offset="0")  # 今年: back to one year after a period
# a heading about a five-year plan's period: “十二五”发展成就, “十五五”时期的主要目标 (not 确保“十五五”开好局)
PLAN_PERIOD_HEADING = phrases.compiled("part_headings", rf"({FIVE_YEAR_NAMES})(?:规划)?.?{{}}", period="yes")
NUMERALS = "0123456789零〇一二两三四五六七八九十百"
YEARS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class Part:
    kind: str  # "review" or "plan"
    period: str  # the year or range the part is about ("" if unknown)
    review_year: int = 0  # the document's, for periods of several years named in a sentence (过去五年)
    plan_year: int = 0


def _span(view, review_year, plan_year):
    """The period of several years `view` names ("2021-2025" for 过去五年 in a report reviewing 2025 or for
    “十四五”, "2026-2030" for 今后五年 in one planning 2026), or ""; the last one named counts, and a word of
    one year after it (今年) means the year of the part ("")."""
    found, at = "", -1
    for m in FIVE_YEAR.finditer(view):
        start, end = phrases.five_year_plans()[m.group(0)]
        if m.start() > at:
            found, at = f"{start}-{end}", m.start()
    for pattern, first, last in ((PAST, review_year, None), (COMING, None, plan_year)):
        for m in pattern.finditer(view):
            if FIVE_YEAR.search(m.group(0)):
                continue  # “十三五”时期: the plan's name, read above
            n = YEARS.get(next((c for c in m.group(0) if c in YEARS), ""), 0)
            if not n or m.start() < at or not (first or last) or (m.start() and view[m.start() - 1] in NUMERALS):
                continue  # 四十五年来 is no five years
            start, end = (first - n + 1, first) if first else (last, last + n - 1)
            found, at = f"{start}-{end}" if end != start else str(start), m.start()
    if found and any(m.start() > at for m in THIS_YEAR.finditer(view)):
        return ""
    return found


def span_period(head, part):
    """The period of several years a sentence names before its number (过去五年 -> 2021-2025, “十四五”时期 ->
    2021-2025), or ""."""
    return _span(squeeze(head), part.review_year, part.plan_year)


def _heading_span(heading, document):
    """(kind, period) of a heading about several years and no single year (“十二五”发展成就, 今后五年的目标任务,
    过去五年工作回顾), or None."""
    view = squeeze(matching_view(heading or ""))
    if re.search(r"(?<!\d)\d{4}年", view):
        return None
    review_year, plan_year = document.get("review_year") or 0, document.get("plan_year") or 0
    m = PLAN_PERIOD_HEADING.search(view)
    if m:
        start, end = phrases.five_year_plans()[m.group(1)]
        kind = "review" if (plan_year and end < plan_year) or (not plan_year and end <= review_year) else "plan"
        return kind, f"{start}-{end}"
    span = _span(view, review_year, plan_year)
    if span:
        return ("plan" if plan_year and int(span[:4]) >= plan_year else "review"), span
    return None


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
    fyp = SHORT_FIVE_YEAR.search(m.group(0))
    plan_year = document.get("plan_year") or 0
    return not fyp or phrases.five_year_plans()[fyp.group(0)][1] < plan_year or not plan_year


def section_parts(sections, document):
    """{section id: Part} for every section of one document."""
    review, plan = document_periods(document)
    is_plan_doc = document.get("doc_type") in PLAN_DOC_TYPES
    parts, current = {}, ("plan" if is_plan_doc else "review")
    years = dict(review_year=document.get("review_year") or 0, plan_year=document.get("plan_year") or 0)
    by_id = {s["id"]: s for s in sections}
    period = None
    for s in sections:
        span = None if is_plan_doc else _heading_span(s["heading"], document)
        if s["level"] == 1:
            kind = _heading_kind(s["heading"], document)
            if is_plan_doc:
                kind = "review" if kind == "review" or _opens_with_past(s, document) else "plan"
            current = (span[0] if span and not kind else kind) or current
            period = span[1] if span else None
        if s["level"] <= 1:
            parts[s["id"]] = Part(current, period or (review if current == "review" else plan), **years)
        elif span:
            parts[s["id"]] = Part(span[0], span[1], **years)  # (一)“十四五”时期发展成就 under 2025年工作回顾
        elif REVIEW_HEADING.search(squeeze(matching_view(s["heading"] or ""))):
            parts[s["id"]] = Part("review", review, **years)  # 第一节 发展基础 under a plan chapter reviews the past
        else:
            parent = by_id.get(s["parent_id"])
            parts[s["id"]] = parts.get(parent["id"]) if parent else Part(current, review, **years)
    return parts
