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
