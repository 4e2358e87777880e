"""The command-line interface: a thin layer over the library.

Installed (`pip install .`) as the commands cn-gov-reports-build, cn-gov-reports-serve, cn-gov-reports-release
and cn-gov-reports-serve-versions; `scripts/build.py`, `scripts/serve.py`, `scripts/release.py` and
`scripts/serve_versions.py` call the same functions.
"""
import argparse
import json
import os
import sys

from .paths import ROOT, SEEDS_DIR, is_checkout


def build_main(argv=None):
    """Build a directory of reports into data/*.csv, datapackage.json and reports.db."""
    from . import citation_files, site
    from .build import CACHE_DIR, REFUSED, BuildError, build

    parser = argparse.ArgumentParser(prog="cn-gov-reports-build", description=build_main.__doc__)
    parser.add_argument("--seeds", default=SEEDS_DIR,
                        help="directory of reports (default: seeds/); with --engine dask also an fsspec URL")
    parser.add_argument("--out", default=ROOT, help="output directory (default: the repository root)")
    parser.add_argument("--no-db", action="store_true", help="write the CSV files and datapackage.json only")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per CPU)")
    parser.add_argument("--cache", default=CACHE_DIR,
                        help=f"cache of processed reports, relative to --out (default: {CACHE_DIR})")
    parser.add_argument("--no-cache", action="store_true", help="process every report afresh; keep no cache")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="where reports are processed: local worker processes (default) or a Dask cluster "
                             "(a local one of --jobs workers, or the one at --scheduler)")
    parser.add_argument("--scheduler", default=None,
                        help="address of a running Dask scheduler, e.g. tcp://host:8786 (with --engine dask)")
    parser.add_argument("--keep-going", action="store_true",
                        help="publish every good report; list the refused ones in OUT/refused.csv (default: any "
                             "bad report fails the build and changes nothing)")
    args = parser.parse_args(argv)
    try:
        descriptor = build(args.seeds, args.out, progress=not args.quiet, database=not args.no_db, jobs=args.jobs,
                           cache_dir=None if args.no_cache else args.cache, keep_going=args.keep_going,
                           engine=args.engine, scheduler=args.scheduler)
    except BuildError as e:
        for problem in e.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    if os.path.abspath(args.out) == ROOT and is_checkout(ROOT):
        site.write()  # metadata.yml follows fields.py and dataset.yml
        citation_files.write()  # CITATION.cff and .zenodo.json follow dataset.yml
    counts = ", ".join(f"{name} {n}" for name, n in descriptor["row_counts"].items())
    print(f"built {os.path.relpath(args.out)}: {counts}")
    if descriptor["refused"]:
        for file_name, reason in descriptor["refused"]:
            print(f"refused: {file_name}: {reason}", file=sys.stderr)
        print(f"refused {len(descriptor['refused'])} reports, listed in "
              f"{os.path.relpath(os.path.join(args.out, REFUSED))}", file=sys.stderr)
    return 0


def serve_main(argv=None):
    """Serve a build read-only with Datasette on 127.0.0.1."""
    import tempfile

    from .serve import check_public_url, database_path, datasette_args, metadata_path, metadata_with_config

    parser = argparse.ArgumentParser(prog="cn-gov-reports-serve", description=serve_main.__doc__)
    parser.add_argument("--out", default=ROOT, help="build directory holding reports.db (default: repository root)")
    parser.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default: 8001)")
    parser.add_argument("--public-url", help="the base URL readers reach this site at (e.g. https://data.example.org),"
                                             " used in every permalink and citation (default: the request's own)")
    args = parser.parse_args(argv)
    if not os.path.exists(database_path(args.out)):
        print(f"error: {database_path(args.out)} not found; run `python scripts/build.py --out {args.out}` first",
              file=sys.stderr)
        return 1
    try:
        public_url = check_public_url(args.public_url) if args.public_url else None
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    metadata = metadata_path()
    if public_url:
        metadata = metadata_with_config(metadata, os.path.join(tempfile.mkdtemp(prefix="cn-gov-reports-"),
                                                               "metadata.json"), public_url=public_url)
    command = datasette_args(args.out, args.port, metadata=metadata)
    print(f"serving {database_path(args.out)} read-only at http://127.0.0.1:{args.port}/"
          + (f" (cited as {public_url}/)" if public_url else ""), flush=True)
    os.execv(command[0], command)


