"""Build a directory of reports into the published package: data/*.csv, datapackage.json, <name>.db.

Everything is written into a temporary directory beside the outputs and moved into place only when
every report has been processed, the package validates and the database has loaded. A failing build
leaves the previous outputs untouched.
"""
import csv
import hashlib
import os
import shutil
import tempfile
from collections import defaultdict

from . import catalog, fields
from .database import load_database
from .package import DATA_DIR, DATABASE_NAME, validate, write_package
from .pipeline import process_report
from .read import ReportError, report_paths

VOCAB_INDICATORS = os.path.join(os.path.dirname(__file__), "vocab", "indicators.csv")


class BuildError(Exception):
    """A build that cannot produce valid outputs; `problems` lists every reason found."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def indicator_names():
    if not os.path.exists(VOCAB_INDICATORS):
        return []
    with open(VOCAB_INDICATORS, encoding="utf-8", newline="") as fh:
        return [{c: row.get(c, "") for c in fields.INDICATOR_NAMES.columns} for row in csv.DictReader(fh)]


def process_all(seeds_dir, progress=None):
    """Reports for every file in seeds_dir, in file-name order; BuildError lists every bad file."""
    if not os.path.isdir(seeds_dir):
        raise BuildError([f"{seeds_dir}: not a directory"])
    try:
        entries = catalog.load(seeds_dir)
    except catalog.CatalogError as e:
        raise BuildError([str(e)]) from None
    paths = report_paths(seeds_dir)
    if not paths:
        raise BuildError([f"{seeds_dir}: no reports (.txt or .html files) found"])
    reports, problems = [], []
    for path in paths:
        try:
            reports.append(process_report(path, entries.get(os.path.basename(path))))
        except ReportError as e:
            problems.append(str(e))
        if progress:
            progress(os.path.basename(path))
    problems += check_duplicates(reports)
    if problems:
        raise BuildError(problems)
    return reports


def check_duplicates(reports):
    """Problems for two files with the same report text (the same bytes, or the same normalized text,
    whitespace aside, in two encodings, line-end styles or layouts), or two files that would get the same id."""
    problems = []
    by_text, by_id = defaultdict(list), defaultdict(list)
    for r in reports:
        by_text[hashlib.sha256("".join(r.text.split()).encode("utf-8")).hexdigest()].append(r.document)
        by_id[r.document["id"]].append(r.document["source_file"])
    for docs in by_text.values():
        if len(docs) > 1:
            files = ", ".join(d["source_file"] for d in docs)
            same_bytes = len({d["source_sha256"] for d in docs}) == 1
            how = "identical bytes" if same_bytes else "the same text in another encoding or layout"
            problems.append(f"{files}: the same report twice ({how}); keep one")
    for doc_id, files in by_id.items():
        if len(files) > 1:
            problems.append(f"{', '.join(files)}: file names give the same document id {doc_id!r}; rename one")
    return problems


def assemble(reports):
    """{table name: rows} in the published order."""
    reports = sorted(reports, key=lambda r: r.document["id"])
    return {
        "documents": [r.document for r in reports],
        "sections": [s for r in reports for s in r.sections],
        "indicators": [i for r in reports for i in r.indicators],
        "projects": [p for r in reports for p in r.projects],
        "indicator_names": sorted(indicator_names(), key=lambda row: row["id"]),
    }


def build(seeds_dir, out_dir, progress=None, database=True):
    """Build seeds_dir into out_dir atomically; return the datapackage descriptor."""
    reports = process_all(seeds_dir, progress)
    os.makedirs(out_dir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".build-", dir=out_dir)
    try:
        tables = assemble(reports)
        descriptor = write_package(tmp, tables)
        errors = validate(tmp)
        if errors:
            raise BuildError(["the package does not validate:"] + errors)
        if database:
            load_database(os.path.join(tmp, f"{DATABASE_NAME}.db"), os.path.join(tmp, DATA_DIR))
        publish(tmp, out_dir, database)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {**descriptor, "row_counts": {name: len(rows) for name, rows in tables.items()}}


def publish(tmp, out_dir, database):
    """Move the built outputs from tmp into out_dir, replacing the previous ones.

    Each output is renamed into place; if any rename fails, the ones done are undone, so out_dir holds
    either every new output or every previous one."""
    names = [DATA_DIR, "datapackage.json"] + ([f"{DATABASE_NAME}.db"] if database else [])
    previous = os.path.join(tmp, "previous")
    os.makedirs(previous)
    moved, placed = [], []
    try:
        for name in names:
            if os.path.exists(os.path.join(out_dir, name)):
                os.replace(os.path.join(out_dir, name), os.path.join(previous, name))
                moved.append(name)
            os.replace(os.path.join(tmp, name), os.path.join(out_dir, name))
            placed.append(name)
    except BaseException:
        for name in reversed(placed):
            os.replace(os.path.join(out_dir, name), os.path.join(tmp, name))
        for name in reversed(moved):
            os.replace(os.path.join(previous, name), os.path.join(out_dir, name))
        raise
