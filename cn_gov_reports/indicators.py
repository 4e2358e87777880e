"""Indicators: every number that measures something (SPEC.md).

For each sentence of each section (sentences.py), numbers.find_quantities finds the numbers with
units; each then gets
- a subject: the text in front of it in its clause, cleaned of time, scope and predicate words
  (LEAD_STRIP, TAIL_STRIP); a list "A、B分别增长x%、y%" pairs items with numbers; an empty lead
  takes the subject of the number before it ("工业投资279亿元,增长16.4%");
- measure, comparator and status from the word lists (rules/), the part of the report (parts.py)
  and the words around the number;
- period: an explicit year in the sentence before the number, else a five-year-plan name, else
  the period of the part of the report.
Everything is matched on the simplified matching view; rows quote the normalized text.

The word lists are data in rules/ (one entry a line, with meaning and example): measure_words, comparators,
target_words, estimate_words, action_verbs, subject_edges, effort_adverbs, rank_verbs, rank_scopes, list_words,
subject_qualifiers, generic_nouns (.tsv). A subject is completed by the first of SUBJECT_RULES that gives one.
"""
import functools
import re
from dataclasses import dataclass

from . import fields, phrases
from .ids import OccurrenceCounter, row_id
from .normalize import matching_view, squeeze
from .numbers import YEAR_DIGITS, Quantity, find_quantities, year_value
from .parts import section_parts, span_period
from .sentences import section_sentences
from .vocab import indicator_for

CLAUSE_END = ",;:。!?()《》"  # line breaks are not clause ends: PDF text breaks lines anywhere  # a subject never reaches back over these
JOINS = phrases.tagged("project_words", "numbers", column="joins")  # 和, 及, 与 (rules/project_words.tsv joins)
LIST_SEP = re.compile(r"^(?:[\s、,\-—~～至到]|" + JOINS + ")*" + phrases.tagged("project_words", "last", column="joins")
                      + r"?[\s、]*$")  # text between numbers of one list: "18.6%、11.8%"
ITEM_SEP = re.compile("、|" + phrases.tagged("project_words", "items", column="joins"))  # between the items of a subject list

# --- measure, comparator and status words (rules/measure_words.tsv, comparators.tsv, target_words.tsv, ...) ---
GROWTH = phrases.compiled("measure_words", "{}$", measure="growth", end="yes")  # GDP增长9.7%
DECLINE = phrases.compiled("measure_words", "{}" + phrases.alternation("subject_edges", after_verb="to") + "?$",
                           measure="decline", end="yes")  # 浓度下降18.6%
GROWTH_AFTER = phrases.compiled("measure_words", "^" + phrases.tagged("comparators", "growth_after") + "?(?:的)?{}",
                                measure="growth", after="yes")  # 每年8%左右增速
GROWTH_BEFORE = phrases.compiled("measure_words", measure="growth", anywhere="yes")  # 增速达到10%
SHARE = phrases.compiled("measure_words", measure="share", anywhere="yes")  # 优良率, 占全市, 比重达55%


def _comparators(position, template):
    """[(pattern, comparator)] of the comparator words at one position, one pattern per comparator, in file order."""
    found = {}
    for r in phrases.rules("comparators"):
        if r["position"] == position:
            found.setdefault(r["comparator"], []).append(r.entry)
    return [(re.compile(template.replace("{}", "(?:" + "|".join(words) + ")")), c) for c, words in found.items()]


COMPARATOR_BEFORE = _comparators("before", "{}$")  # at the end of the text in front of the number: 不低于8%
COMPARATOR_AFTER = _comparators("after", "^{}")  # right after the number: 8%左右


def _target_cue(rule):
    """A target word as a cue: 确保 not after 有效 nor before 了; 计划 only before 完成/实现/达到."""
    return ((f"(?<!{rule['not_after']})" if rule["not_after"] else "") + rule.entry
            + (f"(?!{rule['not_before']})" if rule["not_before"] else "") + (f"(?:{rule['then']})" if rule["then"] else ""))


ESTIMATE = phrases.compiled("estimate_words")  # applies from 预计 to the end of its sentence
TARGET = re.compile("|".join(_target_cue(r) for r in phrases.rules("target_words") if r["scope"] == "clause"))  # in its clause
TARGET_LEAD = re.compile("|".join(_target_cue(r) for r in phrases.rules("target_words") if r["scope"] == "sentence"))
# status words are kept in the status column, not the subject
STATUS_LEAD = "|".join([phrases.alternation("estimate_words", strip="lead"), phrases.alternation("target_words", strip="lead"),
                        phrases.alternation("target_words", strip="both")])
EFFORT = phrases.alternation("effort_adverbs")  # 大力, 着力: how hard, not what

