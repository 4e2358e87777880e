"""The home page's region x year coverage grid (coverage.py), from rows and from the real server."""
import os
import re
import sqlite3
from urllib.parse import parse_qs, urlparse

import pytest

from cn_gov_reports import coverage

ROWS = [{"region": "洪山区", "region_code": "420111", "year": 2019, "reports": 1, "indicators": 167, "targets": 0},
        {"region": "洪山区", "region_code": "420111", "year": 2020, "reports": 1, "indicators": 35, "targets": 35},
        {"region": "东西湖区", "region_code": "420112", "year": 2024, "reports": 1, "indicators": 118, "targets": 0}]


def test_grid_has_a_column_per_year_and_a_row_per_region_in_code_order():
    grid = coverage.grid(ROWS, "/reports/indicators")
    assert grid["years"] == [2019, 2020, 2024]
    assert [g["region"] for g in grid["regions"]] == ["洪山区", "东西湖区"]
    hongshan, dongxihu = grid["regions"]
    assert [c and c["indicators"] for c in hongshan["cells"]] == [167, 35, None]
    assert [c and c["indicators"] for c in dongxihu["cells"]] == [None, None, 118]
    cell = hongshan["cells"][1]
    assert parse_qs(urlparse(cell["url"]).query) == {"region": ["洪山区"], "year_start": ["2020"]}
    assert parse_qs(urlparse(cell["targets_url"]).query) == {"region": ["洪山区"], "year_start": ["2020"],
                                                             "status": ["target"]}


def test_grid_of_nothing_is_empty():
    assert coverage.grid([], "/x") == {"years": [], "regions": [], "by_province": False, "province": None}


NATIONAL = ROWS + [
    {"region": "六安市", "region_code": "341500", "year": 2020, "reports": 1, "indicators": 50, "targets": 7},
    {"region": "东湖高新区", "region_code": "420100-Z01", "year": 2020, "reports": 2, "indicators": 10, "targets": 1},
    {"region": "全国", "region_code": "100000", "year": 2024, "reports": 1, "indicators": 90, "targets": 60}]


def test_a_grid_of_many_regions_has_a_row_per_province_adding_up_its_regions():
    grid = coverage.grid(NATIONAL, "/reports/indicators", listed=3)  # 5 regions: more than listed
    assert grid["by_province"] and grid["years"] == [2019, 2020, 2024]
    assert [(g["region"], g["province"]) for g in grid["regions"]] == [
        ("全国", None), ("安徽省", "34"), ("湖北省", "42")]
    national, anhui, hubei = grid["regions"]
    assert [c and (c["reports"], c["indicators"], c["targets"]) for c in hubei["cells"]] == [
        (1, 167, 0), (3, 45, 36), (1, 118, 0)]  # 洪山区, 东西湖区 and the zone of 武汉市 (420100-Z01)
    assert parse_qs(urlparse(hubei["cells"][1]["url"]).query) == {"region_code__startswith": ["42"],
                                                                   "year_start": ["2020"]}
    assert parse_qs(urlparse(hubei["cells"][1]["targets_url"]).query) == {
        "region_code__startswith": ["42"], "year_start": ["2020"], "status": ["target"]}
    assert parse_qs(urlparse(national["cells"][2]["url"]).query) == {"region": ["全国"], "year_start": ["2024"]}
    assert coverage.grid(NATIONAL, "/x", listed=5)["by_province"] is False


def test_a_province_grid_lists_that_provinces_regions():
    grid = coverage.grid(NATIONAL, "/reports/indicators", province="42", listed=3)
    assert grid["province"] == "湖北省" and not grid["by_province"]
    assert [g["region"] for g in grid["regions"]] == ["东湖高新区", "洪山区", "东西湖区"]  # in code order
    assert grid["years"] == [2019, 2020, 2024]


@pytest.mark.parametrize("value, expected", [("42", "42"), (" 34 ", "34"), ("10", None), ("99", None),
                                             ("420111", None), ("", None), (None, None), ("4", None)])
def test_only_a_provinces_two_digits_choose_a_province_grid(value, expected):
    assert coverage.province_arg(value) == expected


