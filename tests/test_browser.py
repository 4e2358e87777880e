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
from urllib.parse import quote, urlparse

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


DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def page(browser, request):
    """A fresh page (1366x900); after the test, a full-page screenshot and a check that nothing left 127.0.0.1."""
    yield from _page(browser, request, DESKTOP)


@pytest.fixture
def phone(browser, request):
    """A fresh page the size of a phone (390x844), checked like `page`."""
    yield from _page(browser, request, PHONE)


def _page(browser, request, viewport):
    context = browser.new_context(viewport=viewport, accept_downloads=True, locale="zh-CN")
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
    return int(re.match(r"([\d,]+) 行", page.locator(".content h3").first.inner_text()).group(1).replace(",", ""))


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
        assert page.get_by_role("link", name=title, exact=True).count() == 1


def test_search_from_the_home_page_finds_sections(page, server, seeds_build):
    page.goto(server + "/")
    assert page.locator("input[type=search]").count() == 1, "the home page has one search box"
    page.fill("form.site-search input[type=search]", "招商引资")
    page.click("form.site-search button")
    page.wait_for_url(re.compile(r"/-/search\?q="))
    page.locator(".ui-search-counts a", has_text="章节").click()
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
    page.locator("#facet-status a[data-value=target]").click()
    page.wait_for_url(re.compile(r"status=target"))
    targets = query(seeds_build, "select count(*) as n from indicators where status = 'target'")[0]["n"]
    assert 0 < row_count(page) == targets < total
    statuses = {c.inner_text() for c in page.locator("table.rows-and-columns td.col-status").all()}
    assert statuses == {"目标 target"}
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
    page.select_option("select[name=document]", doc["id"])
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
    page.locator(".ui-glossary summary").click()
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


# Issue 18, the researcher's workbench: readable tables, search in context, one bilingual labelling, ready-made
# queries with choices, nothing wider than a phone.

MENTION_TABLES = ("indicators", "projects", "sections")
OFFSETS = ("char_start", "char_end", "sentence_start", "sentence_end")


def visible_columns(page):
    return [th.get_attribute("data-column") for th in page.locator("table.rows-and-columns thead th").all()
            if th.is_visible()]


@pytest.mark.parametrize("table", MENTION_TABLES)
def test_tables_show_one_line_per_row_with_offsets_on_request(page, server, seeds_build, table):
    page.goto(f"{server}/reports/{table}")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() > 10
    heights = [rows.nth(i).bounding_box()["height"] for i in range(rows.count())]
    first_height = heights[0]
    assert max(heights) < 40, f"a row is {max(heights)} px tall: rows are one line"
    shown = visible_columns(page)
    assert not set(OFFSETS) & set(shown), f"offsets shown by default: {shown}"
    # default order: by document, then position in it
    order = {"sections": "document_id, ordinal"}.get(table, "document_id, sentence_start, char_start")
    keys = {r["id"]: tuple(r[c] for c in r if c != "id")
            for r in query(seeds_build, f"select id, {order} from {table}")}
    shown_keys = [keys[i] for i in shown_ids(page)]  # rows at the same position may come in either order
    assert shown_keys == sorted(keys.values())[:len(shown_keys)]
    long_cell = page.locator("table.rows-and-columns td.ui-long").first
    width = long_cell.bounding_box()["width"]
    assert 200 <= width <= 600, f"the long text column is {width} px wide"
    snap(page, f"table-{table}")
    # a click opens the whole text; the row grows to hold it
    long_cell.click()
    assert "ui-open" in long_cell.get_attribute("class")
    assert rows.first.bounding_box()["height"] > first_height
    # offsets: one click away, and always in the CSV
    page.locator("button.ui-toggle-offsets").click()
    assert {"char_start", "char_end"} <= set(visible_columns(page))
    csv_text = page.request.get(f"{server}/reports/{table}.csv").text()
    assert {"char_start", "char_end"} <= set(next(csv.reader(io.StringIO(csv_text))))


