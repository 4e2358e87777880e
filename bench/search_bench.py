#!/usr/bin/env python3
"""Search latency: the FTS5 index against a substring scan, on a corpus N times the seeds, in one run.

    python -m bench.search_bench                      # 100 copies of the seeds' rows, 5 runs per query
    python -m bench.search_bench --copies 10 --repeat 3 --json bench-out/search.json

Builds the seeds into a temporary directory, copies every row of each searchable table N times (new ids,
copies interleaved) into a copy of its database, indexes it with cn_gov_reports.search, then for every query of
tests/fixtures/search_queries.txt times, on the same connection:

  fts     the SQL Datasette runs for ?_search= (count, then the first page of 51 rows in table order),
          with escape_fts replaced as plugins/chinese_fts.py does;
  scan    the same two statements with `instr(lower(column), lower(term))` instead of the FTS match;
  ranked  the home page's ranked query (cn_gov_reports.search.ranked_sql, first 50 rows).

It reports the median of --repeat runs per query, the ratio scan/fts, and checks that fts and scan return
the same rows (recall and precision on the big corpus). Nothing is timed in the unit tests.
"""
import argparse
import functools
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time

from cn_gov_reports.paths import ROOT

from cn_gov_reports import search  # noqa: E402
from cn_gov_reports.build import build  # noqa: E402

QUERIES_FILE = os.path.join(ROOT, "tests", "fixtures", "search_queries.txt")
PAGE = 51  # Datasette fetches page size + 1 rows


def read_queries(path=QUERIES_FILE):
    with open(path, encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.startswith("#")]


def make_corpus(seeds_db, path, copies):
    """A database holding every searchable row of seeds_db `copies` times, indexed; returns build seconds."""
    shutil.copyfile(seeds_db, path)
    conn = sqlite3.connect(path)
    for table in search.searchable_tables():
        columns = table.columns
        rows = conn.execute(f"select {', '.join(f'[{c}]' for c in columns)} from [{table.name}]").fetchall()
        pk = columns.index(table.primary_key)
        copied = ([*row[:pk], f"{row[pk]}-c{k}", *row[pk + 1:]] for k in range(1, copies) for row in rows)
        placeholders = ", ".join("?" for _ in columns)
        conn.executemany(f"insert into [{table.name}] values ({placeholders})", copied)
    conn.commit()
    # Copies share their text: segment each distinct text once (jieba's cost is per character, not per copy).
    words = search.words
    search.words = functools.lru_cache(maxsize=None)(words)
    started = time.perf_counter()
    try:
        search.index_database(conn)
    finally:
        search.words = words
    seconds = time.perf_counter() - started
    conn.execute("ANALYZE")
    conn.commit()
    return conn, seconds


def _cols(table):
    return ", ".join(f"[{c}]" for c in table.fts)


def characters(conn, table):
    lengths = " + ".join(f"length(coalesce([{c}], ''))" for c in table.fts)
    return conn.execute(f"select coalesce(sum({lengths}), 0) from [{table.name}]").fetchone()[0]


def scan_sql(table, terms):
    """The substring scan as plain SQL: every term in one of the columns (instr, lower-cased)."""
    cond = " and ".join("(" + " or ".join(f"instr(lower(coalesce([{c}], '')), :t{i}) > 0" for c in table.fts) + ")"
                        for i in range(len(terms)))
    return cond or "0"


def timed(conn, sql, params):
    started = time.perf_counter()
    rows = conn.execute(sql, params).fetchall()
    return time.perf_counter() - started, rows


