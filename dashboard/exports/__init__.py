"""The downloadable datasets behind each view (``datasets``) and the files they
are written to: CSV, Excel workbooks and ZIP archives (``files``)."""
