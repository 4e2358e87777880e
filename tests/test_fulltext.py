"""The whole-text page's segments (fulltext.py): every character once, every mention marked."""
from cn_gov_reports.fulltext import Mention, indicator_mention, project_mention, segments

TEXT = "GDP增长9.7%,建成长江存储项目。二、工作安排"


def test_segments_cover_the_text_once_and_mark_each_mention():
    mentions = [Mention("indicators", "i1", 5, 9, "GDP 9.7%"), Mention("projects", "p1", 11, 15, "长江存储"),
                Mention("projects", "p2", 11, 17, "长江存储项目")]
    out = segments(TEXT, mentions, [(0, "s0"), (19, "s1")])
    assert "".join(s.text for s in out) == TEXT
    assert [s.start for s in out] == sorted(s.start for s in out)
    marked = {(s.text, tuple(m.id for m in s.mentions)) for s in out if s.mentions}
    assert marked == {("9.7%", ("i1",)), ("成长江存", ("p2", "p1")), ("储项", ("p2",))}
    starts = {s.start: s.anchors for s in out if s.anchors}
    assert starts == {0: ["s0"], 5: ["i1"], 11: ["p2", "p1"], 19: ["s1"]}
    for m in mentions:  # a mention's words are exactly the segments that carry it
        assert "".join(s.text for s in out if m in s.mentions) == TEXT[m.start:m.end]


def test_mentions_outside_the_text_are_left_out():
    out = segments("短文本", [Mention("indicators", "x", 2, 9, ""), Mention("indicators", "y", 1, 1, "")])
    assert [s.text for s in out] == ["短文本"] and not out[0].mentions


def test_mention_titles():
    m = indicator_mention({"id": "i", "char_start": 1, "char_end": 3, "subject": "GDP", "value": 9.7, "unit": "%",
                           "status": "actual"})
    assert (m.table, m.title) == ("indicators", "GDP 9.7% · actual")
    p = project_mention({"id": "p", "char_start": 1, "char_end": 3, "name": "长江存储", "stage": "started",
                         "status": "target"})
    assert (p.table, p.title) == ("projects", "长江存储 · started · target")
