"""Datasette pages: every page shows the dataset version and how to cite it (APA, GB/T 7714-2015, BibTeX, at
the public URL, with the release and access dates); every row page cites the row; indicator and project row
pages also highlight the sentence in its section's text; /-/cite.json gives the same text.

Each server here reads its own release record (a temporary releases.json) so that the tests do not depend
on which releases the repository has: one where the build is the recorded release, one where it is not.

The extraction of indicators and projects is not in this build yet, so the test inserts one row of each,
quoting a real sentence of a real section, into a copy of the seeds database before serving it."""
import html
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys

import httpx
import pytest

from cn_gov_reports.package import dataset

from cn_gov_reports import citation, record
from cn_gov_reports.serve import datasette_args, free_port, metadata_path, metadata_with_config

from conftest import ROOT, running

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
def cited_build(seeds_build, tmp_path_factory):
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
    return out, where, sentence


PUBLIC = "https://data.example.org/wuhan"
VERSION = dataset()["version"]
VERSIONED = "reports_" + VERSION.replace(".", "_")
RELEASED = "2026-11-30"


def record_of(build, same_data=True):
    """A release record with one entry for the build's version: its data's checksums, or other ones."""
    descriptor = json.loads((build / "datapackage.json").read_text(encoding="utf-8"))
    files = {r["path"]: r["hash"].split(":")[1] for r in descriptor["resources"]}
    if not same_data:
        files["data/documents.csv"] = "0" * 64
    return [{"version": VERSION, "date": RELEASED, "commit": "f" * 40, "files": files}]


def serve_with(build, tmp, entries, public_url=None):
    """Datasette over build, reading the record `entries` (and the public URL), as serve.py starts it."""
    os.makedirs(tmp, exist_ok=True)
    path = record.save(entries, os.path.join(tmp, "releases.json"))
    meta = metadata_with_config(metadata_path(), os.path.join(tmp, "metadata.json"), public_url=public_url,
                                record=path)
    port = free_port()
    return running(datasette_args(str(build), port, metadata=meta), tmp, port)


@pytest.fixture(scope="module")
def cited(cited_build, tmp_path_factory):
    """The build served as the recorded release VERSION, cited under PUBLIC."""
    out, where, sentence = cited_build
    with serve_with(out, tmp_path_factory.mktemp("released"), record_of(out), PUBLIC) as base, \
            httpx.Client(base_url=base, timeout=30) as client:
        yield client, where, sentence


@pytest.fixture(scope="module")
def unreleased(cited_build, tmp_path_factory):
    """The build served where the record's VERSION holds other data: a build no release holds."""
    out, _, _ = cited_build
    with serve_with(out, tmp_path_factory.mktemp("unreleased"), record_of(out, same_data=False)) as base, \
            httpx.Client(base_url=base, timeout=30) as client:
        yield client


def pre(page, element_id):
    """The text of <pre id=element_id> on the page (what its copy button copies)."""
    match = re.search(rf'<pre id="{element_id}"[^>]*>(.*?)</pre>', page, re.S)
    assert match, f"no {element_id}"
    return html.unescape(match.group(1))


def styles(page, prefix):
    return {key: pre(page, f"{prefix}-{key}") for key in citation.STYLES}


def shows_version_and_citation(page, version=VERSION):
    cite = styles(page, "cite-footer")
    return (f'<strong class="dataset-version">{version}</strong>' in page
            and f"(Version {version}) [Data set]" in cite["apa"] and f"版本 {version}[DS/OL]" in cite["gbt7714"]
            and f"version = {{{version}}}" in cite["bibtex"] and cite["bibtex"].startswith("@misc{"))


@pytest.mark.parametrize("path", ["/", "/reports", "/reports/documents", "/reports/sections?level=1",
                                  "/reports/documents/000-72912416dbe8ff8c", "/reports/section_tree?document=x",
                                  "/reports?sql=select+1", "/-/releases"])
def test_every_page_shows_version_and_how_to_cite(cited, path):
    client, _, _ = cited
    response = client.get(path)
    assert response.status_code == 200 and shows_version_and_citation(response.text), path


def test_every_page_gives_the_same_dataset_citation_at_the_public_url(cited):
    client, where, _ = cited
    accessed = citation.today()
    home = client.get("/").text
    expected = styles(home, "cite-home")
    assert expected["apa"] == (f"Wuhan Government Reports dataset team. (2026, November 30). {dataset()['title']} "
                               f"(Version {VERSION}) [Data set]. Wuhan Government Reports dataset. Retrieved "
                               f"{citation._long_date(accessed)}, from {PUBLIC}/{VERSIONED}")
    assert expected["gbt7714"].endswith(f", 2026(2026-11-30)[{accessed}]. {PUBLIC}/{VERSIONED}.")
    for path in ("/", "/reports/documents", f"/reports/documents/{where['document_id']}",
                 "/reports/indicators/test-indicator-1"):
        page = client.get(path).text
        assert styles(page, "cite-footer") == expected, path
        assert "127.0.0.1" not in "".join(styles(page, "cite-footer").values())
    assert client.get("/-/cite.json").json()["dataset"] == {
        "version": VERSION, "released": RELEASED, "accessed": accessed, "url": f"{PUBLIC}/{VERSIONED}",
        "permalink": f"{PUBLIC}/{VERSIONED}", **expected}


