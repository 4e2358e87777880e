"""Read the documents row (title, type, region, issuer, dates, years, numbers) from a report.

Everything comes from the text where the text says it: page metadata lines (索引号, 发布机构, ...),
the title block, the signature of a notice, and the headings. The catalog fills what the text
does not say (catalog.py). The phrases are rules/*.tsv lists: title_endings, doc_types, issuing_bodies,
part_headings (the year headings), five_year_plans.
"""
import re

import cn2an

from . import phrases, regions
from .normalize import matching_view, squeeze

# Title keywords (rules/title_endings.tsv): a title ends with one of these (simplified forms).
TITLE_END = phrases.alternation("title_endings") + r"(?:\([^()]{1,16}\))?"
# Web debris around a title (rules/title_debris.tsv): "[湖北] ...", "还原减小】...", "...—全文" are stripped; a line with
# a site's login bar or menu words is no title.
TITLE_DEBRIS = phrases.compiled("title_debris", action="strip")
SITE_DEBRIS = phrases.compiled("title_debris", action="reject")
ISSUING = phrases.compiled("title_debris", action="issuing")  # 印发: a notice issuing the report, not its title
OPENING = phrases.compiled("title_debris", "(?:——|{})", action="opening")  # 各区人民政府, 为贯彻, 按照: a sentence
NOTICE_END = phrases.compiled("title_debris", "{}$", action="notice")  # ...的通知 ends the title block
ISSUED_BOOK = phrases.compiled("title_debris", r"{}\s*《(.+?)》", action="issuing")  # 印发《...》
ISSUED_NOTICE = re.compile(phrases.alternation("title_debris", action="issuing") + "(.{4,60}?)的"
                           + phrases.alternation("title_debris", action="notice"))  # 印发...的通知


def _doc_types(*reads):
    """[(pattern, doc_type)] of the rules/doc_types.tsv entries of the given `read` kinds, types in file order."""
    chosen = [r for r in phrases.rules("doc_types") if r["read"] in reads]
    types = dict.fromkeys(r["doc_type"] for r in chosen)
    return [("(?:" + "|".join(r.entry for r in chosen if r["doc_type"] == t) + ")", t) for t in types]


# doc_type: the first rule whose pattern matches the title (then the opening of the text) wins.
DOC_TYPES = _doc_types("title", "name")
# when the title says nothing: how the text opens, then a title-like line of the opening (no sentence punctuation)
OPENING_TYPES_READ = _doc_types("opening")
BODY_TYPES = _doc_types("body")  # last: a phrase only that kind of document says, anywhere in a text with no title
DOC_TYPES_TITLE = _doc_types("title")
SENTENCE = re.compile(r"[,。;:!?]")
# a document that calls itself a report: its title ends with 报告, it opens 现将有关情况报告如下 or closes 专此报告
SELF_REPORT = re.compile(r"报告$|报告如下|(?:专此|特此)报告")
_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# a date in Chinese numerals: 二〇二四年一月二十九日
_HAN_DATE = re.compile(r"[〇零○Ｏ0一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日")
_ZERO = str.maketrans("○Ｏ0", "〇〇〇")  # the zeros written in Chinese-numeral years, as cn2an reads them
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?")
DOC_NUMBER = phrases.compiled("doc_numbers")  # 皖政办秘〔2021〕82号, 国务院令第708号
SIGNATURE = phrases.compiled("issuing_bodies", r"^\s*(\S{2,30}?{})\s*$")  # 武汉市人民政府
# rules/part_headings.tsv, roles review_year and plan_year; the year in digits or relative to the venue date
# (rules/relative_years.tsv: 过去一年工作回顾, 明年工作安排)
_YEAR = r"(?:(\d{4})\s*年|(" + phrases.alternation("relative_years", heading="yes") + r"))"
REVIEW_HEADING = re.compile(_YEAR + r"[^回]{0,12}" + phrases.tagged("part_headings", "review_year"))  # 2018年工作回顾
PLAN_HEADING = re.compile(_YEAR + r"[^回]{0,10}" + phrases.tagged("part_headings", "plan_year"))  # 2019年重点工作任务
RELATIVE_YEARS = [(re.compile(r.entry), int(r["offset"])) for r in phrases.rules("relative_years") if r["heading"] == "yes"]
YEAR_REVIEWED = re.compile(r"^关于.{0,20}?(\d{4})\s*年(?:度)?.{0,40}?情况的报告$")  # 关于2019年法治政府建设情况的报告
YEAR_RANGE = re.compile(r"(\d{4})\s*[-—–~至到]\s*(\d{4})\s*年")  # (2023—2025年)
# the venue line: "——2024年1月29日在六安市第六届人民代表大会第四次会议上" (rules/venue_lines.tsv)
VENUE = phrases.compiled("venue_lines", r"在.{0,40}{}")
# where a run-on line (a one-line file) starts a new title-block part: a date, a venue dash, the salutation
_RUN_ON_BREAK = re.compile(r"\s+(?=——|--|\d{4}[-年]|[〇零○一二][〇零○一二三四五六七八九]{3}年|"
                           + phrases.tagged("one_line_breaks", "run_on") + ")")  # 各位代表
