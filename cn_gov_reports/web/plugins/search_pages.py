"""Table search pages (`/reports/sections?_search=创新`) whose work is bounded however many rows match.

Datasette runs three kinds of statement for a table page with ?_search=, each over every matching row: the first
page (`... where rowid in (FTS match) order by position limit 51`, which sorts every match), the count
(`select count(*) ...`) and one group-by per facet. On an immutable database, while a table page is served
(`/db/table`, `.json`, `.csv`), this plugin rewrites those statements (recognized by the exact SQL Datasette
generates for ?_search=; any other SQL is left alone). Every other condition of the statement (column filters,
a ?_next= cursor) is kept as it was; `rowid in (FTS match)` becomes a join with the matches, the same rows:

- Rows: when the table's rowids follow its sort column, then its primary key (the order a full build loads
  the rows in, database.in_page_order, and an update keeps, database._rowids_between; checked once per table
  on a thread started at startup, reading the column's index; /-/search-order.json says which tables do, null
  while a check runs, and until it has run the next case applies), the page reads the FTS index in rowid order
  and stops after the page: the same rows in the same order, without sorting the matches (also for ?_next=
  pages, which start at the first rowid of the cursor's position, so a CSV stream of every match reads each
  match once).
  When the rowids do not follow it (an old database, or an incremental build that appended a report too large
  for the gap of rowids between its neighbours', database._rowids_between), a search with more than
  CAP matches walks the sort column's index instead of sorting (same rows; only the plan changes).
- Count: counted up to CAP + 1 matches. Up to CAP the count is exact, as before; beyond it the count is
  unknown (null, as when Datasette's count times out) and the page says "more than CAP rows".
- Facets: on a search with more than CAP matches, each facet counts the first CAP matching rows (rowid
  order), and the page says so above the facets; with CAP or fewer matches they count every match, as before.
"""
import contextvars
import re

from datasette import hookimpl
from datasette.utils import escape_sqlite
from datasette.utils.asgi import Response

from cn_gov_reports import fields, served

CAP = served.SEARCH_CAP  # matches counted, and rows a facet counts, on a search page at most (served.search_cap)
FTS_ROWID, FTS_ALIAS = "fts_rowid_", "fts_"
_PAGE = contextvars.ContextVar("search_page", default=None)  # {} while a table page with ?_search= is served
_ORDER = {}  # (database file, table, column) -> Future: do the table's rowids follow the column?

_SEARCH = (r"rowid in \(select rowid from (?P<fts>\S+) where (?P=fts) match "
           r"(?P<match>escape_fts\(:search\)|:search)\)")
MAIN = re.compile(rf"^select (?P<cols>.+?) from (?P<table>\S+) where (?P<pre>.*? and )?{_SEARCH}(?P<rest> and .*?)?\s*"
                  rf"order by (?P<order>[^\s,]+)(?:, (?P<pks>[^\s,]+))? limit (?P<limit>\d+)$", re.S)
COUNT = re.compile(rf"^select count\(\*\) from (?P<table>\S+) where (?P<pre>.*? and )?{_SEARCH}(?P<rest> and .*?)?\s*$",
                   re.S)
FACET = re.compile(rf"^(?P<head>\s*select \S+ as value, count\(\*\) as count from \(\s*)"
                   rf"select (?P<cols>.+?) from (?P<table>\S+) where (?P<pre>.*? and )?{_SEARCH}(?P<rest> and .*?)?\s*"
                   rf"(?P<tail>\)\s*where .*)$", re.S)


def unescape(name):
    return name[1:-1] if name.startswith("[") and name.endswith("]") else name


def _usable(m):
    """True when the statement names no rowid but the search's (a join would make it ambiguous)."""
    outside = m.group(0).replace(m.group("match"), "").replace(
        f"rowid in (select rowid from {m['fts']} where", "")
    return not re.search(r"\browid\b", outside)


def matches(m, bound=""):
    """FROM clause: the FTS matches in rowid order (from `bound`, an extra condition on the FTS rowid) joined
    to their rows."""
    fts, table = m["fts"], m["table"]
    return (f"(select rowid as [{FTS_ROWID}] from {fts} where {fts} match {m['match']}{bound}) as [{FTS_ALIAS}] "
            f"join {table} on {table}.rowid = [{FTS_ALIAS}].[{FTS_ROWID}]")