# --- cleaning a subject ----------------------------------------------------------------------------------
LEAD_STRIP = re.compile("^(?:" + "|".join([
    # a heading run into its body when the report is one long line: 一、2023年工作回顾 全年完成...
    phrases.alternation("subject_edges", lead="heading"),
    phrases.alternation("subject_edges", lead="time"),  # 2018年, 截至2020年底, “十三五”时期, 五年来, 同口径, 全年
    phrases.alternation("subject_edges", lead="scope"),  # 全区, 全市
    STATUS_LEAD,  # status words (rules/estimate_words.tsv, target_words.tsv)
    # 每年新引进..., 举办科技成果转化对接活动17场, 累计, 完成, 实现, 达到 (not 达: 达标总数)
    phrases.alternation("subject_edges", lead="frame"), phrases.alternation("action_verbs", lead="frame"),
    # verbs that frame a count or amount without saying what is counted: 打造3个基地, 集聚了80余家总部, 现有215家机构
    EFFORT + "?" + phrases.alternation("action_verbs", framing="yes") + "(?=..)",
    phrases.alternation("subject_edges", lead="period"),  # “十五五”期间, 军运期间: a period, not the subject
    phrases.alternation("comparators", lead="yes") + "(?=[,、])",  # 1800亿元左右、增长7.0%左右: the number before's
    r"[,、\s]",
]) + ")+")
# TAIL_STRIP only asks whether the end of a subject is a run of these, so the order of its alternatives does not matter
TAIL_STRIP = re.compile("(?:" + "|".join([
    # 同比增长了, 分别下降: a growth or decline verb after an optional basis word
    phrases.alternation("subject_edges", guard="tail_not_after", tail=("basis", "both")) + "?"
    + phrases.alternation("measure_words", guard="tail_not_after", tail="verb")
    + phrases.alternation("subject_edges", after_verb=("done", "to")) + "?",  # 增长了, 下降至
    phrases.alternation("rank_verbs", tail="yes") + phrases.alternation("rank_scopes", tail="yes") + "?",  # 位居全国
    phrases.alternation("measure_words", places="yes") + r"[一二三四五六七八九十\d]+位",  # 综合实力上升一位
    phrases.alternation("target_words", strip="both"),  # 县域综合经济首次排名全省第二
    phrases.alternation("subject_edges", from_to="from") + r"(?:\d{4}年(?:底|末)?的?)?",  # 可网办事项由56项上升至83项
    # 五年累计, 历史最高, 是上一个五年的3.6倍, 优良率较2015年增加, 近五年累计, 增速, 分别, 均, 的
    phrases.alternation("subject_edges", guard="tail_not_after", tail=("word", "both")),
    phrases.alternation("measure_words", tail="word"), phrases.alternation("comparators", tail="yes"),
    phrases.alternation("action_verbs", tail="yes"), phrases.alternation("estimate_words", tail="yes"),
    r"[,、\s]|(?<=..)" + phrases.tagged("project_words", "tail", column="joins"),
]) + ")+$")
VERB_ONLY = re.compile("^" + phrases.alternation("subject_edges", verb_only="prefix") + "?(?:"
                       + phrases.alternation("action_verbs", verb_only="yes") + "+)$")
# where a noun after the number ends: 31个项目投产投运 (the order of the alternatives does not matter: only where)
NOUN_STOP = re.compile("|".join([phrases.alternation("action_verbs", noun_stop="yes"),
                                 phrases.alternation("subject_edges", noun_stop="yes"),
                                 "(?:、|" + JOINS + r")\d", r"\d+" + phrases.alternation("units", noun_stop="yes")]))
GENERIC = phrases.compiled("measure_words", "^{}$", generic="yes")  # 新增企业2万多家、总数7万多家
QUALIFIER = phrases.compiled("subject_qualifiers", "^{}$")  # 孵化器60家(国家级17家)
# verbs in front of a noun, dropped when the noun is carried to the next number (新建中小学5所、扩建6所)
VERB_PREFIX = re.compile("^(?:" + "|".join([phrases.alternation("effort_adverbs", verb_prefix="yes"),  # 大力, 积极, 加快, 新
                                            phrases.alternation("action_verbs", verb_prefix="adverb"),
                                            phrases.alternation("subject_edges", verb_prefix="adverb")]) + ")?"
                         + "(?:" + "|".join([phrases.alternation("action_verbs", verb_prefix="verb"),  # 新建, 扩建
                                             phrases.alternation("subject_edges", verb_prefix="verb"),
                                             phrases.alternation("measure_words", verb_prefix="yes")]) + ")+")
