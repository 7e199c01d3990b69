# One command to install and run, one to test. Everything goes into .venv; nothing system-wide.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?=

.PHONY: install run demo test lint bench i18n screenshots clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Start the app (first start asks you to create your profile). ARGS="--basedir DIR" to use a folder.
run: $(STAMP)
	$(BIN)/tovholder $(ARGS)

## A populated profile to look around in: password "demo", 200 synthetic families, under ./demo-profile
demo: $(STAMP)
	test -e demo-profile/data/tovholder.key.json || \
	  $(BIN)/tovholder demo --basedir demo-profile --families 200 --password demo
	$(BIN)/tovholder --basedir demo-profile

## The whole test suite (lint, then pytest with Qt offscreen: no display needed).
test: $(STAMP)
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/store.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/startup.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/summary_pdf.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/conversation.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/case_history.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/network.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/network_pdf.py

## Refresh the translation sources and compile them (after changing UI strings).
i18n: $(STAMP)
	$(BIN)/python tools/i18n.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
