"""`python scripts/release.py VERSION` in a throwaway git repository holding a copy of the project."""
import csv
import hashlib
import json
import os
import re
import subprocess

import pytest
import yaml

from cn_gov_reports import release

from project_repo import commit_all, edited_text, git, make_repo, rebuild, run

PREVIOUS_SEED = "000_72912416dbe8ff8c.txt"
REMOVED_SEED = "001_23c6dced89acb416.txt"
REMOVED_ID = "001-23c6dced89acb416"


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "repo")


def ids(repo, table):
    with open(os.path.join(repo, "data", f"{table}.csv"), encoding="utf-8") as fh:
        return {r["id"]: r for r in csv.DictReader(fh)}


def section(changelog, version):
    """The text of one version's changelog section."""
    match = re.search(rf"(?ms)^## \[{re.escape(version)}\].*?(?=^## \[|\Z)", changelog)
    assert match, f"no section for {version}"
    return match.group(0)


def counts(text, table):
    """(rows, added, removed, changed) of one table in a changelog section."""
    match = re.search(rf"(?m)^\| {table} \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", text)
    return tuple(int(n) for n in match.groups())


def test_refuses_a_dirty_tree(repo):
    (repo / "notes.txt").write_text("not committed", encoding="utf-8")
    result = run(repo, "release.py", "0.1.0")
    assert result.returncode == 1 and "uncommitted changes" in result.stderr and "notes.txt" in result.stderr
    assert git(repo, "tag", "--list") == ""


def test_refuses_stale_data(repo):
    seed = repo / "seeds" / PREVIOUS_SEED
    seed.write_text(edited_text(seed.read_text(encoding="utf-8")), encoding="utf-8")
    commit_all(repo, "edit a report without rebuilding")
    result = run(repo, "release.py", "0.1.0")
    assert result.returncode == 1 and "not what a fresh build gives" in result.stderr
    assert "data/documents.csv" in result.stderr and "data/sections.csv" in result.stderr
    assert git(repo, "tag", "--list") == ""


def test_refuses_a_version_that_does_not_parse(repo):
    result = run(repo, "release.py", "1.0")
    assert result.returncode == 1 and "not a version" in result.stderr


