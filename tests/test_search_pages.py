"""Table search pages with more matches than the search cap (plugins/search_pages.py), on a real Datasette.

The seeds' documents and sections are copied 16 times (bench/search_scale.py: 2,528 sections, over a thousand
matching 创新) and served with `search_cap: 50`, once with rowids in `position` order (as a full build loads
them) and once with half the documents moved to the end of the rowid order (as an incremental build leaves
them). On both, a search with more matches than the cap shows the capped wording, the right first rows, facets
over the first 50 matches (labelled), and the JSON pages and CSV stream still give every match in order; a
search with fewer matches is counted and faceted exactly.
"""
import csv
import io
import re
import sqlite3

import httpx
import pytest

from cn_gov_reports.search import match_expression
from cn_gov_reports.serve import datasette_args, free_port, metadata_path, metadata_with_config

from bench import search_scale
from bench.server import wait_for_order_checks
from conftest import running

from cn_gov_reports.web.plugins import search_pages

pytestmark = pytest.mark.server

CAP = 50
COMMON = "创新"  # in about half the sections


def connect(db_path):
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.create_function("escape_fts", 1, match_expression, deterministic=True)
    return conn


def matching(db_path, query, order="position, id"):
    """Ids of the sections matching the query, in `order` (straight from SQLite, no plugin)."""
    return [r[0] for r in connect(db_path).execute(
        "select id from sections where rowid in (select rowid from sections_fts where sections_fts "
        f"match escape_fts(?)) order by {order}", (query,))]


def group_by(db_path, ids, column):
    """{value: rows} of `column` among the sections `ids`."""
    conn = connect(db_path)
    marks = ", ".join("?" for _ in ids)
    return dict(conn.execute(f"select {column}, count(*) from sections where id in ({marks}) group by {column}",
                             ids).fetchall())


@pytest.fixture(scope="module", params=["in_order", "shuffled"])
def big(request, seeds_build, tmp_path_factory):
    """(base URL, reports.db path, whether rowids follow position) of a served 16-copy database."""
    shuffled = request.param == "shuffled"
    out = tmp_path_factory.mktemp(f"search-pages-{request.param}")
    search_scale.make(str(seeds_build / "reports.db"), str(out), 16, shuffle=0.5 if shuffled else 0.0)
    meta = metadata_with_config(metadata_path(), str(out / "metadata.json"), search_cap=CAP)
    port = free_port()
    with running(datasette_args(str(out), port, metadata=meta), out, port) as base:
        with httpx.Client(base_url=base) as c:
            assert wait_for_order_checks(c, 60) == {"reports": {"sections": not shuffled, "indicators": True,
                                                               "projects": True}}  # (empty tables follow)
        yield base, out / "reports.db", not shuffled


@pytest.fixture(scope="module")
def client(big):
    with httpx.Client(base_url=big[0], timeout=60) as c:
        yield c


def test_the_databases(big):
    _, db, in_order = big
    assert len(matching(db, COMMON)) > 1000  # more than one CSV chunk (max_returned_rows 1000)
    assert search_pages.rowids_follow(connect(db), "sections", "position") is in_order
    assert (matching(db, COMMON) == matching(db, COMMON, "rowid")) is in_order


def test_rowids_follow_needs_tied_rows_in_primary_key_order(tmp_path):
    """Rows sharing a sort value follow only if their ids ascend with their rowids (Datasette orders ties by id)."""
    conn = sqlite3.connect(tmp_path / "t.db")
    conn.execute("create table t (id text primary key, position text)")
    conn.execute("create index t_position on t (position)")
    conn.executemany("insert into t values (?, ?)", [("a", "1"), ("b", "2"), ("c", "2"), ("d", "3")])
    assert search_pages.rowids_follow(conn, "t", "position", "id")
    conn.execute("update t set id = 'e' where id = 'b'")  # the tie now has ids e, c: not in id order
    assert not search_pages.rowids_follow(conn, "t", "position", "id")
    conn.execute("update t set position = '0' where id = 'e'")  # no tie, but rowid 2 comes before rowid 1
    assert not search_pages.rowids_follow(conn, "t", "position", "id")


def test_capped_page_says_more_than_the_cap_and_shows_the_first_rows(client, big):
    _, db, _ = big
    html = client.get("/reports/sections", params={"_search": COMMON}).text
    assert f"more than {CAP} rows" in html and f"超过 {CAP} 行" in html
    shown = re.findall(r'<td class="col-id type-pk"><a href="/reports/sections/([^"]+)"', html)
    assert shown == matching(db, COMMON)[:50]
    assert f"Facets count the first {CAP} matching rows" in html
    assert ("matching rows, in document order" in html) is big[2]  # the rows were read in rowid order exactly when they follow


def test_capped_json_count_is_unknown_and_its_pages_give_every_match(client, big):
    _, db, _ = big
    params = {"_search": COMMON, "_size": 100, "_col": "id"}
    data = client.get("/reports/sections.json", params=params).json()
    assert data["filtered_table_rows_count"] is None  # more than the cap: not a number shown as exact
    ids = [row[0] for row in data["rows"]]
    while data.get("next"):
        data = client.get("/reports/sections.json", params={**params, "_next": data["next"]}).json()
        ids += [row[0] for row in data["rows"]]
    assert ids == matching(db, COMMON)


