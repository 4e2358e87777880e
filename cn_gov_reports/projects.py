"""Projects: every mention of a named project (SPEC.md).

A clause (a stretch of a sentence between , ; :) mentions projects when it names a milestone
(rules/project_stages.tsv: 开工, 建成, 投产, 签约, 加快...建设) and holds names: the items of a list ("长江存储、华星光电t3、
天马G6一期量产", "...等一批项目正式开工") or a single name that ends like a facility (rules/project_suffixes.tsv:
总部, 基地, 二期, 号线, 火车站, 医院...). Names are cleaned of the words in front of them (role lead in
project_stages.tsv, project_words.tsv, target_words.tsv, investment_words.tsv) and of generic words behind them;
generic groups, policies, platforms and designations (not_a_name.tsv, generic_facilities.tsv, project_groups.tsv)
are dropped. Status is target in the plan part of a report (parts.py) or after a target word (target_words.tsv:
力争/确保/尽快); the investment is taken when a clause with one project states it (investment_words.tsv: 总投资50亿元).
Every word list is a rules/*.tsv file; the regexes below are composed from them by role.
"""
import re

from . import fields, phrases
from .ids import OccurrenceCounter, row_id
from .normalize import matching_view
from .numbers import MAGNITUDES, parse_number
from .parts import section_parts
from .project_keys import project_key
from .sentences import section_sentences

CLAUSE = re.compile(r"[^,;:。!?]+")
# (pattern, stage): one pattern per stage, compounds first; the leftmost match in a clause names the milestone
STAGES = [(pattern, stage) for stage, pattern in phrases.groups("project_stages", "stage").items() if stage]
_STAGE_PATTERNS = [(re.compile(p), stage) for p, stage in STAGES]
# a clause names projects only with a milestone or a "...项目" list mark (LIST_MARK): without either in the
# sentence, its clauses are not read
MILESTONE = re.compile("|".join(p for p, _ in STAGES))
ANY_STAGE = re.compile(MILESTONE.pattern + "|项目|、|等")  # 、 等: a list without a milestone
# the milestone is aimed for: a target word (力争, 确保, ...) or 预计
TARGET = re.compile(phrases.alternation("target_words", projects="yes") + "|" + phrases.alternation("estimate_words"))


def _role(role):
    """'(?:...)' of the words of one role (project_stages.tsv, project_words.tsv, target_words.tsv), in that order."""
    parts = [phrases.tagged("project_stages", role), phrases.tagged("project_words", role),
             phrases.tagged("target_words", role)]
    return "(?:" + "|".join(p for p in parts if p != "(?:)") + ")"


_ABOUT = phrases.alternation("investment_words", part="about")  # 约, 近, 超...
_COUNT = phrases.alternation("project_groups", part="count")  # 一批, 多个, 3个
# words in front of a name that are not part of it, and an investment (总投资50亿元的华星光电t5项目)
LEAD_VERBS = re.compile("^(?:" + _role("lead") + "|" + MILESTONE.pattern + "|" + phrases.tagged("investment_words", "lead")
                        + _ABOUT
                        + r"?\d+(?:\.\d+)?[亿万]?元的?)+")
# words behind a name that are not part of it: the milestone and generic heads ("...等重大项目建设")
TAIL_WORDS = re.compile("(?:(?:等)?" + _COUNT + "?" + phrases.tagged("project_groups", "tail") + "?项目)?"
                        + _role("tail") + "*$")
# a name that ends like a facility, maybe followed by its place or phase in brackets: 工大智谷(六安)
PROJECT_SUFFIX = phrases.compiled("project_suffixes", r"{}(?:\([^()]{1,8}\))?$")
# not names: generic groups, policies, campaigns, platforms, designations


def _not_a_name(facility):
    """The regex of names that are no names; facility=("yes",) for a name that ends like a facility, which may hold
    words such as 经济 or 服务 (数字经济产业园, 现代服务业园: not_a_name.tsv column facility)."""
    return re.compile("|".join([
        "^" + phrases.alternation("not_a_name", where="whole", facility=facility) + "$",
        phrases.alternation("not_a_name", where="anywhere", facility=facility),
        phrases.tagged("project_groups", "not_a_name"),  # 一批, 3个
        "^" + phrases.alternation("not_a_name", where="start", facility=facility),
        phrases.alternation("not_a_name", where="end", facility=facility) + "$",
        # a generic group of projects: 重大项目, 新开工工业项目, 亿元以上产业项目
        "^(?:" + phrases.tagged("project_groups", "generic", part="size") + "|"
        + phrases.tagged("project_stages", "group") + ")*" + phrases.tagged("project_groups", "generic", part="kind")
        + "?(?:项目)?$"]))


