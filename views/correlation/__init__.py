"""The views of the Correlation page."""
