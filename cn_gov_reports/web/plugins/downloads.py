"""/-/download/<database>/<table>.csv|json|zip?<filters>: the rows of a filtered table view, named after the
table, its filters and the dataset version (cn_gov_reports/downloads.py); ?_bom=1 on the CSV for Excel.

The rows are Datasette's own: its CSV of the same view (filters, search, sort, streamed past the page size),
fetched through datasette.client. Table pages link here (templates/_downloads.html, ui_download).
"""
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response

from cn_gov_reports import downloads, fields, package_info, served

MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8", "zip": "application/zip"}


def _pairs(request):
    return parse_qsl(request.query_string, keep_blank_values=True)


def download_urls(datasette, database, table, pairs):
    """{csv, excel, json, zip}: the download URLs of the view of `table` with query arguments `pairs`."""
    query = urlencode(downloads.view_args(pairs))
    base = datasette.urls.path(f"/-/download/{database}/{table}")

    def with_query(fmt, extra=""):
        args = "&".join(p for p in (query, extra) if p)
        return f"{base}.{fmt}" + (f"?{args}" if args else "")

    return {"csv": with_query("csv"), "excel": with_query("csv", "_bom=1"), "json": with_query("json"),
            "zip": with_query("zip")}


async def _view_rows(datasette, database, table, pairs):
    """(rows, None) of the view, or (None, Response) with Datasette's error."""
    view = downloads.view_args(pairs)
    response = await datasette.client.get(f"/{database}/{table.name}.csv?" + urlencode(
        view + [("_stream", "on"), ("_size", "max"), ("_labels", "off")]))
    if response.status_code != 200:
        # Datasette's CSV answers a bad view (an unknown sort column, bad SQL) with an HTML page and a 500; its
        # JSON of the same view says what is wrong: the request's fault, so a 400 with that one line
        found = await datasette.client.get(f"/{database}/{table.name}.json?" + urlencode(view + [("_size", "1")]))
        try:
            error = found.json().get("error") if found.status_code != 200 else None
        except ValueError:  # not JSON either
            error = None
        status = 400 if error else response.status_code
        return None, Response.text(f"{table.name}: this view cannot be downloaded: {error or response.status_code}\n",
                                   status=status)
    try:
        return downloads.read_rows(table, response.content), None
    except ValueError as e:
        return None, Response.text(f"{e}\n", status=400)


async def download(datasette, request):
    database, name, fmt = (request.url_vars[k] for k in ("database", "table", "format"))
    table = fields.BY_NAME.get(name)
    if table is None or database not in datasette.databases or fmt not in downloads.FORMATS:
        return Response.text(f"no table {database}/{name} to download as {fmt}\n", status=404)
    db = datasette.get_database(database)
    meta = await db.execute_fn(package_info.read)
    if not meta:
        return Response.text(f"{database}: not a database of this dataset\n", status=404)
    pairs = _pairs(request)
    rows, error = await _view_rows(datasette, database, table, pairs)
    if error:
        return error
    excel = fmt == "csv" and request.args.get("_bom") in ("1", "on")
    view_url = served.absolute(datasette, request, datasette.urls.table(database, table.name)) + (
        "?" + urlencode(downloads.view_args(pairs)) if downloads.view_args(pairs) else "")
    if fmt == "csv":
        body = downloads.csv_download(table, rows)  # ?_bom=1: plugins/ui_csv_bom.py adds the byte order mark
    elif fmt == "json":
        body = downloads.json_bytes(table, rows)
    else:
        cite = served.cite_dataset(datasette, request, database)
        body = downloads.zip_bytes(table, rows, pairs, meta, cite, view_url)
    name = downloads.file_name(table.name, pairs, meta["version"], fmt, excel)
    return Response(body, content_type=MEDIA[fmt],
                    headers={"content-disposition": downloads.content_disposition(name)})


@hookimpl
def register_routes():
    return [(r"^/-/download/(?P<database>[^/]+)/(?P<table>[^/.]+)\.(?P<format>csv|json|zip)$", download)]


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    if view_name != "table" or table not in fields.BY_NAME or request is None:
        return None

    async def inner():
        db = datasette.get_database(database)
        meta = await db.execute_fn(package_info.read)
        if not meta or not set(fields.BY_NAME[table].columns) <= set(await db.table_columns(table)):
            return {}  # not this release's table (an old release served beside it): Datasette's own downloads
        version = meta["version"]
        pairs = _pairs(request)
        return {"ui_download": {**download_urls(datasette, database, table, pairs),
                                "csv_name": downloads.file_name(table, pairs, version, "csv")}}

    return inner
