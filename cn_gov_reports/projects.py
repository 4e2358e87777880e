"""Projects: every mention of a named project (SPEC.md).

A clause (a stretch of a sentence between , ; :) mentions projects when it names a milestone
(STAGES: 开工, 建成, 投产, 签约, 加快...建设) and holds names: the items of a list ("长江存储、华星光电t3、
天马G6一期量产", "...等一批项目正式开工") or a single name that ends like a facility (PROJECT_SUFFIX:
总部, 基地, 二期, 号线, 火车站, 医院...). Names are cleaned of the verbs in front of them (LEAD_VERBS)
and of generic words behind them; generic groups, policies, platforms and designations (NOT_A_NAME) are
dropped. Status is target in the plan part of a report (parts.py) or after 力争/确保/尽快; the
investment is taken when a clause with one project states it (总投资50亿元).
"""
import re

from . import fields
from .ids import OccurrenceCounter, row_id
from .normalize import matching_view
from .numbers import MAGNITUDES, parse_number
from .parts import section_parts
from .sentences import section_sentences

CLAUSE = re.compile(r"[^,;:。!?]+")
# (pattern, stage): compounds first; the leftmost match in a clause names the milestone
STAGES = [
    (r"谋划推进|谋划建设|规划建设|谋划|筹建|规划", "planned"),  # 谋划推进光谷生态大走廊
    (r"签约落户|签约奠基", "started"),  # 光谷同济儿童医院签约奠基
    (r"开工建设|新开工|开工|奠基|启动建设|动工", "started"),  # 小米武汉总部...正式开工
    (r"建成投产|建成投用|建成运营|建成开业|投入使用|交付使用|投入运营|投用|投产|量产|开业|开园|开通|运营|"
     r"封关运行|上线运行|投运", "operating"),  # 长江存储...量产, 力争省妇幼保健院投入使用
    (r"建成|竣工|完工|通车|封顶|完成建设", "completed"),  # 确保建成光谷火车站, 地铁11号线东段提前通车
    (r"签约|落户|引进|招引|落地|入驻", "signed"),  # 推动中国信科集团总部落户
    (r"在建|加快建设|推进建设|加快推进|全面推进|有序推进|加快|推进|建设|进入主体施工|施工", "under_construction"),
]
_STAGE_PATTERNS = [(re.compile(p), stage) for p, stage in STAGES]
# a clause names projects only with a milestone or a "...项目" list mark (LIST_MARK): without either in the
# sentence, its clauses are not read
MILESTONE = re.compile("|".join(p for p, _ in STAGES))
ANY_STAGE = re.compile(MILESTONE.pattern + "|项目")
TARGET = re.compile(r"力争|确保|争取|即将|尽快|计划|拟|将要|预计")  # the milestone is aimed for
# words in front of a name that are not part of it
LEAD_VERBS = re.compile(r"^(?:(?:全力|重点|加快|全面|积极|大力|持续|有序|力争|确保|争取|推动|推进|支持|促进|服务好|启动|谋划|规划|"
                        r"筹建|建设|建成|新建|开工|新开工|引进|新引进|招引|签约|抓好|实施|完成|高标准|高质量|进一步|尽快|"
                        r"做好|打造|依托|围绕|以|和|及|与|等|正式|提前|成功|快速|有效|发展|深化|力促|初步|投用|投产|集中|统筹|系统|"
                        r"提速|加速|加强|吸引|探索|积极|高水平|强力|着力|攻坚|力争|服务|推动|抓好|紧抓|"
                        r"(?:总投资|投资)(?:约|近|超|达|逾)?\d+(?:\.\d+)?[亿万]?元的?|"  # 总投资50亿元的华星光电t5项目
                        r"国际知名企业|国内知名企业|知名企业|世界500强|中国500强|行业龙头|龙头企业|链主企业)+)")
