"""Character-level normalization, the first thing every report goes through after decoding.

The normalized text is what every offset in the tables points into. Normalization is:

1. line ends: CRLF and lone CR become LF;
2. full-width ASCII forms (U+FF01-U+FF5E, e.g. ，：（１）) become their ASCII twins (, : (1));
3. the ideographic space U+3000 and no-break space U+00A0 become a plain space;
4. zero-width characters (U+200B-U+200D, U+2060, U+FEFF) are removed;
5. then the chrome and page-metadata lines are dropped (see chrome.py).

Nothing else changes: traditional characters, ASCII or Chinese punctuation (。、“”), indentation,
and line breaks inside sentences are kept as written.

`matching_view` gives a same-length simplified-Chinese copy that rules match against, so a
traditional-character report is processed like a simplified one while rows quote the original.
"""
import functools
import os
import re

_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20})
_ZERO_WIDTH = dict.fromkeys([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])


def normalize(text):
    """Apply steps 1-4 above."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_WIDTH).translate(_ZERO_WIDTH)


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