ISSUER_CUES = [re.compile(entry, re.M) for entry in phrases.entries("issuer_cues")]  # 我代表上海市人民政府
TAIL_LINES = 4  # a closing signature is the issuing body and a date line at the very end (专此报告。 above them)
RUN_ON_CHARS = 80  # a title-block line longer than a title (at most 80 characters) may run on into what follows


def iso_date(value):
    """'2020-07-03 11:05:00', '2021年12月2日' or '二〇二一年十二月二日' -> '2020-07-03' / '2021-12-02'; '' if no date."""
    h = _HAN_DATE.search(value)
    if h:
        value = value[:h.start()] + cn2an.transform(squeeze(h.group(0)).translate(_ZERO), "cn2an") + value[h.end():]
    m = _CN_DATE.search(value) or _ISO_DATE.search(value)
    if not m:
        return ""
    parts = [m.group(1)] + [f"{int(g):02d}" for g in m.groups()[1:] if g]
    return "-".join(parts)


def head_lines(text, headings_start):
    """Non-empty lines before the first heading (the title block), or the first 40 lines; a run-on line (a report
    in one line) is cut where a date, a venue line or the salutation starts."""
    head = text[:headings_start] if headings_start else text
    lines = []
    for line in head.split("\n"):
        if len(line) > RUN_ON_CHARS:
            lines.extend(_RUN_ON_BREAK.split(line[:RUN_ON_CHARS * 4]))
        else:
            lines.append(line)
    return [line for line in lines if line.strip()][:40]


def tail_lines(text):
    """The last non-empty lines of a report, where a sign-off (the issuing body, then a date line) stands."""
    return [line for line in text.rstrip().split("\n")[-TAIL_LINES:] if line.strip()]


def _strip_debris(title):
    """The title without the web debris around it (rules/title_debris.tsv, action strip)."""
    previous = None
    while previous != title:
        previous, title = title, TITLE_DEBRIS.sub("", title).strip()
    return title


def find_title(lines):
    """The report's own title from the title block: a line (or run of short lines) ending with a title
    keyword, web debris stripped; a notice '印发《X》的通知' gives X. '' when the text has no title line."""
    candidates = []
    for i, line in enumerate(lines):
        if _CN_DATE.search(line) or SIGNATURE.match(line) or ":" in line or SITE_DEBRIS.search(matching_view(line)):
            continue  # a title does not start on a date, a signature, a salutation or a site's menu
        joined = ""
        for j in range(i, min(i + 4, len(lines))):  # titles broken over up to four lines
            joined += squeeze(lines[j])
            title = _strip_debris(joined)
            view = matching_view(title)
            if 4 <= len(title) <= 80 and re.search(TITLE_END + "$", view) and not ISSUING.search(view) \
                    and not OPENING.match(title):
                candidates.append((j - i, i, title))
                break
            if re.search(r"[。,;:]$", joined) or NOTICE_END.search(joined) or len(joined) > 80:
                break  # a sentence, or the notice that issues the report, ends the title block
    if candidates:
        return min(candidates, key=lambda c: (c[1], c[0]))[2]
    for line in lines:
        m = ISSUED_BOOK.search(line) or ISSUED_NOTICE.search(squeeze(line))
        if m:
            return squeeze(m.group(1))
    return ""


def find_doc_type(title, text):
    view = matching_view(title)
    for pattern, doc_type in DOC_TYPES:
        if re.search(pattern, view):
            return doc_type
    opening = matching_view(text[:600])
    for pattern, doc_type in OPENING_TYPES_READ:
        if re.search(pattern, opening):
            return doc_type
    # a title's words name the type only in a title-like line of the opening, not in a sentence that mentions a
    # plan the report made (制定法治政府建设工作方案,提前部署...)
    titles = [line for line in opening.split("\n") if line.strip() and not SENTENCE.search(line.strip())]
    for pattern, doc_type in DOC_TYPES_TITLE:
        if any(re.search(pattern, line) for line in titles):
            return doc_type
    view = matching_view(text)
    for pattern, doc_type in BODY_TYPES:
        if re.search(pattern, view):
            return doc_type
    return "other"


def find_signature(lines):
    """(issuer, date) from a signature: an issuing body followed by a date line (a notice's, in the title block;
    a report's sign-off, in its last lines: 深圳市龙华区人民政府 / 2019年12月18日)."""
    for i, line in enumerate(lines[:-1]):
        m = SIGNATURE.match(line)
        if m:
            date = _CN_DATE.fullmatch(lines[i + 1].strip())
            if date:
                return m.group(1), iso_date(lines[i + 1])
    return "", ""


