"""What the web plugins need to know about the databases a server holds: which release each one is (by
its data's SHA-256 against releases.json), how to label it, and the public URL to cite it at.

Configuration comes from the metadata's `plugins: cn_gov_reports:` block, which scripts/serve.py and
scripts/serve_versions.py write: `public_url` (--public-url) and `record` (the releases.json to read;
default: the repository's).
"""
import concurrent.futures
import os
import sqlite3
import threading

from . import package_info, record
from .package import DATABASE_NAME
from .serve import PLUGIN_CONFIG

UNRELEASED = "+unreleased"


def config(datasette):
    return datasette.plugin_config(PLUGIN_CONFIG) or {}


BACKGROUND_NICE = 19  # the nice value of the server's background threads: the lowest priority


def background_threads(name):
    """A one-thread executor for the server's background work (hashing the database file, checking the search
    order) whose thread runs at the lowest CPU priority, so that it takes a CPU only when no page wants it (on
    Linux the nice value is a thread's own; elsewhere the thread keeps the process's)."""
    return concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix=name, initializer=_lower_priority)


def _lower_priority():
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICE)
    except (AttributeError, OSError):  # no setpriority (Windows), or not allowed
        pass


SEARCH_CAP = 10_000  # matches a search counts, facets and ranks at most, per table (plugins search_pages, site_search)


def search_cap(datasette):
    """The server's search cap: the plugin setting `search_cap`, else SEARCH_CAP."""
    return int(config(datasette).get("search_cap") or SEARCH_CAP)


def entries(datasette):
    """The release record, read once per server."""
    if not hasattr(datasette, "_cn_record"):
        path = config(datasette).get("record") or record.PATH
        try:
            datasette._cn_record = record.load(path)
        except record.RecordError:
            datasette._cn_record = []
    return datasette._cn_record


def label(meta, entries):
    """(shown version, released?) of a database's package metadata: X.Y.Z when its data equal the recorded
    release X.Y.Z (or when there is no record at all), else X.Y.Z+unreleased."""
    if not entries:
        return meta["version"], True
    entry = record.find(entries, meta["version"])
    ours = {k: v.split(":", 1)[-1] for k, v in meta.get("hashes", {}).items()}
    if entry and ours == record.data_hashes(entry):
        return meta["version"], True
    return meta["version"] + UNRELEASED, False


def _read_meta(path):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return package_info.read(conn)
    finally:
        conn.close()


def database_meta(datasette, name):
    """The package metadata of a served database plus `label`, `released`, `entry` (its record entry, if
    released) and `base` (the path its rows are cited under), or None for a database without one."""
    cache = datasette.__dict__.setdefault("_cn_meta", {})
    if name not in cache:
        db = datasette.databases.get(name)
        meta = _read_meta(db.path) if db is not None and db.path else None
        if meta:
            shown, released = label(meta, entries(datasette))
            entry = record.find(entries(datasette), meta["version"])
            meta.update(label=shown, released=released, entry=entry if released else None,
                        base=f"/{meta['database_name']}" if released else f"/{name}")
        cache[name] = meta
    return cache[name]


def served_databases(datasette):
    """{database name: meta} of every served database that records a version."""
    out = {}
    for name in datasette.databases:
        if name != "_internal" and (meta := database_meta(datasette, name)):
            out[name] = meta
    return out


def release_date(meta):
    """The release date of a released database (its record entry's, else its package's), or ''."""
    if not meta.get("released"):
        return ""
    return (meta.get("entry") or {}).get("date") or meta["created"][:10]


def absolute(datasette, request, path):
    """The URL of path as readers should cite it: under --public-url when set, else the request's host."""
    public = config(datasette).get("public_url")
    if public:
        return public.rstrip("/") + path
    return datasette.absolute_url(request, path)


def main_database(datasette):
    return DATABASE_NAME if DATABASE_NAME in datasette.databases else None


def cite_dataset(datasette, request, name=DATABASE_NAME, accessed=None):
    """The dataset citation (citation.dataset_citation plus `permalink`) of served database `name`, at the
    public URL, under its label and release date: what every page's footer shows. None for a database
    without package metadata. For plugins that need the page's citation (downloads, exports)."""
    from . import citation

    meta = database_meta(datasette, name) if name in datasette.databases else None
    if not meta:
        return None
    url = absolute(datasette, request, meta["base"])
    return {**citation.dataset_citation(meta, url, accessed, release_date(meta)), "permalink": url}
