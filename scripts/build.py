#!/usr/bin/env python3
"""Build a directory of reports into data/*.csv, datapackage.json and reports.db.

    python scripts/build.py                       # seeds/ -> the repository root
    python scripts/build.py --seeds DIR --out OUT # any directory of reports
    python scripts/build.py --jobs 1 --no-cache   # serial, every report processed afresh
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from wuhan_reports import citation_files, site  # noqa: E402
from wuhan_reports.build import CACHE_DIR, BuildError, build  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--seeds", default=os.path.join(ROOT, "seeds"), help="directory of reports (default: seeds/)")
    parser.add_argument("--out", default=ROOT, help="output directory (default: the repository root)")
    parser.add_argument("--no-db", action="store_true", help="write the CSV files and datapackage.json only")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per CPU)")
    parser.add_argument("--cache", default=CACHE_DIR,
                        help=f"cache of processed reports, relative to --out (default: {CACHE_DIR})")
    parser.add_argument("--no-cache", action="store_true", help="process every report afresh; keep no cache")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    try:
        descriptor = build(args.seeds, args.out, progress=not args.quiet, database=not args.no_db, jobs=args.jobs,
                           cache_dir=None if args.no_cache else args.cache)
    except BuildError as e:
        for problem in e.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    if os.path.abspath(args.out) == ROOT:
        site.write()  # metadata.yml follows fields.py and dataset.yml
        citation_files.write()  # CITATION.cff and .zenodo.json follow dataset.yml
    counts = ", ".join(f"{name} {n}" for name, n in descriptor["row_counts"].items())
    print(f"built {os.path.relpath(args.out)}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
