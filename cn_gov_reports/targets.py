"""Main targets: the plan year's main expected targets (主要预期目标) of a work report, as economists hand-code them.

A report that plans one year (a government work report or a plan report with a plan_year and no plan_end_year)
states its main expected targets in one paragraph: "2024年全市经济社会发展的主要预期目标是:地区生产总值增长
6%左右,城镇新增就业1.2万人,...". `main_targets` runs after the indicators are extracted and

1. finds that paragraph: a sentence with a cue of rules/main_target_cues.tsv (主要预期目标是:, 预期目标为 ...) that
   names no other period before it, plus the list sentences right after it (while they hold numbers: on the same
   line, or on the lines after a cue that ends its sentence with a colon). Without a cue, the first sentence of
   the plan part that gives the GDP growth target for the plan year (with other headline targets, or alone) is
   the paragraph;
2. marks its indicator rows main_target (unless the words in front of a number name another period: a year
   other than the plan year, 年均, 去年, 十四五 ...) and corrects them: status target, period the plan year
   (the part of a report is sometimes misread; the paragraph itself says which year it plans);
3. returns one main_targets row per headline indicator found there (HEADLINE, in that order), and always one
   for gdp: kind number (a range 5%-5.5% is comparator range with value_high), relative (高于全省0.5个百分点,
   rules/comparators.tsv, relative=yes) or absent (no number: never invented; the note quotes what it says instead,
   rules/gdp_target_absent.tsv).
"""
import re

from . import phrases, vocab
from .indicators import BASE_YEAR
from .normalize import matching_view
from .parts import section_parts

WORK_TYPES = ("government_work_report", "development_plan_report")

# The headline indicators, in the order main_targets lists them, with the measure their target is stated in
# (the row preferred when the paragraph gives more than one number for the indicator; gdp needs it) and
# whether a lower value is the better one (a ceiling: CPI, unemployment; see outcomes.met).
HEADLINE = (
    ("gdp", "growth", False),
    ("cpi", "", True),
    ("urban_new_jobs", "count", False),
    ("urban_surveyed_unemployment", "", True),
    ("registered_unemployment", "", True),
    ("local_general_budget_revenue", "growth", False),
    ("general_budget_total_revenue", "growth", False),
    ("fixed_asset_investment", "growth", False),
    ("retail_sales", "growth", False),
    ("foreign_trade", "growth", False),
    ("rd_intensity", "", False),
    ("energy_intensity", "decline", True),
    ("grain_output", "", False),
    ("disposable_income", "growth", False),
    ("urban_disposable_income", "growth", False),
    ("rural_disposable_income", "growth", False),
)
HEADLINE_IDS = tuple(h[0] for h in HEADLINE)
LOWER_IS_BETTER = frozenset(h[0] for h in HEADLINE if h[2])
CLAUSE_END = ",;:。!?、"
RANGE_BETWEEN = re.compile(r"^\s*%?\s*[-—~～至到]\s*$")  # between the two numbers of a range: 5%-5.5%, 5.5%至6%
ASPIRATION = phrases.compiled("target_words", r"{}[^,;:。!?]{0,24}", aspiration="yes")  # 增长7%以上、力争更好: kept in the note
YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
# GDP as the vocabulary names it (vocab/indicators.csv), with a growth word: 地区生产总值增速, 经济增长
GDP_WORDS = (vocab.alternation_of("gdp") + "(?:" + phrases.alternation("measure_words", measure="growth") + "|"
             + phrases.alternation("measure_words", vocab="yes") + ")?")


def plans_one_year(document):
    return (document.get("doc_type") in WORK_TYPES and bool(document.get("plan_year"))
            and not document.get("plan_end_year"))


# 主要预期目标是:, 主要目标建议: the cue that opens the main-targets paragraph
CUE = phrases.compiled("main_target_cues", "{}" + phrases.alternation("part_headings", target_cue="yes")
                       + r"?\s*(?:" + phrases.alternation("subject_edges", target="copula") + r"\s*[:]?|[:])",
                       role="cue")
OTHER_PERIOD = phrases.compiled("main_target_cues", role="other_period")  # 去年, 年均, 十四五: not the plan year
# 高于全省(平均水平): a target relative to a higher level (rules/comparators.tsv relative=yes, subject_edges target)
RELATIVE = re.compile(r"(?P<cmp>" + phrases.alternation("comparators", relative="yes") + r")\s*"
                      r"(?P<ref>" + phrases.alternation("subject_edges", target="scope")  # 全省
                      + r"|[\u4e00-\u9fff]{1,4}?(?:省|自治区|市))"
                      + phrases.alternation("subject_edges", target="level") + "?")  # 平均水平
