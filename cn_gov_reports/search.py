"""Chinese full-text search in stock SQLite FTS5 that finds what a substring search (Ctrl+F) finds.

FTS5's tokenizers split on spaces and punctuation, so an unbroken run of Chinese is one token to them.
Here the text is cut into tokens in Python and stored space-separated; FTS5 only splits on the spaces.
Every searchable table T (fields.py lists its `fts` columns, e.g. sections: heading, text) gets a
contentless FTS5 table T_fts with two columns per searchable column:

- `heading`, `text`: the characters, one token each (whitespace runs become one BREAK token). A query
  term becomes the phrase of its characters, which FTS5 finds exactly where the term occurs as a
  substring: one- and two-character queries, 788亿元, PM2.5 and words jieba would split differently
  all match. This is what Datasette's `?_search=` uses (see match_expression).
- `heading_words`, `text_words`: jieba's segmentation with the project's user dictionary
  (vocab/userdict.txt). A query's own segmentation matched against these ranks rows where the query
  is a sequence of whole words above rows where it is part of a longer word (see words_expression),
  and lets any SQLite tool search by word: `text_words MATCH '长江存储'`.

The tokenizer is stock `unicode61` told (option `categories`) to keep punctuation and symbols as tokens, so
the database works in SQLite builds with FTS5 without loading an extension (tested with SQLite 3.40).
"""
import functools
import logging
import re

import rjieba

from . import fields, paths
from .normalize import normalize

USERDICT = paths.vocab("userdict.txt")
BREAK = "\ue000"  # a private-use character standing for a run of whitespace in the indexed text
# Every category but separators (Z*) and controls is a token character, so only our spaces split tokens.
TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Co'"
JIEBA_HMM = False  # dictionary words only: the same text always gives the same words
WORDS_SUFFIX = "_words"
INDEX_MEMORY = 64 * 1024 * 1024  # bytes of pending terms FTS5 keeps in memory per index while loading
# FTS5's settings while a new index is loaded, then while it is served and updated (FTS5's defaults: merge
# segments a few at a time as rows come). A load leaves segments unmerged (automerge 0; crisismerge: at most
# that many of one level before they must merge) and merges them all once at the end (optimize): each term's
# rows are written out about twice (flushed, then merged), not once more per level of merging; at 1000x the
# index stage took 56-58 s against 59-64 s (two runs each, docs/benchmark.md), and the index came out 2% smaller.
LOADING = {"hashsize": INDEX_MEMORY, "automerge": 0, "crisismerge": 64}
SERVED = {"automerge": 4, "crisismerge": 16}
_WHITESPACE = re.compile(r"\s+")
_SKIP = re.compile(r"(\r\n|\s)")  # where jieba ends a block (its re_skip): "\r\n" or one whitespace character
_USERDICT_LINE = re.compile(r"^(\S+)(?: (\d+))?(?: ([a-z]+))?$")
_QUERY_TERM = re.compile(r'"([^"]*)"|(\S+)')  # a "quoted phrase" (may hold spaces) or a run of non-spaces


class UserDictError(ValueError):
    pass


def read_userdict(path=USERDICT):
    """[(word, frequency or None, tag or None)] from the user dictionary; '#' lines are comments."""
    entries, problems = [], []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            match = _USERDICT_LINE.match(line)
            if not match:
                problems.append(f"{path}:{number}: not 'word [frequency] [tag]': {line!r}")
                continue
            word, freq, tag = match.groups()
            entries.append((word, int(freq) if freq else None, tag))
    if problems:
        raise UserDictError("\n".join(problems))
    return entries


@functools.lru_cache(maxsize=1)
def tokenizer():
    """jieba-rs (the rjieba package) with jieba's dictionary plus the project's user dictionary.

    jieba-rs is jieba's algorithm and dictionary in Rust, about ten times faster than the Python package;
    tests/test_search.py checks that it cuts every seed value exactly as Python jieba (reference_tokenizer)
    does with the same user dictionary."""
    tk = rjieba.Jieba()
    for word, freq, tag in read_userdict():
        tk.add_word(word, freq, tag)
    return tk


