"""Numbers with units, as written in the reports, and their value in a base unit.

`find_quantities(view)` scans the simplified matching view of a sentence and returns every number that
carries a unit (788亿元, 18.6%, 2万多家, 1720 亿元 across a line break, 七百八十八亿元, 近万个),
every rank (位居全国第五) and the fixed phrases below (一半, 翻一番). Numbers without a unit are never
quantities: that alone drops years, list numbers, 5G, 3551光谷人才计划 and the like; EXCLUDE drops the
rest (dates, ordinals, names with digits, anniversaries, counts of the report's own parts).
"""
import re
from dataclasses import dataclass

from decimal import Decimal

import cn2an

# --- units -------------------------------------------------------------------------------------------
# unit as written (after any 万/亿 magnitude) -> (base unit, kind); kind decides the default measure:
# "amount" -> level, "thing" -> count, "percent"/"point" -> share unless growth/decline words say otherwise
UNITS = {
    "%": ("%", "percent"), "‰": ("‰", "percent"),
    "个百分点": ("百分点", "point"), "百分点": ("百分点", "point"),
    "元": ("元", "amount"), "美元": ("美元", "amount"), "欧元": ("欧元", "amount"),
    "人次": ("人次", "thing"), "人": ("人", "thing"), "名": ("名", "thing"), "位": ("位", "thing"),
    "户": ("户", "thing"), "家": ("家", "thing"), "个": ("个", "thing"), "所": ("所", "thing"),
    "项": ("项", "thing"), "件": ("件", "thing"), "场": ("场", "thing"), "套": ("套", "thing"),
    "套(间)": ("套", "thing"), "间": ("间", "thing"), "栋": ("栋", "thing"), "座": ("座", "thing"),
    "条": ("条", "thing"), "辆": ("辆", "thing"), "台": ("台", "thing"), "列": ("列", "thing"),
    "次": ("次", "thing"), "枚": ("枚", "thing"), "支": ("支", "thing"), "处": ("处", "thing"),
    "部": ("部", "thing"), "张": ("张", "thing"), "床": ("床", "thing"), "批": ("批", "thing"),
    "批次": ("批次", "thing"), "剂次": ("剂次", "thing"),
    "款": ("款", "thing"), "株": ("株", "thing"), "棵": ("棵", "thing"), "只": ("只", "thing"),
    "宗": ("宗", "thing"), "单": ("单", "thing"), "例": ("例", "thing"), "份": ("份", "thing"),
    "亩": ("亩", "amount"), "公顷": ("公顷", "amount"), "平方米": ("平方米", "amount"),
    "平方公里": ("平方公里", "amount"), "㎡": ("平方米", "amount"), "平方千米": ("平方公里", "amount"), "公里": ("公里", "amount"),
    "千米": ("公里", "amount"), "米": ("米", "amount"), "方": ("立方米", "amount"),
    "立方米": ("立方米", "amount"), "吨": ("吨", "amount"), "千瓦": ("千瓦", "amount"),
    "千瓦时": ("千瓦时", "amount"), "度": ("千瓦时", "amount"), "兆瓦": ("兆瓦", "amount"),
    "标箱": ("标箱", "amount"), "TEU": ("标箱", "amount"), "吨标准煤": ("吨标准煤", "amount"),
    "微克/立方米": ("微克/立方米", "amount"), "毫克/升": ("毫克/升", "amount"),
    "个工作日": ("工作日", "amount"), "工作日": ("工作日", "amount"), "天": ("天", "amount"),
    "小时": ("小时", "amount"), "分钟": ("分钟", "amount"),
    "倍": ("倍", "ratio"), "番": ("倍", "ratio"),
}
# magnitudes written between the number and the unit: 788亿元, 13.2万余人
MAGNITUDES = {"万亿": 10 ** 12, "亿": 10 ** 8, "千万": 10 ** 7, "百万": 10 ** 6, "万": 10 ** 4, "千": 1000,
              "百": 100}
MORE = "多余"  # 2万多家, 13.2万余人: "more than" (comparator >)

# --- fixed phrases: (pattern, value, unit, value_base, unit_base, measure, comparator) --------------------
PHRASES = [
    (r"一半", 0.5, "", 50, "%", "share", "="),  # 占全市一半
    (r"翻一番|翻了一番|翻番", 2, "倍", 2, "倍", "growth", "="),  # 万人发明专利拥有量翻一番
    (r"两位数", 10, "%", 10, "%", "growth", ">="),  # 保持两位数以上增长 (at least 10%)
]

DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# a Chinese numeral counts only with a magnitude character in it and at least two characters
# (七百八十八, 二十五, 一万), so 四个切实, 三大攻坚战, 六个方面 never become numbers
CN_NUMBER = rf"(?=[{CN_DIGITS}]{{2}})[{CN_DIGITS}]*[十百千万亿][{CN_DIGITS}]*"
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_MAG_ALT = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
# number [多|余] [万|亿...] [多|余] unit, with spaces or line breaks allowed in between (1720 亿元)
QUANTITY = re.compile(
    rf"(?P<num>{DIGITS}|{CN_NUMBER})(?P<sp1>\s*)(?P<more1>[{MORE}])?\s*(?P<mag>{_MAG_ALT})?\s*"
    rf"(?P<more2>[{MORE}])?\s*(?P<unit>{_UNIT_ALT})")
