"""One build, measured: run in its own process so its peak memory is its own.

    python -m bench.build_once --seeds DIR --out OUT [--jobs N] [--fresh] [--engine dask]

Prints one JSON object: wall seconds, stage timings, reports processed and cached, row counts, and the
peak resident memory (MB) of the build process, of its largest child process (a report worker or the
validation) and of the validation's process (a full build's).
"""
import argparse
import json
import os
import resource
import shutil
import sys
import time


from cn_gov_reports.build import CACHE_DIR, build  # noqa: E402


def peak_mb(who):
    return resource.getrusage(who).ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--seeds", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--fresh", action="store_true", help="empty the cache first (a full build)")
    parser.add_argument("--engine", default="local", help="local (default) or dask (a LocalCluster of --jobs workers)")
    args = parser.parse_args(argv)
    if args.fresh:
        shutil.rmtree(os.path.join(args.out, CACHE_DIR), ignore_errors=True)
    started = time.perf_counter()
    result = build(args.seeds, args.out, jobs=args.jobs, engine=args.engine)
    wall = time.perf_counter() - started
    stats = result["stats"]
    json.dump({"wall": wall, "stages": stats["timings"], "jobs": stats["jobs"], "reports": stats["reports"],
               "processed": stats["processed"], "cached": stats["cached"], "rows": result["row_counts"],
               "peak_mb": peak_mb(resource.RUSAGE_SELF), "worker_peak_mb": peak_mb(resource.RUSAGE_CHILDREN),
               "validate_peak_mb": stats.get("validate_peak_mb")},
              sys.stdout)


if __name__ == "__main__":
    main()
