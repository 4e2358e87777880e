"""The release record (releases.json), the labels it gives served databases, and release archives."""
import json
import zipfile

import pytest

from cn_gov_reports import archive, cli, record, served
from cn_gov_reports.diff import TableDiff

ENTRY = {"version": "1.0.0", "date": "2026-12-01", "commit": "a" * 40,
         "files": {"datapackage.json": "d" * 64, "data/documents.csv": "1" * 64, "data/sections.csv": "2" * 64,
                   "seeds/x.txt": "3" * 64}}
META = {"version": "1.0.0", "hashes": {"documents": "sha256:" + "1" * 64, "sections": "sha256:" + "2" * 64}}


def test_the_repository_record_lists_0_1_0_from_its_commit():
    first = record.find(record.load(), "0.1.0")
    assert first["date"] == "2026-11-22" and first["commit"] == "0623a7a269f23110af4f0dda19bb7c4a98b67d33"
    assert first["archive"]["name"] == "wuhan-government-reports-0.1.0.zip"
    assert record.diff_text(first).startswith("first release: documents 5, sections 159,")


def test_save_and_load_keep_entries_in_version_order(tmp_path):
    path = record.save([{**ENTRY, "version": "1.10.0"}, ENTRY, {**ENTRY, "version": "1.2.0"}], tmp_path / "r.json")
    assert [e["version"] for e in record.load(path)] == ["1.0.0", "1.2.0", "1.10.0"]
    assert record.latest(record.load(path))["version"] == "1.10.0"
    assert record.load(tmp_path / "absent.json") == []


@pytest.mark.parametrize("text, problem", [
    pytest.param("{", "JSONDecodeError", id="not JSON"),
    pytest.param('{"releases": [{"version": "1.0"}]}', "not a version", id="bad version"),
    pytest.param('{"releases": [{"version": "1.0.0", "date": "2026-01-01"}]}', "KeyError", id="no commit"),
])
def test_a_broken_record_is_one_line_naming_the_file(tmp_path, capsys, text, problem):
    path = tmp_path / "releases.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(record.RecordError, match=problem) as e:
        record.load(path)
    assert str(path) in str(e.value) and "\n" not in str(e.value)
    assert cli.serve_versions_main(["--record", str(path), "--build-only", "--cache", str(tmp_path / "c")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}: not a release record") and err.count("\n") == 1


def test_diff_summary_and_text():
    diffs = {"documents": TableDiff(added=["a"], rows=6), "sections": TableDiff(rows=9),
             "indicators": TableDiff(removed=["x", "y"], changed={"z": ["value"]}, rows=3)}
    entry = {"diff": record.diff_summary(diffs, "0.1.0")}
    assert entry["diff"]["tables"]["indicators"] == {"rows": 3, "added": 0, "removed": 2, "changed": 1}
    assert record.diff_text(entry) == "against 0.1.0: documents +1 −0 ~0; indicators +0 −2 ~1"


@pytest.mark.parametrize("meta, entries, label", [
    pytest.param(META, [ENTRY], ("1.0.0", True), id="the recorded release's data"),
    pytest.param({**META, "hashes": {**META["hashes"], "sections": "sha256:" + "9" * 64}}, [ENTRY],
                 ("1.0.0+unreleased", False), id="other data under the same version"),
    pytest.param({**META, "version": "1.1.0"}, [ENTRY], ("1.1.0+unreleased", False), id="a version not released"),
    pytest.param(META, [], ("1.0.0", True), id="no record: nothing to compare with"),
])
def test_label(meta, entries, label):
    assert served.label(meta, entries) == label


def write_zip(path, files):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(f"top/{name}", data)


def test_an_archive_is_read_only_when_its_files_match_its_sums(tmp_path):
    files = {"datapackage.json": json.dumps({"name": "n", "version": "1.0.0"}).encode(), "data/a.csv": b"id\n1\n"}
    write_zip(tmp_path / "good.zip", {**files, "SHA256SUMS": archive.sums_text(files).encode()})
    assert archive.read(tmp_path / "good.zip") == files and archive.version_of(tmp_path / "good.zip") == "1.0.0"
    write_zip(tmp_path / "bad.zip", {**files, "data/a.csv": b"id\n2\n", "SHA256SUMS": archive.sums_text(files).encode()})
    with pytest.raises(archive.ArchiveError, match="do not match its SHA256SUMS"):
        archive.read(tmp_path / "bad.zip")
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    with pytest.raises(archive.ArchiveError, match="not a release archive"):
        archive.read(tmp_path / "junk.zip")
