"""The views of the Mean, variance & std page."""
