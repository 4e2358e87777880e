"""Row ids as SPEC.md says: a rebuild gives the same ids; adding, removing or editing one report never
changes a row of another report (id or content), and an edit changes only the edited report's rows.

Every table is compared, so these hold for indicators and projects as they fill."""
import hashlib
import json
import os
import shutil

import pytest

from cn_gov_reports import fields
from cn_gov_reports.build import build
from cn_gov_reports.package import csv_bytes

from conftest import SEEDS
from helpers import reports
from project_repo import edited_text

REPORTS = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
PER_DOCUMENT = [t.name for t in fields.TABLES if "document_id" in t.columns or t is fields.DOCUMENTS]


def rows_by_document(seeds_dir):
    """{document id: {table: {row id: row}}} of a build of seeds_dir."""
    out = {}
    for report, name in ((r, n) for r in reports(seeds_dir) for n in PER_DOCUMENT):
        for row in [report.document] if name == "documents" else getattr(report, name):
            doc = row["id"] if name == "documents" else row["document_id"]
            out.setdefault(doc, {t: {} for t in PER_DOCUMENT})[name][row["id"]] = row
    return out


def copy_seeds(tmp_path, exclude=()):
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest, ignore=lambda d, names: [n for n in names if n in exclude])
    return dest


@pytest.fixture(scope="module")
def full():
    return rows_by_document(SEEDS)


def test_a_rebuild_gives_identical_ids_and_rows(full):
    assert rows_by_document(SEEDS) == full


@pytest.mark.parametrize("removed", REPORTS)
def test_removing_a_report_leaves_every_other_report_unchanged(full, tmp_path, removed):
    without = rows_by_document(copy_seeds(tmp_path, exclude={removed}))
    removed_id = next(d for d, t in full.items() if any(r["source_file"] == removed for r in t["documents"].values()))
    assert set(without) == set(full) - {removed_id}
    for doc, tables in without.items():
        assert tables == full[doc], doc


def test_adding_a_report_leaves_every_other_report_unchanged(full, tmp_path):
    seeds = copy_seeds(tmp_path)
    with open(os.path.join(SEEDS, REPORTS[0]), encoding="utf-8") as fh:
        text = fh.read()
    (seeds / "900_added.txt").write_text(text.replace("。", "。另一份报告的新句子。", 1), encoding="utf-8")
    added = rows_by_document(seeds)
    assert set(added) == set(full) | {"900-added"}
    assert added["900-added"]["sections"]
    for doc in full:
        assert added[doc] == full[doc], doc


def test_editing_a_report_changes_only_its_own_rows(full, tmp_path):
    seeds = copy_seeds(tmp_path)
    name = REPORTS[-1]
    path = seeds / name
    text = path.read_text(encoding="utf-8")
    path.write_text(edited_text(text), encoding="utf-8")
    edited = rows_by_document(seeds)
    doc_id = next(d for d, t in full.items() if any(r["source_file"] == name for r in t["documents"].values()))
    assert edited[doc_id]["sections"] != full[doc_id]["sections"]
    for doc in full:
        if doc != doc_id:
            assert edited[doc] == full[doc], doc


def test_two_builds_give_identical_csv_bytes_and_resource_hashes(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    build(SEEDS, str(first), database=False)
    build(SEEDS, str(second), database=False)
    descriptors = [json.loads((d / "datapackage.json").read_text(encoding="utf-8")) for d in (first, second)]
    assert [r["hash"] for r in descriptors[0]["resources"]] == [r["hash"] for r in descriptors[1]["resources"]]
    for resource in descriptors[0]["resources"]:
        a, b = (first / resource["path"]).read_bytes(), (second / resource["path"]).read_bytes()
        assert a == b and resource["hash"] == "sha256:" + hashlib.sha256(a).hexdigest(), resource["name"]


def test_csv_bytes_do_not_depend_on_row_dict_order():
    row = {"id": "gdp", "label_zh": "地区生产总值", "label_en": "GDP", "description": "d", "aliases": "GDP"}
    reordered = dict(reversed(list(row.items())))
    assert csv_bytes(fields.INDICATOR_NAMES, [row]) == csv_bytes(fields.INDICATOR_NAMES, [reordered])
