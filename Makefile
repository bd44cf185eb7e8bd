# The two set-up commands of the README: `make demo` and `make test`. Each does all set-up it needs
# (Debian packages, the .venv, pinned Python dependencies, models/ assets) and is a no-op when done.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := tesseract-ocr tesseract-ocr-ukr tesseract-ocr-rus tesseract-ocr-eng fonts-dejavu-core
STAMPS := .stamps

.PHONY: demo test setup system-deps venv models lint bench bench-ocr clean

demo: setup
	$(VENV)/bin/crosscheck ingest samples/
	@echo
	@echo '$$ crosscheck query --saved top-entities --param limit=15'
	@$(VENV)/bin/crosscheck query --saved top-entities --param limit=15
	@echo
	@echo '$$ crosscheck query --saved status-conflicts'
	@$(VENV)/bin/crosscheck query --saved status-conflicts

test: setup
	$(PY) -m pytest -q

setup: system-deps venv models

system-deps: $(STAMPS)/apt
$(STAMPS)/apt:
	@mkdir -p $(STAMPS)
	@if dpkg-query -W -f='$${Status}\n' $(APT_PACKAGES) 2>/dev/null | grep -qv 'install ok installed' \
	    || [ "$$(dpkg-query -W -f='$${Status}\n' $(APT_PACKAGES) 2>/dev/null | wc -l)" -ne $(words $(APT_PACKAGES)) ]; then \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	fi
	@touch $@

venv: $(STAMPS)/venv
$(STAMPS)/venv: requirements.lock requirements-models.txt pyproject.toml
	@mkdir -p $(STAMPS)
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-models.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

models: $(STAMPS)/models
# What the built assets depend on: the build package, the runtime modules the gazetteer build calls
# (form keys, morphology, transliteration), the hand-written inputs, and what the uk NER recipe hash
# covers (its config and the organisation case forms). The rules that label the NER's silver data are
# left out on purpose: they do not retrain the model (models/README.md).
MODELS_INPUTS := $(wildcard nlp/build/*.py nlp/build/*/*.py) nlp/gazetteer.py nlp/normalize.py nlp/translit.py \
	models/gazetteer/facilities.csv models/uk_ner/config.cfg models/ner/organisations.json
$(STAMPS)/models: $(STAMPS)/venv $(MODELS_INPUTS)
	$(PY) -m nlp.build
	@touch $@

lint: venv
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/lint-imports

bench: setup
	$(PY) -m bench.ingest_throughput

bench-ocr: setup
	$(PY) -m bench.ocr_throughput

clean:
	rm -rf $(STAMPS) $(VENV)
