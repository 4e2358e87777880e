"""project_key: one key for every mention of the same project, across reports and years (README, SPEC extension).

The key is the name with its spelling differences removed (rules/project_key_parts.tsv): NFKC (full-width letters,
digits and brackets become half-width), Latin letters lower-cased, quotes, brackets, list punctuation and spaces
dropped, a phase written one way (第二期, 2期, (二期) -> 二期; 一期 and 二期 stay different) and a trailing 项目 removed.

    >>> project_key("东湖综合保税区(二期)"), project_key("东湖综合保税区二期项目"), project_key("华星光电T3")
    ('东湖综合保税区二期', '东湖综合保税区二期', '华星光电t3')
"""
import unicodedata

import cn2an

from . import phrases

DROP = phrases.compiled("project_key_parts", role="drop")
PHASE = phrases.compiled("project_key_parts", role="phase")
SUFFIX = phrases.compiled("project_key_parts", role="suffix")


def _numeral(digits):
    """'2' -> '二', '二' -> '二': a phase number in Chinese."""
    return cn2an.an2cn(digits) if digits.isdigit() else digits


def _phase(m):
    return _numeral(m.group("n")) + m.group("unit")


def project_key(name):
    """The normalized name of a project: equal for two spellings of one project, different for two phases."""
    key = DROP.sub("", unicodedata.normalize("NFKC", name or "").lower())
    key = PHASE.sub(_phase, key)
    stripped = SUFFIX.sub("", key)
    return stripped if len(stripped) >= 2 else key


# The year a mention speaks of: the reviewed year for a milestone reported as reached, the planned year for one
# aimed at (a work report reviewing 2018 plans for 2019).
MENTION_YEAR = ("case when p.status = 'actual' then coalesce(d.review_year, d.plan_year) "
                "else coalesce(d.plan_year, d.review_year) end")
# Every mention of one project_key in every document, by year: the canned query project_across_reports
# (site.CANNED_QUERIES) and the "same project in other reports" section of a project's page (ui.py).
MENTIONS_SQL = f"""select p.project_key, {MENTION_YEAR} as year, p.stage, p.status, p.name, d.region,
  d.title as document, p.document_id, p.sentence, p.id
from projects p join documents d on d.id = p.document_id
where p.project_key = :project_key
order by year, p.document_id, p.sentence_start, p.char_start"""