@functools.lru_cache(maxsize=1)
def reference_tokenizer():
    """The Python jieba tokenizer with the user dictionary: what tokenizer() must agree with (tests only)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    for word, freq, tag in read_userdict():
        tk.add_word(word, freq, tag)
    return tk


def chars(text):
    """The text as space-separated characters, each whitespace run one BREAK token."""
    return " ".join(_WHITESPACE.sub(BREAK, text or ""))


def _join_words(cut):
    tokens = (BREAK if w.isspace() else _WHITESPACE.sub("", w) for w in cut)
    return " ".join(t for t in tokens if t)


def words(text):
    """The text as space-separated jieba words (each whitespace character a BREAK token).

    Whitespace always ends a block of jieba's (its re_skip, _SKIP here), so a text with whitespace is cut run
    by run between them: the same words as one cut of the whole (tests compare with Python jieba), without
    testing every word for whitespace."""
    text = text or ""
    tk = tokenizer()
    if not _WHITESPACE.search(text):  # most sentences
        return " ".join(filter(None, tk.cut(text, JIEBA_HMM)))
    tokens = []
    for i, run in enumerate(_SKIP.split(text)):  # runs without whitespace at even places, each whitespace at odd
        if i % 2:
            tokens.append(BREAK)
        elif run:
            tokens += tk.cut(run, JIEBA_HMM)
    return " ".join(filter(None, tokens))


def reference_words(text):
    """words() as Python jieba cuts the text (tests only)."""
    return _join_words(reference_tokenizer().cut(text or "", HMM=JIEBA_HMM))


def query_terms(query):
    """The terms of a typed query, normalized like the reports: quoted phrases whole, else split on spaces."""
    query = normalize(query or "")
    if query.count('"') % 2:
        query += '"'
    return [quoted or bare for quoted, bare in _QUERY_TERM.findall(query) if (quoted or bare).strip()]


def _phrase(tokens):
    return '"' + tokens.replace('"', '""') + '"'


def match_expression(query):
    """The FTS5 MATCH expression finding rows that contain every term of the query as a substring."""
    terms = query_terms(query)
    if not terms:
        return '""'  # matches nothing
    return " AND ".join(_phrase(chars(term.strip())) for term in terms)


def words_expression(query):
    """The MATCH expression finding rows where every term is a run of whole jieba words (for ranking)."""
    terms = query_terms(query)
    if not terms:
        return '""'
    return " AND ".join(_phrase(words(term.strip())) for term in terms)


def contains(query, *values):
    """True when every term of the query occurs in one of the values (case-insensitive, like FTS5)."""
    haystacks = [_WHITESPACE.sub(" ", v).lower() for v in values if v]
    return all(any(_WHITESPACE.sub(" ", t.strip()).lower() in h for h in haystacks) for t in query_terms(query))


# The index


def fts_table(table):
    return f"{table.name}_fts"


def fts_columns(table):
    """The FTS table's columns: the characters of each searchable column, then its words."""
    return list(table.fts) + [c + WORDS_SUFFIX for c in table.fts]


def searchable_tables():
    return [t for t in fields.TABLES if t.fts]


def create_fts(conn, table):
    name = fts_table(table)
    conn.execute(f"drop table if exists [{name}]")
    columns = ", ".join(f"[{c}]" for c in fts_columns(table))
    conn.execute(f"create virtual table [{name}] using fts5({columns}, content='', tokenize=\"{TOKENIZE}\")")
    # FTS5 writes its pending terms out as a new segment every 1 MB by default; with more memory (LOADING's
    # hashsize) a bulk load writes far fewer segments (the benchmark's index stage at 100x: 5.0 s -> 3.6 s)
    configure(conn, table, LOADING)


