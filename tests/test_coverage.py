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
