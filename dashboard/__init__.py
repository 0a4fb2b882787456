"""Operation dashboard for humanitarian reporting data."""
