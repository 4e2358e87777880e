"""target_outcomes: each main target against the outcome a later report states for the same year.

A work report sets its plan year's main targets (main_targets, targets.py); the next year's report, reviewing
that year, states what happened ("全年地区生产总值增长6.2%"). Pairing them needs every report, so it is done at
package time: each report keeps a small summary (`facts`: its main targets and the headline actuals of the
year it reviews, stored with its cache entry) and `target_outcomes` pairs the summaries of all reports.

- one row per (region, indicator, year): the region is the region code, else the region's name (main_targets);
- the target: the main target for the year of a report whose plan year it is (a government work report first,
  then the smallest document id), of kind number or relative, with an indicators row;
- the outcome: the first indicators row of a report that reviews that year (review_year; a government work
  report first, then the earliest) for the same indicator and measure (growth for growth; for rates like CPI
  and unemployment growth, share and other are one measure), status actual or estimate, period that year;
- met (`met`): for a number target in the same base unit and measure as the outcome,
  =, ~, >= and range: actual >= target (the low end); >: actual > target; <=: actual <= target; <: actual < target;
  for the indicators where lower is better (CPI, unemployment, and energy intensity as a level; a decline of
  energy intensity is a higher-is-better number) = and ~ are a ceiling (actual <= target) and a range's high
  end is the ceiling; empty (undecidable) for a relative target or when units or measures differ.
"""
from collections import defaultdict

from .ids import digest
from .targets import HEADLINE, HEADLINE_IDS, LOWER_IS_BETTER

HEADLINE_MEASURE = {indicator: measure for indicator, measure, _ in HEADLINE}
# rates whose growth, share or other reading is the same number (居民消费价格上涨2.5% and 涨幅3%左右)
RATES = frozenset({"cpi", "urban_surveyed_unemployment", "registered_unemployment", "rd_intensity"})
RATE_MEASURES = ("growth", "share", "other")
TARGET_KEYS = ("indicator", "year", "kind", "comparator", "value", "value_high", "relative_to", "indicator_id")


def facts(document, region, indicators, main_rows):
    """What target_outcomes needs of one report (JSON-able; kept in its cache entry's header)."""
    rows = {r["id"]: r for r in indicators}
    targets = []
    for t in main_rows:
        row = rows.get(t["indicator_id"])
        if t["kind"] == "absent" or row is None:
            continue
        scale = row["value_base"] / row["value"] if row["value"] else 1
        targets.append({**{k: t[k] for k in TARGET_KEYS}, "measure": row["measure"], "unit_base": row["unit_base"],
                        "value_base": row["value_base"],
                        "value_high_base": t["value_high"] * scale if t["value_high"] is not None else None})
    actuals, seen = [], set()
    review = str(document.get("review_year") or "")
    for r in indicators:
        if (review and r["period"] == review and r["indicator"] in HEADLINE_IDS
                and r["status"] in ("actual", "estimate") and not r.get("main_target")):
            key = (r["indicator"], r["measure"], r["unit_base"])
            if key not in seen:
                seen.add(key)
                actuals.append({"indicator": r["indicator"], "measure": r["measure"], "unit_base": r["unit_base"],
                                "value": r["value"], "value_base": r["value_base"], "status": r["status"],
                                "indicator_id": r["id"]})
    return {"document_id": document["id"], "doc_type": document.get("doc_type"), "region": region,
            "region_code": document.get("region_code") or "", "plan_year": document.get("plan_year"),
            "review_year": document.get("review_year"), "targets": targets, "actuals": actuals}


def _place(f):
    return f["region_code"] or f["region"]


def place(facts):
    """Where a report's facts are paired (its region code, else its region's name); "" for none: target_outcomes
    pairs only facts of one place, so it can be made place by place (by_place)."""
    return _place(facts) if facts else ""


def by_place(entries):
    """target_outcomes of the reports of `entries` (objects with .place and .facts()), reading the facts of one
    place at a time: the same rows as target_outcomes of all their facts."""
    groups = defaultdict(list)
    for entry in entries:
        if entry.place:
            groups[entry.place].append(entry)
    return of_places(sorted(groups.items()))


def of_places(groups):
    """target_outcomes of (place, [objects with .facts()]) groups, one group per place, in place order (an
    iterable: entries.EntryList.places reads one place's entries at a time)."""
    rows = [row for _, group in groups for row in target_outcomes([e.facts() for e in group])]
    return sorted(rows, key=lambda r: r["id"])


def _preference(f):
    return (f["doc_type"] != "government_work_report", f["plan_year"] or 0, f["document_id"])


def target_outcomes(all_facts):
    """The target_outcomes rows (sorted by id) from the facts of every report."""
    all_facts = sorted((f for f in all_facts if f and _place(f)), key=_preference)
    targets, reviews = {}, defaultdict(list)
    for f in all_facts:
        for t in f["targets"]:
            targets.setdefault((_place(f), t["indicator"], t["year"]), (f, t))
        if f["review_year"]:
            reviews[(_place(f), f["review_year"])].append(f)
    out = []
    for (place, indicator, year), (f, t) in targets.items():
        wanted = t["measure"] if t["kind"] == "number" else HEADLINE_MEASURE.get(indicator) or t["measure"]
        actual = next((a for r in reviews.get((place, year), []) for a in r["actuals"]
                       if a["indicator"] == indicator and same_measure(indicator, a["measure"], wanted)), None)
        if actual is None:
            continue
        out.append({
            "id": f"{_slug(f)}-{indicator.replace('_', '-')}-{year}", "region_code": f["region_code"],
            "region": f["region"], "indicator": indicator, "year": year, "target_value": t["value"],
            "target_value_high": t["value_high"], "target_comparator": t["comparator"],
            "target_relative_to": t["relative_to"], "target_indicator_id": t["indicator_id"],
            "actual_value": actual["value"], "actual_status": actual["status"],
            "actual_indicator_id": actual["indicator_id"], "met": met(indicator, t, actual),
        })
    return sorted(out, key=lambda r: r["id"])


def _slug(f):
    code = "".join(c if c.isalnum() and c.isascii() else "-" for c in f["region_code"].lower()).strip("-")
    return code or "r" + digest(f["region"], length=8)


def same_measure(indicator, a, b):
    return a == b or (indicator in RATES and a in RATE_MEASURES and b in RATE_MEASURES)


def met(indicator, target, actual):
    """Whether `actual` meets `target` (see the module docstring); None when undecidable."""
    if (target["kind"] != "number" or target["value_base"] is None or target["unit_base"] != actual["unit_base"]
            or not same_measure(indicator, target["measure"], actual["measure"])):
        return None
    a, low, high, c = actual["value_base"], target["value_base"], target["value_high_base"], target["comparator"]
    ceiling = indicator in LOWER_IS_BETTER and target["measure"] != "decline"
    if c == "range":
        return a <= high if ceiling else a >= low
    if c == ">":
        return a > low
    if c == ">=":
        return a >= low
    if c == "<":
        return a < low
    if c == "<=":
        return a <= low
    return a <= low if ceiling else a >= low
