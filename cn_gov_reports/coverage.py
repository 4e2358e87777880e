"""The region x year coverage grid of the home page: per region and year, how many reports, indicator rows
and targets (indicator rows whose status is target) the data holds, each cell a link to those rows.

A row counts in the year its period starts (year_start: a 2021-2025 target in 2021); rows without a year or
a region are left out of the grid (the table still has them).

A grid of more than REGIONS_LISTED regions (a national collection has thousands) has a row per province instead:
the regions whose GB/T 2260 code begins with the province's two digits (local zone codes such as 420100-Z01
too), added up, each cell a link to those rows (region_code__startswith=42), the province's name a link to
its own grid of regions (?province=42 on the home page). A region in no province (全国, a zone without a code)
keeps a row of its own.
"""
from urllib.parse import urlencode

from . import fields, regions
from .counts import COVERAGE_COUNTS

REGIONS_LISTED = 40  # at most this many region rows; more are grouped by province
COUNTED = ("reports", "indicators", "targets")

# the grid's rows from the counts the build wrote per document (counts.py): a few rows per report
SQL = f"""select region, min(region_code) as region_code, year, count(distinct document_id) as reports,
  sum(indicators) as indicators, sum(targets) as targets
from [{COVERAGE_COUNTS}]
group by region, year
order by region, year"""
# the same rows from the indicators themselves, for a database without those counts (an old release)
LIVE_SQL = f"""select region, min(region_code) as region_code, year_start as year,
  count(distinct document_id) as reports, count(*) as indicators,
  sum(case when status = 'target' then 1 else 0 end) as targets
from [{fields.INDICATORS.name}]
where year_start is not null and coalesce(region, '') != ''
group by region, year_start
order by region, year_start"""
_GRIDS = {}  # (immutable database file, province) -> its grid (it cannot change while served)


def grid(rows, table_url, province=None, listed=None):
    """{"years": [...], "regions": [{"region", "region_code", "cells": [cell or None per year]}], "by_province",
    "province"} of the SQL's rows; a cell is {reports, indicators, targets, url, targets_url}, the URLs under
    `table_url` (the indicators table page) filtered to the cell. `province` (two digits): only that province's
    regions. Over `listed` (REGIONS_LISTED) regions, a row per province ("province": its two digits; see the
    module's docstring)."""
    listed = REGIONS_LISTED if listed is None else listed
    if province:
        rows = [r for r in rows if _province_of(r["region_code"]) == province]
    years = sorted({r["year"] for r in rows})
    by_province = not province and len({r["region"] for r in rows}) > listed
    groups = {}
    for r in rows:
        code = _province_of(r["region_code"]) if by_province else None
        key = ("p", code) if code else ("r", r["region"])
        group = groups.setdefault(key, {
            "region": _province_name(code) if code else r["region"],
            "region_code": code + "0000" if code else r["region_code"] or "", "province": code, "cells": {}})
        filters = {"region_code__startswith": code} if code else {"region": r["region"]}
        filters["year_start"] = r["year"]
        cell = group["cells"].setdefault(r["year"], {
            **{n: 0 for n in COUNTED}, "url": f"{table_url}?{urlencode(filters)}",
            "targets_url": f"{table_url}?{urlencode({**filters, 'status': 'target'})}"})
        for n in COUNTED:  # a document has one region, so its reports add up across regions too
            cell[n] += r[n]
    listed_groups = [dict(g, cells=[g["cells"].get(y) for y in years])
                     for g in sorted(groups.values(), key=lambda g: (g["region_code"], g["region"]))]
    return {"years": years, "regions": listed_groups, "by_province": by_province,
            "province": province and _province_name(province)}


def _province_of(code):
    """The two digits of the province a GB/T 2260 code (or a local zone code, 420100-Z01) lies in, else None
    (全国's 100000, no code)."""
    code = (code or "")[:2]
    return code if code + "0000" in regions.places()[0] and code + "0000" != regions.NATIONAL[1] else None


def _province_name(code):
    """湖北省 for 42."""
    return regions.places()[0][code + "0000"].name


def province_arg(value):
    """The ?province= of the home page if it names a province (two digits of one), else None."""
    value = (value or "").strip()
    return value if len(value) == 2 and _province_of(value) == value else None


async def context(datasette, database, province=None):
    """The template variables of templates/_coverage.html for the database named `database`, of one province's
    regions if `province` (two digits) is given (an immutable database's grids are made once)."""
    db = datasette.get_database(database)
    key = (db.path, province)
    if not db.is_mutable and key in _GRIDS:
        return {"ui_coverage": _GRIDS[key]}
    sql = SQL if COVERAGE_COUNTS in await db.table_names() else LIVE_SQL
    rows = [dict(r) for r in (await db.execute(sql)).rows]
    made = grid(rows, datasette.urls.table(database, fields.INDICATORS.name), province)
    if not db.is_mutable:
        _GRIDS[key] = made
    return {"ui_coverage": made}