def _heading_year(m, delivered):
    """The year a review or plan heading names: in digits, or relative to the year of the venue date."""
    if m.group(1):
        return int(m.group(1))
    if not delivered:
        return None
    return int(delivered[:4]) + next(offset for pattern, offset in RELATIVE_YEARS if pattern.fullmatch(m.group(2)))


def delivery_years(delivered):
    """(review_year, plan_year) of a work report delivered on ISO date `delivered`: one delivered in January-June of
    Y reviews Y-1 and plans Y; one delivered in July-December of Y (some districts meet in December) reviews Y and
    plans Y+1."""
    year, month = int(delivered[:4]), int(delivered[5:7])
    return (year - 1, year) if month <= 6 else (year, year + 1)


def find_years(doc_type, title, level1_headings, published, delivered="", signed=""):
    """(review_year, plan_year, plan_end_year) from headings, the venue date, five-year-plan names and titles; `signed`:
    the date under a report's closing signature (专此报告。/ 深圳市龙华区人民政府 / 2019年12月18日)."""
    review = plan = end = None
    for heading in level1_headings:
        view = matching_view(heading)
        m = REVIEW_HEADING.search(view)
        if m and review is None:
            review = _heading_year(m, delivered)
            continue
        m = PLAN_HEADING.search(view)
        if m and plan is None:
            plan = _heading_year(m, delivered)
    tview = matching_view(title)
    if doc_type == "five_year_plan":
        m = phrases.compiled("five_year_plans").search(tview)
        if m:
            plan, end = phrases.five_year_plans()[m.group(0)]
            review = plan - 1
    m = YEAR_RANGE.search(tview)
    if m and plan is None:
        plan, end = int(m.group(1)), int(m.group(2))
    reports = ("government_work_report", "development_plan_report")
    if doc_type in reports and review is None and plan is None and delivered:
        review, plan = delivery_years(delivered)
    if doc_type in reports and review is None and plan is None:
        m = re.search(r"(\d{4})\s*年(度)?", tview)  # 2019年度 reviews 2019; 2020年...报告 plans for 2020
        if m:
            review, plan = (int(m.group(1)), None) if m.group(2) else (None, int(m.group(1)))
    if doc_type in reports:
        if plan is None and review is not None:
            plan = review + 1
        if review is None and plan is not None:
            review = plan - 1
    if plan is None and doc_type == "implementation_plan" and published:
        plan = int(published[:4])
    m = YEAR_REVIEWED.search(tview)
    if review is None and m:  # 关于2019年法治政府建设情况的报告 reviews 2019
        review = int(m.group(1))
    if review is None and signed and doc_type not in ("five_year_plan", "implementation_plan"):
        # a report dated at its sign-off reviews the year it is dated in (July-December) or the year before
        review = delivery_years(signed)[0]
        if plan is not None and plan <= review:
            review = None
    return review, plan, end


def describe(document_id, text, metadata, level1_headings, headings_start):
    """The documents row fields that can be read from a cleaned, normalized report."""
    lines = head_lines(text, headings_start)
    title = squeeze(metadata.get("title", "")) or find_title(lines)
    doc_type = find_doc_type(title, text)
    region = regions.find(text, title=title, issuer=metadata.get("issuer", ""))
    sig_issuer, sig_date = find_signature(lines)
    end_issuer, end_date = find_signature(tail_lines(text))
    delivered = delivered_date(lines)
    published = iso_date(metadata.get("published", "")) or sig_date or delivered or end_date
    reported = SELF_REPORT.search(matching_view(title)) or SELF_REPORT.search(matching_view(text[:600] + text[-300:]))
    review, plan, end = find_years(doc_type, title, level1_headings, published, delivered,
                                   end_date if published == end_date and reported else "")
    number = metadata.get("doc_number", "")
    if not number:
        head = "\n".join(lines)
        m = DOC_NUMBER.search(matching_view(head))
        number = head[m.start():m.end()] if m else ""
    issuer = metadata.get("issuer", "") or sig_issuer or end_issuer or named_issuer(text[:max(headings_start, 600)]) \
        or (region.government if region else "")
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


def named_issuer(head):
    """The body a report says delivers it (rules/issuer_cues.tsv): 我代表上海市人民政府 -> 上海市人民政府; '' for a bare
    市人民政府 (the region then names the government) or none."""
    view = matching_view(head)
    for cue in ISSUER_CUES:
        for m in cue.finditer(view):
            body = squeeze(head[m.start("body"):m.end("body")])
            if len(re.sub("人民政府$", "", body)) > 1:  # not a bare 市人民政府
                return body
    return ""


def delivered_date(lines):
    """The ISO date a report was delivered, from its venue line: '——2021年12月14日在...会议上', '——在...会议上
    (2024年1月29日)', '——二〇二四年一月二十九日在...'; '' when there is none."""
    for line in lines:
        view = matching_view(squeeze(line))
        if VENUE.search(view):
            date = iso_date(view)
            if date.count("-") == 2:
                return date
    return ""
