"""Build a directory of reports into the published package: data/*.csv, datapackage.json, <name>.db.

Everything is written into a temporary directory beside the outputs and moved into place only when
every report has been processed, the package validates and the database has loaded. A failing build
leaves the previous outputs untouched.

Reports are processed in parallel (one worker process per CPU; `process_report` is a pure function, and
results are gathered in file-name order, so the outputs are byte-identical to a serial build). Each worker
writes its report's cache entry (cache.py: the report's CSV lines per table, its search words, the Report),
and the build keeps the entries' headers in a SQLite file (entries.py), not in memory. Packaging
concatenates the entries' CSV lines in the published order, copying an unchanged report's lines from the
previous build's CSV files when those are exactly as published (build-state.json in the cache records where
each report's lines are); the database is loaded from the entries, or, when the previous build's database is
there and unchanged, updated in a copy (made while the reports are read): the changed and removed documents'
rows out, the changed and added ones in (see database.update_database). So a rebuild after one report
changes re-processes, validates and loads only that report. Stage timings (timing.py) are returned for the
benchmark (bench/run.py).
"""
import csv
import itertools
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from collections import Counter, deque
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from . import catalog, distributed, fields, outcomes, paths, timing
from .cache import ROW_TABLES, ReportCache, report_key, write_entry
from .entries import EntryList, Ordered
from .keycheck import KeyIndex
from .database import load_entries, update_database
from .package import (DATA_DIR, DATABASE_NAME, Span, csv_rows, key_fields, validate,
                      write_package_parts)
from .pipeline import process_report
from .read import ReportError, report_paths

CACHE_DIR = ".cache"  # inside the output directory, unless build() is given another
STATE = "build-state.json"  # in the cache: what the published outputs were built from
STAGING = ".entries"  # in the build's temporary directory: entries of the reports processed by this build
PROGRESS_DELAY = 3  # seconds a build runs before its progress bar appears
REFUSED = "refused.csv"  # beside the outputs: the reports a keep-going build left out, and why
ENGINES = ("local", "dask")
VALIDATE_BATCH = 250  # reports validated together by frictionless: bounds the validation's memory
ENTRY_LIST = "entries.db"  # in the build's staging directory: the EntryList of every report (entries.py)
WINDOW_PER_JOB = 4  # chunks of reports submitted ahead per worker process

VOCAB_INDICATORS = paths.vocab("indicators.csv")


