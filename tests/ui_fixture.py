"""A build with indicator rows for the web UI tests, while the extraction that fills them is rewritten.

sample_indicators(db) derives a few indicator rows per document from the real section text of the seeds
(the first number with a unit in a sentence), with true offsets, sentences and sections, so every page
that shows indicators can be exercised. When the build already has indicators, nothing is added."""
import re

import sqlite_utils

SENTENCE = re.compile(r"[^。;;!?\n]+[。;;!?]?")
# a number followed by one of the units the sample uses (亿元 = 10^8 元, 万元 = 10^4 元, %, 家 = count)
NUMBER = re.compile(r"(\d+(?:\.\d+)?)(亿元|万元|%|家)")
UNITS = {"亿元": (1e8, "元", "level"), "万元": (1e4, "元", "level"), "%": (1, "%", "growth"),
         "家": (1, "家", "count")}
TARGET_WORDS = ("力争", "确保", "目标", "预期", "将")  # words that make a number a target
# subject phrase -> normalized indicator name (a sample of the vocabulary)
NAMES = {"生产总值": ("gdp", "地区生产总值", "Gross regional product"),
         "GDP": ("gdp", "地区生产总值", "Gross regional product"),
         "固定资产投资": ("fixed_asset_investment", "固定资产投资", "Fixed-asset investment"),
         "招商": ("investment_attraction", "招商引资", "Investment attracted")}
PER_DOCUMENT = 8


def subject_before(sentence, start):
    clause = re.split(r"[,,、:;]", sentence[:start])[-1]
    clause = re.sub(r"(同比)?(增长|达到|实现|完成|为|约|超过|突破|新增)+$", "", clause.strip())
    return clause[-12:] or "数值"


def indicator_for(subject):
    if "占" in subject:  # a share of something (研发投入占地区生产总值), not the thing itself
        return None
    return next((name for phrase, (name, _, _) in NAMES.items() if phrase in subject), None)


def sample_rows(db):
    out = []
    docs = {d["id"]: d for d in db["documents"].rows}
    for doc_id, doc in docs.items():
        sections = db.query("select id, coalesce(text, '') as text, char_end from sections "
                            "where document_id = ? order by ordinal", [doc_id])
        found = 0
        for s in sections:
            text_start = s["char_end"] - len(s["text"])
            for m in SENTENCE.finditer(s["text"]):
                number = NUMBER.search(m.group())
                if not number or found >= PER_DOCUMENT:
                    continue
                sentence = m.group()
                scale, unit_base, measure = UNITS[number.group(2)]
                target = doc["doc_type"] != "government_work_report" or any(w in sentence for w in TARGET_WORDS)
                subject = subject_before(sentence, number.start())
                value = float(number.group(1))
                out.append({
                    "id": f"{doc_id}-sample-{found}", "document_id": doc_id, "section_id": s["id"],
                    "subject": subject, "indicator": indicator_for(subject), "value": value,
                    "unit": number.group(2), "value_base": value * scale, "unit_base": unit_base,
                    "measure": measure, "status": "target" if target else "actual", "comparator": "=",
                    "period": str(doc["plan_year"] if target else doc["review_year"] or doc["plan_year"]),
                    "sentence": sentence, "char_start": text_start + m.start() + number.start(),
                    "char_end": text_start + m.start() + number.end(),
                    "sentence_start": text_start + m.start(), "sentence_end": text_start + m.end(),
                })
                found += 1
    return out


def add_sample_indicators(db_path):
    """Fill an empty indicators table of the database at db_path; returns the number of rows added."""
    db = sqlite_utils.Database(db_path)
    if db["indicators"].count:
        return 0
    rows = sample_rows(db)
    used = {r["indicator"] for r in rows if r["indicator"]}
    db["indicator_names"].insert_all(
        [{"id": name, "label_zh": zh, "label_en": en, "description": en, "aliases": zh}
         for name, zh, en in dict((v[0], v) for v in NAMES.values()).values() if name in used], ignore=True)
    db["indicators"].insert_all(rows)
    db.execute("update documents set indicators = (select count(*) from indicators i where i.document_id = documents.id)")
    db.conn.commit()
    db.close()
    return len(rows)
