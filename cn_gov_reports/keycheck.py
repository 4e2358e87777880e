"""Key uniqueness across every report with bounded memory: the primary and unique key values of all rows
go into a temporary SQLite file (one WITHOUT ROWID table whose primary key is (table, column, value)), so a
repeated value is found by SQLite's B-tree on disk, with its page cache as the only memory, however many rows
the build has. The build's validation (build.validate_changes) fills it report by report from the cache
entries' first lines and asks it whether target_outcomes' foreign keys point at known indicators.
"""
import sqlite3

CACHE_KB = 64 * 1024  # SQLite page cache of the index: its memory, whatever the number of keys
MAX_PROBLEMS = 20  # repeated values listed per column
NULL = b"\0null"  # stands for None (a primary key of a WITHOUT ROWID table cannot be NULL)


class KeyIndex:
    """Key values of rows added table by table; `problems` lists the repeated ones (first MAX_PROBLEMS per
    column), in the words of package.repeated_keys."""

    def __init__(self, path):
        self.conn = sqlite3.connect(path, isolation_level=None)
        # a scratch file: no fsync; the rollback journal in memory holds one report's pages at most
        for pragma in ("journal_mode = MEMORY", "synchronous = OFF", f"cache_size = -{CACHE_KB}"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.execute("CREATE TABLE k (t TEXT, c TEXT, v, PRIMARY KEY (t, c, v)) WITHOUT ROWID")
        self.repeated = {}

    def add(self, keys):
        """Add {table name: {key column: [values]}} (one report's, or a whole table's)."""
        rows = [(t, c, NULL if v is None else v) for t, columns in keys.items() for c, values in columns.items()
                for v in values]
        self.conn.execute("BEGIN")
        try:
            self.conn.executemany("INSERT INTO k VALUES (?, ?, ?)", rows)
        except sqlite3.IntegrityError:  # rare: add them one by one to name every repeated value
            self.conn.execute("ROLLBACK")
            self.conn.execute("BEGIN")
            for row in rows:
                try:
                    self.conn.execute("INSERT INTO k VALUES (?, ?, ?)", row)
                except sqlite3.IntegrityError:
                    self.repeated.setdefault(row[:2], set()).add(None if row[2] == NULL else row[2])
        self.conn.execute("COMMIT")

    def has(self, table, column, value):
        return self.conn.execute("SELECT 1 FROM k WHERE t = ? AND c = ? AND v = ?",
                                 (table, column, NULL if value is None else value)).fetchone() is not None

    @property
    def problems(self):
        out = []
        for (table, column), values in self.repeated.items():
            out += [f"{table}: {column} {v!r} occurs more than once" for v in sorted(values, key=repr)][:MAX_PROBLEMS]
        return out

    def close(self):
        self.conn.close()
