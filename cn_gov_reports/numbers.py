"""Numbers with units, as written in the reports, and their value in a base unit.

`find_quantities(view)` scans the simplified matching view of a sentence and returns every number that
carries a unit (788亿元, 18.6%, 2万多家, 1720 亿元 across a line break, 七百八十八亿元, 近万个),
every rank (位居全国第五) and the fixed phrases below (一半, 翻一番). Numbers without a unit are never
quantities: that alone drops years, list numbers, 5G, 3551光谷人才计划 and the like; EXCLUDE drops the
rest (dates, ordinals, names with digits, anniversaries, counts of the report's own parts).

The vocabularies are data in rules/ (one entry a line, with meaning and example): units.tsv, magnitudes.tsv,
more_words.tsv, magnitude_prefixes.tsv, number_phrases.tsv, exclusions.tsv, action_verbs.tsv (bare_count=yes),
rank_verbs.tsv (rank=yes) and not_rank_after.tsv.
"""
import re
from dataclasses import dataclass

from decimal import Decimal

import cn2an

from . import phrases

# --- units, magnitudes, fixed phrases: rules/units.tsv, magnitudes.tsv, more_words.tsv, number_phrases.tsv ---


def _literal(entry):
    """The text a regex-escaped entry matches: 套\\(间\\) -> 套(间)."""
    return re.sub(r"\\(.)", r"\1", entry)


# unit as written (after any 万/亿 magnitude) -> (base unit, kind); kind decides the default measure
UNITS = {_literal(r.entry): (r["base_unit"], r["kind"]) for r in phrases.rules("units")}
# magnitudes written between the number and the unit: 788亿元, 13.2万余人
MAGNITUDES = {r.entry: int(r["scale"]) for r in phrases.rules("magnitudes")}
MORE = phrases.alternation("more_words")  # 2万多家, 13.2万余人: "more than" (comparator >)


def _value(written):
    return float(written) if "." in written else int(written)


# fixed phrases: (pattern, value, unit, value_base, unit_base, measure, comparator)
PHRASES = [(r.entry, _value(r["value"]), r["unit"], _value(r["value_base"]), r["unit_base"], r["measure"], r["comparator"])
           for r in phrases.rules("number_phrases")]

DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
# a number broken by one stray space (PDF or web conversion): 7. 5%, 6 . 1%, 1 1.5%, 1 234.5亿元. Only after a
# character that is no digit, point, comma or space, so a list label at a line start (1. 5G) stays apart and a
# table-like row of numbers separated by spaces (12 15 18) is never joined; never across a line break.
_GAP = "[ \u3000]"
SPACED = (rf"(?<=[^\d.,\s])\d{{1,2}}(?:\.{_GAP}\d+|{_GAP}\.{_GAP}?\d+|{_GAP}\d+(?:\.\d+)?)"
          rf"(?!{_GAP}*\d)(?!\.\d)")
# a year, also broken by one stray space (20 11年 -> 2011): for the periods of indicators
YEAR_DIGITS = rf"\d{{4}}|(?<![\d.,])(?<![\d.,]\s)[12](?:{_GAP}\d{{3}}|\d{_GAP}\d{{2}}|\d{{2}}{_GAP}\d)(?!{_GAP}*\d)"
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# a Chinese numeral counts only with a magnitude character in it and at least two characters
# (七百八十八, 二十五, 一万), so 四个切实, 三大攻坚战, 六个方面 never become numbers
CN_NUMBER = rf"(?=[{CN_DIGITS}]{{2}})[{CN_DIGITS}]*[十百千万亿][{CN_DIGITS}]*"
_UNIT_ALT = "|".join(phrases.entries("units"))  # longest first, as the file lists them
_MAG_ALT = "|".join(phrases.entries("magnitudes"))
# number [多|余] [万|亿...] [多|余] unit, with spaces or line breaks allowed in between (1720 亿元)
QUANTITY = re.compile(
    rf"(?P<num>{SPACED}|{DIGITS}|{CN_NUMBER})(?P<sp1>\s*)(?P<more1>{MORE})?\s*(?P<mag>{_MAG_ALT})?\s*"
    rf"(?P<more2>{MORE})?\s*(?P<unit>{_UNIT_ALT})")
