"""The `position` column (database.py: the document id and the offsets, generated in the database only) is the
sort key of the sections, indicators and projects pages, not data: a table's JSON and CSV leave it
out (`_nocol=position` is added to the request unless it chooses its columns with `_col` or expands labels), so
they hold the published columns only. Datasette still sorts by it (it looks a sort column up by primary key when it is not
selected)."""
import re
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl

from cn_gov_reports import fields
from cn_gov_reports.package import DATABASE_NAME

# the table's JSON and CSV; its HTML page keeps the column, hidden with the offsets (ui.css), since Datasette 0.65
# cannot page a sort column left out of rows whose labels it expands, as an HTML page always does
TABLE_PATH = re.compile(rf"^/{DATABASE_NAME}/({'|'.join(t.name for t in fields.TABLES if t.order)})\.(json|csv)$")


# a request choosing its columns, or expanding labels (not the published form anyway; and Datasette 0.65 fails
# to page a sort column left out of rows whose labels it expanded), is left as it is
KEEP = ("_col", "_labels", "_label", "_expand", "_expand_all")


def without_position(query_string):
    """The query string with _nocol=position added, unless it chooses columns (_col), names position in _nocol
    already, or expands labels."""
    args = parse_qsl(query_string, keep_blank_values=True)
    if any(k in KEEP or (k == "_nocol" and v == fields.POSITION) for k, v in args):
        return query_string
    return urlencode(args + [("_nocol", fields.POSITION)])


def hide_position(app):
    async def wrapped(scope, receive, send):
        if scope.get("type") == "http" and TABLE_PATH.match(scope.get("path", "")):
            query = scope.get("query_string", b"").decode("latin-1")
            scope = dict(scope, query_string=without_position(query).encode("latin-1"))
        return await app(scope, receive, send)

    return wrapped


@hookimpl
def asgi_wrapper():
    return hide_position