# a range: 1-2家, 8%-10%
RANGE = re.compile(rf"(?P<low>{DIGITS})\s*%?\s*[-—~～至到]\s*(?=\d)")
# 近万个, 上万人: a bare magnitude after 近/上/数/逾/超
BARE_MAGNITUDE = re.compile(rf"(?<=[近上逾超])(?P<num>)(?P<mag>亿|万|千|百)(?P<more2>[{MORE}])?(?P<unit>{_UNIT_ALT})")

# a count whose unit was lost in the source ("推动35卡脖子技术攻关获国家重大项目立项", the 项 and quotes dropped):
# only right after a verb that counts things, with at most three digits and words (not a unit or a name) after it
BARE_COUNT = re.compile(r"(?<=推动|完成|实施|新增|引进|建成|开展|举办|培育|承担|突破|攻克)(?P<num>\d{1,3})(?=[\u4e00-\u9fff“]{2})")

# --- ranks ---------------------------------------------------------------------------------------------
# 位居全国第五, 均位列全市第一, 进位至第77位, 稳居全国第三: a rank verb, then up to 15 characters, then 第N
RANK = re.compile(rf"(?:位居|位列|居于|稳居|跃居|名列|排名|排在|排|居|列|进位至|升至|位于)[^,;。:]{{0,15}}?"
                  rf"第(?P<num>\d+|[{CN_DIGITS}]+)(?P<unit>位|名)?(?!梯队|方阵|阵营|批|届|次|个)")

# --- exclusions: spans whose numbers are never indicators -------------------------------------------
EXCLUDE = re.compile("|".join([
    r"\d+\s*周年",  # anniversaries: 创建30周年
    r"第\s*(?:\d+|[" + CN_DIGITS + r"]+)\s*(?:批|届|次|号|条|章|节|期|个|轮|家|名|位|季度)?",  # ordinals: 第十二批
    r"[A-Za-z]+\d+(?:\.\d+)?|\d+(?:\.\d+)?(?!TEU)[A-Za-z]+",  # names with digits: 5G, G6, PM2.5, T1, 3D, 3A级
    r"\d+\s*号线|\d+\s*国道|\d+\s*省道|\d+\s*路公交",  # lines and roads: 地铁11号线, 348国道
    r"“[^”]{0,12}”",  # a short quoted name: “500人计划”, “16条”, “1+3”政策包
    r"(?:发展|政策|措施|举措|意见|新政|十)\d+条",  # policy packages: 高质量发展20条
    r"\d+\s*(?:人|项)\s*(?:计划|工程)",  # named programmes: 500人计划 (quotes lost)
    r"\d{4}\s*[-—~～至到]\s*\d{4}\s*年?",  # year ranges: 2017-2035, 2023—2025年
    r"[年月]\s*\d{1,2}\s*[月日号]",  # dates: 2021年12月2日
    r"(?:(?<=\D)|^)\d{4}\s*(?:年|版)",  # years: 2018年, 2035版
    r"\d+\s*(?:个月)",  # durations in months
    r"[" + CN_DIGITS + r"\d]+\s*(?:个|大|项)?(?:方面|部分|章|篇)",  # the report's own parts: 六个方面
    # size classes of projects and firms, with their number: 亿元以上项目, 30亿元以上现代服务业项目, 投资过30亿元项目
    r"(?:(?:投资)?(?:过|超过?)?(?:\d+(?:\.\d+)?|[" + CN_DIGITS + r"]+)?\s*)(?:亿|万)元(?:级|以上的?|以下的?)?"
    r"(?=[\u4e00-\u9fff]{0,12}(?:项目|企业|单位|工程|产业|客商))",
    # numbered research institutes: 722所国防科技产业园, 中船712所 (three digits + 所 glued to a name, not a school count)
    r"(?<![\d.])\d{3}所(?![\d\u4e00-\u9fff]*?(?:学校|中学|小学|幼儿园|高校|医院|学位))(?=[\u4e00-\u9fff、])",
    r"[百千万亿]+(?:元)?级",  # classes: 百亿级行业龙头, 千亿级
]))


@dataclass
class Quantity:
    start: int  # offsets in the sentence view
    end: int
    value: float
    unit: str  # unit as written, magnitude included (亿元, 万家, %)
    value_base: float
    unit_base: str
    kind: str  # amount | thing | percent | point | ratio | rank | phrase | bare (a count whose unit was lost)
    comparator: str = "="  # from 多/余 inside the quantity
    measure: str = ""  # set by phrases and ranks


