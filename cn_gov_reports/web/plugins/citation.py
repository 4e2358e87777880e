"""Every page: the dataset version and how to cite it (APA, GB/T 7714-2015, BibTeX, with copy buttons).
Every row page: how to cite that row in that version; indicator and project rows also show their
sentence highlighted in its section. /-/cite.json gives the same citations to programs.

The version comes from the database's own package_info table, checked against releases.json (served.py),
so an old release served beside the latest cites itself, and a build whose data no release holds is cited
as X.Y.Z+unreleased at its unversioned URL. URLs use --public-url when the server was given one.
Templates: _cite.html (footer, via _footer.html), _cite_styles.html (the three styles), _cite_row.html.
"""
from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response

from cn_gov_reports import citation, fields, served
from cn_gov_reports.package import DATABASE_NAME

ROW_TABLES = {t.name for t in fields.MENTIONS}


def _pick_database(datasette, name):
    """The database a page is about; pages outside any database cite the latest build."""
    databases = [n for n in datasette.databases if n != "_internal"]
    for candidate in (name, DATABASE_NAME, *databases):
        if candidate in databases:
            return candidate
    return None


def dataset_citation(name, datasette, request, accessed=None):
    cite = served.cite_dataset(datasette, request, name, accessed)
    return {**cite, "releases_url": datasette.urls.path("/-/releases")}


def _fetch_row(conn, table, row_id):
    """The row as a dict (None if absent). Runs on Datasette's shared connection: it must not change the
    connection's row_factory."""
    cursor = conn.execute(f"select * from [{table}] where id = ?", [row_id])
    values = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], values)) if values else None


def _row_context(conn, table, row_id):
    """The row, its document's title and its section's text and end offset (None if the row is missing)."""
    row = _fetch_row(conn, table, row_id)
    if row is None:
        return None
    title = conn.execute(f"select title from [{fields.DOCUMENTS.name}] where id = ?", [row.get("document_id")]).fetchone()
    section = conn.execute(f"select text, char_end from [{fields.SECTIONS.name}] where id = ?",
                           [row.get("section_id")]).fetchone() if table in ROW_TABLES else None
    return row, (title[0] if title else ""), section


def row_citation(context, table, meta, datasette, request, accessed=None):
    row, title, section = context
    url = served.absolute(datasette, request, f"{meta['base']}/{table}/{tilde_encode(str(row['id']))}")
    sentence = row.get("sentence") or ""
    parts = ("", "", "")
    if section:
        parts = citation.sentence_in_section(section[0] or "", section[1], sentence, row.get("sentence_start"))
    cite = citation.cite_row(meta, table, row["id"], url, accessed, served.release_date(meta))
    return {**cite, "permalink": url, "document": title, "sentence": sentence,
            "text": citation.row_citation(table, row["id"], title, sentence, url, meta),
            "before": parts[0], "highlight": parts[1], "after": parts[2]}


def _has_id(conn, table):
    return any(c[1] == "id" for c in conn.execute(f"pragma table_info([{table}])"))


async def _row(datasette, name, table, row_id):
    db = datasette.databases[name]
    return await db.execute_fn(
        lambda conn: _row_context(conn, table, row_id) if _has_id(conn, table) else None)


@hookimpl
def extra_template_vars(database, table, view_name, request, datasette):
    if request is None:
        return None

    async def inner():
        name = _pick_database(datasette, database)
        meta = served.database_meta(datasette, name) if name else None
        if not meta:
            return {}
        out = {"dataset_citation": dataset_citation(name, datasette, request)}
        pks = request.url_vars.get("pks")
        if view_name == "row" and table and pks and table in await datasette.databases[name].table_names():
            context = await _row(datasette, name, table, pks)
            if context:
                out["row_citation"] = row_citation(context, table, meta, datasette, request)
        return out

    return inner


async def cite_json(datasette, request):
    """/-/cite.json?database=reports_X_Y_Z&table=T&id=ID&accessed=YYYY-MM-DD: the dataset's citation and,
    with table and id, the row's; 404 for an unknown database, table or row."""
    args = request.args
    name = args.get("database") or _pick_database(datasette, None)
    meta = served.database_meta(datasette, name) if name in datasette.databases else None
    if not meta:
        return Response.json({"error": f"no database {name!r} with a version on this server"}, status=404)
    accessed = args.get("accessed")
    if accessed and not _is_date(accessed):
        return Response.json({"error": f"accessed={accessed!r} is not a date YYYY-MM-DD"}, status=400)
    out = {"database": name, "dataset": served.cite_dataset(datasette, request, name, accessed)}
    table, row_id = args.get("table"), args.get("id")
    if table or row_id:
        tables = await datasette.databases[name].table_names()
        context = await _row(datasette, name, table, row_id) if table in tables and row_id else None
        if not context:
            return Response.json({"error": f"no row {row_id!r} in table {table!r} of {name}"}, status=404)
        row = row_citation(context, table, meta, datasette, request, accessed)
        out["row"] = {k: row[k] for k in ("table", "id", "version", "released", "accessed", "url", "document",
                                          "apa", "gbt7714", "bibtex")}
    return Response.json(out)


def _is_date(text):
    import datetime

    try:
        datetime.date.fromisoformat(text)
        return len(text) == 10
    except ValueError:
        return False


@hookimpl
def register_routes():
    return [(r"^/-/cite\.json$", cite_json)]