def configure(conn, table, settings):
    """Set FTS5 configuration options ({name: value}) of the table's index; they are kept in the database."""
    name = fts_table(table)
    for option, value in settings.items():
        conn.execute(f"insert into [{name}] ([{name}], rank) values (?, ?)", (option, value))


def segment(values, memo=None):
    """[characters..., words...] of a row's searchable values, in fts_columns order."""
    return [chars(v) for v in values] + segment_words(values, memo)


def segment_words(values, memo=None):
    """[words...] of a row's searchable values: the jieba half of segment(), the costly half.

    `memo` ({value: words}) spares jieba a value it has already cut (indicators share sentences)."""
    memo = {} if memo is None else memo
    cut = []
    for v in values:
        if v not in memo:
            memo[v] = words(v)
        cut.append(memo[v])
    return cut


def segment_rows(rows_by_table):
    """{table name: {row id: segment_words(row)}} for one report's rows: the jieba work of the index, done
    per report (in the build's worker processes, and cached with the report) so loading only inserts."""
    memo = {}
    return {table.name: {row["id"]: segment_words([row.get(c) for c in table.fts], memo)
                         for row in rows_by_table.get(table.name, [])}
            for table in searchable_tables()}


def index_rows(rows, words=None):
    """(rowid, characters..., words...) for (rowid, row id, searchable values...) rows; rows found in
    `words` ({row id: segment_words(row)}) are not segmented again."""
    words = words or {}
    for rowid, row_id, *values in rows:
        cut = words.get(row_id)
        yield (rowid, *[chars(v) for v in values], *(cut if cut is not None else segment_words(values)))


def select_rows(conn, table, where="", params=()):
    """(rowid, id, searchable values...) of the table's rows, in rowid order."""
    select = ", ".join(f"[{c}]" for c in table.fts)
    return conn.execute(f"select rowid, [{table.primary_key}], {select} from [{table.name}] {where} "
                        "order by rowid", params)