RANK_VERB = phrases.compiled("rank_verbs", split="yes")  # where a ranked subject ends
GENERIC_GROUP = phrases.compiled("list_words", "{}.*", part="group")  # ...等指标: a list of indicators
# where the noun of a whole clause ends: 地区生产总值每年跨越一个百亿元台阶 -> 地区生产总值
CLAUSE_VERB = re.compile("|".join(phrases.alternation(name, clause_verb="yes") for name in (
    "subject_edges", "action_verbs", "comparators", "measure_words", "rank_verbs")))  # only where the first one starts
# a generic noun after a count says little alone; what it did is the subject: 94家企业入选市...试点
GENERIC_NOUN = phrases.compiled("generic_nouns", "^{}$")
# verbs that only frame what follows (打造3个基地): the noun after the count is the subject
FRAMING = re.compile("^" + EFFORT + "?" + phrases.alternation("action_verbs", framing_alone="yes") + "$")
FRAMING_WORD = re.compile(phrases.tagged("subject_edges", "framing"))  # 对, 为, 向, 在, 与 alone (对45家企业开展...)
# a lead that ends in an action on the counted things: ...合作成立7支母子基金 -> 成立母子基金
ACTION_END = phrases.compiled("action_verbs", "{}$", action_end="yes")
# an item of a chain that starts with its own verb keeps it: 新增公交线路5条、优化调整公交线路21条
OWN_VERB = re.compile("^(?:" + phrases.alternation("action_verbs", own_verb="yes") + "|"
                      + phrases.alternation("measure_words", own_verb="yes") + ")")
CHAIN_VERB = phrases.compiled("action_verbs", "^{}", chain_verb="yes")  # shared by the items of a 、 chain
RANK_SCOPE = phrases.compiled("rank_scopes", "^{}+")  # 位列全国...: where, not what
DEFAULT_MEASURE = {"amount": "level", "thing": "count", "bare": "count", "percent": "share", "point": "other", "ratio": "other",
                   "rank": "rank", "phrase": "other"}


def extract_indicators(text, sections, document, sentences=None, view=None):
    """Indicator rows (dicts with the INDICATORS columns) for one document, in document order."""
    view = matching_view(text) if view is None else view
    parts = section_parts(sections, document)
    counter, rows = OccurrenceCounter(), []
    for section, s, e in sentences if sentences is not None else section_sentences(text, sections):
        for found in _sentence_rows(text, view, s, e, parts[section["id"]], document):
            sentence = text[s:e]
            mention = text[found["char_start"]:found["char_end"]]
            found.update(id=row_id(document["id"], "i", sentence, mention, occurrence=counter(sentence, mention)),
                         document_id=document["id"], section_id=section["id"], sentence=sentence,
                         sentence_start=s, sentence_end=e)
            rows.append({c: found.get(c) for c in fields.INDICATORS.columns})
    return rows


def _sentence_rows(text, view, s, e, part, document):
    sv = view[s:e]
    quantities = find_quantities(sv)
    if not quantities:
        return []
    found = _subjects(sv, sv, quantities, _region_prefix(document.get("region") or ""))
    written = text[s:e]
    back = {v: o for v, o in zip(sv, written) if v != o} if sv != written else {}  # simplified -> as written
    rows, moves = [], _from_to(sv, quantities)
    for q, (subjects, anchor) in zip(quantities, found):
        for subj in subjects:
            subj = "".join(back.get(c, c) for c in subj)
            row = dict(_row(sv, q, subj, anchor, s, part, document), **moves.get(id(q), {}))
            row["quantity"] = id(q)
            rows.append(row)
    by_quantity = {r["quantity"]: r for r in rows}
    for r in rows:  # the second number of a from-to phrase measures the same thing as the first
        if "same_subject_as" in r and r["same_subject_as"] in by_quantity:
            r["subject"] = by_quantity[r["same_subject_as"]]["subject"]
            r["indicator"] = by_quantity[r["same_subject_as"]]["indicator"]
            if r["period"].isdigit() and int(r["period"]) < (document.get("plan_year") or 0):
                r["status"] = "actual"  # 提高到2020年的75% in a 2021-2025 plan: reached
    return rows


# "由2016年的56项上升至83项": the first number is where the measure started (its own year, actual), the second
# where it got to; both are levels, not growth rates
FROM = re.compile(phrases.alternation("subject_edges", from_to="from") + r"\s*(?:(?P<year>\d{4})\s*年(?:底|末)?(?:的)?)?\s*$")
TO = re.compile(r"^\s*(?:的)?" + phrases.alternation("measure_words", to="yes")
                + phrases.alternation("subject_edges", from_to="to") + r"\s*"
                r"(?:(?P<year>\d{4})\s*年(?:底|末)?(?:的)?)?\s*$")


