"""Row and facet counts written at build time (counts.py) and served by web/plugins/facet_counts.py: the same
numbers Datasette computes, without counting the whole table on each unfiltered page."""
import html
import json
import re
import sqlite3
import sys

import pytest

from cn_gov_reports import counts, fields

TRACE = re.compile(r"<pre>(\{\s*&#34;request_duration_ms.*?)</pre>", re.S)


@pytest.fixture(scope="module")
def db(seeds_build):
    conn = sqlite3.connect(f"file:{seeds_build / 'reports.db'}?mode=ro", uri=True)
    yield conn
    conn.close()


def test_table_counts_are_the_row_counts(db):
    stored = dict(db.execute(f"select table_name, rows from [{counts.TABLE_COUNTS}]"))
    assert stored == {t.name: db.execute(f"select count(*) from [{t.name}]").fetchone()[0] for t in fields.TABLES}


def test_facet_counts_are_every_configured_facet_columns_group_by(db):
    assert counts.facet_columns(), "some table has facets"
    for table, column in counts.facet_columns():
        stored = db.execute(f"select value, count from [{counts.FACET_COUNTS}] where table_name = ? and column_name = ? "
                            "order by value", (table.name, column)).fetchall()
        direct = db.execute(f"select [{column}], count(*) from [{table.name}] where [{column}] is not null "
                            f"group by [{column}] order by [{column}]").fetchall()
        assert stored == direct, (table.name, column)


def facets(client, path):
    data = client.get(path).raise_for_status().json()
    return data["filtered_table_rows_count"], {
        name: ([(r["value"], r["count"], r["label"], r["selected"]) for r in f["results"]], f["truncated"])
        for name, f in data["facet_results"].items()}


@pytest.mark.parametrize("table", ["indicators", "sections", "documents", "projects"])
def test_served_facets_equal_datasettes_own_counts(client, table):
    """The unfiltered page (answered from the counts) against the same rows through a filter that keeps
    every row (which Datasette counts itself): same total, values, counts, order, labels, truncation."""
    configured = fields.BY_NAME[table].facets
    extra = "&".join(f"_facet={c}" for c in configured)
    for size in ("", "&_facet_size=3", "&_facet_size=max"):
        fast = facets(client, f"/reports/{table}.json?{extra}{size}")
        slow = facets(client, f"/reports/{table}.json?{extra}{size}&rowid__notnull=1")
        assert fast == slow, (table, size)
        assert set(configured) <= set(fast[1])


def traced_sql(client, path):
    page = client.get(path + ("&" if "?" in path else "?") + "_trace=1").raise_for_status().text
    trace = json.loads(html.unescape(TRACE.search(page).group(1)))
    return [" ".join(t["sql"].split()) for t in trace["traces"] if t.get("type") == "sql"]


def test_an_unfiltered_table_page_neither_counts_nor_groups_the_table(seeds_build, tmp_path):
    """With the counts, the indicators page runs no count(*) and no group by over indicators; a filtered page
    still counts its rows itself."""
    from conftest import running
    from cn_gov_reports.serve import datasette_args, free_port

    port = free_port()
    import httpx

    with running(datasette_args(str(seeds_build), port) + ["--setting", "trace_debug", "1"], tmp_path, port) as base:
        with httpx.Client(base_url=base, timeout=30) as client:
            unfiltered = traced_sql(client, "/reports/indicators")
            filtered = traced_sql(client, "/reports/indicators?status=planned")
            assert client.get("/reports.json").json()["tables"]  # the database page answers
            hidden = {t["name"]: t["hidden"] for t in client.get("/reports.json").json()["tables"]}
    assert not [s for s in unfiltered if "from indicators" in s and ("count(*)" in s or "group by" in s)]
    assert any(counts.FACET_COUNTS in s for s in unfiltered)
    assert any("count(*)" in s and "from indicators" in s for s in filtered)
    assert any("group by" in s and "indicators" in s for s in filtered)
    assert hidden[counts.FACET_COUNTS] and hidden[counts.TABLE_COUNTS] and not hidden["indicators"]


def test_every_count_the_database_page_gives_is_exact(client, db):
    """Table counts come from _table_counts and, for the other tables (the full-text index's shadow tables, the
    count tables, package_info), from what ANALYZE wrote in sqlite_stat1."""
    tables = {t["name"]: t["count"] for t in client.get("/reports.json").raise_for_status().json()["tables"]}
    for name in (t.name for t in fields.TABLES):
        assert tables[name] is not None, name
    assert tables["sections_fts_docsize"] is not None and tables["package_info"] is not None
    for name, count in tables.items():
        if count is not None:
            assert count == db.execute(f"select count(*) from [{name}]").fetchone()[0], name


