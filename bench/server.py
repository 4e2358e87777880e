"""Server latency: Datasette pages against the same SQL run directly on SQLite, in the same run.

For each page (table, facet, search, row; and the table and facet pages through a filter every row passes,
which Datasette counts per request as it does any filtered page) the benchmark asks Datasette once with ?_trace=1 (setting
trace_debug) for the exact SQL the page runs against the database, then times REPEAT requests of the page
(without the trace) and REPEAT runs of those same queries, in order, on a read-only sqlite3 connection to
the same file. It reports the median of each and their ratio. Requests go to 127.0.0.1 only, one at a time.

    python -m bench.server --out OUT
"""
import argparse
import html
import json
import os
import re
import sqlite3
import statistics
import sys
import time

import httpx


from cn_gov_reports import fields  # noqa: E402
from cn_gov_reports.search import match_expression  # noqa: E402
from cn_gov_reports.package import DATABASE_NAME  # noqa: E402
from cn_gov_reports.serve import database_path, datasette_args, free_port, start_datasette  # noqa: E402

REPEAT = 15
ALL_ROWS = "rowid__notnull=1"  # a filter every row passes
SEARCH_WORD = "创新"  # "innovation": common in every report
# Datasette 0.65's tracer cuts a page over 256 KB short when ?_trace=1 asks for its SQL (it sends the body as
# unfinished and never finishes it); a search page over long real reports is larger. The benchmark's server
# lifts that limit (it only decides whether the trace is appended) and is otherwise `python -m datasette`.
UNLIMITED_TRACE = ("import sys, datasette.tracer; datasette.tracer.AsgiTracer.max_body_bytes = 1 << 40; "
                   "from datasette.cli import cli; sys.argv[0] = 'datasette'; cli()")
TRACE = re.compile(r"<pre>(\{\s*&#34;request_duration_ms.*?)</pre>", re.S)


def start(out_dir):
    """A Datasette process over the build in out_dir with tracing on; (process, base URL)."""
    port = free_port()
    args = datasette_args(out_dir, port) + ["--setting", "trace_debug", "1"]
    assert args[1:3] == ["-m", "datasette"]
    args[1:3] = ["-c", UNLIMITED_TRACE]
    return start_datasette(args, os.path.join(out_dir, "bench-server.log"), port, timeout=120)


def pages(conn):
    """{name: path} of the pages to time, chosen from what the database holds."""
    def count(table):
        return conn.execute(f"select count(*) from [{table}]").fetchone()[0]

    big = "indicators" if count("indicators") else "sections"
    facets = "&".join(f"_facet={c}" for c in fields.BY_NAME[big].facets)
    fts = conn.execute("select name from sqlite_master where name = 'sections_fts'").fetchone()
    search = f"_search={SEARCH_WORD}" if fts else f"text__contains={SEARCH_WORD}"
    middle = conn.execute("select id from sections order by id limit 1 offset ?",
                          (count("sections") // 2,)).fetchone()[0]
    db = f"/{DATABASE_NAME}"
    return {
        "home": "/",  # tables with their counts, the first documents, the coverage grid (made once per server)
        "table": f"{db}/{big}",
        "facet": f"{db}/{big}?{facets}",
        "search": f"{db}/sections?{search}",
        "search, indicators": f"{db}/indicators?{search}",  # the largest table: sentences repeat per number
        "site search": f"/-/search?q={SEARCH_WORD}",  # every searchable table, ranked (plugins/site_search.py)
        "row": f"{db}/sections/{middle}",
        # the same rows through a filter that keeps them all: Datasette counts them and their facets itself,
        # as it does on every filtered page (and did on every page before the build-time counts)
        "table, counted per request": f"{db}/{big}?{ALL_ROWS}",
        "facet, counted per request": f"{db}/{big}?{facets}&{ALL_ROWS}",
    }, {"table_of_table_pages": big, "search_kind": "fts" if fts else "like (no full-text index yet)"}


def traced_sql(client, path):
    """The (sql, params) Datasette ran against the database for `path`, from its HTML trace."""
    sep = "&" if "?" in path else "?"
    response = client.get(path + sep + "_trace=1")
    response.raise_for_status()
    match = TRACE.search(response.text)
    if not match:
        raise RuntimeError(f"{path}: no trace in the page (is trace_debug on?)")
    trace = json.loads(html.unescape(match.group(1)))
    return [(t["sql"], t["params"]) for t in trace["traces"]
            if t.get("type") == "sql" and t.get("database") == DATABASE_NAME]


def wait_until(client, path, done, what, timeout, every=0.2):
    """Poll the JSON at `path` until done(it) is true; return it (RuntimeError naming `what` after `timeout`)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = client.get(path).json()
        if done(found):
            return found
        time.sleep(every)
    raise RuntimeError(f"{what} did not finish")


def wait_for_order_checks(client, timeout=600):
    """Wait until the server knows which tables' rowids follow their sort order (plugins/search_pages.py
    checks them on a thread from startup; until then a search page takes the slower plan)."""
    return wait_until(client, "/-/search-order.json",
                      lambda checks: all(v is not None for tables in checks.values() for v in tables.values()),
                      "the search order checks", timeout)


def wait_for_hashes(client, timeout=3600):
    """Wait until the server has hashed every database file (plugins/facet_counts.py does it on a thread from
    startup, reading the whole file: at 10,000x, 22 GB that would compete with the pages for the CPUs and the
    page cache while they are timed)."""
    wait_until(client, "/-/databases.json",
               lambda databases: all(d["hash"] is not None for d in databases if not d["is_memory"]),
               "the database hashes", timeout, every=0.5)


def median_seconds(run, repeat=REPEAT):
    run()  # warm the caches once
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_queries(conn, queries):
    for sql, params in queries:
        conn.execute(sql, params or {}).fetchall()


def measure(out_dir, only=None):
    conn = sqlite3.connect(f"file:{database_path(out_dir)}?immutable=1", uri=True, check_same_thread=False)
    conn.create_function("escape_fts", 1, match_expression, deterministic=True)  # as plugins/chinese_fts.py
    rows = {t.name: conn.execute(f"select count(*) from [{t.name}]").fetchone()[0] for t in fields.TABLES}
    paths, notes = pages(conn)
    proc, base = start(out_dir)
    results = {}
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            started = time.perf_counter()
            notes["search_order"] = wait_for_order_checks(client)
            notes["search_order_seconds"] = round(time.perf_counter() - started, 2)
            wait_for_hashes(client)
            notes["hash_seconds"] = round(time.perf_counter() - started, 2)
            for name, path in paths.items():
                if only and name not in only:
                    continue
                queries = traced_sql(client, path)
                page = median_seconds(lambda: client.get(path).raise_for_status())
                bare = median_seconds(lambda: run_queries(conn, queries))
                results[name] = {"path": path, "queries": len(queries), "page_ms": page * 1000,
                                 "sql_ms": bare * 1000, "ratio": page / bare if bare else None}
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        conn.close()
    return {"rows": rows, **notes, "pages": results}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--out", required=True, help="a build directory holding reports.db")
    parser.add_argument("--only", action="append", help="time only this page (table, facet, search, row, ...)")
    args = parser.parse_args(argv)
    json.dump(measure(args.out, args.only), sys.stdout, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
