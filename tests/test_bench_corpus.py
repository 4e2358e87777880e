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


def test_copies_draw_on_a_folder_of_real_reports_when_given(tmp_path):
    """With a folder of real reports the copies take their sources in turn from the seeds and those reports
    (here two made-up reports standing in for ../shared/corpus-real/texts, which tests never need)."""
    real = tmp_path / "real"
    real.mkdir()
    body = "全年地区生产总值增长6.5%,一般公共预算收入增长8.2%,城镇新增就业12000人。" * 3
    for n, place in (("r001.txt", "甲市"), ("r002.txt", "乙市")):
        (real / n).write_text(f"{place}政府工作报告\n\n一、2023年工作回顾\n\n{place}{body}\n\n二、2024年工作安排\n\n"
                              f"{body}\n", encoding="utf-8")
    out = tmp_path / "out"
    seeds = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
    count = corpus.generate(SEEDS, str(out), 3, str(real))
    names = sorted(n for n in os.listdir(out) if n.endswith(".txt"))
    assert count == len(names) == 3 * len(seeds)  # the same number of reports as the seeds alone
    sources = [n.split("_", 1)[1] for n in names if n.startswith("k")]
    assert sources.count("r001.txt") >= 1 and sources.count("r002.txt") >= 1  # both real reports drawn on
    copy = next(out / n for n in names if n.endswith("r001.txt"))
    text = copy.read_text(encoding="utf-8")
    assert "甲市" in text and text != (real / "r001.txt").read_text(encoding="utf-8")  # its place stays; numbers change
    assert corpus.generate(SEEDS, str(tmp_path / "again"), 3, str(real)) == count
    assert all((out / n).read_bytes() == (tmp_path / "again" / n).read_bytes() for n in names)  # deterministic
