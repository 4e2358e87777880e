"""Drop web-page chrome and page-metadata lines, keeping every other character of the report.

Works on whole lines of the width-normalized text. A line is dropped when it is
- page metadata (索引号, 发布机构, 发文日期, 文号, ...): its fields go to the documents row;
- chrome: navigation and breadcrumbs, font, print and download widgets, view counters, forum furniture,
  login bars, news-site source/time/editor lines, download-site banners, web addresses, a legal database's
  citation codes, license notices, photo captions, printed page numbers (— 3 —), footers (版权所有, ICP备案,
  主办单位, ...) and the link lists under 相关报道 / 延伸阅读;
- a short fragment (a counter, a link label) between two chrome lines, or in the link lists that
  sit right above a page footer;
- a newspaper's running page header (政 府 工 作 报 告) standing between the two halves of a sentence
  that a page jump split.
A line that is prose (`is_prose`: a sentence, or a long line) is never dropped, whatever cue word it holds;
only the few unmistakable cues of role strong (photo credits, license notices, citation codes) drop a
short prose line. Cues of role edge/head count only above the first prose line or below the last one.
Inside a kept line, newspaper page jumps ((下转第3版), (上接第1版)) and printed page numbers (— 3 —) are cut
out (rules/chrome_fragments.tsv) and the two halves of a sentence split by a page jump are joined; a
short linked term a web page put on a line of its own (推进\n光谷科创大走廊\n建设...) is joined back
into its sentence. Footnote markers ([12]) are report text.
Rules match the simplified `matching_view`, so traditional-character pages are handled alike.
The phrasings are rules/*.tsv lists: page_metadata_labels, chrome_lines (roles footer, edge, head, strong,
block), chrome_fragments, issuing_bodies.
"""
import re
from dataclasses import dataclass, field

from . import phrases
from .normalize import matching_view

# Page metadata: "label: value" pairs a government page prints above the article (rules/page_metadata_labels.tsv).
# Labels may be spaced out (索 引 号, 文   号), numbered (1. 发布机构:) and several may share a line.
METADATA_LABELS = {label: column or None for label, column in phrases.pairs("page_metadata_labels", "column")}
_LABEL_ALT = "|".join(f"(?:{p})" for p in METADATA_LABELS)
# a metadata line: optional list number, then label, colon, value; the line holds only such pairs
_METADATA_LINE = re.compile(rf"^\s*(?:\d+\.\s*)?(?:{_LABEL_ALT})\s*:")
_PAIR = re.compile(rf"(?:\d+\.\s*)?({_LABEL_ALT})\s*:\s*(.*?)(?=\s+(?:\d+\.\s*)?(?:{_LABEL_ALT})\s*:|\s+字体|$)")

# Chrome phrasings, each seen on a report page (rules/chrome_lines.tsv; simplified forms; matched anywhere in a line).
_ROLES = {r.entry: set(r["roles"].split()) for r in phrases.rules("chrome_lines")}
CHROME = [p for p, roles in _ROLES.items() if not roles & {"edge", "head"}]  # anywhere on the page
# matched as two patterns, those anchored at the line start and the rest (the same lines, faster)
_CHROME_AT_START = re.compile("|".join(f"(?:{p})" for p in CHROME if p.startswith("^")), re.IGNORECASE)
_CHROME_ANYWHERE = re.compile("|".join(f"(?:{p})" for p in CHROME if not p.startswith("^")), re.IGNORECASE)
EDGE = re.compile(phrases.tagged("chrome_lines", "edge"), re.IGNORECASE)  # above the first or below the last prose line
HEAD = re.compile(phrases.tagged("chrome_lines", "head"), re.IGNORECASE)  # above the first prose line only
STRONG = re.compile(phrases.tagged("chrome_lines", "strong"), re.IGNORECASE)  # even on a short prose line
BLOCK = re.compile(phrases.tagged("chrome_lines", "block"), re.IGNORECASE)  # heads a link list
STRONG_MAX = 200  # a strong cue drops a prose line at most this long
# Fragments cut out of a kept line (rules/chrome_fragments.tsv): page jumps (roles to/from) and page numbers.
FRAGMENT = re.compile("|".join(f"(?:{p})" for p in phrases.entries("chrome_fragments")))
JUMP_TO = re.compile(phrases.tagged("chrome_fragments", "to"))
JUMP_FROM = re.compile(phrases.tagged("chrome_fragments", "from"))
# Footer markers (role footer): from the first of these near the end of a page, nothing is report text.
FOOTER = re.compile(phrases.tagged("chrome_lines", "footer"), re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。!?;:”\"]\s*$")
_DATE_LINE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
SHORT = 12  # a link label or counter is at most this many characters
LINK_LINE = 60  # a line in a link list above a footer is at most this long


