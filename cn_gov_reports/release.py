"""Make a release: check, bump the version everywhere, write the changelog and checksums, commit, tag,
record it in releases.json and write its archive.

The release is its entry in releases.json (record.py): the commit "Release X.Y.Z" and the SHA-256 of
every published file; the tag vX.Y.Z is a convenience. Two commits: "Release X.Y.Z" (data, version,
changelog, SHA256SUMS) and "Record release X.Y.Z" (its entry, which names the first commit's hash). The
archive dist/<name>-X.Y.Z.zip (archive.py) is the deposit for a data archive such as Zenodo.

A release is refused when the work tree is dirty, when data/ (or any generated file) is not what a
fresh build gives, when the version does not follow the previous release, or when it is a smaller bump
than the changes need (see versioning.py).
"""
import datetime
import hashlib
import os
import re
import tempfile

from . import archive, citation, citation_files, diff, paths, record, site, versioning, versions
from .build import build
from .package import DATA_DIR, dataset

ROOT = paths.ROOT
SEEDS = os.path.join(ROOT, "seeds")
CHANGELOG = os.path.join(ROOT, "CHANGELOG.md")
CHECKSUMS = os.path.join(ROOT, "SHA256SUMS")
README = os.path.join(ROOT, "README.md")
DIST = os.path.join(ROOT, "dist")
README_BLOCK = re.compile(r"(<!-- release -->\n).*?(<!-- /release -->)", re.S)
UNRELEASED = "## Unreleased"


class ReleaseError(Exception):
    """A release that must not be made; the message says why and what to do."""


def check_clean(repo=ROOT):
    status = versions.git(repo, "status", "--porcelain", "--untracked-files=all")
    if status:
        files = ", ".join(line[3:] for line in status.splitlines()[:10])
        raise ReleaseError(f"the work tree has uncommitted changes ({files}); commit or stash them first")


def generated_files():
    """{path relative to the root: expected bytes} of every generated file except the data package."""
    return {"metadata.yml": site.render().encode("utf-8"),
            **{name: render().encode("utf-8") for name, render in citation_files.RENDERERS.items()}}


def stale_outputs(root=ROOT, seeds=SEEDS):
    """Paths whose committed content differs from a fresh build of seeds (empty when all is fresh)."""
    with tempfile.TemporaryDirectory() as tmp:
        build(seeds, tmp, database=False)
        expected = {"datapackage.json": _read(os.path.join(tmp, "datapackage.json"))}
        for name in sorted(os.listdir(os.path.join(tmp, DATA_DIR))):
            expected[f"{DATA_DIR}/{name}"] = _read(os.path.join(tmp, DATA_DIR, name))
    expected.update(generated_files())
    stale = [p for p, data in expected.items() if _read(os.path.join(root, p)) != data]
    present = {f"{DATA_DIR}/{n}" for n in os.listdir(os.path.join(root, DATA_DIR))}
    return stale + sorted(present - set(expected))


def _read(path):
    if not os.path.exists(path):
        return None
    with open(path, "rb") as fh:
        return fh.read()


def check_version(version, previous):
    """The bump level from the previous release (None for the first release); ReleaseError if invalid."""
    try:
        versioning.parse(version)
        return versioning.bump_level(previous, version) if previous else None
    except ValueError as e:
        raise ReleaseError(str(e)) from None


def check_bump(level, required, reasons):
    if versioning.LEVELS.index(level) < versioning.LEVELS.index(required):
        raise ReleaseError(f"a {level} release cannot hold these changes, they need a {required} release: "
                           + "; ".join(reasons))


def set_dataset_version(version, created):
    path = versioning.DATASET_YML
    with open(path, encoding="utf-8") as fh:
        text = versioning.set_version(fh.read(), version, created)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    dataset.cache_clear()


def readme_block(meta=None):
    """The README's release block: current version, how to cite it (APA, GB/T 7714-2015, BibTeX)."""
    meta = meta or dataset()
    return (f"Current release: **{meta['version']}** ({citation.released(meta)}), recorded with its commit and "
            f"checksums in [{record.NAME}]({record.NAME}) (git tag `{versioning.tag(meta['version'])}` where tags "
            f"were fetched); what changed: [CHANGELOG.md](CHANGELOG.md).\n\n"
            f"APA:\n\n> {citation.apa(meta)}\n\nGB/T 7714-2015:\n\n> {citation.gbt7714(meta)}\n\n"
            f"BibTeX:\n\n```bibtex\n{citation.bibtex(meta)}\n```\n\n"
            f"Add the URL you used and the date you accessed it; every page of the site shows the full citation.\n")


def update_readme(text, meta=None):
    """README text with its release block regenerated (unchanged when it has no block)."""
    return README_BLOCK.sub(lambda m: m.group(1) + readme_block(meta) + m.group(2), text)


def changelog_section(version, date, previous_version, diffs, notes=""):
    head = f"## [{version}] - {date}\n\n"
    notes = notes.strip()
    body = (notes + "\n\n" if notes else "") + diff.markdown(diffs, previous_version)
    tail = (f"\nChecksums of every published file: `SHA256SUMS` of the commit \"Release {version}\" "
            f"(`sha256sum -c SHA256SUMS`), also recorded with that commit in `{record.NAME}`.\n")
    return head + body + tail


def update_changelog(text, section):
    """The changelog with `section` placed first; notes under '## Unreleased' move into it."""
    if UNRELEASED not in text:
        text = text.rstrip("\n") + f"\n\n{UNRELEASED}\n"
    before, after = text.split(UNRELEASED, 1)
    match = re.search(r"(?m)^## \[", after)
    rest = after[match.start():] if match else ""
    return f"{before}{UNRELEASED}\n\n{section}" + (f"\n{rest}" if rest else "")