def parse_number(written):
    """The value of a number as written: 1,263.4 -> 1263.4; 七百八十八 -> 788; '' (近万) -> 1."""
    if not written:
        return 1.0
    if re.fullmatch(DIGITS, written):
        return float(written.replace(",", ""))
    return float(cn2an.cn2an(written, "smart"))


def _scale(value, factor):
    """value * factor without binary rounding noise: 1263.4 * 10**8 -> 126340000000."""
    return float(Decimal(repr(float(value))) * Decimal(factor))


def _clean(number):
    return int(number) if float(number).is_integer() else round(number, 6)


def _quantity(m, offset=0):
    try:
        value = parse_number(m.group("num"))
    except ValueError:
        return None
    mag = m.group("mag") or ""
    unit = m.group("unit")
    written = m.group("num")
    if not mag and written and written[-1] in "万亿" and not re.fullmatch(DIGITS, written):  # 七百八十八亿元
        mag = written[-1]
        value = parse_number(written[:-1]) if len(written) > 1 else 1.0
    base_unit, kind = UNITS[unit]
    more = "more1" in m.re.groupindex and m.group("more1") or m.group("more2")
    base = _scale(value, MAGNITUDES.get(mag, 1))
    if unit == "番":
        base = 2 ** value
    return Quantity(m.start() + offset, m.end() + offset, _clean(value), mag + unit, _clean(base), base_unit, kind,
                    ">" if more else "=")


# what every quantity holds somewhere (a digit, two Chinese numeral characters, 第 of a rank, 近万 and the
# like, or a fixed phrase): a sentence without any has no quantity, and find_quantities stops there
CANDIDATE = re.compile("|".join([r"\d", rf"[{CN_DIGITS}]{{2}}", "第", r"[近上逾超][亿万千百]"] + [p for p, *_ in PHRASES]))


def excluded_spans(view):
    return [(m.start(), m.end()) for m in EXCLUDE.finditer(view)]


def _inside(spans, start, end):
    return any(s <= start and end <= e for s, e in spans) or any(s <= start < e for s, e in spans)


def find_quantities(view):
    """Every quantity in one sentence's view, in order of position."""
    if not CANDIDATE.search(view):
        return []
    found = []
    for m in RANK.finditer(view):
        try:
            value = parse_number(m.group("num"))
        except ValueError:
            continue
        s = m.start("num") - 1
        found.append(Quantity(s, m.end(), _clean(value), "", _clean(value), "", "rank", measure="rank"))
    ranks = [(m.start(), m.end()) for m in RANK.finditer(view)]  # 位居169个国家级高新区第五位: 169个 is no count
    spans = excluded_spans(view)
    for pattern in (QUANTITY, BARE_MAGNITUDE):
        for m in pattern.finditer(view):
            if m.group("num") and not _standalone(view, m.start(), m.end("num")):
                continue
            if _inside(spans, m.start(), m.end()) or _inside(ranks, m.start(), m.end()):
                continue
            q = _quantity(m)
            if q:
                found.append(q)
    for m in BARE_COUNT.finditer(view):
        if not re.match(rf"\s*(?:[{MORE}]|{_MAG_ALT}|{_UNIT_ALT}|年|月|日|号|周|届|期|大|强|多|余|亿|万)", view[m.end():]) \
                and not _inside(spans, m.start(), m.end()):
            found.append(Quantity(m.start(), m.end(), int(m.group("num")), "", int(m.group("num")), "", "bare"))
    for pattern, value, unit, base, base_unit, measure, comparator in PHRASES:
        for m in re.finditer(pattern, view):
            found.append(Quantity(m.start(), m.end(), value, unit, base, base_unit, "phrase", comparator, measure))
    found += _ranges(view, found, spans)
    found.sort(key=lambda q: (q.start, q.end))
    return _dedupe(found)


def _standalone(view, start, num_end):
    """A number that is not glued to letters, digits or a decimal point (PM2.5, G6, 3.5.1)."""
    before = view[start - 1] if start else ""
    after = view[num_end] if num_end < len(view) else ""
    return not re.match(r"[A-Za-z0-9.]", before) and not re.match(r"[A-Za-z]", after)


def _ranges(view, found, spans):
    """The low end of a range (1-2家 -> 1 家 with >=); the high end is an ordinary quantity with <=."""
    extra = []
    for m in RANGE.finditer(view):
        high = next((q for q in found if q.start == m.end()), None)
        if not high or _inside(spans, m.start(), m.end()) or not _standalone(view, m.start(), m.end("low")):
            continue
        value = float(m.group("low").replace(",", ""))
        factor = Decimal(repr(float(high.value_base))) / Decimal(repr(float(high.value))) if high.value else 1
        high.comparator = "<="
        extra.append(Quantity(m.start(), m.end("low") + (1 if view[m.end("low")] == "%" else 0), _clean(value),
                              high.unit, _clean(float(Decimal(repr(value)) * factor)), high.unit_base, high.kind,
                              ">="))
    return extra


def _dedupe(found):
    out = []
    for q in found:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out
