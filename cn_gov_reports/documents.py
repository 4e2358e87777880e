"""Read the documents row (title, type, region, issuer, dates, years, numbers) from a report.

Everything comes from the text where the text says it: page metadata lines (索引号, 发布机构, ...),
the title block, the signature of a notice, and the headings. The catalog fills what the text
does not say (catalog.py). The phrases are rules/*.tsv lists: title_endings, doc_types, issuing_bodies,
part_headings (the year headings), five_year_plans.
"""
import re

from . import phrases, regions
from .normalize import matching_view, squeeze

# Title keywords (rules/title_endings.tsv): a title ends with one of these (simplified forms).
TITLE_END = phrases.alternation("title_endings") + r"(?:\([^()]{1,16}\))?"
# Decorations around a title on a reposting page: "[湖北] ...", "...—全文", "...(全文)".
TITLE_DECORATION = re.compile(r"^\s*\[[^\]]{1,8}\]\s*|^\([^()]{2,4}[省市]\)|[—-]+\s*全文\s*$|\(全文\)\s*$")


def _doc_types(read):
    """[(pattern, doc_type)] of the rules/doc_types.tsv entries read in the title or the opening, in file order."""
    types = dict.fromkeys(r["doc_type"] for r in phrases.rules("doc_types") if r["read"] == read)
    return [(phrases.alternation("doc_types", doc_type=t, read=read), t) for t in types]


# doc_type: the first rule whose pattern matches the title (then the opening of the text) wins.
DOC_TYPES = _doc_types("title")
OPENING_TYPES = _doc_types("opening")  # when the title says nothing: how the text opens
_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[(]\s*\d{4}\s*[〕\])]\s*\d+\s*号")  # 武政〔2021〕21号
SIGNATURE = phrases.compiled("issuing_bodies", r"^\s*(\S{2,30}?{})\s*$")  # 武汉市人民政府
# rules/part_headings.tsv, roles review_year and plan_year
REVIEW_HEADING = re.compile(r"(\d{4})\s*年[^回]{0,12}" + phrases.tagged("part_headings", "review_year"))  # 2018年工作回顾
PLAN_HEADING = re.compile(r"(\d{4})\s*年[^回]{0,10}" + phrases.tagged("part_headings", "plan_year"))  # 2019年重点工作任务
YEAR_RANGE = re.compile(r"(\d{4})\s*[-—–~至到]\s*(\d{4})\s*年")  # (2023—2025年)


def iso_date(value):
    """'2020-07-03 11:05:00' or '2021年12月2日' -> '2020-07-03' / '2021-12-02'; '' if no date."""
    m = _CN_DATE.search(value) or _ISO_DATE.search(value)
    if not m:
        return ""
    parts = [m.group(1)] + [f"{int(g):02d}" for g in m.groups()[1:] if g]
    return "-".join(parts)


def head_lines(text, headings_start):
    """Non-empty lines before the first heading (the title block), or the first 40 lines."""
    head = text[:headings_start] if headings_start else text
    return [line for line in head.split("\n") if line.strip()][:40]


def find_title(lines):
    """The report's own title from the title block: a line (or run of short lines) ending with a title
    keyword; a notice '印发《X》的通知' gives X."""
    candidates = []
    for i, line in enumerate(lines):
        if _CN_DATE.search(line) or SIGNATURE.match(line) or ":" in line:
            continue  # a title does not start on a date, a signature or a salutation
        joined = ""
        for j in range(i, min(i + 4, len(lines))):  # titles broken over up to four lines
            joined += squeeze(lines[j])
            title = TITLE_DECORATION.sub("", joined).strip()
            view = matching_view(title)
            if 4 <= len(title) <= 80 and re.search(TITLE_END + "$", view) and "印发" not in view \
                    and not title.startswith(("各", "——", "为", "按照")):
                candidates.append((j - i, i, title))
                break
            if re.search(r"[。,;:]$|通知$", joined) or len(joined) > 80:
                break  # a sentence, or the notice that issues the report, ends the title block
    if candidates:
        return min(candidates, key=lambda c: (c[1], c[0]))[2]
    for line in lines:
        m = re.search(r"印发\s*《(.+?)》", line)
        if m:
            return squeeze(m.group(1))
    return ""


