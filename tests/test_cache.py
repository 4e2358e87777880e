"""The report cache: a rebuild re-processes only the reports whose file, catalog entry or code changed."""
import os
import shutil

import pytest

from conftest import SEEDS
from cn_gov_reports import build as build_mod
from cn_gov_reports import cache
from cn_gov_reports.build import build

from test_build_parallel import read_outputs


@pytest.fixture
def seeds(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path / "seeds"


def test_a_second_build_processes_nothing_and_gives_the_same_bytes(seeds, tmp_path, counted):
    out = tmp_path / "out"
    first = build(str(seeds), str(out), jobs=1)
    before = read_outputs(out)
    assert len(counted) == 5
    second = build(str(seeds), str(out), jobs=1)
    assert len(counted) == 5  # nothing re-processed
    assert (second["stats"]["processed"], second["stats"]["cached"]) == (0, 5)
    assert first["stats"]["cached"] == 0
    assert read_outputs(out) == before


def test_cached_build_equals_a_build_without_cache(seeds, tmp_path):
    build(str(seeds), str(tmp_path / "cached"), jobs=1)
    build(str(seeds), str(tmp_path / "cached"), jobs=1)
    build(str(seeds), str(tmp_path / "fresh"), jobs=1, cache_dir=None)
    assert read_outputs(tmp_path / "cached") == read_outputs(tmp_path / "fresh")
    assert not os.path.exists(tmp_path / "fresh" / build_mod.CACHE_DIR)


def test_changing_one_report_reprocesses_only_that_report(seeds, tmp_path, counted):
    out = tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    changed = sorted(p for p in os.listdir(seeds) if p.endswith(".txt"))[2]
    with open(seeds / changed, "a", encoding="utf-8") as fh:
        fh.write("\n新增一段文字,用于检验增量构建。\n")
    counted.clear()
    result = build(str(seeds), str(out), jobs=1)
    assert counted == [changed]
    assert (result["stats"]["processed"], result["stats"]["cached"]) == (1, 4)
    fresh = tmp_path / "fresh"
    build(str(seeds), str(fresh), jobs=1, cache_dir=None)
    assert read_outputs(out) == read_outputs(fresh)


def test_adding_one_report_processes_only_the_new_one(seeds, tmp_path, counted):
    out = tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    first = sorted(p for p in os.listdir(seeds) if p.endswith(".txt"))[0]
    text = (seeds / first).read_text(encoding="utf-8")
    (seeds / "zz_new.txt").write_text(text.replace("。", "。另一份报告的新句子。", 1), encoding="utf-8")
    counted.clear()
    result = build(str(seeds), str(out), jobs=1)
    assert counted == ["zz_new.txt"]
    assert result["row_counts"]["documents"] == 6


def test_a_changed_catalog_entry_reprocesses_its_report(seeds, tmp_path, counted):
    out = tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    lines = (seeds / "catalog.jsonl").read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace('"source_url": ""', '"source_url": "https://example.org/report"')
    (seeds / "catalog.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    counted.clear()
    build(str(seeds), str(out), jobs=1)
    assert len(counted) == 1 and lines[0].startswith('{"file": "' + counted[0])


def test_a_new_code_version_reprocesses_everything_and_drops_old_entries(seeds, tmp_path, counted, monkeypatch):
    out = tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    old = os.listdir(out / build_mod.CACHE_DIR)
    monkeypatch.setattr(cache, "code_version", lambda: "0123456789abcdef")
    counted.clear()
    build(str(seeds), str(out), jobs=1)
    assert len(counted) == 5
    assert os.listdir(out / build_mod.CACHE_DIR) == ["reports-0123456789abcdef"] != old


def test_the_code_version_follows_the_package_source():
    version = cache.code_version()
    assert len(version) == 16 and int(version, 16) >= 0
    cache.code_version.cache_clear()
    assert cache.code_version() == version  # a pure function of the files


def test_a_damaged_entry_is_a_miss_not_a_crash(seeds, tmp_path, counted):
    out = tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    directory = out / build_mod.CACHE_DIR / f"reports-{cache.code_version()}"
    victim = sorted(os.listdir(directory))[0]
    (directory / victim).write_text("{not json", encoding="utf-8")
    counted.clear()
    result = build(str(seeds), str(out), jobs=1)
    assert len(counted) == 1 and result["stats"]["cached"] == 4


def test_removed_reports_leave_the_cache(seeds, tmp_path):
    out = tmp_path / "out"
    build(str(seeds), str(out), jobs=1)
    os.remove(seeds / sorted(p for p in os.listdir(seeds) if p.endswith(".txt"))[0])
    build(str(seeds), str(out), jobs=1)
    entries = [n for n in os.listdir(out / build_mod.CACHE_DIR / f"reports-{cache.code_version()}")
               if n.endswith(cache.SUFFIX)]
    assert len(entries) == 4


def test_a_cache_directory_elsewhere_leaves_unrelated_files_alone(seeds, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine", encoding="utf-8")
    build(str(seeds), str(tmp_path / "out"), jobs=1, cache_dir=str(elsewhere))
    assert sorted(os.listdir(elsewhere)) == ["keep.txt", f"reports-{cache.code_version()}"]


def test_only_changed_reports_are_revalidated_but_every_key_is_checked(tmp_path):
    from cn_gov_reports.build import _csv_parts, indicator_names, validate_changes
    from cn_gov_reports.package import write_package_parts
    from helpers import reports as process_seeds

    reports = process_seeds(SEEDS)
    names = indicator_names()
    entries = [cache.write_entry(str(tmp_path / f"{i}.entry"), str(i), r) for i, r in enumerate(reports)]
    ordered = sorted(entries, key=lambda e: e.document["id"])
    write_package_parts(str(tmp_path / "package"), [e.document for e in ordered], _csv_parts(ordered, names))
    assert validate_changes(str(tmp_path / "package"), entries, entries[:1], names) == []
    bad = reports[1]
    bad.sections[1]["level"] = "not a number"
    entries[1] = cache.write_entry(str(tmp_path / "1.entry"), "1", bad)
    errors = validate_changes(str(tmp_path / "package"), entries, [entries[1]], names)
    assert errors and any("level" in e or "type" in e.lower() for e in errors)
    twin = cache.write_entry(str(tmp_path / "twin.entry"), "twin", reports[0])  # every id of report 0 twice
    errors = validate_changes(str(tmp_path / "package"), entries + [twin], entries[:1], names)
    assert any("occurs more than once" in e for e in errors)


def test_a_build_that_fails_validation_caches_nothing(seeds, tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(build_mod, "validate_changes", lambda *a: ["a made-up validation error"])
    monkeypatch.setattr(build_mod, "VALIDATION_START", "fork")  # the validation's process gets the patch
    with pytest.raises(build_mod.BuildError):
        build(str(seeds), str(out), jobs=1)
    directory = out / build_mod.CACHE_DIR / f"reports-{cache.code_version()}"
    assert not directory.exists() or os.listdir(directory) == []
