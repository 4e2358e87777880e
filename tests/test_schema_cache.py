"""web/plugins/schema_cache.py: what Datasette asks of an immutable database's schema on every request is asked
once per server."""
import asyncio
import html
import json
import re

import httpx
import pytest

from cn_gov_reports.web.plugins import schema_cache

TRACE = re.compile(r"<pre>(\{\s*&#34;request_duration_ms.*?)</pre>", re.S)
SCHEMA_SQL = ("schema_version", "pragma", "sqlite_master where name = :n", "sqlite_master where tbl_name",
              "sqlite_master where type='table'")


def test_a_remembered_answer_is_asked_once_and_given_as_a_copy():
    asked = []

    async def foreign_keys(table):
        asked.append(table)
        return [{"column": "document_id", "other_table": "documents"}]

    remembered = schema_cache._remembered(foreign_keys)

    async def run():
        first = await remembered("sections")
        first[0]["column"] = "changed by a caller"
        first.append("another")
        return first, await remembered("sections"), await remembered("indicators")

    first, again, other = asyncio.run(run())
    assert asked == ["sections", "indicators"]
    assert again == [{"column": "document_id", "other_table": "documents"}] and again is not first


@pytest.mark.server
def test_a_second_search_page_asks_nothing_of_the_schema(seeds_build, tmp_path):
    """With the trace on, the SQL of the second request of a search page: its rows, count, facets and labels, and
    the permission check's table-name lookup, but no schema version, pragma or table definition."""
    from conftest import running
    from cn_gov_reports.serve import datasette_args, free_port

    port = free_port()
    with running(datasette_args(str(seeds_build), port) + ["--setting", "trace_debug", "1"], tmp_path, port) as base:
        with httpx.Client(base_url=base, timeout=30) as client:
            path = "/reports/sections?_search=%E5%88%9B%E6%96%B0&_trace=1"
            first = client.get(path).raise_for_status().text
            second = client.get(path).raise_for_status().text
    sql = [" ".join(t["sql"].split()).lower() for t in json.loads(html.unescape(TRACE.search(second).group(1)))["traces"]
           if t.get("type") == "sql"]
    assert any("sections_fts" in s for s in sql)
    assert not [s for s in sql if any(k in s for k in SCHEMA_SQL)], sql
    def page(text):  # without the trace and the time the queries took
        return re.sub(r"took [\d.]+ms", "", re.sub(r"<pre>.*?</pre>", "", text, flags=re.S))

    assert page(first) == page(second)
