"""Load the published CSV files into one SQLite database with sqlite-utils.

Column types, primary keys and foreign keys come from the Table Schema in fields.py (no type
guessing); indexes go on the columns people facet, filter and join on.
"""
import csv
import json
import os

import sqlite3

import sqlite_utils

from . import fields, package_info, search

SQLITE_TYPES = {"string": str, "integer": int, "number": float}


def cast(f, text):
    """The Python value of one CSV cell for field `f` ('' is NULL)."""
    if text == "":
        return None
    if f.type == "integer":
        return int(text)
    if f.type == "number":
        return float(text)
    return text


def read_csv(table, path):
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if header != table.columns:
            raise ValueError(f"{path}: columns {header} differ from the schema {table.columns}")
        for record in reader:
            yield {f.name: cast(f, v) for f, v in zip(table.fields, record)}


def create_table(db, table):
    db[table.name].create(
        {f.name: SQLITE_TYPES[f.type] for f in table.fields},
        pk=table.primary_key,
        not_null={f.name for f in table.fields if f.required},
        foreign_keys=[(col, ref, ref_col) for col, ref, ref_col in table.foreign_keys],
    )


def create_indexes(db, table):
    for column in table.indexes:
        db[table.name].create_index([column], if_not_exists=True)


def load_database(db_path, data_dir, descriptor=None, tokens=None, index=True):
    """Build the database at db_path from the CSV files in data_dir (replacing any file there).

    `descriptor` (default: the datapackage.json beside data_dir) fills table package_info. The file is
    new and only published once complete, so it is written without a journal; rows go in first and
    indexes after (faster, and the file comes out compact without a VACUUM), and every foreign key is
    checked once at the end. With `index`, the full-text indexes are built too (see index_search)."""
    if descriptor is None:
        with open(os.path.join(os.path.dirname(os.path.abspath(data_dir)), "datapackage.json"),
                  encoding="utf-8") as fh:
            descriptor = json.load(fh)
    if os.path.exists(db_path):
        os.remove(db_path)
    db = sqlite_utils.Database(db_path)
    db.conn.execute("PRAGMA journal_mode = OFF")
    db.conn.execute("PRAGMA synchronous = OFF")
    with db.conn:
        for table in _load_order():
            create_table(db, table)
        for table in _load_order():
            rows = read_csv(table, os.path.join(data_dir, f"{table.name}.csv"))
            db[table.name].insert_all(rows, batch_size=2000)
        package_info.write(db.conn, descriptor)
        for table in _load_order():
            create_indexes(db, table)
    problems = db.conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise ValueError(f"{db_path}: {len(problems)} rows break a foreign key, e.g. {problems[0]}")
    db.conn.commit()
    db.close()
    if index:
        index_search(db_path, tokens)
    return db_path


def index_search(db_path, tokens=None):
    """Add the <table>_fts full-text indexes (search.py) to a loaded database, then ANALYZE it.

    `tokens` are the rows' segmentations made while processing the reports (search.segment_rows)."""
    conn = sqlite3.connect(db_path)
    try:
        search.index_database(conn, tokens)
        conn.execute("ANALYZE")
        conn.commit()
    finally:
        conn.close()


def _load_order():
    """Tables in an order that loads referenced rows first."""
    first = [fields.INDICATOR_NAMES, fields.DOCUMENTS, fields.SECTIONS]
    return first + [t for t in fields.TABLES if t not in first]
