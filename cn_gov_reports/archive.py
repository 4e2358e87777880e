"""One self-contained archive per release: the deposit a data archive (Zenodo) takes, and a source of
old releases that needs no git history.

    <name>-<version>.zip
      <name>-<version>/datapackage.json, data/*.csv, CITATION.cff, README.md   (the release commit's bytes)
      <name>-<version>/reports_X_Y_Z.db                                         (loaded from that data/)
      <name>-<version>/SHA256SUMS                                               (of every file above)

The archive is a function of the release commit alone: files in sorted order, each stamped with the
release date, stored uncompressed (deflate output may differ between zlib builds), so writing it again
from the same commit gives the same bytes. The database is loaded by versions.load_release_database
with a fixed row order; its bytes depend on the SQLite library too (its version is in the file header).
"""
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile

from . import versioning

FROM_COMMIT = ("datapackage.json", "data", "CITATION.cff", "README.md")
SUMS = "SHA256SUMS"
EXTERNAL_ATTR = 0o100644 << 16  # a regular file, rw-r--r--


class ArchiveError(Exception):
    """An archive that is unreadable or whose files do not match its SHA256SUMS."""


def archive_name(name, version):
    return f"{name}-{version}.zip"


def zip_date_time(date):
    """A zip entry's date_time for a date YYYY-MM-DD (or a timestamp that starts with one): midnight of that
    day, so the same release gives the same bytes; 1980-01-01, zip's earliest, when there is no date."""
    found = re.match(r"(\d{4})-(\d{2})-(\d{2})", date or "")
    if not found:
        return (1980, 1, 1, 0, 0, 0)
    year, month, day = (int(x) for x in found.groups())
    return (max(year, 1980), month, day, 0, 0, 0)


def sums_text(files):
    """sha256sum-format lines of {path: bytes}, sorted by path."""
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {path}\n" for path, data in sorted(files.items()))


def _read_tree(directory):
    out = {}
    for base, _, names in os.walk(directory):
        for n in names:
            path = os.path.join(base, n)
            with open(path, "rb") as fh:
                out[os.path.relpath(path, directory).replace(os.sep, "/")] = fh.read()
    return out


def contents(repo, rev, version):
    """{path in the archive: bytes} of the release at git revision rev (SHA256SUMS included)."""
    from . import versions

    with tempfile.TemporaryDirectory() as tmp:
        package = versions.export_release(repo, rev, os.path.join(tmp, "package"), FROM_COMMIT)
        files = _read_tree(package)
        db = os.path.join(tmp, f"{versioning.database_name(version)}.db")
        versions.load_release_database(package, db)
        with open(db, "rb") as fh:
            files[os.path.basename(db)] = fh.read()
    files[SUMS] = sums_text(files).encode("utf-8")
    return files


def write(repo, rev, version, date, dest_dir):
    """Write the archive of the release at rev into dest_dir; return (path, sha256)."""
    files = contents(repo, rev, version)
    name = json.loads(files["datapackage.json"])["name"]
    zip_name = archive_name(name, version)
    top = zip_name[:-len(".zip")]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        for path in sorted(files):
            info = zipfile.ZipInfo(f"{top}/{path}", date_time=zip_date_time(date))
            info.external_attr = EXTERNAL_ATTR
            info.create_system = 3  # unix, whatever system writes it
            zf.writestr(info, files[path])
    data = buffer.getvalue()
    os.makedirs(dest_dir, exist_ok=True)
    path = os.path.join(dest_dir, zip_name)
    with open(path, "wb") as fh:
        fh.write(data)
    return path, hashlib.sha256(data).hexdigest()


def read(zip_path):
    """{path inside the archive's top folder: bytes}, checked against its SHA256SUMS; ArchiveError if not."""
    try:
        with zipfile.ZipFile(zip_path) as zf:
            files = {}
            for info in zf.infolist():
                if info.is_dir():
                    continue
                parts = info.filename.split("/", 1)
                if len(parts) != 2 or ".." in parts[1].split("/"):
                    raise ArchiveError(f"{zip_path}: unexpected entry {info.filename!r}")
                files[parts[1]] = zf.read(info)
    except (zipfile.BadZipFile, OSError) as e:
        raise ArchiveError(f"{zip_path}: not a release archive ({e})") from None
    if SUMS not in files or "datapackage.json" not in files:
        raise ArchiveError(f"{zip_path}: no {SUMS} or datapackage.json inside")
    sums = files.pop(SUMS).decode("utf-8")
    if sums != sums_text(files):
        raise ArchiveError(f"{zip_path}: its files do not match its {SUMS}")
    return files


def version_of(zip_path):
    return json.loads(read(zip_path)["datapackage.json"])["version"]


def find(folder):
    """{version: archive path} of the release archives in folder (other files ignored)."""
    out = {}
    for n in sorted(os.listdir(folder)):
        if n.endswith(".zip"):
            path = os.path.join(folder, n)
            out[version_of(path)] = path
    return out


def extract(zip_path, dest):
    """Write the archive's files into dest (replacing it); return dest."""
    files = read(zip_path)
    shutil.rmtree(dest, ignore_errors=True)
    for path, data in files.items():
        target = os.path.join(dest, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fh:
            fh.write(data)
    return dest
