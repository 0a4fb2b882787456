"""Turn the text of a Global Focus operation page into the data folder's files."""

from dashboard.importer.page import PageError
from dashboard.importer.parse import ParsedPage, parse_page
from dashboard.importer.write import import_page, write_operation

__all__ = ["PageError", "ParsedPage", "import_page", "parse_page", "write_operation"]
