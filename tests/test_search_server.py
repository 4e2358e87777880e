"""Search through the real Datasette server compared with a substring scan of the same rows.

`?_search=` on every searchable table must return exactly the rows that contain the query (recall 1.0,
precision >= 0.98 over the list), including one- and two-character queries, numbers with units, Latin and
mixed terms and strings jieba cuts across word boundaries. Runs over the seeds build's rows, indicators and projects
included.
"""
import os
import sqlite3

import pytest

from cn_gov_reports import fields, search

from conftest import FIXTURES

pytestmark = pytest.mark.server

QUERIES_FILE = os.path.join(FIXTURES, "search_queries.txt")


def read_queries(path=QUERIES_FILE):
    """The queries of tests/fixtures/search_queries.txt (taken from the seeds; '#' lines are comments)."""
    with open(path, encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.startswith("#")]


QUERIES = read_queries()
ABSENT = {"车谷", "硚口"}  # dictionary names no seed mentions


def fetch_ids(client, table, query):
    """Ids of every row `/reports/<table>.json?_search=query` returns, following the pages."""
    ids, params = [], {"_search": query, "_shape": "objects", "_size": "max", "_col": "id"}
    while True:
        data = client.get(f"/reports/{table}.json", params=params).json()
        assert "rows" in data, data
        ids += [row["id"] for row in data["rows"]]
        if not data.get("next"):
            return ids
        params["_next"] = data["next"]