def _from_to(sv, quantities):
    """{id(quantity): fields to override} for the two numbers of each from-to phrase in a sentence."""
    moves = {}
    for a, b in zip(quantities, quantities[1:]):
        start = FROM.search(sv[:a.start])
        to = TO.match(sv[a.end:b.start])
        if start and to and a.kind == b.kind and a.kind != "rank":
            measure = DEFAULT_MEASURE[a.kind] if a.kind != "percent" else "share"
            moves[id(a)] = {"measure": measure, "status": "actual", "comparator": a.comparator}
            if start.group("year"):
                moves[id(a)]["period"] = start.group("year")
            moves[id(b)] = {"measure": measure, "same_subject_as": id(a)}
            if to.group("year"):
                moves[id(b)]["period"] = to.group("year")
    return moves


def _row(sv, q, subject, anchor, offset, part, document):
    before = squeeze(sv[_clause_start(sv, anchor):anchor])
    after = squeeze(sv[q.end:q.end + 6])
    return {
        "subject": subject, "indicator": indicator_for(subject) if q.kind != "rank" else "",
        "value": q.value, "unit": q.unit, "value_base": q.value_base, "unit_base": q.unit_base,
        "measure": q.measure or _measure(q, before, after, subject),
        "status": _status(sv, q, part, document),
        "comparator": _comparator(q, before, after),
        "period": _period(sv[:q.start], part),
        "char_start": offset + q.start, "char_end": offset + q.end,
    }


@functools.lru_cache(maxsize=64)
def _region_prefix(region):
    """A pattern for the report's own place name in front of a subject (东湖高新区地区生产总值). Only the name
    as written in full: a short name names things of the place (上海港, 吉林化纤, 广元机场), not the place."""
    region = matching_view(region)
    names = {region, re.sub(r"\(.*?\)", "", region)} - {""}
    return re.compile("^(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + ")") if names else None


# --- subjects ----------------------------------------------------------------------------------------------
def _clause_start(sv, pos):
    i = pos
    while i > 0:
        if sv[i - 1] == ")":  # an aside inside the clause (申(投)诉, 最高(2019年)达到) does not end it
            aside = re.search(r"\(([^()]{0,12})\)$", sv[max(0, i - 14):i])
            if aside and not re.search(r"\d(?!\d*年)", aside.group(1)):  # no number in it but a year
                i -= len(aside.group(0))
                continue
        if sv[i - 1] in CLAUSE_END:
            break
        i -= 1
    return i



class _Memory:
    """The subjects (and their bare nouns) found so far in one sentence."""

    def __init__(self):
        self.subjects, self.nouns = [], []
        self.consumed = -1  # end of the last noun taken from after a number (N家X)

    def add(self, subject, noun=None):
        self.subjects.append(subject)
        self.nouns.append(noun or _bare_noun(subject))

    @property
    def last(self):
        return self.subjects[-1] if self.subjects else ""

    @property
    def noun(self):
        return self.nouns[-1] if self.nouns else ""


def _bare_noun(subject):
    return VERB_PREFIX.sub("", subject) or subject


EACH = re.compile(phrases.tagged("subject_edges", "each"))  # 均, 分别, 都: a rank after one ranks every subject before


def _subjects(sentence, sv, quantities, region):
    """(subjects, anchor) per quantity: a rank after 均 gets one subject per earlier subject; the anchor is
    where the words in front of the quantity end (the first number of its list)."""
    out, memory = [], _Memory()
    k = 0
    while k < len(quantities):
        run = _run(sv, quantities, k)
        subjects = _run_subjects(sentence, sv, quantities, run, memory, region)
        for q, (subj, noun) in zip(run, subjects):
            if isinstance(subj, list):  # one quantity shared by a list of subjects
                out.append((subj, run[0].start))
                continue
            if q.kind == "rank" and EACH.search(sv[_clause_start(sv, q.start):q.start]) and memory.subjects:
                out.append((list(dict.fromkeys(memory.subjects)), run[0].start))
            else:
                out.append(([subj], run[0].start))
                if q.kind != "rank" and not subj[len(memory.last):].startswith("占"):  # not "X占计划"
                    memory.add(subj, noun)
        k += len(run)
    return out


def _run(sv, quantities, k):
    """The quantities from k on that form one list: "18.6%、11.8%" (nothing but 、 between them)."""
    run = [quantities[k]]
    while k + len(run) < len(quantities):
        nxt = quantities[k + len(run)]
        if not LIST_SEP.match(sv[run[-1].end:nxt.start]) or nxt.kind == "rank":
            break
        run.append(nxt)
    return run


