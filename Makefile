# The two Quick start commands: `make run` and `make test`. Each builds its own virtual
# environment from this project's files first, so a fresh machine needs only Python 3.11+.
# Installs are locked to constraints/ci.txt (every package, exact versions) so CI is
# reproducible; pyproject.toml keeps compatible ranges for users.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
LOWEST := .venv-lowest

.PHONY: run test lint test-lowest bench clean

$(BIN)/mockdesk: pyproject.toml constraints/ci.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints/ci.txt -e '.[test]'
	touch $@

run: $(BIN)/mockdesk
	$(BIN)/mockdesk serve $(ARGS)

lint: $(BIN)/mockdesk
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

# The lowest supported runtime dependencies (constraints/lowest.txt), on the core, admin and
# one vendor's suites: enough to catch an API the ranges in pyproject.toml do not have.
test-lowest:
	$(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet --upgrade pip
	$(LOWEST)/bin/python -m pip install --quiet -c constraints/lowest.txt -e '.[test]'
	$(LOWEST)/bin/pytest -q -p no:cacheprovider tests/core tests/admin tests/vendors/sendcloud

bench: $(BIN)/mockdesk
	$(BIN)/python bench/run.py $(ARGS)

clean:
	rm -rf $(VENV) $(LOWEST) .pytest_cache .ruff_cache .mypy_cache .hypothesis
