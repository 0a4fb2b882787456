"""Pieces of the production server; ``dashboard.server.harden`` installs them."""
