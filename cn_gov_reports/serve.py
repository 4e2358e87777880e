"""Serve a build read-only with Datasette: immutable database, 127.0.0.1, metadata.yml, plugins/."""
import os
import socket
import subprocess
import sys
import tempfile
import time

from .package import DATABASE_NAME
from .paths import METADATA_PATH, PLUGINS_DIR, STATIC_DIR, TEMPLATES_DIR
from .site import SQL_TIME_LIMIT_MS

SETTINGS = {
    "sql_time_limit_ms": SQL_TIME_LIMIT_MS,  # a runaway query is stopped after this long
    "facet_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "suggest_facets": False,  # each suggestion probes a column: dozens of queries per table page at 1M rows
    "allow_download": "on",  # the whole immutable .db file, for use in any SQLite tool
    "num_sql_threads": 3,
}


def database_path(out_dir):
    return os.path.join(out_dir, f"{DATABASE_NAME}.db")


def metadata_path():
    """The repository's metadata.yml; outside a checkout (an installed package), the same file generated
    from fields.py and dataset.yml into a temporary directory."""
    if os.path.exists(METADATA_PATH):
        return METADATA_PATH
    from . import site

    return site.write(os.path.join(tempfile.mkdtemp(prefix="cn-gov-reports-"), "metadata.yml"))


PLUGIN_CONFIG = "cn_gov_reports"  # metadata's plugins block the web plugins read (public_url, record)


def check_public_url(url):
    """The public base URL without a trailing slash; ValueError unless it is an http(s) URL with a host."""
    from urllib.parse import urlparse

    parsed = urlparse(url or "")
    if parsed.scheme not in ("http", "https") or not parsed.netloc or parsed.query or parsed.fragment:
        raise ValueError(f"--public-url {url!r} is not a base URL like https://data.example.org")
    return url.rstrip("/")


def metadata_with_config(metadata, dest, **config):
    """Write into dest (JSON) the metadata file `metadata` plus our plugin configuration; return dest."""
    import json

    import yaml

    with open(metadata, encoding="utf-8") as fh:
        meta = yaml.safe_load(fh) or {}
    meta.setdefault("plugins", {})[PLUGIN_CONFIG] = {k: v for k, v in config.items() if v}
    with open(dest, "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=2)
    return dest


def datasette_args(out_dir, port, host="127.0.0.1", extra_databases=(), metadata=None):
    """The `datasette serve` command line for the build in out_dir (plus any extra immutable databases)."""
    metadata = metadata or metadata_path()
    args = [sys.executable, "-m", "datasette", "serve", "--immutable", database_path(out_dir)]
    for path in extra_databases:
        args += ["--immutable", path]
    args += ["--metadata", metadata, "--host", host, "--port", str(port)]
    for directory, flag in ((PLUGINS_DIR, "--plugins-dir"), (TEMPLATES_DIR, "--template-dir"),
                            (STATIC_DIR, "--static")):
        if os.path.isdir(directory):
            args += [flag, directory if flag != "--static" else f"static:{directory}"]
    for name, value in SETTINGS.items():
        args += ["--setting", name, str(value)]
    return args


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_datasette(command, log_path, port, timeout=60, env=None):
    """Run `command`, a Datasette server on 127.0.0.1:port, with its output in log_path (a pipe nobody
    reads would fill and block it); return (process, base URL) once /-/versions.json answers.

    Raises RuntimeError with the end of the log when the server does not answer within `timeout` seconds."""
    import httpx

    log = open(log_path, "wb")
    proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        try:
            if httpx.get(base + "/-/versions.json", timeout=5).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    with open(log_path, encoding="utf-8", errors="replace") as fh:
        raise RuntimeError(f"datasette did not start: {fh.read()[-2000:]}")