# words behind a name that are not part of it: the milestone and generic heads ("...等重大项目建设")
TAIL_WORDS = re.compile(r"(?:(?:等)?(?:一批|多个|\d+个)?(?:重大|重点|产业|工业|商业配套|市政基础设施|重大科技基础设施)?项目)?"
                        r"(?:建设|开工建设|正式开工|开工|投产|量产|建成|投用|投入使用|落户|签约|通车|封顶|落地|运营|"
                        r"提前通车|正式封关运行|投入运营|尽快建成投产|建成投产|尽快落地|推进步伐)*$")
# a name that ends like a facility
PROJECT_SUFFIX = re.compile(r"(?:总部|基地|产业园|工业园|科技园|创新园|园区|科学城|小镇|[一二三四五]期|号线|大桥|大道|火车站|"
                            r"站|医院|院区|分院|学校|中学|小学|幼儿园|综合体|工厂|生产线|产线|研究院|工研院|学院|码头|机场|"
                            r"隧道|立交|大厦|广场|公园|(?<!创新)(?<!保护)(?<!维权)(?<!科学)(?<!服务)(?<!中部)(?<!分)中心|号线|港|走廊|粮库|大仓|城|[东西南北中]段|延线|北延|南延|东延|西延)$")
# not names: generic groups, policies, campaigns, platforms, designations
NOT_A_NAME = re.compile(r"^(?:项目|重大项目|重点项目|一批|产业|企业|基础设施|新城|城市|社区|园区|学校|医院|公园|道路)$|"
                        r"\d+个|一批|政策|计划|行动|机制|体系|平台|改革|规划|示范|试点|称号|活动|工作|攻坚|服务|战略|"
                        r"能力|水平|环境|品质|功能|步伐|经济|产能|投资|建设$|基础设施|人才|级$|的|^[^\u4e00-\u9fffA-Za-z]|^我们|"
                        r"^(?:医疗|养老|教育|交通枢纽|水务设施|生态环保|城市道路|城市更新|法治政府|法治社会)|"
                        r"机构|管理|产品|公司$|片区?$|整治|截污|雨污分流|已经|基本$|原则|振兴|"
                        r"^(?:重大|重点|新开工|在建|续建|亿元以上)*(?:工业|产业|商业|民生|市政|基础设施|招商|技改|城建|政府投资)?(?:项目)?$")
# a facility named only by its kind, with at most a generic modifier, is no named project:
# 社区卫生服务中心, 特殊学校, 国际学校, 公益性医院, 生产基地, 社区综合体, 第二总部, 小区配套幼儿园
GENERIC_FACILITY = re.compile(
    r"^(?:各|各类|一批|相关|配套|新建|新型|(?:街道)?社区|小区配套|小区|国际|特殊|公益性|综合性|普惠性|三甲综合|工业园区|园区|街道|乡村|"
    r"农村|区级|市级|基层|行业龙头企业|知名企业|企业|全国|区域|第二|专业|标准|现代|高端|大型|智慧|公共|金融|基金|城市|商业)*"
    r"(?:社区卫生服务(?:中心|站)|卫生服务中心|学校|中小学|幼儿园|医院|综合医院|生产基地|研发中心|基地|综合体|总部|全国总部|"
    r"孵化器|工研院|研究院|产业园|园区|工业园区|公园|广场|停车场|充电站|变电站|输变电站|电网(?:和输变电站)?|驿站|"
    r"服务站|服务中心|数据中心|卫生院|养老院|体育中心|文化中心|党群服务中心|交通驿站|垃圾中转站|口袋公园)$")
# a list that ends in a group that is not projects (等金融机构, 等配套企业, 等创新平台, 等片区): only the items
# that end like a facility are kept; a list of places (等片区, 等街道) gives none
NOT_PROJECT_GROUP = re.compile(r"等(?:[^、,]{0,8}?(?P<kind>机构|企业|公司|平台|领域|行业|业态|产业|技术|服务业|央企|民企|国企|外企)(?=落户|入驻|落地|引进|、|\s|$)|"
                               r"(?P<place>片区|街道|社区|乡镇|村湾|村|区域|地区|板块))")
