"""The build's list of reports on disk (entries.py): read back in both orders, and read by the validation
while the packaging records where each report's rows went."""
import json

from cn_gov_reports.cache import Entry
from cn_gov_reports.entries import EntryList


def entry(doc_id, key):
    document = json.dumps({"id": doc_id}).encode()
    return Entry(key, f"/cache/{key}", document, f"hash-{key}", {"sections": 2}, {"sections": (0, 10)}, "")


def test_entries_come_back_in_file_name_and_document_order(tmp_path):
    entries = EntryList(str(tmp_path / "entries.db"))
    for doc_id, key in [("b", "k1"), ("a", "k2"), ("c", "k3")]:
        entries.add(entry(doc_id, key), fresh=key != "k2")
    assert [e.key for e in entries] == ["k1", "k2", "k3"]
    assert [e.document["id"] for e in entries.ordered()] == ["a", "b", "c"]
    assert [e.key for e in entries.ordered(fresh_only=True)] == ["k1", "k3"]
    assert entries.row_counts() == {"sections": 6}
    entries.close()


def test_the_layout_is_written_while_the_validation_reads_the_entries(tmp_path):
    """The validation's read-only connection holds the entries' file while it reads them one at a time (build
    .write_outputs starts it before packaging); the layout goes to a file of its own, so recording it neither
    waits for that read nor fails with 'database is locked'."""
    path = str(tmp_path / "entries.db")
    entries = EntryList(path)
    for doc_id, key in [("b", "k1"), ("a", "k2")]:
        entries.add(entry(doc_id, key), fresh=True)
    entries.commit()
    reader = EntryList(path, readonly=True)
    reading = iter(reader.ordered())
    assert next(reading).document["id"] == "a"  # a read under way: a shared lock on the entries' file
    sink = entries.layout_sink()
    sink.append({"sections": [0, 10]})
    sink.append({"sections": [10, 10]})
    assert list(entries.layout()) == [("a", {"sections": [0, 10]}), ("b", {"sections": [10, 10]})]
    assert next(reading).document["id"] == "b"
    reader.close()
    entries.close()