def _run_subjects(sentence, sv, quantities, run, memory, region):
    """[(subject, bare noun)] for the quantities of one run."""
    first = run[0]
    lead_start = _lead_start(sv, quantities, first)
    if memory.consumed >= first.start - 1 and memory.consumed > lead_start:  # 10家百亿级企业、5家...: taken
        lead_start = first.start
    lead = squeeze(sentence[lead_start:first.start])
    cleaned = _clean(lead, region)
    if len(run) == 1 and first.kind in ("percent", "phrase") and "、" in cleaned:  # A、B、C每年两位数以上增长
        items = [i for i in cleaned.split("、") if len(i) >= 2]
        if len(items) > 1:
            return [(items, None)]
    single = len(run) == 1 or ("分别" not in lead and (run[0].comparator, run[-1].comparator) == (">=", "<="))
    if not single:
        items = _items(cleaned, len(run))
        if items:
            return [(i, None) for i in items]
        if "分别" in lead and len(set(memory.subjects)) >= len(run):
            return [(i, None) for i in list(dict.fromkeys(memory.subjects))[-len(run):]]
    subject = _finish(cleaned, sentence, sv, run[-1], memory, lead_start, region)
    chained = lead_start > 0 and memory.subjects and sv[lead_start - 1] == "、" and subject[0] == cleaned
    verb = CHAIN_VERB.match(memory.subjects[-1]) if chained else None
    if verb and not VERB_PREFIX.match(subject[0]) and not OWN_VERB.match(subject[0]):  # 新增孵化器7家、众创空间15家 -> 新增众创空间
        subject = (verb.group(0) + subject[0], subject[1])
    return [subject] * len(run)


NOT_JOINER = phrases.compiled("list_words", part="not_joiner", joiner=("及", "与"))  # 及时, 与会: no list word


def _lead_start(sv, quantities, q):
    """Start of the text in front of q: its clause start, or the end of the quantity before it in the clause."""
    start = _clause_start(sv, q.start)
    for other in quantities:
        if start <= other.end <= q.start and other is not q:
            start = other.end
    while start < q.start and (sv[start] in "、 \n" or re.match(JOINS, sv[start])) and not NOT_JOINER.match(sv, start):
        start += 1
    return start


ETC = phrases.compiled("list_words", "(?!{})等", part="not_joiner", joiner="等")  # "and so on" (…等各类培训活动), not 等级 / 等于
ETC_LEAD = phrases.compiled("project_groups", "^{}", etc_lead="yes")  # 各类, 一批: in front of the items of 等指标
BRACKETED = re.compile(r"\([^()]{0,12}\)")  # 申(投)诉, 五年内最高(2019年): an aside inside the subject
# a subject with an opening quote and no closing one (or the reverse) lost its other half at a clause edge
UNPAIRED_QUOTE = re.compile(r"^[^“”]*”|“[^“”]*$")


def _last_etc(lead):
    found = [m.start() for m in ETC.finditer(lead)]
    return found[-1] if found else -1


def _clean(lead, region=None):
    lead = BRACKETED.sub("", lead)
    etc = _last_etc(lead)
    if etc >= 0 and not GENERIC_GROUP.fullmatch(lead[etc + 1:]):
        lead = lead[etc + 1:]
    elif etc >= 0:  # 新登记外资企业数、出口创汇等指标保持两位数以上增长: the items are the subjects
        lead = lead[:etc]
        lead = ETC_LEAD.sub("", lead)
    previous = None
    while previous != lead:
        previous = lead
        lead = LEAD_STRIP.sub("", lead)
        if region:
            lead = region.sub("", lead) if len(region.sub("", lead)) >= 2 else lead
        lead = TAIL_STRIP.sub("", lead)
        lead = lead.strip("\"")
    return _pair_quotes(lead)


def _pair_quotes(subject):
    """Drop a quote whose partner fell outside the subject: 新增三品一标”农产品 -> 新增三品一标农产品."""
    while UNPAIRED_QUOTE.search(subject):
        m = UNPAIRED_QUOTE.search(subject)
        at = m.start() + m.group(0).index("”" if m.group(0).endswith("”") else "“")
        subject = subject[:at] + subject[at + 1:]
    return subject


# what is measured, written once after the last item of a list: 粮食、蔬菜、水产品产量 -> 粮食产量
SHARED_HEAD = phrases.compiled("measure_words", "{}$", shared_head="yes")


