"""The web UI in a real headless Chromium (Debian's, driven by Playwright) against the real server on 127.0.0.1.

Chromium comes from `.ci/install-browser`; SKIP_BROWSER=1 skips these tests (and says so). Every test saves
a full-page screenshot and one of the first screen under test-artifacts/browser/."""
import csv
import io
import json
import os
import re
import sqlite3
import sys
from urllib.parse import urlparse

import pytest

from conftest import ROOT, serving
from cn_gov_reports import ui
from cn_gov_reports.package import dataset

pytestmark = pytest.mark.server

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags a headless Chromium needs on a closed network (else it hangs trying to reach Google's hosts).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = os.path.join(ROOT, "test-artifacts", "browser")
TIMEOUT_MS = 20000


@pytest.fixture(scope="module")
def browser():
    """Chromium driven by Playwright's sync API, for this module only: its event loop must be gone before
    other modules run asyncio code (bench/load.py)."""
    if os.environ.get("SKIP_BROWSER") == "1":
        pytest.skip("SKIP_BROWSER=1: browser tests skipped on request")
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run .ci/install-browser (apt-get install chromium), "
                    "or set SKIP_BROWSER=1 to skip the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A fresh page; after the test, a full-page screenshot and a check that nothing left 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="zh-CN")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    hosts = set()
    tab.on("request", lambda r: hosts.add(urlparse(r.url).hostname))
    yield tab
    os.makedirs(ARTIFACTS, exist_ok=True)
    tab.screenshot(path=os.path.join(ARTIFACTS, f"{request.node.name}.png"), full_page=True)
    tab.screenshot(path=os.path.join(ARTIFACTS, f"{request.node.name}-top.png"))  # the first screen
    context.close()
    assert hosts <= {"127.0.0.1"}, f"the page fetched from other hosts: {hosts - {'127.0.0.1'}}"


def snap(page, name):
    """A screenshot of the first screen at a moment worth showing (docs/screenshots/ copies some of them)."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    page.screenshot(path=os.path.join(ARTIFACTS, f"{name}.png"))


def query(build, sql, params=()):
    conn = sqlite3.connect(os.path.join(str(build), "reports.db"))
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def shown_ids(page):
    return [a.inner_text() for a in page.locator("table.rows-and-columns td.col-id a").all()]


def row_count(page):
    """The 'N rows ...' count Datasette prints above a table."""
    return int(re.match(r"([\d,]+) rows?", page.locator(".content h3").first.inner_text()).group(1).replace(",", ""))


def test_home_page_shows_title_version_license_source_and_citation(page, server):
    ds = dataset()
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == ds["title"]
    assert page.locator(".ui-version").inner_text() == ds["version"]
    assert ds["licenses"][0]["name"] in page.locator(".ui-license").inner_text()
    assert "Government websites" in page.locator(".ui-source").inner_text()
    assert f"Version {ds['version']}" in page.locator("#cite-home-apa").inner_text()
    assert page.locator("#cite-home-bibtex").inner_text().startswith("@misc{")
    snap(page, "home")
    for title in ("文档 / Documents", "章节 / Sections", "指标 / Indicators", "项目 / Projects"):
        assert page.get_by_role("link", name=title).count() == 1


def test_search_from_the_home_page_finds_sections(page, server, seeds_build):
    page.goto(server + "/")
    page.fill("form.ui-search input[type=search]", "招商引资")
    page.click("form.ui-search button")
    page.wait_for_url(re.compile(r"/reports/sections\?"))
    expected = {r["id"] for r in query(seeds_build, "select id from sections where text like '%招商引资%'")}
    assert expected and expected <= set(shown_ids(page))
    snap(page, "search")


def sections_have_fts(build):
    rows = query(build, "select name from sqlite_master where name = 'sections_fts'")
    return bool(rows)


def test_sections_search_box_finds_zhaoshang_yinzi(page, server, seeds_build):
    assert sections_have_fts(seeds_build), "the build has no sections_fts full-text index (cn_gov_reports/search.py)"
    page.goto(server + "/reports/sections")
    page.fill("form.filters input[name=_search]", "招商引资")
    page.locator("form.filters input[name=_search]").press("Enter")
    page.wait_for_url(re.compile(r"_search="))
    ids = shown_ids(page)
    assert ids, "no section matched 招商引资"
    texts = {r["id"]: (r["heading"] or "") + (r["text"] or "")
             for r in query(seeds_build, "select id, heading, text from sections")}
    expected = {i for i, t in texts.items() if "招商引资" in t}
    assert set(ids) <= expected  # every section shown contains the query, as Ctrl+F would find it
    assert expected <= set(ids) or len(ids) >= 50  # and all of them are shown (one page holds 50)


def test_status_target_facet_narrows_the_indicators(page, server, seeds_build):
    page.goto(server + "/reports/indicators")
    total = row_count(page)
    page.locator("#facet-status a", has_text=re.compile(r"^target$")).click()
    page.wait_for_url(re.compile(r"status=target"))
    targets = query(seeds_build, "select count(*) as n from indicators where status = 'target'")[0]["n"]
    assert 0 < row_count(page) == targets < total
    statuses = {c.inner_text() for c in page.locator("table.rows-and-columns td.col-status").all()}
    assert statuses == {"target"}
    page.locator("#facet-status").scroll_into_view_if_needed()
    snap(page, "indicators-target")


def test_indicator_row_page_highlights_the_number(page, server, seeds_build):
    row = query(seeds_build, "select i.*, d.title, s.text as section_text, s.char_end as section_end, s.heading "
                          "from indicators i join documents d on d.id = i.document_id "
                          "join sections s on s.id = i.section_id order by i.id limit 1")[0]
    text_start = row["section_end"] - len(row["section_text"])
    number = row["section_text"][row["char_start"] - text_start:row["char_end"] - text_start]
    page.goto(f"{server}/reports/indicators/{row['id']}")
    assert page.locator("mark.ui-mention").inner_text() == number
    assert page.locator(".ui-sentence").inner_text() == row["sentence"]
    assert page.locator(".ui-number").inner_text() == ui.format_number(row["value"])
    assert page.locator(".ui-unit").inner_text() == (row["unit"] or "")
    assert page.locator(".ui-subject").inner_text() == row["subject"]
    snap(page, "indicator")
    page.locator(".ui-section a").click()
    page.wait_for_url(f"**/reports/sections/{row['section_id']}")
    page.go_back()
    page.locator(".ui-document a").click()
    page.wait_for_url(f"**/reports/documents/{row['document_id']}")
    assert page.locator("h1").first.inner_text() == row["title"]


def test_document_page_shows_metadata_section_tree_and_indicators(page, server, seeds_build):
    doc = query(seeds_build, "select * from documents order by indicators desc, id limit 1")[0]
    sections = query(seeds_build, "select id from sections where document_id = ?", (doc["id"],))
    page.goto(f"{server}/reports/documents/{doc['id']}")
    assert page.locator("h1").inner_text() == doc["title"]
    assert page.locator(".ui-field-region").inner_text() == doc["region"]
    links = page.locator(".ui-tree a")
    assert links.count() == len(sections)
    assert page.locator("table.ui-indicators tbody tr").count() == doc["indicators"]
    page.wait_for_selector("canvas#chart-per-section[data-drawn]")
    bars = page.evaluate("Chart.getChart(document.getElementById('chart-per-section')).data.datasets"
                         ".reduce((n, d) => n + d.data.reduce((a, b) => a + b, 0), 0)")
    assert bars == doc["indicators"]
    snap(page, "document")
    page.locator("#chart-per-section").scroll_into_view_if_needed()
    snap(page, "document-chart")
    links.nth(1).click()
    page.wait_for_url(re.compile(r"/reports/sections/"))


def test_canned_query_runs(page, server, seeds_build):
    doc = query(seeds_build, "select id, sections from documents order by id limit 1")[0]
    page.goto(server + "/")
    page.locator(".ui-queries a", has_text="文档章节树").click()
    page.fill("input[name=document]", doc["id"])
    page.locator("form.sql input[type=submit]").click()
    page.wait_for_url(re.compile(r"document="))
    assert page.locator("table.rows-and-columns tbody tr").count() == doc["sections"]
    snap(page, "canned-query")


def filtered_ids(build):
    document = query(build, "select id from documents order by id limit 1")[0]["id"]
    rows = query(build, "select id from sections where document_id = ? and level = 2 order by ordinal", (document,))
    return document, [r["id"] for r in rows]


def download(page, selector):
    with page.expect_download() as info:
        page.click(selector)
    with open(info.value.path(), "rb") as fh:
        return fh.read()


def test_csv_and_json_downloads_hold_exactly_the_filtered_rows(page, server, seeds_build):
    document, expected = filtered_ids(seeds_build)
    page.goto(f"{server}/reports/sections?document_id={document}&level=2")
    assert row_count(page) == len(expected) > 0
    snap(page, "filtered-table")
    excel = download(page, "a.ui-csv-excel")
    assert excel.startswith(b"\xef\xbb\xbf"), "the Excel CSV starts with a UTF-8 BOM"
    rows = list(csv.DictReader(io.StringIO(excel.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == expected
    assert all(r["document_id"] == document and r["level"] == "2" for r in rows)
    plain = download(page, "a.ui-csv")
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert [r["id"] for r in csv.DictReader(io.StringIO(plain.decode("utf-8")))] == expected
    response = page.request.get(page.locator("a.ui-json").evaluate("a => a.href"))
    assert [r["id"] for r in json.loads(response.text())] == expected


def test_charts_draw_offline(page, server, seeds_build):
    named = query(seeds_build, "select count(*) as n from (select distinct indicator, measure, coalesce(unit_base, '') "
                            "from indicators where coalesce(indicator, '') != '' and value_base is not null)")[0]["n"]
    page.goto(server + "/-/charts")
    page.wait_for_selector("canvas#chart-per-document[data-drawn]")
    headline = page.locator("canvas.ui-chart[data-drawn]").count() - 1
    assert headline == min(named, ui.HEADLINE_CHARTS) > 0
    total = page.evaluate("Chart.getChart(document.getElementById('chart-per-document')).data.datasets"
                          ".reduce((n, d) => n + d.data.reduce((a, b) => a + b, 0), 0)")
    assert total == query(seeds_build, "select count(*) as n from indicators")[0]["n"]
    snap(page, "charts")


def test_table_pages_describe_columns_in_chinese_and_english(page, server):
    page.goto(server + "/reports/indicators")
    assert page.locator("h1").inner_text() == "指标 / Indicators"
    descriptions = page.locator("dl.column-descriptions dd").all_inner_texts()
    assert descriptions and all(re.search(r"[A-Za-z].* / .*[\u4e00-\u9fff]", d) for d in descriptions)


@pytest.fixture(scope="module")
def district_server(tmp_path_factory):
    """A build of three consecutive synthetic reports of one district (tests/fixtures/targets)."""
    from cn_gov_reports.build import build

    out = tmp_path_factory.mktemp("district")
    build(os.path.join(ROOT, "tests", "fixtures", "targets"), str(out), jobs=1, cache_dir=None)
    with serving(out) as base:
        yield base


def test_targets_page_links_each_bar_and_number_to_its_sentence(page, district_server):
    page.goto(district_server + "/-/targets?indicator=gdp")
    page.wait_for_selector("canvas.ui-chart[data-drawn]")
    rows = page.locator("table.ui-targets-table tbody tr")
    assert rows.count() == 2
    assert rows.nth(0).inner_text().split("\t")[:2] == ["2019", "6 – 6.5%"]
    assert "未完成 not met" in rows.nth(1).inner_text()
    snap(page, "targets")
    # a click on the 2019 target bar opens the row page of the sentence that sets it
    box = page.locator("canvas.ui-chart").first.bounding_box()
    bar = page.evaluate("(() => { const c = Chart.getChart(document.querySelector('canvas.ui-chart'));"
                        " const i = c.data.datasets.findIndex(d => d.label.startsWith('目标'));"
                        " const b = c.getDatasetMeta(i).data[0]; return [b.x, (b.y + b.base) / 2]; })()")
    page.mouse.click(box["x"] + bar[0], box["y"] + bar[1])
    page.wait_for_url(re.compile(r"/reports/indicators/jiangxia-2019-i-"), wait_until="domcontentloaded")
    assert "6%-6.5%" in page.locator("body").inner_text()
    page.goto(district_server + "/-/targets?indicator=gdp")
    actual = page.locator("table.ui-targets-table a.ui-actual-link").first.get_attribute("href")
    assert re.fullmatch(r"/reports/indicators/jiangxia-2020-i-[0-9a-f]+", actual)
    page.goto(district_server + actual)
    assert "同比增长6.8%" in page.locator("body").inner_text()


PUBLIC_URL = "https://data.example.org/wuhan"


@pytest.fixture(scope="module")
def public_server(seeds_build, tmp_path_factory):
    """`scripts/serve.py --public-url PUBLIC_URL` over the seeds build."""
    from conftest import running
    from cn_gov_reports.serve import free_port

    port = free_port()
    command = [sys.executable, os.path.join(ROOT, "scripts", "serve.py"), "--out", str(seeds_build), "--port",
               str(port), "--public-url", PUBLIC_URL]
    with running(command, tmp_path_factory.mktemp("public"), port) as base:
        yield base


def cite_texts(page, prefix):
    return {key: page.locator(f"#{prefix}-{key}").text_content() for key in ("apa", "gbt7714", "bibtex")}


def test_citations_use_the_public_url_agree_everywhere_and_copy(page, public_server, seeds_build):
    row = query(seeds_build, "select id from indicators order by id limit 1")[0]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=public_server)
    page.goto(public_server + "/")
    home = cite_texts(page, "cite-home")
    assert home == cite_texts(page, "cite-footer")
    page.goto(f"{public_server}/reports/indicators/{row['id']}")
    assert cite_texts(page, "cite-footer") == home  # the same dataset citation on every page
    row_cite = cite_texts(page, "cite-row")
    permalink = page.locator("a.row-permalink").get_attribute("href")
    assert re.fullmatch(rf"{re.escape(PUBLIC_URL)}/reports(_\d+_\d+_\d+)?/indicators/{row['id']}", permalink)
    accessed = page.locator(".cite-row-accessed").inner_text()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", accessed)
    assert row_cite["gbt7714"].endswith(f"[{accessed}]. {permalink}.") and "[DS/OL]//" in row_cite["gbt7714"]
    assert row_cite["apa"].endswith(f", from {permalink}") and f"urldate = {{{accessed}}}" in row_cite["bibtex"]
    assert "127.0.0.1" not in " ".join([*row_cite.values(), *home.values(), permalink])
    api = page.evaluate(f"fetch('/-/cite.json?table=indicators&id={row['id']}').then(r => r.json())")
    assert {k: api["row"][k] for k in row_cite} == row_cite
    button = page.locator("button.cite-copy[data-copy='cite-row-gbt7714']")
    button.click()
    page.wait_for_function("document.querySelector(\"button.cite-copy[data-copy='cite-row-gbt7714']\")"
                           ".textContent.includes('Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == row_cite["gbt7714"]
    page.locator(".cite-row").scroll_into_view_if_needed()
    snap(page, "cite-row")
    import urllib.request
    import zipfile

    with urllib.request.urlopen(public_server + "/-/download/reports/indicators.zip?status=target") as response:
        with zipfile.ZipFile(io.BytesIO(response.read())) as z:
            cite = z.read("CITATION.txt").decode("utf-8")
    assert home["gbt7714"] in cite and home["apa"] in cite and home["bibtex"] in cite  # a download cites as the pages do
    assert f"{PUBLIC_URL}/reports/indicators?status=target" in cite and "127.0.0.1" not in cite


def test_release_list_and_a_release_not_held(page, public_server):
    """/-/releases lists every recorded release with its date and diff; a versioned URL of a release this server
    does not hold is a 404 page naming it (the plain server holds at most the release its build is)."""
    from cn_gov_reports import record

    entries = record.load()
    assert entries, "releases.json records no release"
    page.goto(public_server + "/-/releases")
    for e in entries:
        row = page.locator(f"tr.release[data-version='{e['version']}']")
        assert e["date"] in row.inner_text() and record.diff_text(e) == row.locator(".release-diff").inner_text()
    label = page.locator("table.served-databases td.database-version").first.inner_text()
    snap(page, "releases")
    missing = next(e for e in reversed(entries) if e["version"] != label)
    versioned = "reports_" + missing["version"].replace(".", "_")
    response = page.goto(f"{public_server}/{versioned}/indicators")
    assert response.status == 404 and response.url.endswith(f"/{versioned}/indicators")  # no redirect
    assert f"Release {missing['version']} is not held by this server" in page.locator(".missing-release").inner_text()


# Issue 18, data and provenance: region and year on the rows, the coverage grid, self-describing downloads,
# provenance and the whole text of a report.

def test_region_and_year_facets_filter_the_indicators(page, server, seeds_build):
    region, year, n = query(seeds_build, "select region, year_start, count(*) as n from indicators where year_start "
                                         "is not null group by 1, 2 order by n desc limit 1")[0].values()
    page.goto(server + "/reports/indicators")
    page.locator("#facet-region a", has_text=re.compile(rf"^{region}$")).click()
    page.wait_for_url(re.compile(r"region="))
    page.locator("#facet-year_start a", has_text=re.compile(rf"^{year}$")).click()
    page.wait_for_url(re.compile(r"year_start="))
    assert row_count(page) == n
    assert {c.inner_text() for c in page.locator("table.rows-and-columns td.col-region").all()} == {region}
    assert {c.inner_text() for c in page.locator("table.rows-and-columns td.col-year_start").all()} == {str(year)}
    snap(page, "indicators-region-year")


def test_coverage_grid_cell_opens_that_regions_indicators_of_that_year(page, server, seeds_build):
    page.goto(server + "/")
    cell = page.locator("table.ui-coverage td.ui-cell:not(.ui-cell-empty)").first
    region = cell.locator("xpath=..").get_attribute("data-region")
    year = int(cell.get_attribute("data-year"))
    indicators = int(cell.locator(".ui-cell-indicators").inner_text())
    reports = int(cell.locator(".ui-cell-reports").inner_text())
    expected = query(seeds_build, "select count(*) as n, count(distinct document_id) as d from indicators "
                                  "where region = ? and year_start = ?", (region, year))[0]
    assert (indicators, reports) == (expected["n"], expected["d"]) and indicators > 0
    page.locator("#coverage").scroll_into_view_if_needed()
    snap(page, "home-coverage")
    cell.locator("a.ui-cell-link").click()
    page.wait_for_url(re.compile(r"/reports/indicators\?.*year_start="))
    assert row_count(page) == indicators


def test_downloads_are_named_after_table_filters_and_version_and_the_zip_travels_with_its_description(
        page, server, seeds_build, tmp_path):
    import zipfile

    version = dataset()["version"]
    region, year = query(seeds_build, "select region, year_start from indicators where year_start is not null "
                                      "order by id limit 1")[0].values()
    expected = [r["id"] for r in query(seeds_build, "select id from indicators where region = ? and year_start = ? "
                                                    "order by sentence_start, id", (region, year))]
    page.goto(f"{server}/reports/indicators?region={region}&year_start={year}")
    assert row_count(page) == len(expected)
    stem = f"indicators_region-{region}_year_start-{year}_v{version}"
    assert page.locator("code.ui-download-name").inner_text() == f"{stem}.csv"
    names = {}
    for selector in ("a.ui-csv-excel", "a.ui-csv", "a.ui-json", "a.ui-zip"):
        with page.expect_download() as info:
            page.click(selector)
        names[selector] = info.value.suggested_filename
        info.value.save_as(str(tmp_path / info.value.suggested_filename))
    assert names == {"a.ui-csv-excel": f"{stem}_excel.csv", "a.ui-csv": f"{stem}.csv", "a.ui-json": f"{stem}.json",
                     "a.ui-zip": f"{stem}.zip"}
    assert (tmp_path / f"{stem}_excel.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    rows = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in rows) == sorted(expected)
    assert all(r["region"] == region and r["year_start"] == year and not any(isinstance(v, dict) for v in r.values())
               for r in rows)
    with zipfile.ZipFile(tmp_path / f"{stem}.zip") as z:
        assert set(z.namelist()) == {f"{stem}.csv", "datapackage.json", "data-dictionary.csv", "LICENSE.txt",
                                     "CITATION.txt", "README.txt"}
        assert sorted(r["id"] for r in csv.DictReader(io.StringIO(z.read(f"{stem}.csv").decode("utf-8")))) == \
            sorted(expected)
    snap(page, "downloads")


def test_document_page_shows_provenance_and_its_whole_text_marks_every_row(page, server, seeds_build):
    import json as json_mod

    doc = query(seeds_build, "select * from documents order by indicators desc, id limit 1")[0]
    with open(os.path.join(ROOT, "seeds", "catalog.jsonl"), encoding="utf-8") as fh:
        note = next(e for e in map(json_mod.loads, fh) if e["file"] == doc["source_file"])["note"]
    page.goto(f"{server}/reports/documents/{doc['id']}")
    if doc["source_url"]:
        assert page.locator(".ui-source-url").get_attribute("href") == doc["source_url"]
    else:
        assert page.locator(".ui-provenance .ui-source-note").inner_text() == note
    page.locator("a.ui-read-text").click()
    page.wait_for_url(f"**/reports/documents/{doc['id']}/text")
    text = "".join(r["text"] for r in query(seeds_build, "select text from texts where document_id = ? order by part",
                                            (doc["id"],)))
    assert page.locator(".ui-fulltext").text_content() == text and len(text) == doc["characters"]
    marks = page.evaluate("[...document.querySelectorAll('.ui-fulltext a.ui-t-mark')].map(a => "
                          "[a.dataset.row, +a.dataset.start, a.textContent, a.getAttribute('href')])")
    rows = {r["id"]: r for r in query(seeds_build, "select id, 'indicators' as t, char_start, char_end from indicators "
                                                   "where document_id = ? union all select id, 'projects', char_start, "
                                                   "char_end from projects where document_id = ?", (doc["id"],) * 2)}
    covered = set()
    for row_id, start, words, href in marks:
        row = rows[row_id]
        assert text[start:start + len(words)] == words
        assert row["char_start"] <= start and start + len(words) <= row["char_end"]
        assert href == f"/reports/{row['t']}/{row_id}"
        covered |= set(range(start, start + len(words)))
    for row in rows.values():  # every number and project is marked, and can be scrolled to
        assert set(range(row["char_start"], row["char_end"])) <= covered, row
    anchors = set(page.evaluate("[...document.querySelectorAll('.ui-fulltext .ui-t-anchor')].map(s => s.id)"))
    assert set(rows) <= anchors
    snap(page, "document-text")


def test_row_page_opens_its_words_in_the_whole_text(page, server, seeds_build):
    row = query(seeds_build, "select i.id, i.document_id, i.char_start, i.char_end, t.text, t.char_start as part_start "
                             "from indicators i join texts t on t.document_id = i.document_id and i.char_start "
                             "between t.char_start and t.char_end order by t.part desc, i.sentence_start desc limit 1")[0]
    page.goto(f"{server}/reports/indicators/{row['id']}")
    page.locator("a.ui-open-in-text").click()
    page.wait_for_url(re.compile(r"/text\?focus="))
    focused = page.locator("a.ui-t-focus")
    offset = row["part_start"]
    assert "".join(focused.all_text_contents()) == row["text"][row["char_start"] - offset:row["char_end"] - offset]
    box = focused.first.bounding_box()
    assert 0 <= box["y"] < 900, "the page scrolls to the row's words"
    snap(page, "document-text-focus")
    focused.first.click()
    page.wait_for_url(f"**/reports/indicators/{row['id']}")


def test_a_long_text_pages_by_parts(page, server, seeds_build):
    doc, parts = query(seeds_build, "select document_id, count(*) as n from texts group by 1 order by n desc, 1 "
                                    "limit 1")[0].values()
    if parts < 2:
        pytest.fail("no seed report is long enough to have two parts of table texts (cn_gov_reports/texts.py)")
    last = query(seeds_build, "select text, char_start from texts where document_id = ? order by part desc limit 1",
                 (doc,))[0]
    page.goto(f"{server}/reports/documents/{doc}/text?part={parts - 1}")
    assert page.locator(".ui-fulltext").text_content() == last["text"]
    marks = page.evaluate("[...document.querySelectorAll('.ui-fulltext a.ui-t-mark')].map(a => "
                          "[a.dataset.row, +a.dataset.start])")
    inside = {r["id"] for r in query(seeds_build, "select id from indicators where document_id = ? and char_end > ? "
                                                  "union all select id from projects where document_id = ? and "
                                                  "char_end > ?", (doc, last["char_start"]) * 2)}
    assert {row for row, _ in marks} <= inside and bool(marks) == bool(inside)
    assert all(start >= last["char_start"] for _, start in marks)  # marks keep their document offsets
    page.locator("a.ui-text-previous").first.click()
    page.wait_for_url(re.compile(r"part=0"))
    whole = "".join(r["text"] for r in query(seeds_build, "select text from texts where document_id = ? order by part",
                                             (doc,)))
    assert page.locator(".ui-fulltext").text_content() == whole  # ten parts a page: this report fits on one


def test_whole_text_page_fits_a_phone(browser, server, seeds_build):
    doc = query(seeds_build, "select id from documents order by characters desc limit 1")[0]["id"]
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    phone = context.new_page()
    try:
        phone.goto(f"{server}/reports/documents/{doc}/text")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        os.makedirs(ARTIFACTS, exist_ok=True)
        phone.screenshot(path=os.path.join(ARTIFACTS, "document-text-phone.png"))
    finally:
        context.close()
