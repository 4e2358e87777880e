"""An immutable database's schema cannot change while it is served, so what Datasette asks about it on every
request is asked once per server.

Each table page asks about thirty questions of the schema, each a round trip to a SQL thread (about 0.2 ms
each, at 10,000x a tenth of a search page's time over its own SQL): its columns, primary and foreign keys,
definition, whether it exists; and, two to four times per request, every database's `PRAGMA schema_version`
(Datasette's refresh_schemas, which copies a changed schema into its internal catalog).

- On an immutable database, the Database methods in CACHED keep their answer per arguments (a copy of its
  lists and dicts is returned, so a caller changing one changes only its own).
- refresh_schemas runs as before until it has run once with every database but Datasette's own catalog
  immutable; then only when the set of databases changes.
"""
from datasette import hookimpl

# Database methods whose answer depends on the database file's schema only
CACHED = ("table_exists", "table_names", "view_names", "table_columns", "table_column_details", "primary_keys",
          "fts_table", "foreign_keys_for_table", "get_all_foreign_keys", "get_table_definition")
CATALOG = "_internal"  # Datasette's own database of the schemas of the others (mutable, in memory)


def cache_schema(db):
    """Make the CACHED methods of one immutable Database answer from memory after their first call."""
    for name in CACHED:
        setattr(db, name, _remembered(getattr(db, name)))


def _remembered(method):
    answers = {}

    async def remembered(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in answers:
            answers[key] = await method(*args, **kwargs)
        return _copy(answers[key])

    remembered.__wrapped__ = method
    return remembered


def _copy(value):
    """A copy of the lists and dicts in an answer, at any depth (tuples, such as Datasette's column details, and
    strings cannot change)."""
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    return value


def all_immutable(datasette):
    return all(not db.is_mutable for name, db in datasette.databases.items() if name != CATALOG)


def refresh_while_changing(datasette):
    """Wrap datasette.refresh_schemas: skipped once it has run with only immutable databases, until the set of
    databases changes."""
    original = datasette.refresh_schemas
    done = {"names": None}

    async def refresh_schemas():
        names = frozenset(datasette.databases)
        if names == done["names"]:
            return
        await original()
        done["names"] = names if all_immutable(datasette) else None

    datasette.refresh_schemas = refresh_schemas


@hookimpl
def startup(datasette):
    for db in datasette.databases.values():
        if not db.is_mutable:
            cache_schema(db)
    refresh_while_changing(datasette)
