"""The charts page /-/charts: targets against actuals for headline indicators, indicators per document."""
from datasette import hookimpl, Response

from cn_gov_reports import ui
from cn_gov_reports.package import DATABASE_NAME


async def charts(datasette, request):
    context = await ui.charts_context(datasette.get_database(DATABASE_NAME))
    return Response.html(await datasette.render_template("charts.html", context, request=request))


@hookimpl
def register_routes():
    return [(r"^/-/charts$", charts)]
