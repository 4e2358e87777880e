"""The build's list of processed reports, kept on disk so the build's memory does not grow with the corpus.

A build needs, for every report, its cache.Entry (documents row, row counts, where its parts are: about 2 KB in
memory) and, once packaged, where its rows sit in the CSV files (for the next incremental build: about 0.7 KB).
Held in lists, that grew the build process by about 5 KB per report (578 MB at 50,000 reports against 356 MB
at 5,000; with this list on disk, 377 MB against 350 MB: docs/benchmark.md). EntryList keeps them in a SQLite
file in the build's temporary directory instead, one row per report, and gives them back one at a time: in
file-name order (the order they were added), or in document order (`ordered()`, the published order). The
validation's own process opens the same file read-only while the build packages: what packaging records (where
each report's rows are in the CSV files) goes to a second file (`path` + LAYOUT_SUFFIX), so no write to the
entries' file waits for the validation's reads.
"""
import itertools
import json
import sqlite3

from .cache import Entry

CACHE_KB = 8 * 1024  # SQLite page cache of the list: its memory, whatever the number of reports
_COLUMNS = "key, path, document, text_hash, rows, parts, place"
LAYOUT_SUFFIX = "-layout"


class EntryList:
    """cache.Entry objects stored in the SQLite file at `path` (created, or opened read-only with
    `readonly`). Iterating gives them in the order they were added."""

    def __init__(self, path, readonly=False):
        self.path = path
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
        self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self.conn.execute(f"PRAGMA cache_size = -{CACHE_KB}")
        self.layout_conn = None
        if readonly:  # the validation's: it reads the entries, not the layout
            return
        # a scratch file, gone with the build's temporary directory: no journal, no fsync
        for pragma in ("journal_mode = OFF", "synchronous = OFF"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.executescript("""
            CREATE TABLE IF NOT EXISTS entries (n INTEGER PRIMARY KEY, document_id TEXT, key TEXT, path TEXT,
                document BLOB, text_hash TEXT, rows TEXT, parts TEXT, place TEXT, fresh INTEGER);
            CREATE INDEX IF NOT EXISTS entries_document ON entries (document_id, n);
        """)
        self.layout_conn = sqlite3.connect(path + LAYOUT_SUFFIX, check_same_thread=False)
        for pragma in ("journal_mode = OFF", "synchronous = OFF"):
            self.layout_conn.execute(f"PRAGMA {pragma}")
        self.layout_conn.execute("CREATE TABLE IF NOT EXISTS layout (n INTEGER PRIMARY KEY, spans TEXT)")

    def add(self, entry, fresh=False, n=None):
        """Add an Entry at place `n` of the file-name order (default: after the others); `fresh`: processed by
        this build (not read from the cache)."""
        self.conn.execute(
            "INSERT INTO entries (n, document_id, key, path, document, text_hash, rows, parts, place, fresh) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (n, json.loads(entry.document_json)["id"], entry.key, entry.path, entry.document_json,
             entry.text_hash, json.dumps(entry.rows), json.dumps(entry.parts), entry.place, int(fresh)))

    def _entries(self, where="", order="n", params=(), column=None):
        """The entries the WHERE clause selects, in `order`; with `column`, (its value, Entry) pairs."""
        self.conn.commit()
        selected = f"{column}, {_COLUMNS}" if column else _COLUMNS
        for row in self.conn.execute(f"SELECT {selected} FROM entries {where} ORDER BY {order}", params):
            key, path, document, text_hash, rows, parts, place = row[-7:]
            entry = Entry(key, path, document, text_hash, json.loads(rows),
                          {name: tuple(span) for name, span in json.loads(parts).items()}, place)
            yield (row[0], entry) if column else entry

    def __iter__(self):
        return self._entries()

    def __len__(self):
        return self.conn.execute("SELECT count(*) FROM entries").fetchone()[0]

    def ordered(self, fresh_only=False):
        """The entries in document order (document id, then the order they were added), or only the fresh ones:
        an iterable that can be read any number of times, one entry at a time."""
        return Ordered(self, fresh_only)

    def places(self):
        """(place, [Entry]) for each outcomes.place of the entries (not empty), in place order, the entries of a
        place in document order: one place's entries in memory at a time."""
        pairs = self._entries("WHERE place != ''", "place, document_id, n", column="place")
        for place, group in itertools.groupby(pairs, key=lambda pair: pair[0]):
            yield place, [entry for _, entry in group]

    def commit(self):
        """Write what was added, so that another connection (the validation's) reads it."""
        self.conn.commit()

    def count_fresh(self):
        return self.conn.execute("SELECT count(*) FROM entries WHERE fresh").fetchone()[0]

    def fresh(self):
        """The entries processed by this build, in the order they were added."""
        return self._entries("WHERE fresh")

    def keys(self):
        """The cache keys of every entry."""
        self.conn.commit()
        return (key for (key,) in self.conn.execute("SELECT key FROM entries ORDER BY n"))

    def groups(self, column):
        """[[Entry]] for each value of `column` (text_hash or document_id) that two or more entries share: the
        entries in the order they were added, the groups in the order of their first entry."""
        shared = f"SELECT {column} FROM entries GROUP BY {column} HAVING count(*) > 1"
        groups = {}
        for value, entry in self._entries(f"WHERE {column} IN ({shared})", column=column):
            groups.setdefault(value, []).append(entry)
        return list(groups.values())

    def remove(self, entries):
        """Take these entries (by cache key and path) out of the list."""
        self.conn.executemany("DELETE FROM entries WHERE key = ? AND path = ?", [(e.key, e.path) for e in entries])

    def row_counts(self):
        """{table name: rows of every entry}."""
        totals = {}
        for entry in self:
            for table, n in entry.rows.items():
                totals[table] = totals.get(table, 0) + n
        return totals

    def layout_sink(self):
        """A list-like object whose append(placed) records, in document order, where each report's rows are in
        the CSV files (write_package_parts' `layout`); read back with `layout()`."""
        self.layout_conn.execute("DELETE FROM layout")
        return _LayoutSink(self.layout_conn)

    def layout(self):
        """(document id, {table name: [offset, length]}) of each entry in document order, as recorded."""
        self.conn.commit()
        self.layout_conn.commit()
        ids = self.conn.execute("SELECT document_id FROM entries ORDER BY document_id, n")
        spans = self.layout_conn.execute("SELECT spans FROM layout ORDER BY n")
        for (doc,), (placed,) in zip(ids, spans):
            yield doc, json.loads(placed)

    def close(self):
        for conn in (self.conn, self.layout_conn):
            if conn is not None:
                conn.commit()
                conn.close()


class Ordered:
    """The entries of an EntryList in document order (see EntryList.ordered)."""

    def __init__(self, entries, fresh_only=False):
        self.entries, self.fresh_only = entries, fresh_only

    def __iter__(self):
        return self.entries._entries("WHERE fresh" if self.fresh_only else "", "document_id, n")

    def __len__(self):
        return self.entries.count_fresh() if self.fresh_only else len(self.entries)


class _LayoutSink:
    def __init__(self, conn):
        self.conn = conn

    def append(self, placed):
        self.conn.execute("INSERT INTO layout (spans) VALUES (?)", (json.dumps(placed),))