def _items(cleaned, n):
    """The n subjects of a list subject "A、B、C", the head of the last item shared by short ones."""
    items = [i for i in ITEM_SEP.split(cleaned) if i]
    if len(items) == 1 and n == 2:  # PM10PM2.5平均浓度 (the 、 was lost): split the Latin run
        m = re.match(r"^([A-Za-z]+\d+(?:\.\d+)?)([A-Za-z]+\d+(?:\.\d+)?)(.*)$", items[0])
        items = [m.group(1), m.group(2) + m.group(3)] if m else items
    if len(items) != n:
        return None
    last = items[-1]
    head = re.match(r"^([A-Za-z0-9.]+)(.+)$", last)
    measured = SHARED_HEAD.search(last)
    out = []
    for item in items[:-1]:
        if re.fullmatch(r"[A-Za-z0-9.]+", item) and head:  # PM10、PM2.5平均浓度
            item += head.group(2)
        elif measured and len(item) <= 3 and not SHARED_HEAD.search(item):  # 粮食、蔬菜、水产品产量
            item += measured.group(0)
        elif len(item) <= 2 and len(last) > len(item) + 2:  # 城镇和农村居民人均可支配收入
            item += last[len(item):]
        out.append(item)
    return out + [last]


@dataclass
class _Lead:
    """What is known about one quantity when its subject is completed (_finish): the cleaned words in front of
    it, where they start, the noun written right after it, and the subjects found before it in the sentence."""
    quantity: Quantity
    cleaned: str  # the words in front of the quantity, cleaned (_clean)
    sentence: str  # the sentence's text, as rows quote it
    view: str  # the sentence's matching view, offsets as in `sentence`
    memory: "_Memory"
    lead_start: int  # where the words in front of the quantity start
    region: object  # the report's own place name (a compiled pattern) or None
    ranked: str = ""  # a rank: the words after its rank verb, scope dropped (全国排名 -> 排名)
    noun: str = ""  # the noun right after the quantity, when it belongs to it
    noun_end: int = 0  # where that noun ends, counted from the quantity's end
    words: str = ""  # `cleaned`, or '' when it only frames the count (打造3个基地)

    @property
    def kind(self):
        return self.quantity.kind

    def earlier(self):
        return _previous_clause(self.sentence, self.view, self.lead_start, self.region)


def _finish(cleaned, sentence, sv, q, memory, lead_start, region):
    """(subject, bare noun) of one quantity, completed from what follows it or from the subjects before it:
    the first of SUBJECT_RULES that gives one."""
    lead = _Lead(q, cleaned, sentence, sv, memory, lead_start, region)
    if q.kind == "rank":  # 地方一般公共预算收入达到107亿元,位居中心城区第三: the subject is before the rank verb
        pieces = RANK_VERB.split(cleaned)
        lead.cleaned = pieces[0]
        lead.ranked = RANK_SCOPE.sub("", pieces[-1]) if len(pieces) > 1 else ""
    lead.noun, lead.noun_end = _noun_after(sentence, sv, q)
    if lead.noun and _noun_belongs_elsewhere(lead):
        lead.noun = ""
    framing = lead.noun and (FRAMING.match(lead.cleaned) or FRAMING_WORD.fullmatch(lead.cleaned))
    lead.words = "" if framing else lead.cleaned  # 打造3个省级优质农产品生产基地 -> 省级优质农产品生产基地
    for _name, rule in SUBJECT_RULES:
        found = rule(lead)
        if found:
            return found
    raise AssertionError("the last subject rule always gives a subject")


def _noun_belongs_elsewhere(lead):
    """The noun after a percent that follows a predicate (增长10%招商引资...) belongs to the next number; the words
    after an amount are its subject only after a bare verb (技改投资148亿元 keeps 技改投资)."""
    q, sentence = lead.quantity, lead.sentence
    written = squeeze(sentence[lead.lead_start:q.start])
    if q.kind == "percent":
        predicate = lead.cleaned != _clean(written.rstrip("%0123456789.、"))
        return predicate or bool(TAIL_STRIP.search(written))
    return q.kind == "amount" and bool(lead.cleaned) and not VERB_ONLY.match(lead.cleaned)


def _rank_without_subject(lead):
    """A rank with no words before its verb ranks the subject before it (or what it ranks: 全国排名)."""
    if lead.kind == "rank" and not lead.cleaned:
        memory = lead.memory
        return (memory.last or (lead.ranked + "排名" if len(lead.ranked) >= 2 else "") or lead.earlier() or "排名"), None


def _what_generic_things_did(lead):
    """A count of generic things (94家企业) with no words before it, or a count whose unit was lost: what they
    did is the subject (94家企业入选...试点 -> 入选...试点企业)."""
    q, noun = lead.quantity, lead.noun
    if not (noun and (q.kind == "thing" and not lead.cleaned and GENERIC_NOUN.match(noun) or q.kind == "bare")):
        return None
    said = _predicate_after(lead.sentence, lead.view, q.end + lead.noun_end)
    if not said:
        return None
    lead.memory.consumed = q.end + lead.noun_end + len(said)
    if q.kind == "bare":
        return noun + said, noun
    return (said if said.endswith(noun) else said + noun), noun  # 7家企业获评...龙头企业


