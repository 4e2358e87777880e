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
    assert coverage.grid([], "/x") == {"years": [], "regions": []}


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
