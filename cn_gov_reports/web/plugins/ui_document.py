"""Document page (/reports/documents/<id>): section tree, indicators, projects, indicators per section."""
from datasette import hookimpl
from datasette.utils import tilde_decode

from cn_gov_reports import fields, ui


@hookimpl
def extra_template_vars(template, database, request, datasette):
    if template != f"row-{database}-{fields.DOCUMENTS.name}.html" or not request:
        return None

    async def inner():
        document_id = tilde_decode(request.url_vars["pks"])
        return await ui.document_context(datasette.get_database(database), document_id)

    return inner
