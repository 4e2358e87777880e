"""Indicator and project row pages: the sentence with the mention highlighted, its document and section."""
from datasette import hookimpl
from datasette.utils import tilde_decode

from cn_gov_reports import fields, ui

TABLES = {t.name for t in fields.MENTIONS}


@hookimpl
def extra_template_vars(template, database, table, request, datasette):
    if table not in TABLES or template != f"row-{database}-{table}.html" or not request:
        return None

    async def inner():
        row_id = tilde_decode(request.url_vars["pks"])
        return await ui.mention_context(datasette.get_database(database), table, row_id)

    return inner