def insert_sql(table, command=False):
    """The INSERT of one row into the table's FTS index; with `command`, of an FTS5 command row (the
    first value names the command, e.g. 'delete', which a contentless table needs with the row's tokens)."""
    fts = fts_table(table)
    columns = ([fts] if command else []) + ["rowid"] + fts_columns(table)
    return (f"insert into [{fts}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"values ({', '.join('?' for _ in columns)})")


def add_rows(conn, table, rows, words=None):
    """Index (rowid, id, searchable values...) rows; `words` as in index_rows."""
    conn.executemany(insert_sql(table), index_rows(rows, words))


def remove_rows(conn, table, rows):
    """Take (rowid, id, searchable values...) rows out of the contentless index: FTS5's 'delete' command
    with exactly the tokens they were indexed with (segmenting is a pure function of the values)."""
    conn.executemany(insert_sql(table, command=True), (("delete", *r) for r in index_rows(rows)))


def index_table(conn, table, words=None):
    create_fts(conn, table)
    add_rows(conn, table, select_rows(conn, table), words)
    optimize(conn, table)


def optimize(conn, table):
    """Merge the index's segments into one (smaller, faster to query), and set it up to be served (SERVED)."""
    conn.execute(f"insert into [{fts_table(table)}] ([{fts_table(table)}]) values ('optimize')")
    configure(conn, table, SERVED)


def index_database(conn, tokens=None):
    """Build the FTS index of every searchable table in an open sqlite3 connection, and commit.

    `tokens` ({table name: {row id: segment_words(row)}}, from segment_rows) saves segmenting again."""
    tokens = tokens or {}
    with conn:
        for table in searchable_tables():
            index_table(conn, table, tokens.get(table.name))


# Ranked search across tables (the home page's search box)

LABEL_WEIGHT, BODY_WEIGHT = 5.0, 1.0  # bm25 weights: a hit in a heading, subject or name counts five times


def exact_sql(table):
    """SQL true for a row that *is* the query, not one that merely mentions it: its label (subject, name,
    heading) equals the query, or, for a row pointing at words of its sentence (indicators, projects), the words
    it points at are the query as written (788亿元 is that indicator's mention; a rank row in the same
    sentence only contains it)."""
    label = f"lower(t.[{table.fts[0]}]) = :joined"
    if {"sentence", "char_start", "sentence_start", "char_end"} <= set(table.columns):
        return (f"({label} or lower(substr(t.sentence, t.char_start - t.sentence_start + 1, "
                f"t.char_end - t.char_start)) in (:typed, :joined))")
    return f"({label})"


def ranked_sql(table, bounded=False):
    """SQL for the rows of one table that match :chars, best first, at most :limit; `bounded`: only among the
    matches whose rowid is at most :last_rowid (the first matches, from nth_match_sql).

    Order: rows that are the query exactly (exact_sql) first, then rows holding the whole query verbatim (as
    typed, :typed, or with its spaces removed, :joined, since Chinese is written without spaces), then rows
    where the query is a run of whole jieba words (:words), then FTS5's bm25 over the character columns (label
    weighted higher), then the primary key (not the rowid, whose numbers an incremental build does not keep in
    step with a full one). Each row comes with its document (document_id, or its own id for documents)."""
    fts = fts_table(table)
    weights = [LABEL_WEIGHT] + [BODY_WEIGHT] * (len(table.fts) - 1) + [0.0] * len(table.fts)
    verbatim = " or ".join(f"instr(lower(t.[{c}]), :typed) > 0 or instr(lower(t.[{c}]), :joined) > 0"
                           for c in table.fts)
    columns = ", ".join(f"t.[{c}]" for c in table.fts)
    document = "t.document_id" if "document_id" in table.columns else f"t.[{table.primary_key}]"
    bound = " and rowid <= :last_rowid" if bounded else ""
    return f"""select t.rowid as rowid_, t.[{table.primary_key}] as pk_, {columns}, {document} as document_,
  {exact_sql(table)} as exact_,
  ({verbatim}) as verbatim_,
  t.rowid in (select rowid from [{fts}] where [{fts}] match :words{bound}) as whole_words_,
  bm25([{fts}], {", ".join(str(w) for w in weights)}) as score_
from [{fts}] join [{table.name}] t on t.rowid = [{fts}].rowid
where [{fts}] match :chars{bound.replace(" rowid", f" [{fts}].rowid")}
order by exact_ desc, verbatim_ desc, whole_words_ desc, score_, t.[{table.primary_key}]
limit :limit"""


def count_sql(table):
    """SQL for the number of rows matching :chars, counting at most :cap + 1 of them (more than :cap: unknown)."""
    fts = fts_table(table)
    return f"select count(*) from (select rowid from [{fts}] where [{fts}] match :chars limit :cap + 1)"


def nth_match_sql(table):
    """SQL for the rowid of the :cap-th row matching :chars in rowid order (reads :cap matches)."""
    fts = fts_table(table)
    return f"select rowid from [{fts}] where [{fts}] match :chars order by rowid limit 1 offset :cap - 1"


def search_params(query, limit):
    terms = [_WHITESPACE.sub(" ", t.strip()).lower() for t in query_terms(query)]
    return {"chars": match_expression(query), "words": words_expression(query), "typed": " ".join(terms),
            "joined": "".join(terms).replace(" ", ""), "limit": limit}


def rank_key(hit):
    """Sort key merging hits of several tables in the order ranked_sql gives within one."""
    return (-hit["exact"], -hit["verbatim"], -hit["whole_words"], hit["score"])


def snippet(query, text, width=40):
    """(before, hit, after) around the first term of the query found in text, or None."""
    lowered = (text or "").lower()
    for term in query_terms(query):
        at = lowered.find(term.strip().lower())
        if at >= 0:
            end = at + len(term.strip())
            before = text[max(0, at - width):at]
            return ("…" if at > width else "") + before, text[at:end], text[end:end + width] + (
                "…" if end + width < len(text) else "")
    return None
