"""Home page: the dataset's title, version, license, source, how to cite, tables, documents and queries."""
import os
import sys

from datasette import hookimpl

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from wuhan_reports import ui  # noqa: E402
from wuhan_reports.package import DATABASE_NAME  # noqa: E402


@hookimpl
def extra_template_vars(template, datasette):
    if template != "index.html" or DATABASE_NAME not in datasette.databases:
        return None

    async def inner():
        return await ui.home_context(datasette, datasette.get_database(DATABASE_NAME))

    return inner