def _where(m):
    """The statement's other conditions (column filters before the search, a ?_next= cursor after it), as
    they were."""
    others = [c for c in ((m["pre"] or "")[:-len(" and ")], (m["rest"] or "")[len(" and "):]) if c]
    return f" where {' and '.join(others)}" if others else ""


def page_in_rowid_order(m):
    """The page statement reading the matches in rowid order (for a table whose rowids follow m['order']);
    a ?_next= cursor on that column (Datasette's `(col > :pN or (col = :pN and pk > ...))`) also makes the
    index start at the first rowid at or after the cursor's value."""
    order, bound = m["order"], ""
    cursor = re.match(rf"^ and \({re.escape(order)} > :(?P<p>\w+) or", m["rest"] or "")
    if cursor:
        bound = (f" and rowid >= (select rowid from {m['table']} where {order} >= :{cursor['p']} "
                 f"order by {order} limit 1)")
    return (f"select {m['cols']} from {matches(m, bound)}{_where(m)} "
            f"order by [{FTS_ALIAS}].[{FTS_ROWID}] limit {m['limit']}")


def page_by_index(sql):
    """The page statement with the search condition kept from choosing the plan (`+rowid in ...`): SQLite
    then reads the sort column's index in order and stops after the page instead of sorting every match."""
    return sql.replace(" where rowid in (select rowid from ", " where +rowid in (select rowid from ", 1)


def capped_count(m, cap=CAP):
    """The number of matching rows if at most `cap`, else NULL; reads at most cap + 1 matches."""
    if _where(m):
        inner = f"select 1 from {matches(m)}{_where(m)}"
    else:
        inner = f"select rowid from {m['fts']} where {m['fts']} match {m['match']}"
    return f"select case when count(*) > {cap} then null else count(*) end from ({inner} limit {cap + 1})"


def facet_of_first(m, cap=CAP):
    """A facet statement counting only the first `cap` matching rows in rowid order."""
    return (f"{m['head']}select {m['cols']} from {matches(m)}{_where(m)} "
            f"order by [{FTS_ALIAS}].[{FTS_ROWID}] limit {cap}\n{m['tail']}")


def rowids_follow(conn, table, column, pk="id"):
    """True when reading the table in rowid order gives its rows in `order by column, pk` order (a table page
    sorted by the column: Datasette breaks ties by the primary key) and the column has no NULL, so that order
    and `order by rowid` give the same rows. Reads the column's index, and the primary keys of tied rows."""
    previous, tied = None, []
    for rowid, value in conn.execute(f"select rowid, {escape_sqlite(column)} from {escape_sqlite(table)} "
                                     f"order by {escape_sqlite(column)}"):
        if value is None or (previous is not None and (rowid <= previous[0] or value < previous[1])):
            return False
        if previous is not None and value == previous[1]:
            tied = tied or [previous[0]]
            tied.append(rowid)
        elif tied:
            if not _keys_ascend(conn, table, pk, tied):
                return False
            tied = []
        previous = (rowid, value)
    return not tied or _keys_ascend(conn, table, pk, tied)


def _keys_ascend(conn, table, pk, rowids):
    """True when the rows `rowids` (ascending) have ascending primary keys."""
    keys = [k for (k,) in conn.execute(f"select {escape_sqlite(pk)} from {escape_sqlite(table)} where rowid in "
                                       f"({', '.join(str(int(r)) for r in rowids)}) order by rowid")]
    return all(a < b for a, b in zip(keys, keys[1:]))


_CHECKS = served.background_threads("search-order")


def _order_check(db, table, column, pk):
    """The check of rowids_follow for one table, started once on a thread of its own (a Future)."""
    key = (db.path, table, column)
    if key not in _ORDER:
        _ORDER[key] = _CHECKS.submit(_safe_follow, db, table, column, pk)
    return _ORDER[key]


def _safe_follow(db, table, column, pk):
    conn = db.connect()
    try:
        return rowids_follow(conn, table, column, pk)
    except Exception:  # a column of mixed types, a table changed under us: not known to follow
        return False
    finally:
        conn.close()


