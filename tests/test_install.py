"""`pip install .` into a fresh virtual environment gives commands that build and serve any directory of
reports, run from outside the checkout: the package carries its rules, vocabularies and web files."""
import filecmp
import os
import subprocess
import sys

import httpx
import pytest

from cn_gov_reports.serve import free_port, start_datasette
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.install


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A new virtual environment with the package installed from the checkout (dependencies pinned by
    requirements.txt, from the package index)."""
    venv = tmp_path_factory.mktemp("install") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    done = subprocess.run(pip + ["-c", os.path.join(ROOT, "requirements.txt"), ROOT], capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return venv / "bin"


def test_the_commands_are_installed(installed):
    for command in ("cn-gov-reports-build", "cn-gov-reports-serve", "cn-gov-reports-release",
                    "cn-gov-reports-serve-versions"):
        assert (installed / command).exists(), command


def test_installed_build_and_serve_the_seeds_from_anywhere(installed, tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([str(installed / "cn-gov-reports-build"), "--seeds", SEEDS, "--out", str(out), "--quiet"],
                          cwd=str(tmp_path), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("built out: documents 5,")
    for name in sorted(os.listdir(os.path.join(ROOT, "data"))):  # the same tables as the checkout's build
        assert filecmp.cmp(os.path.join(ROOT, "data", name), out / "data" / name, shallow=False), name
    port = free_port()
    proc, base = start_datasette([str(installed / "cn-gov-reports-serve"), "--out", str(out), "--port", str(port)],
                                 str(tmp_path / "server.log"), port)
    try:
        home = httpx.get(base + "/", timeout=30)
        assert home.status_code == 200 and "武汉" in home.text  # the package's templates and metadata
        search = httpx.get(base + "/-/search.json", params={"q": "光谷"}, timeout=30).json()  # a plugin
        assert search["rows"]
        assert httpx.post(base + "/reports", timeout=30).status_code in (403, 405)  # read-only plugin
    finally:
        proc.terminate()
        proc.wait(timeout=10)
