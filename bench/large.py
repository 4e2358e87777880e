#!/usr/bin/env python3
"""Time a full build of one very large report, stage by stage, against a baseline in the same run.

    python -m bench.large                  # tests/fixtures/report.txt repeated to 50 MB, UTF-8
    python -m bench.large --mb 10 --encoding gb18030

Baseline: reading the file and decoding it (bytes -> str), the least any build must do. The build is
`build.build` itself, in this process (one report, one job, no cache). The steps of `process_report` are
timed by wrapping the functions pipeline.py calls (a name it no longer calls stops the benchmark);
package, validation and the database are the build's own stage timings (timing.py). Reports each stage's
seconds and its ratio to the baseline, and the peak memory (RSS) of the process (and of the validation's).
"""
import argparse
import os
import resource
import tempfile
import time
from contextlib import contextmanager

from cn_gov_reports import build as build_mod
from cn_gov_reports import pipeline
from cn_gov_reports.paths import ROOT

# (stage, the functions process_report calls for it, by their names in pipeline.py)
REPORT_STAGES = (
    ("read/decode", ("read_report",)),
    ("normalize", ("normalize",)),
    ("chrome", ("clean",)),
    ("sections", ("matching_view", "build_sections")),
    ("documents", ("describe",)),
    ("sentences", ("section_sentences",)),
    ("indicators", ("extract_indicators",)),
    ("projects", ("extract_projects",)),
    ("search words", ("segment_rows",)),
)
# (stage, the build's stage timings it sums; see timing.STAGES)
BUILD_STAGES = (
    ("cache entry", ("cache",)),
    ("package", ("package",)),
    ("validate", ("validate",)),
    ("database", ("load",)),
)


def make_report(directory, megabytes, encoding):
    with open(os.path.join(ROOT, "tests", "fixtures", "report.txt"), encoding="utf-8") as fh:
        report = fh.read()
    data = report.encode(encoding)
    copies = megabytes * 1_000_000 // len(data) + 1
    path = os.path.join(directory, "large.txt")
    with open(path, "wb") as fh:
        fh.write((report * copies).encode(encoding))
    return path


def timed(seconds, name, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start
    return wrapper


@contextmanager
def time_pipeline(seconds):
    """Within the block, each call of a function process_report calls adds to its stage in `seconds`."""
    real = {}
    for stage, names in REPORT_STAGES:
        for name in names:
            if not callable(getattr(pipeline, name, None)):
                raise SystemExit(f"bench/large.py: pipeline.py no longer calls {name}; update REPORT_STAGES")
            real[name] = getattr(pipeline, name)
            setattr(pipeline, name, timed(seconds, stage, real[name]))
    try:
        yield
    finally:
        for name, function in real.items():
            setattr(pipeline, name, function)


def run(megabytes=50, encoding="utf-8"):
    """[(stage, seconds)], starting with the baseline and ending with the whole build, and the row counts."""
    with tempfile.TemporaryDirectory() as tmp:
        seeds = os.path.join(tmp, "seeds")
        os.makedirs(seeds)
        path = make_report(seeds, megabytes, encoding)
        start = time.perf_counter()
        with open(path, "rb") as fh:
            fh.read().decode(encoding)
        baseline = time.perf_counter() - start
        seconds = {}
        with time_pipeline(seconds):
            start = time.perf_counter()
            result = build_mod.build(seeds, os.path.join(tmp, "out"), jobs=1, cache_dir=None)
            total = time.perf_counter() - start
    timings = result["stats"]["timings"]
    stages = [("baseline", baseline)] + [(stage, seconds.get(stage, 0.0)) for stage, _ in REPORT_STAGES]
    stages += [(stage, sum(timings.get(n, 0.0) for n in names)) for stage, names in BUILD_STAGES]
    return stages + [("whole build", total)], result["row_counts"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--mb", type=int, default=50, help="size of the report in MB (default 50, at most 200)")
    parser.add_argument("--encoding", default="utf-8", help="encoding of the generated report (default utf-8)")
    args = parser.parse_args(argv)
    if not 1 <= args.mb <= 200:
        parser.error("keep it bounded: 1-200 MB")
    stages, counts = run(args.mb, args.encoding)
    baseline = stages[0][1]
    print(f"{args.mb} MB {args.encoding}: " + ", ".join(f"{counts[t]} {t}" for t in
                                                      ("sections", "indicators", "projects")))
    print(f"{'stage':16} {'seconds':>8} {'vs baseline':>12}")
    for name, seconds in stages:
        print(f"{name:16} {seconds:8.2f} {seconds / baseline:12.0f}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"peak RSS {own} MB (validation process {child} MB)")


if __name__ == "__main__":
    main()