NOT_A_NAME = _not_a_name(("yes", "no"))
NOT_A_FACILITY_NAME = _not_a_name(("yes",))
# a facility named only by its kind, with at most a generic modifier, is no named project:
# 社区卫生服务中心, 特殊学校, 国际学校, 公益性医院, 生产基地, 社区综合体, 第二总部, 小区配套幼儿园
GENERIC_FACILITY = re.compile("^" + phrases.alternation("generic_facilities", part="modifier") + "*"
                              + phrases.alternation("generic_facilities", part="kind") + "$")
# a list that ends in a group that is not projects (等金融机构, 等配套企业, 等创新平台, 等片区): only the items
# that end like a facility are kept; a list of places (等片区, 等街道) gives none
NOT_PROJECT_GROUP = re.compile(
    "等(?:[^、,]{0,8}?(?P<kind>" + phrases.alternation("not_project_groups", group="kind") + ")(?="
    + phrases.tagged("project_stages", "after_group") + r"|、|\s|$)|"
    "(?P<place>" + phrases.alternation("not_project_groups", group="place") + "))")
# a name that ends in a verb is a task, not a project: 移交及使用
ENDS_IN_VERB = re.compile(_role("task") + "$")
# a list introduced by 一批 names kinds of things (一批自动驾驶、氢燃料电池...等项目), not named projects
KINDS_LIST = re.compile(r"一批(?!项目)[^、]*$")
LIST_MARK = re.compile("等" + _COUNT + "?[\u4e00-\u9fff]{0,6}?项目")  # "...等一批项目", 等重点项目, 等农文旅项目: the items are projects
# 地铁19号线、光谷大道等重点市政基础设施建设
GENERIC_WORKS = phrases.compiled("project_groups", "^{}", works="yes")  # 重点工程, 各类工程: a group of works, no name
GROUP_AFTER_LIST = re.compile("等[^、]{0,10}" + phrases.alternation("project_groups", part="noun"))
RESPONSIBLE = phrases.compiled("responsible_units")  # (责任单位:...通航产业园): lists of offices, not projects
INVESTMENT = re.compile(phrases.tagged("investment_words", "clause") + "(?:额)?" + _ABOUT
                        + r"?(?P<num>\d+(?:\.\d+)?)\s*(?P<mag>亿|万)?元")
# a clause that only states an investment, after the clause naming its project: 光谷同济儿童医院开工,总投资20亿元
INVESTMENT_ONLY = re.compile("^(?:项目)?(?:计划)?" + phrases.tagged("investment_words", "only") + "(?:额)?" + _ABOUT
                             + r"?\d+(?:\.\d+)?\s*[亿万]?元$")
_INVESTMENT_WORDS = "".join(phrases.entries("investment_words"))  # stripped from the front of investment_text
MIN_NAME, MAX_NAME = 3, 24


def extract_projects(text, sections, document, sentences=None, view=None):
    """Project rows (dicts with the PROJECTS columns) for one document, in document order."""
    view = matching_view(text) if view is None else view
    parts = section_parts(sections, document)
    counter, rows = OccurrenceCounter(), []
    for section, s, e in sentences if sentences is not None else section_sentences(text, sections):
        sentence = text[s:e]
        for found in _sentence_projects(view, s, e, parts[section["id"]].kind, document.get("doc_type")):
            name = found.pop("name", None) or text[found["char_start"]:found["char_end"]]
            found.update(id=row_id(document["id"], "p", sentence, name, occurrence=counter(sentence, name)),
                         document_id=document["id"], section_id=section["id"], name=name,
                         project_key=project_key(name), sentence=sentence, sentence_start=s, sentence_end=e)
            rows.append({c: found.get(c) for c in fields.PROJECTS.columns})
    return rows


DESIGNATION = re.compile(_role("designation"))
DESIGNATION_START = re.compile(_role("designation_start"))
# documents that are plans: a facility list without a milestone names what the plan means to build (planned)
PLAN_DOCUMENTS = {"five_year_plan", "implementation_plan"}


