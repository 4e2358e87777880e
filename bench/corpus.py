"""A synthetic corpus of any size, made from the seeds so it parses like real reports.

Copy 0 is the seeds themselves (file names and catalog unchanged). Every further copy k of seed s is
the seed's decoded text with, decided by a random generator seeded with (k, s):
- its paragraphs shuffled within each section (headings, chrome and short lines stay in place);
- every district or zone name of cn_gov_reports/vocab/regions.csv replaced by another district
  (bench/districts.txt) and every year from 1990 to 2035 shifted by the same offset (-9..+9), each copy
  with its own (district, offset) pair while there are pairs left (then a random one, drawn again until
  the copy differs from every earlier copy of that seed, which the build would refuse as a duplicate);
- every other number of two or more digits, or with a decimal point, in a long line scaled by 0.8..1.2
  (same number of decimals; a heading's own number stays).
Its file is `k{k:05d}_<seed file name>` and its catalog entry is the seed's, with the title rewritten
the same way. The output is a pure function of the seeds and the size, so runs are comparable.

Real text: when a folder of real full-length reports is given (`--real`; by default
../shared/corpus-real/texts when it exists, else none), the copies draw on it as well as on the seeds: copy
k >= 1 takes its sources in turn from the seeds followed by the real reports (slot s of copy k is source
((k - 1) * len(seeds) + s) mod len(pool)), rewritten the same way (a real report from another province keeps
its places; its years and numbers change). So size N still has N x len(seeds) reports, with varied layouts,
provinces and lengths. A real report has no catalog entry (the build reads what it can from the text).

    python -m bench.corpus --seeds seeds --out /tmp/corpus-10 --size 10
    python -m bench.corpus --seeds seeds --out /tmp/corpus-10 --size 10 --real none  # the seeds alone
"""
import argparse
import csv
import json
import os
import random
import re

from cn_gov_reports import paths
from cn_gov_reports.paths import ROOT

from cn_gov_reports import catalog  # noqa: E402
from cn_gov_reports.cache import text_hash  # noqa: E402
from cn_gov_reports.chrome import clean  # noqa: E402
from cn_gov_reports.normalize import normalize  # noqa: E402
from cn_gov_reports.read import read_report, report_paths  # noqa: E402
from cn_gov_reports.sections import find_headings  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REGIONS = paths.vocab("regions.csv")
DISTRICTS = os.path.join(HERE, "districts.txt")
REAL_TEXTS = os.path.join(os.path.dirname(ROOT), "shared", "corpus-real", "texts")  # used when present
MIN_PARAGRAPH = 40  # a line this long that is not a heading is a paragraph that can move
YEAR = re.compile(r"(?<!\d)(?:199\d|20[0-3]\d)(?!\d)")
NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


