"""The floor any jieba-based build pays: bare `jieba.cut_for_search` over the corpus's text, one process.

    python -m bench.floor --seeds DIR

The text is each report's normalized text with web-page chrome removed (what the sections hold and what a
full-text index segments), read before the clock starts. Prints JSON: characters and seconds.
"""
import argparse
import json
import sys
import time


from cn_gov_reports.chrome import clean  # noqa: E402
from cn_gov_reports.normalize import normalize  # noqa: E402
from cn_gov_reports.read import read_report, report_paths  # noqa: E402


def texts(seeds_dir):
    return [clean(normalize(read_report(p).text)).text for p in report_paths(seeds_dir)]


def segment_seconds(corpus):
    """Seconds to run jieba.cut_for_search over every text, its dictionary loaded beforehand."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    started = time.perf_counter()
    for text in corpus:
        for _ in jieba.cut_for_search(text):
            pass
    return time.perf_counter() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--seeds", required=True)
    args = parser.parse_args(argv)
    corpus = texts(args.seeds)
    seconds = segment_seconds(corpus)
    json.dump({"characters": sum(map(len, corpus)), "seconds": seconds}, sys.stdout)


if __name__ == "__main__":
    main()
