"""One report in, its rows out: read -> normalize -> strip chrome -> sections -> documents row -> extract ->
place and years on the rows (context.py).

`process_report` is a pure function of the file's bytes, its file name and its catalog entry, so reports
can be processed in any order, in parallel, or from a cache.
"""
from contextlib import contextmanager
from dataclasses import dataclass, field

from . import catalog as catalog_mod
from . import context, fields, texts
from .chrome import clean
from .documents import describe
from .ids import document_id
from .indicators import extract_indicators
from .normalize import matching_view, normalize
from .outcomes import facts as outcome_facts
from .projects import extract_projects
from .read import ReportError, read_report
from .search import segment_rows
from .sections import build_sections
from .sentences import section_sentences
from . import timing
from .targets import main_targets


@contextmanager
def stage(name, path):
    """Time stage `name`; any unexpected exception inside it becomes the report's one-line error (file,
    stage, what failed), so one bad report is refused like any other and never stops the build with a
    traceback."""
    with timing.stage(name):
        try:
            yield
        except ReportError:
            raise
        except Exception as e:  # a bug or an input no rule foresaw: refuse this report, say where
            raise ReportError(path, f"failed while {STAGE_WORDS[name]}: {type(e).__name__}: {e}") from e


STAGE_WORDS = {"read": "reading and cleaning the text", "sections": "finding the sections and metadata",
               "extract": "extracting indicators and projects", "segment": "segmenting words for search"}


@dataclass
class Report:
    document: dict
    text: str  # the normalized text every offset points into
    sections: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    main_targets: list = field(default_factory=list)
    outcomes: dict = field(default_factory=dict)  # outcomes.facts: what target_outcomes needs of the report
    dropped: list = field(default_factory=list)  # chrome and metadata lines, for auditing
    tokens: dict = field(default_factory=dict)  # search.segment_rows of the rows, for the full-text index

    @property
    def texts(self):
        """The report's rows of table texts: its whole normalized text, in parts."""
        return texts.rows(self.document["id"], self.text)


def process_report(path, entry=None):
    """The Report for the file at `path`; `entry` is its catalog entry (or None)."""
    with stage("read", path):
        source = read_report(path)
        cleaned = clean(normalize(source.text))
    text = cleaned.text
    if not text.strip():
        raise ReportError(path, "no report text left once web-page chrome is removed")
    with stage("sections", path):
        doc_id = (entry or {}).get("id") or document_id(source.file_name)
        view = matching_view(text)  # the simplified copy every rule matches on, made once
        sections = build_sections(doc_id, text, view)
        level1 = [s["heading"] for s in sections if s["level"] == 1]
        headings_start = sections[1]["char_start"] if len(sections) > 1 else len(text)
        row = describe(doc_id, text, cleaned.metadata, level1, headings_start)
        row.update(source_file=source.file_name, source_sha256=source.sha256, source_url="",
                   source_encoding=source.encoding, characters=len(text))
        if entry:
            row = catalog_mod.apply(row, entry, fields.DOC_TYPES)
    with stage("extract", path):
        sentences = section_sentences(text, sections)
        indicators = extract_indicators(text, sections, row, sentences, view)
        projects = extract_projects(text, sections, row, sentences, view)
        targets = main_targets(text, sections, row, sentences, indicators, view)
        facts = outcome_facts(row, row.get("region") or "", indicators, targets)
        indicators, projects = context.indicator_rows(row, indicators), context.project_rows(row, projects)
        row.update(sections=len(sections), indicators=len(indicators), projects=len(projects))
    with stage("segment", path):
        tokens = segment_rows({"sections": sections, "indicators": indicators, "projects": projects})
    return Report(row, text, sections, indicators, projects, targets, facts, cleaned.dropped, tokens)
