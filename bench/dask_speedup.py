"""The Dask engine against itself and the local engine: one corpus built on a LocalCluster of one worker, of two
workers, and locally with two processes, each in its own process with an empty cache; the outputs compared
byte for byte (data/*.csv, datapackage.json, reports.db).

    python -m bench.dask_speedup --seeds bench-out/corpus-20 --work bench-out/dask

Prints one JSON object: wall seconds of each build, the speed-up of two workers over one, and whether every
output is identical to the local build's.
"""
import argparse
import filecmp
import json
import os
import sys

from bench.run import python_json

BUILDS = {"dask-1": ["--engine", "dask", "--jobs", "1"], "dask-2": ["--engine", "dask", "--jobs", "2"],
          "local-2": ["--jobs", "2"]}


def same_outputs(a, b):
    names = ["datapackage.json", "reports.db"] + [os.path.join("data", n) for n in sorted(os.listdir(os.path.join(a, "data")))]
    return all(filecmp.cmp(os.path.join(a, n), os.path.join(b, n), shallow=False) for n in names)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--seeds", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args(argv)
    results = {}
    for name, options in BUILDS.items():
        out = os.path.join(args.work, name)
        results[name] = python_json("bench.build_once", "--seeds", args.seeds, "--out", out, "--fresh", *options)
        print(f"{name}: {results[name]['wall']:.1f}s", file=sys.stderr, flush=True)
    local = os.path.join(args.work, "local-2")
    json.dump({"walls": {n: r["wall"] for n, r in results.items()}, "reports": results["local-2"]["reports"],
               "speedup_2_over_1": results["dask-1"]["wall"] / results["dask-2"]["wall"],
               "identical_to_local": {n: same_outputs(os.path.join(args.work, n), local) for n in BUILDS},
               "load_average": os.getloadavg()}, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
