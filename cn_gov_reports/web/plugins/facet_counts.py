"""Counts precomputed at build time (cn_gov_reports/counts.py), so the pages of a table of millions of rows
do not count the whole table on every request.

- Row counts: at startup, each immutable database's `_table_counts` (and, for the other tables, the counts
  ANALYZE left in sqlite_stat1) become Datasette's cached table counts (what `datasette inspect
  --inspect-file` would give), which Datasette uses for an unfiltered table page's total and for the
  database page; nothing is counted at startup.
- Facets: Datasette's column facet is replaced by one that, on an unfiltered table (no filter, no search,
  first page) whose column was counted at build time, reads the top values from `_facet_counts` (an index
  range of facet_size + 1 rows) instead of grouping every row. Values, counts, order (count desc, value),
  truncation, labels and toggle links are those of Datasette's own facet; any other page (a filter, a search,
  a column not counted, a database without the tables) is counted by Datasette as before.
- The count tables are hidden from the database page.
"""
import types
from pathlib import Path

from datasette import facets, hookimpl
from datasette.inspect import inspect_hash
from datasette.plugins import pm
from datasette.utils import escape_sqlite

from cn_gov_reports import served
from cn_gov_reports.counts import COUNT_TABLES, FACET_COUNTS, TABLE_COUNTS

TOP_SQL = (f"select [value], [count] from [{FACET_COUNTS}] where [table_name] = :table and [column_name] = :column "
           f"order by [count] desc, [value] limit :limit")
COLUMNS_SQL = f"select distinct [table_name], [column_name] from [{FACET_COUNTS}]"
_COUNTED = {}  # immutable Database -> {table: {columns counted at build time}}


async def counted_columns(db):
    """{table: {column}} of the facet columns counted at build time in an immutable database (read once; a
    column with no value but NULL has no rows there and is counted by Datasette, cheaply, from its index)."""
    if db not in _COUNTED:
        counted = {}
        if FACET_COUNTS in await db.table_names():
            for table, column in (await db.execute(COLUMNS_SQL)).rows:
                counted.setdefault(table, set()).add(column)
        _COUNTED[db] = counted
    return _COUNTED[db]


class Rows(list):
    """Facet rows in the shape Datasette's facet code reads: a list of rows with .rows."""

    @property
    def rows(self):
        return self


class CountedColumnFacet(facets.ColumnFacet):
    """Datasette's column facet, answered from `_facet_counts` on an unfiltered table."""

    async def facet_results(self):
        counted = await self._counted()
        ds, database, table = self.ds, self.database, self.table
        execute = ds.execute

        async def from_counts(db_name, sql, params=None, **kwargs):
            column = self._column_of(sql)
            if db_name != database or column not in counted:
                return await execute(db_name, sql, params, **kwargs)
            limit = self.get_facet_size() + 1
            return await execute(database, TOP_SQL, {"table": table, "column": column, "limit": limit})

        def absolute_url(request, path):
            # the same URL from a plain str: Datasette's prefixed path string looks up dir(str) on each method
            # call, and urljoin makes about seven per facet value (a third of a search page's facet time)
            return ds.absolute_url(request, str(path))

        self.ds = _Proxy(ds, execute=from_counts if counted else execute, absolute_url=absolute_url)
        try:
            return await super().facet_results()
        finally:
            self.ds = ds

    async def _counted(self):
        """The columns of this table counted at build time, if this page is the whole table (no where
        clause) of an immutable database that has the counts; else an empty set."""
        if self.table is None or self.params or not self.sql.rstrip().endswith(f"from {escape_sqlite(self.table)}"):
            return set()
        db = self.ds.get_database(self.database)
        if db.is_mutable:
            return set()
        return (await counted_columns(db)).get(self.table, set())

    def _column_of(self, sql):
        """The column of one of ColumnFacet's own facet queries over self.sql, else None."""
        for config in self.get_configs():
            column = config["config"].get("column") or config["config"]["simple"]
            if sql.strip().startswith(f"select {escape_sqlite(column)} as value, count(*) as count from ("):
                return column
        return None


class _Proxy:
    """The Datasette object with some attributes replaced (for one facet computation)."""

    def __init__(self, target, **replaced):
        self._target = target
        self.__dict__.update(replaced)

    def __getattr__(self, name):
        return getattr(self._target, name)


@hookimpl
def register_facet_classes():
    return [CountedColumnFacet]


# Datasette's built-in facets module registers ColumnFacet, DateFacet and ArrayFacet; CountedColumnFacet
# takes ColumnFacet's place (the same `column` type: two would compute every facet twice).
_builtin = pm.get_plugin("datasette.facets")
if _builtin is not None:
    pm.unregister(_builtin)

    # Datasette's own date and array facets, registered under the built-in module's name (so /-/plugins
    # lists them as Datasette's, as before)
    _others = types.ModuleType("datasette.facets")

    @hookimpl
    def _other_builtin_facets():
        return [k for k in _builtin.register_facet_classes() if k is not facets.ColumnFacet]

    _others.register_facet_classes = _other_builtin_facets
    pm.register(_others, _others.__name__)


@hookimpl
def startup(datasette):
    async def load_counts():
        data = dict(datasette.inspect_data or {})
        for name, db in datasette.databases.items():
            if db.is_mutable or db.is_memory or TABLE_COUNTS not in await db.table_names():
                continue
            counted = dict((await db.execute(f"select [table_name], [rows] from [{TABLE_COUNTS}]")).rows)
            analyzed = await _analyzed_counts(db)
            tables = {}
            for table in await db.table_names():
                tables[table] = {"count": counted.get(table, analyzed.get(table))}
            data[name] = _Inspected(db, tables)
            db._cached_table_counts = None  # taken from inspect_data when next asked
        datasette.inspect_data = data or None

    return load_counts


async def _analyzed_counts(db):
    """{table: rows} of the tables ANALYZE measured (sqlite_stat1: the first number of a table's statistics is
    its row count, exact on a file not changed since; the build's last step is ANALYZE). Other tables are not
    counted at startup: SQLite counts a table in one step that no time limit interrupts, which on a cold
    22 GB file kept the server from starting for minutes (the full-text index's shadow tables)."""
    if "sqlite_stat1" not in await db.table_names():
        return {}
    rows = (await db.execute("select [tbl], [stat] from sqlite_stat1")).rows
    return {table: int(stat.split()[0]) for table, stat in rows if stat and stat.split()[0].isdigit()}


class _Inspected(dict):
    """One database's entry of Datasette's inspect data. Its hash (sha256 of the whole file: the ETag of the
    download, shown on the home page) is computed on a thread started with the server, at the lowest CPU
    priority (served.background_threads), not on the first request that asks (Datasette reads the whole file
    then: the home page's first request on a 22 GB file waited for it); until it is done the hash is None, as
    for a mutable database (no ETag)."""

    def __init__(self, db, tables):
        super().__init__(size=db.size, file=db.path, tables=tables)
        self._hash = _HASHING.submit(inspect_hash, Path(db.path))

    def __getitem__(self, key):
        if key == "hash":
            return self._hash.result() if self._hash.done() else None
        return dict.__getitem__(self, key)


_HASHING = served.background_threads("database-hash")


@hookimpl
def get_metadata(datasette, key, database, table):
    return {"databases": {name: {"tables": {t: {"hidden": True} for t in COUNT_TABLES}}
                          for name, db in datasette.databases.items() if not db.is_memory}}