@pytest.mark.server
def test_home_page_grid_counts_match_the_database_and_links_filter_to_them(client, seeds_build):
    conn = sqlite3.connect(os.path.join(str(seeds_build), "reports.db"))
    expected = {(r, y): (d, n, t) for r, y, d, n, t in conn.execute(
        "select region, year_start, count(distinct document_id), count(*), sum(status = 'target') from indicators "
        "where year_start is not null and region != '' group by 1, 2")}
    html = client.get("/").text
    cells = re.findall(r'<a class="ui-cell-link" href="([^"]+)" title="[^"]*"><span class="ui-cell-reports">(\d+)'
                       r'</span> · <span class="ui-cell-indicators">(\d+)</span></a>\s*· (?:<a class="ui-cell-targets" '
                       r'href="[^"]+">|<span class="ui-cell-targets">)(\d+)', html)
    assert len(cells) == len(expected) > 0
    for url, reports, indicators, targets in cells:
        query = parse_qs(urlparse(url.replace("&amp;", "&")).query)
        key = (query["region"][0], int(query["year_start"][0]))
        assert expected[key] == (int(reports), int(indicators), int(targets))
        listed = client.get(url.replace("&amp;", "&").replace("/reports/indicators?", "/reports/indicators.json?")
                            + "&_shape=array&_size=max").json()
        assert len(listed) == int(indicators)


@pytest.mark.server
def test_a_province_grid_on_the_home_page_and_the_filter_a_province_cell_links_to(client, seeds_build):
    """/?province=42 lists Hubei's regions with a link back; a province cell's filter (region_code__startswith)
    gives the rows of that province's regions, as the cell adds them up."""
    html = client.get("/?province=42").text
    grid = re.search(r'<table class="ui-list ui-coverage">(.*?)</table>', html, re.S).group(1)
    conn = sqlite3.connect(os.path.join(str(seeds_build), "reports.db"))
    hubei = {r for (r,) in conn.execute("select distinct region from indicators where region_code like '42%' "
                                        "and year_start is not null")}
    assert hubei and set(re.findall(r'<tr data-region="([^"]+)"', grid)) == hubei
    assert "湖北省各地区" in html and 'href="/#coverage"' in html
    assert "湖北省各地区" not in client.get("/?province=99").text  # not a province: the whole grid
    year, rows = conn.execute("select year_start, count(*) from indicators where region_code like '42%' "
                              "and year_start is not null group by 1 order by 2 desc limit 1").fetchone()
    listed = client.get(f"/reports/indicators.json?region_code__startswith=42&year_start={year}"
                        "&_shape=array&_size=max").json()
    assert len(listed) == rows


@pytest.mark.server
def test_home_page_source_points_at_tables_that_exist(client):
    html = client.get("/").text
    source = re.search(r'<dd class="ui-source">(.*?)</dd>', html, re.S).group(1)
    assert "listed in sources" not in source and "documents" in source
    for href in re.findall(r'href="([^"]+)"', source):
        assert client.get(href).status_code == 200, href


def test_the_grid_from_the_counts_written_at_build_time_is_the_grid_from_the_indicators(seeds_build):
    """The home page adds up _coverage_counts (per document, region and year; counts.py) instead of grouping every
    indicator row: the same rows as that grouping."""
    conn = sqlite3.connect(os.path.join(str(seeds_build), "reports.db"))
    rows = conn.execute(coverage.SQL).fetchall()
    assert rows and rows == conn.execute(coverage.LIVE_SQL).fetchall()


@pytest.mark.server
def test_a_home_page_of_many_documents_lists_the_first_and_links_to_all(seeds_build, tmp_path):
    """The home page lists ui.HOME_DOCUMENTS documents (a national build has tens of thousands) and links to the
    documents table for the rest."""
    import httpx

    from bench import search_scale
    from cn_gov_reports import ui
    from cn_gov_reports.serve import datasette_args, free_port
    from conftest import running

    search_scale.make(str(seeds_build / "reports.db"), str(tmp_path), 21)  # 105 documents
    total = sqlite3.connect(tmp_path / "reports.db").execute("select count(*) from documents").fetchone()[0]
    assert total > ui.HOME_DOCUMENTS
    port = free_port()
    with running(datasette_args(str(tmp_path), port), tmp_path, port) as base:
        html = httpx.get(base + "/", timeout=60).text
    listed = re.search(r'<table class="ui-list ui-documents">(.*?)</table>', html, re.S).group(1)
    assert listed.count("<tr><td>") == ui.HOME_DOCUMENTS
    assert f"The first {ui.HOME_DOCUMENTS} of {total:,} documents" in html and 'href="/reports/documents"' in html