class BuildError(Exception):
    """A build that cannot produce valid outputs; `problems` lists every reason found."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def indicator_names():
    """The indicator_names rows (vocab/indicators.csv), in the published order."""
    if not os.path.exists(VOCAB_INDICATORS):
        return []
    with open(VOCAB_INDICATORS, encoding="utf-8", newline="") as fh:
        rows = [{c: row.get(c, "") for c in fields.INDICATOR_NAMES.columns} for row in csv.DictReader(fh)]
    return sorted(rows, key=lambda row: row["id"])


def default_jobs():
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def process_entries(seeds_dir, staging, progress=None, jobs=None, cache=None, stats=None, refused=None,
                    engine=None):
    """An EntryList (entries.py, a file in `staging`) of the cache.Entry of every file in seeds_dir, in
    file-name order; BuildError lists every bad file.

    A report found in `cache` (a ReportCache) is not processed again; the others are processed by `jobs`
    worker processes (default: one per CPU; the result does not depend on `jobs`), which write their entries
    into the directory `staging`. `stats`, if given, receives the counts and the stage timings of the workers.
    `refused`, a list, turns on keep-going: a bad report is appended to it as (file name, reason) and left
    out instead of failing the build (of the same report twice, the first file is kept); BuildError only
    when no report is left. `engine` (distributed.DaskEngine) processes the reports on a cluster instead of
    local processes, with the same entries; seeds_dir may then be an fsspec URL."""
    catalog_entries, paths = _inputs(seeds_dir)
    found = EntryList(os.path.join(staging, ENTRY_LIST))
    try:
        todo, bad = [], []  # todo: (place in file-name order, cache key) of each report to process
        opener = distributed.open_file if distributed.is_url(seeds_dir) else open
        for n, path in enumerate(paths):
            key = report_key(path, catalog_entries.get(_file_name(path)), opener)
            entry = cache.get(key) if cache else None
            if entry is None:
                todo.append((n, key))
            else:
                found.add(entry, n=n)
                _tick(progress)
        work = _Work(todo, paths, catalog_entries, staging)
        timings = {}
        for (n, _), (entry, error, seconds) in zip(todo, engine.process(work) if engine else _process_many(work, jobs)):
            timing.add(timings, seconds)
            if entry is not None:
                found.add(entry, fresh=True, n=n)
            else:
                bad.append(error)  # (file name, reason)
            _tick(progress, _file_name(paths[n]))
        if stats is not None:
            stats.update(reports=len(paths), processed=len(todo), cached=len(paths) - len(todo), timings=timings)
        if refused is None:
            problems = [f"{name}: {reason}" for name, reason in bad] + check_duplicates(found)
            if problems:
                raise BuildError(problems)
            return found
        refused.extend(bad)
        later = {(entry.key, entry.path): (entry.document["source_file"], reason, entry) for entry, reason in
                 _later_copies(found)}  # an entry repeating both the text and the id of others: its id's reason
        refused.extend((name, reason) for name, reason, _ in sorted(later.values(), key=lambda c: c[0]))
        found.remove(entry for _, _, entry in later.values())
        if not len(found):
            raise BuildError([f"{seeds_dir}: every report was refused"] + [f"{f}: {why}" for f, why in refused])
        return found
    except distributed.EngineError as e:
        found.close()
        raise BuildError([str(e)]) from None
    except BaseException:
        found.close()
        raise


class _Work:
    """The (path, catalog entry, entry path, key) task of each report to process, made when asked for: a
    sequence, so that a build holds a report's place and key, not its task, until a worker takes it."""

    def __init__(self, todo, paths, catalog_entries, staging):
        self.todo, self.paths, self.catalog_entries, self.staging = todo, paths, catalog_entries, staging

    def __len__(self):
        return len(self.todo)

    def __getitem__(self, i):
        n, key = self.todo[i]
        path = self.paths[n]
        return path, self.catalog_entries.get(_file_name(path)), os.path.join(self.staging, f"{key}.entry"), key


def _file_name(path):
    return path.rstrip("/").rsplit("/", 1)[-1]


def _inputs(seeds_dir):
    """The catalog entries and report paths (or URLs) of seeds_dir (a folder or an fsspec URL), or
    BuildError."""
    if distributed.is_url(seeds_dir):
        try:
            entries, paths = distributed.inputs(seeds_dir)
        except (distributed.EngineError, catalog.CatalogError) as e:
            raise BuildError([str(e)]) from None
        if not paths:
            raise BuildError([f"{seeds_dir}: no reports (.txt or .html files) found"])
        return entries, paths
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
    """(cache.Entry or None, (file name, reason) or None, stage timings) for one (path, catalog entry, entry
    path, key): the report is processed and its entry written to the entry path."""
    path, catalog_entry, entry_path, key = task
    with timing.collect() as seconds:
        try:
            report = process_report(path, catalog_entry)
        except ReportError as e:  # every failure inside process_report is one (pipeline.stage)
            return None, (os.path.basename(e.path), e.reason), seconds
        with timing.stage("cache"):
            return write_entry(entry_path, key, report), None, seconds


