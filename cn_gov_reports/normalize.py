"""Character-level normalization, the first thing every report goes through after decoding.

The normalized text is what every offset in the tables points into. Normalization is:

1. line ends: CRLF and lone CR become LF;
2. full-width ASCII forms (U+FF01-U+FF5E, e.g. ，：（１）) become their ASCII twins (, : (1));
3. the ideographic space U+3000 and no-break space U+00A0 become a plain space;
4. zero-width characters (U+200B-U+200D, U+2060, U+FEFF) are removed;
5. a report written on one line (no line breaks: one line holds nearly all the text) is split into
   lines at its structural points (rules/one_line_breaks.tsv: after a sentence end, before 各位代表 and
   before a numbered heading such as 一、 or (一), after the venue line ...): the first character of the
   whitespace run there becomes a line break, so the text keeps its length and every character;
6. then chrome.clean drops the chrome and page-metadata lines, cuts newspaper page jumps and printed page
   numbers out of the lines they sit in ((下转第3版), (上接第1版), — 3 —), joining the two halves of a sentence
   a page jump split, and joins a linked term a web page put on its own line back into its sentence
   (see chrome.py).

Nothing else changes: traditional characters, ASCII or Chinese punctuation (。、“”), indentation,
footnote markers ([12]) and line breaks inside sentences are kept as written.

`matching_view` gives a same-length simplified-Chinese copy that rules match against, so a
traditional-character report is processed like a simplified one while rows quote the original.
"""
import functools
import os
import re

_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20})
_ZERO_WIDTH = dict.fromkeys([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])
# the same tables as patterns: a regex finds the few characters to change (about one in thirty of a report)
# in C, where str.translate looks every character up in the table (on the 1000x corpus the two translations
# took 8x the time of these two substitutions)
_WIDTH_CHARS = {chr(cp): chr(to) for cp, to in _WIDTH.items()}
_WIDTH_FOUND = re.compile("[" + "".join(map(re.escape, _WIDTH_CHARS)) + "]")
_ZERO_WIDTH_FOUND = re.compile("[" + "".join(map(chr, _ZERO_WIDTH)) + "]")


def normalize(text):
    """Apply steps 1-5 above."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _WIDTH_FOUND.sub(lambda m: _WIDTH_CHARS[m.group()], text)
    return split_one_line(_ZERO_WIDTH_FOUND.sub("", text))


ONE_LINE = 500  # a line this long that holds ONE_LINE_SHARE of the text makes a one-line report
ONE_LINE_SHARE = 0.8
HEADING_MAX = 40  # a heading ends at the first whitespace within this many characters (before any 。)


@functools.lru_cache(maxsize=1)
def _one_line_breaks():
    from . import phrases

    rules = phrases.rules("one_line_breaks")
    after = "|".join(f"(?:{r.entry})" for r in rules if r["side"] == "after")
    before = "|".join(f"(?:{r.entry})" for r in rules if r["side"] == "before")
    heading = "|".join(f"(?:{r.entry})" for r in rules if "heading" in r["roles"].split())
    return (re.compile(rf"(?:{after})(?P<after>[ \t]+)|(?P<before>[ \t]+)(?=(?:{before}))"),
            re.compile(rf"(?:{heading})[^\s。]{{1,{HEADING_MAX}}}?(?=[ \t])"))


def is_one_line(text):
    """True when one line holds nearly all of the text (a report written without line breaks)."""
    longest = max(text.split("\n"), key=len, default="")
    return len(longest) >= ONE_LINE and len(longest) >= ONE_LINE_SHARE * len(text.strip())


def split_one_line(text):
    """Step 5: a one-line report split into lines at its structural points; any other text as it is."""
    if not is_one_line(text):
        return text
    breaks, heading = _one_line_breaks()
    lines = []
    for line in text.split("\n"):
        if len(line) >= ONE_LINE:
            line = breaks.sub(_break, line)
            # the whitespace that ends a heading line (一、本届政府工作回顾 本届政府自...)
            line = "\n".join(_end_heading(part, heading) for part in line.split("\n"))
        lines.append(line)
    return "\n".join(lines)


def _break(m):
    """The match with the first character of its whitespace run turned into a line break."""
    k = m.start("after" if m.group("after") else "before") - m.start()
    return m.group(0)[:k] + "\n" + m.group(0)[k + 1:]


def _end_heading(part, heading):
    """A line starting with a short heading, then whitespace: that whitespace's first character becomes a break."""
    m = heading.match(part)
    if not m or m.end() >= len(part):
        return part
    return part[:m.end()] + "\n" + part[m.end() + 1:]


@functools.lru_cache(maxsize=1)
def _traditional_to_simplified():
    """A one-character-to-one-character table from OpenCC's TSCharacters dictionary."""
    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    table = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and len(parts[0]) == 1:
                target = parts[1].split(" ")[0]
                if len(target) == 1 and target != parts[0]:
                    table[ord(parts[0])] = target
    return table


def matching_view(text):
    """The text with traditional characters replaced one-for-one by simplified ones.

    Same length as `text`, so an offset found in the view is an offset in the text. A text with no
    traditional character (most reports) comes back as it is, which is cheaper to find out than to translate."""
    if set(text).isdisjoint(_traditional_characters()):
        return text
    return text.translate(_traditional_to_simplified())


@functools.lru_cache(maxsize=1)
def _traditional_characters():
    return frozenset(map(chr, _traditional_to_simplified()))


SENTENCE_END = "。!?;"  # what ends a sentence in these reports (after normalization)
_COLLAPSE = re.compile(r"\s+")


def squeeze(text):
    """The text without any whitespace: for comparing phrases across PDF line breaks."""
    return _COLLAPSE.sub("", text)
