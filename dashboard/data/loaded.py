"""Operations read and validated together, each made into an ``Operation`` when asked for."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator, Mapping

from dashboard.data.batch import TableBatch
from dashboard.data.model import Operation, OperationMeta

# Ids a notebook shows for the mapping; the rest are counted.
_SHOWN_IN_REPR = 5


class LoadedOperations(Mapping[str, Operation]):
    """The operations ``load_operations`` returns, by id, in the order they were asked for.

    Every file was read and checked before this mapping exists; it holds each
    table of all operations as one frame (``TableBatch``).  An operation's own
    DataFrames, slices of those frames, are cut the first time it is looked up
    and then kept, so looking it up again gives the same ``Operation``.  Cutting
    them up front took about a tenth of loading 1,000 operations, for
    operations a server worker may never be asked for.

    ``meta`` and ``row_count`` answer without cutting anything; iterating over
    ``values()`` or ``items()`` makes every operation.
    """

    def __init__(self, metas: dict[str, OperationMeta], tables: dict[str, TableBatch]) -> None:
        self._metas = metas
        self._index = {operation_id: index for index, operation_id in enumerate(metas)}
        self._tables = tables
        self._made: dict[str, Operation] = {}
        self._lock = threading.Lock()

    def __getitem__(self, operation_id: str) -> Operation:
        operation = self._made.get(operation_id)
        if operation is not None:
            return operation
        index = self._index[operation_id]
        # One Operation per id even when two requests ask at once: caches key on its identity.
        with self._lock:
            if operation_id not in self._made:
                self._made[operation_id] = Operation(
                    meta=self._metas[operation_id],
                    **{name: batch.rows(index) for name, batch in self._tables.items()},
                )
            return self._made[operation_id]

    def __contains__(self, operation_id: object) -> bool:
        return operation_id in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        shown = list(itertools.islice(self._index, _SHOWN_IN_REPR))
        more = f" and {len(self) - len(shown)} more" if len(self) > len(shown) else ""
        return f"<LoadedOperations {', '.join(shown)}{more}>"

    def meta(self, operation_id: str) -> OperationMeta:
        return self._metas[operation_id]

    def batch(self, table: str) -> TableBatch:
        """Every operation's rows of ``table`` in one frame, operation by operation
        in the mapping's order (``TableBatch.file_index`` gives each row's place)."""
        return self._tables[table]

    def row_count(self, operation_id: str, table: str) -> int:
        """The number of rows of one of the operation's tables (``Operation.table_names``)."""
        return self._tables[table].counts[self._index[operation_id]]
