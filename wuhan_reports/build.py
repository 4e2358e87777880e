"""Build a directory of reports into the published package: data/*.csv, datapackage.json, <name>.db.

Everything is written into a temporary directory beside the outputs and moved into place only when
every report has been processed, the package validates and the database has loaded. A failing build
leaves the previous outputs untouched.

Reports are processed in parallel (one worker process per CPU; `process_report` is a pure function, and
results are gathered in file-name order, so the outputs are byte-identical to a serial build) and kept in
an on-disk cache (cache.py), so a rebuild re-processes only the reports whose file, catalog entry or code
changed. Stage timings (timing.py) are returned for the benchmark (bench/run.py).
"""
import csv
import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor

from . import catalog, fields, timing
from .cache import ReportCache, report_key
from .database import index_search, load_database
from .package import DATA_DIR, DATABASE_NAME, duplicate_keys, validate, write_package
from .pipeline import process_report
from .read import ReportError, report_paths

CACHE_DIR = ".cache"  # inside the output directory, unless build() is given another
PROGRESS_DELAY = 3  # seconds a build runs before its progress bar appears

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


def default_jobs():
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def process_all(seeds_dir, progress=None, jobs=None, cache_dir=None, stats=None):
    """Reports for every file in seeds_dir, in file-name order; BuildError lists every bad file.

    Reports are processed by `jobs` worker processes (default: one per CPU); the result does not depend
    on `jobs`. With `cache_dir`, a report whose file, catalog entry and code are unchanged since the
    last build is read from the cache instead. `stats`, if given, receives the counts, stage timings, the
    cache, and the freshly processed reports by key (build() caches them once the package validates)."""
    entries, paths = _inputs(seeds_dir)
    cache = ReportCache(cache_dir) if cache_dir else None
    tasks = [(path, entries.get(os.path.basename(path))) for path in paths]
    keys = [report_key(path, entry) for path, entry in tasks] if cache else [None] * len(tasks)
    results = [cache.get(key) if cache else None for key in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    for _ in range(len(tasks) - len(todo)):
        _tick(progress)
    timings = {}
    for i, (report, error, seconds) in zip(todo, _process_many([tasks[i] for i in todo], jobs)):
        timing.add(timings, seconds)
        results[i] = report if report is not None else error
        _tick(progress, os.path.basename(tasks[i][0]))
    if stats is not None:
        stats.update(reports=len(tasks), processed=len(todo), cached=len(tasks) - len(todo), timings=timings,
                     fresh={keys[i]: results[i] for i in todo}, cache=cache, keys=keys)
    problems = [r for r in results if isinstance(r, str)]
    reports = [r for r in results if not isinstance(r, str)]
    problems += check_duplicates(reports)
    if problems:
        raise BuildError(problems)
    return reports


def _inputs(seeds_dir):
    """The catalog entries and report paths of seeds_dir, or BuildError."""
    if not os.path.isdir(seeds_dir):
        raise BuildError([f"{seeds_dir}: not a directory"])
    try:
        entries = catalog.load(seeds_dir)
    except catalog.CatalogError as e:
        raise BuildError([str(e)]) from None
    paths = report_paths(seeds_dir)
    if not paths:
        raise BuildError([f"{seeds_dir}: no reports (.txt or .html files) found"])
    return entries, paths


def _process_one(task):
    """(Report or None, error message or None, stage timings) for one (path, catalog entry)."""
    with timing.collect() as seconds:
        try:
            return process_report(*task), None, seconds
        except ReportError as e:
            return None, str(e), seconds


def _process_many(tasks, jobs):
    """_process_one over tasks, in order: in a pool of `jobs` processes when that can help."""
    jobs = min(jobs or default_jobs(), len(tasks))
    if jobs <= 1:
        yield from map(_process_one, tasks)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_process_one, tasks, chunksize=max(1, min(8, len(tasks) // (4 * jobs))))


def _tick(progress, file_name=""):
    if progress:
        progress(file_name)


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


def build(seeds_dir, out_dir, progress=None, database=True, jobs=None, cache_dir=CACHE_DIR):
    """Build seeds_dir into out_dir atomically; return the datapackage descriptor with `row_counts`
    and `stats` (reports processed and cached, stage timings in seconds).

    progress: None, True (a progress bar on stderr once the build has run PROGRESS_DELAY seconds) or a
    function called with each report's file name. jobs: worker processes (default: one per CPU).
    cache_dir: where processed reports are kept between builds (relative to out_dir; None for no cache)."""
    started = time.perf_counter()
    bar = ProgressBar(seeds_dir) if progress is True else None
    stats = {}
    with timing.collect() as timings:
        with timing.stage("reports"):
            reports = process_all(seeds_dir, bar.report if bar else progress, jobs,
                                  cache_dir and os.path.join(out_dir, cache_dir), stats)
        fresh, cache = stats.pop("fresh"), stats.pop("cache")
        tables = write_outputs(reports, out_dir, database, bar, fresh=list(fresh.values()))
        if cache:
            with timing.stage("cache"):
                for key, report in fresh.items():  # only reports whose rows have validated
                    cache.put(key, report)
                cache.prune(stats.pop("keys"))
    stats.pop("keys", None)
    if bar:
        bar.close()
    timing.add(timings, stats.pop("timings"))
    stats.update(jobs=min(jobs or default_jobs(), max(1, stats["processed"])), timings=timings,
                 seconds=time.perf_counter() - started)
    return {**tables.pop("descriptor"), "row_counts": {name: len(rows) for name, rows in tables.items()},
            "stats": stats}


def write_outputs(reports, out_dir, database, bar=None, fresh=None):
    """Package, validate and load `reports` in a temporary directory, then publish into out_dir.

    `fresh` are the reports processed in this build (default: all); the others come from the cache and
    validated when they were processed, so only the fresh ones are validated again, plus the keys of all."""
    os.makedirs(out_dir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".build-", dir=out_dir)
    try:
        tables = assemble(reports)
        with _step(bar, "package"):
            descriptor = write_package(tmp, tables)
        with _step(bar, "validate"):
            errors = validate_changes(tmp, tables, reports if fresh is None else fresh)
        if errors:
            raise BuildError(["the package does not validate:"] + errors)
        if database:
            db_path = os.path.join(tmp, f"{DATABASE_NAME}.db")
            with _step(bar, "load"):
                load_database(db_path, os.path.join(tmp, DATA_DIR), index=False)
            with _step(bar, "index"):
                index_search(db_path, merged_tokens(reports))
        publish(tmp, out_dir, database)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {**tables, "descriptor": descriptor}


def merged_tokens(reports):
    """{table name: {row id: tokens}} of every report's search.segment_rows."""
    merged = {}
    for report in reports:
        for table, rows in report.tokens.items():
            merged.setdefault(table, {}).update(rows)
    return merged


def validate_changes(package_dir, tables, fresh):
    """Frictionless validation of the rows of the `fresh` reports, and unique keys across all rows.

    Every foreign key of a report's rows points into the same report (or into indicator_names, which is
    included whole), so a report's rows validate alone; what joins reports is key uniqueness."""
    if len(fresh) == len(tables["documents"]):
        return validate(package_dir)
    errors = duplicate_keys(tables)
    if fresh:
        scratch = os.path.join(package_dir, ".validate")
        write_package(scratch, {**assemble(fresh), "indicator_names": tables["indicator_names"]})
        errors += validate(scratch)
        shutil.rmtree(scratch)
    return errors


@contextmanager
def _step(bar, name):
    """Time stage `name`, and show it on the progress bar."""
    if bar:
        bar.step(name)
    with timing.stage(name):
        yield
    if bar:
        bar.done()


class ProgressBar:
    """A tqdm bar on stderr: one unit per report, then one per later stage; shown only once the build
    has run PROGRESS_DELAY seconds, so quick builds stay quiet."""

    STEPS = ("package", "validate", "load")

    def __init__(self, seeds_dir):
        from tqdm import tqdm

        total = len(report_paths(seeds_dir)) if os.path.isdir(seeds_dir) else 0
        self.bar = tqdm(total=total + len(self.STEPS), unit="step", delay=PROGRESS_DELAY, file=sys.stderr,
                        desc="reports", dynamic_ncols=True)

    def report(self, file_name):
        self.bar.update(1)

    def step(self, name):
        self.bar.set_description(name, refresh=False)

    def done(self):
        self.bar.update(1)

    def close(self):
        self.bar.close()


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