def find_doc_type(title, text):
    view = matching_view(title)
    for pattern, doc_type in DOC_TYPES:
        if re.search(pattern, view):
            return doc_type
    opening = matching_view(text[:600])
    for pattern, doc_type in OPENING_TYPES + DOC_TYPES:
        if re.search(pattern, opening):
            return doc_type
    return "other"


def find_signature(lines):
    """(issuer, date) from a notice's signature: an issuing body followed by a date line."""
    for i, line in enumerate(lines[:-1]):
        m = SIGNATURE.match(line)
        if m:
            date = _CN_DATE.fullmatch(lines[i + 1].strip())
            if date:
                return m.group(1), iso_date(lines[i + 1])
    return "", ""


def find_years(doc_type, title, level1_headings, published):
    """(review_year, plan_year, plan_end_year) from headings, five-year-plan names and titles."""
    review = plan = end = None
    for heading in level1_headings:
        view = matching_view(heading)
        m = REVIEW_HEADING.search(view)
        if m and review is None:
            review = int(m.group(1))
            continue
        m = PLAN_HEADING.search(view)
        if m and plan is None:
            plan = int(m.group(1))
    tview = matching_view(title)
    if doc_type == "five_year_plan":
        m = phrases.compiled("five_year_plans").search(tview)
        if m:
            plan, end = phrases.five_year_plans()[m.group(0)]
            review = plan - 1
    m = YEAR_RANGE.search(tview)
    if m and plan is None:
        plan, end = int(m.group(1)), int(m.group(2))
    if doc_type in ("government_work_report", "development_plan_report") and review is None and plan is None:
        m = re.search(r"(\d{4})\s*年(度)?", tview)  # 2019年度 reviews 2019; 2020年...报告 plans for 2020
        if m:
            review, plan = (int(m.group(1)), None) if m.group(2) else (None, int(m.group(1)))
    if doc_type in ("government_work_report", "development_plan_report"):
        if plan is None and review is not None:
            plan = review + 1
        if review is None and plan is not None:
            review = plan - 1
    if plan is None and doc_type == "implementation_plan" and published:
        plan = int(published[:4])
    return review, plan, end


def describe(document_id, text, metadata, level1_headings, headings_start):
    """The documents row fields that can be read from a cleaned, normalized report."""
    lines = head_lines(text, headings_start)
    title = squeeze(metadata.get("title", "")) or find_title(lines)
    doc_type = find_doc_type(title, text)
    region = regions.find(text, title=title, issuer=metadata.get("issuer", ""))
    sig_issuer, sig_date = find_signature(lines)
    published = iso_date(metadata.get("published", "")) or sig_date or _delivered_date(lines)
    review, plan, end = find_years(doc_type, title, level1_headings, published)
    number = metadata.get("doc_number", "")
    if not number:
        m = DOC_NUMBER.search("\n".join(lines))
        number = m.group(0) if m else ""
    issuer = metadata.get("issuer", "") or sig_issuer or (region.government if region else "")
    return {
        "id": document_id,
        "title": title,
        "doc_type": doc_type,
        "region": region.name if region else "",
        "region_code": region.code if region else "",
        "level": region.level if region else "",
        "issuer": issuer,
        "published": published,
        "review_year": review,
        "plan_year": plan,
        "plan_end_year": end,
        "doc_number": number,
        "index_number": metadata.get("index_number", ""),
    }


def _delivered_date(lines):
    """The date a report was delivered: '——2021年12月14日在...会议上'."""
    for line in lines:
        if re.match(r"^\s*[—-]{1,2}", line) and "会议" in line:
            return iso_date(squeeze(line))
    return ""
