"""Ready-made queries with choices: query.html shows a parameter listed in site.QUERY_CHOICES as a list of
reports or indicators by name (not raw ids), the first choice selected when the parameter is empty (the
default the query's SQL takes, so a query never opens on "0 results")."""
from datasette import hookimpl

from cn_gov_reports import site


async def choices(datasette, database, query_name):
    """{parameter: [(value, label), ...]} for a canned query (empty for other queries)."""
    wanted = site.QUERY_CHOICES.get(query_name or "", {})
    if not wanted:
        return {}
    db = datasette.get_database(database)
    found = {}
    for name, (sql, all_choice) in wanted.items():
        rows = [(r["value"], r["label"]) for r in (await db.execute(sql)).rows]
        found[name] = ([all_choice] if all_choice else []) + rows
    return found


@hookimpl
def prepare_jinja2_environment(env, datasette):
    async def ui_query_choices(database, query_name):
        return await choices(datasette, database, query_name)

    env.globals["ui_query_choices"] = ui_query_choices
    env.globals["ui_query_table"] = lambda query_name: site.QUERY_TABLES.get(query_name or "")