def substring_scan(db_path, table, query):
    """Ids of the rows whose searchable columns contain every term of the query (case-insensitive)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    columns = ", ".join(f"[{c}]" for c in table.fts)
    return {row[0] for row in conn.execute(f"select id, {columns} from [{table.name}]")
            if search.contains(query, *row[1:])}


def compare(client, db_path, tables):
    """{(query, table): (returned ids, substring-scan ids)} for every query and table."""
    results = {}
    for query in QUERIES:
        for table in tables:
            returned = fetch_ids(client, table.name, query)
            assert len(returned) == len(set(returned)), (query, table.name)
            results[(query, table.name)] = (set(returned), substring_scan(db_path, table, query))
    return results


def assert_recall_and_precision(results):
    relevant = sum(len(expected) for _, expected in results.values())
    returned = sum(len(got) for got, _ in results.values())
    true_hits = sum(len(got & expected) for got, expected in results.values())
    missed = {key: sorted(expected - got)[:3] for key, (got, expected) in results.items() if expected - got}
    assert not missed, f"recall below 1.0: {missed}"
    assert relevant > 0
    precision = true_hits / returned
    extra = {key: sorted(got - expected)[:3] for key, (got, expected) in results.items() if got - expected}
    assert precision >= 0.98, f"precision {precision:.3f}: {extra}"


def test_the_query_list(seeds_build):
    assert len(QUERIES) >= 40 and len(set(QUERIES)) == len(QUERIES)
    assert {len(q) for q in QUERIES} >= set(range(1, 9))
    db = seeds_build / "reports.db"
    for query in QUERIES:
        found = sum(len(substring_scan(db, t, query)) for t in search.searchable_tables())
        assert (found == 0) == (query in ABSENT), f"{query!r} should come from the seeds"


def test_search_finds_what_a_substring_scan_finds(client, seeds_build):
    results = compare(client, seeds_build / "reports.db", search.searchable_tables())
    assert_recall_and_precision(results)
    assert len(results[("光", "sections")][1]) > 10  # one character finds many rows
    for table in (fields.INDICATORS, fields.PROJECTS):
        assert sum(len(expected) for (_, name), (_, expected) in results.items() if name == table.name) > 50


def test_every_returned_row_contains_the_exact_query(client):
    rows = client.get("/reports/sections.json", params={"_search": "长江存储", "_shape": "array"}).json()
    assert rows and all("长江存储" in (r["heading"] or "") + r["text"] for r in rows)


def test_search_on_one_column(client):
    ids = {r["id"] for r in client.get("/reports/sections.json", params={
        "_search_heading": "光谷", "_shape": "array", "_size": "max"}).json()}
    assert ids
    rows = client.get("/reports/sections.json", params={"_shape": "array", "_size": "max"}).json()
    assert ids == {r["id"] for r in rows if "光谷" in (r["heading"] or "")}


def test_escape_fts_is_replaced(client):
    rows = client.get("/reports.json", params={"sql": "select escape_fts('光谷 5G') as m", "_shape": "array"}).json()
    assert rows == [{"m": '"光 谷" AND "5 G"'}]


def test_table_pages_have_a_search_box(client):
    for table in search.searchable_tables():
        html = client.get(f"/reports/{table.name}").text
        assert 'name="_search"' in html, table.name


def test_home_page_has_a_search_form(client):
    html = client.get("/").text
    assert 'action="/-/search"' in html and 'name="q"' in html


def test_cross_table_search_is_ranked(client, seeds_build):
    data = client.get("/-/search.json", params={"q": "长江 存储", "_size": 1000}).json()
    rows = data["rows"]
    assert {t["name"] for t in data["tables"]} == {t.name for t in search.searchable_tables()}
    assert len(rows) == sum(t["count"] for t in data["tables"])
    assert [search.rank_key(r) for r in rows] == sorted(search.rank_key(r) for r in rows)
    conn = sqlite3.connect(f"file:{seeds_build / 'reports.db'}?mode=ro", uri=True)
    tables = {t.name: t for t in search.searchable_tables()}
    for hit in rows:  # verbatim means the row holds the query with its spaces removed
        columns = tables[hit["table"]].fts
        values = conn.execute(f"select {', '.join(columns)} from [{hit['table']}] where id = ?", (hit["id"],)).fetchone()
        assert bool(hit["verbatim"]) == any("长江存储" in (v or "") for v in values), hit["id"]
    assert rows[0]["verbatim"] and not rows[-1]["verbatim"], "expected both kinds of row in the seeds"


def test_cross_table_search_page(client):
    html = client.get("/-/search", params={"q": "PM2.5"}).text
    assert "<mark>PM2.5</mark>" in html and "/reports/sections?_search=PM2.5" in html
    assert client.get("/-/search").status_code == 200
    assert client.get("/-/search.json").status_code == 400


def test_a_row_that_is_the_query_comes_first(client, seeds_build):
    """788亿元: the indicator whose mention is 788亿元 ranks above the other rows of its sentence (a rank row)."""
    conn = sqlite3.connect(f"file:{seeds_build / 'reports.db'}?mode=ro", uri=True)
    exact = [r[0] for r in conn.execute("select id from indicators where substr(sentence, char_start - "
                                        "sentence_start + 1, char_end - char_start) = '788亿元'")]
    same_sentence = [r[0] for r in conn.execute("select id from indicators where sentence like '%788亿元%'")]
    assert len(exact) == 1 and len(same_sentence) > 1
    rows = client.get("/-/search.json", params={"q": "788亿元"}).json()["rows"]
    assert rows[0]["id"] == exact[0] and rows[0]["exact"] and rows[0]["value"] == "788亿元"
    assert not any(r["exact"] for r in rows[1:])


def test_search_groups_rows_by_report_one_line_per_snippet(client, seeds_build):
    data = client.get("/-/search.json", params={"q": "招商引资", "_size": 200}).json()
    conn = sqlite3.connect(f"file:{seeds_build / 'reports.db'}?mode=ro", uri=True)
    regions = dict(conn.execute("select id, region from documents"))
    grouped = [row_id for g in data["groups"] for line in g["lines"] for row_id in line["rows"]]
    assert sorted(grouped) == sorted(r["id"] for r in data["rows"]), "every hit in exactly one group"
    assert len({g["document_id"] for g in data["groups"]}) == len(data["groups"]) > 1
    for group in data["groups"]:
        assert group["document"]["region"] == regions[group["document_id"]]
        lines = [(line["table"], line["snippet"]) for line in group["lines"]]
        assert len(lines) == len(set(lines)), "a snippet shows once per report"
    # groups in the order of their best hit
    first_of = {}
    for n, hit in enumerate(data["rows"]):
        first_of.setdefault(hit["document_id"], n)
    assert [g["document_id"] for g in data["groups"]] == sorted(first_of, key=first_of.get)
