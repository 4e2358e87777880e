"""The benchmark's synthetic corpus parses like the seeds: same section tree shape, different text."""
import os

import pytest

from conftest import SEEDS
from bench import corpus
from wuhan_reports.build import process_all


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    count = corpus.generate(SEEDS, str(out), 3)
    return out, count


def test_copy_zero_is_the_seeds_and_every_copy_is_distinct(synthetic):
    out, count = synthetic
    names = sorted(n for n in os.listdir(out) if n.endswith(".txt"))
    seeds = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
    assert count == len(names) == 3 * len(seeds)
    for name in seeds:
        assert (out / name).read_bytes() == open(os.path.join(SEEDS, name), "rb").read()
    assert len({(out / n).read_bytes() for n in names}) == len(names)


def test_every_copy_has_its_seeds_section_levels(synthetic):
    out, _ = synthetic
    reports = {r.document["source_file"]: r for r in process_all(str(out), jobs=1)}
    for name, report in reports.items():
        seed = reports[name.split("_", 1)[1] if name.startswith("k") else name]
        assert [s["level"] for s in report.sections] == [s["level"] for s in seed.sections], name


def test_copies_name_other_districts_and_years(synthetic):
    out, _ = synthetic
    seed = (out / "004_560a354189f325d1.txt").read_text(encoding="utf-8")
    copy = (out / "k00001_004_560a354189f325d1.txt").read_text(encoding="utf-8")
    assert "洪山区" in seed and "洪山区" not in copy  # the seed's district is replaced
    assert sorted(seed) != sorted(copy)  # numbers and years changed, not only the order


def test_the_catalog_follows_the_copies(synthetic):
    out, _ = synthetic
    lines = (out / "catalog.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 * len(open(os.path.join(SEEDS, "catalog.jsonl"), encoding="utf-8").read().splitlines())
    assert any('"file": "k00002_002_19ca00cc8670af50.txt"' in line for line in lines)
