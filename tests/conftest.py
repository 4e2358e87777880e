"""Shared fixtures: a real build of the repository's seeds and a real Datasette server over it."""
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import httpx
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
SEEDS = os.path.join(ROOT, "seeds")
FIXTURES = os.path.join(ROOT, "tests", "fixtures")


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The repository's seeds built into a temporary directory (CSV, datapackage.json, reports.db)."""
    from wuhan_reports.build import build

    out = tmp_path_factory.mktemp("seeds-build")
    build(SEEDS, str(out))
    return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(out_dir):
    """`python scripts/serve.py --out out_dir --port N` as a real process; returns (process, base URL)."""
    port = free_port()
    return start_command([sys.executable, os.path.join(ROOT, "scripts", "serve.py"), "--out", str(out_dir),
                          "--port", str(port)], out_dir, port)


def start_command(command, log_dir, port, timeout=60):
    """Run a command that serves Datasette on 127.0.0.1:port; return (process, base URL) once it answers.

    The server's output goes to log_dir/server.log (a pipe nobody reads would fill and block it)."""
    log_path = os.path.join(str(log_dir), "server.log")
    log = open(log_path, "wb")
    proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if httpx.get(base + "/-/versions.json", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.kill()
    with open(log_path, encoding="utf-8", errors="replace") as fh:
        raise RuntimeError(f"datasette did not start: {fh.read()[-2000:]}")


@contextmanager
def running(command, log_dir, port):
    """start_command as a block: yields the base URL, and stops the server however the block ends."""
    proc, base = start_command(command, log_dir, port)
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
    from wuhan_reports import build as build_mod

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
