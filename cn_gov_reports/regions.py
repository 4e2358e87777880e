"""Whose report is it: the place a report belongs to, anywhere in China, with its GB/T 2260 code and level.

    >>> regions.find(text, title="2024年六安市政府工作报告")
    Region(name='六安市', code='341500', level='city', government='六安市人民政府')

The places are every province, prefecture-level division (地级市, 自治州, 地区, 盟) and county-level division
(市辖区, 县, 县级市, 自治县, 旗, ...) of vocab/divisions.csv (the official list, see its header and
scripts/make_divisions.py), plus the functional zones of vocab/regions.csv with their local codes
(东湖高新区 420100-Z01) and its aliases of listed places. A report of a functional zone neither lists (我代表坪山新区管委会,
a title beginning with 深圳市坪山新区; endings in rules/zone_endings.tsv) is that zone as written: level zone, no code. The report of the State Council (国务院) to the National
People's Congress is the national report: region 全国, code 100000 (the code GB/T 2260 gives the whole country),
level national.

A report says whose it is, from the surest evidence to the weakest (the first that names a place wins):

1. the title (2024年六安市政府工作报告);
2. the issuer the page names (洪山区政府办公室);
3. the venue line (——2024年1月29日在六安市第六届人民代表大会第四次会议上);
4. the speaker line of the title block (六安市市长 XXX, 代市长);
5. 我代表XX人民政府 / 受XX人民政府委托;
6. a zone's report that lost its title and opening and calls itself by its kind (今年新区管委会, 我新区): the zone of
   that kind it names whose stem it uses alone most (大鹏新区, with 健康大鹏, 大鹏发展);
7. the place the report names most often, among the places whose name ends as the report speaks of itself
   (我代表市人民政府, 全市: a name ending with 市), so the district report's city and the many other cities a
   report mentions do not win; a district or county whose city and province the text never names comes last.

Names are matched in full official form (甘孜藏族自治州) and in the short forms reports use (甘孜州, 甘孜), on the
simplified view of the text with whitespace removed (traditional characters and stray spaces do not matter),
leftmost-longest, a common word (rules/region_common_words.tsv) taking its characters so that no name begins
inside it (滨海城区 is not 海城区), and so does the name of a functional zone neither vocab list lists (雄安新区 is not
安新县; see zones: where such a name starts).
Two places with the same name (鼓楼区 of 南京市, 福州市, 徐州市 and 开封市) are told apart by the one whose city or
province the text names (the words around the name first, then the whole text). Level: province for provinces,
autonomous regions, municipalities and SARs; city for prefecture-level divisions; district for 市辖区; county for
the other county-level divisions (县, 县级市 such as 天门市, 自治县, 旗); zone for functional zones.
"""
import csv
import functools
import re
from collections import Counter, namedtuple

from . import fields, paths, phrases
from .normalize import matching_view, squeeze

DIVISIONS = paths.vocab("divisions.csv")
ZONES = paths.vocab("regions.csv")
LEVELS = tuple(c.value for c in fields.CODES[("documents", "level")])  # vocab/codes.csv
NATIONAL = ("全国", "100000", "national", "国务院")

Region = namedtuple("Region", "name code level government")
Place = namedtuple("Place", "name code level parent_code government")

# the more specific a level, the lower: in a title naming 武汉市 and 洪山区, the district is the report's
SPECIFIC = {"zone": 0, "district": 1, "county": 1, "city": 2, "province": 3, "national": 4}
HEAD_CHARS = 3000  # the title block, venue line and opening sentence are in the first characters of a report
READ_CHARS = 300_000  # a report names its place long before this; a longer text (a 50 MB file) is read this far
HEAD_LINES = 20
SPEAKER_CHARS = 40


def short_names(name):
    """The short forms reports use for an official name: 六安市 -> [六安]; 甘孜藏族自治州 -> [甘孜州, 甘孜];
    内蒙古自治区 -> [内蒙古]. Short forms of one character are not kept."""
    stripped = name
    m = phrases.compiled("ethnic_groups", "(?:{})+(?=自治[区州县旗]$)").search(name)
    if m and m.start() >= 2:
        stripped = name[:m.start()] + name[m.end():]
    elif m:  # the name is a people's name alone: 东乡族自治县 -> 东乡县, 东乡
        stripped = re.sub("族$", "", name[:m.end()]) + name[m.end():]
    for rule in phrases.rules("division_suffixes"):
        m = re.search(rule.entry, stripped)
        if m:
            stem = stripped[:m.start()]
            out = []
            if rule["short_suffix"] != "none" and len(stem) >= 1:
                out.append(stem + rule["short_suffix"])
            if len(stem) >= 2:
                out.append(stem)
            return [s for s in out if s != name]
    return []


