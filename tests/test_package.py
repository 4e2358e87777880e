import csv
import filecmp
import json
import os
import shutil
import subprocess
import sys

import pytest

from cn_gov_reports import fields
from cn_gov_reports.build import build
from cn_gov_reports.package import csv_bytes, format_value

from conftest import ROOT, SEEDS

FRICTIONLESS = os.path.join(os.path.dirname(sys.executable), "frictionless")


def test_frictionless_validate_says_valid(seeds_build):
    result = subprocess.run([FRICTIONLESS, "validate", "--json", str(seeds_build / "datapackage.json")],
                            capture_output=True, text=True)
    report = json.loads(result.stdout)
    assert report["valid"] is True, result.stdout[:2000]
    assert result.returncode == 0


def test_descriptor_is_complete(seeds_build):
    dp = json.loads((seeds_build / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("name", "title", "description", "version", "created", "licenses", "sources", "contributors",
                "keywords"):
        assert dp[key], key
    assert {lic["name"] for lic in dp["licenses"]} == {"CC-BY-4.0", "MIT"}
    assert len(dp["sources"]) == 5
    assert [r["name"] for r in dp["resources"]] == [t.name for t in fields.TABLES]
    for res in dp["resources"]:
        data = (seeds_build / res["path"]).read_bytes()
        assert res["bytes"] == len(data)
        assert res["hash"].startswith("sha256:") and len(res["hash"]) == 7 + 64
        schema = res["schema"]
        assert schema["primaryKey"] == ["id"]
        for f in schema["fields"]:
            assert f["type"] in ("string", "integer", "number", "boolean") and f["description"], f


def test_foreign_keys_declared(seeds_build):
    dp = json.loads((seeds_build / "datapackage.json").read_text(encoding="utf-8"))
    fks = {r["name"]: [(fk["fields"][0], fk["reference"]["resource"]) for fk in r["schema"].get("foreignKeys", [])]
           for r in dp["resources"]}
    assert fks["sections"] == [("document_id", "documents"), ("parent_id", "")]
    assert ("document_id", "documents") in fks["indicators"] and ("section_id", "sections") in fks["indicators"]
    assert fks["projects"] == [("document_id", "documents"), ("section_id", "sections")]


def test_spec_enums_are_constraints(seeds_build):
    dp = json.loads((seeds_build / "datapackage.json").read_text(encoding="utf-8"))
    enum = {(r["name"], f["name"]): f.get("constraints", {}).get("enum") for r in dp["resources"]
            for f in r["schema"]["fields"]}
    assert enum[("documents", "doc_type")] == ["government_work_report", "development_plan_report", "five_year_plan",
                                                "implementation_plan", "other"]
    assert enum[("indicators", "status")] == ["actual", "estimate", "target"]
    assert enum[("indicators", "comparator")] == ["=", ">", ">=", "<", "<=", "~"]
    assert enum[("projects", "stage")] == ["planned", "signed", "started", "under_construction", "completed",
                                            "operating", "other"]


@pytest.mark.parametrize("value, text", [(None, ""), (3, "3"), (27900000000.0, "27900000000"), (9.7, "9.7"),
                                         (0.1 + 0.2, "0.30000000000000004"), ("一、", "一、")])
def test_format_value(value, text):
    assert format_value(value) == text


def test_csv_is_utf8_lf_without_bom():
    data = csv_bytes(fields.INDICATOR_NAMES, [{"id": "gdp", "label_zh": "地区生产总值", "label_en": "GDP",
                                               "description": "d", "aliases": "GDP|生产总值"}])
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data
    assert data.decode("utf-8").splitlines()[1] == "gdp,地区生产总值,GDP,d,GDP|生产总值"


def test_two_builds_are_byte_identical(seeds_build, tmp_path):
    build(SEEDS, str(tmp_path), database=False)
    for table in fields.TABLES:
        name = f"data/{table.name}.csv"
        assert (tmp_path / name).read_bytes() == (seeds_build / name).read_bytes(), name
    assert (tmp_path / "datapackage.json").read_bytes() == (seeds_build / "datapackage.json").read_bytes()


def test_committed_data_equals_a_fresh_build(seeds_build):
    """data/ and datapackage.json in the repository are what `python scripts/build.py` produces."""
    for table in fields.TABLES:
        name = f"data/{table.name}.csv"
        assert filecmp.cmp(os.path.join(ROOT, name), seeds_build / name, shallow=False), \
            f"{name} is stale: run python scripts/build.py and commit"
    assert filecmp.cmp(os.path.join(ROOT, "datapackage.json"), seeds_build / "datapackage.json", shallow=False)


def test_nothing_is_lost_sections_tile_each_document(seeds_build):
    with open(seeds_build / "data" / "sections.csv", encoding="utf-8") as fh:
        sections = list(csv.DictReader(fh))
    with open(seeds_build / "data" / "documents.csv", encoding="utf-8") as fh:
        documents = {d["id"]: int(d["characters"]) for d in csv.DictReader(fh)}
    for doc_id, length in documents.items():
        rows = [s for s in sections if s["document_id"] == doc_id]
        assert int(rows[0]["char_start"]) == 0 and int(rows[-1]["char_end"]) == length
        for a, b in zip(rows, rows[1:]):
            assert a["char_end"] == b["char_start"]


def test_no_chrome_in_any_section(seeds_build):
    chrome = ["版权所有", "ICP备", "公网安备", "【字体", "您所在的位置", "浏览量", "启标文库", "本文链接", "网站标识码",
              "技术支持:", "索 引 号", "发布机构", "站点地图"]
    with open(seeds_build / "data" / "sections.csv", encoding="utf-8") as fh:
        for s in csv.DictReader(fh):
            for marker in chrome:
                assert marker not in s["text"] and marker not in (s["heading"] or ""), (s["id"], marker)


def test_every_seed_character_outside_chrome_is_kept(seeds_build):
    """Each line of each seed is either in a section or is a chrome/metadata line the build reported."""
    from cn_gov_reports.pipeline import process_report

    for name in sorted(os.listdir(SEEDS)):
        if not name.endswith(".txt"):
            continue
        report = process_report(os.path.join(SEEDS, name))
        dropped = {line for _, line, _ in report.dropped}
        with open(os.path.join(SEEDS, name), encoding="utf-8") as fh:
            from cn_gov_reports.normalize import normalize
            for line in normalize(fh.read()).split("\n"):
                assert line in dropped or line in report.text, (name, line)
        assert len(report.dropped) < 40, name  # chrome is a few lines, never the report


def _break_cell(path, line, column, value):
    """Set one cell of a CSV file (line 1 is the header)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[line - 1][rows[0].index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def test_foreign_keys_checked_without_lookups_as_frictionless_checks_them(seeds_build, tmp_path):
    """The build validates with lookups=False (frictionless without its foreign-key lookups, the keys checked
    by package.foreign_key_problems): the same broken keys are found, in the same words."""
    from cn_gov_reports.package import validate

    assert validate(str(seeds_build), lookups=False) == []  # empty parent_id of top sections: no problem
    package = tmp_path / "package"
    shutil.copytree(seeds_build, package, ignore=shutil.ignore_patterns(".cache", "*.db"))
    _break_cell(package / "data" / "indicators.csv", 6, "section_id", "no-such-section")
    _break_cell(package / "data" / "sections.csv", 3, "parent_id", "no-such-parent")
    _break_cell(package / "data" / "projects.csv", 4, "document_id", "no-such-document")

    def key_problems(problems):
        return sorted(p for p in problems if "foreign key" in p)
    with_lookups, without = validate(str(package)), validate(str(package), lookups=False)
    assert len(key_problems(with_lookups)) == 3
    assert key_problems(without) == key_problems(with_lookups)
    assert 'indicators: Row at position "6" violates the foreign key: for "section_id": values "no-such-section"' \
        in key_problems(without)[0]


def test_sources_written_as_they_come_are_what_json_dump_writes(tmp_path):
    """datapackage.json's sources are streamed (package._write_list), in exactly json.dump's layout."""
    import io
    import json

    from cn_gov_reports.package import _write_list

    for items in ([], [{"title": "甲"}], [{"title": "a", "path": "http://x"}, {"title": "b"}]):
        out = io.StringIO()
        _write_list(out, iter(items), "  ")
        expected = json.dumps({"sources": items}, ensure_ascii=False, indent=2)
        assert '{\n  "sources": ' + out.getvalue() + "\n}" == expected


@pytest.mark.parametrize("kernel", [True, False], ids=["copy_file_range", "read-and-write"])
def test_parts_copied_from_a_previous_file_are_its_bytes_and_hash(tmp_path, monkeypatch, kernel):
    """An incremental build splices runs of a previous CSV file (Spans) between freshly written lines: the file is
    the concatenation whichever way the bytes are copied, and the resource's size and hash are the file's."""
    import hashlib

    from cn_gov_reports import package
    from cn_gov_reports.package import Span, write_package_parts

    if not kernel:
        monkeypatch.delattr(package.os, "copy_file_range", raising=False)
    old = tmp_path / "old.csv"
    old.write_bytes("甲,1\n乙,2\n丙,3\n".encode("utf-8"))
    first, second = Span(str(old), 0, 6), Span(str(old), 6, 6)  # two parts that follow each other: one copy
    fresh = "丁,4\n".encode("utf-8")
    desc = write_package_parts(str(tmp_path / "out"), [], [{"sections": first}, {"sections": second},
                                                          {"sections": fresh}, {"sections": Span(str(old), 12, 6)}])
    data = (tmp_path / "out" / "data" / "sections.csv").read_bytes()
    header = csv_bytes(fields.SECTIONS, [])
    assert data == header + "甲,1\n乙,2\n丁,4\n丙,3\n".encode("utf-8")
    sections = next(r for r in desc["resources"] if r["name"] == "sections")
    assert sections["bytes"] == len(data)
    assert sections["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    for res in desc["resources"]:  # written only (a header here): hashed as written
        assert res["hash"] == "sha256:" + hashlib.sha256((tmp_path / "out" / res["path"]).read_bytes()).hexdigest()
    with pytest.raises(OSError, match="shorter than the previous build recorded"):
        write_package_parts(str(tmp_path / "bad"), [], [{"sections": Span(str(old), 12, 60)}])
