"""An on-disk cache of processed reports, so a rebuild re-processes only the reports that changed.

`process_report` is a pure function of the file name, the file's bytes, its catalog entry and the code,
so its Report is stored under sha256(code version, file name, bytes, catalog entry). The code version is a
hash of every source and vocabulary file of the wuhan_reports package: any change to the code empties the
cache. Entries are JSON files (no code runs on load), one per report, in DIR/reports-<code version>/.
"""
import dataclasses
import functools
import hashlib
import json
import os
import shutil
import tempfile

from .pipeline import Report

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
PREFIX = "reports-"  # only directories named so are ever removed
CODE_SUFFIXES = (".py", ".csv", ".yml", ".yaml", ".json", ".txt")


@functools.lru_cache(maxsize=1)
def code_version():
    """A hash of the package's source and vocabulary files (names and bytes)."""
    h = hashlib.sha256()
    for directory, subdirs, files in sorted(os.walk(PACKAGE_DIR)):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith((".", "__pycache__")))
        for name in sorted(files):
            if name.endswith(CODE_SUFFIXES):
                path = os.path.join(directory, name)
                h.update(os.path.relpath(path, PACKAGE_DIR).encode("utf-8") + b"\0")
                with open(path, "rb") as fh:
                    h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()[:16]


def report_key(path, entry):
    """The cache key of the report file at `path` with catalog `entry` (None when it has none)."""
    h = hashlib.sha256()
    h.update(code_version().encode("ascii") + b"\0")
    h.update(os.path.basename(path).encode("utf-8") + b"\0")
    with open(path, "rb") as fh:
        h.update(hashlib.sha256(fh.read()).digest())
    h.update(json.dumps(entry, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


class ReportCache:
    """Reports by key in `directory`; `hits` and `misses` count lookups."""

    def __init__(self, directory):
        self.directory = os.path.join(directory, f"{PREFIX}{code_version()}")
        self.hits = self.misses = 0  # the directory is made by the first put: a failed build leaves nothing

    def _path(self, key):
        return os.path.join(self.directory, f"{key}.json")

    def get(self, key):
        """The cached Report for `key`, or None."""
        try:
            with open(self._path(key), encoding="utf-8") as fh:
                report = Report(**json.load(fh))
        except (OSError, ValueError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return report

    def put(self, key, report):
        """Store `report` (written to a temporary file, then renamed, so a reader never sees half of it)."""
        os.makedirs(self.directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(dataclasses.asdict(report), fh, ensure_ascii=False)
        os.replace(tmp, self._path(key))

    def prune(self, keep):
        """Remove entries whose key is not in `keep`, and every other code version's entries."""
        parent = os.path.dirname(self.directory)
        if not os.path.isdir(self.directory):
            return
        for name in os.listdir(parent):
            if name.startswith(PREFIX) and os.path.join(parent, name) != self.directory:
                shutil.rmtree(os.path.join(parent, name), ignore_errors=True)
        keep = {f"{k}.json" for k in keep}
        for name in os.listdir(self.directory):
            if name not in keep:
                os.remove(os.path.join(self.directory, name))
