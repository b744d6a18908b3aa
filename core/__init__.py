"""Pure NumPy maths, one module per topic. No Streamlit, no Plotly."""
