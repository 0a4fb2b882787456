"""Public data layer: ``load_operation`` and ``list_operations``.

Usable from a notebook without starting Dash::

    from dashboard.data import load_operation
    op = load_operation("kazakhstan-mco")
    op.budget.groupby("year")[["budget_usd", "expenditure_usd"]].sum(min_count=1)
"""

from dashboard.data.errors import DataError, OperationNotFound
from dashboard.data.loaded import LoadedOperations
from dashboard.data.model import MapCentre, Operation, OperationMeta
from dashboard.data.schema import PILLARS
from dashboard.data.store import list_operations, load_operation, load_operations

__all__ = [
    "PILLARS",
    "DataError",
    "LoadedOperations",
    "MapCentre",
    "Operation",
    "OperationMeta",
    "OperationNotFound",
    "list_operations",
    "load_operation",
    "load_operations",
]