@dataclass
class Cleaned:
    text: str  # the report text with chrome and metadata lines removed
    metadata: dict = field(default_factory=dict)  # documents columns read from metadata lines
    dropped: list = field(default_factory=list)  # (line number, line, reason) for auditing


def is_metadata_line(line):
    return bool(_METADATA_LINE.match(line))


def is_chrome_line(line):
    """The line holds a chrome cue that counts anywhere on a page (prose or not: see `is_prose`)."""
    return bool(_CHROME_AT_START.match(line) or _CHROME_ANYWHERE.search(line))


_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_MARK = re.compile(r"[\u4e00-\u9fff\d%”)][。!?;]")  # a sentence ends after a word
_CLAUSE_MARK = re.compile(r"[\u4e00-\u9fff\d%”)][,、][\u4e00-\u9fff“(]")  # a clause break between words
PROSE_CJK = 8  # a prose line has at least this many Chinese characters
PROSE_CLAUSE = 15  # with this many Chinese characters, one clause break between words makes prose
LONG_LINE = 300  # a line this long is report text whatever it holds


def is_prose(line):
    """A line of sentences: Chinese words with a sentence end after a word, or clause breaks between words
    (two, or one in a line of PROSE_CLAUSE Chinese characters: a PDF line that stops mid-sentence), or any
    line of LONG_LINE characters. Chrome is labels, links and
    counters; a prose line is never dropped as chrome (the strong cues aside)."""
    s = line.strip()
    if len(s) >= LONG_LINE:
        return True
    if len(_CJK.findall(s)) < PROSE_CJK:
        return False
    clauses = len(_CLAUSE_MARK.findall(s))
    return bool(_SENTENCE_MARK.search(s)) or clauses >= 2 or (clauses == 1 and len(_CJK.findall(s)) >= PROSE_CLAUSE)


def metadata_pairs(view, line=None):
    """[(column, value)] for each label: value pair on a metadata line (column None = unused).

    Labels are matched in the simplified `view`; values are taken from the `line` as written."""
    line = view if line is None else line
    pairs = []
    for m in _PAIR.finditer(view):
        label = re.sub(r"\s+", "", m.group(1))
        column = next((c for p, c in METADATA_LABELS.items() if re.fullmatch(p, label)), None)
        pairs.append((column, line[m.start(2):m.end(2)].strip()))
    return pairs


_STAMP = re.compile(r"^[\d\s:/.-]+$")  # a bare date or time stamp: 2019-3-11 08:54


# a title (政府工作报告, 政 府 工 作 报 告, ...规划) is never a fragment between chrome lines (rules/title_endings.tsv)
_TITLE = phrases.compiled("title_endings", r"{}(?:\([^()]{1,16}\))?\s*$")


def _is_short(line):
    s = line.strip()
    return bool(s) and (len(s) <= SHORT or _STAMP.match(s)) and not _SENTENCE_END.search(s) \
        and not _TITLE.search(re.sub(r"\s+", "", s))


def _footer_start(lines, view, prose):
    """Index of the first line of the page footer, or len(lines) when there is none: the first non-prose
    line with a footer marker in the last 40% of the page, with no long prose line below it."""
    tail_from = int(len(lines) * 0.6)
    body_end = max((i for i in range(len(lines)) if prose[i] and len(lines[i].strip()) > LINK_LINE), default=-1)
    start = next((i for i in range(max(tail_from, body_end + 1), len(lines))
                  if not prose[i] and FOOTER.search(view[i])), None)
    if start is None:
        return len(lines)
    # walk up over link lists and banners right above the footer
    while start > 0:
        s = lines[start - 1].strip()
        if not s:
            start -= 1
            continue
        if _SENTENCE_END.search(s) or len(s) > LINK_LINE or _DATE_LINE.match(s) or _looks_like_signature(s) \
                or prose[start - 1]:
            break
        start -= 1
    return start