# a name that ends in a verb is a task, not a project: 移交及使用
ENDS_IN_VERB = re.compile(r"(?:使用|移交|提升|改造|整治|治理|升级|运行|落地|入驻|推进|建设|发展)$")
# a list introduced by 一批 names kinds of things (一批自动驾驶、氢燃料电池...等项目), not named projects
KINDS_LIST = re.compile(r"一批(?!项目)[^、]*$")
LIST_MARK = re.compile(r"等(?:一批|多个|\d+个)?[\u4e00-\u9fff]{0,6}?项目")  # 等一批项目, 等重点项目, 等农文旅项目  # "...等一批项目": the items are projects
GROUP_AFTER_LIST = re.compile(r"等[^、]{0,10}(?:项目|工程|设施|配套)")  # 地铁19号线、光谷大道等重点市政基础设施建设
RESPONSIBLE = re.compile(r"责任单位|牵头单位|配合单位")  # (责任单位:...通航产业园): lists of offices, not projects
INVESTMENT = re.compile(r"(?:总投资|投资)(?:额)?(?:约|近|超|达|逾)?(?P<num>\d+(?:\.\d+)?)\s*(?P<mag>亿|万)?元")
# a clause that only states an investment, after the clause naming its project: 光谷同济儿童医院开工,总投资20亿元
INVESTMENT_ONLY = re.compile(r"^(?:项目)?(?:计划)?(?:总投资|投资总额|投资)(?:额)?(?:约|近|超|达|逾)?\d+(?:\.\d+)?\s*[亿万]?元$")
MIN_NAME, MAX_NAME = 3, 24


def extract_projects(text, sections, document, sentences=None, view=None):
    """Project rows (dicts with the PROJECTS columns) for one document, in document order."""
    view = matching_view(text) if view is None else view
    parts = section_parts(sections, document)
    counter, rows = OccurrenceCounter(), []
    for section, s, e in sentences if sentences is not None else section_sentences(text, sections):
        sentence = text[s:e]
        for found in _sentence_projects(view, s, e, parts[section["id"]].kind):
            name = text[found["char_start"]:found["char_end"]]
            found.update(id=row_id(document["id"], "p", sentence, name, occurrence=counter(sentence, name)),
                         document_id=document["id"], section_id=section["id"], name=name, sentence=sentence,
                         sentence_start=s, sentence_end=e)
            rows.append({c: found.get(c) for c in fields.PROJECTS.columns})
    return rows


def _sentence_projects(view, s, e, part_kind):
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
        stage = _stage(text) or ("other" if LIST_MARK.search(text) else None)  # 紧抓X、Y等项目: no milestone
        if not stage:
            continue
        names = _names(text, clause.start())
        status = "target" if part_kind == "plan" or TARGET.search(text) else "actual"
        investment = _investment(text) if len(names) == 1 else (None, "")
        for start, end in names:
            rows.append({"stage": stage, "status": status, "investment": investment[0],
                         "investment_text": investment[1], "char_start": start, "char_end": end})
        previous = rows[-len(names):] if names else []
    return rows


# words that only say work is pushed on; a real milestone elsewhere in the clause wins over them:
# 加快推进武汉物流园...等项目落地 -> signed
PUSHING = re.compile(r"^(?:加快推进|全面推进|有序推进|加快|推进)$")


def _stage(clause):
    if not MILESTONE.search(clause):
        return None
    found = []  # (start, order in STAGES, stage, words)
    for order, (pattern, stage) in enumerate(_STAGE_PATTERNS):
        found += [(m.start(), order, stage, m.group(0)) for m in pattern.finditer(clause)]
    found.sort()
    if not found:
        return None
    milestones = [f for f in found if not PUSHING.match(f[3]) and f[0] > found[0][0]]
    if PUSHING.match(found[0][3]) and milestones:  # the milestone after the pushed list: ...等项目落地
        return max(milestones, key=lambda f: (f[0] + len(f[3]), -f[1]))[2]
    return found[0][2]


