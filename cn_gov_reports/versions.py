"""Old releases, still resolvable from any copy: each release in releases.json loaded into its own database.

A release is found, in this order, at the commit the record names (present in any clone that has the
history, with or without tags), at its tag vX.Y.Z (a convenience: a tag is never required), or in a
folder of release archives (no git history needed). Whatever the source, its datapackage.json and
data/*.csv must equal the SHA-256 the record lists, else it is refused. Each release is loaded with the
schema of its own datapackage.json (not today's fields.py, which may have moved on) into
reports_X_Y_Z.db, cached by its source, and served read-only beside the latest build.

A shallow clone (`git clone --depth 1`) lacks the commits of older releases: those resolve only from
archives (or after `git fetch --unshallow`).
"""
import io
import json
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass

import yaml

from . import archive, database, record, versioning
from .package import DATABASE_NAME

RELEASE_FILES = ("datapackage.json", "data", "metadata.yml")
VERIFIED = ("datapackage.json", "data/")  # the published files a served release must match byte for byte


@dataclass
class Resolved:
    version: str
    path: str = ""  # the database, when served
    source: str = ""  # "commit <sha>", "tag <name>", "archive <file>"
    missing: str = ""  # why it is not served


def git(repo, *args, binary=False):
    result = subprocess.run(["git", "-C", repo, *args], capture_output=True, check=True)
    return result.stdout if binary else result.stdout.decode("utf-8").rstrip("\n")


def _rev(repo, rev):
    """The commit sha of rev in repo, or None (no such commit, a shallow clone, or no git at all)."""
    try:
        return git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except (subprocess.CalledProcessError, OSError):
        return None


def release_tags(repo):
    """[(version, tag)] of every release tag, oldest first ([] outside git)."""
    try:
        names = git(repo, "tag", "--list").splitlines()
    except (subprocess.CalledProcessError, OSError):
        return []
    found = [(v, t) for t in names if (v := versioning.version_of_tag(t))]
    return sorted(found, key=lambda vt: versioning.parse(vt[0]))


def locate(repo, entry):
    """(git revision, source) where the recorded release is in repo, or (None, why not)."""
    sha = _rev(repo, entry["commit"])
    if sha:
        return sha, f"commit {sha[:12]}"
    tag = entry.get("tag") or versioning.tag(entry["version"])
    sha = _rev(repo, tag)
    if sha:
        return sha, f"tag {tag}"
    return None, f"commit {entry['commit'][:12]} is not in this copy's history (a shallow clone?) and no tag {tag}"


def export_release(repo, rev, dest, names=RELEASE_FILES):
    """Write the revision's files `names` (those it has) into dest (replacing it)."""
    present = set(git(repo, "ls-tree", "--name-only", rev).splitlines())
    data = git(repo, "archive", "--format=tar", rev, *[p for p in names if p in present], binary=True)
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def mismatches(package_dir, entry):
    """Published files of the entry that package_dir lacks or holds with other bytes (empty: identical)."""
    bad = []
    for path, digest in sorted(entry["files"].items()):
        if not path.startswith(VERIFIED):
            continue
        full = os.path.join(package_dir, path)
        if not os.path.exists(full):
            bad.append(f"{path} missing")
        elif record.sha256_file(full) != digest:
            bad.append(f"{path} differs")
    return bad


def load_release_database(package_dir, db_path):
    """Load the package in package_dir into db_path, typed and keyed by its own Table Schemas."""
    with open(os.path.join(package_dir, "datapackage.json"), encoding="utf-8") as fh:
        descriptor = json.load(fh)
    database.load_package(db_path + ".tmp", package_dir, descriptor)
    os.replace(db_path + ".tmp", db_path)
    return descriptor


def _cached(cache_dir, version, key):
    db_path = os.path.join(cache_dir, f"{versioning.database_name(version)}.db")
    stamp = os.path.join(cache_dir, version, ".source")
    fresh = os.path.exists(db_path) and os.path.exists(stamp) and open(stamp).read() == key
    return db_path, stamp, fresh


