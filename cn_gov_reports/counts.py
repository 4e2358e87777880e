"""Row and facet counts written into the database at build time, so a page over millions of rows does not
count them again on every request.

Two tables beside the published ones (hidden in Datasette, not resources of the data package):

- `_table_counts` (table_name, rows): each table's row count; web/plugins/facet_counts.py gives them to
  Datasette as the counts of an immutable database (what `datasette inspect` would), so an unfiltered table
  page shows its total without `count(*)` over the table;
- `_facet_counts` (table_name, column_name, value, count): for every facet column of every table (the
  `facets` of fields.py, which metadata.yml makes the default facets; any column configured there), every
  non-null value with its number of rows: exactly what Datasette's column facet computes
  (`select col, count(*) ... where col is not null group by col`), so the plugin answers an unfiltered
  table's facets from an index on (table_name, column_name, count desc, value) by reading only the values it
  shows. A filtered page (a filter, a search) is counted by Datasette as before, over the rows it selects.

- `_coverage_counts` (document_id, region, region_code, year, indicators, targets): per document, region and
  year an indicator row's period starts in (year_start), its indicator rows and targets (status target): what
  the home page's coverage grid (coverage.py) adds up, so the home page does not group every indicator row.

A full load counts every table once (group by over an index on each facet column); an update
(database.update_database) adjusts the counts by the rows of the documents taken out and put in, so an
updated database holds the counts a full load would (tests/test_incremental.py).
"""
from . import fields

TABLE_COUNTS = "_table_counts"
FACET_COUNTS = "_facet_counts"
COVERAGE_COUNTS = "_coverage_counts"
COUNT_TABLES = (TABLE_COUNTS, FACET_COUNTS, COVERAGE_COUNTS)
# the rows of _coverage_counts, of every document or (with {where}) of one
_COVERAGE_SELECT = f"""SELECT [document_id], [region], min([region_code]), [year_start], count(*),
  sum(CASE WHEN [status] = 'target' THEN 1 ELSE 0 END) FROM [{fields.INDICATORS.name}]
  WHERE [year_start] IS NOT NULL AND coalesce([region], '') != '' {{where}}
  GROUP BY [document_id], [region], [year_start]"""


def facet_columns(tables=fields.TABLES):
    """[(table, column name)] of every configured facet column, in table order."""
    return [(t, c) for t in tables for c in t.facets if c in t.columns]


def create(conn):
    """Create both count tables, empty, and their index."""
    conn.execute(f"CREATE TABLE [{TABLE_COUNTS}] ([table_name] TEXT PRIMARY KEY, [rows] INTEGER NOT NULL)")
    conn.execute(f"CREATE TABLE [{FACET_COUNTS}] ([table_name] TEXT NOT NULL, [column_name] TEXT NOT NULL, "
                 f"[value], [count] INTEGER NOT NULL, PRIMARY KEY ([table_name], [column_name], [value]))")
    conn.execute(f"CREATE INDEX [idx_{FACET_COUNTS}_top] ON [{FACET_COUNTS}] "
                 f"([table_name], [column_name], [count] DESC, [value])")
    conn.execute(f"CREATE TABLE [{COVERAGE_COUNTS}] ([document_id] TEXT NOT NULL, [region] TEXT NOT NULL, "
                 f"[region_code] TEXT, [year] INTEGER NOT NULL, [indicators] INTEGER NOT NULL, "
                 f"[targets] INTEGER NOT NULL, PRIMARY KEY ([document_id], [region], [year]))")
    conn.execute(f"CREATE INDEX [idx_{COVERAGE_COUNTS}_cell] ON [{COVERAGE_COUNTS}] ([region], [year])")


def write(conn, tables=fields.TABLES):
    """Count every table and every facet column of `tables` (a new database: the count tables are made)."""
    create(conn)
    recount(conn, tables)


def adjust(conn, doc_ids, sign, tables=fields.TABLES):
    """Add (sign 1) or take out (sign -1) the rows of the documents `doc_ids` in the counts of every table
    with rows per document; call it before deleting those rows or after inserting them."""
    for doc_id in doc_ids:
        for table in tables:
            key = _document_column(table)
            if key is None:
                continue
            conn.execute(f"INSERT INTO [{TABLE_COUNTS}] SELECT ?, ? * count(*) FROM [{table.name}] "
                         f"WHERE [{key}] = ? ON CONFLICT ([table_name]) DO UPDATE SET [rows] = [rows] + excluded.[rows]",
                         (table.name, sign, doc_id))
            for column in (c for t, c in facet_columns([table])):
                conn.execute(f"INSERT INTO [{FACET_COUNTS}] SELECT ?, ?, [{column}], ? * count(*) FROM [{table.name}] "
                             f"WHERE [{key}] = ? AND [{column}] IS NOT NULL GROUP BY [{column}] "
                             f"ON CONFLICT ([table_name], [column_name], [value]) "
                             f"DO UPDATE SET [count] = [count] + excluded.[count]",
                             (table.name, column, sign, doc_id))
        if fields.INDICATORS in tables and sign < 0:
            conn.execute(f"DELETE FROM [{COVERAGE_COUNTS}] WHERE [document_id] = ?", (doc_id,))
        elif fields.INDICATORS in tables:
            one = _COVERAGE_SELECT.format(where="AND [document_id] = ?")
            conn.execute(f"INSERT INTO [{COVERAGE_COUNTS}] {one}", (doc_id,))
    conn.execute(f"DELETE FROM [{FACET_COUNTS}] WHERE [count] = 0")


def recount(conn, tables):
    """Count `tables` afresh (a new database's, or tables written whole in every build)."""
    names = [t.name for t in tables]
    for name in names:
        conn.execute(f"DELETE FROM [{TABLE_COUNTS}] WHERE [table_name] = ?", (name,))
        conn.execute(f"DELETE FROM [{FACET_COUNTS}] WHERE [table_name] = ?", (name,))
    for table in tables:
        conn.execute(f"INSERT INTO [{TABLE_COUNTS}] SELECT ?, count(*) FROM [{table.name}]", (table.name,))
    for table, column in facet_columns(tables):
        conn.execute(f"INSERT INTO [{FACET_COUNTS}] SELECT ?, ?, [{column}], count(*) FROM [{table.name}] "
                     f"WHERE [{column}] IS NOT NULL GROUP BY [{column}]", (table.name, column))
    if fields.INDICATORS in tables:
        conn.execute(f"DELETE FROM [{COVERAGE_COUNTS}]")
        conn.execute(f"INSERT INTO [{COVERAGE_COUNTS}] {_COVERAGE_SELECT.format(where='')}")


def _document_column(table):
    """The column naming a table's document (its primary key for documents), or None for a table of all
    reports."""
    if table is fields.DOCUMENTS:
        return table.primary_key
    return "document_id" if "document_id" in table.columns else None
