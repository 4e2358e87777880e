"""Run the extractors on a small written text, as the pipeline would; or the pipeline on a directory."""
import os

from cn_gov_reports import catalog
from cn_gov_reports.indicators import extract_indicators
from cn_gov_reports.projects import extract_projects
from cn_gov_reports.pipeline import process_report
from cn_gov_reports.read import report_paths
from cn_gov_reports.sections import build_sections

REPORT = {"id": "t", "doc_type": "government_work_report", "review_year": 2018, "plan_year": 2019,
          "plan_end_year": None, "region": "东湖高新区"}
PLAN = {"id": "t", "doc_type": "five_year_plan", "review_year": 2020, "plan_year": 2021, "plan_end_year": 2025,
        "region": "东湖高新区"}
INDICATOR_KEYS = ("mention", "subject", "indicator", "value", "unit", "value_base", "unit_base", "measure", "status",
                  "comparator", "period")


def indicators(text, document=REPORT):
    sections = build_sections(document["id"], text)
    rows = extract_indicators(text, sections, document)
    for r in rows:
        assert text[r["sentence_start"]:r["sentence_end"]] == r["sentence"]
        assert r["sentence_start"] <= r["char_start"] < r["char_end"] <= r["sentence_end"]
    return [dict(mention=text[r["char_start"]:r["char_end"]], **{k: r[k] for k in INDICATOR_KEYS[1:]}) for r in rows]


def projects(text, document=REPORT):
    sections = build_sections(document["id"], text)
    rows = extract_projects(text, sections, document)
    for r in rows:  # the name as written, or the item of a list joined to the head the list shares (小米第二总部)
        assert r["name"].startswith(text[r["char_start"]:r["char_end"]])
    return [(r["name"], r["stage"], r["status"]) for r in rows]


def reports(seeds_dir):
    """The Report of every file in seeds_dir (with its catalog entry), in file-name order."""
    entries = catalog.load(str(seeds_dir))
    return [process_report(path, entries.get(os.path.basename(path))) for path in report_paths(str(seeds_dir))]
