"""Load the published tables into one SQLite database (schema with sqlite-utils), or update one in place.

Column types, primary keys and foreign keys come from the Table Schema in fields.py (no type
guessing); indexes go on the columns people facet, filter and join on. Every value goes in as the
published CSV cell reads (cast), whether it comes from a report's cached CSV lines or from a CSV file (an
old release, load_package), so a database updated report by report (update_database) holds the rows a full
load would.
"""
import csv
import io
import os

import sqlite3

import sqlite_utils

from . import counts, fields, package_info, search, timing
from .package import csv_rows, table_of

SQLITE_TYPES = {"string": str, "integer": int, "number": float, "boolean": int}
CONVERT = {"integer": int, "number": float, "boolean": lambda text: 1 if text == "true" else 0}  # from a CSV cell


def cast(f, text):
    """The Python value of one CSV cell for field `f` ('' is NULL)."""
    if text == "":
        return None
    convert = CONVERT.get(f.type)
    return convert(text) if convert else text


def read_csv(table, path):
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if header != table.columns:
            raise ValueError(f"{path}: columns {header} differ from the schema {table.columns}")
        for record in reader:
            yield {f.name: cast(f, v) for f, v in zip(table.fields, record)}


def read_lines(table, data):
    """Row tuples, in the table's column order, of CSV lines without a header (package.csv_rows): each cell as
    cast() reads it, converted column by column: about a quarter less time than a call per cell, on the load's
    path (0.40 s against 0.53 s for the rows of 300 reports of the 1000x corpus)."""
    typed = [(i, CONVERT[f.type]) for i, f in enumerate(table.fields) if f.type in CONVERT]
    text = [i for i, f in enumerate(table.fields) if f.type not in CONVERT]
    for record in csv.reader(io.StringIO(data.decode("utf-8"), newline="")):
        for i in text:
            if record[i] == "":
                record[i] = None
        for i, convert in typed:
            record[i] = None if record[i] == "" else convert(record[i])
        yield tuple(record)


def insert_sql(table, rowid=False):
    """The insert statement of a row tuple (with its rowid first if `rowid`)."""
    columns = (["rowid"] if rowid else []) + [f"[{c}]" for c in table.columns]
    return f"insert into [{table.name}] ({', '.join(columns)}) values ({', '.join('?' for _ in columns)})"


def create_table(db, table, position=True):
    db[table.name].create(
        {f.name: SQLITE_TYPES.get(f.type, str) for f in table.fields},
        pk=table.primary_key,
        not_null={f.name for f in table.fields if f.required},
        foreign_keys=[(col, ref, ref_col) for col, ref, ref_col in table.foreign_keys],
    )
    if position:
        add_position(db, table)


def position_sql(order):
    """The SQL of the POSITION column: the first column (the document id) as it is, the others zero-padded to
    ten digits, space-separated: sorts by document (a space sorts before any character of an id), then position."""
    first, *numbers = order
    return " || ' ' || ".join([f"[{first}]"] + [f"printf('%010d', [{c}])" for c in numbers])


def _order_of(table):
    """The order columns fields.py gives the table of that name, when the table (maybe an old release's) has
    them all; else ()."""
    order = getattr(fields.BY_NAME.get(table.name), "order", ())
    return order if order and set(order) <= set(table.columns) else ()


def add_position(db, table):
    """The generated POSITION column (virtual: computed from the row, nothing stored) and its index."""
    order = _order_of(table)
    if order:
        db.conn.execute(f"alter table [{table.name}] add column [{fields.POSITION}] text "
                        f"generated always as ({position_sql(order)}) virtual")


def index_columns(table):
    """The columns indexed: those people facet, filter and join on, and the table's default sort (so its first
    page reads the top rows of an index instead of sorting the whole table)."""
    extra = (table.sort,) if table.sort and table.sort != table.primary_key else ()
    return list(dict.fromkeys(tuple(table.indexes) + extra))


def create_indexes(db, table):
    for column in index_columns(table):
        db[table.name].create_index([column], if_not_exists=True)
    generated = {r[1] for r in db.conn.execute(f"pragma table_xinfo([{table.name}])")}  # table_info omits them
    if fields.POSITION in generated:
        db[table.name].create_index([fields.POSITION], if_not_exists=True)


