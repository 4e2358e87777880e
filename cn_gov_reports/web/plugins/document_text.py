"""/<database>/documents/<id>/text: the document's whole normalized text (table texts), every extracted number
and project marked and linked to its row (cn_gov_reports/fulltext.py, templates/document_text.html).

?focus=<row id> marks that row's words; row pages link to text?focus=<id>#<id>. A long document is shown
PARTS_PER_PAGE parts of table texts at a time (?part=N: from part N; with focus, the parts around the row).
In the HTML tables, a texts cell shows its beginning and a link to this page (CSV and JSON keep it whole;
fulltext.preview_cell, rendered by plugins/ui_labels.py)."""

from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.utils.asgi import Response

from cn_gov_reports import fields, fulltext, ui

PARTS_PER_PAGE = 10  # 200,000 characters: every bundled report fits on one page


async def _rows(db, sql, params):
    return [dict(r) for r in (await db.execute(sql, params)).rows]


def _display(segment, offset, focus, row_url):
    """What the template needs of a segment: its text, document offset, anchors, and (when it is inside
    mentions) the link to the innermost mention's row, the titles of all, and whether the focused row covers it."""
    out = {"text": segment.text, "start": segment.start + offset, "anchors": segment.anchors}
    if segment.mentions:
        inner = segment.mentions[-1]
        out.update(url=row_url(inner), table=inner.table, row_id=inner.id,
                   title=" | ".join(m.title for m in segment.mentions),
                   focus=any(m.id == focus for m in segment.mentions),
                   nested=len(segment.mentions) > 1)
    return out


def _within(mention, start, end):
    """The mention moved to offsets in the window [start, end) of the text, clipped to it; None if outside."""
    if mention.end <= start or mention.start >= end:
        return None
    return fulltext.Mention(mention.table, mention.id, max(mention.start, start) - start,
                            min(mention.end, end) - start, mention.title)


async def _first_part(db, document_id, request):
    """The first part the page shows: ?part=N, else the one holding the focused row's words, else 0."""
    if request.args.get("part", "").isdigit():
        return int(request.args["part"])
    focus = request.args.get("focus", "")
    if focus:
        found = await _rows(db, "select t.part from texts t join (select document_id, char_start from indicators "
                                "where id = :f union all select document_id, char_start from projects where id = :f) "
                                "r on r.document_id = t.document_id and r.char_start >= t.char_start "
                                "and r.char_start < t.char_end where t.document_id = :d", {"f": focus, "d": document_id})
        if found:
            return max(0, found[0]["part"] - PARTS_PER_PAGE // 2)
    return 0


async def text_page(datasette, request):
    database = request.url_vars["database"]
    document_id = tilde_decode(request.url_vars["document_id"])
    if database not in datasette.databases:
        return Response.text(f"no database {database}\n", status=404)
    db = datasette.get_database(database)
    if not await db.table_exists(fields.TEXTS.name):
        return Response.text(f"{database}: this release has no full texts (table {fields.TEXTS.name})\n", status=404)
    found = await _rows(db, "select * from documents where id = :d", {"d": document_id})
    if not found:
        return Response.text(f"no document {document_id}\n", status=404)
    first = await _first_part(db, document_id, request)
    parts = await _rows(db, "select part, char_start, char_end, text from texts where document_id = :d "
                            "and part >= :p order by part limit :n", {"d": document_id, "p": first, "n": PARTS_PER_PAGE})
    total = (await db.execute("select count(*) from texts where document_id = :d", {"d": document_id})).first()[0]
    start, end = (parts[0]["char_start"], parts[-1]["char_end"]) if parts else (0, 0)
    text = "".join(p["text"] or "" for p in parts)
    window = {"d": document_id, "s": start, "e": end}
    indicators = await _rows(db, "select id, char_start, char_end, subject, value, unit, status from indicators "
                                 "where document_id = :d and char_end > :s and char_start < :e", window)
    projects = await _rows(db, "select id, char_start, char_end, name, stage, status from projects "
                               "where document_id = :d and char_end > :s and char_start < :e", window)
    sections = await _rows(db, "select id, char_start from sections where document_id = :d and level > 0 "
                               "and char_start >= :s and char_start < :e", window)
    mentions = [m for m in (_within(m, start, end) for m in
                            [fulltext.indicator_mention(r, ui.format_number) for r in indicators]
                            + [fulltext.project_mention(r) for r in projects]) if m]
    focus = request.args.get("focus", "")
    segments = fulltext.segments(text, mentions, [(s["char_start"] - start, s["id"]) for s in sections])
    base = datasette.urls.path(f"/{database}/documents/{document_id}/text")
    context = {
        "ui_document": found[0],
        "ui_database": database,
        "ui_segments": [_display(s, start, focus, lambda m: datasette.urls.row(database, m.table, m.id))
                        for s in segments],
        "ui_counts": {"indicators": len(indicators), "projects": len(projects), "characters": found[0]["characters"]},
        "ui_focus": focus,
        "ui_pages": {"first": first, "last": first + len(parts) - 1, "total": total, "start": start, "end": end,
                     "previous": f"{base}?part={max(0, first - PARTS_PER_PAGE)}" if first > 0 else "",
                     "next": f"{base}?part={first + len(parts)}" if first + len(parts) < total else ""},
    }
    return Response.html(await datasette.render_template("document_text.html", context, request=request))


@hookimpl
def register_routes():
    return [(r"^/(?P<database>[^/]+)/documents/(?P<document_id>[^/.]+)/text$", text_page)]