GDP_RELATIVE = re.compile(GDP_WORDS + r"\s*" + RELATIVE.pattern)  # 地区生产总值增长高于全省...
RELATIVE_COMPARATOR = {r.entry: r["comparator"] for r in phrases.rules("comparators") if r["relative"] == "yes"}
ABSENT = phrases.compiled("gdp_target_absent")  # 保持经济平稳健康发展: what a report says instead of a number


def _names_other_period(words, plan_year):
    """Whether `words` (what precedes a number) name a period other than the plan year."""
    if OTHER_PERIOD.search(words):
        return True
    for m in YEAR.finditer(words):
        if int(m.group(1)) != plan_year and not BASE_YEAR.search(words[:m.start()]):
            return True
    return False


def main_targets(text, sections, document, sentences, indicators, view=None):
    """The main_targets rows of one report; marks (and corrects) its indicator rows' main_target."""
    for row in indicators:
        row["main_target"] = False
    if not plans_one_year(document):
        return []
    view = matching_view(text) if view is None else view
    plan_year = int(document["plan_year"])
    by_sentence = {}
    for row in indicators:
        by_sentence.setdefault(row["sentence_start"], []).append(row)
    spans = [(section, s, e) for section, s, e in sentences]
    group = _cue_paragraph(view, spans, by_sentence, plan_year)
    if not group:
        group = _equivalent_sentence(view, spans, by_sentence, sections, document, plan_year)
    marked = []
    for s, e, start in group:
        for row in by_sentence.get(s, []):
            if row["char_start"] < start:
                continue
            clause = view[_clause_start(view, s, row["char_start"]):row["char_start"]]
            if _names_other_period(clause, plan_year) or row["measure"] == "rank":
                continue
            row.update(main_target=True, status="target", period=str(plan_year))
            marked.append(row)
    for row in marked:  # the low end of a range is >= (6%-6.5%: the plain number 6% was read as =)
        high = _range_high(view, row, by_sentence)
        if high and row["comparator"] == "=":
            row["comparator"] = ">="
    base = {"document_id": document["id"], "region": document.get("region") or "", "region_code": document.get("region_code") or "",
            "year": plan_year}
    out = []
    for indicator, measure, _ in HEADLINE:
        row = _headline_row(view, marked, indicator, measure, group, text, by_sentence)
        if row is None and indicator == "gdp":
            row = _absent_row(view, text, group, spans, sections, document)
        if row is not None:
            out.append({"id": f"{document['id']}-t-{indicator.replace('_', '-')}", **base, "indicator": indicator,
                        **row})
    return out


def _clause_start(view, s, pos):
    i = pos
    while i > s and view[i - 1] not in CLAUSE_END:
        i -= 1
    return i


def _cue_paragraph(view, spans, by_sentence, plan_year):
    """[(sentence start, end, where its main targets start)] of the first main-targets paragraph with numbers."""
    for k, (section, s, e) in enumerate(spans):
        m = CUE.search(view, s, e)
        if not m or _names_other_period(view[_clause_start(view, s, m.start()):m.start()], plan_year):
            continue
        group = [(s, e, m.end())]
        open_list = not view[m.end():e].strip(" \n:")  # the cue ends its sentence: the list follows
        for section2, s2, e2 in spans[k + 1:k + 16]:
            if section2 is not section or not by_sentence.get(s2):
                break
            between = view[group[-1][1]:s2]
            if "\n" in between and not open_list and not re.match(r"\s*(?:——|-|\(?\d+[).、]|[(（][一二三四五六七八九十]+[)）])",
                                                                 view[s2:e2]):
                break
            group.append((s2, e2, s2))
        if any(r["char_start"] >= m.end() for s2, _, _ in group for r in by_sentence.get(s2, [])):
            return group
    return []


def _equivalent_sentence(view, spans, by_sentence, sections, document, plan_year):
    """Without a cue: the first plan-part sentence giving the plan year's GDP growth target (one that lists
    other headline targets with it first, else one that gives it alone)."""
    parts = section_parts(sections, document)
    alone = None
    for section, s, e in spans:
        if parts[section["id"]].kind != "plan":
            continue
        rows = by_sentence.get(s, [])
        gdp = [r for r in rows if r["indicator"] == "gdp" and r["measure"] == "growth" and r["status"] == "target"
               and r["period"] in ("", str(plan_year))]
        if not gdp or _names_other_period(view[s:gdp[0]["char_start"]], plan_year):
            continue
        others = {r["indicator"] for r in rows if r["indicator"] in HEADLINE_IDS and r["indicator"] != "gdp"}
        if others:
            return [(s, e, s)]
        alone = alone or [(s, e, s)]
    return alone or []


