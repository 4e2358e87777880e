"""Split section bodies into sentences.

A sentence ends
- after 。 ! ? ; (normalize.SENTENCE_END), together with any closing quotes or brackets right after it;
- at a line break that closes a paragraph: the line ends in sentence punctuation or a colon, the next
  line is blank, or the next line is indented or starts with a dash (a new paragraph).
A line break inside a sentence (PDF text like "同比增\\n长 14.5%") does not end it: a line that does not
end in sentence punctuation and is followed by a non-blank line continues into that line.
Sentences never cross section boundaries: each section body is split on its own.
Leading and trailing whitespace is not part of a sentence.
"""
import re

from .normalize import SENTENCE_END

CLOSERS = "”’」』)】》\"'"  # closing quotes and brackets that belong to the sentence before them
LINE_END = SENTENCE_END + ":"  # a line ending in one of these closes its paragraph
# a line starting like this begins a new paragraph: indentation (two spaces or a tab) or a dash lead-in (——)
NEW_PARAGRAPH = re.compile(r"(?:[ \t]{2,}|\t|——|-{2})")


def _break_ends_sentence(text, nl, end):
    """Whether the line break at text[nl] (within a body ending at `end`) ends the sentence."""
    last = nl  # text[:last] is the text before the break without its trailing spaces (no copy of it)
    while last and text[last - 1] in " \t":
        last -= 1
    if not last or text[last - 1] == "\n" or text[last - 1] in LINE_END or text[last - 1] in CLOSERS and \
            last > 1 and text[last - 2] in LINE_END:
        return True
    stop = text.find("\n", nl + 1, end)
    line = text[nl + 1:stop if stop != -1 else end]
    return not line.strip() or bool(NEW_PARAGRAPH.match(line))


_BREAK_CANDIDATE = re.compile("[" + re.escape(SENTENCE_END) + "\n]")  # where a sentence may end


def split(text, start, end):
    """(start, end) offsets of the sentences of text[start:end], in order."""
    spans, s = [], start
    for m in _BREAK_CANDIDATE.finditer(text, start, end):
        i = m.start()
        if i < s:
            continue
        if text[i] == "\n":
            if not _break_ends_sentence(text, i, end):
                continue
            cut = i
        else:
            cut = i + 1
            while cut < end and text[cut] in CLOSERS:
                cut += 1
        _add(text, spans, s, cut)
        s = max(cut, i + 1)
    _add(text, spans, s, end)
    return spans


def _add(text, spans, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


def section_sentences(text, sections):
    """[(section, start, end)] for every sentence of every section body, in document order.

    A heading that carries numbers ("(一)...增长5%") is scanned too: its span is split like a body."""
    found = []
    for section in sections:
        for part in ((section["char_start"], section["body_start"]), (section["body_start"], section["char_end"])):
            if part[1] > part[0]:
                found += [(section, s, e) for s, e in split(text, *part)]
    return found
