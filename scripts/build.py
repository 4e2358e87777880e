#!/usr/bin/env python3
"""Build a directory of reports into data/*.csv, datapackage.json and reports.db.

    python scripts/build.py                       # seeds/ -> the repository root
    python scripts/build.py --seeds DIR --out OUT # any directory of reports
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from wuhan_reports.build import BuildError, build  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--seeds", default=os.path.join(ROOT, "seeds"), help="directory of reports (default: seeds/)")
    parser.add_argument("--out", default=ROOT, help="output directory (default: the repository root)")
    parser.add_argument("--no-db", action="store_true", help="write the CSV files and datapackage.json only")
    args = parser.parse_args(argv)
    try:
        descriptor = build(args.seeds, args.out, database=not args.no_db)
    except BuildError as e:
        for problem in e.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{r['name']} {_rows(args.out, r)}" for r in descriptor["resources"])
    print(f"built {args.out}: {counts}")
    return 0


def _rows(out, resource):
    with open(os.path.join(out, resource["path"]), encoding="utf-8") as fh:
        return sum(1 for _ in fh) - 1  # approximate for multi-line cells; for the summary line only


if __name__ == "__main__":
    sys.exit(main())
