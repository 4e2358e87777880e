"""Atomic builds: a build that fails at any stage leaves the previous outputs byte-identical."""
import hashlib
import os
import shutil

import pytest

from cn_gov_reports import build as build_mod
from cn_gov_reports.build import BuildError, build

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


from cn_gov_reports.build import CACHE_DIR  # noqa: E402


def snapshot(directory):
    """{relative path: sha256} of every file under directory (hidden temporary ones included)."""
    files = {}
    for dirpath, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as fh:
                files[os.path.relpath(path, directory)] = hashlib.sha256(fh.read()).hexdigest()
    return files


def seeds(directory, *names):
    os.makedirs(directory, exist_ok=True)
    for name in names:
        shutil.copy(os.path.join(FIXTURES, name), os.path.join(directory, name))
    return str(directory)


@pytest.fixture
def previous(tmp_path):
    """An output directory holding a finished build, and its snapshot."""
    out = tmp_path / "out"
    build(seeds(tmp_path / "first", "report.txt"), str(out))
    before = snapshot(out)
    assert {"datapackage.json", "reports.db", "data/documents.csv", "data/sections.csv"} <= set(before)
    return out, before


def test_a_bad_report_leaves_the_previous_outputs(tmp_path, previous):
    out, before = previous
    with pytest.raises(BuildError):
        build(seeds(tmp_path / "second", "report.txt", "no_headings.txt", "binary.txt"), str(out))
    assert snapshot(out) == before


def test_a_package_that_does_not_validate_leaves_the_previous_outputs(tmp_path, previous, monkeypatch):
    out, before = previous
    monkeypatch.setattr(build_mod, "validate", lambda directory, **kw: ["sections: row 3: broken on purpose"])
    with pytest.raises(BuildError, match="does not validate"):
        build(seeds(tmp_path / "second", "report.txt", "no_headings.txt"), str(out))
    assert snapshot(out) == before


def test_a_database_that_fails_to_load_leaves_the_previous_outputs(tmp_path, previous, monkeypatch):
    out, before = previous

    def fail(db_path, *args, **kwargs):
        with open(db_path, "wb") as fh:
            fh.write(b"half a database")
        raise OSError("disk full")

    monkeypatch.setattr(build_mod, "load_entries", fail)  # a database loaded whole
    monkeypatch.setattr(build_mod, "update_database", fail)  # or updated in place
    with pytest.raises(OSError, match="disk full"):
        build(seeds(tmp_path / "second", "report.txt", "no_headings.txt"), str(out))
    assert snapshot(out) == before


@pytest.mark.parametrize("failing_rename", range(1, 7))
def test_a_failure_while_moving_outputs_into_place_is_rolled_back(tmp_path, previous, monkeypatch,
                                                                  failing_rename):
    """Publishing renames 3 old outputs aside and 3 new ones in; whichever rename fails, nothing changes."""
    out, before = previous
    real_replace, calls = os.replace, []

    def replace(src, dst):
        calls.append((src, dst))
        if len(calls) == failing_rename:
            raise OSError(f"rename {len(calls)} failed")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError, match=f"rename {failing_rename} failed"):
        build(seeds(tmp_path / "second", "report.txt", "no_headings.txt"), str(out))
    monkeypatch.undo()
    assert snapshot(out) == before


def test_a_good_build_replaces_every_output(tmp_path, previous):
    out, before = previous
    build(seeds(tmp_path / "second", "report.txt", "no_headings.txt"), str(out))
    after = snapshot(out)
    outputs = {name for name in after if not name.startswith(CACHE_DIR + os.sep)}  # the report cache grows
    assert outputs == {name for name in before if not name.startswith(CACHE_DIR + os.sep)}  # no temp or stale file
    assert {name for name in outputs if after[name] != before[name]} >= {
        "datapackage.json", "reports.db", "data/documents.csv", "data/sections.csv"}
