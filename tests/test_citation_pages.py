"""Datasette pages: every page shows the dataset version and how to cite it; indicator and project row
pages show "cite this row" and the sentence highlighted in its section's text.

The extraction of indicators and projects is not in this build yet, so the test inserts one row of each,
quoting a real sentence of a real section, into a copy of the seeds database before serving it."""
import html
import shutil
import sqlite3

import httpx
import pytest

from cn_gov_reports.package import dataset

from conftest import serving

pytestmark = pytest.mark.server


def first_sentence(conn):
    """(section, sentence, sentence_start) of the first long sentence of a section's body text."""
    for section_id, document_id, text, char_end in conn.execute(
            "select id, document_id, text, char_end from sections where level > 0 order by document_id, ordinal"):
        for sentence in text.split("。"):
            if len(sentence.strip()) > 20 and "\n" not in sentence.strip():
                sentence = sentence.strip() + "。"
                start = char_end - len(text) + text.index(sentence)
                return {"section_id": section_id, "document_id": document_id}, sentence, start
    raise AssertionError("no sentence found")


@pytest.fixture(scope="module")
def cited(seeds_build, tmp_path_factory):
    out = tmp_path_factory.mktemp("cite-build")
    shutil.copytree(seeds_build / "data", out / "data")
    shutil.copy(seeds_build / "datapackage.json", out / "datapackage.json")
    shutil.copy(seeds_build / "reports.db", out / "reports.db")
    conn = sqlite3.connect(out / "reports.db")
    where, sentence, start = first_sentence(conn)
    common = {**where, "sentence": sentence, "char_start": start, "char_end": start + 2,
              "sentence_start": start, "sentence_end": start + len(sentence)}
    indicator = {"id": "test-indicator-1", "subject": sentence[:4], "value": 1.0, "measure": "other", "main_target": 0,
                 "status": "actual", "comparator": "=", **common}
    project = {"id": "test-project-1", "name": sentence[:4], "stage": "other", "status": "actual", **common}
    for table, row in (("indicators", indicator), ("projects", project)):
        conn.execute(f"insert into {table} ({', '.join(row)}) values ({', '.join('?' * len(row))})", list(row.values()))
    conn.commit()
    conn.close()
    with serving(out) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client, where, sentence


def shows_version_and_citation(page):
    version = dataset()["version"]
    return (f'<strong class="dataset-version">{version}</strong>' in page
            and html.escape(f"(Version {version}) [Data set]") in page
            and f"version = {{{version}}}" in page and "@misc{" in page)


@pytest.mark.parametrize("path", ["/", "/reports", "/reports/documents", "/reports/sections?level=1",
                                  "/reports/documents/000-72912416dbe8ff8c", "/reports/section_tree?document=x",
                                  "/reports?sql=select+1", "/-/releases"])
def test_every_page_shows_version_and_how_to_cite(cited, path):
    client, _, _ = cited
    response = client.get(path)
    assert response.status_code == 200 and shows_version_and_citation(response.text), path


@pytest.mark.parametrize("table, row_id", [("indicators", "test-indicator-1"), ("projects", "test-project-1")])
def test_row_page_cites_the_row_and_highlights_its_sentence(cited, table, row_id):
    client, where, sentence = cited
    page = client.get(f"/reports/{table}/{row_id}").text
    versioned = "reports_" + dataset()["version"].replace(".", "_")
    title = client.get(f"/reports/documents/{where['document_id']}.json?_shape=objects").json()["rows"][0]["title"]
    assert "<h2>Cite this row</h2>" in page
    assert f'class="row-permalink" href="{client.base_url}/{versioned}/{table}/{row_id}"' in page
    assert f"<dd>{html.escape(title)}</dd>" in page
    assert f'<mark class="cited-sentence">{html.escape(sentence)}</mark>' in page
    assert shows_version_and_citation(page)


def test_the_version_permalink_resolves_on_the_latest_build(cited):
    client, _, _ = cited
    versioned = "reports_" + dataset()["version"].replace(".", "_")
    response = client.get(f"/{versioned}/indicators/test-indicator-1", follow_redirects=True)
    assert response.status_code == 200 and "test-indicator-1" in response.text


def test_other_row_pages_have_no_row_citation(cited):
    client, where, _ = cited
    page = client.get(f"/reports/sections/{where['section_id']}").text
    assert "Cite this row" not in page and shows_version_and_citation(page)
