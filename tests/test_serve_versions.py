"""Old versions resolve: every recorded release served as its own read-only database beside the latest.

The project copy here has no history before its own releases (tests/test_releases_anywhere.py works on
clones of the real history); its releases are made by release.py and recorded in its releases.json."""
import csv
import io
import os
import sys

import httpx
import pytest

from conftest import free_port, running
from project_repo import commit_all, git, make_repo, rebuild, repo_env, run

pytestmark = pytest.mark.server
REMOVED_SEED = "001_23c6dced89acb416.txt"
REMOVED_ID = "001-23c6dced89acb416"


@pytest.fixture(scope="module")
def versions_server(tmp_path_factory):
    """A project copy released as 0.1.0, then as 1.0.0 without one report, served by serve_versions.py."""
    repo = make_repo(tmp_path_factory.mktemp("versions") / "repo")
    assert run(repo, "release.py", "0.1.0", "--date", "2026-11-22").returncode == 0
    git(repo, "rm", "--quiet", f"seeds/{REMOVED_SEED}")
    rebuild(repo)
    commit_all(repo, "remove a report")
    result = run(repo, "release.py", "1.0.0", "--date", "2026-11-23")
    assert result.returncode == 0, result.stderr
    rebuild(repo)  # the latest build's reports.db (git ignores *.db)
    port = free_port()
    with running([sys.executable, os.path.join(repo, "scripts", "serve_versions.py"), "--port", str(port)],
                 repo, port, env=repo_env(repo)) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield repo, client


def released_rows(repo, tag, table):
    text = git(repo, "show", f"{tag}:data/{table}.csv")
    return {r["id"]: r for r in csv.DictReader(io.StringIO(text))}


def test_versions_page_lists_every_release(versions_server):
    _, client = versions_server
    listed = client.get("/-/releases.json").json()
    assert [(r["database"], r["version"], r["released"]) for r in listed["releases"]] == [
        ("reports_1_0_0", "1.0.0", "2026-11-23"), ("reports_0_1_0", "0.1.0", "2026-11-22")]
    assert [(d["database"], d["version"]) for d in listed["databases"]] == [
        ("reports", "1.0.0"), ("reports_0_1_0", "0.1.0"), ("reports_1_0_0", "1.0.0")]
    removed = listed["releases"][0]["diff"]
    assert removed.startswith("against 0.1.0: documents +0 −1 ~0;"), removed
    page = client.get("/-/releases").text
    assert 'href="/reports_0_1_0"' in page and "2026-11-22" in page and "against 0.1.0" in page


def test_an_old_release_still_serves_a_row_removed_since(versions_server):
    repo, client = versions_server
    old = released_rows(repo, "v0.1.0", "sections")
    row_id = next(i for i in old if i.startswith(REMOVED_ID))
    row = client.get(f"/reports_0_1_0/sections/{row_id}.json?_shape=objects").json()["rows"][0]
    assert {k: "" if v is None else str(v) for k, v in row.items()} == old[row_id]
    assert client.get(f"/reports_1_0_0/sections/{row_id}").status_code == 404
    assert client.get(f"/reports/sections/{row_id}").status_code == 404
    assert client.get(f"/reports_0_1_0/documents/{REMOVED_ID}").status_code == 200


def test_every_release_has_every_row_of_its_tag(versions_server):
    repo, client = versions_server
    for tag, database in (("v0.1.0", "reports_0_1_0"), ("v1.0.0", "reports_1_0_0")):  # the tags agree with the record
        for table in ("documents", "sections", "indicators", "projects"):
            expected = released_rows(repo, tag, table)
            served = client.get(f"/{database}.json", params={"sql": f"select id from {table}",
                                                             "_shape": "array", "_size": "max"}).json()
            assert {r["id"] for r in served} == set(expected), (database, table)


def test_an_old_release_page_shows_its_own_version_and_citation(versions_server):
    _, client = versions_server
    page = client.get("/reports_0_1_0/documents").text
    assert '<strong class="dataset-version">0.1.0</strong>' in page
    assert "(Version 0.1.0) [Data set]" in page and "/reports_0_1_0</pre>" in page and "/reports_0_1_0.</pre>" in page
    latest = client.get("/reports/documents").text
    assert '<strong class="dataset-version">1.0.0</strong>' in latest


def test_releases_are_read_only(versions_server):
    _, client = versions_server
    response = client.get("/reports_0_1_0.json", params={"sql": "delete from documents"})
    assert response.status_code in (400, 403)
    count = client.get("/reports_0_1_0.json", params={"sql": "select count(*) as n from documents",
                                                      "_shape": "array"}).json()
    assert count == [{"n": 5}]
