#!/usr/bin/env python3
"""Release a version of the dataset: bump it everywhere, write the changelog and checksums, commit and tag.

    python scripts/release.py 1.1.0                    # refuses on a dirty tree or stale data/
    python scripts/release.py 1.1.0 --date 2026-12-01  # release date other than today (UTC)

Then publish it with `git push origin main v1.1.0`.
"""
import sys

from cn_gov_reports.cli import release_main

if __name__ == "__main__":
    sys.exit(release_main())
