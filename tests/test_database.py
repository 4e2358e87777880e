import sqlite3

from cn_gov_reports import fields


def connect(seeds_build):
    return sqlite3.connect(f"file:{seeds_build / 'reports.db'}?mode=ro", uri=True)


def test_column_types_follow_the_table_schema(seeds_build):
    conn = connect(seeds_build)
    expected_type = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
    for table in fields.TABLES:
        cols = {row[1]: row[2] for row in conn.execute(f"pragma table_info([{table.name}])")}
        assert list(cols) == table.columns
        for f in table.fields:
            assert cols[f.name] == expected_type[f.type], (table.name, f.name, cols[f.name])


def test_primary_and_foreign_keys(seeds_build):
    conn = connect(seeds_build)
    for table in fields.TABLES:
        pk = [row[1] for row in conn.execute(f"pragma table_info([{table.name}])") if row[5]]
        assert pk == ["id"]
        fks = {(row[3], row[2], row[4]) for row in conn.execute(f"pragma foreign_key_list([{table.name}])")}
        assert fks == set(table.foreign_keys)
    assert conn.execute("pragma foreign_key_check").fetchall() == []


def test_indexes_on_facet_and_join_columns(seeds_build):
    conn = connect(seeds_build)
    for table in fields.TABLES:
        indexed = {conn.execute(f"pragma index_info([{row[1]}])").fetchone()[2]
                   for row in conn.execute(f"pragma index_list([{table.name}])")}
        assert set(table.indexes) <= indexed, table.name


def test_a_tables_first_page_in_its_default_order_reads_an_index_not_a_sort(seeds_build):
    """Datasette's table page asks for the first rows in the table's default sort; with the sort column
    indexed SQLite reads those rows from the index instead of sorting the whole table."""
    conn = connect(seeds_build)
    for table in fields.TABLES:
        if not table.sort:
            continue
        plan = " ".join(row[3] for row in conn.execute(
            f"explain query plan select * from [{table.name}] order by [{table.sort}] limit 51"))
        assert "TEMP B-TREE" not in plan, (table.name, plan)


def test_values_are_typed_not_text(seeds_build):
    conn = connect(seeds_build)
    assert conn.execute("select typeof(level), typeof(char_start) from sections limit 1").fetchone() == (
        "integer", "integer")
    assert conn.execute("select count(*) from documents where typeof(review_year) = 'text'").fetchone() == (0,)
    assert conn.execute("select count(*) from sections").fetchone()[0] > 100


def test_position_sorts_rows_by_document_and_position(seeds_build):
    """The generated position column (the table pages' default sort) orders rows as document, then offsets."""
    import sqlite3

    conn = sqlite3.connect(str(seeds_build / "reports.db"))
    try:
        for table in fields.TABLES:
            if not table.order:
                continue
            columns = ", ".join(table.order)
            by_columns = [r[0] for r in conn.execute(f"select id from {table.name} order by {columns}, id")]
            by_position = [r[0] for r in conn.execute(f"select id from {table.name} order by position, id")]
            assert by_position == by_columns, table.name
            names = [r[1] for r in conn.execute(f"pragma table_info({table.name})")]
            assert names == table.columns, "position is not a published column"
    finally:
        conn.close()


def test_a_full_load_gives_rowids_in_the_order_of_the_table_pages(seeds_build):
    """Rows are loaded by position, then id, as Datasette orders a page sorted by position; so reading the rowids
    in order gives a page's rows (the search pages' fast path), even where two indicator rows share a position
    (one value read for two subjects), which the seeds have."""
    conn = connect(seeds_build)
    ties = conn.execute("select count(*) from (select position from indicators group by position "
                        "having count(*) > 1)").fetchone()[0]
    assert ties > 0, "the seeds no longer have two indicator rows at one position: this test needs a case"
    for table in fields.TABLES:
        if table.order:
            by_page = [r[0] for r in conn.execute(f"select rowid from {table.name} order by position, id")]
            by_rowid = [r[0] for r in conn.execute(f"select rowid from {table.name} order by rowid")]
            assert by_page == by_rowid, table.name