def unreleased_notes(text):
    if UNRELEASED not in text:
        return ""
    after = text.split(UNRELEASED, 1)[1]
    match = re.search(r"(?m)^## \[", after)
    return after[:match.start()] if match else after


def checksums(root=ROOT):
    """SHA256SUMS text (sha256sum format) of the package, the generated files and the seeds."""
    paths = ["datapackage.json"] + [f"{DATA_DIR}/{n}" for n in sorted(os.listdir(os.path.join(root, DATA_DIR)))]
    paths += sorted(generated_files()) + [f"seeds/{n}" for n in sorted(os.listdir(os.path.join(root, "seeds")))]
    lines = [f"{hashlib.sha256(_read(os.path.join(root, p))).hexdigest()}  {p}" for p in paths]
    return "\n".join(lines) + "\n"


def _write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _previous_rev(repo, entry):
    rev, why = versions.locate(repo, entry)
    if not rev:
        raise ReleaseError(f"the previous release {entry['version']} cannot be read: {why}; "
                           "release from a full clone (`git fetch --unshallow`)")
    return rev


def record_entry(repo, version, date, commit, diffs, previous_version, dist=DIST):
    """The releases.json entry of the release made by commit, with its archive written into dist."""
    files = record.parse_sums(versions.git(repo, "show", f"{commit}:SHA256SUMS"))
    path, digest = archive.write(repo, commit, version, date, dist)
    return {"version": version, "date": date, "commit": commit, "tag": versioning.tag(version), "files": files,
            "diff": record.diff_summary(diffs, previous_version) if diffs is not None else None,
            "archive": {"name": os.path.basename(path), "sha256": digest}}


def release(version, date=None, repo=ROOT, make_tag=True, log=print, dist=DIST):
    """Release `version` of the repository at repo (the one this library lives in); return the tag."""
    check_clean(repo)
    record_path = os.path.join(repo, record.NAME)
    entries = record.load(record_path)
    last = record.latest(entries)
    previous = last["version"] if last else None
    level = check_version(version, previous)
    if versioning.tag(version) in versions.git(repo, "tag", "--list").splitlines():
        raise ReleaseError(f"tag {versioning.tag(version)} exists already")
    stale = stale_outputs(repo, os.path.join(repo, "seeds"))
    if stale:
        raise ReleaseError("these files are not what a fresh build gives: " + ", ".join(stale)
                           + "; run `python scripts/build.py` and commit them")
    with tempfile.TemporaryDirectory() as tmp:
        old_dir = versions.export_release(repo, _previous_rev(repo, last), os.path.join(tmp, "old")) if last else None
        diffs = diff.diff_packages(old_dir, repo)
        if previous:
            required, reasons = versioning.required_bump(diff.read_descriptor(old_dir), diff.read_descriptor(repo),
                                                         diffs)
            check_bump(level, required, reasons)
    date = date or datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise ReleaseError(f"{date!r} is not a date YYYY-MM-DD") from None
    set_dataset_version(version, f"{date}T00:00:00Z")
    build(os.path.join(repo, "seeds"), repo)
    site.write()
    citation_files.write(repo)
    if os.path.exists(README):
        _write(README, update_readme(open(README, encoding="utf-8").read()))
    old_log = open(CHANGELOG, encoding="utf-8").read() if os.path.exists(CHANGELOG) else "# Changelog\n"
    section = changelog_section(version, date, previous, diffs, unreleased_notes(old_log))
    _write(CHANGELOG, update_changelog(old_log, section))
    _write(CHECKSUMS, checksums(repo))
    versions.git(repo, "add", "-A")
    versions.git(repo, "commit", "--quiet", "-m", f"Release {version}")
    commit = versions.git(repo, "rev-parse", "HEAD")
    if make_tag:
        versions.git(repo, "tag", "-a", versioning.tag(version), "-m", f"Release {version}")
    entry = record_entry(repo, version, date, commit, diffs, previous, dist)
    record.save(entries + [entry], record_path)
    versions.git(repo, "add", record.NAME)
    versions.git(repo, "commit", "--quiet", "-m", f"Record release {version} (commit {commit[:12]}) in {record.NAME}")
    log(f"released {version}: commit {commit}" + (f", tag {versioning.tag(version)}" if make_tag else "")
        + f"; {record.NAME} records it; archive {os.path.join(dist, entry['archive']['name'])} "
        f"(sha256 {entry['archive']['sha256']}):\n{section}")
    return versioning.tag(version)


def write_archive(version, repo=ROOT, dist=DIST):
    """Write the archive of recorded release `version` again from its commit; return (path, sha256).
    ReleaseError when the release is not recorded, its commit is not here, or the bytes differ from the record."""
    entry = record.find(record.load(os.path.join(repo, record.NAME)), version)
    if not entry:
        raise ReleaseError(f"{version} is not a release recorded in {record.NAME}")
    rev, why = versions.locate(repo, entry)
    if not rev:
        raise ReleaseError(f"release {version} cannot be read: {why}")
    path, digest = archive.write(repo, rev, version, entry["date"], dist)
    recorded = (entry.get("archive") or {}).get("sha256")
    if recorded and digest != recorded:
        raise ReleaseError(f"{path} has sha256 {digest}, not the {recorded} recorded in {record.NAME}")
    return path, digest
