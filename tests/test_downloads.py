"""Downloads of a filtered view (downloads.py, web/plugins/downloads.py): names, flat CSV and JSON, the zip."""
import csv
import io
import json
import os
import sqlite3
import zipfile
from urllib.parse import quote, urlencode

import pytest

from cn_gov_reports import downloads, fields
from cn_gov_reports.package import dataset, validate

VERSION = dataset()["version"]


@pytest.mark.parametrize("pairs, name", [
    ([("region", "洪山区")], "indicators_region-洪山区_v0.1.0.csv"),
    ([("region", "洪山区"), ("year_start", "2019"), ("_sort", "value"), ("_next", "50"), ("_facet", "unit")],
     "indicators_region-洪山区_year_start-2019_v0.1.0.csv"),
    ([("year_start__gte", "2020"), ("status__exact", "target")], "indicators_year_start-gte-2020_status-target_v0.1.0.csv"),
    ([("_search", "光谷 招商")], "indicators_search-光谷-招商_v0.1.0.csv"),
    ([("unit", "亿元/年"), ("subject__contains", 'a:b*"c')], "indicators_unit-亿元-年_subject-contains-a-b-c_v0.1.0.csv"),
    ([], "indicators_v0.1.0.csv"),
])
def test_file_names_say_table_filters_and_version(pairs, name):
    assert downloads.file_name("indicators", pairs, "0.1.0", "csv") == name


def test_excel_variant_is_marked_and_long_filters_end_in_a_hash():
    assert downloads.file_name("projects", [("status", "target")], "1.2.0", "csv", excel=True) == \
        "projects_status-target_v1.2.0_excel.csv"
    long = downloads.file_name("indicators", [("subject__contains", "长" * 200)], "0.1.0", "csv")
    assert len(long) < 120 and long.endswith("_v0.1.0.csv")
    other = downloads.file_name("indicators", [("subject__contains", "长" * 199)], "0.1.0", "csv")
    assert other != long


def test_view_args_keep_what_chooses_rows_and_their_order():
    pairs = [("region", "洪山区"), ("_sort_desc", "value"), ("_search", "GDP"), ("_size", "max"), ("_labels", "on"),
             ("_facet", "unit"), ("_nocol", "sentence"), ("_next", "100"), ("_where", "value > 1")]
    assert downloads.view_args(pairs) == [("region", "洪山区"), ("_sort_desc", "value"), ("_search", "GDP"),
                                          ("_where", "value > 1")]


def test_content_disposition_carries_the_utf8_name_and_an_ascii_fallback():
    header = downloads.content_disposition("indicators_region-洪山区_v0.1.0.csv")
    assert header.startswith('attachment; filename="indicators_region-____v0.1.0.csv"')
    assert f"filename*=UTF-8''{quote('indicators_region-洪山区_v0.1.0.csv')}" in header


def test_read_rows_refuses_a_view_without_the_tables_columns():
    with pytest.raises(ValueError, match="no column document_id"):
        downloads.read_rows(fields.PROJECTS, b"id,name\nx,y\n")


def test_read_rows_keeps_the_tables_columns_and_leaves_database_only_ones_out():
    table = fields.TEXTS
    header = ["position"] + table.columns[::-1]
    record = {"position": "d 0", "id": "d-text-00000", "document_id": "d", "part": "0", "char_start": "0",
              "char_end": "2", "text": "全文"}
    data = ",".join(header) + "\n" + ",".join(record[c] for c in header) + "\n"
    assert downloads.read_rows(table, data.encode("utf-8")) == [
        {"id": "d-text-00000", "document_id": "d", "part": 0, "char_start": 0, "char_end": 2, "text": "全文"}]


def test_data_dictionary_has_every_column_with_its_codes():
    rows = downloads.dictionary_rows(fields.INDICATORS)
    assert [r["column"] for r in rows] == fields.INDICATORS.columns
    status = next(r for r in rows if r["column"] == "status")
    assert status["values"] == "actual = 实际 Actual; estimate = 预计 Estimate; target = 目标 Target"
    assert next(r for r in rows if r["column"] == "region")["in_spec"] == "no (extension)"


def published_lines(build, table):
    with open(os.path.join(str(build), "data", f"{table}.csv"), encoding="utf-8", newline="") as fh:
        return {row[0]: row for row in csv.reader(fh)}


def filtered_ids(build, sql, params=()):
    conn = sqlite3.connect(os.path.join(str(build), "reports.db"))
    try:
        return [r[0] for r in conn.execute(sql, params)]
    finally:
        conn.close()