def test_releases_diff_by_row_id_and_enforce_the_bump(repo):
    # 0.1.0: the first release, every row is new.
    assert run(repo, "release.py", "0.1.0", "--date", "2026-11-22").returncode == 0
    assert git(repo, "tag", "--list").split() == ["v0.1.0"]
    assert git(repo, "status", "--porcelain") == ""
    recorded = json.loads((repo / "releases.json").read_text(encoding="utf-8"))["releases"]
    assert [(e["version"], e["date"]) for e in recorded] == [("0.1.0", "2026-11-22")]
    assert git(repo, "log", "-1", "--format=%s", recorded[0]["commit"]).strip() == "Release 0.1.0"
    assert git(repo, "log", "-1", "--format=%s").startswith("Record release 0.1.0")
    archive = repo / "dist" / recorded[0]["archive"]["name"]
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == recorded[0]["archive"]["sha256"]
    first = {t: ids(repo, t) for t in ("documents", "sections")}
    log = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert counts(section(log, "0.1.0"), "sections") == (len(first["sections"]), len(first["sections"]), 0, 0)
    subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=repo, check=True)

    # 0.2.0: a report added (a new file) -> rows added, a minor release.
    text = (repo / "seeds" / PREVIOUS_SEED).read_text(encoding="utf-8")
    (repo / "seeds" / "900_added.txt").write_text(edited_text(text), encoding="utf-8")
    (repo / "CHANGELOG.md").write_text(log.replace("## Unreleased\n", "## Unreleased\n\nAdded one report.\n"),
                                       encoding="utf-8")
    rebuild(repo)
    commit_all(repo, "add a report")
    result = run(repo, "release.py", "0.1.1")
    assert result.returncode == 1 and "need a minor release" in result.stderr and "rows added" in result.stderr
    assert run(repo, "release.py", "0.2.0", "--date", "2026-11-23").returncode == 0
    second = {t: ids(repo, t) for t in ("documents", "sections")}
    added = {i for i in second["sections"] if i.startswith("900-added-")}
    log = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    text_020 = section(log, "0.2.0")
    assert "Added one report." in text_020 and "against 0.1.0" in text_020
    assert counts(text_020, "documents") == (6, 1, 0, 0)
    assert counts(text_020, "sections") == (len(second["sections"]), len(added), 0, 0)
    assert "- added: `900-added`" in text_020
    assert log.index("## [0.2.0]") < log.index("## [0.1.0]")

    # 0.2.1: one report edited -> only its rows change, a patch release.
    seed = repo / "seeds" / PREVIOUS_SEED
    seed.write_text(edited_text(text, ",再补充一句"), encoding="utf-8")
    rebuild(repo)
    commit_all(repo, "edit a report")
    assert run(repo, "release.py", "0.2.1", "--date", "2026-11-24").returncode == 0
    third = {t: ids(repo, t) for t in ("documents", "sections")}
    changed = {i for i in third["sections"] if third["sections"][i] != second["sections"][i]}
    assert changed and all(i.startswith("000-") for i in changed)
    text_021 = section((repo / "CHANGELOG.md").read_text(encoding="utf-8"), "0.2.1")
    assert counts(text_021, "sections") == (len(third["sections"]), 0, 0, len(changed))
    assert counts(text_021, "documents")[1:] == (0, 0, 1)

    # 1.0.0: a report removed -> rows removed, a major release.
    git(repo, "rm", "--quiet", f"seeds/{REMOVED_SEED}")
    rebuild(repo)
    commit_all(repo, "remove a report")
    result = run(repo, "release.py", "0.3.0")
    assert result.returncode == 1 and "need a major release" in result.stderr
    assert run(repo, "release.py", "1.0.0", "--date", "2026-11-25").returncode == 0
    text_100 = section((repo / "CHANGELOG.md").read_text(encoding="utf-8"), "1.0.0")
    removed = {i for i in third["sections"] if i.startswith(REMOVED_ID)}
    assert counts(text_100, "documents")[1:] == (0, 1, 0)
    assert counts(text_100, "sections")[1:] == (0, len(removed), 0)
    assert git(repo, "tag", "--list").split() == ["v0.1.0", "v0.2.0", "v0.2.1", "v1.0.0"]
    recorded = json.loads((repo / "releases.json").read_text(encoding="utf-8"))["releases"]
    assert [e["version"] for e in recorded] == ["0.1.0", "0.2.0", "0.2.1", "1.0.0"]
    assert recorded[-1]["diff"]["against"] == "0.2.1" and recorded[-1]["diff"]["tables"]["documents"]["removed"] == 1

    # Every place shows the new version, and the tag holds what a fresh build of its seeds gives.
    for name, version_of in (("datapackage.json", lambda t: json.loads(t)["version"]),
                             ("CITATION.cff", lambda t: yaml.safe_load(t)["version"]),
                             (".zenodo.json", lambda t: json.loads(t)["version"]),
                             ("metadata.yml", lambda t: yaml.safe_load(t)["version"]),
                             ("cn_gov_reports/dataset.yml", lambda t: yaml.safe_load(t)["version"])):
        assert version_of((repo / name).read_text(encoding="utf-8")) == "1.0.0", name
    assert yaml.safe_load((repo / "CITATION.cff").read_text(encoding="utf-8"))["date-released"] == "2026-11-25"
    assert git(repo, "show", "v0.1.0:cn_gov_reports/dataset.yml").count("version: 0.1.0") == 1
    subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=repo, check=True)


def test_refuses_a_version_that_skips_or_repeats(repo):
    assert run(repo, "release.py", "0.1.0", "--date", "2026-11-22").returncode == 0
    for version, message in (("0.1.0", "not after"), ("0.3.0", "does not follow")):
        result = run(repo, "release.py", version)
        assert result.returncode == 1 and message in result.stderr, result.stderr


def test_readme_release_block_is_rewritten():
    text = "# Title\n\n<!-- release -->\nold\n<!-- /release -->\n\nrest\n"
    new = release.update_readme(text)
    assert new.startswith("# Title\n\n<!-- release -->\nCurrent release: **") and new.endswith("<!-- /release -->\n\nrest\n")
    assert "@misc{" in new and "[Data set]" in new and release.update_readme(new) == new


def test_changelog_keeps_older_sections_and_moves_unreleased_notes():
    log = "# Changelog\n\nIntro.\n\n## Unreleased\n\nFixed a title.\n\n## [1.0.0] - 2026-01-01\n\nOld.\n"
    notes = release.unreleased_notes(log)
    new = release.update_changelog(log, "## [1.0.1] - 2026-02-01\n\n" + notes.strip() + "\n")
    assert new == ("# Changelog\n\nIntro.\n\n## Unreleased\n\n## [1.0.1] - 2026-02-01\n\nFixed a title.\n\n"
                   "## [1.0.0] - 2026-01-01\n\nOld.\n")
