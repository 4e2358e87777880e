"""/-/search?q=...: one search box over every searchable table, results ranked (and /-/search.json)."""
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response

from cn_gov_reports import search
from cn_gov_reports.package import DATABASE_NAME

PAGE_SIZE = 50


async def run_search(datasette, query, limit=PAGE_SIZE):
    """{"tables": [{"name", "count", "url"}], "rows": [hit, ...]} for the query, best first."""
    db = datasette.get_database(DATABASE_NAME)
    params = search.search_params(query, limit)
    tables, hits = [], []
    for table in search.searchable_tables():
        count = (await db.execute(search.count_sql(table), {"chars": params["chars"]})).first()[0]
        tables.append({"name": table.name, "title": table.title, "count": count,
                       "url": datasette.urls.table(DATABASE_NAME, table.name) + "?" + urlencode({"_search": query})})
        if count:
            for row in (await db.execute(search.ranked_sql(table), params)).rows:
                hits.append(_hit(datasette, table, query, row))
    hits.sort(key=search.rank_key)
    return {"query": query, "match": params["chars"], "tables": tables, "rows": hits[:limit]}


def _hit(datasette, table, query, row):
    label, *body = [row[c] for c in table.fts]
    text = " ".join(v for v in body if v)
    return {"table": table.name, "id": row["pk_"], "label": label,
            "url": datasette.urls.row(DATABASE_NAME, table.name, row["pk_"]),
            "snippet": search.snippet(query, text) or search.snippet(query, label) or ("", "", text[:80]),
            "verbatim": row["verbatim_"], "whole_words": row["whole_words_"], "score": row["score_"]}


async def search_page(datasette, request):
    query = request.args.get("q", "").strip()
    result = await run_search(datasette, query) if query else {"query": "", "tables": [], "rows": []}
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
    return Response.json(result)


@hookimpl
def register_routes():
    return [(r"^/-/search$", search_page), (r"^/-/search\.json$", search_json)]


@hookimpl
def startup(datasette):
    search.tokenizer()  # load jieba and the user dictionary now rather than on the first search
