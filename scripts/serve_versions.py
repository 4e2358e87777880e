#!/usr/bin/env python3
"""Serve the latest build and every tagged release side by side, read-only, on 127.0.0.1.

    python scripts/serve_versions.py                 # reports (latest) + reports_X_Y_Z per tag vX.Y.Z, port 8001
    python scripts/serve_versions.py --build-only    # build the release databases into build/versions/ and stop

Each release is its tag's data/ and datapackage.json, loaded once into build/versions/reports_X_Y_Z.db
(rebuilt only when the tag moves). /-/releases lists the versions.
"""
import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from wuhan_reports import versions  # noqa: E402
from wuhan_reports.serve import database_path, datasette_args  # noqa: E402
from wuhan_reports.site import METADATA_PATH  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--out", default=ROOT, help="build directory holding the latest reports.db (default: root)")
    parser.add_argument("--cache", default=os.path.join(ROOT, "build", "versions"),
                        help="where release databases are built (default: build/versions)")
    parser.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default: 8001)")
    parser.add_argument("--build-only", action="store_true", help="build the release databases, do not serve")
    args = parser.parse_args(argv)
    if not os.path.exists(database_path(args.out)):
        print(f"error: {database_path(args.out)} not found; run `python scripts/build.py` first", file=sys.stderr)
        return 1
    built = versions.build_all(ROOT, args.cache)
    for version, path in built:
        print(f"release {version}: {path}", flush=True)
    if args.build_only:
        return 0
    metadata = os.path.join(args.cache, "metadata.json")
    with open(metadata, "w", encoding="utf-8") as fh:
        json.dump(versions.combined_metadata(METADATA_PATH, args.cache, built), fh, ensure_ascii=False, indent=2)
    command = datasette_args(args.out, args.port, extra_databases=[p for _, p in built], metadata=metadata)
    print(f"serving the latest build and {len(built)} releases at http://127.0.0.1:{args.port}/-/releases",
          flush=True)
    os.execv(command[0], command)


if __name__ == "__main__":
    sys.exit(main())