def _noun_after_count(lead):
    """The noun after the number completes a short or verb-only lead (新建学校5所 / 建成5所学校 -> 建成学校);
    a percent's noun is the subject alone (70%区级事项网上可办)."""
    words, noun = lead.words, lead.noun
    if noun and (not words or VERB_ONLY.match(words) or len(words) <= 4 or lead.kind == "percent"):
        lead.memory.consumed = lead.quantity.end + lead.noun_end
        return (noun if lead.kind == "percent" else words + noun), noun


def _action_on_counted(lead):
    """A lead ending in an action on the counted things keeps the action: ...合作成立7支母子基金 -> 成立母子基金."""
    acted = ACTION_END.search(lead.words) if lead.noun and lead.kind == "thing" else None
    if acted:
        lead.memory.consumed = lead.quantity.end + lead.noun_end
        return acted.group(0) + lead.noun, lead.noun


def _generic_of_previous(lead):
    """A generic measure (总数, 规模) measures the noun of the subject before: 新增企业2万多家、总数7万多家."""
    memory = lead.memory
    if memory.subjects and GENERIC.match(lead.words):
        return memory.noun + lead.words, memory.noun


def _qualifier_of_previous(lead):
    """A qualifier (国家级, 其中) or an aside in brackets narrows the noun before: 孵化器60家(国家级17家)."""
    memory, words = lead.memory, lead.words
    if memory.subjects and (QUALIFIER.match(words) or lead.view[lead.lead_start - 1:lead.lead_start] == "("):
        return (words + memory.noun if words != "其中" else memory.noun), memory.noun


def _own_words(lead):
    """Words that are more than a bare verb are the subject (or a verb alone at the sentence's start);
    占... after a subject is that subject's share."""
    memory, words = lead.memory, lead.words
    if words and (not VERB_ONLY.match(words) or not (memory.subjects or lead.lead_start > 1)):
        return (memory.last + words if words.startswith("占") and memory.subjects else words), None


def _verb_on_previous(lead):
    """A bare verb (or nothing) acts on the noun before: 新建中小学5所、扩建6所 -> 扩建中小学."""
    memory, words = lead.memory, lead.words
    if memory.subjects:
        return (memory.noun + words if words else memory.last), memory.noun


def _amount_for_previous_clause(lead):
    """An amount after a verb spends on the clause before: 强化湖泊治理,投入7.6亿元 -> 湖泊治理投入."""
    earlier = lead.earlier()
    if earlier and lead.kind == "amount" and lead.words:
        return earlier + lead.words, earlier


def _previous_clause_noun(lead):
    """The noun of the clause before: 大力发展股权投资机构,新增200家 -> 新增股权投资机构."""
    earlier = lead.earlier()
    if earlier:
        return (lead.words + earlier if lead.words else earlier), earlier


def _whatever_is_there(lead):
    """Last resort: the words, else the whole clause in front of the quantity, else 数量."""
    q = lead.quantity
    return lead.words or squeeze(lead.sentence[_clause_start(lead.view, q.start):q.start]) or "数量", None


SUBJECT_RULES = [  # (name, rule): tried in order by _finish; a rule gives (subject, bare noun) or None
    ("rank without subject", _rank_without_subject),
    ("what generic things did", _what_generic_things_did),
    ("noun after count", _noun_after_count),
    ("action on counted", _action_on_counted),
    ("generic of previous", _generic_of_previous),
    ("qualifier of previous", _qualifier_of_previous),
    ("own words", _own_words),
    ("verb on previous", _verb_on_previous),
    ("amount for previous clause", _amount_for_previous_clause),
    ("previous clause noun", _previous_clause_noun),
    ("whatever is there", _whatever_is_there),
]


def _edge_words(tag):
    """'(?:a|b)': the subject_edges entries with `tag` in roles, each not before its not_before characters (比 not 比例)."""
    return "(?:" + "|".join(r.entry + (f"(?![{r['not_before']}])" if r["not_before"] else "")
                            for r in phrases.rules("subject_edges") if tag in r["roles"].split()) + ")"


NOUN_SKIP = re.compile(phrases.tagged("comparators", "noun_skip") + "(?=[\u4e00-\u9fff])(?!的)")  # 以上, 及以上 in front of a noun
# what no noun after a number starts with: a comparator (以上), more (多), a particle or basis word (的, 比, 为, 到), a unit
# (次), and (和, 及), a growth or decline verb (增, 下降)
NOT_NOUN = re.compile("|".join([phrases.tagged("comparators", "not_noun"), phrases.alternation("more_words"),
                                _edge_words("not_noun"), phrases.alternation("units", not_noun="yes"),
                                phrases.tagged("project_words", "not_noun"), "、",
                                phrases.alternation("measure_words", not_noun="yes")]))
