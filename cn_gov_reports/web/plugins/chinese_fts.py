"""Datasette's ?_search= and table search box, for Chinese text.

Datasette's table search runs `... where [T_fts] match escape_fts(:search)`. This replaces the built-in
escape_fts SQL function (trylast=True: registered after Datasette's own, so this one wins) with
cn_gov_reports.search.match_expression, which turns typed text into the character phrases the
T_fts indexes hold: the rows returned are exactly the rows containing every typed term.
"""
from datasette import hookimpl

from cn_gov_reports.search import match_expression


@hookimpl(trylast=True)
def prepare_connection(conn):
    conn.create_function("escape_fts", 1, match_expression, deterministic=True)
