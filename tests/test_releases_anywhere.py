"""Releases resolve from any copy of the repository (issue 16), proved end to end on throwaway clones.

`origin` is a `git clone --no-tags` of this repository (so it has the real history with the commit
"Release 0.1.0" but no tag) with the working files on top and the release record as it stood at 0.1.0 (the
releases cut since are left out, so the test re-enacts the release after 0.1.0 whatever came later);
release.py cuts 1.0.0 there. Then
serve_versions.py serves the releases from another --no-tags clone (every release, from its commit), a
shallow clone (only what its commits or the latest build hold; the rest 404), the shallow clone with a
folder of archives (every release), and a source tree with no git at all plus the archives folder.
"""
import csv
import hashlib
import io
import os
import shutil
import subprocess
import sys
import zipfile

import httpx
import pytest

from cn_gov_reports import record
from cn_gov_reports.serve import free_port

from conftest import ROOT, running
from project_repo import git as raw_git, project_files, repo_env, run

pytestmark = pytest.mark.server
FIRST = "0.1.0"
FIRST_COMMIT_MESSAGE = "Release 0.1.0"
NEW = "1.0.0"
NEW_DATE = "2026-12-01"


def _has_history():
    try:
        entries = record.load(os.path.join(ROOT, record.NAME))
        first = record.find(entries, FIRST)
        subprocess.run(["git", "-C", ROOT, "cat-file", "-e", f"{first['commit']}^{{commit}}"], check=True,
                       capture_output=True)
        return True
    except (subprocess.CalledProcessError, OSError, TypeError, KeyError):
        return False


needs_history = pytest.mark.skipif(not _has_history(), reason="needs this repository's git history with the commit "
                                   "of release 0.1.0 (a source archive of the project has none)")


def git(repo, *args):
    return raw_git(repo, *args).strip()


def clone(source, dest, *args):
    subprocess.run(["git", "clone", "--quiet", *args, str(source), str(dest)], check=True, capture_output=True,
                   env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1"})
    return dest


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    """A --no-tags clone of this repository with the working files committed on top, its record cut back to
    0.1.0, released as 1.0.0."""
    if not _has_history():
        pytest.skip("needs this repository's git history with the commit of release 0.1.0")
    base = tmp_path_factory.mktemp("anywhere")
    repo = clone(ROOT, base / "origin", "--no-tags")
    assert git(repo, "tag", "--list") == ""
    git(repo, "rm", "-r", "--quiet", ".")
    for path in project_files():
        target = repo / path
        os.makedirs(target.parent, exist_ok=True)
        shutil.copy2(os.path.join(ROOT, path), target)
    entries = record.load(repo / record.NAME)
    record.save(entries[:entries.index(record.find(entries, FIRST)) + 1], repo / record.NAME)
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", "the working copy, its record as it stood at " + FIRST)
    result = run(repo, "release.py", NEW, "--date", NEW_DATE)
    assert result.returncode == 0, result.stderr
    assert run(repo, "build.py", "--quiet").returncode == 0  # the latest build's reports.db (git ignores *.db)
    archives = base / "archives"
    os.makedirs(archives)
    for version in (FIRST, NEW):
        result = run(repo, "release.py", version, "--archive")
        assert result.returncode == 0, result.stderr
    for name in os.listdir(repo / "dist"):
        shutil.copy(repo / "dist" / name, archives / name)
    return {"repo": repo, "base": base, "archives": archives,
            "entries": record.load(os.path.join(repo, record.NAME))}


def entry(origin, version):
    return record.find(origin["entries"], version)


def released_rows(repo, commit, table):
    text = raw_git(repo, "show", f"{commit}:data/{table}.csv")
    return {r["id"]: r for r in csv.DictReader(io.StringIO(text))}


def serve_versions(copy, cache, *args, env=None):
    """serve_versions.py run from `copy` (with the copy's own package), as a block yielding an httpx client."""
    port = free_port()
    command = [sys.executable, os.path.join(copy, "scripts", "serve_versions.py"), "--port", str(port),
               "--cache", str(cache), *args]
    return port, command, env or repo_env(copy)


class Served:
    def __init__(self, copy, cache, *args):
        self.port, self.command, self.env = serve_versions(copy, cache, *args)
        self.log_dir = cache

    def __enter__(self):
        os.makedirs(self.log_dir, exist_ok=True)
        self._running = running(self.command, self.log_dir, self.port, env=self.env)
        base = self._running.__enter__()
        self.client = httpx.Client(base_url=base, timeout=30)
        return self.client

    def __exit__(self, *exc):
        self.client.close()
        return self._running.__exit__(*exc)


def with_latest_build(origin, copy):
    shutil.copy(origin["repo"] / "reports.db", copy / "reports.db")
    return copy


@needs_history
def test_release_records_both_releases_with_commits_checksums_diff_and_archive(origin):
    repo = origin["repo"]
    first, new = entry(origin, FIRST), entry(origin, NEW)
    assert git(repo, "log", "-1", "--format=%s", first["commit"]) == FIRST_COMMIT_MESSAGE
    assert git(repo, "log", "-1", "--format=%s", new["commit"]) == f"Release {NEW}"
    assert git(repo, "log", "-1", "--format=%s").startswith(f"Record release {NEW}")
    assert git(repo, "status", "--porcelain") == ""
    assert new["date"] == NEW_DATE and new["diff"]["against"] == FIRST
    for e in (first, new):  # every published file of the release commit, byte for byte
        assert set(e["files"]) == set(record.parse_sums(git(repo, "show", f"{e['commit']}:SHA256SUMS")))
        for path, digest in e["files"].items():
            blob = subprocess.run(["git", "-C", str(repo), "show", f"{e['commit']}:{path}"], capture_output=True,
                                  check=True).stdout
            assert hashlib.sha256(blob).hexdigest() == digest, (e["version"], path)
    for e in (first, new):
        path = origin["archives"] / e["archive"]["name"]
        assert record.sha256_file(path) == e["archive"]["sha256"]
        with zipfile.ZipFile(path) as zf:
            names = {n.split("/", 1)[1] for n in zf.namelist()}
        db = f"reports_{e['version'].replace('.', '_')}.db"
        assert {"datapackage.json", "CITATION.cff", "README.md", "SHA256SUMS", db} <= names
        assert {p for p in e["files"] if p.startswith("data/")} <= names
    log = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{NEW}] - {NEW_DATE}" in log and f"Data diff by row id (against {FIRST})" in log


