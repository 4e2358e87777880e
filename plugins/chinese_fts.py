"""Datasette's ?_search= and table search box, for Chinese text.

Datasette's table search runs `... where [T_fts] match escape_fts(:search)`. This replaces the built-in
escape_fts SQL function (trylast=True: registered after Datasette's own, so this one wins) with
wuhan_reports.search.match_expression, which turns typed text into the character phrases the
T_fts indexes hold: the rows returned are exactly the rows containing every typed term.
"""
import os
import sys

from datasette import hookimpl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)  # the plugins directory is loaded by file, not as part of the package

from wuhan_reports.search import match_expression  # noqa: E402


@hookimpl(trylast=True)
def prepare_connection(conn):
    conn.create_function("escape_fts", 1, match_expression, deterministic=True)
