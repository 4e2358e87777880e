"""A parallel build gives the same bytes as a serial one, and reports its stages and a progress bar."""
import os
import shutil

import pytest

from conftest import SEEDS
from cn_gov_reports import timing
from cn_gov_reports.build import BuildError, build, process_entries

OUTPUTS = ["datapackage.json"] + [os.path.join("data", f"{t}.csv") for t in
                                  ("documents", "sections", "indicators", "projects", "indicator_names",
                                   "main_targets", "target_outcomes")]


def read_outputs(out):
    result = {}
    for name in OUTPUTS:
        with open(os.path.join(out, name), "rb") as fh:
            result[name] = fh.read()
    return result


@pytest.fixture(scope="module")
def serial_and_parallel(tmp_path_factory):
    serial, parallel = tmp_path_factory.mktemp("serial"), tmp_path_factory.mktemp("parallel")
    s = build(SEEDS, str(serial), jobs=1, cache_dir=None)
    p = build(SEEDS, str(parallel), jobs=2, cache_dir=None)
    return (serial, s), (parallel, p)


def test_parallel_outputs_are_byte_identical_to_serial(serial_and_parallel):
    (serial, _), (parallel, _) = serial_and_parallel
    assert read_outputs(parallel) == read_outputs(serial)
    assert len(read_outputs(serial)["data/sections.csv"].splitlines()) > 5


def test_the_parallel_build_used_two_workers(serial_and_parallel):
    (_, s), (_, p) = serial_and_parallel
    assert s["stats"]["jobs"] == 1
    assert p["stats"]["jobs"] == 2
    assert p["stats"]["processed"] == p["row_counts"]["documents"] == 5


def test_reports_come_back_in_file_name_order_whatever_the_workers(tmp_path):
    entries = process_entries(SEEDS, str(tmp_path), jobs=2)
    names = [e.document["source_file"] for e in entries]
    assert names == sorted(names) and len(names) == 5


def test_stage_timings_name_every_stage_the_build_ran(serial_and_parallel):
    (_, s), _ = serial_and_parallel
    stages = s["stats"]["timings"]
    for name in ("read", "sections", "extract", "package", "validate", "load", "reports"):
        assert stages[name] >= 0
    assert set(stages) <= set(timing.STAGES) | {"reports"}


def test_a_bad_report_is_named_by_a_parallel_build(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "zz_empty.txt").write_bytes(b"   \n")
    with pytest.raises(BuildError) as e:
        build(str(seeds), str(tmp_path / "out"), jobs=2, cache_dir=None)
    assert any(p.startswith("zz_empty.txt: empty file") for p in e.value.problems)


def test_the_progress_callback_sees_every_report(tmp_path):
    seen = []
    build(SEEDS, str(tmp_path), progress=seen.append, jobs=2, cache_dir=None)
    assert sorted(seen) == sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))


def test_stage_timings_nest_and_add_up():
    with timing.collect() as outer:
        with timing.stage("read"):
            pass
        with timing.collect() as inner:
            with timing.stage("read"):
                pass
            with timing.stage("segment"):
                pass
        assert set(inner) == {"read", "segment"}
    assert set(outer) == {"read", "segment"}
    assert outer["read"] >= inner["read"]
