"""The phrase lists of the rules, read from rules/*.tsv: every vocabulary written once, as data.

A rule file is a tab-separated table. Lines starting with # are comments: the first ones say what the list
is for and how the code uses it. The first other line names the columns; every rule file has

    entry    the phrase: a word, or a regular-expression fragment where a word is not enough (\\d+个)
    example  a real sentence or phrase (from a report, with where it was seen in `note` when useful) that
             the entry matches: tests/test_rules.py checks re.search(entry, example) for every line
    meaning  what the phrase says, in a few words

and may have more columns that map the entry to a value the code needs (stage, comparator, level, ...).
Entries keep the file's order: where alternatives overlap, the longer ones come first.

    >>> phrases.alternation("five_year_plans")               # '(?:十一五|十二五|...)', for a regex
    >>> phrases.pairs("five_year_plans", "first_year")[3]    # ('十四五', '2021')
    >>> phrases.compiled("five_year_plans").search("十四五规划")  # a compiled regex
"""
import functools
import os
import re
from dataclasses import dataclass, field

from .paths import RULES_DIR

REQUIRED = ("entry", "example", "meaning")


class RuleFileError(ValueError):
    pass


@dataclass(frozen=True)
class Rule:
    entry: str
    example: str
    meaning: str
    line: int
    values: dict = field(default_factory=dict, compare=False, hash=False)

    def __getitem__(self, column):
        return self.values[column]


def path(name):
    return os.path.join(RULES_DIR, f"{name}.tsv")


def names():
    """Every rule list in rules/, by name (file name without .tsv)."""
    return sorted(f[:-4] for f in os.listdir(RULES_DIR) if f.endswith(".tsv"))


@functools.lru_cache(maxsize=None)
def rules(name):
    """The rules of one list, in file order."""
    with open(path(name), encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    if not lines:
        raise RuleFileError(f"rules/{name}.tsv: no header line")
    header = lines[0][1].rstrip("\r\n").split("\t")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RuleFileError(f"rules/{name}.tsv: header lacks {', '.join(missing)}")
    out = []
    for n, line in lines[1:]:
        cells = line.rstrip("\r\n").split("\t")
        if len(cells) != len(header):
            raise RuleFileError(f"rules/{name}.tsv line {n}: {len(cells)} cells, the header has {len(header)}")
        row = dict(zip(header, cells))
        out.append(Rule(row["entry"], row["example"], row["meaning"], n,
                        {k: v for k, v in row.items() if k not in REQUIRED}))
    return tuple(out)


def entries(name):
    """The entries of one list, in file order."""
    return [r.entry for r in rules(name)]


def _chosen(rule, where):
    """Whether a rule's columns equal `where` (a tuple value: equal one of them)."""
    return all(rule.values.get(k) in v if isinstance(v, tuple) else rule.values.get(k) == v for k, v in where.items())


def alternation(name, guard=None, **where):
    """'(?:a|b|c)': the entries (those whose columns equal `where`, if given; a tuple value: one of them) as one regex
    group. guard: a column of characters an entry must not follow ((?<![新净])增), when the cell is not empty."""
    chosen = [(f"(?<![{r.values[guard]}])" if guard and r.values[guard] else "") + r.entry
              for r in rules(name) if _chosen(r, where)]
    return "(?:" + "|".join(chosen) + ")"


def pairs(name, column):
    """[(entry, value of `column`)] in file order."""
    return [(r.entry, r.values[column]) for r in rules(name)]


def groups(name, column):
    """{value of `column`: '(?:...)' of the entries with that value}, values in first-seen order."""
    order = []
    for r in rules(name):
        if r.values[column] not in order:
            order.append(r.values[column])
    return {value: alternation(name, **{column: value}) for value in order}


def compiled(name, template="{}", flags=0, **where):
    """The list compiled into a regex: template with {} replaced by the alternation."""
    return re.compile(template.replace("{}", alternation(name, **where)), flags)


@functools.lru_cache(maxsize=1)
def five_year_plans():
    """{name: (first year, last year)} of the five-year plans, short (十四五) and long (第十四个五年) names."""
    return {r.entry: (int(r["first_year"]), int(r["last_year"])) for r in rules("five_year_plans")}


def tagged(name, tag, column="roles", **where):
    """'(?:a|b)': the entries whose `column` (space-separated tags) holds `tag` (and whose columns equal
    `where`, if given), in file order; '(?:)' when there is none."""
    return "(?:" + "|".join(r.entry for r in rules(name) if tag in r.values.get(column, "").split()
                            and all(r.values.get(k) == v for k, v in where.items())) + ")"