SAID = re.compile("^" + phrases.tagged("subject_edges", "said") + "+")  # 成功, 相继, 均: not what was done
SHARE_NOUN = re.compile(phrases.tagged("comparators", "share_noun") + "|" + phrases.tagged("subject_edges", "share_noun"))


def _noun_after(sentence, sv, q):
    """(noun, where it ends counted from q.end) right after a count or share: 31个项目投产投运 -> 项目;
    70%区级事项网上可办; ('', 0) when no noun follows."""
    if q.kind not in ("thing", "percent", "amount", "bare"):
        return "", 0
    skip = NOUN_SKIP.match(sv[q.end:])  # 10家以上省、市级健康企业
    skip = skip.end() if skip and q.kind == "thing" else 0
    rest = sv[q.end + skip:]
    m = re.match(r"(?:[\u4e00-\u9fff“”A-Za-z0-9+·]|、(?!\d))+", rest)
    if not m or NOT_NOUN.match(rest):
        return "", 0
    stop = NOUN_STOP.search(rest, 1, m.end())
    end = stop.start() if stop else m.end()
    noun = squeeze(sentence[q.end + skip:q.end + skip + end]).strip("、")
    etc = _last_etc(noun)
    noun = noun[etc + 1:] if etc >= 0 else noun
    return (_pair_quotes(noun[:20]) if len(noun) >= 2 or (len(noun) == 1 and stop) else ""), skip + end


def _predicate_after(sentence, sv, start):
    """What a generic noun after a count did, from `start` (the noun's end) to its clause end: 5家企业成功上市 -> 上市."""
    end = start
    while end < len(sv) and sv[end] not in CLAUSE_END:
        end += 1
    said = SAID.sub("", squeeze(sentence[start:end]))
    return said if 2 <= len(said) <= 16 and not re.search(r"\d", said) else ""


def _previous_clause(sentence, sv, lead_start, region):
    """The noun of the clause before: 大力发展股权投资机构,新增200家 -> 股权投资机构."""
    end = lead_start - 1
    if end <= 0 or sv[end] not in ",;:":
        return ""
    start = _clause_start(sv, end)
    noun = _bare_noun(_clean(squeeze(sentence[start:end]), region))
    noun = CLAUSE_VERB.split(noun)[0] if len(noun) > 8 else noun
    return noun if 2 <= len(noun) <= 16 else ""


# --- measure, comparator, status, period ---------------------------------------------------------------
def _measure(q, before, after, subject):
    if q.kind in ("percent", "point", "ratio"):
        if DECLINE.search(before):
            return "decline"
        if GROWTH.search(before) or GROWTH_AFTER.match(after) or GROWTH_BEFORE.search(before):
            return "growth"
        if q.kind == "percent":
            noun_after = re.match(r"[\u4e00-\u9fff]", after) and not SHARE_NOUN.match(after)
            return "share" if SHARE.search(subject + before) or not before or noun_after else "other"
    return DEFAULT_MEASURE[q.kind]


def _comparator(q, before, after):
    for pattern, comparator in COMPARATOR_AFTER:
        if pattern.match(after):
            return comparator
    for pattern, comparator in COMPARATOR_BEFORE:
        if pattern.search(before):
            return comparator
    return q.comparator


def _status(sv, q, part, document):
    head = sv[:q.start]
    clause = sv[_clause_start(sv, q.start):q.end]
    if TARGET.search(clause) or TARGET_LEAD.search(head):
        return "target"
    estimate = bool(ESTIMATE.search(head))
    span = span_period(head, part)  # 过去五年 in a plan part is past; 今后五年 in a review part is to come
    plan_start = document.get("plan_year") or 0
    if part.kind == "plan" or (span and plan_start and int(span[:4]) >= plan_start):
        year = _explicit_period(head) or span
        if year and int(year[-4:]) < plan_start:
            return "estimate" if estimate else "actual"
        return "target"
    return "estimate" if estimate else "actual"


YEAR = re.compile(rf"(?<!\d)({YEAR_DIGITS})\s*(?:[-—~～至到]\s*(\d{{4}})\s*)?年(?![的底]?(?:的|相比|比))")  # 20 11年 too
BASE_YEAR = phrases.compiled("subject_edges", r"{}\s*$", base_year="yes")  # 较2015年: a base year, not the period


def _explicit_period(head):
    found = ""
    for m in YEAR.finditer(head):
        year = year_value(m.group(1))
        if BASE_YEAR.search(head[:m.start()]) or not 1949 < year < 2101:
            continue
        found = f"{year}-{m.group(2)}" if m.group(2) else str(year)
    return found




def _period(head, part):
    explicit = _explicit_period(head)
    if explicit:
        return explicit
    return span_period(head, part) or part.period  # “十四五”时期, 过去五年, 今后五年; 今年 after them: the part's