def load_entries(db_path, entries, descriptor, indicator_names, target_outcomes=()):
    """A new database at db_path holding the reports of `entries` (cache.Entry, in published order), the
    indicator_names and target_outcomes rows and package_info, with the full-text indexes made from each
    report's cached words. New and only published once complete, the file is written without a journal; rows
    go in first and indexes after (faster, and the file comes out compact without a VACUUM), and every foreign
    key is checked once at the end."""
    if os.path.exists(db_path):
        os.remove(db_path)
    db = sqlite_utils.Database(db_path)
    conn = db.conn
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    with conn:
        for table in _load_order():
            create_table(db, table)
        conn.executemany(insert_sql(fields.INDICATOR_NAMES),
                         read_lines(fields.INDICATOR_NAMES, csv_rows(fields.INDICATOR_NAMES, indicator_names)))
        _insert_rows(conn, entries)
        _insert_whole(conn, fields.TARGET_OUTCOMES, target_outcomes)
        package_info.write(conn, descriptor)
        for table in _load_order():
            create_indexes(db, table)
        with timing.stage("counts"):
            counts.write(conn)
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise ValueError(f"{db_path}: {len(problems)} rows break a foreign key, e.g. {problems[0]}")
    with conn, timing.stage("index"):
        for table in search.searchable_tables():
            search.create_fts(conn, table)
        _index_entries(conn, entries)
        for table in search.searchable_tables():
            search.optimize(conn, table)
        conn.execute("ANALYZE")
    db.close()
    return db_path


def update_database(db_path, removed, added, descriptor, target_outcomes=()):
    """Update the database at db_path (a copy of the previous build's) in place: take out every row of
    the documents whose ids are in `removed`, with their full-text entries; add the reports of `added`
    (cache.Entry); replace target_outcomes (a table of all reports) by `target_outcomes`; adjust the row and
    facet counts (counts.py); rewrite package_info from `descriptor`; ANALYZE. The rows, keys, indexes and search
    results are then those of a full load of the same package (tests/test_incremental.py)."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        with conn:
            with timing.stage("index"):
                for doc_id in removed:
                    _unindex_document(conn, doc_id)
            conn.execute(f"DELETE FROM [{fields.TARGET_OUTCOMES.name}]")
            per_document = [t for t in fields.TABLES if t not in WHOLE_TABLES]
            counts.adjust(conn, removed, -1, per_document)
            for doc_id in removed:
                _delete_document(conn, doc_id)
            _insert_rows(conn, added, update=True)
            _insert_whole(conn, fields.TARGET_OUTCOMES, target_outcomes)
            counts.adjust(conn, [e.document["id"] for e in added], 1, per_document)
            counts.recount(conn, WHOLE_TABLES)
            with timing.stage("index"):
                _index_entries(conn, added)
            conn.execute(f"DROP TABLE [{package_info.TABLE}]")
            package_info.write(conn, descriptor)
        # No foreign-key check of the whole file: the added reports' rows validated (their keys point into
        # themselves or indicator_names), and a removed document goes with every row that names it.
        conn.execute("ANALYZE")
        conn.commit()
    finally:
        conn.close()
    return db_path


WHOLE_TABLES = (fields.INDICATOR_NAMES, fields.TARGET_OUTCOMES)  # not per report: written whole


def _insert_whole(conn, table, rows):
    """Insert rows (dicts) of a table written whole, as their CSV cells read."""
    conn.executemany(insert_sql(table), read_lines(table, csv_rows(table, rows)))


# A full load numbers each report's rows of a table with an `order` from ROWID_GAP past the previous report's last
# rowid, so that an update can put a changed or new report's rows between its neighbours' and the rowids go on
# following page order (search_pages reads the full-text index in rowid order only then). A report may grow by
# that many rows per table, and a new one takes the middle of its gap. 64,000 reports of a national collection
# stay under 2^28: rowids as long (4 bytes in a record, 4 as a varint) as without gaps at 10 million rows; the
# full-text index pays one byte more per term and document (its lists of rows jump the gap): 1.5% of the
# database at 10,000x (docs/benchmark.md).
ROWID_GAP = 1 << 12


def _insert_rows(conn, entries, update=False):
    """Insert every report's rows, table by table in load order; the rows of a table with an `order` go in
    page order (in_page_order) at rowids that follow it: after a gap (a full load), or in the gap between the
    report's neighbours by position (an update; _rowids_between)."""
    for table in _load_order():
        if table in WHOLE_TABLES:
            continue
        if not _order_of(table):
            for entry in entries:
                conn.executemany(insert_sql(table), read_lines(table, entry.part(table.name)))
            continue
        sql, last = insert_sql(table, rowid=True), 0
        for entry in entries:
            rows = in_page_order(table, read_lines(table, entry.part(table.name)))
            if not rows:
                continue
            if update:
                first = _rowids_between(conn, table, entry.document["id"], len(rows))
            else:
                first, last = last + ROWID_GAP, last + ROWID_GAP + len(rows) - 1
            conn.executemany(sql, ((None if first is None else first + i, *row) for i, row in enumerate(rows)))