@functools.lru_cache(maxsize=1)
def places():
    """{code: Place} of every division and zone, and {surface: [codes]} of the names each is written as."""
    by_code, surfaces = {}, {}

    def add(surface, code):
        codes = surfaces.setdefault(matching_view(squeeze(surface)), [])
        if code not in codes:
            codes.append(code)

    with open(DIVISIONS, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            by_code[row["code"]] = Place(row["name"], row["code"], row["level"], row["parent_code"],
                                         row["name"] + "人民政府")
            add(row["name"], row["code"])
            for short in filter(None, row["short_names"].split("|")):
                add(short, row["code"])
    names = {(p.name, p.code) for p in by_code.values()}
    with open(ZONES, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            aliases = [a for a in row["aliases"].split("|") if a]
            if (row["name"], row["code"]) in names:  # a listed place: its aliases (临空港经开区(东西湖区))
                for alias in aliases:
                    add(alias, row["code"])
                continue
            key = row["code"] if row["code"] not in by_code else f"{row['code']}|{row['name']}"
            by_code[key] = Place(row["name"], row["code"], row["level"], row["parent_code"], row["government"])
            for surface in [row["name"]] + aliases:
                add(surface, key)
    common = {w for w in phrases.entries("region_common_words")}
    for word in common:
        surfaces.pop(word, None)
    return by_code, surfaces


@functools.lru_cache(maxsize=1)
def _common_words():
    """The common words of region_common_words in the matching view: not places, but they take their characters in
    the scan, so a name does not begin inside one (滨海城区 is 滨海 + 城区, not 滨 + 海城区)."""
    return {matching_view(squeeze(w)) for w in phrases.entries("region_common_words")}


@functools.lru_cache(maxsize=1)
def _index():
    """{first two characters: sorted lengths of the surfaces starting with them}, for scanning."""
    _, surfaces = places()
    starts = {}
    for surface in list(surfaces) + list(_common_words()):
        starts.setdefault(surface[:2], set()).add(len(surface))
    return {k: sorted(v, reverse=True) for k, v in starts.items()}


@functools.lru_cache(maxsize=1)
def _name_start():
    """A pattern matching any character a surface or common word of _index begins with: _scan skips the others
    in one search instead of one step each (about two characters in three of a report begin no name)."""
    return re.compile("[" + "".join(sorted({re.escape(k[0]) for k in _index()})) + "]")


# Words next to a name that are no part of it: the words in front of a project's name (加快, 推进, 支持, 和, 与; role lead
# of rules/project_stages.tsv, project_words.tsv and target_words.tsv), framing and function words (在, 对, 是, 的;
# rules/subject_edges.tsv), verbs (rules/action_verbs.tsv), effort adverbs and relative years (今年).
NOT_NAME = re.compile("(?:" + "|".join([
    phrases.tagged("project_stages", "lead"), phrases.tagged("project_words", "lead"),
    phrases.tagged("target_words", "lead"), phrases.tagged("subject_edges", "framing"),
    phrases.tagged("subject_edges", "not_noun"), phrases.alternation("action_verbs"),
    phrases.alternation("effort_adverbs"), phrases.alternation("relative_years")]) + ")")
ZONE_ENDING = phrases.compiled("zone_endings")
# a kind of zone before its ending, not a name: 国家级新区, 两个开发区, 国家高新区
ZONE_KIND = phrases.compiled("zone_kinds", "{}$")
ZONE_ALONE = 2  # a zone's report calling itself 新区 is that of the zone whose stem it uses alone this often at least
ZONE_STEM = 8  # the most characters of a zone's name before its ending (坪山, 陆港枢纽, 襄阳)
YEAR_BEFORE = re.compile(r"\d+年度?$")
HAN = re.compile("[\u4e00-\u9fff]")


def _scan(view, zones=None):
    """[(start, surface, [keys])] of the places named, leftmost-longest; a common word takes its characters, and so does
    a zone in `zones` ({start: end}): no name begins inside it (one may begin where it begins: 襄阳 of 襄阳高新区)."""
    _, surfaces = places()
    common = _common_words()
    starts, can_start = _index(), _name_start()
    inside = {i: end for start, end in (zones or {}).items() for i in range(start + 1, end)}
    out, i, n = [], 0, len(view)
    while i < n - 1:
        if i in inside:
            i = inside[i]
            continue
        lengths = starts.get(view[i:i + 2])
        if lengths:
            for length in lengths:
                surface = view[i:i + length]
                if surface in surfaces or surface in common:
                    if surface in surfaces:
                        out.append((i, surface, surfaces[surface]))
                    i += length
                    break
            else:
                i += 1
        else:
            i += 1
        if i not in inside:  # on to the next character a name can begin with (most characters begin none)
            m = can_start.search(view, i)
            i = m.start() if m else n
    return out


def _not_name(word):
    """Whether a word is one of NOT_NAME: no part of a name."""
    return bool(NOT_NAME.fullmatch(word))


def _stem_ok(stem):
    """Whether the characters before a zone's ending can be its name: two or more, not a kind of zone (国家级新区, 国家高新区;
    rules/zone_kinds.tsv), holding no word of two characters or more of NOT_NAME (加快雄安) and not ending with one (今年新区, 推动新区, 这是新区)."""
    n = len(stem)
    return (n >= 2 and not ZONE_KIND.search(stem) and not any(_not_name(stem[-k:]) for k in range(1, n + 1))
            and not any(_not_name(stem[i:j]) for i in range(n - 1) for j in range(i + 2, n + 1)))


def _inside_word(view, s):
    """Whether a word of NOT_NAME runs across position s (推|进全新区): no name begins there."""
    return any(_not_name(view[s - k:s + j]) for k in range(1, min(s, 3) + 1) for j in range(1, 4))


def _alone(view, stem, seen):
    """How often the text uses a zone's stem alone, not followed by a zone's ending (健康大鹏, 大鹏发展); `seen`
    keeps the counts of one text (each count reads the whole text)."""
    if stem not in seen:
        seen[stem] = view.count(stem) - sum(view.count(stem + ending) for ending in phrases.entries("zone_endings"))
    return seen[stem]


def zones(view, found=None):
    """[(start, end, name)] of the functional zones a simplified, squeezed text names that neither vocab list lists
    (雄安新区, 大鹏新区): a zone's ending (rules/zone_endings.tsv) after its stem, the shortest one (ZONE_STEM characters at
    most, _stem_ok) that starts a name: at the text's start or after a character that is not Chinese, after a year, a
    word of NOT_NAME (加快, 在) or a listed place (深圳市坪山新区, 河北雄安新区), or beginning with a listed place
    (襄阳高新区), or used alone in the text (健康大鹏); never inside a listed place's name. found: _scan(view)."""
    _, surfaces = places()
    found = _scan(view) if found is None else found
    starts = {start for start, _, _ in found}
    ends = {start + len(surface) for start, surface, _ in found}
    covered = {i for start, surface, _ in found for i in range(start + 1, start + len(surface))}
    out, last, alone = [], 0, {}
    for m in ZONE_ENDING.finditer(view):
        for s in range(m.start() - 2, max(last, m.start() - ZONE_STEM) - 1, -1):
            stem = view[s:m.start()]
            if not HAN.fullmatch(stem[0]):
                break
            if s in covered or not _stem_ok(stem) or _inside_word(view, s):
                continue
            before = view[max(0, s - 6):s]
            if (s == 0 or not HAN.fullmatch(view[s - 1]) or s in starts or s in ends or YEAR_BEFORE.search(before)
                    or any(_not_name(before[-k:]) for k in range(1, len(before) + 1)) or _alone(view, stem, alone) > 0):
                if view[s:m.end()] not in surfaces:
                    out.append((s, m.end(), view[s:m.end()]))
                    last = m.end()
                break
    return out


def mentions(view):
    """[(surface, [keys])] of the places named in a simplified, squeezed text, leftmost-longest. A common word
    (region_common_words) takes its characters like a name but is no mention, and so does a functional zone no vocab
    list lists (zones): 雄安新区 is no mention of 安新县."""
    return [(surface, keys) for _, surface, keys in _read(view)[0]]


def _read(view):
    """(the _scan of a text with its unlisted zones taking their characters, the zones)."""
    found = _scan(view)
    named = zones(view, found)
    return (_scan(view, {start: end for start, end, _ in named}) if named else found), named


def _ancestors(key):
    by_code, _ = places()
    out, code = [], by_code[key].parent_code
    while code and code in by_code and len(out) < 3:
        out.append(code)
        code = by_code[code].parent_code
    return out


def _choose(keys, near, counts):
    """Of places sharing a name, the one whose city or province is named nearby, else in the text."""
    if len(keys) == 1:
        return keys[0]
    by_code, _ = places()

    def support(key):
        ancestors = _ancestors(key)
        return (sum(near[a] for a in ancestors), sum(counts[a] for a in ancestors), -SPECIFIC[by_code[key].level])
    return max(keys, key=support)


def _pick(span_view, counts):
    """The place a short passage (a title, a venue line) names: the most specific one, full names first."""
    found = mentions(span_view)
    if not found:
        return None
    by_code, _ = places()
    near = Counter(k for _, keys in found for k in keys)
    full = [(s, keys) for s, keys in found if any(not _is_short(s, k) for k in keys)]
    chosen = [_choose(keys, near, counts) for _, keys in (full or found)]
    return min(chosen, key=lambda k: SPECIFIC[by_code[k].level])


@functools.lru_cache(maxsize=None)
def _is_short(surface, key):
    """Whether a surface is a short name (六安) of the place, not its full name (六安市) or a listed alias."""
    return surface in short_names(places()[0][key].name)


def _region(key):
    p = places()[0][key]
    return Region(p.name, p.code, p.level, p.government)


def _cues(step):
    return [(re.compile(r.entry), int(r["weight"])) for r in phrases.rules("region_cues") if r["step"] == step]


ZONE_NAME = phrases.compiled("zone_endings", r"^(?P<stem>[\u4e00-\u9fff]{2,20}?){}$")
TITLE_ZONE = phrases.compiled("zone_endings", r"^(?:\d{4}年度?)?(?P<name>[\u4e00-\u9fff]{2,24}?{})"
                              r"(?=管委会|管理委员会|政府|工作报告|国民经济|\d{4}年|$)")


def _zone(name):
    """The Region of a functional zone named `name` (坪山新区): the listed place when vocab/divisions.csv or
    vocab/regions.csv has that name (浦东新区, 东湖高新区); else, when the name ends as a zone does
    (rules/zone_endings.tsv), the zone as written after any city or province named in full before it
    (深圳市坪山新区 -> 坪山新区): level zone, no region_code (no official or listed local code), its
    administrative committee (管委会) the government. None when the name is no zone's."""
    _, surfaces = places()
    view = matching_view(squeeze(name))
    if view in surfaces:
        return _region(surfaces[view][0])
    found = mentions(view)
    if found and view.startswith(found[0][0]) and not _is_short(found[0][0], found[0][1][0]) \
            and places()[0][found[0][1][0]].level in ("province", "city"):
        name = squeeze(name)[len(found[0][0]):]
        if matching_view(name) in surfaces:
            return _region(surfaces[matching_view(name)][0])
    m = ZONE_NAME.match(squeeze(name))
    if not m or ZONE_KIND.search(m.group("stem")):  # 国家级新区, 两个开发区: kinds of zone, not a zone's name
        return None
    return Region(m.group(0), "", "zone", m.group(0) + "管委会")


def _from_cue(step, texts, counts):
    for text in texts:
        for pattern, _ in _cues(step):
            for m in pattern.finditer(text):
                groups = m.groupdict()
                if groups.get("national"):
                    return Region(*NATIONAL)
                if groups.get("zone") and _zone(groups["zone"]):
                    return _zone(groups["zone"])
                if groups.get("place"):
                    key = _pick(groups["place"], counts)
                    if key:
                        return _region(key)
    return None


def _own_suffix(head, view):
    """The last character of the report's own place name, from how it speaks of itself: 市, 区, 县, ..."""
    for pattern, _ in _cues("self_delegate"):
        m = pattern.search(head)
        if m:
            return m.group("suffix")
    seen = Counter()
    for pattern, weight in _cues("self"):
        for m in pattern.finditer(view):
            seen[m.group("suffix")] += weight
    return seen.most_common(1)[0][0] if seen else ""


def _most_named(found, suffix, counts):
    """The place named most often. A county-level place's short name (平和, 资源, 新建: often a common word) counts
    only when the text names that place in full somewhere or names its city or province; a city's or province's
    counts anyway, as a city report may never write its own name in full (丽水 throughout, never 丽水市), and so
    does that of a county-level place directly under a province, named like a city (天门, 仙桃, 济源). A county-level
    place whose city and province the text never names (海城区 of 北海市 in a 深圳 district's report) ranks after
    one whose city or province it names, however often it is named."""
    by_code, _ = places()

    def placed(key):  # a city or province, a county-level place under a province, or one whose city is named
        return (by_code[key].level not in ("district", "county", "zone")
                or by_code.get(by_code[key].parent_code, by_code[key]).level == "province"
                or any(counts[a] for a in _ancestors(key)))
    in_full = {k for surface, keys in found for k in keys
               if not _is_short(surface, k) or by_code[k].level not in ("district", "county") or placed(k)}
    scores = Counter()
    for surface, keys in found:
        for key in keys:
            if (not suffix or by_code[key].name.endswith(suffix)) and key in in_full:
                scores[key] += 1
    if not scores:
        return None
    best = max((placed(k), n) for k, n in scores.items())
    tied = [k for k in scores if (placed(k), scores[k]) == best]
    return _choose(tied, Counter(), counts)


def _own_zone(view, head, found, named):
    """The zone a report is, when it calls itself by its kind alone (今年新区管委会, 我新区: rules/region_cues.tsv step
    self_zone, not the end of a zone's name) and is no government (我代表区人民政府): of the zones of that kind it names,
    listed or not (大鹏新区, in 大鹏新区人民医院), the one whose stem it uses alone most (健康大鹏, 大鹏发展), at least
    ZONE_ALONE times. None when it names none (今年新区, 推动新区 are no names)."""
    if any(pattern.search(head) for pattern, _ in _cues("self_delegate")):
        return None
    named_ends = {end for _, end, _ in named} | {start + len(surface) for start, surface, _ in found}
    kinds = tuple({m.group("kind") for pattern, _ in _cues("self_zone") for m in pattern.finditer(view)
                   if m.end("kind") not in named_ends})
    best, alone = (ZONE_ALONE - 1, None, None), {}
    for name, key in [(name, None) for _, _, name in named] + [(surface, keys[0]) for _, surface, keys in found]:
        m = ZONE_NAME.match(name)
        if kinds and m and name.endswith(kinds):
            best = max(best, (_alone(view, m.group("stem"), alone), name, key), key=lambda b: b[0])
    _, name, key = best
    return _region(key) if key else (_zone(name) if name else None)


class _Text:
    """What find reads of a report's text, each made when first asked for: the whole text's scan is needed only
    to choose between places sharing a name, or when neither title nor issuer names the place (most reports
    are found by their title)."""

    def __init__(self, text):
        self.text = text

    @functools.cached_property
    def view(self):
        return matching_view(squeeze(self.text[:READ_CHARS]))

    @functools.cached_property
    def read(self):
        """(_scan of the view with unlisted zones taking their characters, the zones): _read(view)."""
        return _read(self.view)

    @functools.cached_property
    def found(self):
        return [(surface, keys) for _, surface, keys in self.read[0]]

    @functools.cached_property
    def counts(self):
        return Counter(k for _, keys in self.found for k in keys)

    def __getitem__(self, key):  # as a Counter of the places named: how often the text names `key`
        return self.counts[key]


def find(text, title="", issuer=""):
    """The Region a report belongs to (name in full official form, code, level, government), or None."""
    whole = _Text(text)
    for passage in (title, issuer):
        key = _pick(matching_view(squeeze(passage)), whole) if passage else None
        zone = TITLE_ZONE.match(squeeze(passage)) if passage else None
        zone = zone and _zone(zone.group("name"))
        if zone:
            return zone  # a title that begins with a zone's name: the zone's, not that of a place named in it
        if key:
            return _region(key)
    view = whole.view
    head = view[:HEAD_CHARS]
    lines = [matching_view(squeeze(line)) for line in text[:HEAD_CHARS].split("\n") if line.strip()][:HEAD_LINES]
    lines = [line for line in lines if len(line) <= SPEAKER_CHARS]  # a speaker line is short: 六安市市长 name
    region = (_from_cue("venue", [head], whole) or _from_cue("speaker", lines, whole)
              or _from_cue("delegate", [head], whole))
    region = region or _own_zone(view, head, *whole.read)
    if region:
        return region
    key = _most_named(whole.found, _own_suffix(head, view), whole)
    return _region(key) if key else None
