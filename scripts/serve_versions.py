#!/usr/bin/env python3
"""Serve the latest build and every tagged release side by side, read-only, on 127.0.0.1.

    python scripts/serve_versions.py                 # reports (latest) + reports_X_Y_Z per tag vX.Y.Z, port 8001
    python scripts/serve_versions.py --build-only    # build the release databases into build/versions/ and stop

Each release is its tag's data/ and datapackage.json, loaded once into build/versions/reports_X_Y_Z.db
(rebuilt only when the tag moves). /-/releases lists the versions.
"""
import sys

from cn_gov_reports.cli import serve_versions_main

if __name__ == "__main__":
    sys.exit(serve_versions_main())
