"""Every page: the dataset version and how to cite it (APA, BibTeX). Indicator and project row pages:
"cite this row" (version, permalink, document, sentence) and the sentence highlighted in its section.

The version comes from the database's own package_info table, so an old release served beside the
latest cites itself. Templates: _cite.html (footer, via _footer.html) and _cite_row.html (via row.html).
"""
from datasette import hookimpl

from cn_gov_reports import citation, fields, package_info
from cn_gov_reports.package import DATABASE_NAME

ROW_TABLES = {t.name for t in fields.MENTIONS}


def _pick_database(datasette, name):
    """The database a page is about; pages outside any database cite the latest build."""
    databases = {n: db for n, db in datasette.databases.items() if n != "_internal"}
    return databases.get(name) or databases.get(DATABASE_NAME) or next(iter(databases.values()), None)


def dataset_citation(meta, datasette, request):
    permalink = datasette.absolute_url(request, f"/{meta['database_name']}")
    return {"version": meta["version"], "released": citation.released(meta), "permalink": permalink,
            "apa": citation.apa(meta, permalink), "bibtex": citation.bibtex(meta, permalink),
            "releases_url": datasette.urls.path("/-/releases")}


def _row_context(conn, table, row_id):
    """The row, its document's title and its section's text and end offset (None if any is missing).

    Runs on Datasette's shared connection: it must not change the connection's row_factory."""
    cursor = conn.execute(f"select * from [{table}] where id = ?", [row_id])
    values = cursor.fetchone()
    if values is None:
        return None
    row = dict(zip([c[0] for c in cursor.description], values))
    title = conn.execute(f"select title from [{fields.DOCUMENTS.name}] where id = ?", [row.get("document_id")]).fetchone()
    section = conn.execute(f"select text, char_end from [{fields.SECTIONS.name}] where id = ?",
                           [row.get("section_id")]).fetchone()
    return row, (title[0] if title else ""), section


def row_citation(context, table, meta, datasette, request):
    row, title, section = context
    permalink = datasette.absolute_url(request, f"/{meta['database_name']}/{table}/{row['id']}")
    sentence = row.get("sentence") or ""
    parts = ("", "", "")
    if section:
        parts = citation.sentence_in_section(section[0] or "", section[1], sentence, row.get("sentence_start"))
    return {"table": table, "id": row["id"], "version": meta["version"], "permalink": permalink,
            "document": title, "sentence": sentence,
            "text": citation.row_citation(table, row["id"], title, sentence, permalink, meta),
            "before": parts[0], "highlight": parts[1], "after": parts[2]}


@hookimpl
def extra_template_vars(database, table, view_name, request, datasette):
    if request is None:
        return None

    async def inner():
        db = _pick_database(datasette, database)
        meta = await db.execute_fn(package_info.read) if db else None
        if not meta:
            return {}
        out = {"dataset_citation": dataset_citation(meta, datasette, request)}
        pks = request.url_vars.get("pks")
        if view_name == "row" and table in ROW_TABLES and pks:
            context = await db.execute_fn(lambda conn: _row_context(conn, table, pks))
            if context:
                out["row_citation"] = row_citation(context, table, meta, datasette, request)
        return out

    return inner
