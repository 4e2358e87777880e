"""A document's whole normalized text as a page: the text cut into segments at every section start and every
start and end of an extracted number or project (their char_start/char_end), so the page marks each mention
and links it to its row. Pure functions; plugins/document_text.py reads the rows and renders
templates/document_text.html.
"""
from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mention:
    """One row that points at text[start:end]: an indicator or a project."""
    table: str
    id: str
    start: int
    end: int
    title: str  # what the row says of the words (subject, value, status; or name, stage)


@dataclass
class Segment:
    text: str
    start: int
    mentions: list = field(default_factory=list)  # the Mentions covering the whole segment, outermost first
    anchors: list = field(default_factory=list)  # ids of the rows and sections that start here


def segments(text, mentions, section_starts=()):
    """The text cut at every mention's start and end and every section start (section_starts: (offset, id)),
    in order; their texts concatenate to `text`. A mention that falls outside the text is left out."""
    inside = [m for m in mentions if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text)} | {m.start for m in inside} | {m.end for m in inside}
                  | {s for s, _ in section_starts if 0 <= s < len(text)})
    starting = {}
    for offset, section_id in section_starts:
        starting.setdefault(offset, []).append(section_id)
    for m in sorted(inside, key=lambda m: (m.start, -m.end)):
        starting.setdefault(m.start, []).append(m.id)
    ordered = sorted(inside, key=lambda m: (m.start, -m.end))
    out, active, nxt = [], [], 0
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a]
        while nxt < len(ordered) and ordered[nxt].start <= a:
            if ordered[nxt].end > a:
                active.append(ordered[nxt])
            nxt += 1
        out.append(Segment(text[a:b], a, list(active), starting.get(a, [])))
    return out


def indicator_mention(row, label=str):
    """The Mention of an indicators row (dict with id, char_start, char_end, subject, value, unit, status)."""
    value = label(row.get("value"))
    return Mention("indicators", row["id"], row["char_start"], row["char_end"],
                   f"{row.get('subject') or ''} {value}{row.get('unit') or ''} · {row.get('status') or ''}".strip())


def project_mention(row):
    """The Mention of a projects row (dict with id, char_start, char_end, name, stage, status)."""
    return Mention("projects", row["id"], row["char_start"], row["char_end"],
                   f"{row.get('name') or ''} · {row.get('stage') or ''} · {row.get('status') or ''}")


PREVIEW_CHARS = 80  # the beginning of a texts cell shown in an HTML table


def preview_cell(value, database, datasette, row):
    """A texts cell in an HTML table: its first PREVIEW_CHARS characters and a link to the document's whole-text
    page at that part (plugins/document_text.py)."""
    url = datasette.urls.path(f"/{database}/documents/{row['document_id']}/text?part={row['part']}")
    more = "…" if len(value) > PREVIEW_CHARS else ""
    return Markup(f'{escape(value[:PREVIEW_CHARS])}{more} <a class="ui-read-text" href="{escape(url)}">'
                  f'全文 <span class="ui-en">whole text ({len(value):,} 字)</span></a>')
