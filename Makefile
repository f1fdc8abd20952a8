# iIKP acceptance suite: `make run` (all scenarios + HTML report) and `make test` (the project's own tests).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BEHAVE := $(VENV)/bin/behave
RESULTS := reports/allure-results
# make test's single-page run keeps its results apart from the main report
SPA_RESULTS := reports/spa-results
SPA_DELAY_MS ?= 150
SCAN_EXTRA ?=
REPORT := reports/allure-report
# The report's trend across runs (make clean keeps it); GENERATE_LOG: allure generate's output
HISTORY_DIR := reports/history
GENERATE_LOG = $(dir $(REPORT))allure-generate.log
WORKERS ?= 1
N ?= 10
ARGS ?=
GRID ?=
GRID_NODES ?= 2
GRID_PORT ?= 4444
# GRID=local: the run starts its own Selenium Grid (hub + nodes) and runs every browser through it.
GRID_ARGS := $(if $(GRID),-D grid=$(GRID))

.PHONY: help setup system-deps run report test lint sim dry-run sprawdz kroki teksty smoke clean soak privacy-scan bench grid bench-grid

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

setup: system-deps $(VENV)/.installed node_modules/.installed ## Install everything (idempotent, quick when done)

system-deps:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Instaluję Chromium i chromedriver z Debiana..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else \
	  echo "Brak Chromium lub chromedriver. Zainstaluj: sudo apt-get install -y chromium chromium-driver" >&2; exit 2; \
	fi
	@if command -v java >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Instaluję Javę z Debiana (default-jre-headless) dla Selenium Grid..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	else \
	  echo "Uwaga: brak Javy; Selenium Grid (make grid, GRID=local) nie zadziała. Zainstaluj: sudo apt-get install -y default-jre-headless" >&2; \
	fi

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@echo "$(CURDIR)" > "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/iikp.pth"
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

run: setup ## Run every scenario against the simulator (WORKERS=N: N parallel processes; GRID=local: through a local Selenium Grid), then the HTML report
	@rm -rf $(RESULTS) reports/junit; mkdir -p $(RESULTS)
	@status=0; \
	if [ "$(WORKERS)" = 1 ]; then $(BEHAVE) $(GRID_ARGS) $(ARGS) || status=$$?; \
	else $(PY) -m tools.parallel --workers $(WORKERS) $(GRID_ARGS) $(ARGS) || status=$$?; fi; \
	$(MAKE) --no-print-directory report; \
	$(MAKE) --no-print-directory privacy-scan || status=1; \
	exit $$status

report: node_modules/.installed $(VENV)/.installed ## Build reports/allure-report/index.html from reports/allure-results (a run enters the trend once; a dry run or failed set-up never)
	@rm -f $(REPORT)/index.html $(REPORT)/summary.json; mkdir -p $(dir $(REPORT))
	@append=$$($(PY) -m tools.report_gate history $(RESULTS) --runs $(HISTORY_DIR)/runs.txt) || exit 1; \
	IIKP_APPEND_HISTORY=$$append IIKP_HISTORY_PATH=$(HISTORY_DIR)/history.jsonl \
	  npx --no-install allure generate $(RESULTS) --config allurerc.mjs --output $(REPORT) > $(GENERATE_LOG) 2>&1 \
	  && test -s $(REPORT)/index.html \
	  || { cat $(GENERATE_LOG); echo "Nie zbudowano raportu HTML (log: $(GENERATE_LOG))" >&2; exit 1; }; \
	if [ "$$append" = 1 ]; then $(PY) -m tools.report_gate recorded $(RESULTS) --runs $(HISTORY_DIR)/runs.txt; fi
	@echo "Raport HTML: $(abspath $(REPORT))/index.html"

