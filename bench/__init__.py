"""The benchmark: a synthetic corpus (corpus.py), measured builds (build_once.py), the jieba floor (floor.py),
server latency (server.py), all run and reported by run.py (`python -m bench.run`)."""