def test_search_groups_hits_by_report_with_the_exact_value_first(page, server, seeds_build):
    exact = query(seeds_build, "select i.id, d.region from indicators i join documents d on d.id = i.document_id "
                               "where substr(i.sentence, i.char_start - i.sentence_start + 1, "
                               "i.char_end - i.char_start) = '788亿元'")
    assert len(exact) == 1, "the seeds hold one 788亿元 indicator"
    others = query(seeds_build, "select id from indicators where sentence like '%788亿元%' and id != ?",
                   (exact[0]["id"],))
    assert others, "other rows of the same sentence (a rank row) also contain 788亿元"
    page.goto(server + "/")
    page.fill("form.site-search input[type=search]", "788亿元")
    page.click("form.site-search button")
    page.wait_for_url(re.compile(r"/-/search\?q="))
    first_group = page.locator(".ui-hit-group").first
    assert exact[0]["region"] in first_group.locator("h3").inner_text()
    assert re.search(r"\b(19|20)\d\d\b", first_group.locator("h3").inner_text()), "the report's year is shown"
    first_row = page.locator("a.ui-hit-row").first
    assert first_row.get_attribute("data-id") == exact[0]["id"]
    assert first_row.locator(".ui-hit-value").inner_text() == "788亿元"
    for group in page.locator(".ui-hit-group").all():
        snippets = group.locator(".ui-snippet").all_inner_texts()
        lines = [(line.get_attribute("class"), text) for line, text in zip(group.locator("li").all(), snippets)]
        assert len(lines) == len(set(lines)), "a snippet shows once per report"
    # the rows of the shared sentence are on one line, each a link
    ids = {a.get_attribute("data-id") for a in page.locator("a.ui-hit-row").all()}
    assert {exact[0]["id"]} | {r["id"] for r in others} <= ids
    snap(page, "site-search")


def test_table_search_highlights_the_words(page, server, seeds_build):
    page.goto(server + "/reports/indicators")
    page.fill("form.filters input[name=_search]", "招商引资")
    page.locator("form.filters input[name=_search]").press("Enter")
    page.wait_for_url(re.compile(r"_search="))
    marks = page.locator("table.rows-and-columns mark.ui-hit")
    assert marks.count() >= row_count(page) > 0
    assert set(marks.all_inner_texts()) == {"招商引资"}
    assert all(m.is_visible() for m in marks.all()), "a hit in a long text is on its first line"
    snap(page, "table-search")


def test_every_label_is_chinese_and_english(page, server, seeds_build):
    from cn_gov_reports import fields

    for path in ("/", "/reports/indicators", "/reports/indicators?_search=788", "/reports/section_tree",
                 "/-/search?q=788"):
        page.goto(server + path)
        assert page.locator("html").get_attribute("lang") == "zh-CN", path
    page.goto(server + "/reports/indicators")
    for th in page.locator("table.rows-and-columns thead th").all():
        column = th.get_attribute("data-column")
        zh, en = (fields.POSITION_LABEL if column == fields.POSITION else
                  (fields.INDICATORS.field(column).label_zh, fields.INDICATORS.field(column).label_en))
        text = " ".join(th.text_content().split())  # hidden offset columns too
        assert text.startswith(zh) and en in text, text
    facet_names = page.locator(".facet-info-name strong").all_inner_texts()
    assert facet_names and all(re.search(r"[\u4e00-\u9fff].*[A-Za-z]", n) for n in facet_names), facet_names
    labels = {(c.value): f"{c.label_zh} {c.value}" for c in fields.CODES[("indicators", "status")]}
    shown = set(page.locator("#facet-status li a").all_inner_texts())
    assert shown and shown <= set(labels.values())
    comparators = {f"{c.label_zh} {c.value}" for c in fields.CODES[("indicators", "comparator")]}
    cells = set(page.locator("table.rows-and-columns td.col-comparator").all_inner_texts())
    assert cells and cells <= comparators, cells - comparators
    options = page.locator("select[name=_filter_column] option").all_inner_texts()[1:]
    assert options and all(re.search(r"[\u4e00-\u9fff]", o) for o in options), options
    lines = page.locator("body").inner_text().split("\n") + [
        i.get_attribute("value") or "" for i in page.locator("input[type=submit]").all()]
    for english in ("Apply", "Advanced export", "Suggested facets", "This data as", "Export CSV", "Search"):
        found = [line for line in lines if english in line]
        assert found or english == "Suggested facets", english  # Datasette suggests facets only sometimes
        assert all(re.search(r"[\u4e00-\u9fff]", line) for line in found), f"{english} has no Chinese beside it"


def test_ready_made_queries_offer_choices_and_link_their_ids(page, server, seeds_build):
    from cn_gov_reports import site

    for name, params in site.QUERY_CHOICES.items():
        page.goto(f"{server}/reports/{name}")
        for param in params:
            options = page.locator(f"select[name={param}] option")
            assert options.count() > 0, (name, param)
            texts = options.all_inner_texts()
            values = [o.get_attribute("value") for o in options.all()]
            assert all(t.strip() != v for t, v in zip(texts, values)), f"{name}: choices show names, not ids"
        table = site.QUERY_TABLES[name]
        source_rows = query(seeds_build, f"select count(*) as n from {table}")[0]["n"]
        shown = page.locator("table.rows-and-columns tbody tr").count()
        if source_rows:
            assert shown > 0, f"{name} opens on 0 results"
        for column, other in (("indicator_id", "indicators"), ("section_id", "sections")):
            links = page.locator(f"table.rows-and-columns td.col-{column} a")
            if links.count():
                href = links.first.get_attribute("href")
                assert href.startswith(f"/reports/{other}/")
                assert page.request.get(server + href).status == 200
        if name == "indicators_by_name":
            snap(page, "canned-query-choices")


