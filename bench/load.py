#!/usr/bin/env python3
"""Bounded load test of the served site, on 127.0.0.1 only.

    python -m bench.load                           # 50 clients for 30 s per scenario, seeds built into a temp dir
    python -m bench.load --clients 5 --duration 3  # a smoke run
    python -m bench.load --out .                   # serve an existing build (its reports.db)
    python -m bench.load --url http://127.0.0.1:8001 --json results.json
    python -m bench.load --without-plugin quiet_errors.py  # what one plugin changes, same scenarios

Scenarios, each run for --duration seconds by --clients concurrent clients, in the same run:
- baseline: /-/versions.json, Datasette's cheapest page (no database work), for ratios;
- pages: table, facet, full-text search and row pages (HTML and JSON) in a fixed shuffled order;
- errors: invalid SQL and missing pages, answered 400 and 404 (counted as errors only if anything else).
For each: requests, throughput (requests/s), p50 and p99 latency (ms), errors; and the ratios of pages
and errors to the baseline. Exit status 1 if any scenario had an error.
"""
import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from urllib.parse import urlsplit

from cn_gov_reports.paths import ROOT

import httpx  # noqa: E402

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def page_urls(base):
    """The pages scenario: table, facet, search and row pages, with real row ids from the server."""
    with httpx.Client(base_url=base, timeout=30) as c:
        sections = c.get("/reports/sections.json", params={"_shape": "array", "_size": 20, "level": 1}).json()
        documents = c.get("/reports/documents.json", params={"_shape": "array"}).json()
    urls = [
        "/reports/documents", "/reports/sections", "/reports/sections.json?_size=50", "/reports/indicators",
        "/reports/projects", "/reports/sections?_facet=level&_facet=document_id",
        "/reports/sections.json?_facet=level&level=2&_size=10", "/reports/indicators?_facet=status&_facet=measure",
        "/reports/sections?_search=产业", "/reports/sections.json?_search=创新&_size=10",
        "/reports/sections?_search=高质量发展&level=2",
    ]
    urls += [f"/reports/sections/{row['id']}" for row in sections[:10]]
    urls += [f"/reports/documents/{row['id']}.json" for row in documents[:5]]
    random.Random(0).shuffle(urls)
    return [(url, 200) for url in urls]


BASELINE = [("/-/versions.json", 200)]
ERRORS = [("/reports.json?sql=delete+from+documents", 400), ("/reports.json?sql=select+*+from+nothing", 400),
          ("/reports/no_such_table", 404), ("/no/such/page", 404)]


async def run_scenario(base, urls, clients, duration):
    """Send the (URL, expected status) pairs round-robin from `clients` concurrent clients for `duration` s."""
    latencies, errors, samples = [], 0, []
    deadline = time.monotonic() + duration
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        async def worker(n):
            nonlocal errors
            i = n
            while time.monotonic() < deadline:
                url, want = urls[i % len(urls)]
                i += clients
                start = time.perf_counter()
                try:
                    response = await client.get(url)
                    ok = response.status_code == want
                except httpx.HTTPError as e:
                    ok, response = False, e
                latencies.append(time.perf_counter() - start)
                if not ok:
                    errors += 1
                    if len(samples) < 5:
                        samples.append(f"{url}: {getattr(response, 'status_code', response)!r}")

        started = time.monotonic()
        await asyncio.gather(*(worker(n) for n in range(clients)))
        elapsed = time.monotonic() - started
    return summary(latencies, errors, elapsed, samples)


def summary(latencies, errors, elapsed, samples):
    ms = sorted(x * 1000 for x in latencies)
    quantiles = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {"requests": len(ms), "seconds": round(elapsed, 2), "throughput": round(len(ms) / elapsed, 1),
            "p50_ms": round(quantiles[49], 1), "p99_ms": round(quantiles[98], 1), "errors": errors,
            "error_samples": samples}


