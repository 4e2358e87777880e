"""Home page: the dataset's title, version, license, source, how to cite, tables, documents and queries."""
from datasette import hookimpl

from cn_gov_reports import ui
from cn_gov_reports.package import DATABASE_NAME


@hookimpl
def extra_template_vars(template, datasette):
    if template != "index.html" or DATABASE_NAME not in datasette.databases:
        return None

    async def inner():
        return await ui.home_context(datasette, datasette.get_database(DATABASE_NAME))

    return inner
