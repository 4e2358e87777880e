"""The charts page /-/charts: targets against actuals for headline indicators, indicators per document."""
import os
import sys

from datasette import hookimpl, Response

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from wuhan_reports import ui  # noqa: E402
from wuhan_reports.package import DATABASE_NAME  # noqa: E402


async def charts(datasette, request):
    context = await ui.charts_context(datasette.get_database(DATABASE_NAME))
    return Response.html(await datasette.render_template("charts.html", context, request=request))


@hookimpl
def register_routes():
    return [(r"^/-/charts$", charts)]
