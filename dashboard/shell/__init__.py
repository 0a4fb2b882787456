"""The app shell: the frame around the pages, the URL's callbacks, downloads."""