@needs_history
def test_an_archive_is_byte_identical_when_written_again_from_another_clone(origin):
    copy = clone(origin["repo"], origin["base"] / "again", "--no-tags")
    for version in (FIRST, NEW):
        result = run(copy, "release.py", version, "--archive")
        assert result.returncode == 0 and "as recorded" in result.stdout, result.stderr
        name = entry(origin, version)["archive"]["name"]
        assert (copy / "dist" / name).read_bytes() == (origin["archives"] / name).read_bytes()


def served_package_matches_record(cache, e):
    """The files a release was served from equal the record's checksums, byte for byte."""
    for path, digest in e["files"].items():
        if path == "datapackage.json" or path.startswith("data/"):
            assert record.sha256_file(os.path.join(cache, e["version"], path)) == digest, path


def cell(value):
    """A CSV cell or a served value as comparable text: numbers by value (1 and 1.0 are one number)."""
    text = "" if value is None else str(value)
    try:
        return repr(float(text))
    except ValueError:
        return text


def check_first_release_rows(client, origin):
    """Every 0.1.0 row of indicators resolves at its versioned URL, unchanged; a cited row cites 0.1.0."""
    first = entry(origin, FIRST)
    old = released_rows(origin["repo"], first["commit"], "indicators")
    served = client.get("/reports_0_1_0.json", params={"sql": "select * from indicators", "_shape": "objects",
                                                       "_size": "max"}).json()["rows"]
    as_csv = {r["id"]: {k: cell(v) for k, v in r.items()} for r in served}
    assert as_csv == {i: {k: cell(v) for k, v in r.items()} for i, r in old.items()}
    row_id = sorted(old)[0]
    cite = client.get("/-/cite.json", params={"database": "reports_0_1_0", "table": "indicators",
                                               "id": row_id}).json()["row"]
    assert cite["version"] == FIRST and cite["released"] == first["date"]
    assert cite["url"].endswith(f"/reports_0_1_0/indicators/{row_id}")
    page = client.get(f"/reports_0_1_0/indicators/{row_id}")
    assert page.status_code == 200 and '<strong class="dataset-version">0.1.0</strong>' in page.text


@needs_history
def test_a_no_tags_clone_serves_every_release_from_its_commit(origin):
    copy = with_latest_build(origin, clone(origin["repo"], origin["base"] / "notags", "--no-tags"))
    assert git(copy, "tag", "--list") == ""
    cache = origin["base"] / "cache-notags"
    with Served(copy, cache) as client:
        releases = client.get("/-/releases.json").json()
        check_first_release_rows(client, origin)
        page = client.get("/-/releases").text
    assert [(r["version"], r["database"], r["released"]) for r in releases["releases"]] == [
        (NEW, "reports_1_0_0", NEW_DATE), (FIRST, "reports_0_1_0", "2026-11-22")]
    assert releases["releases"][0]["diff"].startswith(f"against {FIRST}: ")
    assert releases["releases"][1]["diff"].startswith("first release: documents 5")
    assert {"database": "reports", "version": NEW, "released": NEW_DATE, "url": "/reports"} in releases["databases"]
    for text in (NEW_DATE, "2026-11-22", f"against {FIRST}", "first release"):
        assert text in page
    for version in (FIRST, NEW):
        served_package_matches_record(cache, entry(origin, version))
        assert f"commit {entry(origin, version)['commit'][:12]}" in (cache / "server.log").read_text()


