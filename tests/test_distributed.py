"""The Dask engine (distributed.py): the same cache entries and byte-identical outputs as a local build, on a
LocalCluster of two worker processes started by the build or already running, from a folder or a URL."""
import os
import shutil
import sqlite3

import pytest

from cn_gov_reports import build as build_mod, distributed, fields
from cn_gov_reports.build import BuildError, build

from conftest import FIXTURES, SEEDS


def outputs(out):
    """Every published byte but the database's, and the database's rows."""
    files = {"datapackage.json": (out / "datapackage.json").read_bytes()}
    files.update({f"data/{n}": (out / "data" / n).read_bytes() for n in sorted(os.listdir(out / "data"))})
    conn = sqlite3.connect(f"file:{out / 'reports.db'}?mode=ro", uri=True)
    rows = {t.name: conn.execute(f"select * from [{t.name}] order by [{t.primary_key}]").fetchall()
            for t in fields.TABLES}
    conn.close()
    return files, rows


def entries(out):
    cache_dir = out / build_mod.CACHE_DIR
    return {p.name: p.read_bytes() for p in cache_dir.rglob("*.entry")}


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    build(SEEDS, str(out), jobs=1)
    return out


@pytest.fixture(scope="module")
def cluster():
    """A running LocalCluster of two worker processes (as `dask scheduler` and two `dask worker` would be)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


def test_a_local_dask_cluster_of_two_workers_builds_the_same_bytes(local, tmp_path):
    out = tmp_path / "dask"
    result = build(SEEDS, str(out), engine="dask", jobs=2)
    assert result["stats"]["processed"] == len(os.listdir(SEEDS)) - 1  # every report but the catalog
    assert outputs(out) == outputs(local)
    assert entries(out) == entries(local)  # the same cache entries, byte for byte


def test_a_running_cluster_reads_reports_from_a_url(local, tmp_path, cluster):
    out = tmp_path / "url"
    url = "file://" + os.path.abspath(SEEDS)
    build(url, str(out), engine="dask", scheduler=cluster.scheduler_address)
    assert outputs(out) == outputs(local)
    assert entries(out) == entries(local)
    again = build(url, str(out), engine="dask", scheduler=cluster.scheduler_address)  # all from the cache
    assert again["stats"]["processed"] == 0 and outputs(out) == outputs(local)


def test_a_bad_report_is_refused_as_in_a_local_build(tmp_path, cluster):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("report.txt", "binary.txt"):
        shutil.copy(os.path.join(FIXTURES, name), seeds / name)
    with pytest.raises(BuildError) as local_error:
        build(str(seeds), str(tmp_path / "a"), jobs=1)
    with pytest.raises(BuildError) as dask_error:
        build(str(seeds), str(tmp_path / "b"), engine="dask", scheduler=cluster.scheduler_address)
    assert dask_error.value.problems == local_error.value.problems


def test_no_scheduler_there_is_one_line(tmp_path, monkeypatch):
    from cn_gov_reports.serve import free_port

    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", "2s")
    monkeypatch.setattr(distributed.DaskEngine.__init__, "__defaults__", (None, None, "2s"))
    with pytest.raises(BuildError) as error:
        build(SEEDS, str(tmp_path / "out"), engine="dask", scheduler=f"tcp://127.0.0.1:{free_port()}")
    assert len(error.value.problems) == 1 and "cannot connect" in error.value.problems[0]


def test_a_url_or_a_scheduler_needs_the_dask_engine(tmp_path):
    with pytest.raises(BuildError, match="needs --engine dask"):
        build("file://" + os.path.abspath(SEEDS), str(tmp_path / "out"))
