# SatImpact: `make demo` and `make test` set everything up on a fresh Debian 12 machine.
VENV := .venv
PY := $(VENV)/bin/python
PYTEST := $(VENV)/bin/pytest
RUFF := $(VENV)/bin/ruff
export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup test test-fast demo bench models poverty-report workflows lint format translations docs package clean

setup:
	@bash scripts/setup.sh

test: setup
	$(PYTEST) $(PYTEST_ARGS)

# The engine tests (tests/engine/) without QGIS and without those marked slow (Dask clusters, the
# shipped models' evaluations): pytest-qgis is switched off and tests/engine/conftest.py fails any
# test that imports qgis. `make test` still runs everything, the slow tests included.
test-fast: setup
	$(PYTEST) -p no:pytest_qgis -W "ignore:Unknown config option:pytest.PytestConfigWarning" -m "not slow" tests/engine $(PYTEST_ARGS)

demo: setup
	$(PY) scripts/demo.py

bench: setup
	$(PY) scripts/bench.py
	$(PY) scripts/bench_poverty.py
	$(PY) scripts/bench_series.py
	$(PY) scripts/bench_deepness_memory.py
	$(PY) scripts/bench_deepness_compare.py
	$(PY) scripts/bench_batch.py

# The green and poverty recipes read ../shared/data. The poverty score is rebuilt from the method
# recorded by `make poverty-report` (models/reports/), which compares every candidate and baseline
# (about an hour on 2 cores; it retrains the previous CNN with torch, CPU). The plugin never needs torch.
models: setup
	$(PY) models/recipes/build_all.py

poverty-report: setup
	$(VENV)/bin/python -c "import torch" 2>/dev/null || $(VENV)/bin/pip install -q -c $(VENV)/constraints.txt torch==2.13.0
	$(PY) models/recipes/build_all.py --poverty-report

lint: setup
	$(RUFF) check .
	$(RUFF) format --check .

format: setup
	$(RUFF) format .
	$(RUFF) check --fix .

workflows: setup
	$(PY) workflows/build_workflows.py

translations: setup
	@command -v lrelease >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qttools5-dev-tools
	$(PY) scripts/i18n.py

# docs/tools.md and docs/model-cards.md come from the code and the model cards (tests/project/test_docs.py checks).
docs: setup
	$(PY) scripts/docs.py

package: setup
	$(PY) scripts/package.py

clean:
	rm -rf demo-output bench-output dist .pytest_cache .ruff_cache
