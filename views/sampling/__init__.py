"""The views of the Sampling page."""
