"""The benchmark's synthetic corpus parses like the seeds: same section tree shape, different text."""
import os

import pytest

from conftest import SEEDS
from bench import corpus
from helpers import reports as process_seeds


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
    reports = {r.document["source_file"]: r for r in process_seeds(out)}
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


def test_copies_stay_distinct_past_the_district_and_year_pairs(tmp_path, monkeypatch):
    """With one district there are 18 (district, year shift) pairs; copies past them are drawn again until
    they differ from every earlier copy (the build refuses a duplicate report)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    # little to vary: a district, a year and one number (50 -> 40..60): without drawing again, two of 40
    # copies would very likely be the same
    paragraph = "2020年江夏区全年新增市场主体50户,营商环境持续优化。政务服务水平和群众满意度进一步提高。"
    (seeds / "report.txt").write_text(f"江夏区政府工作报告\n\n一、工作回顾\n\n{paragraph}\n", encoding="utf-8")
    monkeypatch.setattr(corpus, "districts", lambda: ["江夏区"])
    out = tmp_path / "out"
    count = corpus.generate(str(seeds), str(out), 40)
    texts = ["".join((out / n).read_text(encoding="utf-8").split()) for n in os.listdir(out) if n.endswith(".txt")]
    assert count == len(texts) == 40
    assert len(set(texts)) == 40
