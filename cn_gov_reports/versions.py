"""Old releases, still resolvable: each git tag vX.Y.Z exported and loaded into its own database.

A release is its tag's datapackage.json and data/*.csv, exactly as committed. They are loaded with
the schema of that release's own datapackage.json (not today's fields.py, which may have moved on)
into reports_X_Y_Z.db, cached by the tag's commit, and served read-only beside the latest build.
"""
import io
import json
import os
import shutil
import subprocess
import tarfile

import yaml

from . import database, versioning
from .package import DATABASE_NAME

RELEASE_FILES = ("datapackage.json", "data", "metadata.yml")


def git(repo, *args, binary=False):
    result = subprocess.run(["git", "-C", repo, *args], capture_output=True, check=True)
    return result.stdout if binary else result.stdout.decode("utf-8").rstrip("\n")


def release_tags(repo):
    """[(version, tag)] of every release tag, oldest first."""
    versions = [(v, t) for t in git(repo, "tag", "--list").splitlines() if (v := versioning.version_of_tag(t))]
    return sorted(versions, key=lambda vt: versioning.parse(vt[0]))


def export_release(repo, tag, dest):
    """Write the tag's datapackage.json, data/ and metadata.yml into dest (replacing it)."""
    present = set(git(repo, "ls-tree", "--name-only", tag).splitlines())
    archive = git(repo, "archive", "--format=tar", tag, *[p for p in RELEASE_FILES if p in present], binary=True)
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def load_release_database(package_dir, db_path):
    """Load the package in package_dir into db_path, typed and keyed by its own Table Schemas."""
    with open(os.path.join(package_dir, "datapackage.json"), encoding="utf-8") as fh:
        descriptor = json.load(fh)
    database.load_package(db_path + ".tmp", package_dir, descriptor)
    os.replace(db_path + ".tmp", db_path)
    return descriptor


def build_release(repo, version, tag, cache_dir):
    """The path of reports_X_Y_Z.db for one release, built once per tag commit and then reused."""
    commit = git(repo, "rev-parse", f"{tag}^{{commit}}")
    name = versioning.database_name(version)
    db_path = os.path.join(cache_dir, f"{name}.db")
    stamp = os.path.join(cache_dir, version, "commit")
    if os.path.exists(db_path) and os.path.exists(stamp) and open(stamp).read() == commit:
        return db_path
    package_dir = export_release(repo, tag, os.path.join(cache_dir, version))
    load_release_database(package_dir, db_path)
    with open(stamp, "w") as fh:
        fh.write(commit)
    return db_path


def build_all(repo, cache_dir):
    """[(version, database path)] of every tagged release, oldest first."""
    os.makedirs(cache_dir, exist_ok=True)
    return [(v, build_release(repo, v, t, cache_dir)) for v, t in release_tags(repo)]


def combined_metadata(current_metadata_path, cache_dir, versions):
    """Datasette metadata for the latest database plus one block per release (from its own metadata.yml)."""
    with open(current_metadata_path, encoding="utf-8") as fh:
        meta = yaml.safe_load(fh)
    current = meta["databases"][DATABASE_NAME]
    for version, _ in versions:
        own = os.path.join(cache_dir, version, "metadata.yml")
        block = current
        if os.path.exists(own):
            with open(own, encoding="utf-8") as fh:
                block = yaml.safe_load(fh).get("databases", {}).get(DATABASE_NAME, current)
        meta["databases"][versioning.database_name(version)] = {
            **block, "title": f"{block.get('title', '')} (version {version}, read-only release)"}
    return meta
