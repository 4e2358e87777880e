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
"""
import re
from dataclasses import dataclass

from . import phrases
from .ids import OccurrenceCounter, row_id
from .normalize import matching_view

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
HEADING_END = "。:!?"  # a run-in heading ends at the first of these
MAX_UNNUMBERED = 30
MAX_RUN_IN = 40  # a run-in heading longer than this ends at its first comma instead  # an unnumbered heading line is at most this long
# inside a line: 。 or : then whitespace, then a label, marks a lost line break
INLINE_BREAK = re.compile(r"(?<=[。:])\s+(?=" + "|".join(p.pattern for p, _ in LABELS[2:]) + ")")


@dataclass
class Heading:
    start: int  # where the section starts (the start of the line, or the label for inline headings)
    body_start: int  # where its body text starts
    level: int
    label: str
    heading: str


def _numbered(line, view, offset, inline):
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
        if inline:
            space = re.search(r"\s", rest[:stop])
            stop = space.start() if space else stop
        elif stop < len(rest) and stop > MAX_RUN_IN and "," in rest[:stop]:
            stop = rest.index(",")  # a run-in heading longer than a heading: it ends at its first comma
        heading = line[rest_start:rest_start + stop].strip()
        if not heading:
            return None
        body = rest_start + stop + (1 if stop < len(rest) and rest[stop] in HEADING_END else 0)
        return Heading(offset, offset + body, level, line[stripped:m.end()].strip(), heading)
    return None


def _unnumbered(line, view, offset):
    s = view.strip().rstrip(":")
    if 0 < len(s) <= MAX_UNNUMBERED and UNNUMBERED.fullmatch(s):
        return Heading(offset, offset + len(line), 1, "", line.strip().rstrip(":"))
    return None


def find_headings(text, view=None):
    """Every heading in the normalized `text`, in order; `view` is its matching_view, if already made."""
    view = matching_view(text) if view is None else view
    headings = []
    offset = 0
    for line in text.split("\n"):
        vline = view[offset:offset + len(line)]
        pieces = [0] + [m.end() for m in INLINE_BREAK.finditer(vline)]
        for k, start in enumerate(pieces):
            end = pieces[k + 1] if k + 1 < len(pieces) else len(line)
            h = _numbered(line[start:end], vline[start:end], offset + start, inline=k > 0)
            if h is None and k == 0 and len(pieces) == 1:
                h = _unnumbered(line, vline, offset)
            if h:
                if h.body_start >= offset + len(line):  # a heading alone on its line: body starts below
                    h.body_start = min(offset + len(line) + 1, len(text))
                headings.append(h)
        offset += len(line) + 1
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
