# The whole flow, raw reports to a served database:  make serve   (build + Datasette on 127.0.0.1:8001)
# Every test:                                         make test
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8001

.PHONY: venv build serve browser test validate clean bench-search bench-load bench-large release serve-versions cff

venv: $(VENV)/.installed
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

build: venv  ## seeds/ -> data/*.csv, datapackage.json, metadata.yml, reports.db
	$(PY) scripts/build.py

serve: build  ## build, then serve read-only on http://127.0.0.1:$(PORT)/
	$(PY) scripts/serve.py --port $(PORT)

validate: venv
	$(VENV)/bin/frictionless validate datapackage.json

browser:  ## Debian's Chromium and a CJK font for the browser tests (apt-get; skipped with SKIP_BROWSER=1)
	@if [ "$(SKIP_BROWSER)" != "1" ]; then .ci/install-browser; fi

test: venv browser  ## every test
	$(PY) -m pytest

release: venv  ## make release VERSION=1.1.0: bump, changelog, checksums, commit, tag, archive in dist/, releases.json
	$(PY) scripts/release.py $(VERSION)

serve-versions: build  ## the latest build plus every recorded release, read-only, http://127.0.0.1:$(PORT)/-/releases
	$(PY) scripts/serve_versions.py --port $(PORT)

cff: venv  ## .venv-cff with cffconvert (the tests create it too); validate CITATION.cff
	$(PY) tests/cff_env.py
	.venv-cff/bin/cffconvert --validate -i CITATION.cff

clean:
	rm -rf reports.db .cache .pytest_cache test-artifacts bench-out

bench-search: build  ## search latency: FTS against a substring scan on 100x the seeds (about a minute)
	$(PY) -m bench.search_bench --json bench-out/search.json

SIZES ?= 1,10,100
.PHONY: bench
bench: venv  ## benchmark: synthetic corpus at 1x, 10x, 100x the seeds (SIZES=1,10,100,1000 adds 1000x)
	$(PY) -m bench.run --sizes $(SIZES)

bench-load: build  ## bounded load test on 127.0.0.1 (50 clients, 30 s per scenario)
	$(PY) -m bench.load --out . --clients 50 --duration 30

bench-large: venv  ## time a 50 MB report's build, stage by stage
	$(PY) -m bench.large