@needs_history
def test_a_shallow_clone_serves_only_what_it_holds_and_404s_the_rest(origin):
    copy = with_latest_build(origin, clone(f"file://{origin['repo']}", origin["base"] / "shallow", "--depth", "1"))
    assert git(copy, "rev-parse", "--is-shallow-repository") == "true"
    cache = origin["base"] / "cache-shallow"
    with Served(copy, cache) as client:
        releases = {r["version"]: r for r in client.get("/-/releases.json").json()["releases"]}
        missing = client.get("/reports_0_1_0/indicators.json")
        missing_page = client.get("/reports_0_1_0/indicators")
        new_row = client.get("/reports_1_0_0/documents", follow_redirects=True)
    log = (cache / "server.log").read_text()
    # Depth 1 holds only the "Record release" commit: neither release commit. 1.0.0 is still served, as the
    # latest build whose data are 1.0.0's byte for byte; 0.1.0 is not, and says so.
    assert f"release {FIRST}: NOT SERVED: commit {entry(origin, FIRST)['commit'][:12]} is not in this copy" in log
    assert releases[FIRST]["database"] == "" and releases[NEW]["database"] == "reports"
    assert missing.status_code == 404 and missing.json()["missing_release"] == FIRST
    assert missing_page.status_code == 404 and "Release 0.1.0 is not held by this server" in missing_page.text
    assert new_row.status_code == 200 and str(new_row.url).endswith("/reports/documents")


@needs_history
def test_a_shallow_clone_with_the_archives_serves_every_release(origin):
    copy = origin["base"] / "shallow"  # made by the test above, or now
    if not copy.exists():
        with_latest_build(origin, clone(f"file://{origin['repo']}", copy, "--depth", "1"))
    cache = origin["base"] / "cache-shallow-archives"
    with Served(copy, cache, "--archives", str(origin["archives"])) as client:
        releases = {r["version"]: r["database"] for r in client.get("/-/releases.json").json()["releases"]}
        check_first_release_rows(client, origin)
    assert releases == {FIRST: "reports_0_1_0", NEW: "reports_1_0_0"}
    for version in (FIRST, NEW):
        served_package_matches_record(cache, entry(origin, version))


@needs_history
def test_a_source_tree_without_git_serves_every_release_from_the_archives(origin):
    tree = origin["base"] / "source"
    data = subprocess.run(["git", "-C", str(origin["repo"]), "archive", "--format=tar", "HEAD"], capture_output=True,
                          check=True).stdout
    os.makedirs(tree)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=data, check=True)
    assert not (tree / ".git").exists()
    with_latest_build(origin, tree)
    cache = origin["base"] / "cache-source"
    env = {**repo_env(tree), "GIT_CEILING_DIRECTORIES": str(origin["base"])}  # no repository above it either
    port, command, _ = serve_versions(tree, cache, "--archives", str(origin["archives"]))
    with running(command, origin["base"], port, env=env) as base, httpx.Client(base_url=base, timeout=30) as client:
        releases = {r["version"]: r["database"] for r in client.get("/-/releases.json").json()["releases"]}
        check_first_release_rows(client, origin)
        removed_in_new = client.get("/reports_1_0_0.json", params={"sql": "select count(*) n from documents",
                                                                   "_shape": "array"}).json()
    assert releases == {FIRST: "reports_0_1_0", NEW: "reports_1_0_0"}
    assert removed_in_new == [{"n": 5}]
    for version in (FIRST, NEW):
        served_package_matches_record(cache, entry(origin, version))


@needs_history
def test_an_archive_whose_bytes_differ_from_the_record_is_not_served(origin, tmp_path):
    bad = tmp_path / "archives"
    shutil.copytree(origin["archives"], bad)
    name = entry(origin, FIRST)["archive"]["name"]
    top = name[:-len(".zip")]
    with zipfile.ZipFile(origin["archives"] / name) as zf:
        files = {i.filename: zf.read(i) for i in zf.infolist()}
    csv_name = f"{top}/data/documents.csv"
    files[csv_name] = files[csv_name].replace(b"2019", b"2018", 1)
    sums = "".join(f"{hashlib.sha256(d).hexdigest()}  {n.split('/', 1)[1]}\n"
                   for n, d in sorted(files.items()) if not n.endswith("SHA256SUMS"))
    files[f"{top}/SHA256SUMS"] = sums.encode()
    with zipfile.ZipFile(bad / name, "w") as zf:  # consistent with its own SHA256SUMS, not with the record
        for n, d in files.items():
            zf.writestr(n, d)
    copy = origin["base"] / "shallow"
    if not copy.exists():
        with_latest_build(origin, clone(f"file://{origin['repo']}", copy, "--depth", "1"))
    result = subprocess.run([sys.executable, os.path.join(copy, "scripts", "serve_versions.py"), "--build-only",
                             "--cache", str(tmp_path / "cache"), "--archives", str(bad)], capture_output=True,
                            text=True, env=repo_env(copy))
    assert result.returncode == 0, result.stderr
    assert (f"release {FIRST}: NOT SERVED:" in result.stdout
            and f"archive {name} does not hold the recorded files (data/documents.csv differs)" in result.stdout)
