"""Split a normalized report into its section tree.

A section starts at a heading and runs to the next one; the root section holds the text before
the first heading. Sections tile the text: every character is in exactly one section, and
``text`` is the exact slice of the normalized text from the end of the heading to ``char_end``.

Headings (SPEC.md), matched on the simplified `matching_view` of each line:
- level 1: 一、 二、 (also 第一章, 第一篇) and unnumbered structural headings on their own line;
- level 2: (一) (二) (also 第一节);
- level 3: 1. 2. 1、 (not 1.5亿元);
- level 4: (1) (2).
A numbered heading that runs on into body text ends at the first 。 or : ("(一)经济总量稳步提升。强基固本,..."),
or at its first comma when that would make it longer than MAX_RUN_IN characters.
A label that follows 。 or : and a space inside a line (text whose line breaks were lost) also
starts a heading; that heading also ends at the first space.

Layouts:
- unnumbered part headings: a report whose top level is unnumbered parts (2023年工作回顾, 2024年工作安排,
  加强政府自身建设) with 一、 headings inside them: when an unnumbered part heading (rules/unnumbered_headings.tsv,
  kind part) comes before the first 一、, every numbered heading goes one level deeper (一、 2, (一) 3, 1. 4,
  (1) 5), and a short line standing alone between paragraphs, without sentence punctuation, holding a part
  cue (rules/part_cues.tsv: 工作回顾, 目标任务, 政府自身建设) is a level-1 part heading too;
- one-line files (a whole report on one or a few lines): a label after a sentence end starts a heading,
  spaces or not, when its number continues the series of its level (一、 二、 三、; (一) restarts under each 一、);
- footnote markers ([12], ①) after a heading are not part of it; page footers (— 3 —) are never headings.
"""
import re
from dataclasses import dataclass

from . import phrases
from .ids import OccurrenceCounter, row_id
from .normalize import matching_view
from .numbers import parse_number

CN_NUM = "一二三四五六七八九十百零〇"
# (pattern of the label at the start of the line, level); the first that matches wins
LABELS = [
    (re.compile(rf"第[{CN_NUM}]+[篇章](?=\S)\s*"), 1),  # 第一章 开启新篇章 (plans)
    (re.compile(rf"第[{CN_NUM}]+节(?=\S)\s*"), 2),  # 第一节 发展基础
    (re.compile(rf"[{CN_NUM}]+、"), 1),  # 一、 二、
    (re.compile(rf"\([{CN_NUM}]+\)"), 2),  # (一) (二)
    (re.compile(r"\d{1,2}(?:\.(?!\d)|、)"), 3),  # 1. 2. 1、 but not 1.5
    (re.compile(r"\(\d{1,2}\)"), 4),  # (1) (2)
]
# Unnumbered structural headings (rules/unnumbered_headings.tsv): a whole line (a trailing colon allowed)
# matching one of these: 2018年工作回顾, 过去五年工作回顾, 名词解释, 附件, 前言
UNNUMBERED = re.compile("|".join(f"(?:{p})" for p in phrases.entries("unnumbered_headings")))
PART_UNNUMBERED = phrases.compiled("unnumbered_headings", kind="part")  # 2023年工作回顾: a part of the report
# words that make a short line standing alone a part heading (rules/part_cues.tsv): 工作安排, 政府自身建设
PART_CUE = phrases.compiled("part_cues")
SENTENCE_MARKS = re.compile(r"[。,;:!?、]")  # a part heading has none of these (a trailing colon aside)
PARAGRAPH_END = "。!?:;”\"'"  # the line before a part heading ends a paragraph
# a footnote marker after a heading or a number: [12] ［3］ ① 〔4〕
NOTE = re.compile(r"(?:\s*(?:[\[［〔]\d{1,3}[\]］〕]|[\u2460-\u2473\u2776-\u277f]))+")
# a page footer or page number standing alone: — 3 —, - 12 -, 第3页
FOOTER = re.compile(r"[\s\-—–_·]*(?:第\s*\d+\s*页|\d{1,3})(?:\s*/\s*\d+)?[\s\-—–_·]*")
ONE_LINE_MIN = 1000  # a line this long in a text of at most ONE_LINE_LINES lines: a file whose line breaks were lost
ONE_LINE_LINES = 5
HEADING_END = "。:!?"  # a run-in heading ends at the first of these
MAX_UNNUMBERED = 30  # an unnumbered heading line is at most this long
MAX_RUN_IN = 40  # a run-in heading longer than this ends at its first comma instead
# inside a line: 。 or : then whitespace, then a label, marks a lost line break
INLINE_BREAK = re.compile(r"(?<=[。:])\s+(?=" + "|".join(p.pattern for p, _ in LABELS[2:]) + ")")
# in a one-line file: a sentence end, any spaces, then a label
ONE_LINE_BREAK = re.compile(r"(?<=[。:;!?])\s*(?=" + "|".join(p.pattern for p, _ in LABELS[2:]) + ")")