test: setup lint ## Lint, the project's own tests (pytest, the whole suite in a random markup among them), dry run, the whole suite as a single-page app, privacy scan
	@rm -rf reports/pytest $(RESULTS) $(SPA_RESULTS) reports/junit reports/junit-spa; mkdir -p reports $(RESULTS)
	@status=0; \
	WHOLE_SUITE_RESULTS=$(RESULTS) WHOLE_SUITE_JUNIT=reports/junit \
	  $(VENV)/bin/pytest -q -m "not slow" --durations=20 --junitxml=reports/pytest/junit.xml tests || status=1; \
	$(BEHAVE) --dry-run --no-junit --no-summary > reports/dry-run.log 2>&1 \
	  && echo "behave --dry-run: wszystkie kroki zdefiniowane" \
	  || { status=1; echo "behave --dry-run: niezdefiniowane kroki albo błąd składni:"; tail -30 reports/dry-run.log; }; \
	echo "Cały zestaw w trybie jednostronicowym (ekrany podmieniane w miejscu po $(SPA_DELAY_MS) ms):"; \
	$(PY) -m tools.isolated_run $(SPA_RESULTS) --junit reports/junit-spa -- -D ui=spa -D spa_delay_ms=$(SPA_DELAY_MS) \
	  || status=1; \
	$(MAKE) --no-print-directory report && $(PY) -m tools.report_gate check $(REPORT) || status=1; \
	$(MAKE) --no-print-directory privacy-scan SCAN_EXTRA="$(SPA_RESULTS) reports/junit-spa" || status=1; \
	$(PY) -m tools.summary reports/pytest/junit.xml reports/junit reports/junit-spa; \
	exit $$status

bench: setup ## Measure the suite (serial and 2 workers) against a bare Selenium floor: reports/bench.json (GRID=local: also through a local Grid)
	$(PY) -m tools.bench $(if $(GRID),--grid) $(ARGS)

bench-grid: setup ## Time the suite serially with local Chromium and through a local Selenium Grid: reports/bench-grid.json
	$(PY) -m tools.grid_bench $(ARGS)

grid: setup ## Start a local Selenium Grid on 127.0.0.1 (hub + GRID_NODES nodes, hub port GRID_PORT) until Ctrl+C
	@$(PY) -m tools.grid --nodes $(GRID_NODES) --port $(GRID_PORT)

privacy-scan: $(VENV)/.installed ## Fail if any PESEL is in clear text in the suite's reports (results, JUnit, HTML)
	@$(PY) -m tools.privacy_scan $(or $(wildcard $(RESULTS) $(REPORT) reports/junit $(SCAN_EXTRA)),$(RESULTS))

soak: setup ## Run the whole suite N times (make soak N=10) and count the runs with any failure
	$(PY) -m tools.soak --runs $(N) $(if $(ARGS),-- $(ARGS))

dry-run: setup ## Check that every step of every feature is defined
	$(BEHAVE) --dry-run --format=progress --no-junit

lint: $(VENV)/.installed ## ruff over the Python code
	$(VENV)/bin/ruff check .

sim: $(VENV)/.installed ## Start the simulator in the foreground (Ctrl+C stops it)
	$(PY) -m simulator $(ARGS)

sprawdz: $(VENV)/.installed ## Sprawdź plik .feature bez przeglądarki, z podpowiedziami: make sprawdz PLIK=features/x.feature
	@$(PY) -m tools.sprawdz $(PLIK)

kroki: $(VENV)/.installed ## Regenerate docs/kroki.md (the step catalogue) and docs/teksty-ekranow.md (screen texts)
	$(PY) -m tools.catalogue
	$(PY) -m tools.screen_texts

teksty: $(VENV)/.installed ## Regenerate docs/teksty-ekranow.md: every screen text the suite relies on, with its source
	$(PY) -m tools.screen_texts

smoke: setup ## Read-only check of iIKP (@smoke): log in, „Moje konto”, lists, log out; e.g. ARGS="-D target=iikp"
	@$(BEHAVE) --tags=@smoke $(GRID_ARGS) $(ARGS)

clean: ## Remove generated reports (keeps the report's history in reports/history; HISTORY=1 removes it too)
	rm -rf $(RESULTS) $(REPORT) $(SPA_RESULTS) reports/junit reports/junit-spa reports/pytest reports/behavex
	$(if $(HISTORY),rm -rf $(HISTORY_DIR))
