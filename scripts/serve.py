#!/usr/bin/env python3
"""Serve a build read-only with Datasette on 127.0.0.1.

    python scripts/serve.py                    # the build in the repository root, port 8001
    python scripts/serve.py --out OUT --port N # any build directory
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from wuhan_reports.serve import database_path, datasette_args  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--out", default=ROOT, help="build directory holding reports.db (default: repository root)")
    parser.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default: 8001)")
    args = parser.parse_args(argv)
    if not os.path.exists(database_path(args.out)):
        print(f"error: {database_path(args.out)} not found; run `python scripts/build.py --out {args.out}` first",
              file=sys.stderr)
        return 1
    command = datasette_args(args.out, args.port)
    print(f"serving {database_path(args.out)} read-only at http://127.0.0.1:{args.port}/", flush=True)
    os.execv(command[0], command)


if __name__ == "__main__":
    sys.exit(main())
