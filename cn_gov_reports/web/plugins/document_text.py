"""/<database>/documents/<id>/text: the document's whole normalized text (table texts), every extracted number
and project marked and linked to its row (cn_gov_reports/fulltext.py, templates/document_text.html).
?focus=<row id> marks that row's words; row pages link to text?focus=<id>#<id>. In the HTML tables, a texts row's
text shows its beginning and a link to that page (CSV and JSON keep the whole text)."""
from markupsafe import Markup, escape

from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.utils.asgi import Response

from cn_gov_reports import fields, fulltext, ui


async def _rows(db, sql, params):
    return [dict(r) for r in (await db.execute(sql, params)).rows]


def _display(segment, focus, row_url):
    """What the template needs of a segment: its text, anchors, and (when it is inside mentions) the link to
    the innermost mention's row, the titles of all, and whether the focused row covers it."""
    out = {"text": segment.text, "start": segment.start, "anchors": segment.anchors}
    if segment.mentions:
        inner = segment.mentions[-1]
        out.update(url=row_url(inner), table=inner.table, row_id=inner.id,
                   title=" | ".join(m.title for m in segment.mentions),
                   focus=any(m.id == focus for m in segment.mentions),
                   nested=len(segment.mentions) > 1)
    return out


async def text_page(datasette, request):
    database = request.url_vars["database"]
    document_id = tilde_decode(request.url_vars["document_id"])
    if database not in datasette.databases:
        return Response.text(f"no database {database}\n", status=404)
    db = datasette.get_database(database)
    if not await db.table_exists(fields.TEXTS.name):
        return Response.text(f"{database}: this release has no full texts (table {fields.TEXTS.name})\n", status=404)
    found = await _rows(db, "select d.*, t.text as full_text from documents d join texts t on t.document_id = d.id "
                            "where d.id = :d", {"d": document_id})
    if not found:
        return Response.text(f"no document {document_id}\n", status=404)
    document = found[0]
    indicators = await _rows(db, "select id, char_start, char_end, subject, value, unit, status from indicators "
                                 "where document_id = :d", {"d": document_id})
    projects = await _rows(db, "select id, char_start, char_end, name, stage, status from projects "
                               "where document_id = :d", {"d": document_id})
    sections = await _rows(db, "select id, char_start from sections where document_id = :d and level > 0",
                           {"d": document_id})
    mentions = ([fulltext.indicator_mention(r, ui.format_number) for r in indicators]
                + [fulltext.project_mention(r) for r in projects])
    focus = request.args.get("focus", "")
    segments = fulltext.segments(document["full_text"], mentions, [(s["char_start"], s["id"]) for s in sections])
    context = {
        "ui_document": {k: v for k, v in document.items() if k != "full_text"},
        "ui_database": database,
        "ui_segments": [_display(s, focus, lambda m: datasette.urls.row(database, m.table, m.id)) for s in segments],
        "ui_counts": {"indicators": len(indicators), "projects": len(projects), "characters": len(document["full_text"])},
        "ui_focus": focus,
    }
    return Response.html(await datasette.render_template("document_text.html", context, request=request))


@hookimpl
def register_routes():
    return [(r"^/(?P<database>[^/]+)/documents/(?P<document_id>[^/.]+)/text$", text_page)]


PREVIEW_CHARS = 80


@hookimpl
def render_cell(value, column, table, database, datasette, row):
    if table != fields.TEXTS.name or column != "text" or not isinstance(value, str):
        return None
    url = datasette.urls.path(f"/{database}/documents/{row['document_id']}/text")
    more = "…" if len(value) > PREVIEW_CHARS else ""
    return Markup(f'{escape(value[:PREVIEW_CHARS])}{more} <a class="ui-read-text" href="{escape(url)}">'
                  f'全文 <span class="ui-en">whole text ({len(value):,} 字)</span></a>')