ISSUING_BODY_AT_END = phrases.compiled("issuing_bodies", "{}$")


def _looks_like_signature(line):
    """An issuing body under a notice: 武汉市人民政府, XX办公室 (kept as report text)."""
    return bool(ISSUING_BODY_AT_END.search(line.strip()))


def clean(text):
    """Split width-normalized `text` into report text and page metadata; see the module docstring."""
    lines = text.split("\n")
    view = matching_view(text).split("\n")
    prose = [is_prose(v) for v in view]
    first = next((i for i, p in enumerate(prose) if p), len(lines))  # the body runs from the first prose line
    last = max((i for i, p in enumerate(prose) if p), default=-1)  # to the last one
    reason = [None] * len(lines)
    footer = _footer_start(lines, view, prose)
    for i in range(footer, len(lines)):
        reason[i] = "footer"
    metadata = {}
    head_limit = max(15, len(lines) // 5)  # page metadata sits above the article
    for i in range(footer):
        v = view[i]
        if i < head_limit and is_metadata_line(v):
            reason[i] = "metadata"
            for column, value in metadata_pairs(v, lines[i]):
                if column and value and column not in metadata:
                    metadata[column] = value
        elif prose[i]:
            if len(v.strip()) <= STRONG_MAX and STRONG.search(v):
                reason[i] = "chrome"
        elif is_chrome_line(v) or ((i < first or i > last) and EDGE.search(v)) or (i < first and HEAD.search(v)):
            reason[i] = "chrome"
    _drop_link_lists(lines, view, prose, reason)
    _drop_fragments_between_chrome(lines, reason)
    pieces, cut, jumps = _cut_fragments(lines, view, reason)
    _drop_running_headers(lines, view, prose, reason, jumps, first)
    _drop_labels_over_dropped_tail(lines, reason, last)
    kept = [(i, pieces.get(i, line)) for i, line in enumerate(lines) if reason[i] is None]
    dropped = [(i, line, r) for i, (line, r) in enumerate(zip(lines, reason)) if r and line.strip()]
    return Cleaned(_join(kept, jumps), metadata, sorted(dropped + cut, key=lambda d: d[0]))


def _drop_link_lists(lines, view, prose, reason):
    """Under a link-list heading (role block: 相关报道, 延伸阅读), the short non-prose lines are links."""
    for i, v in enumerate(view):
        if reason[i] is None or not BLOCK.search(v):
            continue
        for j in range(i + 1, min(len(lines), i + 1 + LINK_LIST)):
            s = lines[j].strip()
            if not s:
                continue
            if prose[j] or len(s) > LINK_LINE or _HEADING.match(view[j]) or reason[j] == "metadata":
                break
            reason[j] = reason[j] or "chrome"


LINK_LIST = 20  # a link list under its heading is at most this many lines
_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\(\s*[一二三四五六七八九十]+\s*\)|第[一二三四五六七八九十]+[章部篇节])")
_SPACED_OUT = re.compile(r"^\s*(?:[\u4e00-\u9fff]\s+){3,}[\u4e00-\u9fff]\s*$")  # 政 府 工 作 报 告
HEADER_MAX = 20  # a running page header is at most this long


def _cut_fragments(lines, view, reason):
    """Cut page jumps and page numbers out of the kept lines (rules/chrome_fragments.tsv).

    Returns ({line number: the line without them}, [(line number, fragment, "page jump")], jumps) where
    jumps = {"to": line numbers that ended with a continued-on jump, "from": lines that started with a
    continued-from jump}. A line left blank is dropped (reason page jump)."""
    pieces, cut, jumps = {}, [], {"to": set(), "from": set()}
    for i, v in enumerate(view):
        if reason[i] is not None or not FRAGMENT.search(v):
            continue
        if JUMP_TO.search(v):
            jumps["to"].add(i)
        if JUMP_FROM.search(v):
            jumps["from"].add(i)
        kept, at = [], 0
        for m in FRAGMENT.finditer(v):
            kept.append(lines[i][at:m.start()])
            cut.append((i, lines[i][m.start():m.end()].strip(), "page jump"))
            at = m.end()
        kept.append(lines[i][at:])
        rest = "".join(kept)
        if rest.strip():
            pieces[i] = rest
        else:
            reason[i] = "page jump"
            cut = [c for c in cut if c[0] != i]
    return pieces, cut, jumps


