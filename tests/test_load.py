"""Smoke run of the load test (bench/load.py) against the real server: a few clients for a few seconds,
every request answered as expected. Throughput and latency are reported by the benchmark, never asserted."""
import pytest

from bench import load

pytestmark = pytest.mark.server


def test_load_smoke_has_zero_errors(server):
    results = load.run(server, clients=5, duration=3)
    assert set(results) == {"baseline", "pages", "errors"}
    for name, result in results.items():
        assert result["requests"] > 0, name
        assert result["errors"] == 0, (name, result["error_samples"])


def test_load_refuses_a_remote_target():
    with pytest.raises(SystemExit, match="only targets 127.0.0.1"):
        load.run("http://example.org", clients=1, duration=1)
