"""One version, shown everywhere: dataset.yml is the source; every other place must agree with it."""
import json
import os
import re
import sqlite3
import subprocess

import pytest
import yaml

from cn_gov_reports import citation_files, package_info, release
from cn_gov_reports.package import dataset

from cff_env import cffconvert
from conftest import ROOT


def read(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as fh:
        return fh.read()


def test_version_is_semver():
    assert re.fullmatch(r"\d+\.\d+\.\d+", dataset()["version"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00Z", dataset()["created"])


@pytest.mark.parametrize("name, version_of", [
    ("datapackage.json", lambda text: json.loads(text)["version"]),
    ("CITATION.cff", lambda text: yaml.safe_load(text)["version"]),
    (".zenodo.json", lambda text: json.loads(text)["version"]),
    ("metadata.yml", lambda text: yaml.safe_load(text)["version"]),
])
def test_committed_file_shows_the_version(name, version_of):
    assert version_of(read(name)) == dataset()["version"], f"{name} disagrees with dataset.yml"


def test_release_date_agrees():
    date = dataset()["created"][:10]
    assert yaml.safe_load(read("CITATION.cff"))["date-released"] == date
    assert json.loads(read(".zenodo.json"))["publication_date"] == date
    assert json.loads(read("datapackage.json"))["created"] == dataset()["created"]


def test_database_shows_the_version(seeds_build):
    conn = sqlite3.connect(f"file:{seeds_build / 'reports.db'}?mode=ro", uri=True)
    meta = package_info.read(conn)
    assert meta["version"] == dataset()["version"] and meta["created"] == dataset()["created"]
    assert meta["database_name"] == "reports_" + dataset()["version"].replace(".", "_")
    assert conn.execute("pragma user_version").fetchone()[0] == package_info.user_version(dataset()["version"])
    descriptor = json.loads((seeds_build / "datapackage.json").read_text(encoding="utf-8"))
    assert meta["hashes"] == {r["name"]: r["hash"] for r in descriptor["resources"]}


def test_readme_release_block_shows_the_version():
    text = read("README.md")
    if "<!-- release -->" not in text:
        pytest.skip("README.md has no <!-- release --> block yet (its text is in docs/releases.md)")
    assert release.update_readme(text) == text, "README's release block is stale: python scripts/release.py writes it"
    assert f"**{dataset()['version']}**" in text


def test_committed_citation_files_are_generated():
    for name, render in citation_files.RENDERERS.items():
        assert read(name) == render(), f"{name} is stale: run python scripts/build.py and commit"


def test_citation_cff_is_a_dataset_and_zenodo_an_upload_of_one():
    assert yaml.safe_load(read("CITATION.cff"))["type"] == "dataset"
    assert json.loads(read(".zenodo.json"))["upload_type"] == "dataset"


def test_cffconvert_validates_citation_cff():
    result = subprocess.run([cffconvert(), "--validate", "-i", os.path.join(ROOT, "CITATION.cff")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cffconvert_rejects_a_broken_citation_cff(tmp_path):
    broken = tmp_path / "CITATION.cff"
    broken.write_text(read("CITATION.cff").replace("type: dataset", "type: spreadsheet"), encoding="utf-8")
    result = subprocess.run([cffconvert(), "--validate", "-i", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0