def run_query(conn, table, query, repeat):
    """Median seconds of fts, scan and ranked for one query, and the ids each side returns."""
    fts = search.fts_table(table)
    match = f"rowid in (select rowid from [{fts}] where [{fts}] match escape_fts(:q))"
    terms = [t.strip().lower() for t in search.query_terms(query)]
    scan = scan_sql(table, terms)
    order = f"order by [{table.sort}], [{table.primary_key}]" if table.sort else ""
    sides = {
        "fts": ([f"select count(*) from [{table.name}] where {match}",
                 f"select * from [{table.name}] where {match} {order} limit {PAGE}"], {"q": query}),
        "scan": ([f"select count(*) from [{table.name}] where {scan}",
                  f"select * from [{table.name}] where {scan} {order} limit {PAGE}"],
                 {f"t{i}": t for i, t in enumerate(terms)}),
        "ranked": ([search.ranked_sql(table)], search.search_params(query, 50)),
    }
    result = {}
    for name, (sqls, params) in sides.items():
        times = []
        for _ in range(repeat):
            total = 0.0
            for sql in sqls:
                seconds, rows = timed(conn, sql, params)
                total += seconds
            times.append(total)
        result[name] = statistics.median(times)
    ids = {}
    for name in ("fts", "scan"):
        sqls, params = sides[name]
        where = sqls[0].split(" where ", 1)[1]
        ids[name] = {r[0] for r in conn.execute(f"select [{table.primary_key}] from [{table.name}] where {where}",
                                                params)}
    return result, ids


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="copies of the seeds' rows (default 100)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query; the median is reported (default 5)")
    parser.add_argument("--json", help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    queries = read_queries()
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        build(os.path.join(ROOT, "seeds"), os.path.join(tmp, "seeds"))
        conn, index_seconds = make_corpus(os.path.join(tmp, "seeds", "reports.db"), os.path.join(tmp, "big.db"),
                                          args.copies)
        conn.create_function("escape_fts", 1, search.match_expression, deterministic=True)
        sizes = {t.name: conn.execute(f"select count(*) from [{t.name}]").fetchone()[0]
                 for t in search.searchable_tables()}
        chars = sum(characters(conn, t) for t in search.searchable_tables())
        report = measure(conn, queries, args.repeat)
        db_bytes = os.path.getsize(os.path.join(tmp, "big.db"))
    summary = summarize(report, args, sizes, chars, index_seconds, db_bytes)
    print_report(report, summary)
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"summary": summary, "queries": report}, fh, ensure_ascii=False, indent=1)
    return 0 if summary["recall"] == 1.0 else 1


def measure(conn, queries, repeat):
    report = []
    for query in queries:
        row = {"query": query, "fts": 0.0, "scan": 0.0, "ranked": 0.0, "hits": 0, "relevant": 0, "true": 0}
        for table in search.searchable_tables():
            times, ids = run_query(conn, table, query, repeat)
            for name in ("fts", "scan", "ranked"):
                row[name] += times[name]
            row["hits"] += len(ids["fts"])
            row["relevant"] += len(ids["scan"])
            row["true"] += len(ids["fts"] & ids["scan"])
        report.append(row)
    return report


def summarize(report, args, sizes, chars, index_seconds, db_bytes):
    ratios = [r["scan"] / r["fts"] for r in report if r["fts"] > 0]
    hits, relevant, true = (sum(r[k] for r in report) for k in ("hits", "relevant", "true"))
    return {
        "copies": args.copies, "repeat": args.repeat, "rows": sizes, "characters": chars,
        "queries": len(report), "index_seconds": round(index_seconds, 2), "database_bytes": db_bytes,
        "fts_total_ms": round(1000 * sum(r["fts"] for r in report), 1),
        "scan_total_ms": round(1000 * sum(r["scan"] for r in report), 1),
        "ranked_total_ms": round(1000 * sum(r["ranked"] for r in report), 1),
        "ratio_of_totals": round(sum(r["scan"] for r in report) / sum(r["fts"] for r in report), 1),
        "median_ratio": round(statistics.median(ratios), 1), "min_ratio": round(min(ratios), 1),
        "recall": true / relevant if relevant else 1.0, "precision": true / hits if hits else 1.0,
    }


def print_report(report, summary):
    print("| query | rows | fts ms | scan ms | scan/fts | ranked ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in report:
        print(f"| {r['query']} | {r['relevant']} | {1000 * r['fts']:.2f} | {1000 * r['scan']:.2f} | "
              f"{r['scan'] / r['fts']:.1f} | {1000 * r['ranked']:.2f} |")
    print()
    for key, value in summary.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    sys.exit(main())
