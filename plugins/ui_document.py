"""Document page (/reports/documents/<id>): section tree, indicators, projects, indicators per section."""
import os
import sys

from datasette import hookimpl
from datasette.utils import tilde_decode

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from wuhan_reports import ui  # noqa: E402


@hookimpl
def extra_template_vars(template, database, request, datasette):
    if template != f"row-{database}-documents.html" or not request:
        return None

    async def inner():
        document_id = tilde_decode(request.url_vars["pks"])
        return await ui.document_context(datasette.get_database(database), document_id)

    return inner