def _drop_running_headers(lines, view, prose, reason, jumps, first):
    """A newspaper's page header (政 府 工 作 报 告) standing alone in the body: a short non-prose line right
    after a line that jumps to another page or right before one that comes from one, or a spaced-out
    header cutting a sentence in two (the line above stops without a sentence end)."""
    nonblank = [i for i, line in enumerate(lines) if line.strip() and reason[i] is None]
    for k, i in enumerate(nonblank):
        s = lines[i].strip()
        if prose[i] or len(s) > HEADER_MAX:
            continue
        before = nonblank[k - 1] if k else None
        after = nonblank[k + 1] if k + 1 < len(nonblank) else None
        if before in jumps["to"] or after in jumps["from"]:
            reason[i] = "page header"
        elif i > first and _SPACED_OUT.match(view[i]) and before is not None and prose[before] \
                and not _SENTENCE_END.search(lines[before].rstrip()):
            reason[i] = "page header"


TERM_MAX = 20  # a linked term on its own line is at most this long
_TERM = re.compile(r"^[\u4e00-\u9fff\w·]+$")  # words only: no punctuation, no space
_OPEN_END = re.compile(r"[\u4e00-\u9fff]$")  # a line that stops after a word, mid-sentence
_WORD_START = re.compile(r"^[\u4e00-\u9fff]")


def _join(kept, jumps):
    """The kept lines as text, with (1) the two halves of a sentence a page jump split joined into one line
    (the blank lines between them go) and (2) a linked term a web page put on a line of its own joined to
    the lines around it: "推进\n光谷科创大走廊\n建设..." -> "推进光谷科创大走廊建设..." when the line above
    is a clause of prose that stops after a word, the term is a few words with no punctuation or space,
    and the line below goes on with a word."""
    out = []  # [(original line number, text)]
    for i, text in kept:
        if out and i in jumps["from"]:
            j = len(out) - 1
            while j >= 0 and not out[j][1].strip():
                j -= 1
            if j >= 0 and out[j][0] in jumps["to"]:
                out[j:] = [(i, out[j][1] + text.lstrip())]
                continue
        out.append((i, text))
    lines = [text for _, text in out]
    k = 1
    while k + 1 < len(lines):
        above, term, below = lines[k - 1], lines[k].strip(), lines[k + 1]
        if (len(term) <= TERM_MAX and _TERM.match(term) and not _HEADING.match(term)
                and _OPEN_END.search(above) and is_prose(above) and not _HEADING.match(above)
                and not above.lstrip().startswith("——")
                and _WORD_START.match(below) and is_prose(below)):
            lines[k - 1:k + 2] = [above + term + below]
            continue
        k += 1
    return "\n".join(lines)


def _drop_labels_over_dropped_tail(lines, reason, last):
    """After the last prose line, a short label whose lines below are all dropped (附件: over nothing but download
    links) is chrome too; a signature or a date line stays."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    below_dropped = False
    for i in reversed(nonblank):
        if reason[i]:
            below_dropped = True
            continue
        if i <= last or not below_dropped or len(lines[i].strip()) > SHORT or _looks_like_signature(lines[i]) \
                or _DATE_LINE.match(lines[i]):
            return
        reason[i] = "chrome"


def _drop_fragments_between_chrome(lines, reason):
    """A run of short fragments (counters, user names, link labels) whose nearest non-blank
    neighbours above and below are both dropped lines is chrome too."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    k = 0
    while k < len(nonblank):
        if reason[nonblank[k]] or not _is_short(lines[nonblank[k]]):
            k += 1
            continue
        end = k
        while end + 1 < len(nonblank) and not reason[nonblank[end + 1]] and _is_short(lines[nonblank[end + 1]]):
            end += 1
        if k > 0 and end + 1 < len(nonblank) and reason[nonblank[k - 1]] and reason[nonblank[end + 1]]:
            for j in range(k, end + 1):
                reason[nonblank[j]] = "chrome"
        k = end + 1
