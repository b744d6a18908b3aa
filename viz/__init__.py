"""Pure figure builders: results of ``core`` in, ``plotly.graph_objects.Figure`` out."""