def test_the_server_counts_no_table_at_startup(seeds_build, tmp_path):
    """Without sqlite_stat1 a table missing from _table_counts has no count rather than one made at startup:
    SQLite's count(*) is one step that no time limit stops, and on a cold 22 GB file counting the full-text
    index's shadow tables held the server's startup for minutes."""
    import shutil

    from conftest import running
    from cn_gov_reports.serve import datasette_args, free_port

    shutil.copyfile(seeds_build / "reports.db", tmp_path / "reports.db")
    conn = sqlite3.connect(tmp_path / "reports.db")
    conn.execute("drop table sqlite_stat1")
    conn.commit()
    conn.close()
    port = free_port()
    with running(datasette_args(str(tmp_path), port), tmp_path, port) as base:
        import httpx

        tables = {t["name"]: t["count"] for t in httpx.get(base + "/reports.json", timeout=30).json()["tables"]}
    assert tables["sections_fts_docsize"] is None and tables["package_info"] is None
    assert tables["sections"] == sqlite3.connect(tmp_path / "reports.db").execute(
        "select count(*) from sections").fetchone()[0]  # from _table_counts


def test_the_database_hash_is_made_on_a_thread_from_startup(client, seeds_build):
    """Datasette's hash of an immutable database (the download's ETag) is the file's sha256, computed on a thread
    started with the server rather than by the first request that asks (the home page): None until then."""
    import hashlib
    import time

    expected = hashlib.sha256((seeds_build / "reports.db").read_bytes()).hexdigest()
    deadline = time.time() + 60
    while True:
        found = {d["name"]: d["hash"] for d in client.get("/-/databases.json").json()}["reports"]
        if found is not None or time.time() > deadline:
            break
        time.sleep(0.2)
    assert found == expected
    assert client.get("/reports.db", headers={"If-None-Match": f'"{expected}"'}).status_code == 304


@pytest.mark.parametrize("settings", [{}, {"base_url": "/data/", "force_https_urls": True}])
def test_facet_values_and_links_are_datasettes_own(seeds_build, settings):
    """The served facet (values, counts, labels, and each value's toggle link, which the plugin builds from a
    plain string) equals Datasette's own ColumnFacet on the same request: unfiltered, filtered with a value
    selected (its link removes it), a search page, a truncated facet; with and without a base URL and https."""
    import asyncio
    from urllib.parse import quote

    from datasette import facets as datasette_facets
    from datasette.app import Datasette
    from datasette.utils.asgi import Request

    from cn_gov_reports.web.plugins.facet_counts import CountedColumnFacet

    db = seeds_build / "reports.db"
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    region = conn.execute("select region from indicators where region is not null limit 1").fetchone()[0]
    document = conn.execute("select document_id from indicators limit 1").fetchone()[0]
    conn.close()
    ds = Datasette(immutables=[str(db)], settings=settings)
    pages = [  # (request path, sql, params)
        ("/reports/indicators", "select * from [indicators]", {}),
        (f"/reports/indicators?region={quote(region)}&_facet=status&_facet_size=3",
         "select * from [indicators] where [region] = :p0", {"p0": region}),
        (f"/reports/indicators?_search={quote('创新')}&document_id={quote(document)}",
         "select * from [indicators] where [sentence] like :p0 and [document_id] = :p1",
         {"p0": "%创新%", "p1": document}),
    ]

    async def results(facet_class, path, sql, params):
        facet = facet_class(ds, Request.fake(path), "reports", sql=sql, table="indicators", params=params,
                            metadata={"facets": ["region", "year_start", "document_id"]})
        return await facet.facet_results()

    async def compare():
        for path, sql, params in pages:
            ours = await results(CountedColumnFacet, path, sql, params)
            theirs = await results(datasette_facets.ColumnFacet, path, sql, params)
            assert ours == theirs, path
            assert all(v["toggle_url"].startswith("https://" if settings else "http://")
                       for f in ours[0] for v in f["results"])
        return ours

    last = asyncio.run(compare())
    assert any(v["selected"] for f in last[0] for v in f["results"])  # the removing link was compared too


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own nice value is Linux's")
def test_the_servers_background_threads_run_at_the_lowest_cpu_priority():
    """The hash of the database file and the search-order check run on threads that take a CPU only when no page
    wants it (at 10,000x the hash reads 22 GB while the first pages are served)."""
    import os
    import threading

    from cn_gov_reports import served

    pool = served.background_threads("test-background")
    try:
        nice = pool.submit(lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id())).result()
    finally:
        pool.shutdown()
    assert nice == served.BACKGROUND_NICE == 19
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) < 19  # the calling thread keeps its own
