"""Indicator and project row pages: the sentence with the mention highlighted, its document and section."""
import os
import sys

from datasette import hookimpl
from datasette.utils import tilde_decode

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from wuhan_reports import ui  # noqa: E402

TABLES = ("indicators", "projects")


@hookimpl
def extra_template_vars(template, database, table, request, datasette):
    if table not in TABLES or template != f"row-{database}-{table}.html" or not request:
        return None

    async def inner():
        row_id = tilde_decode(request.url_vars["pks"])
        return await ui.mention_context(datasette.get_database(database), table, row_id)

    return inner
