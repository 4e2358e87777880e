"""The region x year coverage grid of the home page: per region and year, how many reports, indicator rows
and targets (indicator rows whose status is target) the data holds, each cell a link to those rows.

A row counts in the year its period starts (year_start: a 2021-2025 target in 2021); rows without a year or
a region are left out of the grid (the table still has them).
"""
from urllib.parse import urlencode

from . import fields

SQL = f"""select region, min(region_code) as region_code, year_start as year,
  count(distinct document_id) as reports, count(*) as indicators,
  sum(case when status = 'target' then 1 else 0 end) as targets
from [{fields.INDICATORS.name}]
where year_start is not null and coalesce(region, '') != ''
group by region, year_start
order by region, year_start"""


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
    """The template variables of templates/_coverage.html for the database named `database`."""
    db = datasette.get_database(database)
    rows = [dict(r) for r in (await db.execute(SQL)).rows]
    return {"ui_coverage": grid(rows, datasette.urls.table(database, fields.INDICATORS.name))}
