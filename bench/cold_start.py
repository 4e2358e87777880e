"""Server startup on a large build: how long until Datasette answers, and its first pages, from a cold start.

    python -m bench.cold_start --out OUT [--repeat 2] [--warm]

Each run empties the kernel's page cache first (writing /proc/sys/vm/drop_caches: needs root; otherwise the
run says "warm" and measures with whatever is cached), starts `scripts/serve.py --out OUT` on a free port of
127.0.0.1, and times: the server answering /-/versions.json, then the home page twice, a table page and a
search page, one request at a time. Prints one JSON object. The baseline of each run is its own first
answer: the pages are reported in seconds after it.
"""
import argparse
import json
import os
import sys
import tempfile
import time

import httpx

from cn_gov_reports.serve import free_port, start_datasette

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = (("home", "/"), ("home again", "/"), ("table", "/reports/indicators"),
         ("search", "/reports/sections?_search=创新"))


def drop_caches():
    """True when the page cache was emptied."""
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as fh:
            fh.write("3\n")
        return True
    except OSError:
        return False


def one_run(out_dir, timeout, drop=True):
    cold = drop and drop_caches()
    port = free_port()
    command = [sys.executable, os.path.join(ROOT, "scripts", "serve.py"), "--out", out_dir, "--port", str(port)]
    log = os.path.join(tempfile.mkdtemp(prefix="cold-start-"), "server.log")
    started = time.perf_counter()
    try:
        proc, base = start_datasette(command, log, port, timeout=timeout)  # once /-/versions.json answers
    except RuntimeError:
        return {"cache": "cold" if cold else "warm", "ready_seconds": None, "pages": {}}
    ready = time.perf_counter() - started
    try:
        pages = {}
        for name, path in PAGES:
            at = time.perf_counter()
            status = httpx.get(base + path, timeout=timeout).status_code
            pages[name] = {"seconds": round(time.perf_counter() - at, 3), "status": status}
        return {"cache": "cold" if cold else "warm", "ready_seconds": round(ready, 3), "pages": pages}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--out", required=True, help="a build directory holding reports.db")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--warm", action="store_true", help="leave the page cache as it is")
    args = parser.parse_args(argv)
    size = os.path.getsize(os.path.join(args.out, "reports.db"))
    runs = [one_run(args.out, args.timeout, not args.warm) for _ in range(args.repeat)]
    json.dump({"database_bytes": size, "runs": runs}, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
