"""Figure builders: DataFrames in, ``go.Figure`` out (written as plain dicts); no Dash imports."""
