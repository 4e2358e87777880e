"""An on-disk cache of processed reports, so a rebuild re-processes only the reports that changed.

`process_report` is a pure function of the file name, the file's bytes, its catalog entry and the code,
so its result is stored under sha256(code version, file name, bytes, catalog entry). The code version is a
hash of every source and vocabulary file of the cn_gov_reports package: any change to the code empties the
cache. Entries live in DIR/reports-<code version>/<key>.entry, one file per report (no code runs on load):

- line 1, JSON: the report's documents row, its key values (primary and unique columns, per table, for the
  build's uniqueness check), its place (outcomes.place: which reports target_outcomes pairs it with) and the
  length of each part that follows;
- the parts, raw: the report's rows as CSV lines for each table (exactly the lines its rows contribute to
  data/<table>.csv), the jieba words of its searchable rows (JSON) and its outcomes.facts (JSON: what
  target_outcomes, a table of all reports, needs of it): all a build needs of a report.

A build reads only line 1 of an unchanged report, and copies its CSV bytes: packaging is a concatenation.
"""
import dataclasses
import functools
import hashlib
import json
import os
import shutil
import tempfile

from . import fields
from .outcomes import place as outcomes_place
from .package import csv_rows, key_fields

from .paths import PACKAGE_DIR, WEB_DIR
PREFIX = "reports-"  # only directories named so are ever removed
SUFFIX = ".entry"
CODE_SUFFIXES = (".py", ".csv", ".tsv", ".yml", ".yaml", ".json", ".txt")
ROW_TABLES = [t for t in fields.TABLES if "document_id" in t.columns or t is fields.DOCUMENTS]


@functools.lru_cache(maxsize=1)
def code_version():
    """A hash of the package's source, rule and vocabulary files (names and bytes), outside web/."""
    h = hashlib.sha256()
    for directory, subdirs, files in sorted(os.walk(PACKAGE_DIR)):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith((".", "__pycache__"))
                            and os.path.join(directory, d) != WEB_DIR)  # the web pages do not change the rows
        for name in sorted(files):
            if name.endswith(CODE_SUFFIXES):
                path = os.path.join(directory, name)
                h.update(os.path.relpath(path, PACKAGE_DIR).encode("utf-8") + b"\0")
                with open(path, "rb") as fh:
                    h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()[:16]


