"""/-/releases (and .json): every release in releases.json, newest first, with its date, commit, data diff
summary and where this server holds it; and the databases served here with their versions (the latest
build labelled X.Y.Z+unreleased when its data are no release's).

A versioned URL /reports_X_Y_Z/... of a release this server does not hold answers 404 naming the missing
release, never newer data. Only when the latest build's data are byte for byte the recorded release
X.Y.Z (same SHA-256 of every CSV file) does /reports_X_Y_Z/... answer with a redirect to /reports/...
"""
import re

from datasette import hookimpl
from datasette.utils.asgi import Response

from cn_gov_reports import record, served, versioning
from cn_gov_reports.package import DATABASE_NAME

VERSIONED = re.compile(rf"^{DATABASE_NAME}_(\d+)_(\d+)_(\d+)$")


def releases(datasette):
    """[{version, released, commit, diff, archive, database, url}] of every recorded or served release,
    newest first; database and url are empty for a release this server does not hold."""
    held = {}  # version -> the database holding it, a versioned one before the latest build
    for name, meta in served.served_databases(datasette).items():
        if meta["released"] and held.get(meta["version"], DATABASE_NAME) == DATABASE_NAME:
            held[meta["version"]] = name
    out = {}
    for entry in served.entries(datasette):
        out[entry["version"]] = {"version": entry["version"], "released": entry["date"],
                                 "commit": entry["commit"], "diff": record.diff_text(entry),
                                 "archive": (entry.get("archive") or {}).get("name", "")}
    for name, meta in served.served_databases(datasette).items():
        if meta["released"] and meta["version"] not in out:
            out[meta["version"]] = {"version": meta["version"], "released": served.release_date(meta), "commit": "",
                                    "diff": "", "archive": ""}
    for version, row in out.items():
        name = held.get(version, "")
        row.update(database=name, url=datasette.urls.database(name) if name else "")
    return sorted(out.values(), key=lambda r: versioning.parse(r["version"]), reverse=True)


def databases(datasette):
    """[{database, version, released, url}] of the databases served here, the latest build first."""
    rows = [{"database": name, "version": meta["label"], "released": served.release_date(meta),
             "url": datasette.urls.database(name)} for name, meta in served.served_databases(datasette).items()]
    return sorted(rows, key=lambda r: r["database"] != DATABASE_NAME)


async def releases_page(datasette, request):
    context = {"releases": releases(datasette), "databases": databases(datasette)}
    if request.url_vars.get("format") == "json":
        return Response.json(context)
    return Response.html(await datasette.render_template("releases.html", context, request=request))


def _redirect_target(datasette):
    """reports_X_Y_Z when the latest build is exactly recorded release X.Y.Z and no database of that name is
    served, else None."""
    meta = served.database_meta(datasette, DATABASE_NAME) if DATABASE_NAME in datasette.databases else None
    if meta and meta["released"] and meta["database_name"] not in datasette.databases:
        return meta["database_name"]
    return None


def missing_release(datasette):
    async def view(request):
        version = ".".join(request.url_vars[k] for k in ("major", "minor", "patch"))
        entry = record.find(served.entries(datasette), version)
        message = (f"Release {version} is not held by this server"
                   + (f" (recorded: released {entry['date']}, commit {entry['commit'][:12]})" if entry
                      else " (no such release in its record)")
                   + ". It is never replaced by other data: see /-/releases for the versions held here.")
        if (request.url_vars.get("rest") or "").split("?")[0].endswith(".json"):
            return Response.json({"ok": False, "error": message, "missing_release": version, "status": 404},
                                 status=404)
        html = await datasette.render_template(
            "releases.html", {"releases": releases(datasette), "databases": databases(datasette),
                              "missing": {"version": version, "message": message}}, request=request)
        return Response.html(html, status=404)

    return view


@hookimpl
def register_routes(datasette):
    routes = [(r"^/-/releases(\.(?P<format>json))?$", releases_page)]
    target = _redirect_target(datasette)
    if target:
        async def redirect(request):
            rest = request.url_vars.get("rest") or ""
            query = f"?{request.query_string}" if request.query_string else ""
            return Response.redirect(datasette.urls.path(f"/{DATABASE_NAME}{rest}") + query)

        routes.append((rf"^/{target}(?P<rest>[/.].*)?$", redirect))
    held = [n for n in datasette.databases if VERSIONED.match(n)] + ([target] if target else [])
    not_held = "".join(rf"(?!{re.escape(n)}(?:[/.]|$))" for n in held)
    routes.append((rf"^/{not_held}{DATABASE_NAME}_(?P<major>\d+)_(?P<minor>\d+)_(?P<patch>\d+)(?P<rest>[/.].*)?$",
                   missing_release(datasette)))
    return routes