def test_capped_csv_stream_gives_every_match(client, big):
    _, db, _ = big
    response = client.get("/reports/sections.csv", params={"_search": COMMON, "_stream": 1, "_size": "max"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == matching(db, COMMON)


def test_capped_facets_count_the_first_matching_rows(client, big):
    _, db, _ = big
    facets = client.get("/reports/sections.json", params={"_search": COMMON}).json()["facet_results"]
    first = matching(db, COMMON, "rowid")[:CAP]
    for column in ("document_id", "level"):
        got = {v["value"]: v["count"] for v in facets[column]["results"]}
        expected = group_by(db, first, column)
        assert sum(got.values()) <= CAP and got == {k: expected[k] for k in got}
        assert facets[column]["truncated"] or got == expected


def test_a_search_under_the_cap_is_exact(client, big):
    _, db, _ = big
    query = next(q for q in ("长江存储", "光谷", "PM2.5", "招商引资", "人工智能")
                 if 0 < len(matching(db, q)) <= CAP)
    ids = matching(db, query)
    data = client.get("/reports/sections.json", params={"_search": query, "_col": "id"}).json()
    assert data["filtered_table_rows_count"] == len(ids)
    assert [row[0] for row in data["rows"]] == ids
    assert {v["value"]: v["count"] for v in data["facet_results"]["level"]["results"]} == group_by(db, ids, "level")
    html = client.get("/reports/sections", params={"_search": query}).text
    assert f"{len(ids):,} 行" in html and "more than" not in html and "Facets count the first" not in html


def test_filters_beside_a_search_keep_their_meaning(client, big):
    _, db, _ = big
    expected = [r[0] for r in connect(db).execute(
        "select id from sections where level = 2 and rowid in (select rowid from sections_fts where sections_fts "
        "match escape_fts(?)) order by position, id", (COMMON,))]
    assert len(expected) > CAP
    params = {"_search": COMMON, "level": 2, "_col": "id", "_size": 30}
    data = client.get("/reports/sections.json", params=params).json()
    assert data["filtered_table_rows_count"] is None
    ids = [row[0] for row in data["rows"]]
    while data.get("next"):
        data = client.get("/reports/sections.json", params={**params, "_next": data["next"]}).json()
        ids += [row[0] for row in data["rows"]]
    assert ids == expected
    document = connect(db).execute("select document_id from sections where id = ?", (expected[0],)).fetchone()[0]
    few = client.get("/reports/sections.json", params={"_search": COMMON, "document_id": document,
                                                       "_col": "id"}).json()
    mine = [r[0] for r in connect(db).execute("select id from sections where document_id = ? and rowid in (select "
                                              "rowid from sections_fts where sections_fts match escape_fts(?)) "
                                              "order by position", (document, COMMON))]
    assert 0 < len(mine) <= CAP and few["filtered_table_rows_count"] == len(mine)
    assert [row[0] for row in few["rows"]] == mine


def test_sql_typed_by_hand_is_not_rewritten(client, big):
    _, db, _ = big
    sql = ("select count(*) from sections where rowid in (select rowid from sections_fts where sections_fts "
           "match escape_fts(:search))")
    rows = client.get("/reports.json", params={"sql": sql, "search": COMMON, "_search": COMMON,
                                               "_shape": "array"}).json()
    assert list(rows[0].values()) == [len(matching(db, COMMON))]


def test_site_search_counts_up_to_the_cap_and_ranks_the_first_matches(client, big):
    _, db, _ = big
    data = client.get("/-/search.json", params={"q": COMMON, "_size": 1000}).json()
    sections = next(t for t in data["tables"] if t["name"] == "sections")
    assert sections["count"] is None and sections["more_than"] == CAP
    first = set(matching(db, COMMON, "rowid")[:CAP])
    ranked = [r["id"] for r in data["rows"] if r["table"] == "sections"]
    assert len(ranked) == CAP and set(ranked) == first  # every one of the first CAP matches, ranked
    rare = client.get("/-/search.json", params={"q": "长江存储"}).json()["tables"]
    assert all(t["more_than"] is None and t["count"] is not None for t in rare)
    assert next(t for t in rare if t["name"] == "sections")["count"] == len(matching(db, "长江存储"))
    html = client.get("/-/search", params={"q": COMMON}).text
    assert f"超过 {CAP}" in html and f"more than {CAP} rows match" in html


def test_indicators_with_rows_at_one_position_are_read_in_rowid_order(seeds_build, tmp_path):
    """The seeds' indicators table has rows sharing a position (one value read for two subjects); a full load
    puts them in id order, so the search page reads its matches in rowid order and shows the rows SQLite gives
    for `order by position, id`, on the first page and the next."""
    cap = 5
    conn = connect(seeds_build / "reports.db")
    expected = [r[0] for r in conn.execute(
        "select id from indicators where rowid in (select rowid from indicators_fts where indicators_fts "
        "match escape_fts(?)) order by position, id", ("增长",))]
    assert len(expected) > 2 * cap
    meta = metadata_with_config(metadata_path(), str(tmp_path / "metadata.json"), search_cap=cap)
    port = free_port()
    with running(datasette_args(str(seeds_build), port, metadata=meta), tmp_path, port) as base:
        with httpx.Client(base_url=base, timeout=60) as c:
            assert wait_for_order_checks(c, 60)["reports"]["indicators"] is True
            html = c.get("/reports/indicators", params={"_search": "增长"}).text
            assert "matching rows, in document order" in html
            params = {"_search": "增长", "_col": "id", "_size": 7}
            data = c.get("/reports/indicators.json", params=params).json()
            ids = [row[0] for row in data["rows"]]
            while data.get("next"):
                data = c.get("/reports/indicators.json", params={**params, "_next": data["next"]}).json()
                ids += [row[0] for row in data["rows"]]
    assert ids == expected
