#!/usr/bin/env python3
"""Serve the latest build and every recorded release side by side, read-only, on 127.0.0.1.

    python scripts/serve_versions.py                 # reports (latest) + reports_X_Y_Z per release, port 8001
    python scripts/serve_versions.py --archives dist # releases the git history lacks, from release archives
    python scripts/serve_versions.py --public-url https://data.example.org   # the address citations use
    python scripts/serve_versions.py --build-only    # build the release databases into build/versions/ and stop

Each release in releases.json comes from its recorded commit, else its tag, else its archive, and must
match the recorded SHA-256 of its files; it is loaded once into build/versions/reports_X_Y_Z.db.
/-/releases lists the versions; a versioned URL of a release not served is a 404 naming it.
"""
import sys

from cn_gov_reports.cli import serve_versions_main

if __name__ == "__main__":
    sys.exit(serve_versions_main())
