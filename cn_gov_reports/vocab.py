"""The indicator vocabulary (vocab/indicators.csv): normalized names and the phrasings that map to them.

A subject maps to a name when, after dropping scope words in front (全区, 全年, 累计) and measure words
behind (总额, 增速, 比重), it equals one of the name's aliases. Equality, not containment, so
规上工业增加值 never becomes gdp and 跨境电商进出口交易额 never becomes foreign_trade. The scope words and
measure words are rules/subject_edges.tsv and rules/measure_words.tsv (vocab=yes).
"""
import csv
import functools
import re

from . import paths, phrases
from .normalize import matching_view

PATH = paths.vocab("indicators.csv")
# scope words in front of a subject that do not change what is measured
SCOPE_PREFIX = phrases.compiled("subject_edges", "^{}+", vocab="yes")  # rules/subject_edges.tsv (vocab=yes)
# measure words behind a subject: the same indicator, measured as a total, a rate or a share
MEASURE_SUFFIX = phrases.compiled("measure_words", "{}$", vocab="yes")  # rules/measure_words.tsv (vocab=yes)


@functools.lru_cache(maxsize=1)
def aliases():
    """{alias: indicator id} from the vocabulary file."""
    table = {}
    with open(PATH, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for alias in row["aliases"].split("|"):
                table[alias.strip()] = row["id"]
    return table


def alternation_of(indicator):
    """'(?:...)' of the aliases of one indicator, longest first (a regex for the phrasings that name it)."""
    names = sorted((a for a, i in aliases().items() if i == indicator), key=len, reverse=True)
    return "(?:" + "|".join(map(re.escape, names)) + ")"


def indicator_for(subject):
    """The vocabulary id for a subject, or '' when it is outside the vocabulary."""
    s = matching_view(subject).replace(" ", "")
    table = aliases()
    for candidate in _candidates(s):
        if candidate in table:
            return table[candidate]
    return ""


def _candidates(s):
    s = SCOPE_PREFIX.sub("", s)
    yield s
    stripped = MEASURE_SUFFIX.sub("", s)
    if stripped != s:
        yield stripped