@dataclass
class Heading:
    start: int  # where the section starts (the start of the line, or the label for inline headings)
    body_start: int  # where its body text starts
    level: int
    label: str
    heading: str
    kind: str = "numbered"  # numbered | part (an unnumbered part heading) | cue (a part by its cue) | other


def _numbered(line, view, offset, inline, one_line=False):
    """A Heading for a numbered heading at the start of `line` (at `offset` in the text), or None."""
    stripped = len(view) - len(view.lstrip())
    for pattern, level in LABELS:
        m = pattern.match(view, stripped)
        if not m:
            continue
        rest_start = m.end()
        rest = view[rest_start:]
        stop = len(rest)
        for ch in HEADING_END:
            i = rest.find(ch)
            if i != -1:
                stop = min(stop, i)
        part = UNNUMBERED.match(rest) if one_line else None
        if part and PART_UNNUMBERED.fullmatch(part.group(0)) and part.end() < stop:
            stop = part.end()  # 一、2023年工作回顾过去一年,... in a one-line file: the part heading ends there
        elif inline:
            space = re.search(r"\s", rest[:stop])
            stop = space.start() if space else stop
        if stop < len(rest) and stop > MAX_RUN_IN and "," in rest[:stop] and (not inline or one_line):
            stop = rest.index(",")  # a run-in heading longer than a heading: it ends at its first comma
        note = NOTE.search(rest[:stop].rstrip())
        shown = note.start() if note and note.end() == len(rest[:stop].rstrip()) else stop
        heading = line[rest_start:rest_start + shown].strip()
        if not heading:
            return None
        body = rest_start + stop + (1 if stop < len(rest) and rest[stop] in HEADING_END else 0)
        return Heading(offset, offset + body, level, line[stripped:m.end()].strip(), heading)
    return None


def _without_note(s):
    """The line without footnote markers at its end: 2023年工作回顾[1] -> 2023年工作回顾."""
    s = s.strip()
    m = NOTE.search(s)
    while m and m.end() == len(s):
        s = s[:m.start()].rstrip()
        m = NOTE.search(s)
    return s


def _unnumbered(line, view, offset):
    s = _without_note(view).rstrip(":")
    if 0 < len(s) <= MAX_UNNUMBERED and UNNUMBERED.fullmatch(s):
        kind = "part" if PART_UNNUMBERED.fullmatch(s) else "other"
        return Heading(offset, offset + len(line), 1, "", _without_note(line).rstrip(":：").strip(), kind)
    return None


def _blank(view):
    """A line that separates paragraphs: empty, or a page footer (— 3 —)."""
    return not view.strip() or bool(FOOTER.fullmatch(view))


def _part_by_cue(lines, i):
    """Line i as a part heading by its cue (加强政府自身建设): short, no sentence punctuation, standing alone
    between paragraphs."""
    offset, line, vline = lines[i]
    s = _without_note(vline)
    if not (0 < len(s) <= MAX_UNNUMBERED) or SENTENCE_MARKS.search(s) or not PART_CUE.search(s):
        return None
    before = next((v for _, _, v in reversed(lines[:i]) if not _blank(v)), None)
    after = next((v for _, _, v in lines[i + 1:] if not _blank(v)), None)
    if after is None or (before is not None and before.rstrip()[-1] not in PARAGRAPH_END):
        return None
    return Heading(offset, offset + len(line), 1, "", _without_note(line), "cue")


def _label_number(label):
    """The number of a heading's label (二、 -> 2, (3) -> 3), or None."""
    digits = re.sub(r"[^0-9" + CN_NUM + "]", "", label)
    try:
        return int(parse_number(digits)) if digits else None
    except ValueError:
        return None


