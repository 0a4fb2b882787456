"""Turn the text of a Global Focus operation page into the data folder's files."""

from dashboard.importer.batch import PageOutcome, import_pages
from dashboard.importer.history import History
from dashboard.importer.ids import operation_id_for
from dashboard.importer.page import PageError
from dashboard.importer.parse import ParsedPage, parse_page
from dashboard.importer.report import history_report, import_report
from dashboard.importer.write import Imported, import_page, rebuild, remove_source

__all__ = [
    "History",
    "Imported",
    "PageError",
    "PageOutcome",
    "ParsedPage",
    "history_report",
    "import_page",
    "import_pages",
    "import_report",
    "operation_id_for",
    "parse_page",
    "rebuild",
    "remove_source",
]
