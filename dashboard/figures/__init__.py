"""Figure builders: DataFrames in, ``go.Figure`` out; no Dash imports."""
