"""Stage timings of a build, for the benchmark (bench/run.py) and nothing else.

Any code on the build's path marks a stage with ``with timing.stage("segment"): ...``; the seconds add up
per stage name in the current process. Report processing runs in worker processes: each worker returns the
timings of its reports and the build adds them up, so per-report stages (read, sections, extract, and
segment if it is done per report) are CPU-seconds summed over workers, not wall time. A stage that no code
marks is simply absent from the result.
"""
import time
from contextlib import contextmanager

# The stages the benchmark reports, in build order; `reports` is the wall time of processing every report.
# `validate` runs in its own process while the database loads; `validate_wait` is the time the build then
# still waits for it. `cache` is writing entries (in the workers) and moving them into the cache.
STAGES = ("read", "sections", "extract", "segment", "package", "validate", "load", "index", "counts", "validate_wait",
          "cache")
_current = {}


@contextmanager
def stage(name):
    """Add the time spent in the block to stage `name`."""
    start = time.perf_counter()
    try:
        yield
    finally:
        _current[name] = _current.get(name, 0.0) + time.perf_counter() - start


def record(name, seconds):
    """Add `seconds` measured elsewhere (e.g. in another process) to stage `name`."""
    _current[name] = _current.get(name, 0.0) + seconds


@contextmanager
def collect():
    """A fresh {stage: seconds} dict that receives every stage timed inside the block."""
    global _current
    outer, _current = _current, {}
    try:
        yield _current
    finally:
        inner, _current = _current, outer
        add(_current, inner)


def add(total, more):
    """Add the {stage: seconds} in `more` to `total` (in place)."""
    for name, seconds in more.items():
        total[name] = total.get(name, 0.0) + seconds
    return total
