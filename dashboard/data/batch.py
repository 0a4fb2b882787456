"""One table of many operations, read into a single DataFrame.

Validating 1,000 small files costs mostly pandas' fixed overhead per call, so
the rows of every operation's file go into one frame, each rule runs once over
it, and each operation then gets its rows as a slice (a view, not a copy).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class TableBatch:
    """The rows of file ``paths[i]`` are the ``counts[i]`` rows of ``frame`` after those of
    the files before it."""

    paths: list[Path]
    frame: pd.DataFrame
    counts: list[int]

    @cached_property
    def starts(self) -> np.ndarray:
        """The first frame row of each file, then the number of rows."""
        return np.concatenate(([0], np.cumsum(self.counts, dtype=np.int64)))

    @cached_property
    def file_index(self) -> np.ndarray:
        """The file of each frame row."""
        return np.repeat(np.arange(len(self.counts)), self.counts)

    def rows(self, index: int) -> pd.DataFrame:
        """The table of the ``index``-th file alone, indexed from 0 like a frame of its own."""
        start, stop = int(self.starts[index]), int(self.starts[index + 1])
        part = self.frame.iloc[start:stop]
        part.index = pd.RangeIndex(stop - start)
        return part

    def first_rows(self, mask: np.ndarray) -> Iterator[tuple[int, int, int]]:
        """``(file, row in that file, row in frame)`` of the first ``True`` row of each file."""
        hits = np.flatnonzero(mask)
        files, first = np.unique(self.file_index[hits], return_index=True)
        for file, at in zip(files.tolist(), hits[first].tolist(), strict=True):
            yield file, at - int(self.starts[file]), at