def _ordered(datasette, db, table, column, pks):
    """True when the table's rowids follow `column`, its default sort, then its primary key (checked once; False
    while unknown). `pks`: the statement's tie-breaking column (Datasette's ?_next= pages order by the sort column
    and the primary key; its first page by the sort column alone, leaving ties in any order), or None."""
    known = fields.BY_NAME.get(table)
    if (column != datasette.table_metadata(db.name, table).get("sort") or not known
            or pks not in (None, known.primary_key)):
        return False
    check = _order_check(db, table, column, known.primary_key)
    return check.done() and check.result()


async def _count(page, original, m, params):
    """The results of capped_count for the statement's search and filters (run once per page)."""
    sql = capped_count(m, page["cap"])
    counts = page.setdefault("counts", {})
    if sql not in counts:
        counts[sql] = await original(sql, params)
    return counts[sql]


async def _capped(page, original, m, params):
    """True when the statement's search and filters match more than CAP rows."""
    return (await _count(page, original, m, params)).rows[0][0] is None


def install(datasette, db):
    """Wrap the database's execute with the rewrites above (active only while a table search is served)."""
    original = db.execute
    cap = served.search_cap(datasette)

    async def execute(sql, params=None, *args, **kwargs):
        page = _PAGE.get()
        if page is None or "select rowid from" not in sql:
            return await original(sql, params, *args, **kwargs)
        page["cap"] = cap
        count = COUNT.match(sql)
        if count and _usable(count):
            results = await _count(page, original, count, params)
            page["capped"] = results.rows[0][0] is None  # the page's count: said on the page
            return results
        main = MAIN.match(sql)
        if main and _usable(main):
            table = unescape(main["table"])
            if _ordered(datasette, db, table, unescape(main["order"]), main["pks"] and unescape(main["pks"])):
                page["in_order"] = True
                return await original(page_in_rowid_order(main), params, *args, **kwargs)
            if await _capped(page, original, main, params):
                return await original(page_by_index(sql), params, *args, **kwargs)
        facet = FACET.match(sql)
        if facet and _usable(facet) and await _capped(page, original, facet, params):
            page["sampled"] = True
            return await original(facet_of_first(facet, cap), params, *args, **kwargs)
        return await original(sql, params, *args, **kwargs)

    db.execute = execute


def _table_search(scope):
    """True for an HTTP request of a table page (/db/table, .json, .csv) with a ?_search= argument."""
    if scope.get("type") != "http":
        return False
    parts = scope.get("path", "").strip("/").split("/")
    query = scope.get("query_string", b"")
    return len(parts) == 2 and not parts[0].startswith("-") and re.search(rb"(^|&)_search=", query) is not None


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def wrapped(scope, receive, send):
            if not _table_search(scope):
                return await app(scope, receive, send)
            token = _PAGE.set({})
            try:
                await app(scope, receive, send)
            finally:
                _PAGE.reset(token)

        return wrapped

    return wrap


@hookimpl
def startup(datasette):
    async def prepare():
        for db in datasette.databases.values():
            if db.is_mutable or db.is_memory:
                continue
            install(datasette, db)
            names = set(await db.table_names())
            for table in fields.TABLES:  # checked on a thread from now on (about 1.5 s per million rows)
                if table.fts and table.sort and table.name in names:
                    _order_check(db, table.name, table.sort, table.primary_key)

    return prepare


def order_checks(datasette):
    """{database: {table: True/False, or None while the check runs}} of the checks started."""
    out = {}
    for (path, table, column), check in _ORDER.items():
        for name, db in datasette.databases.items():
            if db.path == path:
                out.setdefault(name, {})[table] = check.result() if check.done() else None
    return out


async def order_checks_json(datasette):
    return Response.json(order_checks(datasette))


@hookimpl
def register_routes():
    return [(r"^/-/search-order\.json$", order_checks_json)]


@hookimpl
def extra_template_vars(view_name, request):
    page = _PAGE.get()
    if view_name != "table" or page is None:
        return {}
    return {"search_cap": page.get("cap", CAP), "search_capped": page.get("capped", False),
            "search_sampled": page.get("sampled", False), "search_in_order": page.get("in_order", False)}
