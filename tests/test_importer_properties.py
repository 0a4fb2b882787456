"""Property: any mutation of the seed page imports data that serves, or fails clearly.

A clear error is one the command line turns into a one-line message (PageError
naming the block, DataError naming the file; see dashboard/cli.py), never an
unexpected exception with a traceback.  A failed import leaves the data folder
exactly as it was; a successful one passes the loader and the dashboard draws
its pages.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from conftest import DATA_DIR, OPERATION_ID, SEED
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dashboard.app import create_app
from dashboard.data import DataError, load_operation
from dashboard.importer import PageError, import_page

SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()
# Fragments that look like page syntax, so mutations reach deep into the parsers.
TOKENS = [
    "",
    "2020",
    "  • 2022",
    "  • 1800",
    "7,500 refugees",
    "100%",
    "null",
    "{",
    "}",
    '{"categories":[2020],"budget":[1],"expenditure":[null]}',
    '[["Refugees",538]]',
    '[["Refugees",-1]]',
    "Key Figures",
    "2021 planning figures",
    "2020 year-end results",
    "People of Concern",
    "Latest contributions",
    "private donors",
    "15-OCT-2021",
    "31-FEB-2021",
    "  • Germany",
    "| a | b |",
    "Operational context",
    "Working environment",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "\u00e9\u4e2d\U0001f600",
    "\ufeff",
    "\t",
]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@st.composite
def mutated_pages(draw) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "edit", "truncate"]))
        index = draw(st.integers(0, len(lines) - 1))
        if kind == "delete":
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif kind == "insert":
            text = draw(st.sampled_from(TOKENS) | st.text(max_size=30))
            lines.insert(index, text)
        elif kind == "edit":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            cut = draw(st.integers(0, 5))
            text = draw(st.sampled_from(TOKENS) | st.text(max_size=8))
            lines[index] = line[:at] + text + line[at + cut :]
        else:
            lines = lines[:index]
        if not lines:
            break
    return "\n".join(lines) + "\n"


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(page=mutated_pages())
def test_mutated_pages_import_cleanly_or_fail_clearly_writing_nothing(page):
    with tempfile.TemporaryDirectory() as temp:
        data = Path(temp) / "data"
        shutil.copytree(DATA_DIR, data)
        before = tree(data)
        source = Path(temp) / "page.txt"
        source.write_text(page, encoding="utf-8")
        try:
            imported = import_page(source, OPERATION_ID, data)
        except PageError as exc:
            event(f"refused: {exc.block}")
            assert exc.block and str(exc)
            assert tree(data) == before
        except DataError as exc:
            event("refused by validation")
            assert exc.path and str(exc).startswith(str(exc.path))
            assert tree(data) == before
        else:
            event(f"imported, {len(imported.page.skipped)} problems left out")
            # Written data passes the dashboard's own loader, and the dashboard draws it.
            assert load_operation(OPERATION_ID, data_dir=data).meta.id == OPERATION_ID
            assert imported.folder == data / "operations" / OPERATION_ID
            client = create_app(data_dir=data).server.test_client()
            for address in ("/", "/budget", "/narratives", "/contributions"):
                assert client.get(address).status_code == 200, address
        # No staging folder is left behind either way.
        assert not list((data / "operations").glob(".import-*"))