# a range: 1-2家, 8%-10%
RANGE = re.compile(rf"(?P<low>{DIGITS})\s*%?\s*[-—~～至到]\s*(?=\d)")
# 近万个, 上万人: a bare magnitude after 近/上/数/逾/超
_BARE_BEFORE = phrases.alternation("magnitude_prefixes")  # 近, 上, 逾, 超
_BARE_MAG = phrases.alternation("magnitudes", bare="yes")  # 亿, 万, 千, 百
BARE_MAGNITUDE = re.compile(rf"(?<={_BARE_BEFORE})(?P<num>)(?P<mag>{_BARE_MAG})(?P<more2>{MORE})?(?P<unit>{_UNIT_ALT})")

# a count whose unit was lost in the source ("推动35卡脖子技术攻关获国家重大项目立项", the 项 and quotes dropped):
# only right after a verb that counts things, with at most three digits and words (not a unit or a name) after it
_COUNT_VERB = phrases.alternation("action_verbs", bare_count="yes")
# a bare count is none when more, a magnitude, a unit or a date, edition or ranking word follows (3月, 第35届, 100强)
NOT_BARE_COUNT = re.compile(rf"\s*(?:{MORE}|{_MAG_ALT}|{_UNIT_ALT}|" + phrases.alternation("not_rank_after", bare_count="yes") + ")")
BARE_COUNT = re.compile(rf"(?<={_COUNT_VERB})(?P<num>\d{{1,3}})(?=[\u4e00-\u9fff“]{{2}})")

# --- ranks: rules/rank_verbs.tsv (rank=yes), not_rank_after.tsv ---------------------------------------
# 位居全国第五, 均位列全市第一, 进位至第77位, 稳居全国第三: a rank verb, then up to 15 characters, then 第N
_RANK_VERB = phrases.alternation("rank_verbs", rank="yes")
_RANK_UNIT = phrases.alternation("units", rank="yes")  # 第五位, 第3名
_NOT_RANK = phrases.alternation("not_rank_after", rank="yes")  # 第一梯队, 第二批: an ordinal
RANK = re.compile(rf"{_RANK_VERB}[^,;。:]{{0,15}}?第(?P<num>\d+|[{CN_DIGITS}]+)(?P<unit>{_RANK_UNIT})?(?!{_NOT_RANK})")

# --- exclusions: spans whose numbers are never indicators (rules/exclusions.tsv) ------------------------
EXCLUDE = re.compile("|".join(phrases.entries("exclusions")))


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
    """The value of a number as written: 1,263.4 -> 1263.4; 7. 5 -> 7.5; 七百八十八 -> 788; '' (近万) -> 1.

    ValueError for anything that is not one number (cn2an raises KeyError and others on some runs of
    numeral characters, e.g. 零十零 in a traditional-character report)."""
    written = re.sub(r"\s", "", written)
    if not written:
        return 1.0
    if re.fullmatch(DIGITS, written):
        return float(written.replace(",", ""))
    try:
        return float(cn2an.cn2an(written, "smart"))
    except Exception as e:  # cn2an's own errors are not all ValueError
        raise ValueError(f"not a number: {written!r} ({type(e).__name__})") from None


def year_value(written):
    """The year a YEAR_DIGITS match stands for: 20 11 -> 2011."""
    return int(re.sub(r"\s", "", written))


def _scale(value, factor):
    """value * factor without binary rounding noise: 1263.4 * 10**8 -> 126340000000."""
    return float(Decimal(repr(float(value))) * Decimal(factor))


def _clean(number):
    return int(number) if float(number).is_integer() else round(number, 6)


def _quantity(m, offset=0):
    mag = m.group("mag") or ""
    unit = m.group("unit")
    written = m.group("num")
    try:
        value = parse_number(written)
        if not mag and written and written[-1] in "万亿" and not re.fullmatch(DIGITS, written):  # 七百八十八亿元
            mag = written[-1]
            value = parse_number(written[:-1]) if len(written) > 1 else 1.0
    except ValueError:
        return None
    base_unit, kind = UNITS[unit]
    more = "more1" in m.re.groupindex and m.group("more1") or m.group("more2")
    base = _scale(value, MAGNITUDES.get(mag, 1))
    if unit == "番":
        base = 2 ** value
    return Quantity(m.start() + offset, m.end() + offset, _clean(value), mag + unit, _clean(base), base_unit, kind,
                    ">" if more else "=")


# what every quantity holds somewhere (a digit, two Chinese numeral characters, 第 of a rank, 近万 and the
# like, or a fixed phrase): a sentence without any has no quantity, and find_quantities stops there
CANDIDATE = re.compile("|".join([r"\d", rf"[{CN_DIGITS}]{{2}}", "第",
                                  _BARE_BEFORE + _BARE_MAG] + [p for p, *_ in PHRASES]))


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
        if not NOT_BARE_COUNT.match(view, m.end()) \
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
