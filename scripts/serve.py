#!/usr/bin/env python3
"""Serve a build read-only with Datasette on 127.0.0.1.

    python scripts/serve.py                    # the build in the repository root, port 8001
    python scripts/serve.py --out OUT --port N # any build directory
    python scripts/serve.py --public-url https://data.example.org  # the address permalinks and citations use
"""
import sys

from cn_gov_reports.cli import serve_main

if __name__ == "__main__":
    sys.exit(serve_main())
