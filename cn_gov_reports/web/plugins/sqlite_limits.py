"""SQLite limits on every connection Datasette opens, so one query cannot exhaust the server.

The time limit (sql_time_limit_ms) stops long queries, but a single function call such as
randomblob(900000000) or printf('%.*c', 900000000, 'x') allocates its whole result before the time
limit can act. Capping the size of any string or blob bounds the memory one query can take, and
allowing no attached databases closes ATTACH at the SQLite level too (Datasette refuses it already).
"""
import sqlite3

from datasette import hookimpl

MAX_VALUE_BYTES = 16 * 1024 * 1024  # the largest string or blob a query may create or read
LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: MAX_VALUE_BYTES,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
}


@hookimpl
def prepare_connection(conn):
    for limit, value in LIMITS.items():
        conn.setlimit(limit, value)
