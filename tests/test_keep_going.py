"""Never a traceback: an unexpected failure inside one report's processing becomes that report's one-line
error; --keep-going publishes the good reports and lists the refused ones in OUT/refused.csv."""
import csv
import os
import shutil
import subprocess
import sys

import pytest

from cn_gov_reports import pipeline
from cn_gov_reports.build import BuildError, build

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
BUILD = os.path.join(ROOT, "scripts", "build.py")


def seeds(tmp_path, *names):
    directory = tmp_path / "seeds"
    directory.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(os.path.join(FIXTURES, name), directory / name)
    return directory


def run_build(seeds_dir, out, *flags):
    return subprocess.run([sys.executable, BUILD, "--seeds", str(seeds_dir), "--out", str(out), "--quiet", *flags],
                          capture_output=True, text=True, timeout=300)


def test_an_exception_inside_a_stage_is_the_reports_error_line(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("零")  # what cn2an raised on a traditional-character report

    monkeypatch.setattr(pipeline, "extract_indicators", broken)
    with pytest.raises(BuildError) as failed:
        build(str(seeds(tmp_path, "report.txt")), str(tmp_path / "out"), jobs=1, cache_dir=None)
    assert failed.value.problems == [
        "report.txt: failed while extracting indicators and projects: KeyError: '零'"]
    assert not (tmp_path / "out" / "data").exists()


def test_keep_going_publishes_the_good_reports_and_lists_the_refused(tmp_path):
    src = seeds(tmp_path, "report.txt", "binary.txt", "empty.txt", "report_gb18030.txt")
    out = tmp_path / "out"
    refused_without = run_build(src, out)
    assert refused_without.returncode == 1 and not (out / "data").exists()  # the default changes nothing
    result = run_build(src, out, "--keep-going")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("built ") and "documents 1," in result.stdout
    assert "refused: binary.txt: binary file (contains NUL bytes), not a text report" in result.stderr
    assert "refused 3 reports, listed in" in result.stderr
    with open(out / "refused.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["file"], r["reason"]) for r in rows] == [
        ("binary.txt", "binary file (contains NUL bytes), not a text report"),
        ("empty.txt", "empty file"),
        ("report_gb18030.txt", "the same report as report.txt; the first is kept"),
    ]
    with open(out / "data" / "documents.csv", encoding="utf-8") as fh:
        assert [r["source_file"] for r in csv.DictReader(fh)] == ["report.txt"]
    # a later build with nothing refused removes the stale list
    for name in ("binary.txt", "empty.txt", "report_gb18030.txt"):
        os.remove(src / name)
    assert run_build(src, out).returncode == 0
    assert not (out / "refused.csv").exists()


def test_keep_going_with_nothing_good_fails(tmp_path):
    result = run_build(seeds(tmp_path, "binary.txt", "empty.txt"), tmp_path / "out", "--keep-going")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].endswith("every report was refused")
    assert "Traceback" not in result.stderr
