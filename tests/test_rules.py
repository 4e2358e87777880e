"""Every phrase list in cn_gov_reports/rules/ is well formed, each entry matches its own example, no list
repeats an entry, an entry in two lists names the other (also_in), and every list is used by the code."""
import glob
import os
import re

import pytest

from cn_gov_reports import paths, phrases

NAMES = phrases.names()
CALL = re.compile(r"phrases\.\w+\(\s*\"(?P<name>[a-z0-9_]+)\"")


def _used_names():
    used = set()
    for path in glob.glob(os.path.join(paths.PACKAGE_DIR, "**", "*.py"), recursive=True):
        with open(path, encoding="utf-8") as fh:
            used.update(m.group("name") for m in CALL.finditer(fh.read()))
    return used


def test_there_are_rule_lists():
    assert NAMES, "cn_gov_reports/rules/ holds no .tsv file"


@pytest.mark.parametrize("name", NAMES)
def test_list_is_well_formed(name):
    rules = phrases.rules(name)
    assert rules, f"rules/{name}.tsv has no entries"
    for rule in rules:
        assert rule.entry and rule.example and rule.meaning, f"rules/{name}.tsv line {rule.line}: an empty cell"
        re.compile(rule.entry)


@pytest.mark.parametrize("name", NAMES)
def test_every_entry_matches_its_example(name):
    misses = [(r.line, r.entry, r.example) for r in phrases.rules(name) if not re.search(r.entry, r.example)]
    assert misses == []


@pytest.mark.parametrize("name", NAMES)
def test_no_entry_twice(name):
    seen, twice = {}, []
    for rule in phrases.rules(name):
        key = (rule.entry, tuple(sorted(rule.values.items())))
        if key in seen:
            twice.append((rule.entry, seen[key], rule.line))
        seen[key] = rule.line
    assert twice == []


def test_every_list_is_used():
    assert sorted(set(NAMES) - _used_names()) == [], "rule lists no module reads"


def test_every_list_the_code_reads_exists():
    assert sorted(_used_names() - set(NAMES)) == [], "the code reads rule lists that do not exist"


def test_an_entry_in_two_lists_names_the_other():
    """The same phrase lives in one list; where it does another job in a second list, both rows say so in also_in."""
    where = {}
    for name in NAMES:
        for rule in phrases.rules(name):
            where.setdefault(rule.entry, {}).setdefault(name, set()).update(rule.values.get("also_in", "").split())
    unnamed = [(entry, name, sorted(set(lists) - {name} - also)) for entry, lists in where.items() if len(lists) > 1
               for name, also in lists.items() if set(lists) - {name} - also]
    assert unnamed == [], "an entry in two rule lists: give each row an also_in naming the other list"
