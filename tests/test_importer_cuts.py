"""The seed cut short at every line: import what is whole, or refuse naming a line.

A copy saved from a web archive often stops part way.  For every cut, the import
either succeeds with whole blocks only (no narrative section that is not the
seed's own, whole) and the dashboard draws each page for each of its years, or it
is refused with a
message that names a line of the page.
"""

from __future__ import annotations

import pytest
from conftest import SEED

from dashboard.app import create_app
from dashboard.importer import PageError, import_page, parse_page

SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()
PAGES = ("/", "/budget", "/narratives", "/contributions")


@pytest.fixture(scope="module")
def whole_sections() -> dict[tuple[int, str, str], str]:
    page = parse_page(SEED.read_text(encoding="utf-8"))
    return {
        (year, kind, title): body
        for (year, kind), sections in page.narratives.items()
        for title, body in sections
    }


@pytest.mark.parametrize("kept", range(1, len(SEED_LINES)))
def test_a_page_cut_after_any_line_imports_whole_blocks_or_names_a_line(
    kept, tmp_path, whole_sections
):
    page = tmp_path / "page.txt"
    page.write_text("\n".join(SEED_LINES[:kept]) + "\n", encoding="utf-8")
    data = tmp_path / "data"
    try:
        imported = import_page(page, "cut", data)
    except PageError as error:
        assert error.line is not None and 1 <= error.line <= kept, str(error)
        assert not (data / "operations" / "cut").exists()
        return
    for (year, kind), sections in imported.page.narratives.items():
        for title, body in sections:
            assert whole_sections[(year, kind, title)] == body, title
    for error in imported.page.skipped:
        assert error.line is None or 1 <= error.line <= kept, str(error)
    client = create_app(data_dir=data).server.test_client()
    for year in imported.page.years:
        for address in PAGES:
            response = client.get(f"{address}?year={year}")
            assert response.status_code == 200, (address, year, response.status_code)
            assert 'id="first-frame"' in response.get_data(as_text=True)
