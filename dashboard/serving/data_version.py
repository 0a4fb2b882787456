"""The version of a data folder: a digest of every file under it, by name and content.

Nothing here knows which files an operation has: every file under the folder
counts (the operations' tables, their sources, any table added later), except
hidden names (a leading ``.``), which are the importer's staging folders
(``.import-*``) and files such as ``.DS_Store`` that the loader skips too.

``folder_signature`` is the cheap check, run every poll: names, sizes,
modification times and inodes (``os.stat`` only).  ``folder_digest`` reads
every byte and is the version itself, computed only when the signature changed.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from dashboard.data.store import OPERATIONS_DIR

# The importer stages an operation in a hidden folder beside it and renames it
# into place (``importer.write``): while one exists an import is under way.
STAGING_PREFIX = ".import-"
# An import writes one operation in well under a minute.
STALE_STAGING_SECONDS = 300
VERSION_LENGTH = 16


def _files(folder: Path) -> Iterator[tuple[str, os.DirEntry]]:
    """Every file under ``folder`` that is not hidden, as (path relative to it, entry), by name."""
    pending = [("", folder)]
    while pending:
        prefix, current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = prefix + entry.name
            if entry.is_dir(follow_symlinks=True):
                pending.append((relative + "/", Path(entry.path)))
            else:
                yield relative, entry


def folder_signature(folder: Path) -> str:
    """Names, sizes, modification times and inodes of the files: changes when any file does."""
    digest = hashlib.blake2b(digest_size=16)
    for relative, entry in _files(folder):
        try:
            stat = entry.stat()
        except FileNotFoundError:
            continue
        digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}\n".encode())
    return digest.hexdigest()


def folder_digest(folder: Path) -> str:
    """The data version: SHA-256 over each file's path and content, in name order."""
    digest = hashlib.sha256()
    for relative, entry in _files(folder):
        try:
            content = Path(entry.path).read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            continue
        digest.update(relative.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()[:VERSION_LENGTH]


def import_under_way(folder: Path) -> bool:
    """Whether an importer's staging folder in ``folder``'s operations changed in the
    last ``STALE_STAGING_SECONDS`` (an older one was left by an importer killed midway)."""
    operations = folder / OPERATIONS_DIR
    recent = time.time() - STALE_STAGING_SECONDS
    try:
        entries = list(os.scandir(operations))
    except FileNotFoundError:
        return False
    for entry in entries:
        if entry.name.startswith(STAGING_PREFIX):
            try:
                if entry.stat().st_mtime > recent:
                    return True
            except FileNotFoundError:
                continue
    return False
