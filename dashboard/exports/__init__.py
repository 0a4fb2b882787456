"""Tables as downloadable files: CSV, Excel workbooks and ZIP archives."""