def report_key(path, entry, opener=open):
    """The cache key of the report file at `path` with catalog `entry` (None when it has none); `opener`
    opens it for reading bytes (fsspec.open for a URL: the same file gives the same key wherever it is)."""
    h = hashlib.sha256()
    h.update(code_version().encode("ascii") + b"\0")
    h.update(path.rstrip("/").rsplit("/", 1)[-1].encode("utf-8") + b"\0")
    with opener(path, "rb") as fh:
        h.update(hashlib.sha256(fh.read()).digest())
    h.update(json.dumps(entry, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def text_hash(text):
    """sha256 of a report's normalized text, whitespace aside: the same report in two encodings or layouts."""
    return hashlib.sha256("".join(text.split()).encode("utf-8")).hexdigest()


def _json(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_parts(report):
    """(header, [(part name, bytes)]) of one Report's entry (see the module docstring)."""
    rows = {t.name: getattr(report, t.name) if t is not fields.DOCUMENTS else [report.document] for t in ROW_TABLES}
    parts = [(t.name, csv_rows(t, rows[t.name])) for t in ROW_TABLES]
    parts += [("words", _json(report.tokens)), ("outcomes", _json(report.outcomes))]
    header = {"document": report.document, "text_sha256": text_hash(report.text),
              "keys": {t.name: {f.name: [r.get(f.name) for r in rows[t.name]] for f in key_fields(t)}
                       for t in ROW_TABLES},
              "place": outcomes_place(report.outcomes),
              "parts": [[name, len(data)] for name, data in parts]}
    return header, parts


def write_entry(path, key, report):
    """Write `report`'s entry to `path` (a temporary file, then renamed: a reader never sees half of it);
    return its Entry."""
    header, parts = entry_parts(report)
    head = _json(header) + b"\n"
    _write_file(path, b"".join([head] + [data for _, data in parts]))
    return _entry(key, path, header, len(head))[0]


def entry_bytes(report):
    """The bytes of `report`'s entry file (what write_entry writes): for an entry made on another machine."""
    header, parts = entry_parts(report)
    return b"".join([_json(header) + b"\n"] + [data for _, data in parts])


def write_entry_bytes(path, key, data):
    """Write an entry made elsewhere (entry_bytes) to `path`; return its Entry."""
    _write_file(path, data)
    head = data[:data.index(b"\n") + 1]
    return _entry(key, path, json.loads(head), len(head))[0]


def _write_file(path, data):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def _entry(key, path, header, offset):
    parts = {}
    for name, length in header["parts"]:
        parts[_names(name)] = (offset, length)
        offset += length
    rows = {_names(table): len(columns[next(iter(columns))]) if columns else 0
            for table, columns in header["keys"].items()}
    return Entry(key, path, _json(header["document"]), header["text_sha256"], rows, parts, header["place"]), offset


@functools.lru_cache(maxsize=None)
def _names(name):
    """One string object for each table or part name, however many entries name it."""
    return name


@dataclasses.dataclass
class Entry:
    """One processed report as the build keeps it in memory: its documents row (as compact JSON), row counts,
    place, and where its parts are on disk. Its key values (every primary and unique key of its rows) stay on
    disk, in the entry's first line, read when asked for (`keys()`), and so do its outcomes.facts (`facts()`):
    a build of any size keeps about 2 KB per report (measured), not a column of every table."""
    key: str
    path: str
    document_json: bytes  # the documents row
    text_hash: str  # text_hash of the report's text
    rows: dict  # {table name: number of rows}
    parts: dict  # {part name: (offset, length)}
    place: str = ""  # outcomes.place of the report's facts

    @property
    def document(self):
        """The report's documents row (a new dict each time)."""
        return json.loads(self.document_json)

    def facts(self):
        """The report's outcomes.facts, read from the entry."""
        return json.loads(self.part("outcomes"))

    def keys(self):
        """{table name: {key column: [values]}} of the report's rows, read from the entry's first line."""
        with open(self.path, "rb") as fh:
            return json.loads(fh.readline())["keys"]

    def part(self, name):
        offset, length = self.parts[name]
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            data = fh.read(length)
        if len(data) != length:
            raise OSError(f"{self.path}: truncated")
        return data

    def csv_parts(self, names):
        """{table name: CSV lines} for the tables `names`, in one read (the CSV parts are contiguous)."""
        start = min(self.parts[n][0] for n in names)
        end = max(self.parts[n][0] + self.parts[n][1] for n in names)
        with open(self.path, "rb") as fh:
            fh.seek(start)
            data = fh.read(end - start)
        if len(data) != end - start:
            raise OSError(f"{self.path}: truncated")
        return {n: data[self.parts[n][0] - start:self.parts[n][0] - start + self.parts[n][1]] for n in names}

    def words(self):
        """{table name: {row id: segment_words(row)}}: the jieba words of the report's searchable rows."""
        return json.loads(self.part("words"))


def read_entry(path, key):
    """The Entry in the file at `path`; OSError or ValueError if it is missing or damaged."""
    with open(path, "rb") as fh:
        line = fh.readline()
        entry, end = _entry(key, path, json.loads(line), len(line))
        size = os.fstat(fh.fileno()).st_size
    if size != end:
        raise ValueError(f"{path}: {size} bytes, expected {end}")
    return entry


class ReportCache:
    """Entries by key in `directory`; `hits` and `misses` count lookups."""

    def __init__(self, directory):
        self.directory = os.path.join(directory, f"{PREFIX}{code_version()}")
        self.hits = self.misses = 0  # the directory is made by the first put: a failed build leaves nothing

    def path(self, key):
        return os.path.join(self.directory, f"{key}{SUFFIX}")

    def get(self, key):
        """The cached Entry for `key`, or None."""
        try:
            entry = read_entry(self.path(key), key)
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, entry):
        """Move a freshly written entry (a file elsewhere) into the cache; return it at its new place."""
        os.makedirs(self.directory, exist_ok=True)
        path = self.path(entry.key)
        if entry.path != path:
            shutil.move(entry.path, path)
        return dataclasses.replace(entry, path=path)

    def prune(self, keep):
        """Remove entries whose key is not in `keep`, and every other code version's entries."""
        parent = os.path.dirname(self.directory)
        if not os.path.isdir(self.directory):
            return
        for name in os.listdir(parent):
            if name.startswith(PREFIX) and os.path.join(parent, name) != self.directory:
                shutil.rmtree(os.path.join(parent, name), ignore_errors=True)
        keep = {f"{k}{SUFFIX}" for k in keep}
        for name in os.listdir(self.directory):
            if name.endswith((SUFFIX, ".tmp")) and name not in keep:
                os.remove(os.path.join(self.directory, name))