def test_section_tree_shows_unnumbered_headings(page, server, seeds_build):
    rows = query(seeds_build, "select document_id, heading from sections where coalesce(label, '') = '' "
                              "and level > 0 and coalesce(heading, '') != '' order by document_id limit 1")
    assert rows, "the seeds have an unnumbered heading"
    page.goto(f"{server}/reports/section_tree?document={rows[0]['document_id']}")
    headings = [h.strip() for h in page.locator("table.rows-and-columns td.col-heading").all_inner_texts()]
    assert rows[0]["heading"] in headings
    assert all(headings), "every heading is shown"


def test_nothing_is_wider_than_a_phone(phone, server, seeds_build):
    doc = query(seeds_build, "select id from documents order by indicators desc, id limit 1")[0]["id"]
    pages = ["/", f"/reports/documents/{doc}", "/-/search?q=788亿元"]
    for table in ("indicators", "projects", "sections"):
        pages.append(f"/reports/{table}/" + query(seeds_build, f"select id from {table} where document_id = ? "
                                                               "order by id limit 1", (doc,))[0]["id"])
    for path in pages:
        phone.goto(server + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width} px wide at {PHONE['width']} px"
    phone.goto(server + "/")
    snap(phone, "home-phone")


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


def test_a_new_user_filters_reads_downloads_checks_and_cites_one_indicator(page, public_server, seeds_build):
    """Issue 18's journey, without SQL: filter one indicator by region and year with the facets, read every row
    on one screen, download it under a self-describing name, open its sentence in the whole report, and copy a
    GB/T 7714 citation of the row whose URL is the public one."""
    indicator, region, year, n = query(seeds_build, "select indicator, region, year_start, count(*) as n from "
                                       "indicators where indicator is not null and year_start is not null "
                                       "group by 1, 2, 3 order by n desc, 1, 2, 3 limit 1")[0].values()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=public_server)
    page.goto(public_server + "/reports/indicators")
    for column, value in (("indicator", indicator), ("region", region), ("year_start", year)):
        page.locator(f"#facet-{column} a[href*='{column}={quote(str(value))}']").first.click()
        page.wait_for_url(re.compile(rf"{column}="))
    assert row_count(page) == n and len(shown_ids(page)) == n  # every row on the page
    rows = page.locator("table.rows-and-columns tbody tr")
    assert all(rows.nth(i).bounding_box()["height"] < 40 for i in range(n))  # one line each
    assert rows.nth(n - 1).bounding_box()["y"] + 40 < page.evaluate("document.body.scrollHeight")
    with page.expect_download() as info:
        page.click("a.ui-csv")
    name = info.value.suggested_filename
    assert name.startswith("indicators_") and name.endswith(f"_v{dataset()['version']}.csv")
    assert all(part in name for part in (f"indicator-{indicator}", f"region-{region}", f"year_start-{year}"))
    with open(info.value.path(), encoding="utf-8") as fh:
        downloaded = [r["id"] for r in csv.DictReader(fh)]
    assert sorted(downloaded) == sorted(shown_ids(page))
    row_id = shown_ids(page)[0]
    page.locator("table.rows-and-columns td.col-id a").first.click()
    page.wait_for_url(f"**/reports/indicators/{row_id}")
    row = query(seeds_build, "select i.char_start, i.char_end, t.text, t.char_start as part_start from indicators i "
                             "join texts t on t.document_id = i.document_id and i.char_start between t.char_start "
                             "and t.char_end where i.id = ?", (row_id,))[0]
    page.locator("a.ui-open-in-text").click()
    page.wait_for_url(re.compile(r"/text\?focus="))
    offset = row["part_start"]
    words = row["text"][row["char_start"] - offset:row["char_end"] - offset]
    assert "".join(page.locator("a.ui-t-focus").all_text_contents()) == words  # the row's words in the report
    page.go_back()
    page.wait_for_url(f"**/reports/indicators/{row_id}")
    page.locator("button.cite-copy[data-copy='cite-row-gbt7714']").click()
    page.wait_for_function("document.querySelector(\"button.cite-copy[data-copy='cite-row-gbt7714']\")"
                           ".textContent.includes('Copied')")
    pasted = page.evaluate("navigator.clipboard.readText()")
    assert "[DS/OL]" in pasted and re.search(rf"{re.escape(PUBLIC_URL)}/reports(_\d+_\d+_\d+)?/indicators/{row_id}\.$",
                                             pasted), pasted
    assert "127.0.0.1" not in pasted
