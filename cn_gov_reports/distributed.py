"""The per-report step on a Dask cluster (`dask.distributed`), for corpora past one machine.

`build --engine dask` maps the same pure function as the local engine, process_report, over the reports on
the workers of a cluster: a LocalCluster of `jobs` worker processes started for the build, or a running
cluster (`--scheduler tcp://host:8786`). Reports are read by the workers through fsspec, so `--seeds` can be
a local folder (that every worker can read at the same path) or any fsspec URL (`s3://bucket/reports`,
`gs://...`, `file:///shared/reports`, with the fsspec backend for its scheme installed on client and
workers). A worker copies the report to a scratch file of the same name, processes it and sends back the
bytes of its cache entry (cache.entry_bytes); the client writes them where the local engine's workers
write theirs. So the cache entries, and from them the packaging (a concatenation in document-id order), the
validation and the database, are those of a local build: the outputs are byte-identical
(tests/test_distributed.py). The client needs no shared filesystem with the workers: outputs and the cache
stay on the machine running the build.
"""
import os
import shutil
import tempfile

from . import timing
from .cache import entry_bytes, write_entry_bytes
from .catalog import CATALOG, parse
from .pipeline import process_report
from .read import IGNORED_FILES, ReportError

CONNECT_TIMEOUT = "30s"  # to reach a running scheduler
WINDOW_PER_WORKER = 8  # reports submitted ahead per worker: bounds what waits in the cluster's memory


class EngineError(Exception):
    """The cluster cannot be reached or started; one line for the user."""


def is_url(location):
    return "://" in location


def inputs(url):
    """({file name: catalog entry}, [URL of each report file, sorted by name]) of a folder given as an
    fsspec URL; EngineError when it cannot be listed."""
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(url)
        listing = fs.ls(root, detail=True)
    except (OSError, ValueError, ImportError) as e:
        raise EngineError(f"{url}: cannot list the reports ({e})") from None
    files = {item["name"].rstrip("/").rsplit("/", 1)[-1]: item["name"] for item in listing
             if item.get("type") == "file"}
    protocol = fs.protocol[0] if isinstance(fs.protocol, (tuple, list)) else fs.protocol
    unstrip = (lambda p: p) if protocol in ("file", "local") else fs.unstrip_protocol
    entries = {}
    if CATALOG in files:
        with fs.open(files[CATALOG], "r", encoding="utf-8") as fh:
            entries = parse(fh)
    names = sorted(n for n in files if n not in IGNORED_FILES and not n.startswith("."))
    return entries, [unstrip(files[n]) for n in names]


def open_file(location, mode="rb"):
    """A local path or an fsspec URL, opened for reading."""
    import fsspec

    return fsspec.open(location, mode).open() if is_url(location) else open(location, mode)


def process_remote(location, catalog_entry):
    """On a worker: (entry bytes or None, (file name, reason) or None, stage timings) for one report at
    `location` (a path or URL): process_report over a scratch copy with the report's own file name."""
    name = location.rstrip("/").rsplit("/", 1)[-1]
    scratch = tempfile.mkdtemp(prefix="cn-gov-reports-")
    try:
        local = os.path.join(scratch, name)
        with open_file(location) as src, open(local, "wb") as dst:
            shutil.copyfileobj(src, dst)
        with timing.collect() as seconds:
            try:
                report = process_report(local, catalog_entry)
            except ReportError as e:
                return None, (name, e.reason), seconds
            with timing.stage("cache"):
                data = entry_bytes(report)
        return data, None, seconds
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


class DaskEngine:
    """Processes reports on a Dask cluster: the one at `scheduler` (an address), or a LocalCluster of
    `workers` processes (one thread each) started for the build and stopped after it."""

    def __init__(self, scheduler=None, workers=None, timeout=CONNECT_TIMEOUT):
        self.scheduler = scheduler
        self.workers = workers
        self.timeout = timeout

    def process(self, tasks):
        """(cache.Entry or None, (file name, reason) or None, stage timings) for each (location, catalog
        entry, entry path, key) of `tasks`, in order; each entry is written at its entry path."""
        if not tasks:
            return
        with self._client() as client:
            yield from self._ordered(client, tasks)

    def _client(self):
        from distributed import Client, LocalCluster

        try:
            if self.scheduler:
                return Client(self.scheduler, timeout=self.timeout)
            cluster = LocalCluster(n_workers=self.workers or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
            close = client.close

            def close_both(*args, **kwargs):  # the cluster was started for this build: stop it too
                close()
                cluster.close()
            client.close = close_both
            return client
        except (OSError, TimeoutError) as e:
            raise EngineError(f"dask scheduler {self.scheduler or '(local cluster)'}: cannot connect ({e})") \
                from None

    def _ordered(self, client, tasks):
        from distributed import as_completed

        window = max(2, WINDOW_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})) or 1))
        done, submitted, following = {}, 0, 0
        pending = as_completed()

        def submit(i):
            location, catalog_entry, _, _ = tasks[i]
            future = client.submit(process_remote, location, catalog_entry, pure=False)
            future.index = i
            pending.add(future)

        while submitted < len(tasks) and submitted < window:
            submit(submitted)
            submitted += 1
        for future in pending:
            i = future.index
            data, error, seconds = future.result()
            future.release()
            _, _, entry_path, key = tasks[i]
            done[i] = (write_entry_bytes(entry_path, key, data) if data is not None else None, error, seconds)
            if submitted < len(tasks):
                submit(submitted)
                submitted += 1
            while following in done:
                yield done.pop(following)
                following += 1