def _headline_row(view, marked, indicator, measure, group, text, by_sentence):
    rows = [r for r in marked if r["indicator"] == indicator]
    if measure:
        preferred = [r for r in rows if r["measure"] == measure]
        rows = preferred if preferred or indicator == "gdp" else rows
    if not rows:
        return _relative_without_number(view, text, group, by_sentence) if indicator == "gdp" else None
    row = rows[0]
    s = row["sentence_start"]
    clause = view[_clause_start(view, s, row["char_start"]):row["char_start"]]
    relative = None
    for relative in RELATIVE.finditer(clause):
        pass
    found = {"kind": "number", "comparator": row["comparator"], "value": row["value"], "value_high": None,
             "unit": row["unit"], "relative_to": "", "indicator_id": row["id"], "sentence": row["sentence"],
             "note": ""}
    end = row["char_end"]
    if relative:
        comparator = row["comparator"] if row["comparator"] != "=" else RELATIVE_COMPARATOR.get(relative.group("cmp"), ">")
        found.update(kind="relative", relative_to=relative.group("ref"), comparator=comparator)
    else:
        high = _range_high(view, row, by_sentence)
        if high:
            found.update(comparator="range", value_high=high["value"])
            end = high["char_end"]
    after = view[end:row["sentence_end"]]
    nxt = next((r["char_start"] for r in by_sentence.get(s, []) if r["char_start"] >= end + 1 and r is not row), None)
    if nxt is not None:
        after = view[end:nxt]
    aspiration = ASPIRATION.search(after[:40])
    if aspiration and not re.search(r"[;。]", after[:aspiration.start()]):  # the clause that says it, whole
        start = max(after.rfind(c, 0, aspiration.start()) for c in ",、") + 1
        found["note"] = text[end + start:end + aspiration.end()].strip()
    return found


def _range_high(view, row, by_sentence):
    """The row of the high end of a range whose low end is `row` (5%-5.5%, 5.5%至6%), or None."""
    high = next((r for r in by_sentence.get(row["sentence_start"], []) if r["char_start"] >= row["char_end"]), None)
    if (high and row["comparator"] in (">=", "=") and high["comparator"] == "<=" and high["indicator"] == row["indicator"]
            and high["unit"] == row["unit"] and RANGE_BETWEEN.match(view[row["char_end"]:high["char_start"]])):
        return high
    return None


def _relative_without_number(view, text, group, by_sentence):
    """A gdp target relative to a higher level whose row is not a gdp row: 地区生产总值增长高于全省0.5个百分点左右
    (the margin's row, if a number follows right after) or 高于全省平均水平 (value empty)."""
    for s, e, start in group:
        m = GDP_RELATIVE.search(view, start, e)
        if m:
            found = {"kind": "relative", "comparator": RELATIVE_COMPARATOR.get(m.group("cmp"), ">"), "value": None,
                     "value_high": None, "unit": "", "relative_to": m.group("ref"), "indicator_id": "",
                     "sentence": text[s:e], "note": ""}
            margin = next((r for r in by_sentence.get(s, []) if 0 <= r["char_start"] - m.end() <= 2), None)
            if margin:
                found.update(value=margin["value"], unit=margin["unit"], indicator_id=margin["id"],
                             comparator=margin["comparator"] if margin["comparator"] != "=" else found["comparator"])
            return found
    return None


def _absent_row(view, text, group, spans, sections, document):
    """The report plans the year and sets no numeric GDP growth target: kind absent, the note quoting what it
    says instead (保持经济平稳健康发展), if anything."""
    places = [(s, e) for s, e, _ in group]
    if not places:
        parts = section_parts(sections, document)
        places = [(s, e) for section, s, e in spans if parts[section["id"]].kind == "plan"]
    said = next((m for s, e in places for m in [ABSENT.search(view, s, e)] if m), None)
    note = "no numeric GDP growth target / 未设定地区生产总值增长的数字目标"
    if said:
        note += f"; 原文: {text[said.start():said.end()]}"
    return {"kind": "absent", "comparator": None, "value": None, "value_high": None, "unit": "", "relative_to": "",
            "indicator_id": "", "sentence": "", "note": note}
