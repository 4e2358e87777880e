"""The benchmark: build a synthetic corpus at several sizes and compare every number with a floor measured
in the same run.

    python -m bench.run                      # sizes 1, 10, 100 (a few minutes)
    python -m bench.run --sizes 1,10,100,1000 # add 1000x the seeds (long: see docs/benchmark.md)

For each size (copies of the seeds, bench/corpus.py): a full build with an empty cache (stage timings,
peak memory), an incremental build after one report changes, and the bare-jieba floor over the same text
(bench/floor.py). Then Datasette page latency against the same SQL on SQLite (bench/server.py) over the
largest build. Each build and floor runs in its own process. Results go to WORK/results.json and, as
markdown tables, to stdout.
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import time

from cn_gov_reports.paths import ROOT

from bench import corpus  # noqa: E402
from cn_gov_reports import timing  # noqa: E402
from cn_gov_reports.read import report_paths  # noqa: E402

INCREMENTAL_EDIT = "\n\n另据统计,全年新增市场主体1234户,同比增长5.6%。\n"  # one new paragraph in one report


def machine():
    """nproc, CPU model, memory and load: the machine the numbers come from."""
    model, memory = platform.processor() or "", ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            model = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), model)
        with open("/proc/meminfo", encoding="utf-8") as fh:
            memory = f"{int(fh.readline().split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)), "cpu": model, "memory": memory,
            "load_average": os.getloadavg(), "python": platform.python_version(), "platform": platform.platform()}


def python_json(module, *args):
    """Run `python -m module args` from the repository root; its stdout parsed as JSON."""
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"python -m {module} {' '.join(args)} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def edit_one_report(seeds_dir):
    """Append a paragraph to the report in the middle of the corpus; return its file name."""
    paths = report_paths(seeds_dir)
    path = paths[len(paths) // 2]
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(INCREMENTAL_EDIT)
    return os.path.basename(path)


def one_size(size, work, jobs, real=None, floor=True, incremental=True, keep_corpus=False):
    """Generate the corpus of `size` copies (unless `keep_corpus` and it is there), build it, rebuild it after
    one edit (unless not `incremental`) and time the jieba floor over it (unless not `floor`)."""
    seeds, out = os.path.join(work, f"corpus-{size}"), os.path.join(work, f"out-{size}")
    started = time.perf_counter()
    if keep_corpus and os.path.isdir(seeds):
        reports = len(report_paths(seeds))
    else:
        reports = corpus.generate(os.path.join(ROOT, "seeds"), seeds, size, real)  # overwrites last run's edit
    generated = time.perf_counter() - started
    job = ["--jobs", str(jobs)] if jobs else []
    print(f"[{size}x] {reports} reports: full build ...", file=sys.stderr, flush=True)
    full = python_json("bench.build_once", "--seeds", seeds, "--out", out, "--fresh", *job)
    full["database_bytes"] = _size(os.path.join(out, "reports.db"))
    full["data_bytes"] = sum(_size(os.path.join(out, "data", n)) for n in os.listdir(os.path.join(out, "data")))
    print(f"[{size}x] full build {full['wall']:.1f}s", file=sys.stderr, flush=True)
    result = {"size": size, "reports": reports, "real": real, "generate_seconds": generated, "full": full,
              "out": out}
    if incremental:
        result["edited"] = edit_one_report(seeds)
        result["incremental"] = python_json("bench.build_once", "--seeds", seeds, "--out", out, *job)
        print(f"[{size}x] incremental {result['incremental']['wall']:.1f}s", file=sys.stderr, flush=True)
    if floor:
        result["floor"] = python_json("bench.floor", "--seeds", seeds)
        print(f"[{size}x] jieba floor {result['floor']['seconds']:.1f}s", file=sys.stderr, flush=True)
    return result


def _size(path):
    return os.path.getsize(path) if os.path.exists(path) else 0


def builds_table(results):
    stages = list(timing.STAGES)
    head = ["size", "reports", "section rows", "indicator rows", "build s", "reports s (wall)"] + \
        [f"{s} s" for s in stages] + ["peak MB (main/largest child/validation)", "DB MB", "jieba floor s",
                                      "build / floor", "incremental s", "incremental / full"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        full, st = r["full"], r["full"]["stages"]
        floor, incremental = r.get("floor"), r.get("incremental")
        cells = [f"{r['size']}x", r["reports"], f"{full['rows']['sections']:,}",
                 f"{full['rows']['indicators']:,}", f"{full['wall']:.2f}", f"{st.get('reports', 0):.2f}"]
        cells += [f"{st[s]:.2f}" if s in st else "absent" for s in stages]
        validation = full.get("validate_peak_mb")
        peaks = f"{full['peak_mb']:.0f}/{full['worker_peak_mb']:.0f}/" + (f"{validation:.0f}" if validation else "-")
        cells += [peaks, f"{full.get('database_bytes', 0) / 1e6:,.0f}",
                  f"{floor['seconds']:.2f}" if floor else "not run",
                  f"{full['wall'] / floor['seconds']:.2f}" if floor else "-",
                  f"{incremental['wall']:.2f}" if incremental else "not run",
                  f"{incremental['wall'] / full['wall']:.1%}" if incremental else "-"]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)


def growth_table(results):
    lines = ["| from | to | reports x | build time x | floor time x |", "|---|---|---|---|---|"]
    for a, b in zip(results, results[1:]):
        floors = a.get("floor") and b.get("floor")
        lines.append(f"| {a['size']}x | {b['size']}x | {b['reports'] / a['reports']:.1f} | "
                     f"{b['full']['wall'] / a['full']['wall']:.1f} | "
                     + (f"{b['floor']['seconds'] / a['floor']['seconds']:.1f} |" if floors else "- |"))
    return "\n".join(lines)


def server_table(server):
    lines = ["Rows: " + ", ".join(f"{k} {v:,}" for k, v in server["rows"].items()) +
             f"; search: {server['search_kind']}", "",
             "| page | path | queries | page ms (median) | same SQL on SQLite ms | page / SQL |", "|---|---|---|---|---|---|"]
    for name, p in server["pages"].items():
        ratio = f"{p['ratio']:.2f}" if p["ratio"] else "-"
        lines.append(f"| {name} | `{p['path']}` | {p['queries']} | {p['page_ms']:.1f} | {p['sql_ms']:.2f} | {ratio} |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100", help="copies of the seeds, comma-separated (default 1,10,100)")
    parser.add_argument("--work", default=os.path.join(ROOT, "bench-out"), help="where corpora and builds go")
    parser.add_argument("--jobs", type=int, default=None, help="build worker processes (default: one per CPU)")
    parser.add_argument("--no-server", action="store_true", help="skip the Datasette latency benchmark")
    parser.add_argument("--no-floor", action="store_true", help="skip the jieba floor (long at large sizes)")
    parser.add_argument("--no-incremental", action="store_true", help="skip the incremental build")
    parser.add_argument("--keep-corpus", action="store_true",
                        help="use WORK/corpus-SIZE as it is when there (made beforehand by python -m bench.corpus)")
    parser.add_argument("--real", default=corpus.default_real(),
                        help=f"real reports the corpus draws on, or 'none' (default: {corpus.REAL_TEXTS} if present)")
    args = parser.parse_args(argv)
    real = None if args.real in (None, "none") else os.path.abspath(args.real)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    info = {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S"), "sizes": sizes, "real": real,
            "builds": []}
    for size in sizes:
        result = one_size(size, args.work, args.jobs, real, not args.no_floor, not args.no_incremental,
                          args.keep_corpus)
        info["builds"].append(result)
        save(info, args.work)  # what is done so far survives a run cut short
    if not args.no_server:
        print(f"[{sizes[-1]}x] server latency ...", file=sys.stderr, flush=True)
        info["server"] = python_json("bench.server", "--out", info["builds"][-1]["out"])
        info["server"]["size"] = sizes[-1]
    info["machine"]["load_average_end"] = os.getloadavg()
    save(info, args.work)
    print(report(info))


def save(info, work):
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "results.json"), "w", encoding="utf-8") as fh:
        json.dump(info, fh, ensure_ascii=False, indent=2)


def report(info):
    m = info["machine"]
    parts = [f"Machine: {m['nproc']} CPUs ({m['usable_cpus']} usable), {m['cpu']}, {m['memory']} RAM, "
             f"Python {m['python']}; load average {m['load_average'][0]:.2f} at start, "
             f"{m['load_average_end'][0]:.2f} at end.", "", builds_table(info["builds"]), "",
             growth_table(info["builds"])]
    if "server" in info:
        parts += ["", f"Datasette at {info['server']['size']}x:", "", server_table(info["server"])]
    return "\n".join(parts)


if __name__ == "__main__":
    main()
