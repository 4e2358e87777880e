"""A build of the repository's seeds against two sections of each seed read by hand (tests/hand_checked/).

Each JSON file holds the rows a careful reader writes down for the section, and the differences the
extraction is known to still have; the test fails when the build gets better or worse, so the file (and
the accuracy in docs/extraction.md) is kept up to date."""
import glob
import json
import os

import pytest

from helpers import INDICATOR_KEYS
from helpers import reports as process_seeds

HERE = os.path.dirname(__file__)
SEEDS = os.path.join(os.path.dirname(HERE), "seeds")
PROJECT_KEYS = ("name", "stage", "status", "investment")


@pytest.fixture(scope="module")
def reports():
    return {r.document["source_file"]: r for r in process_seeds(SEEDS)}


def built_rows(report, path):
    section = next(s for s in report.sections if s["path"] == path)
    text = report.text
    indicators = [dict(mention=text[i["char_start"]:i["char_end"]], **{k: i[k] for k in INDICATOR_KEYS[1:]})
                  for i in report.indicators if i["section_id"] == section["id"]]
    projects = [{k: p[k] for k in PROJECT_KEYS} for p in report.projects if p["section_id"] == section["id"]]
    return {"indicators": indicators, "projects": projects}


def differences(expected, got):
    missing = [r for r in expected if r not in got]
    unexpected = [r for r in got if r not in expected]
    return {"missing": missing, "unexpected": unexpected}


def score(files, reports):
    """{kind: (precision, recall)} over the hand-checked sections: a row counts only if every field matches."""
    totals = {k: [0, 0, 0] for k in ("indicators", "projects")}
    for f in files:
        checked = json.load(open(f, encoding="utf-8"))
        got = built_rows(reports[checked["source_file"]], checked["section_path"])
        for kind, t in totals.items():
            right = sum(1 for r in got[kind] if r in checked[kind])
            t[0] += right
            t[1] += len(got[kind])
            t[2] += len(checked[kind])
    return {k: (t[0] / t[1] if t[1] else 1.0, t[0] / t[2] if t[2] else 1.0) for k, t in totals.items()}


FILES = sorted(glob.glob(os.path.join(HERE, "hand_checked", "*.json")))


@pytest.mark.parametrize("path", FILES, ids=[os.path.basename(f) for f in FILES])
def test_hand_checked_section(path, reports):
    checked = json.load(open(path, encoding="utf-8"))
    got = built_rows(reports[checked["source_file"]], checked["section_path"])
    for kind in ("indicators", "projects"):
        assert differences(checked[kind], got[kind]) == checked["known_differences"][kind], kind


def test_accuracy_is_what_the_docs_say(reports):
    result = score(FILES, reports)
    assert {k: tuple(round(x, 3) for x in v) for k, v in result.items()} == {
        "indicators": (1.0, 1.0), "projects": (0.98, 0.961)}
