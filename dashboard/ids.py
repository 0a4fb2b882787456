"""Component ids of the app shell, in one place.

Pages keep the ids of their own components in a class at the top of their
module, so a page is one file.
"""

URL = "url"
# Holds everything but the URL; ``data-frame`` names the page, operations and
# language it is drawn for (see ``shell.frame``).
FRAME = "frame"
OPERATION_FIND = "operation-find"
YEAR_SELECT = "year-select"
YEAR_NOTICE = "year-notice"
PAGE_CONTENT = "page-content"
# The type of the shown page's hidden element whose ``data-view`` names the view
# its views are drawn for (see ``shell.frame.drawn_view_id``).
DRAWN_VIEW = "drawn-view"
NAV_LINK = "nav-link"
NAVBAR_TITLE = "navbar-title"
NAVBAR_TOGGLER = "navbar-toggler"
NAVBAR_COLLAPSE = "navbar-collapse"
PRINT_FOOTER = "print-footer"
COPY_LINK = "copy-link"
COPY_STATUS = "copy-link-status"
ALL_DATA_XLSX = "all-data-xlsx"
ALL_DATA_ZIP = "all-data-zip"
LANG_LINK = "language-link"
YEAR_LABEL = "year-label"
SKIP_LINK = "skip-link"
SHARE_SECTION = "share-section"
ALL_DATA_SECTION = "all-data-section"
ALL_DATA_LABEL = "all-data-label"
SOURCE_LANGUAGE_NOTE = "source-language-note"
# Carries the document's title and language (data-title, data-lang), which
# assets/js/document_meta.js applies: no clientside callback on every year switch.
DOCUMENT_META = "document-meta"
# The interface's words that clientside callbacks show (copy link, save image).
CLIENT_MESSAGES = "client-messages"
