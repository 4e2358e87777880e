"""/-/search?q=...: one search box over every searchable table, results ranked (and /-/search.json).

The page groups the hits by report (region, year, title), best report first, and shows each distinct line once:
rows of one report whose snippets read the same (several numbers of one sentence) share a line, each row a
link with its value."""
from collections import OrderedDict
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response

from cn_gov_reports import fields, search, served, ui
from cn_gov_reports.package import DATABASE_NAME

PAGE_SIZE = 50


async def run_search(datasette, query, limit=PAGE_SIZE):
    """{"tables": [{"name", "count", "more_than", "url"}], "rows": [hit, ...], "groups": [report, ...]} for the
    query, best first. A table with more matching rows than the search cap (served.search_cap) has count None
    and more_than the cap, and only its first matches up to the cap in rowid order (document order in a full
    build) are ranked, so the work is bounded."""
    db = datasette.get_database(DATABASE_NAME)
    cap = served.search_cap(datasette)
    params = search.search_params(query, limit)
    tables, hits = [], []
    for table in search.searchable_tables():
        count = (await db.execute(search.count_sql(table), {"chars": params["chars"], "cap": cap})).first()[0]
        more = count > cap
        tables.append({"name": table.name, "title": table.title, "title_zh": table.title_zh,
                       "count": None if more else count, "more_than": cap if more else None,
                       "url": datasette.urls.table(DATABASE_NAME, table.name) + "?" + urlencode({"_search": query})})
        if more:
            last = (await db.execute(search.nth_match_sql(table), {"chars": params["chars"], "cap": cap})).first()[0]
            rows = (await db.execute(search.ranked_sql(table, bounded=True), {**params, "last_rowid": last})).rows
        else:
            rows = (await db.execute(search.ranked_sql(table), params)).rows if count else []
        hits += [_hit(datasette, table, query, row) for row in rows]
    hits.sort(key=search.rank_key)
    hits = hits[:limit]
    await _add_values(db, hits)
    documents = await _documents(db, {h["document_id"] for h in hits})
    return {"query": query, "match": params["chars"], "tables": tables, "rows": hits,
            "groups": group_hits(hits, documents)}


def _hit(datasette, table, query, row):
    label, *body = [row[c] for c in table.fts]
    text = " ".join(v for v in body if v)
    return {"table": table.name, "id": row["pk_"], "label": label, "document_id": row["document_"],
            "url": datasette.urls.row(DATABASE_NAME, table.name, row["pk_"]),
            "snippet": search.snippet(query, text) or search.snippet(query, label) or ("", "", text[:80]),
            "exact": row["exact_"], "verbatim": row["verbatim_"], "whole_words": row["whole_words_"],
            "score": row["score_"]}


async def _add_values(db, hits):
    """Each indicator hit's value as written with its status and period ('788亿元', '目标 target', '2019'), and
    each project's stage."""
    ids = [h["id"] for h in hits if h["table"] == fields.INDICATORS.name]
    found = {}
    if ids:
        marks = ", ".join("?" for _ in ids)
        found = {r["id"]: r for r in (await db.execute(
            f"select id, value, unit, status, period, comparator from indicators where id in ({marks})", ids)).rows}
    for hit in hits:
        row = found.get(hit["id"])
        if row:
            hit["value"] = f"{ui.format_number(row['value'])}{row['unit'] or ''}"
            hit["status"] = ui.label("status", row["status"])
            hit["period"] = row["period"] or ""


async def _documents(db, ids):
    """{document id: {region, title, year, ...}} of the reports the hits come from."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = (await db.execute(f"select id, title, region, doc_type, review_year, plan_year, published "
                             f"from documents where id in ({marks})", list(ids))).rows
    return {r["id"]: {**dict(r), "year": document_year(dict(r))} for r in rows}


def document_year(doc):
    """The year a report speaks for, as people name it: its plan year (a 2019 work report plans 2019), else the
    year it reviews, else the year it was published."""
    for year in (doc.get("plan_year"), doc.get("review_year"), (doc.get("published") or "")[:4]):
        if year:
            return str(year)
    return ""


def group_hits(hits, documents):
    """Hits grouped by report in rank order (a report's place is that of its best hit), each group's lines
    one per distinct (table, snippet): [{"document": {...}, "url", "lines": [{"table", "snippet", "rows"}]}]."""
    groups = OrderedDict()
    for hit in hits:
        group = groups.setdefault(hit["document_id"], {"document": documents.get(hit["document_id"], {}),
                                                       "lines": OrderedDict()})
        key = (hit["table"], "".join(hit["snippet"]))
        line = group["lines"].setdefault(key, {"table": hit["table"], "snippet": hit["snippet"], "rows": []})
        line["rows"].append(hit)
    return [{"document_id": doc_id, "document": g["document"], "lines": list(g["lines"].values())}
            for doc_id, g in groups.items()]


async def search_page(datasette, request):
    query = request.args.get("q", "").strip()
    result = await run_search(datasette, query) if query else {"query": "", "tables": [], "rows": [], "groups": []}
    result["table_titles"] = {t.name: t.title_zh for t in fields.TABLES}
    return Response.html(await datasette.render_template("site_search.html", result, request=request))


async def search_json(datasette, request):
    query = request.args.get("q", "").strip()
    size = request.args.get("_size", str(PAGE_SIZE))
    if not query or not size.isdigit():
        return Response.json({"error": "give a query ?q=... and optionally a number of rows _size=N"}, status=400)
    limit = min(int(size), 1000)
    result = await run_search(datasette, query, limit)
    for hit in result["rows"]:
        hit["snippet"] = "".join(hit["snippet"])
    for group in result["groups"]:
        for line in group["lines"]:
            line["snippet"] = "".join(line["snippet"])
            line["rows"] = [r["id"] for r in line["rows"]]
    return Response.json(result)


@hookimpl
def register_routes():
    return [(r"^/-/search$", search_page), (r"^/-/search\.json$", search_json)]


@hookimpl
def startup(datasette):
    search.tokenizer()  # load jieba and the user dictionary now rather than on the first search
