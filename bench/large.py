#!/usr/bin/env python3
"""Time a full build of one very large report, stage by stage, against a baseline in the same run.

    python bench/large.py                  # tests/fixtures/report.txt repeated to 50 MB, UTF-8
    python bench/large.py --mb 10 --encoding gb18030

Baseline: reading the file and decoding it (bytes -> str), the least any build must do. Reports each
stage's seconds and its ratio to the baseline, and the peak memory (RSS) of the process.
"""
import argparse
import os
import resource
import tempfile
import time

from cn_gov_reports.paths import ROOT

from cn_gov_reports import build as build_mod  # noqa: E402

STAGES = ("process_all", "write_package", "validate", "load_database")


def make_report(directory, megabytes, encoding):
    with open(os.path.join(ROOT, "tests", "fixtures", "report.txt"), encoding="utf-8") as fh:
        report = fh.read()
    data = report.encode(encoding)
    copies = megabytes * 1_000_000 // len(data) + 1
    path = os.path.join(directory, "large.txt")
    with open(path, "wb") as fh:
        fh.write((report * copies).encode(encoding))
    return path


def timed(stages, name, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            stages[name] = time.perf_counter() - start
    return wrapper


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--mb", type=int, default=50, help="size of the report in MB (default 50, at most 200)")
    parser.add_argument("--encoding", default="utf-8", help="encoding of the generated report (default utf-8)")
    args = parser.parse_args(argv)
    if not 1 <= args.mb <= 200:
        parser.error("keep it bounded: 1-200 MB")
    with tempfile.TemporaryDirectory() as tmp:
        seeds = os.path.join(tmp, "seeds")
        os.makedirs(seeds)
        path = make_report(seeds, args.mb, args.encoding)
        start = time.perf_counter()
        with open(path, "rb") as fh:
            fh.read().decode(args.encoding)
        baseline = time.perf_counter() - start
        stages = {}
        for name in STAGES:
            setattr(build_mod, name, timed(stages, name, getattr(build_mod, name)))
        start = time.perf_counter()
        counts = build_mod.build(seeds, os.path.join(tmp, "out"))["row_counts"]
        total = time.perf_counter() - start
    print(f"{args.mb} MB {args.encoding}: {counts['sections']} sections")
    print(f"{'stage':16} {'seconds':>8} {'vs baseline':>12}")
    for name, seconds in [("baseline", baseline)] + [(n, stages[n]) for n in STAGES] + [("whole build", total)]:
        print(f"{name:16} {seconds:8.2f} {seconds / baseline:12.0f}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