def _process_many(tasks, jobs):
    """_process_one over tasks (a sequence), in order: in a pool of `jobs` processes when that can help, with at
    most WINDOW_PER_JOB chunks per process submitted ahead (Executor.map would submit every task at once)."""
    jobs = min(jobs or default_jobs(), len(tasks))
    if jobs <= 1:
        yield from map(_process_one, tasks)
        return
    size = max(1, min(8, len(tasks) // (4 * jobs)))
    chunks = (range(start, min(start + size, len(tasks))) for start in range(0, len(tasks), size))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = deque()
        for chunk in chunks:
            pending.append(pool.submit(_process_chunk, [tasks[i] for i in chunk]))
            if len(pending) >= WINDOW_PER_JOB * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _process_chunk(tasks):
    return [_process_one(task) for task in tasks]


def _tick(progress, file_name=""):
    if progress:
        progress(file_name)


def check_duplicates(found):
    """Problems for two files with the same report text (the same bytes, or the same normalized text,
    whitespace aside, in two encodings, line-end styles or layouts), or two files that would get the same id.

    `found` is an EntryList."""
    problems = []
    for kind, group in _same_groups(found):
        files = ", ".join(r.document["source_file"] for r in group)
        if kind == "id":
            problems.append(f"{files}: file names give the same document id {group[0].document['id']!r}; rename one")
        else:
            same_bytes = len({r.document["source_sha256"] for r in group}) == 1
            how = "identical bytes" if same_bytes else "the same text in another encoding or layout"
            problems.append(f"{files}: the same report twice ({how}); keep one")
    return problems


def _same_groups(found):
    """("text" or "id", [entries]) for every group of two or more entries of the EntryList `found` with the same
    text or the same id, in file-name order within a group."""
    return ([("text", g) for g in found.groups("text_hash")] + [("id", g) for g in found.groups("document_id")])


def _later_copies(found):
    """(entry, reason) for every entry that repeats the text or the id of an earlier file."""
    for kind, group in _same_groups(found):
        first = group[0].document["source_file"]
        what = "the same report as" if kind == "text" else "the same document id as"
        for r in group[1:]:
            yield r, f"{what} {first}; the first is kept"


def build(seeds_dir, out_dir, progress=None, database=True, jobs=None, cache_dir=CACHE_DIR, keep_going=False,
          engine="local", scheduler=None):
    """Build seeds_dir into out_dir atomically; return the datapackage descriptor with `row_counts`,
    `stats` (reports processed and cached, stage timings in seconds, how the database was made) and
    `refused` ([(file name, reason)] of the reports left out: only with keep_going).

    By default one bad report fails the build (BuildError) and changes nothing. keep_going publishes every
    good report and lists the refused ones in out_dir/refused.csv (file, reason); a build without refusals
    removes that file.

    progress: None, True (a progress bar on stderr once the build has run PROGRESS_DELAY seconds) or a
    function called with each report's file name. jobs: worker processes (default: one per CPU).
    cache_dir: where processed reports are kept between builds (relative to out_dir; None for no cache).
    engine: "local" (a process pool on this machine) or "dask" (distributed.py: a LocalCluster of `jobs`
    workers, or the running cluster at `scheduler`); seeds_dir may be an fsspec URL with "dask". The
    outputs do not depend on the engine."""
    if engine not in ENGINES:
        raise BuildError([f"engine {engine!r}: not one of {', '.join(ENGINES)}"])
    if engine == "local" and (scheduler or distributed.is_url(seeds_dir)):
        raise BuildError([f"{scheduler or seeds_dir}: a scheduler or a URL needs --engine dask"])
    runner = distributed.DaskEngine(scheduler, jobs or default_jobs()) if engine == "dask" else None
    started = time.perf_counter()
    bar = ProgressBar(seeds_dir) if progress is True else None
    stats = {}
    os.makedirs(out_dir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".build-", dir=out_dir)
    entries = None
    try:
        with timing.collect() as timings:
            cache = ReportCache(os.path.join(out_dir, cache_dir)) if cache_dir else None
            staging = os.path.join(tmp, STAGING)
            os.mkdir(staging)
            state = read_state(cache, out_dir) if cache else None
            with ThreadPoolExecutor(max_workers=1) as copier:
                if database and state and "database" in state:  # to update: copy it while reports are read
                    state["database_copy"] = copier.submit(shutil.copyfile, os.path.join(
                        out_dir, f"{DATABASE_NAME}.db"), os.path.join(tmp, f"{DATABASE_NAME}.db"))
                refused = [] if keep_going else None
                with timing.stage("reports"):
                    entries = process_entries(seeds_dir, staging, bar.report if bar else progress, jobs, cache,
                                              stats, refused, runner)
                write_refused(tmp, refused or [])
                descriptor, counts = write_outputs(entries, tmp, out_dir, database, bar, state, stats)
            if cache:
                with timing.stage("cache"):
                    for entry in entries.fresh():  # only reports whose rows have validated
                        cache.put(entry)
                    cache.prune(entries.keys())
                    write_state(cache, out_dir, entries, database)
    finally:
        if entries is not None:
            entries.close()
        shutil.rmtree(tmp, ignore_errors=True)
    if bar:
        bar.close()
    timing.add(timings, stats.pop("timings"))
    stats.update(jobs=min(jobs or default_jobs(), max(1, stats["processed"])), timings=timings,
                 seconds=time.perf_counter() - started)
    return {**descriptor, "row_counts": counts, "stats": stats, "refused": refused or []}


def write_refused(directory, refused):
    """directory/refused.csv: one row (file, reason) per report a keep-going build left out; no file when
    none was."""
    if not refused:
        return
    with open(os.path.join(directory, REFUSED), "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "reason"])
        writer.writerows(sorted(refused))


def write_outputs(entries, tmp, out_dir, database, bar=None, previous=None, stats=None):
    """Package, validate and load the reports of `entries` (an EntryList) in the temporary directory tmp, then
    publish into out_dir; return (descriptor, {table name: row count}).

    The entries processed in this build are validated; the others come from the cache and validated when they
    were processed, so only the keys of all are checked with them. Validation runs in its own process while the
    package is written and the database loads. `previous` (what out_dir was built from, see read_state) lets
    the CSV files be spliced from the previous ones and the database be updated rather than loaded. Where each
    report's rows are in the CSV files is recorded in `entries` (for write_state)."""
    ordered = entries.ordered()
    names = indicator_names()
    previous = previous or {}
    with timing.stage("package"):
        paired = outcomes.of_places(entries.places())  # a table of all reports
    entries.commit()
    # Validation runs beside the packaging and the load, reading the entries from the EntryList's file (the
    # packaging writes where the rows went into a file of its own): in a process of its own, started afresh (not
    # forked: a forked process would begin with all the build process holds), so its memory is that of one
    # batch; only a few changed reports and the keys of a small build in a thread (VALIDATION_PROCESS_FROM).
    every = entries.count_fresh() == len(entries)
    if every or len(entries) >= VALIDATION_PROCESS_FROM:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context(VALIDATION_START))
    else:
        pool = ThreadPoolExecutor(max_workers=1)
    with pool:
        checking = pool.submit(_validate_list, tmp, entries.path, names, paired, not every)
        with _step(bar, "package"):
            tally = Counter()
            parts = _csv_parts(ordered, names, previous.get("csv"), paired, tally)
            descriptor = write_package_parts(tmp, (e.document for e in ordered), parts, entries.layout_sink())
        if stats is not None:
            copied = tally["copied"]
            stats["csv"] = f"{copied} reports copied from the previous files, {len(entries) - copied} written"
        if database:
            db_path = os.path.join(tmp, f"{DATABASE_NAME}.db")
            with _step(bar, "load"):
                how = make_database(db_path, ordered, descriptor, names, previous.get("database"), out_dir,
                                    previous.get("database_copy"), paired)
            if stats is not None:
                stats["database"] = how
        with _step(bar, "validate", "validate_wait"):
            errors, seconds, peak = checking.result()
    timing.record("validate", seconds)  # in its own process, while the database loaded
    if stats is not None and every:
        stats["validate_peak_mb"] = peak
    if errors:
        raise BuildError(["the package does not validate:"] + errors)
    publish(tmp, out_dir, database)
    counts = entries.row_counts()
    counts[fields.INDICATOR_NAMES.name] = len(names)
    counts[fields.TARGET_OUTCOMES.name] = len(paired)
    return descriptor, {t.name: counts.get(t.name, 0) for t in fields.TABLES}


def make_database(db_path, ordered, descriptor, names, previous, out_dir, copying=None, paired=()):
    """Load the database from the entries, or update a copy of the previous one; say which. `copying`, a
    Future, is that copy already under way. `paired` are the target_outcomes rows (a table of all reports,
    written whole each time)."""
    published = os.path.join(out_dir, f"{DATABASE_NAME}.db")
    if previous is None:
        load_entries(db_path, ordered, descriptor, names, paired)
        return "loaded"
    current = {e.document["id"]: e.key for e in ordered}
    removed = [doc for doc, key in previous.items() if current.get(doc) != key]
    added = [e for e in ordered if previous.get(e.document["id"]) != e.key]
    if copying is not None:
        copying.result()
    else:
        shutil.copyfile(published, db_path)
    update_database(db_path, removed, added, descriptor, paired)
    return f"updated: {len(removed)} documents out, {len(added)} in"


def _csv_parts(ordered, names, previous=None, paired=(), tally=None):
    """Each report's CSV lines ({table name: bytes}) in the published order, then indicator_names and
    target_outcomes (`paired`) whole.

    `previous` ({document id: (entry key, {table name: Span})}, see read_state): a report whose entry is the
    one the previous CSV files were built from is copied from them rather than read from its entry (counted
    in tally["copied"], if a Counter is given)."""
    tables = [t.name for t in ROW_TABLES]
    for entry in ordered:
        spans = _previous_lines(entry, previous)
        if spans is not None and tally is not None:
            tally["copied"] += 1
        yield spans if spans is not None else entry.csv_parts(tables)
    yield {fields.INDICATOR_NAMES.name: csv_rows(fields.INDICATOR_NAMES, names),
           fields.TARGET_OUTCOMES.name: csv_rows(fields.TARGET_OUTCOMES, paired)}


def _previous_lines(entry, previous):
    """{table name: Span} of the entry's report in the previous CSV files, if they hold this very entry."""
    key, spans = (previous or {}).get(entry.document["id"], (None, None))
    return spans if key == entry.key else None


VALIDATION_START = "spawn"  # how the validation's process starts (multiprocessing start method)
# From this many reports an incremental build, too, validates in a process: reading every report's keys (about
# 0.7 ms a report) in a thread would compete with the packaging beside it for the lock Python's threads share; a
# process costs about 0.5 s to start, hidden behind the packaging and the load of a build this size.
VALIDATION_PROCESS_FROM = 1000


def _document_id(entry):
    return entry.document["id"]


def _validate_list(package_dir, list_path, names, paired=(), fresh_only=False):
    """(problems, seconds, peak resident MB of this process) of validate_changes for the entries in the EntryList
    file at list_path: every entry's keys, and the rows of every entry (or of the fresh ones: `fresh_only`),
    read one at a time in document order."""
    started = time.perf_counter()
    entries = EntryList(list_path, readonly=True)
    try:
        errors = validate_changes(package_dir, entries, entries.ordered(fresh_only), names, paired)
    finally:
        entries.close()
    return errors, time.perf_counter() - started, _peak_mb()


def _peak_mb():
    """This process's peak resident memory in MB (None where the platform does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def validate_changes(package_dir, entries, fresh, names, paired=()):
    """Frictionless validation of the rows of the `fresh` entries, and unique keys across all rows, with
    memory bounded by VALIDATE_BATCH reports whatever the size of the build.

    Every foreign key of a report's rows points into the same report (or into indicator_names, which is
    included whole), so reports validate in batches: each batch is written as a package of its own and
    validated by frictionless. What joins reports is key uniqueness, checked in a KeyIndex on disk
    (keycheck.py) filled from every entry's first line, and target_outcomes (`paired`, made by the build from
    every report), validated with the last batch, whose keys into indicators are looked up in that index."""
    scratch = os.path.join(package_dir, ".validate")
    index = KeyIndex(os.path.join(package_dir, ".keys.db"))
    try:
        index.add({fields.INDICATOR_NAMES.name: {f.name: [r[f.name] for r in names]
                                                 for f in key_fields(fields.INDICATOR_NAMES)},
                   fields.TARGET_OUTCOMES.name: {f.name: [r[f.name] for r in paired]
                                                 for f in key_fields(fields.TARGET_OUTCOMES)}})
        for entry in entries:
            index.add(entry.keys())
        errors = index.problems + outcome_key_problems(paired, index, names)
    finally:
        index.close()
        os.remove(os.path.join(package_dir, ".keys.db"))
    ordered = fresh if isinstance(fresh, Ordered) else sorted(fresh, key=_document_id)
    for batch, last in _batches(ordered, VALIDATE_BATCH):
        write_package_parts(scratch, (e.document for e in batch), _csv_parts(batch, names, None,
                                                                              paired if last else ()))
        # target_outcomes' keys into indicators point across batches: looked up in the index above
        errors += validate(scratch, ignore={(fields.TARGET_OUTCOMES.name, "foreign-key")}, lookups=False)
        shutil.rmtree(scratch)
    return errors


def _batches(items, size):
    """(list of up to `size` items, whether it is the last) for the items in order; one empty batch for none."""
    items = iter(items)
    batch = list(itertools.islice(items, size))
    while True:
        following = list(itertools.islice(items, size))
        yield batch, not following
        if not following:
            return
        batch = following


def outcome_key_problems(paired, index, names):
    """Problems for target_outcomes rows whose foreign keys point nowhere (indicator ids are looked up in
    `index`, a KeyIndex of every report's keys)."""
    known = {r["id"] for r in names}
    problems = []
    for row in paired:
        for column, ref, ref_column in fields.TARGET_OUTCOMES.foreign_keys:
            found = index.has(ref, ref_column, row[column]) if ref == fields.INDICATORS.name else row[column] in known
            if not found:
                problems.append(f"target_outcomes: {row['id']}: {column} {row[column]!r} is not in {ref}")
    return problems[:20]


def read_state(cache, out_dir):
    """What the outputs published in out_dir were built from, as far as they are unchanged since (same size,
    modification time and inode), or None: {"database": {document id: entry key} if the database is
    unchanged, "csv": {document id: (entry key, {table name: Span of its rows})} if every CSV file is}."""
    try:
        with open(os.path.join(cache.directory, STATE), encoding="utf-8") as fh:
            state = json.load(fh)
        found = {}
        db = os.path.join(out_dir, f"{DATABASE_NAME}.db")
        if state.get("database") and state["database"] == _file_state(db):
            found["database"] = dict(state["documents"])
        paths = {t.name: os.path.join(out_dir, DATA_DIR, f"{t.name}.csv") for t in ROW_TABLES}
        files = state.get("csv") or {}
        if files and all(files.get(t) == _file_state(p) for t, p in paths.items()):
            found["csv"] = {doc: (state["documents"][doc], {t: Span(paths[t], *spans[t]) for t in paths})
                            for doc, spans in state["layout"].items()}
        return found
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_state(cache, out_dir, entries, database):
    """Record what the outputs just published in out_dir were built from (see read_state): the entries (an
    EntryList) and where their rows are in the CSV files, written as they are read."""
    db = os.path.join(out_dir, f"{DATABASE_NAME}.db")
    head = {"database": _file_state(db) if database else None,
            "csv": {t.name: _file_state(os.path.join(out_dir, DATA_DIR, f"{t.name}.csv")) for t in ROW_TABLES}}
    path = os.path.join(cache.directory, STATE)
    os.makedirs(cache.directory, exist_ok=True)
    with open(path + ".tmp", "w", encoding="utf-8") as fh:
        fh.write(json.dumps(head)[:-1] + ', "documents": {')
        _write_members(fh, ((e.document["id"], e.key) for e in entries))
        fh.write('}, "layout": {')
        _write_members(fh, ((doc, {t.name: placed[t.name] for t in ROW_TABLES}) for doc, placed in entries.layout()))
        fh.write("}}")
    os.replace(path + ".tmp", path)


def _write_members(fh, pairs):
    """Write the members of a JSON object, `"key": value, ...`, for (key, value) pairs."""
    for i, (key, value) in enumerate(pairs):
        fh.write(f"{', ' if i else ''}{json.dumps(key)}: {json.dumps(value)}")


def _file_state(path):
    st = os.stat(path)
    return [os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ino]


@contextmanager
def _step(bar, name, stage=None):
    """Time stage `stage` (default: `name`), and show `name` on the progress bar."""
    if bar:
        bar.step(name)
    with timing.stage(stage or name):
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
    names = [DATA_DIR, "datapackage.json"] + ([f"{DATABASE_NAME}.db"] if database else []) + [REFUSED]
    previous = os.path.join(tmp, "previous")
    os.makedirs(previous)
    moved, placed = [], []
    try:
        for name in names:
            if os.path.exists(os.path.join(out_dir, name)):
                os.replace(os.path.join(out_dir, name), os.path.join(previous, name))
                moved.append(name)
            if os.path.exists(os.path.join(tmp, name)) or name != REFUSED:  # a stale refused.csv goes
                os.replace(os.path.join(tmp, name), os.path.join(out_dir, name))
                placed.append(name)
    except BaseException:
        for name in reversed(placed):
            os.replace(os.path.join(out_dir, name), os.path.join(tmp, name))
        for name in reversed(moved):
            os.replace(os.path.join(previous, name), os.path.join(out_dir, name))
        raise
