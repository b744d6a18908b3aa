"""Shared Streamlit helpers: URL state, page skeleton, code panel, error display."""
