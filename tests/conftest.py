"""Shared fixtures: a real build of the repository's seeds and a real Datasette server over it."""
import os
import sys
from contextlib import contextmanager

import httpx
import pytest

from cn_gov_reports.serve import free_port, start_datasette

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SEEDS = os.path.join(ROOT, "seeds")
FIXTURES = os.path.join(ROOT, "tests", "fixtures")


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The repository's seeds built into a temporary directory (CSV, datapackage.json, reports.db)."""
    from cn_gov_reports.build import build

    out = tmp_path_factory.mktemp("seeds-build")
    build(SEEDS, str(out))
    return out


@contextmanager
def running(command, log_dir, port, env=None):
    """A command serving Datasette on 127.0.0.1:port, as a block: yields the base URL once it answers, and
    stops the server however the block ends. Its output goes to log_dir/server.log."""
    proc, base = start_datasette(command, os.path.join(str(log_dir), "server.log"), port, env=env)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def serving(out_dir):
    """`python scripts/serve.py --out out_dir` for the duration of the block; yields the base URL."""
    port = free_port()
    with running([sys.executable, os.path.join(ROOT, "scripts", "serve.py"), "--out", str(out_dir),
                  "--port", str(port)], out_dir, port) as base:
        yield base


@pytest.fixture(scope="session")
def server(seeds_build):
    with serving(seeds_build) as base:
        yield base


@pytest.fixture
def counted(monkeypatch):
    """The file names process_report is called with (serial builds run it in this process)."""
    from cn_gov_reports import build as build_mod

    calls = []
    real = build_mod.process_report

    def counting(path, entry=None):
        calls.append(os.path.basename(path))
        return real(path, entry)

    monkeypatch.setattr(build_mod, "process_report", counting)
    return calls


@pytest.fixture(scope="session")
def client(server):
    with httpx.Client(base_url=server, timeout=30) as c:
        yield c