def _rowids_between(conn, table, doc_id, n):
    """The first of n free rowids, in order, for a document's rows in an updated table (its rows are out): in the
    middle of the gap between the last row of the document before it by position and the first row of the one
    after (ROWID_GAP past the one before, if it is the last), so the rowids go on following page order; None (the
    rows go after the last rowid, and searches walk the position index instead) when the gap is too small. A
    POSITION begins with the document id and a space, so the rows of documents sorting before `doc_id` have
    positions below it, those after above `doc_id + " ~"`."""
    name, pos = f"[{table.name}]", f"[{fields.POSITION}]"
    before = conn.execute(f"select max(rowid) from {name} where {pos} = (select max({pos}) from {name} "
                          f"where {pos} < ?)", (doc_id,)).fetchone()[0] or 0
    after = conn.execute(f"select min(rowid) from {name} where {pos} = (select min({pos}) from {name} "
                         f"where {pos} > ?)", (doc_id + " ~",)).fetchone()[0]
    if after is None:
        first = before + ROWID_GAP
    elif after - before - 1 >= n:
        first = before + 1 + (after - before - 1 - n) // 2
    else:
        return None
    taken = conn.execute(f"select 1 from {name} where rowid between ? and ? limit 1", (first, first + n - 1))
    return None if taken.fetchone() else first


def in_page_order(table, rows):
    """One report's row tuples in the order its table's pages show them: by the table's `order` columns (its
    POSITION), then by primary key, as Datasette breaks ties of a sort column. Loaded so, the rows of a full
    load have rowids in that order, which lets a search page read the full-text index in rowid order
    (plugins/search_pages.py). Two indicator rows can share a position (one value read for two subjects, 均增长
    10%); the CSV files keep them in reading order."""
    order = _order_of(table)
    if not order:
        return rows
    at = [table.columns.index(c) for c in order]
    pk = table.columns.index(table.primary_key)
    # POSITION writes a missing number as 0 (printf of NULL)
    return sorted(rows, key=lambda r: (r[at[0]], *(r[i] or 0 for i in at[1:]), r[pk]))


def _index_entries(conn, entries):
    """Add every report's searchable rows to the full-text indexes, with the words cached with it."""
    for entry in entries:
        words = entry.words()
        for table in search.searchable_tables():
            rows = search.select_rows(conn, table, "where document_id = ?", (entry.document["id"],)).fetchall()
            search.add_rows(conn, table, rows, words.get(table.name))


def _unindex_document(conn, doc_id):
    """Take one document's rows out of the full-text indexes."""
    for table in search.searchable_tables():
        search.remove_rows(conn, table, search.select_rows(conn, table, "where document_id = ?", (doc_id,)).fetchall())


def _delete_document(conn, doc_id):
    """Delete one document's rows (children first)."""
    for table in reversed(_load_order()):
        if table is fields.DOCUMENTS:
            conn.execute(f"DELETE FROM [{table.name}] WHERE [{table.primary_key}] = ?", (doc_id,))
        elif "document_id" in table.columns:
            conn.execute(f"DELETE FROM [{table.name}] WHERE [document_id] = ?", (doc_id,))


def load_package(db_path, package_dir, descriptor):
    """A new database at db_path holding the package in package_dir whose datapackage.json is `descriptor`,
    typed and keyed by the package's own Table Schemas (an old release's, which today's fields.py may have
    moved on from), with package_info; no full-text indexes."""
    if os.path.exists(db_path):
        os.remove(db_path)
    paths = {r["name"]: os.path.join(package_dir, r["path"]) for r in descriptor["resources"]}
    tables = [table_of(r) for r in descriptor["resources"]]
    db = sqlite_utils.Database(db_path)
    with db.conn:
        for table in _load_order(tables):
            create_table(db, table, position=False)  # an old release is served as it was published
            db[table.name].insert_all(read_csv(table, paths[table.name]), batch_size=2000)
            create_indexes(db, table)
        package_info.write(db.conn, descriptor)
    db.conn.execute("ANALYZE")
    db.close()
    return db_path


def _load_order(tables=fields.TABLES):
    """Tables in an order that loads referenced rows first."""
    pending, order = list(tables), []
    while pending:
        loaded = {t.name for t in order}
        ready = [t for t in pending if all(ref in loaded or ref == t.name for _, ref, _ in t.foreign_keys)]
        if not ready:
            raise ValueError(f"foreign keys form a cycle among {sorted(t.name for t in pending)}")
        order += ready
        pending = [t for t in pending if t not in ready]
    return order
