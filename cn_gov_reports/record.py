"""The record of releases kept in the tree: releases.json, one entry per release, oldest first.

An entry says what a release is without relying on git tags, which do not travel with every copy of
the repository (a mirror, a fork, `git clone --no-tags`, a CI checkout, a source archive):

    {"version": "0.1.0", "date": "2026-11-22", "commit": "<the commit that made the release>",
     "tag": "v0.1.0", "files": {"<path>": "<sha256>", ...},      # every published file (its SHA256SUMS)
     "diff": {"against": null, "tables": {"documents": {"rows": 5, "added": 5, "removed": 0, "changed": 0}}},
     "archive": {"name": "<name>.zip", "sha256": "<sha256>"}}     # the deposit release.py writes

`release.py` appends an entry after committing the release (a commit cannot hold its own hash, so the
entry arrives in the commit right after it).
"""
import json
import os

from . import versioning
from .package import file_sha256 as sha256_file  # noqa: F401 (versions.py and the tests use it by this name)
from .paths import ROOT

NAME = "releases.json"
PATH = os.path.join(ROOT, NAME)
ABOUT = ("Every release of the dataset: version, date, the commit that made it, the SHA-256 of each published "
         "file, the data diff against the release before, and the SHA-256 of its archive. Written by "
         "scripts/release.py; read by scripts/serve_versions.py and /-/releases. See docs/releases.md.")


class RecordError(Exception):
    """releases.json is unreadable or inconsistent; the message names the file and the problem."""


def load(path=PATH):
    """[entry] oldest first; [] when there is no record."""
    if not os.path.exists(path):
        return []
    try:
        with open(path, encoding="utf-8") as fh:
            entries = json.load(fh)["releases"]
        for entry in entries:
            versioning.parse(entry["version"])
            for key in ("date", "commit", "files"):
                entry[key]  # noqa: B018 (a missing key is a broken record)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise RecordError(f"{path}: not a release record ({type(e).__name__}: {e})") from None
    return sorted(entries, key=lambda e: versioning.parse(e["version"]))


def render(entries):
    return json.dumps({"about": ABOUT, "releases": entries}, ensure_ascii=False, indent=2) + "\n"


def save(entries, path=PATH):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(render(sorted(entries, key=lambda e: versioning.parse(e["version"]))))
    return path


def latest(entries):
    return entries[-1] if entries else None


def find(entries, version):
    return next((e for e in entries if e["version"] == version), None)


def parse_sums(text):
    """{path: sha256} of a sha256sum-format text."""
    out = {}
    for line in text.splitlines():
        if line.strip():
            digest, path = line.split(None, 1)
            out[path.lstrip("*")] = digest
    return out


def diff_summary(diffs, previous_version):
    """The record's diff: counts per table (the changelog lists the ids)."""
    return {"against": previous_version,
            "tables": {name: {"rows": d.rows, "added": len(d.added), "removed": len(d.removed),
                              "changed": len(d.changed)} for name, d in diffs.items()}}


def diff_text(entry):
    """One line: 'against 0.1.0: indicators +12 -3 ~5; ...' (or the first release's row counts)."""
    diff = entry.get("diff") or {}
    tables = diff.get("tables") or {}
    if not diff.get("against"):
        return "first release: " + ", ".join(f"{n} {t['rows']}" for n, t in tables.items())
    parts = [f"{n} +{t['added']} −{t['removed']} ~{t['changed']}" for n, t in tables.items()
             if t["added"] or t["removed"] or t["changed"]]
    return f"against {diff['against']}: " + ("; ".join(parts) if parts else "no data change")


def data_hashes(entry):
    """{resource file name without extension: sha256} of the release's data/*.csv."""
    return {p[len("data/"):-len(".csv")]: h for p, h in entry["files"].items()
            if p.startswith("data/") and p.endswith(".csv")}
