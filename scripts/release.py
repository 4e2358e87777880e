#!/usr/bin/env python3
"""Release a version of the dataset: bump it everywhere, write the changelog and checksums, commit and tag,
write its archive into dist/ and record it in releases.json (a second commit).

    python scripts/release.py 1.1.0                    # refuses on a dirty tree or stale data/
    python scripts/release.py 1.1.0 --date 2026-12-01  # release date other than today (UTC)
    python scripts/release.py 0.1.0 --archive          # the archive of a recorded release again, checked

Then publish it with `git push origin main v1.1.0` (and deposit dist/<name>-1.1.0.zip; docs/releases.md).
"""
import sys

from cn_gov_reports.cli import release_main

if __name__ == "__main__":
    sys.exit(release_main())