def release_main(argv=None):
    """Release a version of the dataset: bump it everywhere, write the changelog and checksums, commit, tag, record
    it in releases.json and write its archive into dist/."""
    from .build import BuildError
    from .record import RecordError
    from .release import ReleaseError, release, write_archive

    parser = argparse.ArgumentParser(prog="cn-gov-reports-release", description=release_main.__doc__)
    parser.add_argument("version", help="the new version, MAJOR.MINOR.PATCH (e.g. 1.1.0)")
    parser.add_argument("--date", help="release date YYYY-MM-DD (default: today, UTC)")
    parser.add_argument("--archive", action="store_true",
                        help="only write the archive of the recorded release VERSION again, from its commit, into "
                             "dist/ and check it against releases.json")
    args = parser.parse_args(argv)
    try:
        if args.archive:
            path, digest = write_archive(args.version)
            print(f"{path}: sha256 {digest}, as recorded")
        else:
            release(args.version, date=args.date)
    except (ReleaseError, BuildError, RecordError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


def serve_versions_main(argv=None):
    """Serve the latest build and every recorded release side by side, read-only, on 127.0.0.1."""
    from . import archive, record, versions
    from .serve import check_public_url, database_path, datasette_args, metadata_path, metadata_with_config

    parser = argparse.ArgumentParser(prog="cn-gov-reports-serve-versions", description=serve_versions_main.__doc__)
    parser.add_argument("--out", default=ROOT, help="build directory holding the latest reports.db (default: root)")
    parser.add_argument("--cache", default=os.path.join(ROOT, "build", "versions"),
                        help="where release databases are built (default: build/versions)")
    parser.add_argument("--archives", help="a folder of release archives (<name>-X.Y.Z.zip): releases the git "
                                           "history cannot give come from there")
    parser.add_argument("--record", default=record.PATH, help=f"the release record (default: {record.NAME})")
    parser.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default: 8001)")
    parser.add_argument("--public-url", help="the base URL readers reach this site at, used in every permalink "
                                             "and citation (default: the request's own)")
    parser.add_argument("--build-only", action="store_true", help="build the release databases, do not serve")
    args = parser.parse_args(argv)
    if not args.build_only and not os.path.exists(database_path(args.out)):
        print(f"error: {database_path(args.out)} not found; run `python scripts/build.py` first", file=sys.stderr)
        return 1
    try:
        public_url = check_public_url(args.public_url) if args.public_url else None
        entries = record.load(args.record)
        resolved = versions.build_all(ROOT, args.cache, args.archives, entries)
    except (ValueError, record.RecordError, archive.ArchiveError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    for r in resolved:
        print(f"release {r.version}: " + (f"{r.path} (from {r.source})" if r.path else f"NOT SERVED: {r.missing}"),
              flush=True)
    if args.build_only:
        return 0
    served = [r for r in resolved if r.path]
    metadata = os.path.join(args.cache, "metadata.json")
    with open(metadata, "w", encoding="utf-8") as fh:
        json.dump(versions.combined_metadata(metadata_path(), args.cache, [r.version for r in served]), fh,
                  ensure_ascii=False, indent=2)
    metadata_with_config(metadata, metadata, public_url=public_url, record=os.path.abspath(args.record))
    command = datasette_args(args.out, args.port, extra_databases=[r.path for r in served], metadata=metadata)
    print(f"serving the latest build and {len(served)} of {len(resolved)} releases at "
          f"http://127.0.0.1:{args.port}/-/releases", flush=True)
    os.execv(command[0], command)
