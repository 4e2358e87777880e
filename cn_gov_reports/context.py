"""Place and year on every indicator and project row, from the document's metadata (fields._context_fields).

An analyst's panel is region x year x indicator: each row carries its document's region and region_code and
the years it refers to (year_start, year_end), so it filters and exports without a join to documents. This
runs after extraction, on the extractors' rows, and changes nothing else in them.
"""
import re

PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


def period_years(period):
    """(year_start, year_end) of a period column: '2018' -> (2018, 2018), '2021-2025' -> (2021, 2025);
    (None, None) when it is empty or not a period."""
    found = PERIOD.match(period or "")
    if not found:
        return None, None
    start = int(found.group(1))
    return start, int(found.group(2) or start)


def project_years(document, status):
    """(year_start, year_end) of a project row: a milestone reached (status actual) in the year the document
    reviews; one aimed for (target) in the years it plans for, plan_year to plan_end_year (or plan_year)."""
    if status == "actual":
        year = document.get("review_year")
        return year, year
    start = document.get("plan_year")
    if not start:
        return None, None
    return start, document.get("plan_end_year") or start


def place(document):
    """The region and region_code every row of the document carries."""
    return {"region": document.get("region") or "", "region_code": document.get("region_code") or ""}


def indicator_rows(document, rows):
    """The indicator rows with their document's place and their period's years."""
    where = place(document)
    return [dict(r, **where, **dict(zip(("year_start", "year_end"), period_years(r.get("period")))))
            for r in rows]


def project_rows(document, rows):
    """The project rows with their document's place and years (project_years)."""
    where = place(document)
    return [dict(r, **where, **dict(zip(("year_start", "year_end"), project_years(document, r.get("status")))))
            for r in rows]
