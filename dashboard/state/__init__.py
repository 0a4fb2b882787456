"""What the user is looking at, read from the URL and written back to it."""
