# The whole flow, raw reports to a served database:  make serve   (build + Datasette on 127.0.0.1:8001)
# Every test:                                         make test
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8001

.PHONY: venv build serve test validate clean

venv: $(VENV)/.installed
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

build: venv  ## seeds/ -> data/*.csv, datapackage.json, metadata.yml, reports.db
	$(PY) scripts/build.py

serve: build  ## build, then serve read-only on http://127.0.0.1:$(PORT)/
	$(PY) scripts/serve.py --port $(PORT)

validate: venv
	$(VENV)/bin/frictionless validate datapackage.json

test: venv  ## every test
	$(PY) -m pytest

clean:
	rm -rf reports.db .pytest_cache test-artifacts

SIZES ?= 1,10,100
.PHONY: bench
bench: venv  ## benchmark: synthetic corpus at 1x, 10x, 100x the seeds (SIZES=1,10,100,1000 adds 1000x)
	$(PY) -m bench.run --sizes $(SIZES)