def region_names():
    """Every district and zone name and alias in the vocabulary (not the city's), longest first."""
    names = set()
    with open(REGIONS, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["level"] == "city":
                continue
            names.add(row["name"])
            names.update(a for a in row["aliases"].split("|") if a)
    return sorted(names, key=lambda n: (-len(n), n))


def districts():
    with open(DISTRICTS, encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.startswith("#")]


YEAR_SHIFTS = [d for d in range(-9, 10) if d]
MAX_ATTEMPTS = 100  # draws for a copy of a seed that differs from the copies before it
# a heading label at the start of a line, left alone by the number perturbation: 1. 10、 (3) （3）
LABEL = re.compile(r"^\s*(?:[(（]\d{1,2}[)）]|\d{1,2}[.、．])")


def variants(targets):
    """Every (district, year shift), in a fixed random order: copy k of a seed gets the k-th, so copies
    differ even when a seed has few numbers or paragraphs to change (beyond that, the choice is random)."""
    combos = [(t, d) for t in targets for d in YEAR_SHIFTS]
    random.Random("variants").shuffle(combos)
    return combos


class Variant:
    """The rewriting rules of one copy of one seed."""

    def __init__(self, rng, names, target, year_shift):
        self.rng = rng
        self.region = re.compile("|".join(re.escape(n) for n in names))
        self.target = target
        self.year_shift = year_shift

    def words(self, text):
        """Region names and years rewritten (used on every line and on the catalog title)."""
        text = self.region.sub(self.target, text)
        return YEAR.sub(lambda m: str(int(m.group()) + self.year_shift), text)

    def numbers(self, line):
        """Numbers that are not years scaled by 0.8..1.2, keeping their number of decimals (and labels)."""
        def scale(m):
            s = m.group()
            if YEAR.fullmatch(s) or ("." not in s and len(s) < 2):
                return s
            decimals = len(s.split(".")[1]) if "." in s else 0
            value = float(s) * self.rng.uniform(0.8, 1.2)
            return f"{value:.{decimals}f}" if decimals else str(max(10, round(value)))
        label = LABEL.match(line)
        keep = label.end() if label else 0
        return line[:keep] + NUMBER.sub(scale, line[keep:])

    def text(self, text):
        lines = text.split("\n")
        is_paragraph = [len(line.strip()) >= MIN_PARAGRAPH and not find_headings(normalize(line)) for line in lines]
        for group in _paragraph_groups(lines, is_paragraph):
            moved = [lines[i] for i in group]
            self.rng.shuffle(moved)
            for i, line in zip(group, moved):
                lines[i] = line
        lines = [self.numbers(line) if len(line.strip()) >= MIN_PARAGRAPH else line for line in lines]
        return self.words("\n".join(lines))


def _paragraph_groups(lines, is_paragraph):
    """Index lists of paragraphs that share a section: a run ends at any non-blank line that is not one."""
    groups, current = [], []
    for i, line in enumerate(lines):
        if is_paragraph[i]:
            current.append(i)
        elif line.strip():
            groups.append(current)
            current = []
    groups.append(current)
    return [g for g in groups if len(g) > 1]


def fingerprint(text):
    """What the build compares to find a duplicate report: the normalized text without chrome or whitespace."""
    return text_hash(clean(normalize(text)).text)


def default_real():
    """The folder of real reports the corpus draws on by default: REAL_TEXTS when present, else None."""
    return REAL_TEXTS if os.path.isdir(REAL_TEXTS) else None


def sources(seeds_dir, real_dir=None):
    """(seeds, pool): [(file name, text)] of the seeds, and the seeds followed by the reports of real_dir."""
    seeds = [(os.path.basename(p), read_report(p).text) for p in report_paths(seeds_dir)]
    real = [(os.path.basename(p), read_report(p).text) for p in report_paths(real_dir)] if real_dir else []
    names = [n for n, _ in seeds + real]
    if len(set(names)) != len(names):
        raise ValueError(f"{real_dir}: a real report has the name of a seed")
    return seeds, seeds + real


def generate(seeds_dir, out_dir, size, real_dir=None):
    """Write `size` copies of the seeds (copy 0 = the seeds; later copies drawn from the seeds and the real
    reports of real_dir, if given) and a catalog into out_dir; return the file count."""
    os.makedirs(out_dir, exist_ok=True)
    entries = catalog.load(seeds_dir)
    names, combos = region_names(), variants(districts())
    seeds, pool = sources(seeds_dir, real_dir)
    lines, count = [], 0
    seen = [set() for _ in pool]  # fingerprints of each source's copies so far
    for k in range(size):
        for slot in range(len(seeds)):
            s = slot if k == 0 else ((k - 1) * len(seeds) + slot) % len(pool)
            name, seed_text = pool[s]
            file_name = name if k == 0 else f"k{k:05d}_{name}"
            entry = dict(entries.get(name) or {})
            text = seed_text
            for attempt in range(MAX_ATTEMPTS if k else 0):  # a copy equal to an earlier one is made again
                rng = random.Random(f"{k}/{s}" + (f"/{attempt}" if attempt else ""))
                target, shift = combos[k - 1] if k <= len(combos) and not attempt else rng.choice(combos)
                variant = Variant(rng, names, target, shift)
                text = variant.text(seed_text)
                if fingerprint(text) not in seen[s]:
                    break
            else:
                if k:
                    raise ValueError(f"{name}: no new copy {k} after {MAX_ATTEMPTS} attempts")
            seen[s].add(fingerprint(text))
            if k and entry.get("title"):
                entry["title"] = variant.words(entry["title"])
            with open(os.path.join(out_dir, file_name), "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            if entry:
                entry["file"] = file_name
                lines.append(json.dumps(entry, ensure_ascii=False))
            count += 1
    with open(os.path.join(out_dir, catalog.CATALOG), "w", encoding="utf-8") as fh:
        fh.write("".join(line + "\n" for line in lines))
    return count


def main(argv=None):
    parser = argparse.ArgumentParser(description="Generate a synthetic corpus of SIZE copies of the seeds.")
    parser.add_argument("--seeds", default=os.path.join(ROOT, "seeds"))
    parser.add_argument("--out", required=True)
    parser.add_argument("--size", type=int, required=True, help="copies of the seeds (1 = the seeds themselves)")
    parser.add_argument("--real", default=default_real(),
                        help=f"folder of real reports to draw on, or 'none' (default: {REAL_TEXTS} if present)")
    args = parser.parse_args(argv)
    real = None if args.real in (None, "none") else args.real
    print(f"{generate(args.seeds, args.out, args.size, real)} reports in {args.out}")


if __name__ == "__main__":
    main()