def _sentence_projects(view, s, e, part_kind, doc_type=None):
    if not ANY_STAGE.search(view, s, e):
        return []
    responsible = RESPONSIBLE.search(view, s, e)
    rows, previous = [], []
    for clause in CLAUSE.finditer(view, s, e):
        if len(previous) == 1 and INVESTMENT_ONLY.match(clause.group(0).strip()):  # Y项目,总投资X亿元
            previous[0]["investment"], previous[0]["investment_text"] = _investment(clause.group(0))
        previous = []
        text = clause.group(0)
        if responsible:
            break
        if DESIGNATION.search(text):  # 新获批国家信息光电子创新中心: a designation
            continue
        stage, word = _stage(text)
        status = "target" if part_kind == "plan" or TARGET.search(text) else "actual"
        shared = _shared_head_names(text, clause.start())
        framed = _framed_name(text, clause.start())
        if framed:  # 以东湖科学城建设为抓手: the project the clause takes as its lever
            names, stage = framed, "planned" if status == "target" else stage or "other"
        elif shared:  # 小米、科大讯飞等知名企业第二总部: 小米第二总部, 科大讯飞第二总部
            names, stage = shared, stage or "other"
        elif stage or LIST_MARK.search(text):  # 紧抓X、Y等项目: no milestone, other
            names = _names(text, clause.start())
            outside = _stage(_masked(text, clause.start(), names)) if stage and names else (None, None)
            if outside[0]:  # words inside a name are not its milestone: 西南片生态水网建设工程全面启动 -> started
                stage, word = outside
            stage = stage or "other"
        else:  # 以光谷科学岛、九峰山科技园、生命健康阁等为内核: a list of facilities without a milestone
            names = _names(text, clause.start(), facilities_only=True) if _facility_list(text) else []
            stage = "planned" if doc_type in PLAN_DOCUMENTS and status == "target" else "other"
        if not names:
            continue
        if status == "target" and word and PLAN_ONLY.match(word) and not PUSHED.search(text):
            stage = "planned"  # 建设X in a plan names no milestone beyond the plan (GUIDELINES: planned)
        investment = _investment(text) if len(names) == 1 else (None, "")
        for start, end, *name in names:
            rows.append({"stage": stage, "status": status, "investment": investment[0],
                         "investment_text": investment[1], "char_start": start, "char_end": end, "name": "".join(name)})
        previous = rows[-len(names):] if names else []
    return rows


# a project a clause takes as its lever (project_words.tsv, role frame): 以东湖科学城建设为抓手, 以X项目为抓手
FRAME = re.compile("^以(?P<name>[^、]{3,24}?)(?:项目)?(?:建设)?为" + _role("frame"))


def _framed_name(clause, offset):
    """[(start, end)] of the name in "以X(项目)(建设)为抓手" when X ends like a facility and is a name, else []."""
    m = FRAME.match(clause.strip())
    if not m:
        return []
    name = m.group("name")
    if not PROJECT_SUFFIX.search(name) or NOT_A_FACILITY_NAME.search(name) or GENERIC_FACILITY.match(name):
        return []
    start = offset + clause.find(name)
    return [(start, start + len(name))]


# words that only say work is pushed on; a real milestone elsewhere in the clause wins over them:
# 加快推进武汉物流园...等项目落地 -> signed
PUSHING = re.compile("^" + _role("pushing") + "$")


def _masked(text, offset, names):
    """The clause with the names blanked out (、 keeps the length), so no milestone is read inside a name."""
    chars = list(text)
    for start, end, *_ in names:
        chars[start - offset:end - offset] = "、" * (end - start)
    return "".join(chars)


_HEADS = phrases.alternation("shared_heads", part="head")
# the head a list shares (shared_heads.tsv): 小米、科大讯飞等知名企业第二总部; 汤逊湖、巡司河片区雨污分流改造
SHARED_HEAD = re.compile("等(?:" + _COUNT + "|" + phrases.alternation("shared_heads", part="skip") + ")*(?P<head>"
                         + _HEADS + ")|、[^、等]+?(?P<last>" + phrases.alternation("shared_heads", part="head", after="list")
                         + ")")


# what may follow a head shared after the last item: the clause end, 及/和, 工作, a milestone or a tail word
AFTER_LAST_HEAD = re.compile("$|[及和与]|工作|" + MILESTONE.pattern + "|" + _role("tail"))


