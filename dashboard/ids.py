"""Component ids of the app shell, in one place.

Pages keep the ids of their own components in a class at the top of their
module, so a page is one file.
"""

URL = "url"
OPERATION = "operation-id"
OPERATION_SELECT = "operation-select"
YEAR = "selected-year"
YEAR_SELECT = "year-select"
YEAR_NOTICE = "year-notice"
PAGE_CONTENT = "page-content"
NAV_LINK = "nav-link"
NAVBAR_TITLE = "navbar-title"
PRINT_FOOTER = "print-footer"
COPY_LINK = "copy-link"
ALL_DATA_XLSX = "all-data-xlsx"
ALL_DATA_ZIP = "all-data-zip"
LANG = "interface-language"
LANG_LINK = "language-link"
YEAR_LABEL = "year-label"
# A page's year views write the year they show here (see CallbackSet.year_shown).
YEAR_SHOWN = "year-shown"
OPERATION_LABEL = "operation-label"
SKIP_LINK = "skip-link"
SHARE_SECTION = "share-section"
ALL_DATA_SECTION = "all-data-section"
ALL_DATA_LABEL = "all-data-label"
SOURCE_LANGUAGE_NOTE = "source-language-note"