def test_a_full_load_leaves_a_gap_of_rowids_before_each_reports_rows(seeds_build):
    """Each report's rows of an ordered table start ROWID_GAP past the previous report's last rowid: room for an
    update to put a changed or new report's rows between its neighbours' (database._rowids_between)."""
    from cn_gov_reports.database import ROWID_GAP

    conn = connect(seeds_build)
    for table in (t for t in fields.TABLES if t.order):
        blocks = conn.execute(f"select min(rowid), max(rowid), count(*) from {table.name} group by document_id "
                              "order by min(rowid)").fetchall()
        assert len(blocks) > 1, table.name
        assert all(last - first + 1 == n for first, last, n in blocks), "a report's rows are numbered in a run"
        assert [b[0] for b in blocks] == [ROWID_GAP] + [b[1] + ROWID_GAP for b in blocks[:-1]], table.name


class _Table:
    name = "t"


def _gapped(rows):
    """A table t of (rowid, document id) rows with a POSITION index, as an ordered table's."""
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (id text primary key, document_id text, ordinal integer, "
                 "position text generated always as (document_id || ' ' || printf('%010d', ordinal)) virtual)")
    conn.execute("create index t_position on t (position)")
    conn.executemany("insert into t (rowid, id, document_id, ordinal) values (?, ?, ?, ?)",
                     [(r, f"{d}-{r}", d, r) for r, d in rows])
    return conn


def test_an_updated_reports_rows_go_in_the_middle_of_the_gap_between_its_neighbours():
    from cn_gov_reports.database import ROWID_GAP, _rowids_between

    conn = _gapped([(1, "a"), (2, "a"), (3, "a"), (10, "c"), (11, "c"), (12, "c-2")])
    assert _rowids_between(conn, _Table, "b", 2) == 6  # rowids 4..9 free: the middle two of them
    assert _rowids_between(conn, _Table, "b", 6) == 4
    assert _rowids_between(conn, _Table, "b", 7) is None  # too many for the gap: appended (order lost)
    assert _rowids_between(conn, _Table, "0", 3) is None  # before the first: rowids 1..0, none free
    assert _rowids_between(conn, _Table, "c-1", 1) is None  # between c and c-2 (c's positions sort first)
    assert _rowids_between(conn, _Table, "d", 5) == 12 + ROWID_GAP  # the last: a gap after the last row
    conn.execute("insert into t (rowid, id, document_id, ordinal) values (?, 'x', 'a', 9)", (12 + ROWID_GAP + 3,))
    assert _rowids_between(conn, _Table, "d", 5) is None  # a row already there (rows out of order before)


def test_the_full_text_indexes_are_served_merged_with_fts5s_update_settings(seeds_build):
    """A load fills each index without merging (search.LOADING) and merges it once at the end: one segment, and
    FTS5's usual merging (search.SERVED) set for the updates of an incremental build."""
    from cn_gov_reports import search

    conn = connect(seeds_build)
    for table in search.searchable_tables():
        config = dict(conn.execute(f"select k, v from [{search.fts_table(table)}_config]"))
        assert {k: config[k] for k in search.SERVED} == search.SERVED, table.name
        segments = conn.execute(f"select count(distinct segid) from [{search.fts_table(table)}_idx]").fetchone()[0]
        assert segments == 1, table.name


def test_rows_load_as_cast_reads_each_cell(seeds_build):
    """read_lines (the load's reader of a report's CSV lines) gives every cell as cast() reads it: '' is NULL,
    integers, numbers and booleans typed, text as it is; checked on every row of the seeds' tables."""
    import csv
    import io

    from cn_gov_reports.database import cast, read_lines

    checked = set()
    for table in fields.TABLES:
        data = (seeds_build / "data" / f"{table.name}.csv").read_bytes()
        body = data.split(b"\n", 1)[1]
        expected = [tuple(cast(f, v) for f, v in zip(table.fields, record))
                    for record in csv.reader(io.StringIO(body.decode("utf-8"), newline=""))]
        assert list(read_lines(table, body)) == expected, table.name
        checked |= {(f.type, type(v).__name__) for row in expected for f, v in zip(table.fields, row)}
    assert {("integer", "int"), ("number", "float"), ("boolean", "int"), ("string", "str"),
            ("string", "NoneType")} <= checked
