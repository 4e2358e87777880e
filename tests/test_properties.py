"""Property-based tests (hypothesis): random text and damaged reports never crash the reader, the chrome
cleaner or the section parser, and no text is lost: every line is either kept or dropped as chrome or
metadata (with its reason), or kept without the page-jump fragments the cleaner cut out of it (each listed
with its line), and the sections tile the cleaned text, so every character that is not chrome lands in
exactly one section."""
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cn_gov_reports.chrome import clean
from cn_gov_reports.normalize import normalize, squeeze
from cn_gov_reports.pipeline import process_report
from cn_gov_reports.read import ReportError
from cn_gov_reports.sections import build_sections
from cn_gov_reports.webpage import page_text

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
with open(os.path.join(FIXTURES, "report.txt"), encoding="utf-8") as _fh:
    REPORT = _fh.read()
with open(os.path.join(FIXTURES, "split_numbers.txt"), encoding="utf-8") as _fh:
    SPLIT = _fh.read()

# Pieces that exercise every rule: heading labels, chrome and metadata phrasings, numbers, punctuation
PIECES = ["一、", "二、", "(一)", "(二)", "（三）", "1.", "2、", "(1)", "第一章", "第二节", "2018年工作回顾", "名词解释",
          "附件", "。", ":", ":", ",", "、", "!", "?", ";", "\n", "\n\n", "\r\n", "\r", " ", "\u3000", "\t", "\ufeff",
          "索 引 号:", "发布机构:", "發文日期:2017-01-23", "文 号:", "【字体:", "版权所有", "ICP备", "首页 >",
          "您所在的位置:", "分享到", "浏览量:", "Copyright ©", "武汉市人民政府", "2021年12月2日", "9.7%", "1.5亿元",
          "2.9万件", "增长", "发展", "經濟", "報告", "各位代表:", "一年来,我们主要做了以下工作:", "(下转第3版)",
          "(上接第1版)", "政 府 工 作 报 告", " — 3 — ", "记者 张三 摄", "相关报道:", "来源:新华网", "下载 打印",
          "[12]", "本作品属于公有领域。"]
chunks = st.one_of(st.sampled_from(PIECES), st.text(max_size=8),
                   st.text(alphabet="一二三四五六七八九十零〇()()、。,:.1234567890 \n年月日区市报告", max_size=12))
random_text = st.lists(chunks, max_size=80).map("".join)


@st.composite
def damaged_report(draw):
    """A real report cut, spliced, duplicated, re-wrapped and sprinkled with chrome and random text."""
    text = draw(st.sampled_from([REPORT, SPLIT, REPORT[:1500]]))
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 400)))
        action = draw(st.sampled_from(["cut", "insert", "duplicate", "newlines", "join_lines", "truncate"]))
        if action == "cut":
            text = text[:i] + text[j:]
        elif action == "insert":
            text = text[:i] + draw(random_text) + text[i:]
        elif action == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif action == "newlines":
            text = text[:i] + text[i:j].replace("。", "。\n").replace(",", "\n,") + text[j:]
        elif action == "join_lines":
            text = text[:i] + text[i:j].replace("\n", draw(st.sampled_from(["", " "]))) + text[j:]
        else:
            text = text[:i]
    return text


def _without_pieces(line, pieces):
    """Every text the line can leave when each piece is cut out once, at any of its occurrences: a dropped
    fragment is recorded by its text, and a line may hold the same text twice (a page number kept as the first
    "— 3 —" and cut as the second)."""
    results = {line}
    for piece in pieces:
        results = {r[:k] + r[k + len(piece):] for r in results for k in _occurrences(r, piece)}
    return results


def _occurrences(text, piece):
    start = text.find(piece)
    while start != -1:
        yield start
        start = text.find(piece, start + 1)


def _tiles(text, options):
    """Whether text is one choice of each line's options, in order."""
    ends = {0}
    for choices in options:
        ends = {end + len(o) for end in ends for o in choices if text.startswith(o, end)}
    return len(text) in ends


def check_nothing_lost(raw):
    """The invariants of chrome.clean and sections.build_sections for one input text."""
    text = normalize(raw)
    cleaned = clean(text)
    lines = text.split("\n")
    pieces = {}
    for i, piece, _ in cleaned.dropped:
        pieces.setdefault(i, []).append(piece)
    kept_options = []
    for i, line in enumerate(lines):
        if lines[i] in pieces.get(i, []):
            continue  # the whole line dropped, as written
        for piece in pieces.get(i, []):
            assert piece in line  # a fragment cut out of a kept line, as written
        kept_options.append(_without_pieces(squeeze(line), [squeeze(p) for p in pieces.get(i, [])]))
    # the rest is kept, in order; only whitespace may differ (a page jump or a linked term joined)
    assert _tiles(squeeze(cleaned.text), kept_options)

    rows = build_sections("doc", cleaned.text)
    out = cleaned.text
    assert rows[0]["char_start"] == 0 and rows[-1]["char_end"] == len(out)
    for a, b in zip(rows, rows[1:]):
        assert a["char_end"] == b["char_start"]  # sections tile the text: each character in exactly one
    for r in rows:
        assert r["char_start"] <= r["body_start"] <= r["char_end"]
        assert r["text"] == out[r["body_start"]:r["char_end"]]
        head = out[r["char_start"]:r["body_start"]]
        assert r["label"] in head and r["heading"] in head  # the heading's own characters are in its section
        assert 0 <= r["level"] <= 5  # 5: (1) under 1. inside 一、 inside an unnumbered part
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(set(r["id"]) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") for r in rows)


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(random_text)
@example("(上接第1版) — 3 — 一、 — 3 — ")  # one page number kept, the same one later cut
def test_random_text_never_crashes_and_loses_nothing(raw):
    check_nothing_lost(raw)


@PROPERTY
@given(damaged_report())
def test_damaged_reports_never_crash_and_lose_nothing(raw):
    check_nothing_lost(raw)


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.binary(max_size=2000), damaged_report().map(lambda t: t.encode("gb18030")),
                 damaged_report().map(lambda t: t.encode("utf-16")),
                 st.tuples(damaged_report(), st.binary(max_size=50)).map(lambda p: p[0].encode("utf-8") + p[1])))
def test_any_file_is_read_or_refused_with_a_reason(tmp_path_factory, data):
    """The whole pipeline on any bytes: a report, or a ReportError naming the file; nothing else."""
    path = tmp_path_factory.mktemp("prop") / "input.txt"
    path.write_bytes(data)
    try:
        report = process_report(str(path))
    except ReportError as e:
        assert str(e).startswith("input.txt: ") and "\n" not in str(e)
    else:
        assert report.sections[-1]["char_end"] == len(report.text)


TAGS = ["<p>", "</p>", "<div class='nav'>", "<div class='article'>", "</div>", "<br>", "<span>", "</span>",
        "<table><tr><td>", "</td><td>", "</td></tr></table>", "<script>", "</script>", "<!--", "-->", "<h1>", "</h1>",
        "<header>", "</header>", "<footer>", "</footer>", "<article>", "</article>", "&nbsp;", "&lt;", "<", ">", "\n"]
random_html = st.lists(st.one_of(st.sampled_from(TAGS), chunks), max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(random_html)
def test_any_html_gives_text_without_crashing(html):
    text = page_text(html)
    assert all(line == line.strip(" ") and line for line in text.split("\n")) or text == ""
