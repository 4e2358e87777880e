"""Drop web-page chrome and page-metadata lines, keeping every other character of the report.

Works on whole lines of the width-normalized text. A line is dropped when it is
- page metadata (索引号, 发布机构, 发文日期, 文号, ...): its fields go to the documents row;
- chrome: navigation, font and print widgets, view counters, forum furniture, download-site
  banners, footers (版权所有, ICP备案, 主办单位, ...);
- a short fragment (a counter, a link label) between two chrome lines, or in the link lists that
  sit right above a page footer.
Rules match the simplified `matching_view`, so traditional-character pages are handled alike.
The phrasings are rules/*.tsv lists: page_metadata_labels, chrome_lines (footer markers: role footer), issuing_bodies.
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
CHROME = phrases.entries("chrome_lines")
# matched as two patterns, those anchored at the line start and the rest (the same lines, faster)
_CHROME_AT_START = re.compile("|".join(f"(?:{p})" for p in CHROME if p.startswith("^")), re.IGNORECASE)
_CHROME_ANYWHERE = re.compile("|".join(f"(?:{p})" for p in CHROME if not p.startswith("^")), re.IGNORECASE)
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
    return bool(_CHROME_AT_START.match(line) or _CHROME_ANYWHERE.search(line))


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


def _is_short(line):
    s = line.strip()
    return bool(s) and (len(s) <= SHORT or _STAMP.match(s)) and not _SENTENCE_END.search(s)


def _footer_start(lines, view):
    """Index of the first line of the page footer, or len(lines) when there is none."""
    tail_from = int(len(lines) * 0.6)
    start = next((i for i in range(tail_from, len(lines)) if FOOTER.search(view[i])), None)
    if start is None:
        return len(lines)
    # walk up over link lists and banners right above the footer
    while start > 0:
        s = lines[start - 1].strip()
        if not s:
            start -= 1
            continue
        if _SENTENCE_END.search(s) or len(s) > LINK_LINE or _DATE_LINE.match(s) or _looks_like_signature(s):
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
    reason = [None] * len(lines)
    footer = _footer_start(lines, view)
    for i in range(footer, len(lines)):
        reason[i] = "footer"
    metadata = {}
    head_limit = max(15, len(lines) // 5)  # page metadata sits above the article
    for i in range(footer):
        if i < head_limit and is_metadata_line(view[i]):
            reason[i] = "metadata"
            for column, value in metadata_pairs(view[i], lines[i]):
                if column and value and column not in metadata:
                    metadata[column] = value
        elif is_chrome_line(view[i]):
            reason[i] = "chrome"
    _drop_fragments_between_chrome(lines, reason)
    kept = [line for line, r in zip(lines, reason) if r is None]
    dropped = [(i, line, r) for i, (line, r) in enumerate(zip(lines, reason)) if r and line.strip()]
    return Cleaned("\n".join(kept), metadata, dropped)


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
