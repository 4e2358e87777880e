"""/-/releases (and .json): every version served here, newest first, with its database and release date.

Also makes a release permalink /reports_X_Y_Z/... work where that release is not served as its own
database but the latest build holds version X.Y.Z: it redirects to the same path under /reports/.
"""
import sqlite3

from datasette import hookimpl
from datasette.utils.asgi import Response

from cn_gov_reports import package_info, versioning
from cn_gov_reports.package import DATABASE_NAME


async def releases(datasette):
    """[{version, released, database, url, latest}] of every served database that records a version."""
    out = []
    for name, db in datasette.databases.items():
        meta = await db.execute_fn(package_info.read) if name != "_internal" else None
        if meta:
            out.append({"version": meta["version"], "released": meta["created"][:10], "database": name,
                        "url": datasette.urls.database(name), "latest": name == DATABASE_NAME})
    return sorted(out, key=lambda r: (versioning.parse(r["version"]), r["latest"]), reverse=True)


async def releases_page(datasette, request):
    rows = await releases(datasette)
    if request.url_vars.get("format") == "json":
        return Response.json(rows)
    return Response.html(await datasette.render_template("releases.html", {"releases": rows}, request=request))


def _main_database_name(datasette):
    """reports_X_Y_Z for the version the latest build holds, or None."""
    db = datasette.databases.get(DATABASE_NAME)
    if db is None or not db.path:
        return None
    conn = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    try:
        meta = package_info.read(conn)
    finally:
        conn.close()
    return meta["database_name"] if meta else None


@hookimpl
def register_routes(datasette):
    routes = [(r"^/-/releases(\.(?P<format>json))?$", releases_page)]
    versioned = _main_database_name(datasette)
    if versioned and versioned not in datasette.databases:
        async def redirect(request):
            rest = request.url_vars.get("rest") or ""
            query = f"?{request.query_string}" if request.query_string else ""
            return Response.redirect(datasette.urls.path(f"/{DATABASE_NAME}{rest}") + query)

        routes.append((rf"^/{versioned}(?P<rest>/.*)?$", redirect))
    return routes
