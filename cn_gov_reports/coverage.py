"""The region x year coverage grid of the home page: per region and year, how many reports, indicator rows
and targets (indicator rows whose status is target) the data holds, each cell a link to those rows.

A row counts in the year its period starts (year_start: a 2021-2025 target in 2021); rows without a year or
a region are left out of the grid (the table still has them).
"""
from urllib.parse import urlencode

from . import fields
from .counts import COVERAGE_COUNTS

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
_GRIDS = {}  # immutable database file -> its grid (it cannot change while served)


def grid(rows, table_url):
    """{"years": [...], "regions": [{"region", "region_code", "cells": [cell or None per year]}]} of the
    SQL's rows; a cell is {reports, indicators, targets, url, targets_url}, the URLs under `table_url` (the
    indicators table page) filtered to the cell."""
    years = sorted({r["year"] for r in rows})
    by_region = {}
    for r in rows:
        region = by_region.setdefault(r["region"], {"region": r["region"], "region_code": r["region_code"] or "",
                                                    "cells": {}})
        filters = {"region": r["region"], "year_start": r["year"]}
        region["cells"][r["year"]] = {
            "reports": r["reports"], "indicators": r["indicators"], "targets": r["targets"],
            "url": f"{table_url}?{urlencode(filters)}",
            "targets_url": f"{table_url}?{urlencode({**filters, 'status': 'target'})}"}
    regions = [dict(region, cells=[region["cells"].get(y) for y in years])
               for region in sorted(by_region.values(), key=lambda g: (g["region_code"], g["region"]))]
    return {"years": years, "regions": regions}


async def context(datasette, database):
    """The template variables of templates/_coverage.html for the database named `database` (an immutable
    database's grid is made once)."""
    db = datasette.get_database(database)
    if not db.is_mutable and db.path in _GRIDS:
        return {"ui_coverage": _GRIDS[db.path]}
    sql = SQL if COVERAGE_COUNTS in await db.table_names() else LIVE_SQL
    rows = [dict(r) for r in (await db.execute(sql)).rows]
    made = grid(rows, datasette.urls.table(database, fields.INDICATORS.name))
    if not db.is_mutable:
        _GRIDS[db.path] = made
    return {"ui_coverage": made}
