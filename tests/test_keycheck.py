"""Validation with bounded memory: reports validated in batches, keys checked in an index on disk."""
import pytest

from cn_gov_reports import build as build_mod, cache, fields
from cn_gov_reports.keycheck import KeyIndex

from conftest import SEEDS


def test_key_index_names_every_repeated_value(tmp_path):
    index = KeyIndex(str(tmp_path / "k.db"))
    index.add({"t": {"id": ["a", "b", 1]}})
    index.add({"t": {"id": ["c", "a", "1"]}, "u": {"id": ["a"]}})  # "a" again; "1" is not 1; u is its own
    index.add({"t": {"id": ["b", "b"], "other": [None]}})
    index.add({"t": {"other": [None]}})
    assert sorted(index.problems) == ["t: id 'a' occurs more than once", "t: id 'b' occurs more than once",
                                      "t: other None occurs more than once"]
    assert index.has("t", "id", "c") and index.has("u", "id", "a") and not index.has("u", "id", "b")
    index.close()


@pytest.fixture(scope="module")
def entries(tmp_path_factory):
    from helpers import reports as process_seeds

    directory = tmp_path_factory.mktemp("entries")
    reports = process_seeds(SEEDS)
    return reports, [cache.write_entry(str(directory / f"{i}.entry"), str(i), r) for i, r in enumerate(reports)]


def test_a_full_validation_in_batches_finds_a_bad_row_in_any_batch(tmp_path, entries, monkeypatch):
    reports, good = entries
    names = build_mod.indicator_names()
    monkeypatch.setattr(build_mod, "VALIDATE_BATCH", 2)
    assert build_mod.validate_changes(str(tmp_path), good, good, names) == []
    bad = reports[-1]
    level = bad.sections[1]["level"]
    bad.sections[1]["level"] = "not a number"
    try:
        broken = good[:-1] + [cache.write_entry(str(tmp_path / "bad.entry"), "bad", bad)]
    finally:
        bad.sections[1]["level"] = level
    errors = build_mod.validate_changes(str(tmp_path), broken, broken, names)
    assert errors and any("level" in e or "type" in e.lower() for e in errors)


def test_a_key_repeated_across_batches_and_an_outcome_pointing_nowhere_are_found(tmp_path, entries, monkeypatch):
    reports, good = entries
    names = build_mod.indicator_names()
    monkeypatch.setattr(build_mod, "VALIDATE_BATCH", 2)
    twin = cache.write_entry(str(tmp_path / "twin.entry"), "twin", reports[0])  # report 0's ids again
    errors = build_mod.validate_changes(str(tmp_path), good + [twin], good + [twin], names)
    assert any("occurs more than once" in e for e in errors)
    indicator = next(r for r in reports for r in r.indicators)
    row = {c: "" for c in fields.TARGET_OUTCOMES.columns}
    row.update(id="to-1", indicator=names[0]["id"], target_indicator_id=indicator["id"],
               actual_indicator_id="no-such-indicator")
    errors = build_mod.outcome_key_problems([row], _index(tmp_path, good), names)
    assert errors == ["target_outcomes: to-1: actual_indicator_id 'no-such-indicator' is not in indicators"]


def _index(tmp_path, entries):
    index = KeyIndex(str(tmp_path / "i.db"))
    for entry in entries:
        index.add(entry.keys())
    return index
