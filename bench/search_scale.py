#!/usr/bin/env python3
"""A big database for the search pages, made quickly: a build's documents and sections copied N times.

    python -m bench.search_scale --seeds-out /tmp/sx --out /tmp/sbig --copies 6400

Copies every document of the build in --seeds-out N times (copy k of document D is document `cKKKKK-D`, its
sections `cKKKKK-<section id>`), in document-id order as a full build loads them (so rowids follow the
`position` order), into OUT/reports.db; the other per-document tables are emptied. Then the row and facet
counts are made again (counts.recount), the sections' full-text index is rebuilt with the package's own code
(cn_gov_reports.search, each distinct text segmented once), and ANALYZE. `--shuffle F` then moves a fraction F
of the documents to the end of the rowid order (deleted and inserted again, as an incremental build does).
Serve it with `python -m bench.server --out OUT`.
"""
import argparse
import functools
import os
import random
import shutil
import sqlite3
import time

from cn_gov_reports import counts, fields, search

COPIED = (fields.DOCUMENTS, fields.SECTIONS)


def copy_id(k, value):
    return None if value is None else f"c{k:05d}-{value}"


def copied_rows(conn, copies):
    """{table: rows} in load order (document id, then rowid), each row copied `copies` times with new ids."""
    doc_cols = [r[1] for r in conn.execute("pragma table_info(documents)")]  # stored columns, not generated
    sec_cols = [r[1] for r in conn.execute("pragma table_info(sections)")]
    docs = conn.execute(f"select {', '.join(doc_cols)} from documents order by id").fetchall()
    sections = {}
    for row in conn.execute(f"select {', '.join(sec_cols)} from sections order by rowid"):
        sections.setdefault(row[sec_cols.index("document_id")], []).append(row)
    remap = {"documents": ("id",), "sections": ("id", "document_id", "parent_id")}
    out_docs, out_secs = [], []
    order = sorted((copy_id(k, d[doc_cols.index("id")]), k, d) for k in range(copies) for d in docs)
    for _, k, doc in order:
        out_docs.append(_remap(doc, doc_cols, remap["documents"], k))
        for sec in sections.get(doc[doc_cols.index("id")], []):
            out_secs.append(_remap(sec, sec_cols, remap["sections"], k))
    return doc_cols, out_docs, sec_cols, out_secs


def _remap(row, columns, keys, k):
    row = list(row)
    for key in keys:
        i = columns.index(key)
        row[i] = copy_id(k, row[i])
    return row


def make(seeds_db, out_dir, copies, shuffle=0.0, seed=1):
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "reports.db")
    shutil.copyfile(seeds_db, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    started = time.perf_counter()
    doc_cols, docs, sec_cols, secs = copied_rows(conn, copies)
    with conn:
        for table in reversed(database_order()):
            conn.execute(f"delete from [{table.name}]")
        conn.executemany(f"insert into documents ({', '.join(doc_cols)}) values ({', '.join('?' * len(doc_cols))})",
                         docs)
        conn.executemany(f"insert into sections ({', '.join(sec_cols)}) values ({', '.join('?' * len(sec_cols))})",
                         secs)
        if shuffle:
            _move_to_end(conn, sec_cols, shuffle, seed)
        counts.recount(conn, fields.TABLES)
    print(f"rows: {len(docs)} documents, {len(secs)} sections ({time.perf_counter() - started:.1f} s)", flush=True)
    started = time.perf_counter()
    words, chars = search.words, search.chars
    search.words = functools.lru_cache(maxsize=None)(words)
    search.chars = functools.lru_cache(maxsize=None)(chars)
    try:
        with conn:
            for table in search.searchable_tables():
                search.index_table(conn, table)
    finally:
        search.words, search.chars = words, chars
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    print(f"indexed and analyzed ({time.perf_counter() - started:.1f} s)", flush=True)
    return path


def _move_to_end(conn, sec_cols, fraction, seed):
    """Delete the sections of a fraction of the documents and insert them again (new, larger rowids)."""
    ids = [r[0] for r in conn.execute("select id from documents order by id")]
    moved = random.Random(seed).sample(ids, int(len(ids) * fraction))
    cols = ", ".join(sec_cols)
    for doc_id in moved:
        rows = conn.execute(f"select {cols} from sections where document_id = ? order by rowid", (doc_id,)).fetchall()
        conn.execute("delete from sections where document_id = ?", (doc_id,))
        conn.executemany(f"insert into sections ({cols}) values ({', '.join('?' * len(sec_cols))})", rows)


def database_order():
    """Every table with rows per document, referenced tables first (emptied in reverse)."""
    return [t for t in fields.TABLES if t.name == "documents" or "document_id" in t.columns
            or t is fields.TARGET_OUTCOMES]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--seeds-out", required=True, help="a build directory holding reports.db (the seeds)")
    parser.add_argument("--out", required=True, help="directory for the big reports.db")
    parser.add_argument("--copies", type=int, default=6400)
    parser.add_argument("--shuffle", type=float, default=0.0,
                        help="fraction of documents moved to the end of the rowid order (as an incremental build)")
    args = parser.parse_args(argv)
    make(os.path.join(args.seeds_out, "reports.db"), args.out, args.copies, args.shuffle)


if __name__ == "__main__":
    main()
