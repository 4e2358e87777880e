"""/robots.txt: crawlers may index the pages that describe the data, not the ones that compute on it.

Allowed: the home page, database and table pages, row pages. Disallowed: any URL with a query string
(facets, filters, sorting, paging, full-text search, arbitrary SQL and canned queries with parameters),
the .json and .csv renderings, the database download, and the /-/ introspection pages. Every one of
these can be generated in unbounded variety, and each costs a query. The data itself is better fetched
whole: datapackage.json and data/*.csv in the repository, or the .db download. Policy: docs/robustness.md.
"""
from datasette import hookimpl
from datasette.utils.asgi import Response

from cn_gov_reports.package import DATABASE_NAME

ROBOTS_TXT = f"""\
# Wuhan government reports dataset: crawl the pages that describe the data, not the queries over it.
# Bulk data: download the whole database (/{DATABASE_NAME}.db) or the CSV files from the repository instead.
User-agent: *
Allow: /$
Disallow: /*?
Disallow: /*.json
Disallow: /*.csv
Disallow: /*.db
Disallow: /-/
Allow: /
Crawl-delay: 10
"""


async def robots_txt():
    return Response.text(ROBOTS_TXT)


@hookimpl
def register_routes():
    return [(r"^/robots\.txt$", robots_txt)]