def _shared_head_names(clause, offset):
    """(start, end, name) of each item of a list of bare names that shares a head, the name being item + head; the
    offsets mark the item as written. [] when the clause has no such list."""
    m = SHARED_HEAD.search(clause) if "、" in clause or "等" in clause else None
    if not m:
        return []
    head = m.group("head") or m.group("last")
    if m.group("last") and not AFTER_LAST_HEAD.match(clause, m.end()):
        return []  # the head begins a longer name: 丹江口水库库滨带治理
    body = clause[:m.start()] if m.group("head") else clause[:m.start("last")]
    found = []
    for item in re.finditer(r"[^、]+", body):
        lead = LEAD_VERBS.match(item.group(0))
        name = item.group(0)[lead.end() if lead else 0:].strip(" “”\n")
        if not name or PROJECT_SUFFIX.search(name) or NOT_A_FACILITY_NAME.search(name + head):
            return []  # a list of facilities with their own endings, or no names: not a shared head
        start = offset + item.start() + item.group(0).find(name)
        found.append((start, start + len(name), name + head))
    return found


# a milestone word that, alone in a target clause, names only a plan (建设); a word that pushes work on (加快, 推进)
PLAN_ONLY = re.compile(_role("plan_only") + "$")
PUSHED = re.compile(_role("pushing"))


def _stage(clause):
    """(stage, the words naming it) of the milestone that governs the clause: the leftmost (the longest there), or
    the one after a pushed list; (None, None) without one."""
    if not MILESTONE.search(clause):
        return None, None
    found = []  # (start, -length, order in STAGES, stage, words)
    for order, (pattern, stage) in enumerate(_STAGE_PATTERNS):
        found += [(m.start(), -len(m.group(0)), order, stage, m.group(0)) for m in pattern.finditer(clause)]
    found.sort()
    if not found:
        return None, None
    milestones = [f for f in found if not PUSHING.match(f[4]) and f[0] > found[0][0]]
    if PUSHING.match(found[0][4]) and milestones:  # the milestone after the pushed list: ...等项目落地
        return max(milestones, key=lambda f: (f[0] - f[1], -f[2]))[3:]
    return found[0][3:]


ITEM_END = re.compile("(?:" + phrases.alternation("project_suffixes") + ")(?=、|等|$)")


def _facility_list(clause):
    """A quick look before reading a clause without a milestone: does it hold a 、 list with two items that end
    like facilities?"""
    return "、" in clause and len(ITEM_END.findall(clause)) >= 2


def _names(clause, offset, facilities_only=False):
    """(start, end) offsets of the project names in one clause; with facilities_only, those of a 、 list of at least
    two items that end like facilities (or are called 项目), when they are most of the list."""
    other = NOT_PROJECT_GROUP.search(clause)
    listed = LIST_MARK.search(clause) or GROUP_AFTER_LIST.search(clause)
    if other and other.group("place"):
        return []
    if other and (not listed or other.start() <= listed.start()):
        listed = None
    body = clause[:listed.start()] if listed else clause[:other.start()] if other else clause
    items = [(m.start(), m.group(0)) for m in re.finditer(r"[^、]+", body)]
    items = [piece for start, item in items for piece in _split_and(start, item)]
    kinds = len(items) > 1 and KINDS_LIST.search(items[0][1])
    kept = []
    for start, item in items:
        inner = INNER_VERB.search(item)  # 按照“平战结合”原则推动救治基地 -> 救治基地
        cut = inner.end() if inner and PROJECT_SUFFIX.search(item) else 0
        lead = LEAD_VERBS.match(item[cut:])
        cut = cut + lead.end() if lead else cut
        name = TAIL_WORDS.sub("", item[cut:])
        name = _strip_stage_words(_before_list_end(name))
        works = listed and re.search(r"工程$", name) and not GENERIC_WORKS.match(name)  # 四渠两河综合整治工程
        facility = PROJECT_SUFFIX.search(name)
        no_name = (NOT_A_FACILITY_NAME if facility else NOT_A_NAME).search(name)
        if not (MIN_NAME - 1 <= len(name) <= MAX_NAME) or no_name and not works or GENERIC_FACILITY.match(name) \
                or ENDS_IN_VERB.search(name) and not listed and not facility:  # 长江干堤险段综合治理 is a project
            continue
        at = start + item.find(name, cut)
        # 华星光电t5项目, “中国种谷”项目
        called = item[at - start + len(name):].lstrip("”’\"'").startswith("项目") and not NOT_CALLED.search(name)
        restricted = bool(other) and start < other.start()  # an item of 等金融机构: only a facility is a project
        kept.append((offset + at, offset + at + len(name), bool(facility) or called and not restricted, restricted))
    named = sum(k[2] for k in kept)
    if facilities_only:
        many = len(items) > 1 and named >= 2 and named * 2 >= len(items) and not kinds
        return [k[:2] for k in kept if k[2] and not k[3] and not DESIGNATION_START.match(clause, k[0] - offset)] \
            if many else []
    # every item of a list that runs into "等...项目" or its milestone, or that is mostly facilities
    whole_list = (listed or len(items) > 1 and (_ends_list(body) or named * 2 >= len(items))) and not kinds
    alone = len(items) == 1 and len(kept) == 1 and SUBJECT_AND_STAGE.match(clause.strip())
    # a two-character item that neither ends like a facility nor is called 项目 is a kind (交通、物流、能源等)
    # (航新、速威、豪然等重点项目: named projects; 交通、物流、能源等基础设施: kinds)
    return [k[:2] for k in kept if k[2] or (whole_list or alone) and not k[3]
            and (k[1] - k[0] >= MIN_NAME or LIST_MARK.search(clause))]