def _names(clause, offset):
    """(start, end) offsets of the project names in one clause."""
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
        name = _strip_stage_words(name.split("等")[0])
        works = listed and re.search(r"工程$", name) and not re.match(r"^(?:重点|重大|各类)", name)  # 四渠两河综合整治工程
        if not (MIN_NAME - 1 <= len(name) <= MAX_NAME) or NOT_A_NAME.search(name) and not works or GENERIC_FACILITY.match(name) \
                or ENDS_IN_VERB.search(name) and not listed:
            continue
        at = start + item.find(name, cut)
        called = item[at - start + len(name):].startswith("项目") and not NOT_CALLED.search(name)  # 华星光电t5项目
        restricted = bool(other) and start < other.start()  # an item of 等金融机构: only a facility is a project
        kept.append((offset + at, offset + at + len(name),
                     bool(PROJECT_SUFFIX.search(name)) or called and not restricted, restricted))
    named = sum(k[2] for k in kept)
    # every item of a list that runs into "等...项目" or its milestone, or that is mostly facilities
    whole_list = (listed or len(items) > 1 and (_ends_list(body) or named * 2 >= len(items))) and not kinds
    alone = len(items) == 1 and len(kept) == 1 and SUBJECT_AND_STAGE.match(clause.strip())
    return [k[:2] for k in kept if k[2] or (whole_list or alone) and not k[3]]


# a clause that is only a name and its milestone: 移动互联创谷加快推进, 东湖综合保税区(二期)正式封关运行
SUBJECT_AND_STAGE = re.compile(r"^[^、,;:的和及与]{3,16}?(?:正式|提前|加快|全面|有序|顺利|如期|相继|基本)?"
                               r"(?:开工建设|开工|建成投产|建成投用|建成|竣工|投产|量产|投用|投入使用|通车|封顶|开业|开园|"
                               r"封关运行|加快推进|加快建设|签约落户|落户)$")


# "X项目" where X is an activity or a kind, not a name: 主动谋划项目, 关键零部件项目, 行业培育和项目落地
NOT_CALLED = re.compile(r"^(?:主动|狠抓|对|围绕|引进|强化)|(?:和|及|与|谋划|合作|零部件|产业化|配套)$")


# a verb inside an item, before the name it acts on: ...原则推动救治基地
INNER_VERB = re.compile(r".*(?:推动|推进|加快|建设|打造|引进|启动)(?=[^推加建打引启]{3,}$)")



def _split_and(start, item):
    """光谷科技创新大走廊和光谷中央生态大走廊 -> two names, when both halves end like facilities."""
    m = re.fullmatch(r"(.+?)(和|及|与)(.+)", item)
    if m and PROJECT_SUFFIX.search(_strip_stage_words(m.group(1))) and not GENERIC_FACILITY.match(
            LEAD_VERBS.sub("", m.group(1))) and PROJECT_SUFFIX.search(
            _strip_stage_words(TAIL_WORDS.sub("", m.group(3)))):
        return [(start, m.group(1)), (start + m.end(2), m.group(3))]
    return [(start, item)]


def _strip_stage_words(name):
    """A name without the milestone verbs around it: 天马G6一期量产 -> 天马G6一期."""
    previous = None
    while previous != name:
        previous = name
        name = re.sub(r"(?:正式|提前|全面|加快|尽快)?(?:开工建设|开工|建设|建成|投产|量产|投用|投入使用|落户|签约|"
                      r"通车|封顶|奠基|签约奠基|交付使用|开业|运营|投运|封关运行|推进)$", "", name)
        name = re.sub(r"^(?:项目)|(?:加快|尽快|全面|正式|提前|有序|稳步|相继|密集|当年|年内|同年|年底前)$", "", name)
        name = re.sub(r"(?<=..)项目$", "", name)  # 远景动力项目当年签约 -> 远景动力
    return name.strip(" “”\n")


def _ends_list(body):
    """A list that runs into its milestone: 长江存储、华星光电t3、天马G6一期量产."""
    return bool(re.search(r"(?:量产|投产|开工|建成|投用|落户|签约|开业|通车)$", body.strip()))


def _investment(clause):
    m = INVESTMENT.search(clause)
    if not m:
        return None, ""
    value = parse_number(m.group("num")) * MAGNITUDES.get(m.group("mag") or "", 1)
    return (int(value) if float(value).is_integer() else value), m.group(0).lstrip("总投资额约近超达逾")
