"""End to end: the seeds built into a temporary directory, served by the real Datasette on 127.0.0.1."""
import csv
import io

import pytest

pytestmark = pytest.mark.server


def test_home_page_shows_title_license_and_source(client):
    html = client.get("/").text
    assert "武汉市各区政府报告数据集" in html
    assert "CC-BY-4.0" in html


def test_default_facets(client):
    data = client.get("/reports/indicators.json?_size=0").json()
    assert {f for f in data["facet_results"]} >= {"document_id", "status", "measure"}
    sections = client.get("/reports/sections.json?_size=0").json()
    levels = {v["value"] for v in sections["facet_results"]["level"]["results"]}
    assert levels == {0, 1, 2, 3}


def test_canned_query_section_tree(client):
    rows = client.get("/reports/section_tree.json", params={"document": "000-72912416dbe8ff8c",
                                                             "_shape": "array"}).json()
    assert [r["level"] for r in rows[:3]] == [0, 1, 2]
    assert "2018年工作回顾" in rows[1]["heading"]


def test_arbitrary_sql(client):
    rows = client.get("/reports.json", params={
        "sql": "select doc_type, count(*) as n from documents group by doc_type order by doc_type",
        "_shape": "array"}).json()
    assert {r["doc_type"]: r["n"] for r in rows} == {"five_year_plan": 1, "government_work_report": 3,
                                                     "implementation_plan": 1}


def test_csv_download_of_a_filtered_table(client):
    response = client.get("/reports/sections.csv", params={"level": "1", "_size": "max"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain") or \
        response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and all(r["level"] == "1" for r in rows)
    assert any(r["heading"] == "2019年重点工作任务" for r in rows)


def test_json_download_of_every_table(client):
    for table in ("documents", "sections", "indicators", "projects", "indicator_names"):
        response = client.get(f"/reports/{table}.json?_shape=array&_size=1")
        assert response.status_code == 200, table
        assert isinstance(response.json(), list)


def test_csv_of_a_canned_query(client):
    response = client.get("/reports/section_tree.csv", params={"document": "004-560a354189f325d1"})
    assert response.status_code == 200 and "2020年工作安排" in response.text


def test_row_page(client):
    rows = client.get("/reports/sections.json?_shape=array&level=1&_size=1").json()
    page = client.get(f"/reports/sections/{rows[0]['id']}")
    assert page.status_code == 200 and rows[0]["heading"] in page.text


def test_foreign_keys_show_labels(client):
    data = client.get("/reports/sections.json?_labels=on&level=1&_size=1&_shape=array").json()
    assert isinstance(data[0]["document_id"], dict) and data[0]["document_id"]["label"]


@pytest.mark.parametrize("sql", [
    "insert into documents (id) values ('x')",
    "update documents set title = 'x'",
    "delete from documents",
    "drop table documents",
    "attach database '/tmp/x.db' as x",
    "pragma writable_schema = 1",
])
def test_writes_are_refused(client, sql):
    response = client.get("/reports.json", params={"sql": sql})
    assert response.status_code in (400, 403)
    count = client.get("/reports.json", params={"sql": "select count(*) as n from documents",
                                                "_shape": "array"}).json()
    assert count == [{"n": 5}]


def test_post_writes_are_refused(client):
    response = client.post("/reports/-/query", data={"sql": "delete from documents"})
    assert response.status_code in (400, 403, 404, 405)


def test_table_pages_sort_by_position_but_export_the_published_columns(client):
    """position (the database's sort key) orders the rows and pages, and stays out of the table's CSV and JSON."""
    from cn_gov_reports import fields

    for table in (t for t in fields.TABLES if t.order):
        header = next(csv.reader(io.StringIO(client.get(f"/reports/{table.name}.csv").text)))
        assert header == table.columns, table.name
        data = client.get(f"/reports/{table.name}.json", params={"_shape": "objects", "_size": 20}).json()
        assert list(data["rows"][0]) == table.columns
        keys, params = [], {"_shape": "objects", "_size": 50, "_col": fields.POSITION}
        while True:  # every page, following next
            page = client.get(f"/reports/{table.name}.json", params=params).json()
            keys += [r[fields.POSITION] for r in page["rows"]]
            if not page.get("next"):
                break
            params["_next"] = page["next"]
        count = client.get(f"/reports/{table.name}.json", params={"_size": 0}).json()["filtered_table_rows_count"]
        assert len(keys) == count and keys == sorted(keys), table.name
