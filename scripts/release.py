#!/usr/bin/env python3
"""Release a version of the dataset: bump it everywhere, write the changelog and checksums, commit and tag.

    python scripts/release.py 1.1.0                    # refuses on a dirty tree or stale data/
    python scripts/release.py 1.1.0 --date 2026-12-01  # release date other than today (UTC)

Then publish it with `git push origin main v1.1.0`.
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from wuhan_reports.build import BuildError  # noqa: E402
from wuhan_reports.release import ReleaseError, release  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("version", help="the new version, MAJOR.MINOR.PATCH (e.g. 1.1.0)")
    parser.add_argument("--date", help="release date YYYY-MM-DD (default: today, UTC)")
    args = parser.parse_args(argv)
    try:
        release(args.version, date=args.date)
    except (ReleaseError, BuildError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