# a clause that is only a name and its milestone: 移动互联创谷加快推进, 东湖综合保税区(二期)正式封关运行
SUBJECT_AND_STAGE = re.compile("^[^、,;:的和及与]{3,16}?" + _role("before_alone") + "?" + _role("alone") + "$")


# "X项目" where X is an activity or a kind, not a name: 主动谋划项目, 关键零部件项目, 行业培育和项目落地
NOT_CALLED = re.compile("^" + _role("not_called_start") + "|" + _role("not_called_end") + "$")


# a verb inside an item, before the name it acts on: ...原则推动救治基地
_INNER = [phrases.tagged("project_stages", "inner"), phrases.tagged("project_words", "inner")]
INNER_VERB = re.compile(".*(?:" + "|".join(_INNER) + ")(?=[^"
                        + "".join(dict.fromkeys(w[0] for p in _INNER for w in p[3:-1].split("|"))) + "]{3,}$)")



AND = re.compile("(.+?)(" + _role("and")[3:-1] + ")(.+)")  # 光谷科技创新大走廊和光谷中央生态大走廊


def _split_and(start, item):
    """光谷科技创新大走廊和光谷中央生态大走廊 -> two names, when both halves end like facilities."""
    m = AND.fullmatch(item)
    second = _strip_stage_words(TAIL_WORDS.sub("", m.group(3))) if m else ""
    # the second half has a name of its own: 麻柳坝大桥及连接线工程 is one project (连接线工程 is generic)
    if m and PROJECT_SUFFIX.search(_strip_stage_words(m.group(1))) and not GENERIC_FACILITY.match(
            LEAD_VERBS.sub("", m.group(1))) and PROJECT_SUFFIX.search(second) and not GENERIC_FACILITY.match(second):
        return [(start, m.group(1)), (start + m.end(2), m.group(3))]
    return [(start, item)]


# the milestone at the end of a name (正式开工), and the adverbs and times left behind it (当年, 年底前)
STAGE_AT_END = re.compile(_role("before_stage") + "?" + _role("strip") + "$")
TRAILING_WORDS = re.compile("^(?:项目)|" + _role("trailing") + "$")


def _strip_stage_words(name):
    """A name without the milestone verbs around it: 天马G6一期量产 -> 天马G6一期."""
    previous = None
    while previous != name:
        previous = name
        name = STAGE_AT_END.sub("", name)
        name = TRAILING_WORDS.sub("", name)
        name = re.sub(r"(?<=..)项目$", "", name)  # 远景动力项目当年签约 -> 远景动力
    return name.strip(" “”\n")


# 高等 (project_words.tsv), 等级 (list_words.tsv, the words starting with 等): no 等 that ends a list
WORDS_WITH_DENG = re.compile(_role("word_with_deng") + "|" + phrases.alternation("list_words", part="not_joiner",
                                                                                   joiner="等"))


def _before_list_end(name):
    """The name before the 等 that ends a list (光谷大道等 -> 光谷大道), keeping 等 inside words (高等学校)."""
    if "等" not in name:
        return name
    inside = {i for m in WORDS_WITH_DENG.finditer(name) for i in range(m.start(), m.end())}
    ends = [m.start() for m in re.finditer("等", name) if m.start() not in inside]
    return name[:ends[0]] if ends else name


ENDS_LIST = re.compile(_role("ends_list") + "$")


def _ends_list(body):
    """A list that runs into its milestone: 长江存储、华星光电t3、天马G6一期量产."""
    return bool(ENDS_LIST.search(body.strip()))


def _investment(clause):
    m = INVESTMENT.search(clause)
    if not m:
        return None, ""
    value = parse_number(m.group("num")) * MAGNITUDES.get(m.group("mag") or "", 1)
    return (int(value) if float(value).is_integer() else value), m.group(0).lstrip(_INVESTMENT_WORDS)
