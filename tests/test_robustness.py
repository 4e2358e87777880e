"""Bad input through the real command line: one clear line per bad file, exit status 1, no traceback,
no outputs; duplicates (same bytes, or the same text in another encoding) found and named."""
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from cn_gov_reports.build import build
from cn_gov_reports.chrome import clean
from cn_gov_reports.normalize import normalize
from cn_gov_reports.sections import build_sections

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
BUILD = os.path.join(ROOT, "scripts", "build.py")


def seeds(tmp_path, *names, rename=None):
    """A seeds directory holding copies of the named fixtures (rename: {fixture: name in seeds})."""
    directory = tmp_path / "seeds"
    directory.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(os.path.join(FIXTURES, name), directory / (rename or {}).get(name, name))
    return directory


def run_build(seeds_dir, out):
    return subprocess.run([sys.executable, BUILD, "--seeds", str(seeds_dir), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("bad, reason", [
    ("empty.txt", "empty file"),
    ("binary.txt", "binary file (contains NUL bytes), not a text report"),
    ("scan.pdf", "not a report file type"),
    ("not_a_report_index.txt", "not a report: no Chinese prose"),
    ("not_a_report_english.txt", "not a report: no Chinese prose"),
])
def test_a_bad_file_fails_the_build_with_one_line_naming_it(tmp_path, bad, reason):
    out = tmp_path / "out"
    result = run_build(seeds(tmp_path, "report.txt", bad), out)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {bad}: {reason}") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert not out.exists() or os.listdir(out) == []  # no partial outputs


def test_every_bad_file_is_reported_at_once(tmp_path):
    bad = ["binary.txt", "empty.txt", "not_a_report_table.txt"]
    result = run_build(seeds(tmp_path, "report.txt", *bad), tmp_path / "out")
    assert result.returncode == 1
    assert [line.split(":")[1].strip() for line in result.stderr.splitlines()] == bad


def test_same_report_under_two_names(tmp_path):
    directory = seeds(tmp_path, "report.txt")
    shutil.copy(directory / "report.txt", directory / "report-copy.txt")
    result = run_build(directory, tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr == "error: report-copy.txt, report.txt: the same report twice (identical bytes); keep one\n"


@pytest.mark.parametrize("other", ["report_gb18030.txt", "report_utf16.txt", "report_crlf.txt"])
def test_same_report_in_another_encoding_or_line_ends(tmp_path, other):
    result = run_build(seeds(tmp_path, "report.txt", other), tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr == (f"error: report.txt, {other}: the same report twice (the same text in another "
                             "encoding or layout); keep one\n")


def test_good_reports_of_every_kind_build_together(tmp_path):
    """One file per accepted kind (each a different report text), built by the real command line."""
    directory = seeds(tmp_path, "report_gb18030.txt", "page.html", "report_traditional.txt", "no_headings.txt",
                      "split_numbers.txt")
    result = run_build(directory, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    printed, counts = result.stdout.split(": ", 1)  # "built <out, relative to the working directory>: ..."
    assert os.path.abspath(printed.removeprefix("built ")) == str(tmp_path / "out")
    assert counts.startswith("documents 5, sections ")
    assert sorted(os.listdir(tmp_path / "out")) == [".cache", "data", "datapackage.json", "reports.db"]


@pytest.mark.large
def test_a_50_mb_report_builds(tmp_path):
    """report.txt repeated to 50 MB (about 17 million characters, 30,000 sections): built in full.

    Timed by bench/large.py, never asserted here (docs/robustness.md)."""
    with open(os.path.join(FIXTURES, "report.txt"), encoding="utf-8") as fh:
        report = fh.read()
    copies = 50_000_000 // len(report.encode("utf-8")) + 1
    directory = tmp_path / "seeds"
    directory.mkdir()
    (directory / "large.txt").write_bytes((report * copies).encode("utf-8"))
    assert (directory / "large.txt").stat().st_size >= 50_000_000
    descriptor = build(str(directory), str(tmp_path / "out"))
    headings = len(build_sections("doc", clean(normalize(report)).text)) - 1
    assert descriptor["row_counts"]["documents"] == 1
    assert descriptor["row_counts"]["sections"] == 1 + headings * copies
    with sqlite3.connect(tmp_path / "out" / "reports.db") as db:
        characters, = db.execute("select characters from documents").fetchone()
        total, = db.execute("select sum(length(text) + length(heading) + length(label)) from sections").fetchone()
    assert characters == len(normalize(report * copies))
    assert 0 < characters - total <= 2 * headings * copies  # only the heading's own separators are not in a column



def test_bench_large_times_every_stage_of_the_build():
    """`make bench-large` on a 1 MB report: every stage it names is one the build runs."""
    from bench import large

    stages, counts = large.run(1)
    assert [name for name, _ in stages][1:-1] == [s for s, _ in large.REPORT_STAGES + large.BUILD_STAGES]
    assert all(seconds > 0 for _, seconds in stages) and counts["sections"] > 100