def _in_series(found, h):
    """Whether an inline heading of a one-line file continues the series of its level: 一、 first, 二、 after
    一、; (一) again under each 一、 (so 。一、二、三产业融合发展 in the middle of part 二 is no heading)."""
    n = _label_number(h.label)
    last = None
    for prev in reversed(found):
        if prev.level < h.level:
            break
        if prev.level == h.level:
            last = _label_number(prev.label)
            break
    return n is not None and n == (1 if last is None else last + 1)


def _one_line(lines):
    """Whether the text is a report whose line breaks were lost: a few lines, one of them very long."""
    full = [line for _, line, _ in lines if line.strip()]
    return bool(full) and len(full) <= ONE_LINE_LINES and max(map(len, full)) >= ONE_LINE_MIN


def find_headings(text, view=None):
    """Every heading in the normalized `text`, in order; `view` is its matching_view, if already made."""
    view = matching_view(text) if view is None else view
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line, view[offset:offset + len(line)]))
        offset += len(line) + 1
    one_line = _one_line(lines)
    headings = []
    for i, (offset, line, vline) in enumerate(lines):
        if _blank(vline) and vline.strip():
            continue  # a page footer: never a heading
        breaks = ONE_LINE_BREAK if one_line and len(line) >= ONE_LINE_MIN else INLINE_BREAK
        pieces = [0] + [m.end() for m in breaks.finditer(vline)]
        for k, start in enumerate(pieces):
            end = pieces[k + 1] if k + 1 < len(pieces) else len(line)
            h = _numbered(line[start:end], vline[start:end], offset + start, inline=k > 0, one_line=one_line)
            if h and k > 0 and breaks is ONE_LINE_BREAK and not _in_series(headings, h):
                h = None
            if h is None and k == 0 and len(pieces) == 1:
                h = _unnumbered(line, vline, offset) or _part_by_cue(lines, i)
            if h:
                if h.body_start >= offset + len(line):  # a heading alone on its line: body starts below
                    h.body_start = min(offset + len(line) + 1, len(text))
                headings.append(h)
    return _by_parts(headings)


def _by_parts(headings):
    """Levels for a report whose top level is unnumbered parts: when an unnumbered part heading comes before
    the first 一、, the numbered headings are inside the parts and go one level deeper, and lines that are
    parts by their cue (加强政府自身建设) are level-1 parts too; otherwise those lines are no headings."""
    first_numbered = next((n for n, h in enumerate(headings) if h.kind == "numbered" and h.level == 1),
                          len(headings))
    by_parts = any(h.kind == "part" for h in headings[:first_numbered])
    if not by_parts:
        return [h for h in headings if h.kind != "cue"]
    for h in headings:
        if h.kind == "numbered":
            h.level += 1
    return headings


def build_sections(document_id, text, view=None):
    """Section rows (dicts with the SECTIONS columns plus body_start) for one normalized document;
    `view` is its matching_view, if already made."""
    headings = find_headings(text, view)
    occurrence = OccurrenceCounter()
    first = headings[0].start if headings else len(text)
    root = _row(document_id, occurrence, (), None, 0, "", "", text, 0, 0, first, 0)
    rows, stack = [root], [root]
    for n, h in enumerate(headings, start=1):
        end = headings[n].start if n < len(headings) else len(text)
        while stack[-1]["level"] >= h.level:
            stack.pop()
        parent = stack[-1]
        key = parent["_key"] + ((h.label, h.heading),)
        row = _row(document_id, occurrence, key, parent, h.level, h.label, h.heading, text, n, h.start, end,
                   h.body_start)
        rows.append(row)
        stack.append(row)
    for row in rows:
        del row["_key"]
    return rows


def _row(document_id, occurrence, key, parent, level, label, heading, text, ordinal, start, end, body_start):
    body_start = min(max(body_start, start), end)
    path = "/".join(label or heading for label, heading in key)
    return {
        "id": row_id(document_id, "s", *[f"{lb}{hd}" for lb, hd in key], occurrence=occurrence(key)),
        "document_id": document_id,
        "parent_id": parent["id"] if parent else None,
        "level": level,
        "label": label,
        "heading": heading,
        "text": text[body_start:end],
        "ordinal": ordinal,
        "path": path,
        "char_start": start,
        "char_end": end,
        "body_start": body_start,
        "_key": key,
    }
