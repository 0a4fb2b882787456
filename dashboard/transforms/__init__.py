"""Pure pandas transforms: operation tables in, the numbers a view shows out."""