@pytest.mark.parametrize("table, row_id", [("indicators", "test-indicator-1"), ("projects", "test-project-1")])
def test_row_page_cites_the_row_and_highlights_its_sentence(cited, table, row_id):
    client, where, sentence = cited
    page = client.get(f"/reports/{table}/{row_id}").text
    url = f"{PUBLIC}/{VERSIONED}/{table}/{row_id}"
    accessed = citation.today()
    title = client.get(f"/reports/documents/{where['document_id']}.json?_shape=objects").json()["rows"][0]["title"]
    assert "Cite this row</h2>" in page
    assert f'class="row-permalink" href="{url}"' in page
    assert f'<dd class="cite-row-released">{RELEASED}</dd>' in page
    assert f'<dd class="cite-row-accessed">{accessed}</dd>' in page
    assert f"<dd>{html.escape(title)}</dd>" in page
    assert f'<mark class="cited-sentence">{html.escape(sentence)}</mark>' in page
    row = styles(page, "cite-row")
    assert row["apa"].endswith(f"Table {table}, row {row_id} [Data set record]. In {dataset()['title']} (Version "
                               f"{VERSION}). Wuhan Government Reports dataset. Retrieved "
                               f"{citation._long_date(accessed)}, from {url}")
    assert row["gbt7714"].endswith(f"[DS/OL]//Wuhan Government Reports dataset team. {dataset()['title']}: 版本 "
                                   f"{VERSION}. Wuhan Government Reports dataset, 2026(2026-11-30)[{accessed}]. {url}.")
    assert f"  url = {{{url}}},\n  urldate = {{{accessed}}}," in row["bibtex"]
    assert shows_version_and_citation(page)
    api = client.get("/-/cite.json", params={"database": "reports", "table": table, "id": row_id}).json()["row"]
    assert {k: api[k] for k in citation.STYLES} == row
    assert api["url"] == url and api["version"] == VERSION and api["released"] == RELEASED
    assert api["document"] == title and api["accessed"] == accessed


def test_cite_json_refuses_what_it_does_not_have(cited):
    client, _, _ = cited
    assert client.get("/-/cite.json", params={"table": "indicators", "id": "nope"}).status_code == 404
    assert client.get("/-/cite.json", params={"database": "reports_9_9_9"}).status_code == 404
    assert client.get("/-/cite.json", params={"accessed": "yesterday"}).status_code == 400
    older = client.get("/-/cite.json", params={"accessed": "2026-12-01"}).json()["dataset"]
    assert older["accessed"] == "2026-12-01" and "[2026-12-01]" in older["gbt7714"]


def test_the_version_permalink_resolves_on_the_latest_build_that_is_that_release(cited):
    client, _, _ = cited
    response = client.get(f"/{VERSIONED}/indicators/test-indicator-1", follow_redirects=True)
    assert response.status_code == 200 and "test-indicator-1" in response.text


def test_other_row_pages_cite_the_row_without_a_sentence(cited):
    client, where, _ = cited
    page = client.get(f"/reports/sections/{where['section_id']}").text
    assert "Cite this row</h2>" in page and "cited-sentence" not in page and shows_version_and_citation(page)
    assert f'href="{PUBLIC}/{VERSIONED}/sections/{where["section_id"]}"' in page


def test_a_build_no_release_holds_is_labelled_unreleased_and_cited_at_its_own_url(unreleased):
    client = unreleased
    label = VERSION + "+unreleased"
    page = client.get("/reports/indicators/test-indicator-1").text
    assert shows_version_and_citation(page, label)
    assert f'<dd class="cite-row-version">{label}</dd>' in page
    assert f'class="row-permalink" href="{client.base_url}/reports/indicators/test-indicator-1"' in page
    assert styles(page, "cite-row")["apa"].startswith("Wuhan Government Reports dataset team. (n.d.). ")
    databases = client.get("/-/releases.json").json()["databases"]
    assert databases == [{"database": "reports", "version": label, "released": "", "url": "/reports"}]


def test_a_versioned_url_of_a_release_not_held_is_404_naming_it(unreleased):
    client = unreleased
    response = client.get(f"/{VERSIONED}/indicators/test-indicator-1")
    assert response.status_code == 404 and f"Release {VERSION} is not held by this server" in response.text
    assert "f" * 12 in response.text  # the recorded commit
    response = client.get("/reports_9_9_9/indicators.json")
    assert response.status_code == 404 and response.json()["missing_release"] == "9.9.9"
    assert client.get("/reports_9_9_9").status_code == 404


def test_serve_py_takes_the_public_url(cited_build, tmp_path):
    out, _, _ = cited_build
    bad = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "serve.py"), "--out", str(out),
                          "--public-url", "data.example.org"], capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stderr.startswith("error: --public-url 'data.example.org' is not a base URL")
    assert "Traceback" not in bad.stderr
    port = free_port()
    command = [sys.executable, os.path.join(ROOT, "scripts", "serve.py"), "--out", str(out), "--port", str(port),
               "--public-url", PUBLIC + "/"]
    with running(command, tmp_path, port) as base:
        page = httpx.get(base + "/reports/indicators/test-indicator-1", timeout=30).text
    assert re.search(rf'class="row-permalink" href="{re.escape(PUBLIC)}/reports(_\d+_\d+_\d+)?/indicators/test-indicator-1"',
                     page)