@pytest.mark.server
def test_csv_download_is_the_published_rows_of_the_view_under_a_self_describing_name(client, seeds_build):
    region = filtered_ids(seeds_build, "select region from documents where region_code = '420111'")[0]
    query = urlencode({"region": region, "year_start": 2019})
    response = client.get(f"/-/download/reports/indicators.csv?{query}")
    assert response.status_code == 200
    assert quote(f"indicators_region-{region}_year_start-2019_v{VERSION}.csv") in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"), newline="")))
    assert rows[0] == fields.INDICATORS.columns
    expected = filtered_ids(seeds_build, "select id from indicators where region = ? and year_start = 2019 "
                                         "order by sentence_start", (region,))
    assert sorted(r[0] for r in rows[1:]) == sorted(expected) and expected
    published = published_lines(seeds_build, "indicators")
    assert all(published[r[0]] == r for r in rows[1:])  # cell for cell as in data/indicators.csv
    excel = client.get(f"/-/download/reports/indicators.csv?{query}&_bom=1")  # plugins/ui_csv_bom.py
    assert excel.content == downloads.BOM + response.content
    assert quote(f"_v{VERSION}_excel.csv") in excel.headers["content-disposition"]


@pytest.mark.server
def test_json_download_is_flat_like_the_csv(client, seeds_build):
    response = client.get("/-/download/reports/projects.json?status=target")
    assert quote(f"projects_status-target_v{VERSION}.json") in response.headers["content-disposition"]
    rows = response.json()
    expected = filtered_ids(seeds_build, "select id from projects where status = 'target'")
    assert sorted(r["id"] for r in rows) == sorted(expected)
    assert all(list(r) == fields.PROJECTS.columns for r in rows)
    assert all(not isinstance(v, (dict, list)) for r in rows for v in r.values())
    plain = client.get("/-/download/reports/projects.csv?status=target").content.decode("utf-8")
    assert [r["id"] for r in csv.DictReader(io.StringIO(plain))] == [r["id"] for r in rows]


@pytest.mark.server
def test_zip_carries_rows_dictionary_license_and_citation_and_validates(client, seeds_build, tmp_path):
    response = client.get("/-/download/reports/indicators.zip?status=target&_sort=id")
    assert quote(f"indicators_status-target_v{VERSION}.zip") in response.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as z:
        z.extractall(tmp_path)
        names = set(z.namelist())
    csv_name = f"indicators_status-target_v{VERSION}.csv"
    assert names == {csv_name, "datapackage.json", "data-dictionary.csv", "LICENSE.txt", "CITATION.txt", "README.txt"}
    with open(tmp_path / csv_name, encoding="utf-8") as fh:
        ids = [r["id"] for r in csv.DictReader(fh)]
    assert ids == filtered_ids(seeds_build, "select id from indicators where status = 'target' order by id")
    assert validate(str(tmp_path)) == []  # real frictionless validation of the zip's package
    with open(tmp_path / "data-dictionary.csv", encoding="utf-8") as fh:
        assert [r["column"] for r in csv.DictReader(fh)] == fields.INDICATORS.columns
    cite = (tmp_path / "CITATION.txt").read_text(encoding="utf-8")
    page = client.get("/-/cite.json").json()["dataset"]  # the same citation every page shows, three styles
    assert cite.startswith(f"APA:\n{page['apa']}\n\nGB/T 7714-2015:\n{page['gbt7714']}\n\nBibTeX:\n{page['bibtex']}")
    assert "CC-BY-4.0" in (tmp_path / "LICENSE.txt").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))["version"] == VERSION


@pytest.mark.server
def test_unknown_tables_and_bad_views_get_a_plain_error(client):
    assert client.get("/-/download/reports/package_info.csv").status_code == 404
    assert client.get("/-/download/nope/indicators.csv").status_code == 404
    bad = client.get("/-/download/reports/indicators.csv?_nocol=sentence")
    assert bad.status_code == 200  # _nocol is presentation: left out, every column comes
    assert bad.text.splitlines()[0].split(",") == fields.INDICATORS.columns
    wrong = client.get("/-/download/reports/indicators.csv?_sort=nosuchcolumn")
    assert wrong.status_code == 400 and wrong.text.startswith("indicators: this view cannot be downloaded")
    assert "nosuchcolumn" in wrong.text and "<html" not in wrong.text


@pytest.mark.server
def test_a_table_of_another_shape_keeps_datasettes_own_downloads(seeds_build, tmp_path):
    """An old release's table (here: indicators without year_end) is not this release's: its page links
    Datasette's own CSV and JSON, and /-/download refuses it in one line."""
    import shutil

    import httpx

    from conftest import serving

    shutil.copy(os.path.join(str(seeds_build), "reports.db"), tmp_path / "reports.db")
    conn = sqlite3.connect(tmp_path / "reports.db")
    conn.execute("alter table indicators drop column year_end")
    conn.commit()
    conn.close()
    with serving(tmp_path) as base, httpx.Client(base_url=base, timeout=30) as client:
        page = client.get("/reports/indicators?status=target").text
        assert 'href="/reports/indicators.csv?' in page and "/-/download/reports/indicators" not in page
        assert "/-/download/reports/projects" in client.get("/reports/projects").text
        refused = client.get("/-/download/reports/indicators.csv")
        assert refused.status_code == 400 and refused.text.count("\n") == 1 and "no column year_end" in refused.text
