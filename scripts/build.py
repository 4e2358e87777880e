#!/usr/bin/env python3
"""Build a directory of reports into data/*.csv, datapackage.json and reports.db.

    python scripts/build.py                       # seeds/ -> the repository root
    python scripts/build.py --seeds DIR --out OUT # any directory of reports
    python scripts/build.py --jobs 1 --no-cache   # serial, every report processed afresh
"""
import sys

from cn_gov_reports.cli import build_main

if __name__ == "__main__":
    sys.exit(build_main())
