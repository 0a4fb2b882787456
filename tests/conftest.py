"""Shared fixtures: the seed page, the shipped data, and a browser-ready app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.app import create_app
from dashboard.data import load_operation

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "data"
OPERATION_ID = "kazakhstan-mco"
# The seed page, kept in the repository among the sources of the operation imported from it.
SEED = DATA_DIR / "operations" / OPERATION_ID / "sources" / "000_5ad34c431927eea1.txt"
# Any host but the local machine resolves to nothing, so a request that would
# leave 127.0.0.1 fails and shows up as a console error.
HOST_RULES = "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"


def pytest_setup_options():
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.add_argument("--window-size=1400,1000")
    options.add_argument(f"--host-resolver-rules={HOST_RULES}")
    options.add_argument("--disable-background-networking")
    options.add_argument("--disable-component-update")
    options.add_argument("--no-first-run")
    options.add_argument("--disable-sync")
    return options


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.fail(f"the seed page is missing: {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture
def operation_dir(data_copy: Path) -> Path:
    return data_copy / "operations" / OPERATION_ID


@pytest.fixture(scope="module")
def client():
    """A Flask test client of the app on the shipped data."""
    return create_app().server.test_client()


@pytest.fixture(scope="module")
def operation():
    """The shipped operation, loaded once per test module."""
    return load_operation(OPERATION_ID, data_dir=DATA_DIR)