def run(base, clients, duration, scenarios=("baseline", "pages", "errors")):
    """{scenario: summary} plus ratios against the baseline, all measured in this run."""
    host = urlsplit(base).hostname
    if host not in LOCAL_HOSTS:
        raise SystemExit(f"error: {base}: the load test only targets 127.0.0.1")
    sets = {"baseline": BASELINE, "pages": page_urls(base), "errors": ERRORS}
    results = {}
    for name in scenarios:
        results[name] = asyncio.run(run_scenario(base, sets[name], clients, duration))
    if "baseline" in results:
        b = results["baseline"]
        for name in results:
            if name != "baseline" and results[name]["requests"]:
                r = results[name]
                r["throughput_vs_baseline"] = round(r["throughput"] / b["throughput"], 3)
                r["p50_vs_baseline"] = round(r["p50_ms"] / b["p50_ms"], 2) if b["p50_ms"] else None
    return results


def start_server(out_dir, work_dir, without=()):
    """A real `datasette serve` (cn_gov_reports.serve) on a free 127.0.0.1 port; returns (process, base URL).

    `without`: plugin files to leave out (served from a copy of plugins/), to measure what one plugin does."""
    from cn_gov_reports.serve import PLUGINS_DIR, datasette_args, free_port, start_datasette

    port = free_port()
    args = datasette_args(out_dir, port)
    if without:
        plugins = os.path.join(work_dir, "plugins")
        shutil.copytree(PLUGINS_DIR, plugins, ignore=shutil.ignore_patterns(*without, "__pycache__"))
        args[args.index(PLUGINS_DIR)] = plugins
    try:
        return start_datasette(args, os.path.join(work_dir, "server.log"), port, timeout=30)
    except RuntimeError as e:
        raise SystemExit(f"error: {e}") from None


def server_problems(log_path):
    """Print what the server logged besides access lines and the SQL errors the errors scenario causes."""
    with open(log_path, encoding="utf-8", errors="replace") as fh:
        lines = [line.rstrip() for line in fh]
    sql_errors = sum(line.startswith("ERROR: conn=") for line in lines)
    problems = [line for line in lines if not line.startswith(("ERROR: conn=", "INFO:")) and line.strip()]
    print(f"server: {sql_errors} failed SQL statements logged (the errors scenario sends them)", file=sys.stderr)
    for line in problems[:20]:
        print(f"server: {line}", file=sys.stderr)


def report(results, clients, duration):
    lines = [f"{clients} clients, {duration} s per scenario, 127.0.0.1",
             f"{'scenario':10} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} "
             f"{'req/s vs baseline':>18}"]
    for name, r in results.items():
        ratio = r.get("throughput_vs_baseline", 1.0 if name == "baseline" else "")
        lines.append(f"{name:10} {r['requests']:>9} {r['throughput']:>8} {r['p50_ms']:>8} {r['p99_ms']:>8} "
                     f"{r['errors']:>7} {ratio:>18}")
        lines += [f"    {sample}" for sample in r["error_samples"]]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--duration", type=float, default=30, help="seconds per scenario (default 30)")
    parser.add_argument("--url", help="an already running server on 127.0.0.1 (default: start one)")
    parser.add_argument("--out", help="build directory to serve (default: build seeds/ into a temp dir)")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--scenario", action="append", choices=["baseline", "pages", "errors"],
                        help="run only this scenario (repeatable; default: all three)")
    parser.add_argument("--without-plugin", action="append", default=[], metavar="FILE",
                        help="serve without this file of plugins/ (e.g. quiet_errors.py), to measure its effect")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 200 or not 0 < args.duration <= 120:
        parser.error("keep it bounded: 1-200 clients, at most 120 s per scenario")
    proc = None
    with tempfile.TemporaryDirectory() as tmp:
        base = args.url
        if not base:
            out = args.out
            if not out:
                from cn_gov_reports.build import build

                out = os.path.join(tmp, "build")
                build(os.path.join(ROOT, "seeds"), out)
            proc, base = start_server(os.path.abspath(out), tmp, args.without_plugin)
        try:
            results = run(base, args.clients, args.duration, args.scenario or ("baseline", "pages", "errors"))
        finally:
            if proc:
                proc.terminate()
                proc.wait(timeout=10)
                server_problems(os.path.join(tmp, "server.log"))
    print(report(results, args.clients, args.duration))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"clients": args.clients, "duration": args.duration, "results": results}, fh, indent=2)
    return 1 if any(r["errors"] for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