def _stamp(stamp, key):
    with open(stamp, "w") as fh:
        fh.write(key)


def from_git(repo, version, rev, cache_dir):
    """The path of reports_X_Y_Z.db for the release at git revision rev, built once per commit."""
    db_path, stamp, fresh = _cached(cache_dir, version, f"commit {rev}")
    if not fresh:
        package_dir = export_release(repo, rev, os.path.join(cache_dir, version))
        load_release_database(package_dir, db_path)
        _stamp(stamp, f"commit {rev}")
    return db_path


def from_archive(zip_path, version, cache_dir):
    """The path of reports_X_Y_Z.db from a release archive (its own database), extracted once per archive."""
    key = f"archive {record.sha256_file(zip_path)}"
    db_path, stamp, fresh = _cached(cache_dir, version, key)
    if not fresh:
        package_dir = archive.extract(zip_path, os.path.join(cache_dir, version))
        shutil.copyfile(os.path.join(package_dir, os.path.basename(db_path)), db_path)
        _stamp(stamp, key)
    return db_path


def resolve(entry, repo, cache_dir, archives):
    """Resolved for one recorded release: from its commit, its tag, or its archive, checked against the record."""
    reasons = []
    rev, source = locate(repo, entry)
    if rev:
        path = from_git(repo, entry["version"], rev, cache_dir)
        bad = mismatches(os.path.join(cache_dir, entry["version"]), entry)
        if not bad:
            return Resolved(entry["version"], path, source)
        reasons.append(f"{source} does not hold the recorded files ({', '.join(bad)})")
    else:
        reasons.append(source)
    if entry["version"] in archives:
        zip_path = archives[entry["version"]]
        path = from_archive(zip_path, entry["version"], cache_dir)
        bad = mismatches(os.path.join(cache_dir, entry["version"]), entry)
        if not bad:
            return Resolved(entry["version"], path, f"archive {os.path.basename(zip_path)}")
        reasons.append(f"archive {os.path.basename(zip_path)} does not hold the recorded files ({', '.join(bad)})")
    else:
        reasons.append("no archive of it")
    return Resolved(entry["version"], missing="; ".join(reasons))


def build_all(repo, cache_dir, archives_dir=None, entries=None):
    """[Resolved] of every release, oldest first: each recorded one, plus archives and tags the record lacks
    (an archive is checked against its own SHA256SUMS)."""
    os.makedirs(cache_dir, exist_ok=True)
    entries = record.load() if entries is None else entries
    archives = archive.find(archives_dir) if archives_dir else {}
    recorded = {e["version"] for e in entries}
    out = [resolve(e, repo, cache_dir, archives) for e in entries]
    for version, zip_path in archives.items():
        if version not in recorded:
            out.append(Resolved(version, from_archive(zip_path, version, cache_dir),
                                f"archive {os.path.basename(zip_path)} (not in the record)"))
    served = {r.version for r in out}
    for version, tag in release_tags(repo):
        if version not in served:
            out.append(Resolved(version, from_git(repo, version, _rev(repo, tag), cache_dir),
                                f"tag {tag} (not in the record)"))
    return sorted(out, key=lambda r: versioning.parse(r.version))


def combined_metadata(current_metadata_path, cache_dir, versions):
    """Datasette metadata for the latest database plus one block per served release (its own metadata.yml)."""
    with open(current_metadata_path, encoding="utf-8") as fh:
        meta = yaml.safe_load(fh)
    current = meta["databases"][DATABASE_NAME]
    for version in versions:
        own = os.path.join(cache_dir, version, "metadata.yml")
        block = current
        if os.path.exists(own):
            with open(own, encoding="utf-8") as fh:
                block = yaml.safe_load(fh).get("databases", {}).get(DATABASE_NAME, current)
        meta["databases"][versioning.database_name(version)] = {
            **block, "title": f"{block.get('title', '')} (version {version}, read-only release)"}
    return meta
